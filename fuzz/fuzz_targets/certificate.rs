//! Feeds arbitrary text to certificate-number parsing and to certificate verification against a
//! fixed valid card. The input is tried both as a bare number and as certificate JSON.

#![no_main]

use data_assets_core::registration::{
    Certificate, CertificateNumber, GovernmentCard, check_character, parse_card_json, verify,
};
use libfuzzer_sys::fuzz_target;

const CARD: &str = r#"{"asset_id":"GL-001","name":"交通流量数据","summary":"路口流量",
"holder":{"name":"桂林市交通运输局","credit_code":"12450300MB0000019R"},"category":"public",
"rights_registration":"registered","booking_status":"intangible_asset","table_count":12,
"field_count":340,"record_count":5000000,"open_type":"not_open","sharing_type":"unconditional",
"security_grade":"general","update_frequency":"daily","source_systems":["交通信号控制系统"],
"operation_status":"not_authorized","book_value":"800000.00","contains_personal_data":false,
"personal_data_basis":"none"}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = check_character(text);
    if let Ok(number) = text.parse::<CertificateNumber>() {
        // A number that parses prints back to the same text.
        assert_eq!(number.to_string(), text);
    }
    if let Ok(certificate) = serde_json::from_str::<Certificate>(text) {
        let card: GovernmentCard = parse_card_json(CARD).expect("the fixed card is valid");
        let _ = verify(&certificate, &card);
    }
});
