//! Bad-input catalog of the core crate: malformed inputs at the main entry points, each with the
//! typed error code it must produce. Stateful entry points (the journal, the register, the
//! registration book, the calendar) must also be left exactly as they were: nothing partial is
//! booked, recorded or loaded. docs/bad-inputs.md lists the catalog.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{Event, Journal, VatStatus};
use data_assets_core::amortization::straight_line_schedule;
use data_assets_core::asset::{DataAsset, OpenType, SharingType};
use data_assets_core::calendar::{Calendar, quarterly_report_deadline};
use data_assets_core::entity::{Entity, EntityKind, RegionCode, validate_uscc};
use data_assets_core::money::{Amount, Ratio, allocate};
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{RecognitionFacts, recognize};
use data_assets_core::register::{ChangeMeta, Register};
use data_assets_core::registration::{
    CertificateNumber, GovernmentCard, RegistrationBook, RegistrationEvent, parse_card_json,
};
use data_assets_core::revenue::{SplitRule, split_receipt};
use data_assets_core::trading::valuation::{IncomeApproachInput, income_approach};

/// One catalog entry: what is wrong, and the code it must produce.
struct BadInput {
    name: &'static str,
    expected: &'static str,
    run: fn() -> Result<(), String>,
}

fn code(error: &impl ErrorDetail) -> String {
    error.code().to_owned()
}

fn first(errors: &[impl ErrorDetail]) -> String {
    errors.first().map_or_else(|| "none".into(), code)
}

const HUGE: usize = 1 << 20;

fn huge_text() -> String {
    "数".repeat(HUGE / 3)
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

fn card_json() -> Value {
    json!({"asset_id": "GL-001", "name": "交通流量数据", "summary": "路口流量",
        "holder": {"name": "桂林市交通运输局", "credit_code": "12450300MB0000019R"},
        "category": "public", "rights_registration": "registered",
        "booking_status": "intangible_asset", "table_count": 12, "field_count": 340,
        "record_count": 5_000_000, "open_type": "not_open", "sharing_type": "unconditional",
        "security_grade": "general", "update_frequency": "daily",
        "source_systems": ["交通信号控制系统"], "operation_status": "not_authorized",
        "book_value": "800000.00", "contains_personal_data": false,
        "personal_data_basis": "none"})
}

fn card_with(key: &str, value: Value) -> Result<(), String> {
    let mut card = card_json();
    card[key] = value;
    parse_card_json::<GovernmentCard>(&card.to_string())
        .map(drop)
        .map_err(|e| first(&e))
}

/// Posts `events` in order; the last must fail, and the journal must be unchanged by it.
fn post_failing(kind: EntityKind, events: &Value) -> Result<(), String> {
    let events: Vec<Event> = serde_json::from_value(events.clone()).expect("well-formed events");
    let (last, before) = events.split_last().expect("at least one event");
    let mut journal = Journal::new(kind, Policy::default(), VatStatus::General);
    for event in before {
        journal.post(event).expect("setup events post");
    }
    let snapshot = journal.clone();
    let result = journal.post(last).map(drop).map_err(|e| code(&e));
    assert_eq!(journal, snapshot, "a failed post changed the journal");
    result
}

fn purchase(id: &str, cost: &str) -> Value {
    json!({"id": id, "asset_id": "a1", "date": "2025-01-01", "type": "purchase", "cost": cost,
        "funding": "bank_deposit"})
}

/// Runs `change` on a register holding the example asset after `setup`; on error the register
/// is unchanged.
fn register_failing(
    setup: fn(&mut Register),
    change: fn(&mut Register) -> Result<(), String>,
) -> Result<(), String> {
    let mut register = Register::new();
    register
        .add(DataAsset::example(), meta())
        .expect("example asset is valid");
    setup(&mut register);
    let snapshot = register.clone();
    let result = change(&mut register);
    if result.is_err() {
        assert_eq!(register, snapshot, "a failed change altered the register");
    }
    result
}

fn disposal_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("date")
}

