use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::asset::{
    BookingStatus, DataCategory, OpenType, PersonalDataBasis, RightKind, RightsRegistration,
    SecurityGrade, SharingType, UpdateFrequency,
};
use crate::money::Amount;

fn traffic_bureau() -> CardHolder {
    CardHolder {
        name: "桂林市交通运输局".into(),
        credit_code: "11450300MB0000000X".into(),
    }
}

fn government_card() -> GovernmentCard {
    GovernmentCard {
        asset_id: "GL-001".into(),
        name: "交通流量数据".into(),
        summary: "主要路口分时段车流量".into(),
        holder: traffic_bureau(),
        category: DataCategory::Public,
        rights_registration: RightsRegistration::Registered,
        booking_status: BookingStatus::IntangibleAsset,
        table_count: 12,
        field_count: 340,
        record_count: 5_000_000,
        open_type: OpenType::Conditional,
        open_conditions: Some("签订数据使用协议".into()),
        sharing_type: SharingType::Unconditional,
        sharing_conditions: None,
        security_grade: SecurityGrade::General,
        update_frequency: UpdateFrequency::Daily,
        source_systems: vec!["交通信号控制系统".into()],
        operation_status: OperationStatus::NotAuthorized,
        book_value: Amount::from_fen(80_000_000),
        contains_personal_data: false,
        personal_data_basis: PersonalDataBasis::NoBasis,
    }
}

fn enterprise_card() -> EnterpriseCard {
    let holder = CardHolder {
        name: "桂林旅游投资集团".into(),
        credit_code: "91450300MA5K000001".into(),
    };
    EnterpriseCard {
        basic: EnterpriseBasicInfo {
            asset_id: "QY-007".into(),
            name: "景区客流数据".into(),
            summary: "各景区入园人次".into(),
            holder: holder.clone(),
            category: DataCategory::Enterprise,
            booking_status: BookingStatus::IntangibleAsset,
            book_value: Amount::from_fen(150_000_000),
            source_systems: vec!["票务系统".into()],
            contains_personal_data: true,
            personal_data_basis: PersonalDataBasis::Anonymized,
        },
        rights: EnterpriseRightsInfo {
            rights: vec![
                RightHolding {
                    right: RightKind::Holding,
                    holder: holder.clone(),
                },
                RightHolding {
                    right: RightKind::ProcessingUse,
                    holder,
                },
            ],
            rights_registration: RightsRegistration::Registered,
            registration_number: Some("GXDJ-2025-0042".into()),
        },
        usage: EnterpriseUsageInfo {
            scenarios: vec!["客流预测".into()],
            licensees: vec!["桂林文旅科技公司".into()],
            products: vec!["客流指数".into()],
        },
        management: EnterpriseManagementInfo {
            security_grade: SecurityGrade::General,
            responsible_department: "信息中心".into(),
            has_security_system: true,
            has_emergency_plan: true,
            update_frequency: UpdateFrequency::Daily,
        },
    }
}

fn codes(problems: &[RegistrationError]) -> Vec<&'static str> {
    problems.iter().map(ErrorDetail::code).collect()
}

fn problems_of<C: InfoCard>(card: &C) -> Vec<RegistrationError> {
    card.validate().err().unwrap_or_default()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

// ---- government card rules ----

#[test]
fn government_card_valid() {
    assert_eq!(government_card().validate(), Ok(()));
}

#[test]
fn government_card_not_shared_requires_not_open() {
    let mut card = government_card();
    card.sharing_type = SharingType::NotShared;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.not_shared_but_open"]);
    assert_eq!(problems[0].field(), "open_type");
    assert_eq!(problems[0].value(), "conditional");

    card.open_type = OpenType::NotOpen;
    card.open_conditions = None;
    assert_eq!(card.validate(), Ok(()));
}

#[test]
fn government_card_conditional_types_need_conditions() {
    let mut card = government_card();
    card.open_conditions = Some("  ".into());
    card.sharing_type = SharingType::Conditional;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.missing_conditions"; 2]);
    assert_eq!(problems[0].field(), "open_conditions");
    assert_eq!(problems[1].field(), "sharing_conditions");
}

#[test]
fn government_card_personal_data_needs_basis() {
    let mut card = government_card();
    card.contains_personal_data = true;
    let problems = problems_of(&card);
    assert_eq!(
        codes(&problems),
        ["registration.personal_data_without_basis"]
    );
    assert_eq!(problems[0].field(), "personal_data_basis");

    card.personal_data_basis = PersonalDataBasis::Consent;
    assert_eq!(card.validate(), Ok(()));
    card.personal_data_basis = PersonalDataBasis::Anonymized;
    assert_eq!(card.validate(), Ok(()));
}

#[test]
fn government_card_personal_category_needs_basis() {
    let mut card = government_card();
    card.category = DataCategory::Personal;
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.personal_data_without_basis"]
    );
}

