//! Feeds arbitrary text to the JSON entry points, including the JSON ledger reader. The first byte picks the entry point, so one
//! corpus covers all of them; the rest of the input is the JSON text.

#![no_main]

use data_assets_core::accounting::{Event, Journal, VatStatus};
use data_assets_core::asset::DataAsset;
use data_assets_core::calendar::Calendar;
use data_assets_core::entity::EntityKind;
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{RecognitionFacts, recognize};
use data_assets_core::registration::{EnterpriseCard, GovernmentCard, InfoCard, parse_card_json};
use data_assets_io::ledger::read_ledger_json;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match selector % 9 {
        0 => {
            let _ = parse_card_json::<GovernmentCard>(text).map(|card| card.problems());
        }
        1 => {
            let _ = parse_card_json::<EnterpriseCard>(text).map(|card| card.problems());
        }
        2 => {
            if let Ok(asset) = serde_json::from_str::<DataAsset>(text) {
                let _ = asset.problems();
            }
        }
        3 => {
            if let Ok(policy) = serde_json::from_str::<Policy>(text) {
                let _ = Calendar::for_policy(&policy);
            }
        }
        4 => {
            let _ = Calendar::empty().load_year(text);
        }
        5 => {
            let _ = Calendar::official().load_regional(text);
        }
        6 => {
            if let Ok(events) = serde_json::from_str::<Vec<Event>>(text) {
                for kind in [EntityKind::PublicInstitution, EntityKind::StateOwnedEnterprise] {
                    let mut journal = Journal::new(kind, Policy::default(), VatStatus::General);
                    for event in &events {
                        if let Ok(voucher) = journal.post(event) {
                            assert!(voucher.is_balanced(), "unbalanced voucher {voucher:?}");
                        }
                    }
                }
            }
        }
        8 => {
            let _ = read_ledger_json(rest, "fuzz.json");
        }
        _ => {
            if let Ok(facts) = serde_json::from_str::<RecognitionFacts>(text) {
                let _ = recognize(&facts, EntityKind::AdministrativeUnit, &Policy::default());
                let _ = recognize(&facts, EntityKind::StateOwnedEnterprise, &Policy::default());
            }
        }
    }
});
