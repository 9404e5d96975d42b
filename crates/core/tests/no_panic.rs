//! Property tests: no JSON payload, however malformed, makes the main serde entry points panic.
//!
//! Each entry point starts from a valid payload. A case replaces one node of it (the root, an
//! object, an array or a leaf) with a hostile value, or removes an object key, then deserializes
//! the result and, when that succeeds, runs the rules on it. The hostile values include wrong
//! types, 29-digit and exponent decimals, impossible dates, unknown labels, control characters,
//! right-to-left marks, long strings and random nested JSON.

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};

use data_assets_core::accounting::{Event, Journal, VatStatus};
use data_assets_core::amortization::{ScheduleBasis, schedule};
use data_assets_core::asset::DataAsset;
use data_assets_core::calendar::{Calendar, quarterly_report_deadline};
use data_assets_core::entity::EntityKind;
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{RecognitionFacts, recognize};
use data_assets_core::register::{ChangeMeta, Register};
use data_assets_core::registration::{
    Certificate, EnterpriseCard, GovernmentCard, InfoCard, parse_card_json, verify,
};
use data_assets_core::revenue::{SplitRule, split_receipt};
use data_assets_core::trading::valuation::{
    CostApproachInput, IncomeApproachInput, MarketApproachInput, cost_approach, income_approach,
    market_approach,
};

const CASES: u32 = 2000;

fn vector_input(family: &str, case: &str) -> Value {
    let path = format!(
        "{}/../../tests/vectors/{family}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("vector file"))
        .expect("vector JSON");
    let cases = file["cases"].as_array().expect("cases");
    cases
        .iter()
        .find(|c| c["name"] == case)
        .expect("vector case")["input"]
        .clone()
}

fn government_card() -> Value {
    vector_input("certificate", "verify_unchanged_card")["card"].clone()
}

fn meta() -> ChangeMeta {
    ChangeMeta {
        actor: "张三".into(),
        at: NaiveDate::from_ymd_opt(2025, 6, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .expect("time"),
        reason: "初次登记".into(),
    }
}

fn register_json() -> Value {
    let mut register = Register::new();
    register
        .add(DataAsset::example(), meta())
        .expect("example asset is valid");
    serde_json::to_value(&register).expect("register serializes")
}

/// A hostile JSON value.
fn hostile() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        Just(json!(u64::MAX)),
        Just(json!("99999999999999999999999999999")),
        Just(json!("0.00000000000000000000000000001")),
        Just(json!("-1")),
        Just(json!("1e30")),
        Just(json!("1,000.00")),
        Just(json!("NaN")),
        Just(json!("")),
        Just(json!("2025-02-30")),
        Just(json!("0000-01-01")),
        Just(json!("+262143-12-31")),
        Just(json!("9999-12-31")),
        Just(json!("\u{202e}资产\u{200f}")),
        Just(json!("\u{0000}\u{0007}\u{001b}[31m")),
        Just(json!("x".repeat(100_000))),
        Just(json!("DA-450300-2025-000123-M")),
        Just(json!("straight_line")),
        Just(json!("public_institution")),
        "[a-z_]{1,12}".prop_map(Value::from),
        "[0-9]{1,30}(\\.[0-9]{1,30})?".prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Paths to every node of `value`, the root first.
fn paths(value: &Value) -> Vec<Vec<Value>> {
    let mut out = vec![Vec::new()];
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                for mut rest in paths(item) {
                    rest.insert(0, Value::from(key.clone()));
                    out.push(rest);
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                for mut rest in paths(item) {
                    rest.insert(0, Value::from(index));
                    out.push(rest);
                }
            }
        }
        _ => {}
    }
    out
}

/// Replaces the node at `path` with `replacement`, or removes it from its object when `remove`.
fn mutate(base: &Value, pick: usize, replacement: Value, remove: bool) -> Value {
    let mut value = base.clone();
    let all = paths(&value);
    let path = &all[pick % all.len()];
    let Some((last, parents)) = path.split_last() else {
        return replacement;
    };
    let mut node = &mut value;
    for step in parents {
        node = match step {
            Value::String(key) => &mut node[key.as_str()],
            _ => &mut node[usize::try_from(step.as_u64().unwrap_or(0)).unwrap_or(0)],
        };
    }
    match (last, node) {
        (Value::String(key), Value::Object(map)) if remove => {
            map.remove(key.as_str());
        }
        (Value::String(key), node) => node[key.as_str()] = replacement,
        (index, node) => {
            node[usize::try_from(index.as_u64().unwrap_or(0)).unwrap_or(0)] = replacement;
        }
    }
    value
}