#[test]
fn government_card_fields_fewer_than_tables() {
    let mut card = government_card();
    card.table_count = 3;
    card.field_count = 2;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.inconsistent_counts"]);
    assert_eq!(problems[0].value(), "tables 3, fields 2, records 5000000");

    card.field_count = 3;
    assert_eq!(card.validate(), Ok(()));
}

#[test]
fn government_card_counts_without_tables() {
    let mut card = government_card();
    card.table_count = 0;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.inconsistent_counts"; 2]);
    assert_eq!(problems[0].field(), "field_count");
    assert_eq!(problems[1].field(), "record_count");
}

#[test]
fn government_card_book_value_rules() {
    let mut card = government_card();
    card.book_value = Amount::from_fen(-1);
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.negative_book_value"]
    );

    card.book_value = "10.005".parse().unwrap();
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.book_value_not_fen"]
    );

    card.book_value = Amount::from_fen(100);
    card.booking_status = BookingStatus::Unbooked;
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.book_value_without_booking"]
    );

    card.book_value = Amount::ZERO;
    assert_eq!(card.validate(), Ok(()));
}

#[test]
fn government_card_core_data_not_authorized() {
    let mut card = government_card();
    card.security_grade = SecurityGrade::Core;
    assert_eq!(card.validate(), Ok(()));
    card.operation_status = OperationStatus::Authorized;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.core_data_authorized"]);
    assert_eq!(problems[0].field(), "operation_status");
}

#[test]
fn government_card_lists_every_problem() {
    let mut card = government_card();
    card.name = String::new();
    card.holder.credit_code = " ".into();
    card.source_systems.clear();
    card.sharing_type = SharingType::NotShared;
    card.contains_personal_data = true;
    card.book_value = Amount::from_fen(-500);
    let problems = problems_of(&card);
    let fields: Vec<&str> = problems.iter().map(ErrorDetail::field).collect();
    assert_eq!(
        fields,
        [
            "name",
            "holder.credit_code",
            "open_type",
            "source_systems",
            "book_value",
            "personal_data_basis"
        ]
    );
    assert_eq!(
        codes(&problems),
        [
            "registration.missing_field",
            "registration.missing_field",
            "registration.not_shared_but_open",
            "registration.missing_field",
            "registration.negative_book_value",
            "registration.personal_data_without_basis",
        ]
    );
}

#[test]
fn government_card_blank_source_system() {
    let mut card = government_card();
    card.source_systems.push(String::new());
    let problems = problems_of(&card);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field(), "source_systems[1]");
}

// ---- enterprise card rules ----

#[test]
fn enterprise_card_valid() {
    assert_eq!(enterprise_card().validate(), Ok(()));
}

#[test]
fn enterprise_card_holder_needs_holding_right() {
    let mut card = enterprise_card();
    card.rights.rights.remove(0);
    let problems = problems_of(&card);
    assert_eq!(
        codes(&problems),
        ["registration.holder_lacks_holding_right"]
    );
    assert_eq!(problems[0].value(), "桂林旅游投资集团");
}

#[test]
fn enterprise_card_holding_right_of_another_unit() {
    let mut card = enterprise_card();
    card.rights.rights[0].holder.credit_code = "91450300MA5K000002".into();
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.holder_lacks_holding_right"]
    );
}

#[test]
fn enterprise_card_duplicate_right() {
    let mut card = enterprise_card();
    let first = card.rights.rights[0].clone();
    card.rights.rights.push(first);
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.duplicate_right"]);
    assert_eq!(problems[0].field(), "rights.rights[2]");
}

#[test]
fn enterprise_card_registered_rights_need_number() {
    let mut card = enterprise_card();
    card.rights.registration_number = None;
    assert_eq!(
        codes(&problems_of(&card)),
        ["registration.missing_registration_number"]
    );
    card.rights.rights_registration = RightsRegistration::Pending;
    assert_eq!(card.validate(), Ok(()));
}

#[test]
fn enterprise_card_core_data_has_no_licensees() {
    let mut card = enterprise_card();
    card.management.security_grade = SecurityGrade::Core;
    let problems = problems_of(&card);
    assert_eq!(codes(&problems), ["registration.core_data_authorized"]);
    assert_eq!(problems[0].field(), "usage.licensees");
}