fn load_year_failing(patch: fn(&mut Value)) -> Result<(), String> {
    let mut year: Value =
        serde_json::from_str(include_str!("../src/calendar/official/2025.json")).expect("2025");
    patch(&mut year);
    let mut calendar = Calendar::empty();
    let result = calendar.load_year(&year.to_string()).map_err(|e| code(&e));
    if result.is_err() {
        assert!(
            calendar.loaded_years().is_empty(),
            "a rejected year was loaded"
        );
    }
    result
}

fn facts(cost: &str) -> RecognitionFacts {
    serde_json::from_value(
        json!({"asset_id": "x", "controlled": true, "past_transaction": true,
        "separable": true, "contractual_or_legal": true, "probable_benefit": true,
        "reliable_cost": true, "holding_purpose": "own_use", "rd_stage": "none", "cost": cost}),
    )
    .expect("well-formed facts")
}

fn registration_failing(events: &Value) -> Result<(), String> {
    let events: Vec<RegistrationEvent> =
        serde_json::from_value(events.clone()).expect("well-formed registration events");
    let (last, before) = events.split_last().expect("at least one event");
    let mut book = RegistrationBook::default();
    for event in before {
        book.record("GL-001", event.clone())
            .expect("setup events record");
    }
    let snapshot = book.clone();
    let result = book
        .record("GL-001", last.clone())
        .map(drop)
        .map_err(|e| code(&e));
    assert_eq!(book, snapshot, "a rejected event changed the book");
    result
}

fn holder() -> Value {
    json!({"name": "桂林市交通运输局", "credit_code": "12450300MB0000019R"})
}