fn mutated(base: Value) -> impl Strategy<Value = Value> {
    (any::<usize>(), hostile(), any::<bool>())
        .prop_map(move |(pick, replacement, remove)| mutate(&base, pick, replacement, remove))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn data_asset_json_never_panics(value in mutated(serde_json::to_value(DataAsset::example()).expect("asset"))) {
        if let Ok(asset) = serde_json::from_value::<DataAsset>(value) {
            let _ = asset.problems();
            let mut register = Register::new();
            let _ = register.add(asset, meta());
            let _ = register.verify();
        }
    }

    #[test]
    fn register_json_never_panics(value in mutated(register_json())) {
        if let Ok(mut register) = serde_json::from_value::<Register>(value) {
            let _ = register.verify();
            let _ = register.add(DataAsset::example(), meta());
            let date = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date");
            let _ = register.dispose(&DataAsset::example().id, date, meta());
            let _ = register.verify();
        }
    }

    #[test]
    fn policy_json_never_panics(value in mutated(serde_json::to_value(Policy::default()).expect("policy"))) {
        if let Ok(policy) = serde_json::from_value::<Policy>(value)
            && let Ok(calendar) = Calendar::for_policy(&policy)
        {
            let _ = quarterly_report_deadline(&calendar, 2025, 1, Some("450300"));
        }
    }

    #[test]
    fn government_card_json_never_panics(value in mutated(government_card())) {
        if let Ok(card) = parse_card_json::<GovernmentCard>(&value.to_string()) {
            let _ = card.problems();
        }
    }

    #[test]
    fn enterprise_card_json_never_panics(value in hostile()) {
        let _ = parse_card_json::<EnterpriseCard>(&value.to_string());
    }

    #[test]
    fn certificate_json_never_panics(value in mutated(json!({
        "number": "DA-450300-2025-000001-9", "asset_id": "GL-001",
        "holder": {"name": "桂林市交通运输局", "credit_code": "12450300MB0000019R"},
        "issued_on": "2025-11-28", "fingerprint": "00"
    }))) {
        if let Ok(certificate) = serde_json::from_value::<Certificate>(value) {
            let card = parse_card_json::<GovernmentCard>(&government_card().to_string());
            let card = card.expect("vector card is valid");
            let _ = verify(&certificate, &card);
        }
    }

    #[test]
    fn calendar_schedule_json_never_panics(
        year in mutated(serde_json::from_str(include_str!("../src/calendar/official/2025.json")).expect("2025")),
        regional in mutated(json!({
            "region_code": "450000", "region_name": "广西壮族自治区", "year": 2025, "source": "test",
            "holidays": [{"name": "壮族三月三", "first_day": "2025-03-31", "last_day": "2025-04-01"}],
            "make_up_working_days": []
        })),
    ) {
        let mut calendar = Calendar::empty();
        if calendar.load_year(&year.to_string()).is_ok() {
            let _ = quarterly_report_deadline(&calendar, 2025, 1, None);
        }
        let mut calendar = Calendar::official();
        if calendar.load_regional(&regional.to_string()).is_ok() {
            let _ = quarterly_report_deadline(&calendar, 2025, 1, Some("450300"));
        }
    }

    #[test]
    fn events_json_never_panic(value in mutated(vector_input("posting_government", "sale_with_remittance")["events"].clone())) {
        if let Ok(events) = serde_json::from_value::<Vec<Event>>(value) {
            for kind in EntityKind::ALL {
                let mut journal = Journal::new(*kind, Policy::default(), VatStatus::General);
                for event in &events {
                    if let Ok(voucher) = journal.post(event) {
                        prop_assert!(voucher.is_balanced());
                    }
                }
            }
        }
    }

    #[test]
    fn recognition_facts_json_never_panic(value in mutated(vector_input("recognition", "development_with_five_conditions_accumulated")["facts"].clone())) {
        if let Ok(facts) = serde_json::from_value::<RecognitionFacts>(value) {
            for kind in EntityKind::ALL {
                let _ = recognize(&facts, *kind, &Policy::default());
            }
        }
    }

    #[test]
    fn schedule_basis_json_never_panics(value in mutated(vector_input("amortization", "units_of_production")["basis"].clone())) {
        if let Ok(basis) = serde_json::from_value::<ScheduleBasis>(value) {
            let _ = schedule(&basis, &Policy::default());
        }
    }

    #[test]
    fn split_rule_json_never_panics(value in mutated(vector_input("revenue_split", "contribution_blend")["rule"].clone())) {
        if let Ok(rule) = serde_json::from_value::<SplitRule>(value) {
            let gross = "10600.00".parse().expect("amount");
            let rate = serde_json::from_value(json!("0.06")).expect("ratio");
            let _ = split_receipt(gross, rate, &rule, &Policy::default());
        }
    }

    #[test]
    fn valuation_json_never_panics(
        cost in mutated(vector_input("valuation", "cost_approach_worked_example")["input"].clone()),
        income in mutated(vector_input("valuation", "income_approach_split_rate")["input"].clone()),
        market in mutated(vector_input("valuation", "market_approach_two_comparables")["input"].clone()),
    ) {
        if let Ok(input) = serde_json::from_value::<CostApproachInput>(cost) {
            let _ = cost_approach(&input);
        }
        if let Ok(input) = serde_json::from_value::<IncomeApproachInput>(income) {
            let _ = income_approach(&input);
        }
        if let Ok(input) = serde_json::from_value::<MarketApproachInput>(market) {
            let _ = market_approach(&input);
        }
    }
}