#[test]
fn enterprise_card_lists_every_problem() {
    let mut card = enterprise_card();
    card.basic.summary = String::new();
    card.basic.personal_data_basis = PersonalDataBasis::NoBasis;
    card.rights.rights.clear();
    card.usage.products.push(" ".into());
    card.management.responsible_department = String::new();
    let problems = problems_of(&card);
    let fields: Vec<&str> = problems.iter().map(ErrorDetail::field).collect();
    assert_eq!(
        fields,
        [
            "basic.summary",
            "basic.personal_data_basis",
            "rights.rights",
            "usage.products[1]",
            "management.responsible_department",
        ]
    );
}

// ---- JSON Schema and parsing ----

fn required(schema: &serde_json::Value) -> Vec<String> {
    let mut names: Vec<String> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn government_schema_requires_every_non_optional_field() {
    let schema = government_card_schema();
    let mut expected = vec![
        "asset_id",
        "name",
        "summary",
        "holder",
        "category",
        "rights_registration",
        "booking_status",
        "table_count",
        "field_count",
        "record_count",
        "open_type",
        "sharing_type",
        "security_grade",
        "update_frequency",
        "source_systems",
        "operation_status",
        "book_value",
        "contains_personal_data",
        "personal_data_basis",
    ];
    expected.sort_unstable();
    assert_eq!(required(&schema), expected);
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["properties"]["book_value"]["$ref"], "#/$defs/Amount");
}

#[test]
fn government_schema_matches_good_card_shape() {
    let schema = government_card_schema();
    let card = serde_json::to_value(government_card()).unwrap();
    let object = card.as_object().unwrap();
    let properties = schema["properties"].as_object().unwrap();
    for name in required(&schema) {
        assert!(object.contains_key(&name), "card lacks required {name}");
    }
    for key in object.keys() {
        assert!(properties.contains_key(key), "schema lacks property {key}");
    }
    let open_codes = schema["$defs"]["OpenType"].to_string();
    assert!(open_codes.contains("\"not_open\""), "{open_codes}");
}

#[test]
fn enterprise_schema_requires_sections() {
    let schema = enterprise_card_schema();
    assert_eq!(required(&schema), ["basic", "management", "rights"]);
    let basic = &schema["$defs"]["EnterpriseBasicInfo"];
    assert!(required(basic).contains(&"holder".to_owned()));
    let rights = &schema["$defs"]["EnterpriseRightsInfo"];
    assert_eq!(required(rights), ["rights", "rights_registration"]);
}

#[test]
fn parse_card_json_round_trip() {
    let text = serde_json::to_string(&government_card()).unwrap();
    assert_eq!(
        parse_card_json::<GovernmentCard>(&text),
        Ok(government_card())
    );
    let text = serde_json::to_string(&enterprise_card()).unwrap();
    assert_eq!(
        parse_card_json::<EnterpriseCard>(&text),
        Ok(enterprise_card())
    );
}

#[test]
fn parse_card_json_accepts_chinese_labels() {
    let mut value = serde_json::to_value(government_card()).unwrap();
    value["open_type"] = "有条件开放".into();
    value["security_grade"] = "一般数据".into();
    let card = parse_card_json::<GovernmentCard>(&value.to_string()).unwrap();
    assert_eq!(card.open_type, OpenType::Conditional);
}

#[test]
fn parse_card_json_syntax_error() {
    let problems = parse_card_json::<GovernmentCard>("{\"name\": x}").unwrap_err();
    assert_eq!(codes(&problems), ["registration.json_syntax"]);
    assert_eq!(problems[0].value(), "1:10");
}

#[test]
fn parse_card_json_truncated() {
    let problems = parse_card_json::<GovernmentCard>("{\"name\": \"x\",").unwrap_err();
    assert_eq!(codes(&problems), ["registration.json_truncated"]);
}

#[test]
fn parse_card_json_lists_missing_fields() {
    let mut value = serde_json::to_value(government_card()).unwrap();
    let object = value.as_object_mut().unwrap();
    object.remove("table_count");
    object.remove("book_value");
    object["holder"]
        .as_object_mut()
        .unwrap()
        .remove("credit_code");
    let problems = parse_card_json::<GovernmentCard>(&value.to_string()).unwrap_err();
    let mut fields: Vec<&str> = problems.iter().map(ErrorDetail::field).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["book_value", "holder.credit_code", "table_count"]);
    assert!(
        codes(&problems)
            .iter()
            .all(|c| *c == "registration.missing_field")
    );
}

#[test]
fn parse_card_json_missing_nested_in_list() {
    let mut value = serde_json::to_value(enterprise_card()).unwrap();
    value["rights"]["rights"][1]
        .as_object_mut()
        .unwrap()
        .remove("right");
    let problems = parse_card_json::<EnterpriseCard>(&value.to_string()).unwrap_err();
    assert_eq!(codes(&problems), ["registration.missing_field"]);
    assert_eq!(problems[0].field(), "rights.rights[1].right");
}