const CATALOG: &[BadInput] = &[
    // Amounts and ratios.
    BadInput {
        name: "amount_29_digits",
        expected: "money.invalid_number",
        run: || {
            Amount::parse_field("99999999999999999999999999999", "cost")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "amount_above_ten_to_sixteen",
        expected: "money.overflow",
        run: || {
            Amount::parse_field("10000000000000000.01", "cost")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "amount_not_a_number",
        expected: "money.invalid_number",
        run: || {
            Amount::parse_field("五百元", "cost")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "amount_with_control_characters",
        expected: "money.invalid_number",
        run: || {
            Amount::parse_field("100\u{0000}.00", "cost")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "amount_one_megabyte",
        expected: "money.invalid_number",
        run: || {
            Amount::parse_field(&"9".repeat(HUGE), "cost")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "ratio_negative",
        expected: "money.negative",
        run: || {
            Ratio::parse_field("-0.1", "ratio")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "allocation_28_decimal_total",
        expected: "money.not_fen",
        run: || {
            let total =
                Amount::parse_field("0.0000000000000000000000000001", "total").expect("in range");
            allocate(total, &[Decimal::ONE])
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "allocation_ten_thousand_zero_weights",
        expected: "money.no_positive_weight",
        run: || {
            allocate(Amount::from_fen(100), &vec![Decimal::ZERO; 10_000])
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    // Entities.
    BadInput {
        name: "uscc_with_rtl_mark",
        expected: "entity.uscc_length",
        run: || {
            validate_uscc("\u{202e}91350100M000100Y43")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "uscc_with_bell_character",
        expected: "entity.uscc_charset",
        run: || {
            validate_uscc("91350100M000100Y4\u{0007}")
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "uscc_one_megabyte",
        expected: "entity.uscc_length",
        run: || validate_uscc(&huge_text()).map(drop).map_err(|e| code(&e)),
    },
    BadInput {
        name: "entity_blank_name",
        expected: "entity.empty_name",
        run: || {
            let uscc = validate_uscc("11450300MB00000000").expect("valid code");
            let region = RegionCode::new("450300").expect("valid region");
            Entity::new(uscc, " \u{3000}\t", EntityKind::AdministrativeUnit, region)
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "entity_enterprise_code_for_government",
        expected: "entity.kind_mismatch",
        run: || {
            let uscc = validate_uscc("91350100M000100Y43").expect("valid code");
            let region = RegionCode::new("350100").expect("valid region");
            Entity::new(uscc, "某局", EntityKind::AdministrativeUnit, region)
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    // Assets and the register.
    BadInput {
        name: "asset_negative_cost",
        expected: "asset.invalid_cost",
        run: || {
            let mut asset = DataAsset::example();
            asset.cost = Some(Amount::from_fen(-1));
            asset.validate().map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "asset_not_shared_but_open",
        expected: "asset.not_shared_but_open",
        run: || {
            let mut asset = DataAsset::example();
            asset.sharing_type = SharingType::NotShared;
            asset.open_type = OpenType::Unconditional;
            asset.validate().map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "register_duplicate_asset_id",
        expected: "register.duplicate_asset_id",
        run: || {
            register_failing(
                |_| {},
                |r| r.add(DataAsset::example(), meta()).map_err(|e| code(&e)),
            )
        },
    },
    BadInput {
        name: "register_change_unknown_id",
        expected: "register.asset_not_found",
        run: || {
            register_failing(
                |_| {},
                |r| {
                    r.change(
                        "no-such-id",
                        DataAsset {
                            id: "no-such-id".into(),
                            ..DataAsset::example()
                        },
                        meta(),
                    )
                    .map_err(|e| code(&e))
                },
            )
        },
    },
    BadInput {
        name: "register_blank_actor",
        expected: "register.missing_change_meta",
        run: || {
            register_failing(
                |_| {},
                |r| {
                    let mut asset = DataAsset::example();
                    asset.id = "other".into();
                    r.add(
                        asset,
                        ChangeMeta {
                            actor: " \u{3000}\t".into(),
                            ..meta()
                        },
                    )
                    .map_err(|e| code(&e))
                },
            )
        },
    },
    BadInput {
        name: "register_disposed_twice",
        expected: "register.already_disposed",
        run: || {
            register_failing(
                |r| {
                    r.dispose(&DataAsset::example().id, disposal_day(), meta())
                        .expect("first disposal");
                },
                |r| {
                    r.dispose(&DataAsset::example().id, disposal_day(), meta())
                        .map_err(|e| code(&e))
                },
            )
        },
    },
    BadInput {
        name: "register_history_edited",
        expected: "register.chain_broken",
        run: || {
            let mut register = Register::new();
            register.add(DataAsset::example(), meta()).expect("valid");
            let mut json = serde_json::to_value(&register).expect("serializes");
            json["history"][0]["actor"] = "李四".into();
            let tampered: Register = serde_json::from_value(json).expect("still well-formed");
            tampered.verify().map_err(|e| code(&e))
        },
    },
    // Cards and certificates.
    BadInput {
        name: "card_json_truncated",
        expected: "registration.json_truncated",
        run: || {
            let text = card_json().to_string();
            parse_card_json::<GovernmentCard>(&text[..text.len() / 2])
                .map(drop)
                .map_err(|e| first(&e))
        },
    },
    BadInput {
        name: "card_json_syntax",
        expected: "registration.json_syntax",
        run: || {
            parse_card_json::<GovernmentCard>("{,}")
                .map(drop)
                .map_err(|e| first(&e))
        },
    },
    BadInput {
        name: "card_unknown_category_label",
        expected: "registration.json_invalid_value",
        run: || card_with("category", json!("秘密数据")),
    },
    BadInput {
        name: "card_count_wrong_type",
        expected: "registration.json_invalid_value",
        run: || card_with("table_count", json!("twelve")),
    },
    BadInput {
        name: "card_negative_count",
        expected: "registration.json_invalid_value",
        run: || card_with("record_count", json!(-1)),
    },
    BadInput {
        name: "card_book_value_29_digits",
        expected: "registration.json_invalid_value",
        run: || card_with("book_value", json!("99999999999999999999999999999")),
    },
    BadInput {
        name: "card_missing_holder",
        expected: "registration.missing_field",
        run: || {
            let mut card = card_json();
            card.as_object_mut().expect("object").remove("holder");
            parse_card_json::<GovernmentCard>(&card.to_string())
                .map(drop)
                .map_err(|e| first(&e))
        },
    },
    BadInput {
        name: "certificate_number_with_rtl_mark",
        expected: "registration.invalid_certificate_number",
        run: || {
            "DA-450300-2025-000123-M\u{200f}"
                .parse::<CertificateNumber>()
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "certificate_number_one_megabyte",
        expected: "registration.invalid_certificate_number",
        run: || {
            huge_text()
                .parse::<CertificateNumber>()
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "registration_circular_transfer",
        expected: "registration.transfer_to_same_holder",
        run: || {
            registration_failing(&json!([
            {"kind": {"kind": "initial", "holder": holder(), "certificate_number": "DA-450300-2025-000001-9"}, "actor": "clerk", "date": "2025-11-20"},
            {"kind": {"kind": "transfer", "new_holder": holder()}, "actor": "clerk", "date": "2025-12-01"}]))
        },
    },
    BadInput {
        name: "registration_event_before_previous",
        expected: "registration.date_out_of_order",
        run: || {
            registration_failing(&json!([
            {"kind": {"kind": "initial", "holder": holder(), "certificate_number": "DA-450300-2025-000001-9"}, "actor": "clerk", "date": "2025-11-20"},
            {"kind": {"kind": "cancellation", "reason": "重复登记"}, "actor": "clerk", "date": "2025-11-19"}]))
        },
    },
    BadInput {
        name: "registration_after_cancellation",
        expected: "registration.cancelled",
        run: || {
            registration_failing(&json!([
            {"kind": {"kind": "initial", "holder": holder(), "certificate_number": "DA-450300-2025-000001-9"}, "actor": "clerk", "date": "2025-11-20"},
            {"kind": {"kind": "cancellation", "reason": "重复登记"}, "actor": "clerk", "date": "2025-11-21"},
            {"kind": {"kind": "renewal", "certificate_number": "DA-450300-2025-000001-9"}, "actor": "clerk", "date": "2025-11-22"}]))
        },
    },
    // Posting.
    BadInput {
        name: "event_negative_cost",
        expected: "accounting.invalid_amount",
        run: || {
            post_failing(
                EntityKind::PublicInstitution,
                &json!([purchase("e1", "-100.00")]),
            )
        },
    },
    BadInput {
        name: "event_sub_fen_cost",
        expected: "accounting.invalid_amount",
        run: || {
            post_failing(
                EntityKind::PublicInstitution,
                &json!([purchase("e1", "100.001")]),
            )
        },
    },
    BadInput {
        name: "event_write_off_unknown_asset",
        expected: "accounting.nothing_to_post",
        run: || {
            post_failing(
                EntityKind::AdministrativeUnit,
                &json!([
            {"id": "e1", "asset_id": "ghost", "date": "2025-01-01", "type": "write_off"}]),
            )
        },
    },
    BadInput {
        name: "event_development_completed_without_costs",
        expected: "accounting.nothing_to_post",
        run: || {
            post_failing(
                EntityKind::StateOwnedEnterprise,
                &json!([
            {"id": "e1", "asset_id": "a1", "date": "2025-01-01", "type": "development_completed"}]),
            )
        },
    },
    BadInput {
        name: "event_amortization_above_carrying_amount",
        expected: "accounting.exceeds_balance",
        run: || {
            post_failing(
                EntityKind::PublicInstitution,
                &json!([purchase("e1", "100.00"),
            {"id": "e2", "asset_id": "a1", "date": "2025-01-31", "type": "amortize", "amount": "100.01", "use_of_asset": "business"}]),
            )
        },
    },
    BadInput {
        name: "event_reused_id_other_content",
        expected: "accounting.conflicting_event",
        run: || {
            post_failing(
                EntityKind::PublicInstitution,
                &json!([purchase("e1", "100.00"), purchase("e1", "200.00")]),
            )
        },
    },
    // Schedules, recognition, splits, valuation.
    BadInput {
        name: "schedule_life_of_100_years",
        expected: "amortization.invalid_life",
        run: || {
            straight_line_schedule(Amount::from_fen(100_000), 1200 * 100, NaiveDate::MIN)
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "recognition_sub_fen_unit_price",
        expected: "recognition.invalid_amount",
        run: || {
            let mut facts = facts("800.00");
            facts.unit_price =
                Some(Amount::parse_field("799.999", "unit_price").expect("in range"));
            recognize(&facts, EntityKind::PublicInstitution, &Policy::default())
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "split_empty_party_name",
        expected: "revenue.empty_party_name",
        run: || {
            let rule: SplitRule = serde_json::from_value(json!({"kind": "agreement", "parties": [
                {"party": {"name": " \t ", "kind": "administrative_unit"}, "ratio": "1"}]}))
            .expect("rule");
            split_receipt(
                Amount::from_fen(100),
                Ratio::ZERO,
                &rule,
                &Policy::default(),
            )
            .map(drop)
            .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "valuation_fifty_one_periods",
        expected: "trading.invalid_periods",
        run: || {
            let input: IncomeApproachInput = serde_json::from_value(json!({"discount_rate": "0.1",
                "forecast": {"variant": "direct", "income": vec!["1.00"; 51]}}))
            .expect("input");
            income_approach(&input).map(drop).map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "valuation_forecast_lengths_differ",
        expected: "trading.forecast_length_mismatch",
        run: || {
            let input: IncomeApproachInput = serde_json::from_value(json!({"discount_rate": "0.1",
                "forecast": {"variant": "incremental", "with_data": ["2.00", "2.00"], "without_data": ["1.00"]}})).expect("input");
            income_approach(&input).map(drop).map_err(|e| code(&e))
        },
    },
    // Calendar.
    BadInput {
        name: "calendar_invalid_date",
        expected: "calendar.invalid_json",
        run: || load_year_failing(|y| y["holidays"][0]["first_day"] = json!("2025-02-30")),
    },
    BadInput {
        name: "calendar_reversed_range",
        expected: "calendar.range_reversed",
        run: || load_year_failing(|y| y["holidays"][1]["last_day"] = json!("2025-01-20")),
    },
    BadInput {
        name: "calendar_make_up_day_on_weekday",
        expected: "calendar.make_up_day_not_weekend",
        run: || load_year_failing(|y| y["make_up_working_days"][0] = json!("2025-03-05")),
    },
    BadInput {
        name: "calendar_duplicate_year",
        expected: "calendar.year_already_loaded",
        run: || {
            let mut calendar = Calendar::official();
            let snapshot = calendar.clone();
            let result = calendar
                .load_year(include_str!("../src/calendar/official/2025.json"))
                .map_err(|e| code(&e));
            assert_eq!(calendar, snapshot, "a duplicate year changed the calendar");
            result
        },
    },
    BadInput {
        name: "calendar_quarter_zero",
        expected: "calendar.invalid_quarter",
        run: || {
            quarterly_report_deadline(&Calendar::official(), 2025, 0, None)
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
    BadInput {
        name: "calendar_region_with_letters",
        expected: "calendar.invalid_region_code",
        run: || {
            quarterly_report_deadline(&Calendar::official(), 2025, 1, Some("45O3OO"))
                .map(drop)
                .map_err(|e| code(&e))
        },
    },
];

#[test]
fn bad_inputs_return_typed_codes() {
    let mut failures = Vec::new();
    for case in CATALOG {
        match (case.run)() {
            Ok(()) => failures.push(format!(
                "{}: accepted, expected {}",
                case.name, case.expected
            )),
            Err(actual) if actual == case.expected => {}
            Err(actual) => failures.push(format!(
                "{}: got {actual}, expected {}",
                case.name, case.expected
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs failed:\n{}",
        failures.len(),
        CATALOG.len(),
        failures.join("\n")
    );
}

#[test]
fn bad_inputs_catalog_names_unique() {
    let mut names: Vec<&str> = CATALOG.iter().map(|c| c.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), CATALOG.len());
}