#[test]
fn parse_card_json_unknown_code() {
    let mut value = serde_json::to_value(government_card()).unwrap();
    value["open_type"] = "sometimes".into();
    let problems = parse_card_json::<GovernmentCard>(&value.to_string()).unwrap_err();
    assert_eq!(codes(&problems), ["registration.json_invalid_value"]);
}

#[test]
fn parse_card_json_unknown_field() {
    let mut value = serde_json::to_value(government_card()).unwrap();
    value["colour"] = "blue".into();
    let problems = parse_card_json::<GovernmentCard>(&value.to_string()).unwrap_err();
    assert_eq!(codes(&problems), ["registration.json_invalid_value"]);
}

#[test]
fn parse_card_json_reports_rule_problems() {
    let mut value = serde_json::to_value(government_card()).unwrap();
    value["sharing_type"] = "not_shared".into();
    value["contains_personal_data"] = true.into();
    let problems = parse_card_json::<GovernmentCard>(&value.to_string()).unwrap_err();
    assert_eq!(
        codes(&problems),
        [
            "registration.not_shared_but_open",
            "registration.personal_data_without_basis"
        ]
    );
}

// ---- certificate numbers ----

#[test]
fn check_character_by_hand() {
    // Digits 4503002025000123 with weights 2..=17:
    // 4·2 + 5·3 + 3·5 + 2·8 + 2·10 + 5·11 + 1·15 + 2·16 + 3·17 = 227 ≡ 10 (mod 31),
    // so c = 31 − 10 = 21, the 22nd symbol of 0-9 A-H J-N: M.
    assert_eq!(check_character("4503002025000123"), Some('M'));
    // 4·2 + 5·3 + 3·5 + 2·8 + 2·10 + 5·11 + 1·17 = 146 ≡ 22, c = 9.
    assert_eq!(check_character("4503002025000001"), Some('9'));
    assert_eq!(check_character("450300202500012"), None);
    assert_eq!(check_character("45030020250001A3"), None);
}

#[test]
fn certificate_number_round_trip() {
    let number = CertificateNumber::new("450300", 2025, 123).unwrap();
    assert_eq!(number.to_string(), "DA-450300-2025-000123-M");
    let parsed: CertificateNumber = "DA-450300-2025-000123-M".parse().unwrap();
    assert_eq!(parsed, number);
    assert_eq!(parsed.region_code(), "450300");
    assert_eq!(parsed.year(), 2025);
    assert_eq!(parsed.sequence(), 123);
}

#[test]
fn certificate_number_rejects_bad_parts() {
    for (region, year, sequence) in [
        ("45030", 2025, 1),
        ("045030", 2025, 1),
        ("4503a0", 2025, 1),
        ("450300", 1999, 1),
        ("450300", 2025, 0),
        ("450300", 2025, 1_000_000),
    ] {
        let error = CertificateNumber::new(region, year, sequence).unwrap_err();
        assert_eq!(
            error.code(),
            "registration.invalid_certificate_number",
            "{region} {year} {sequence}"
        );
    }
}

#[test]
fn certificate_number_rejects_bad_text() {
    for text in [
        "",
        "DA-450300-2025-000123",
        "DB-450300-2025-000123-M",
        "DA-450300-2025-00123-M",
        "DA-450300-2025-000123-MM",
        "DA-450300-2025-000123-I",
        "DA-450300-2025-000000-0",
        "DA-450300-2025-000123-m",
    ] {
        let error = text.parse::<CertificateNumber>().unwrap_err();
        assert_eq!(
            error.code(),
            "registration.invalid_certificate_number",
            "{text}"
        );
    }
    let error = "DA-450300-2025-000123-N"
        .parse::<CertificateNumber>()
        .unwrap_err();
    assert_eq!(error.code(), "registration.check_character_mismatch");
}

/// Every way to change one character of `text` into another printable ASCII character, and
/// every swap of two adjacent different characters.
fn single_typos(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for index in 0..chars.len() {
        for replacement in (0x21u8..=0x7e).map(char::from) {
            if replacement != chars[index] {
                let mut changed = chars.clone();
                changed[index] = replacement;
                out.push(changed.into_iter().collect());
            }
        }
    }
    for index in 0..chars.len() - 1 {
        if chars[index] != chars[index + 1] {
            let mut swapped = chars.clone();
            swapped.swap(index, index + 1);
            out.push(swapped.into_iter().collect());
        }
    }
    out
}

#[test]
fn certificate_number_detects_every_single_typo() {
    let samples = [
        CertificateNumber::new("450300", 2025, 123).unwrap(),
        CertificateNumber::new("450321", 2026, 999_999).unwrap(),
        CertificateNumber::new("110000", 2000, 1).unwrap(),
        CertificateNumber::new("653130", 2999, 908_172).unwrap(),
    ];
    let mut checked = 0;
    for number in samples {
        let text = number.to_string();
        for typo in single_typos(&text) {
            assert!(
                typo.parse::<CertificateNumber>().is_err(),
                "{text} → {typo} was accepted"
            );
            checked += 1;
        }
    }
    assert!(checked > 4 * 23 * 90, "only {checked} typos checked");
}

#[test]
fn certificate_number_every_check_value_used() {
    let symbols: std::collections::BTreeSet<char> = (1..=1000)
        .map(|s| CertificateNumber::new("450300", 2025, s).unwrap().check())
        .collect();
    assert_eq!(symbols.len(), 31);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn certificate_number_typo_detected(
        region in 100_000u32..=999_999,
        year in 2000u16..=2999,
        sequence in 1u32..=999_999,
        position in 0usize..23,
        replacement in 0x21u8..=0x7e,
        swap in any::<bool>(),
    ) {
        let number = CertificateNumber::new(&region.to_string(), year, sequence).unwrap();
        let text = number.to_string();
        let mut chars: Vec<char> = text.chars().collect();
        if swap {
            let index = position.min(chars.len() - 2);
            prop_assume!(chars[index] != chars[index + 1]);
            chars.swap(index, index + 1);
        } else {
            prop_assume!(chars[position] != char::from(replacement));
            chars[position] = char::from(replacement);
        }
        let typo: String = chars.into_iter().collect();
        prop_assert!(typo.parse::<CertificateNumber>().is_err(), "{} → {} accepted", text, typo);
        prop_assert_eq!(text.parse::<CertificateNumber>(), Ok(number));
    }
}

// ---- fingerprints and verification ----

#[test]
fn canonical_json_by_hand() {
    let card = government_card();
    let expected = concat!(
        r#"{"asset_id":"GL-001","book_value":"800000.00","booking_status":"intangible_asset","#,
        r#""category":"public","contains_personal_data":false,"field_count":340,"#,
        r#""holder":{"credit_code":"11450300MB0000000X","name":"桂林市交通运输局"},"#,
        r#""name":"交通流量数据","open_conditions":"签订数据使用协议","open_type":"conditional","#,
        r#""operation_status":"not_authorized","personal_data_basis":"none","#,
        r#""record_count":5000000,"rights_registration":"registered","#,
        r#""security_grade":"general","sharing_conditions":null,"#,
        r#""sharing_type":"unconditional","source_systems":["交通信号控制系统"],"#,
        r#""summary":"主要路口分时段车流量","table_count":12,"update_frequency":"daily"}"#,
    );
    assert_eq!(canonical_json(&card), expected);
}

#[test]
fn fingerprint_ignores_amount_scale() {
    let mut card = government_card();
    let reference = fingerprint(&card);
    card.book_value = "800000".parse().unwrap();
    assert_eq!(fingerprint(&card), reference);
    card.book_value = "800000.000".parse().unwrap();
    assert_eq!(fingerprint(&card), reference);
    card.book_value = "800000.01".parse().unwrap();
    assert_ne!(fingerprint(&card), reference);
}

#[test]
fn fingerprint_is_sha256_of_canonical_json() {
    // Expected digest computed outside the crate with Python's hashlib over the canonical text
    // of `canonical_json_by_hand`.
    assert_eq!(
        fingerprint(&government_card()),
        "9af7a2057c3d9494ca952a2f9f7f48b0d4efd1f8845957f630be491411953f8a"
    );
}

fn issued(card: &GovernmentCard) -> Certificate {
    let number = CertificateNumber::new("450300", 2025, 123).unwrap();
    Certificate::issue(&number, card, date(2025, 11, 28)).unwrap()
}

#[test]
fn certificate_verifies_its_card() {
    let card = government_card();
    let certificate = issued(&card);
    assert_eq!(certificate.number, "DA-450300-2025-000123-M");
    assert_eq!(verify(&certificate, &card), Ok(()));
}

#[test]
fn certificate_not_issued_for_invalid_card() {
    let mut card = government_card();
    card.sharing_type = SharingType::NotShared;
    let number = CertificateNumber::new("450300", 2025, 1).unwrap();
    let problems = Certificate::issue(&number, &card, date(2025, 11, 28)).unwrap_err();
    assert_eq!(codes(&problems), ["registration.not_shared_but_open"]);
}

#[test]
fn verify_detects_changed_field() {
    let card = government_card();
    let certificate = issued(&card);
    let mut changed = card.clone();
    changed.record_count += 1;
    let error = verify(&certificate, &changed).unwrap_err();
    assert_eq!(error.code(), "registration.fingerprint_mismatch");
    assert_eq!(error.value(), fingerprint(&changed));
}

#[test]
fn verify_detects_other_asset_or_holder() {
    let card = government_card();
    let certificate = issued(&card);
    let mut other = card.clone();
    other.asset_id = "GL-002".into();
    let error = verify(&certificate, &other).unwrap_err();
    assert_eq!(error.code(), "registration.certificate_mismatch");
    assert_eq!(error.field(), "asset_id");
    let mut other = card.clone();
    other.holder.name = "桂林市水利局".into();
    let error = verify(&certificate, &other).unwrap_err();
    assert_eq!(error.code(), "registration.certificate_mismatch");
    assert_eq!(error.field(), "holder");
}

#[test]
fn verify_detects_mistyped_number() {
    let card = government_card();
    let mut certificate = issued(&card);
    certificate.number = "DA-450300-2025-000132-M".into();
    assert_eq!(
        verify(&certificate, &card).unwrap_err().code(),
        "registration.check_character_mismatch"
    );
    certificate.number = "DA-450300-2025-00O123-M".into();
    assert_eq!(
        verify(&certificate, &card).unwrap_err().code(),
        "registration.invalid_certificate_number"
    );
}

#[test]
fn enterprise_certificate_verifies() {
    let card = enterprise_card();
    let number = CertificateNumber::new("450300", 2025, 7).unwrap();
    let certificate = Certificate::issue(&number, &card, date(2025, 12, 1)).unwrap();
    assert_eq!(verify(&certificate, &card), Ok(()));
    let mut changed = card;
    changed.usage.products.push("客流热力图".into());
    assert_eq!(
        verify(&certificate, &changed).unwrap_err().code(),
        "registration.fingerprint_mismatch"
    );
}

/// Changes field `index` of the card to a different value of the same type.
fn change_field(card: &mut GovernmentCard, index: usize, text: &str) {
    fn next<T: Copy + PartialEq>(all: &[T], current: T) -> T {
        let position = all.iter().position(|v| *v == current).unwrap();
        all[(position + 1) % all.len()]
    }
    match index {
        0 => card.asset_id.push_str(text),
        1 => card.name.push_str(text),
        2 => card.summary.push_str(text),
        3 => card.holder.name.push_str(text),
        4 => card.holder.credit_code.push_str(text),
        5 => card.category = next(DataCategory::ALL, card.category),
        6 => card.rights_registration = next(RightsRegistration::ALL, card.rights_registration),
        7 => card.booking_status = next(BookingStatus::ALL, card.booking_status),
        8 => card.table_count += 1,
        9 => card.field_count += 1,
        10 => card.record_count += 1,
        11 => card.open_type = next(OpenType::ALL, card.open_type),
        12 => card.open_conditions = None,
        13 => card.sharing_type = next(SharingType::ALL, card.sharing_type),
        14 => card.sharing_conditions = Some(text.to_owned()),
        15 => card.security_grade = next(SecurityGrade::ALL, card.security_grade),
        16 => card.update_frequency = next(UpdateFrequency::ALL, card.update_frequency),
        17 => card.source_systems.push(text.to_owned()),
        18 => card.operation_status = next(OperationStatus::ALL, card.operation_status),
        19 => card.book_value = card.book_value.checked_add(Amount::from_fen(1)).unwrap(),
        20 => card.contains_personal_data = !card.contains_personal_data,
        _ => card.personal_data_basis = next(PersonalDataBasis::ALL, card.personal_data_basis),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn verify_fails_after_any_field_change(index in 0usize..22, text in "[a-z0-9\\u4e00-\\u9fa5]{1,8}") {
        let card = government_card();
        let certificate = issued(&card);
        let mut changed = card.clone();
        change_field(&mut changed, index, &text);
        prop_assert_ne!(&changed, &card);
        let error = verify(&certificate, &changed).unwrap_err();
        let expected = if index == 0 || index == 3 || index == 4 {
            "registration.certificate_mismatch"
        } else {
            "registration.fingerprint_mismatch"
        };
        prop_assert_eq!(error.code(), expected);
    }
}

// ---- registration events ----

fn initial(number: &str) -> RegistrationEvent {
    RegistrationEvent {
        kind: RegistrationEventKind::Initial {
            holder: traffic_bureau(),
            certificate_number: number.into(),
        },
        actor: "clerk".into(),
        date: date(2025, 11, 20),
    }
}

fn event(kind: RegistrationEventKind, day: u32) -> RegistrationEvent {
    RegistrationEvent {
        kind,
        actor: "clerk".into(),
        date: date(2025, 12, day),
    }
}

fn water_bureau() -> CardHolder {
    CardHolder {
        name: "桂林市水利局".into(),
        credit_code: "11450300MB0000001X".into(),
    }
}

#[test]
fn book_records_full_lifecycle() {
    let mut book = RegistrationBook::default();
    book.record("GL-001", initial("DA-450300-2025-000123-M"))
        .unwrap();
    let change = RegistrationEventKind::Change {
        fingerprint: fingerprint(&government_card()),
        description: "记录数更新".into(),
    };
    book.record("GL-001", event(change, 1)).unwrap();
    book.record(
        "GL-001",
        event(
            RegistrationEventKind::Transfer {
                new_holder: water_bureau(),
            },
            2,
        ),
    )
    .unwrap();
    let renewal = RegistrationEventKind::Renewal {
        certificate_number: "DA-450300-2025-000001-9".into(),
    };
    book.record("GL-001", event(renewal, 3)).unwrap();
    let record = book.get("GL-001").unwrap();
    assert_eq!(record.holder, water_bureau());
    assert_eq!(record.certificate_number, "DA-450300-2025-000001-9");
    assert!(!record.cancelled);
    assert_eq!(record.events.len(), 4);

    let cancel = RegistrationEventKind::Cancellation {
        reason: "数据停止更新".into(),
    };
    let record = book.record("GL-001", event(cancel, 4)).unwrap();
    assert!(record.cancelled);
    assert_eq!(record.events.len(), 5);
}

#[test]
fn book_rejects_everything_after_cancellation() {
    let mut book = RegistrationBook::default();
    book.record("GL-001", initial("DA-450300-2025-000123-M"))
        .unwrap();
    let cancel = RegistrationEventKind::Cancellation {
        reason: "资产报废".into(),
    };
    book.record("GL-001", event(cancel.clone(), 1)).unwrap();
    let attempts = [
        initial("DA-450300-2025-000123-M"),
        event(
            RegistrationEventKind::Change {
                fingerprint: "ab".into(),
                description: "x".into(),
            },
            2,
        ),
        event(
            RegistrationEventKind::Transfer {
                new_holder: water_bureau(),
            },
            2,
        ),
        event(
            RegistrationEventKind::Renewal {
                certificate_number: "DA-450300-2025-000001-9".into(),
            },
            2,
        ),
        event(cancel, 2),
    ];
    for attempt in attempts {
        let error = book.record("GL-001", attempt).unwrap_err();
        assert_eq!(error.code(), "registration.cancelled");
    }
    assert_eq!(book.get("GL-001").unwrap().events.len(), 2);
}

#[test]
fn book_rejects_second_initial() {
    let mut book = RegistrationBook::default();
    book.record("GL-001", initial("DA-450300-2025-000123-M"))
        .unwrap();
    let error = book
        .record("GL-001", initial("DA-450300-2025-000001-9"))
        .unwrap_err();
    assert_eq!(error.code(), "registration.already_registered");
}

#[test]
fn book_rejects_event_without_registration() {
    let mut book = RegistrationBook::default();
    let cancel = RegistrationEventKind::Cancellation { reason: "x".into() };
    let error = book.record("GL-404", event(cancel, 1)).unwrap_err();
    assert_eq!(error.code(), "registration.not_registered");
    assert_eq!(error.value(), "GL-404");
}

#[test]
fn book_rejects_transfer_to_same_holder() {
    let mut book = RegistrationBook::default();
    book.record("GL-001", initial("DA-450300-2025-000123-M"))
        .unwrap();
    let transfer = RegistrationEventKind::Transfer {
        new_holder: traffic_bureau(),
    };
    let error = book.record("GL-001", event(transfer, 1)).unwrap_err();
    assert_eq!(error.code(), "registration.transfer_to_same_holder");
}

#[test]
fn book_rejects_date_out_of_order() {
    let mut book = RegistrationBook::default();
    book.record("GL-001", initial("DA-450300-2025-000123-M"))
        .unwrap();
    let mut late = event(
        RegistrationEventKind::Cancellation { reason: "x".into() },
        1,
    );
    late.date = date(2025, 11, 19);
    let error = book.record("GL-001", late).unwrap_err();
    assert_eq!(error.code(), "registration.date_out_of_order");
    assert_eq!(error.value(), "2025-11-19");
}

#[test]
fn book_rejects_missing_actor_and_bad_number() {
    let mut book = RegistrationBook::default();
    let mut anonymous = initial("DA-450300-2025-000123-M");
    anonymous.actor = " ".into();
    let error = book.record("GL-001", anonymous).unwrap_err();
    assert_eq!(error.code(), "registration.missing_field");
    assert_eq!(error.field(), "actor");
    let error = book
        .record("GL-001", initial("DA-450300-2025-000123-N"))
        .unwrap_err();
    assert_eq!(error.code(), "registration.check_character_mismatch");
    assert!(book.get("GL-001").is_none());
}

#[test]
fn book_registers_certificate() {
    let card = government_card();
    let certificate = issued(&card);
    let mut book = RegistrationBook::default();
    let record = book.register_certificate(&certificate, "clerk").unwrap();
    assert_eq!(record.asset_id, "GL-001");
    assert_eq!(record.certificate_number, "DA-450300-2025-000123-M");
    assert_eq!(record.events[0].date, date(2025, 11, 28));
    assert_eq!(book.records().count(), 1);
}

// ---- validation against the generated schema with an independent validator ----

fn schema_errors(schema: &serde_json::Value, instance: &serde_json::Value) -> Vec<String> {
    let validator = jsonschema::validator_for(schema).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect()
}

#[test]
fn government_schema_accepts_good_card() {
    let schema = government_card_schema();
    let card = serde_json::to_value(government_card()).unwrap();
    assert_eq!(schema_errors(&schema, &card), Vec::<String>::new());
}

#[test]
fn government_schema_rejects_bad_shapes() {
    let schema = government_card_schema();
    let good = serde_json::to_value(government_card()).unwrap();
    let mut cases: Vec<(&str, serde_json::Value)> = Vec::new();
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("table_count");
    cases.push(("missing table_count", missing));
    let mut bad_code = good.clone();
    bad_code["open_type"] = "sometimes".into();
    cases.push(("unknown open type", bad_code));
    let mut float = good.clone();
    float["book_value"] = serde_json::json!(800_000.0);
    cases.push(("book value as a number", float));
    let mut negative_count = good.clone();
    negative_count["record_count"] = serde_json::json!(-1);
    cases.push(("negative count", negative_count));
    let mut extra = good.clone();
    extra["colour"] = "blue".into();
    cases.push(("unknown field", extra));
    let mut empty_name = good.clone();
    empty_name["holder"]["name"] = "".into();
    cases.push(("empty holder name", empty_name));
    let mut no_systems = good;
    no_systems["source_systems"] = serde_json::json!([]);
    cases.push(("no source systems", no_systems));
    for (case, instance) in cases {
        assert!(
            !schema_errors(&schema, &instance).is_empty(),
            "{case} was accepted"
        );
    }
}

#[test]
fn enterprise_schema_accepts_good_card() {
    let schema = enterprise_card_schema();
    let card = serde_json::to_value(enterprise_card()).unwrap();
    assert_eq!(schema_errors(&schema, &card), Vec::<String>::new());
}

#[test]
fn enterprise_schema_rejects_missing_nested_field() {
    let schema = enterprise_card_schema();
    let mut card = serde_json::to_value(enterprise_card()).unwrap();
    card["management"]
        .as_object_mut()
        .unwrap()
        .remove("security_grade");
    assert!(!schema_errors(&schema, &card).is_empty());
    let mut card = serde_json::to_value(enterprise_card()).unwrap();
    card["rights"]["rights"][0]["right"] = "ownership".into();
    assert!(!schema_errors(&schema, &card).is_empty());
}

// ---- malformed input never panics ----

#[test]
fn parse_card_json_top_level_array() {
    let problems = parse_card_json::<GovernmentCard>("[1, 2]").unwrap_err();
    assert_eq!(codes(&problems), ["registration.json_invalid_value"]);
}

#[test]
fn certificate_json_round_trip() {
    let certificate = issued(&government_card());
    let text = serde_json::to_string(&certificate).unwrap();
    let back: Certificate = serde_json::from_str(&text).unwrap();
    assert_eq!(back, certificate);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn parse_card_json_never_panics(text in "\\PC{0,200}") {
        let _ = parse_card_json::<GovernmentCard>(&text);
        let _ = parse_card_json::<EnterpriseCard>(&text);
    }

    #[test]
    fn parse_card_json_mutated_card_never_panics(
        cut in 0usize..2000,
        insert in "[\\[\\]{}\",:0-9a-z\\-]{0,4}",
    ) {
        let text = serde_json::to_string(&enterprise_card()).unwrap();
        let boundary = (0..=cut.min(text.len())).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        let mutated = format!("{}{}{}", &text[..boundary], insert, &text[boundary..]);
        let _ = parse_card_json::<EnterpriseCard>(&mutated);
    }

    #[test]
    fn certificate_number_parse_never_panics(text in "\\PC{0,40}") {
        let _ = text.parse::<CertificateNumber>();
    }
}
