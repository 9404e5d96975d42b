//! Tests of the progress report on a hand-built first quarter of 2026.
//!
//! Every expected figure below is added up by hand from the scenario, not taken from the code.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::ErrorDetail;
use crate::calendar::{Calendar, DueDate, UnitKind};
use crate::entity::EntityKind;
use crate::money::Ratio;
use crate::policy::Policy;
use crate::revenue::{AgreementShare, Party, SplitRule, split_receipt};

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn asset(
    id: &str,
    name: &str,
    category: DataCategory,
    booking_status: BookingStatus,
    book_value: &str,
    flags: [bool; 4],
) -> AssetSnapshot {
    let [registered, certified, authorized, disposed] = flags;
    AssetSnapshot {
        id: id.into(),
        name: name.into(),
        category,
        booking_status,
        book_value: amount(book_value),
        registered,
        certified,
        authorized,
        disposed,
    }
}

fn change(asset_id: &str, kind: ChangeKind, day: &str, summary: &str) -> LedgerChange {
    LedgerChange {
        asset_id: asset_id.into(),
        kind,
        date: date(day),
        summary: summary.into(),
    }
}

fn registration(
    asset_id: &str,
    kind: RegistrationKind,
    day: &str,
    certificate: Option<&str>,
) -> RegistrationEvent {
    RegistrationEvent {
        asset_id: asset_id.into(),
        kind,
        date: date(day),
        certificate_number: certificate.map(Into::into),
    }
}

fn grant(
    id: &str,
    asset_id: &str,
    mode: AuthorizationMode,
    purpose: &str,
    status: AuthorizationStatus,
    term: (&str, Option<&str>),
) -> AuthorizationView {
    AuthorizationView {
        id: id.into(),
        asset_id: asset_id.into(),
        mode,
        purpose: purpose.into(),
        status,
        start: date(term.0),
        end: term.1.map(date),
    }
}

fn share(party: &str, routing: Routing, value: &str) -> ReceiptShare {
    ReceiptShare {
        party: party.into(),
        routing,
        amount: amount(value),
    }
}

fn violation(
    code: &str,
    severity: Severity,
    subject: &str,
    status: ViolationStatus,
) -> ViolationView {
    ViolationView {
        code: code.into(),
        severity,
        message: format!("{code} on {subject}"),
        rule: "财资〔2023〕141号".into(),
        subject: subject.into(),
        status,
    }
}

/// Builds a receipt of 10,600.00 at 6% VAT split 70:30 between the bureau and its operator, computed
/// by the revenue module: net 10,600.00 ÷ 1.06 = 10,000.00, VAT 600.00, shares 7,000.00 and
/// 3,000.00.
fn agreement_receipt() -> Receipt {
    let party = |name: &str, kind| Party {
        name: name.into(),
        kind,
    };
    let ratio = |text: &str| Ratio::parse_field(text, "ratio").unwrap();
    let rule = SplitRule::Agreement {
        parties: vec![
            AgreementShare {
                party: party("大数据局", EntityKind::AdministrativeUnit),
                ratio: ratio("0.7"),
            },
            AgreementShare {
                party: party("运营公司", EntityKind::StateOwnedEnterprise),
                ratio: ratio("0.3"),
            },
        ],
    };
    let outcome =
        split_receipt(amount("10600.00"), ratio("0.06"), &rule, &Policy::default()).unwrap();
    Receipt::from_split(date("2026-02-20"), "A2", &outcome)
}

/// Builds the first quarter of 2026 of a city department: six assets (one disposed in the quarter),
/// changes, registrations and receipts on both sides of the quarter, five authorizations and
/// four violations.
fn scenario() -> ReportInput {
    ReportInput {
        unit: ReportUnit {
            name: "桂林市大数据和行政审批局".into(),
            kind: UnitKind::CityDepartment,
            region_code: Some("450300".into()),
        },
        period: ReportingPeriod::quarter(2026, 1).unwrap(),
        assets: scenario_assets(),
        changes: scenario_changes(),
        registrations: scenario_registrations(),
        authorizations: scenario_authorizations(),
        receipts: scenario_receipts(),
        violations: scenario_violations(),
        deadlines: vec![],
    }
}

/// Flags are [registered, certified, authorized, disposed].
#[rustfmt::skip]
fn scenario_assets() -> Vec<AssetSnapshot> {
    use BookingStatus::{DevelopmentExpenditure, IntangibleAsset, Inventory, Unbooked};
    use DataCategory::{Enterprise, Personal, Public};
    const NO: bool = false;
    const YES: bool = true;
    vec![
        asset("A1", "政务服务办件数据", Public, IntangibleAsset, "1200000.00", [YES, YES, YES, NO]),
        asset("A2", "公共信用信息数据", Public, IntangibleAsset, "350000.50", [YES, NO, YES, NO]),
        asset("A3", "交通出行数据", Enterprise, Inventory, "80000.25", [YES, NO, NO, NO]),
        asset("A4", "医疗健康数据", Personal, Unbooked, "0", [NO, NO, NO, NO]),
        asset("A5", "旧版人口库", Public, IntangibleAsset, "50000.00", [YES, YES, NO, YES]),
        asset("A6", "研发中的数据产品", Enterprise, DevelopmentExpenditure, "45678.90", [NO; 4]),
    ]
}

#[rustfmt::skip]
fn scenario_changes() -> Vec<LedgerChange> {
    vec![
        change("A1", ChangeKind::Added, "2025-11-10", "首次入台账"),
        change("A2", ChangeKind::Added, "2026-01-15", "新增信用数据"),
        change("A1", ChangeKind::Changed, "2026-03-31", "更新账面价值"),
        change("A5", ChangeKind::Disposed, "2026-02-10", "数据库下线"),
        change("A3", ChangeKind::Changed, "2026-04-01", "季度后变更"),
        change("A6", ChangeKind::Added, "2026-01-01", "立项开发"),
    ]
}

#[rustfmt::skip]
fn scenario_registrations() -> Vec<RegistrationEvent> {
    use RegistrationKind::{Change, Initial};
    vec![
        registration("A1", Initial, "2025-11-28", Some("GX-2025-000001")),
        registration("A2", Initial, "2026-02-05", None),
        registration("A1", Change, "2026-03-20", Some("GX-2026-000017")),
        registration("A3", Initial, "2026-03-25", Some("GX-2026-000020")),
    ]
}

#[rustfmt::skip]
fn scenario_authorizations() -> Vec<AuthorizationView> {
    use AuthorizationMode::{ByDomain, ByScenario, Whole};
    use AuthorizationStatus::{Approved, Pending, Revoked};
    vec![
        grant("AU1", "A1", Whole, "城市治理", Approved, ("2025-12-01", None)),
        grant("AU2", "A2", ByScenario, "普惠金融", Approved, ("2026-02-01", Some("2027-01-31"))),
        grant("AU3", "A2", ByScenario, "普惠金融", Approved, ("2026-01-10", Some("2026-03-15"))),
        grant("AU4", "A1", ByDomain, "交通出行", Pending, ("2026-03-01", None)),
        grant("AU5", "A3", ByDomain, "交通出行", Revoked, ("2026-01-05", None)),
    ]
}

/// Returns the split receipt of February, a 3% receipt of 5,150.00 (net 5,000.00) in March, and a
/// receipt of December 2025 outside the quarter.
fn scenario_receipts() -> Vec<Receipt> {
    vec![
        agreement_receipt(),
        Receipt {
            date: date("2026-03-10"),
            asset_id: "A1".into(),
            gross: amount("5150.00"),
            vat: amount("150.00"),
            shares: vec![
                share("信息中心", Routing::InstitutionCoreRevenue, "2000.00"),
                share("大数据局", Routing::RemitToTreasury, "3000.00"),
            ],
        },
        Receipt {
            date: date("2025-12-28"),
            asset_id: "A1".into(),
            gross: amount("1060.00"),
            vat: amount("60.00"),
            shares: vec![share("大数据局", Routing::RemitToTreasury, "1000.00")],
        },
    ]
}

#[rustfmt::skip]
fn scenario_violations() -> Vec<ViolationView> {
    use Severity::{Block, Flag};
    use ViolationStatus::{Closed, Open};
    vec![
        violation("compliance.personal_data_unmasked", Flag, "A4", Open),
        violation("compliance.guarantee_with_asset", Block, "A1", Open),
        violation("compliance.missing_security_plan", Flag, "本单位", Open),
        violation("compliance.revenue_inflation", Block, "A2", Closed),
    ]
}

/// Lists the entries of a map in its key order, so a test checks the order too.
fn entries<K: Clone, V: Clone>(map: &BTreeMap<K, V>) -> Vec<(K, V)> {
    map.iter()
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

fn tally(count: usize, book_value: &str) -> Tally {
    Tally {
        count,
        book_value: amount(book_value),
    }
}

#[test]
fn holdings_by_status_and_category() {
    let holdings = build_report(&scenario()).unwrap().holdings;

    // Held: A1, A2, A3, A4, A6. 1,200,000.00 + 350,000.50 + 80,000.25 + 0 + 45,678.90.
    assert_eq!(holdings.total, tally(5, "1675679.65"));
    assert_eq!(
        entries(&holdings.by_status),
        vec![
            (BookingStatus::Unbooked, tally(1, "0")),
            (BookingStatus::IntangibleAsset, tally(2, "1550000.50")),
            (BookingStatus::Inventory, tally(1, "80000.25")),
            (BookingStatus::DevelopmentExpenditure, tally(1, "45678.90")),
            (BookingStatus::Expensed, tally(0, "0")),
        ]
    );
    assert_eq!(
        entries(&holdings.by_category),
        vec![
            (DataCategory::Public, tally(2, "1550000.50")),
            (DataCategory::Enterprise, tally(2, "125679.15")),
            (DataCategory::Personal, tally(1, "0")),
        ]
    );
    assert_eq!(holdings.registered_count, 3);
    assert_eq!(holdings.certified_count, 1);
    assert_eq!(holdings.authorized_count, 2);
    assert_eq!(holdings.disposed_count, 1);
}

#[test]
fn changes_only_inside_period() {
    let section = build_report(&scenario()).unwrap().changes;
    assert_eq!(
        entries(&section.by_kind),
        vec![
            (ChangeKind::Added, 2),
            (ChangeKind::Changed, 1),
            (ChangeKind::Disposed, 1)
        ]
    );
    let order: Vec<(&str, String)> = section
        .lines
        .iter()
        .map(|line| (line.asset_id.as_str(), line.date.to_string()))
        .collect();
    assert_eq!(
        order,
        [
            ("A6", "2026-01-01".to_owned()),
            ("A2", "2026-01-15".to_owned()),
            ("A5", "2026-02-10".to_owned()),
            ("A1", "2026-03-31".to_owned()),
        ]
    );
    assert_eq!(section.lines[2].asset_name, "旧版人口库");
}

#[test]
fn registrations_and_certificates_in_period() {
    let section = build_report(&scenario()).unwrap().registrations;
    assert_eq!(
        entries(&section.by_kind),
        vec![
            (RegistrationKind::Initial, 2),
            (RegistrationKind::Change, 1),
            (RegistrationKind::Cancellation, 0),
        ]
    );
    assert_eq!(section.certificates_issued, 2);
    let numbers: Vec<_> = section
        .lines
        .iter()
        .filter_map(|line| line.certificate_number.as_deref())
        .collect();
    assert_eq!(numbers, ["GX-2026-000017", "GX-2026-000020"]);
}

#[test]
fn authorizations_active_and_granted() {
    let section = build_report(&scenario()).unwrap().authorizations;
    let counts = |active_at_end, granted_in_period| AuthorizationTally {
        active_at_end,
        granted_in_period,
    };

    // Active on 2026-03-31: AU1 (open term) and AU2. Granted in the quarter: AU2 and AU3, which
    // expired on 2026-03-15. AU4 is pending and AU5 revoked.
    assert_eq!(section.total, counts(2, 2));
    assert_eq!(section.pending, 1);
    assert_eq!(
        entries(&section.by_mode),
        vec![
            (AuthorizationMode::Whole, counts(1, 0)),
            (AuthorizationMode::ByDomain, counts(0, 0)),
            (AuthorizationMode::ByScenario, counts(1, 2)),
        ]
    );
    assert_eq!(
        entries(&section.by_purpose),
        vec![
            ("城市治理".to_owned(), counts(1, 0)),
            ("普惠金融".to_owned(), counts(1, 2))
        ]
    );
}

#[test]
fn revenue_received_and_routed() {
    let section = build_report(&scenario()).unwrap().revenue;

    // In the quarter: 10,600.00 (VAT 600.00) and 5,150.00 (VAT 150.00); the December receipt
    // is outside. Treasury: 7,000.00 + 3,000.00; institution: 2,000.00; enterprise: 3,000.00.
    assert_eq!(section.receipt_count, 2);
    assert_eq!(section.gross, amount("15750.00"));
    assert_eq!(section.vat, amount("750.00"));
    assert_eq!(section.net, amount("15000.00"));
    assert_eq!(section.remitted_to_treasury, amount("10000.00"));
    assert_eq!(section.retained_by_institution, amount("2000.00"));
    assert_eq!(section.enterprise_revenue, amount("3000.00"));
    assert_eq!(
        section
            .by_routing
            .iter()
            .map(|row| (row.routing, row.amount))
            .collect::<Vec<_>>(),
        vec![
            (Routing::RemitToTreasury, amount("10000.00")),
            (Routing::InstitutionCoreRevenue, amount("2000.00")),
            (Routing::InstitutionBusinessRevenue, Amount::ZERO),
            (Routing::InstitutionOtherRevenue, Amount::ZERO),
            (Routing::EnterpriseRevenue, amount("3000.00")),
        ]
    );
}

#[test]
fn risks_open_by_severity() {
    let section = build_report(&scenario()).unwrap().risks;
    assert_eq!(
        entries(&section.open_by_severity),
        vec![(Severity::Block, 1), (Severity::Flag, 2)]
    );
    assert_eq!(section.closed, 1);
    let codes: Vec<_> = section.open.iter().map(|v| v.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "compliance.guarantee_with_asset",
            "compliance.missing_security_plan",
            "compliance.personal_data_unmasked",
        ]
    );
}

#[test]
fn deadlines_from_official_calendar() {
    let input = scenario();
    let report =
        build_report_with_calendar(&input, &Calendar::official(), date("2026-04-01")).unwrap();

    // The 10th working day after 2026-03-31 is 2026-04-15, because 04-04 to 04-06 are holidays.
    let first = &report.deadlines[0];
    assert_eq!(first.obligation.id, "quarterly_report_2026_q1");
    assert_eq!(
        first.due,
        DueDate::Known {
            due_date: date("2026-04-15"),
            days_left: 14,
        }
    );
}

#[test]
fn markdown_headings_and_figures() {
    let report =
        build_report_with_calendar(&scenario(), &Calendar::official(), date("2026-04-01")).unwrap();
    let text = render_markdown(&report);
    for heading in [
        "# 桂林市大数据和行政审批局数据资产管理试点工作进展情况（2026年第1季度）",
        "## 一、总体情况",
        "## 二、本期变动",
        "## 三、登记与证书",
        "## 四、授权运营",
        "## 五、收益情况",
        "## 六、风险事项",
        "## 七、后续报送节点",
    ] {
        assert!(text.contains(heading), "missing {heading}");
    }
    for row in [
        "| 无形资产 | 2 | 1,550,000.50 |",
        "| 合计 | 5 | 1,675,679.65 |",
        "| 企业数据 | 2 | 125,679.15 |",
        "| 2026-03-20 | A1 | 政务服务办件数据 | 变更登记 | GX-2026-000017 |",
        "| 依场景授权 | 1 | 2 |",
        "| 含税收入 | 15,750.00 |",
        "| 其中：上缴国库 | 10,000.00 |",
        "| 禁止 | compliance.guarantee_with_asset | A1 |",
        "| 报送2026年第1季度试点工作进展情况 | 2026年4月15日 | 14 |",
    ] {
        assert!(text.contains(row), "missing {row}");
    }
    assert!(
        !text.contains("GX-2025-000001"),
        "a certificate of 2025 is listed"
    );
    assert!(
        !text.contains("季度后变更"),
        "a change after the quarter is listed"
    );
}

#[test]
fn markdown_is_deterministic() {
    let mut shuffled = scenario();
    shuffled.changes.reverse();
    shuffled.registrations.reverse();
    shuffled.violations.reverse();
    shuffled.authorizations.reverse();
    let first = render_markdown(&build_report(&scenario()).unwrap());
    let second = render_markdown(&build_report(&shuffled).unwrap());
    assert_eq!(first, second);
}

#[test]
fn markdown_escapes_table_cells() {
    let mut input = scenario();
    input.changes[1].summary = "列 a|b\n第二行".into();
    let text = render_markdown(&build_report(&input).unwrap());
    assert!(text.contains("| 列 a\\|b 第二行 |"));
}

#[test]
fn report_json_round_trip() {
    let report = build_report(&scenario()).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    let back: ProgressReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn input_json_round_trip() {
    let input = scenario();
    let json = serde_json::to_string(&input).unwrap();
    assert!(json.contains(r#""period":{"year":2026,"quarter":1,"start":"2026-01-01""#));
    let back: ReportInput = serde_json::from_str(&json).unwrap();
    assert_eq!(back, input);
}

#[test]
fn period_quarter_bounds() {
    let q4 = ReportingPeriod::quarter(2026, 4).unwrap();
    assert_eq!(q4.start(), date("2026-10-01"));
    assert_eq!(q4.end(), date("2026-12-31"));
    assert!(q4.contains(date("2026-10-01")));
    assert!(q4.contains(date("2026-12-31")));
    assert!(!q4.contains(date("2027-01-01")));
    assert_eq!(q4.as_quarter(), Some((2026, 4)));
}

#[test]
fn period_range_label() {
    let period = ReportingPeriod::new(date("2025-10-17"), date("2025-12-10")).unwrap();
    assert_eq!(period.label_zh(), "2025年10月17日至2025年12月10日");
    assert_eq!(period.as_quarter(), None);
}

#[test]
fn period_rejects_reversed_range() {
    let error = ReportingPeriod::new(date("2026-03-31"), date("2026-01-01")).unwrap_err();
    assert_eq!(error.code(), "report.period_reversed");
    assert_eq!(error.field(), "period");
    assert_eq!(error.value(), "2026-03-31..=2026-01-01");
}

#[test]
fn period_rejects_quarter_five() {
    let error = ReportingPeriod::quarter(2026, 5).unwrap_err();
    assert_eq!(error.code(), "report.invalid_quarter");
    assert_eq!(error.value(), "2026-Q5");
}

#[test]
fn period_json_rejects_reversed_and_incomplete() {
    let reversed = r#"{"start":"2026-03-31","end":"2026-01-01"}"#;
    assert!(serde_json::from_str::<ReportingPeriod>(reversed).is_err());
    let incomplete = r#"{"start":"2026-03-31"}"#;
    let message = serde_json::from_str::<ReportingPeriod>(incomplete)
        .unwrap_err()
        .to_string();
    assert!(message.contains("invalid reporting period"), "{message}");
}

#[test]
fn period_json_quarter_dates_must_match() {
    let matching = r#"{"year":2026,"quarter":2,"start":"2026-04-01","end":"2026-06-30"}"#;
    let period: ReportingPeriod = serde_json::from_str(matching).unwrap();
    assert_eq!(period, ReportingPeriod::quarter(2026, 2).unwrap());
    let quarter_only: ReportingPeriod =
        serde_json::from_str(r#"{"year":2026,"quarter":2}"#).unwrap();
    assert_eq!(quarter_only, period);
    let mismatched = r#"{"year":2026,"quarter":2,"start":"2026-04-01","end":"2026-06-29"}"#;
    let message = serde_json::from_str::<ReportingPeriod>(mismatched)
        .unwrap_err()
        .to_string();
    assert!(message.contains("invalid reporting period"), "{message}");
}

fn build_error(input: &ReportInput) -> ReportError {
    build_report(input).unwrap_err()
}

#[test]
fn error_change_for_unknown_asset() {
    let mut input = scenario();
    input.changes[4].asset_id = "A9".into();
    let error = build_error(&input);
    assert_eq!(error.code(), "report.unknown_asset_id");
    assert_eq!(error.field(), "changes[4].asset_id");
    assert_eq!(error.value(), "A9");
}

#[test]
fn error_shares_not_net() {
    let mut input = scenario();
    input.receipts[1].shares[0].amount = amount("1999.99");
    let error = build_error(&input);
    assert_eq!(error.code(), "report.shares_not_net");
    assert_eq!(error.field(), "receipts[1].shares");
    assert_eq!(error.value(), "4999.99 ≠ 5000.00");
}

#[test]
fn error_shares_checked_outside_period() {
    let mut input = scenario();
    input.receipts[2].shares.clear();
    assert_eq!(build_error(&input).code(), "report.shares_not_net");
}

#[test]
fn error_vat_exceeds_gross() {
    let mut input = scenario();
    input.receipts[1].vat = amount("5150.01");
    let error = build_error(&input);
    assert_eq!(error.code(), "report.vat_exceeds_gross");
    assert_eq!(error.field(), "receipts[1].vat");
}

#[test]
fn error_duplicate_asset_id() {
    let mut input = scenario();
    input.assets[3].id = "A1".into();
    let error = build_error(&input);
    assert_eq!(error.code(), "report.duplicate_id");
    assert_eq!(error.field(), "assets[3].id");
}

#[test]
fn error_duplicate_authorization_id() {
    let mut input = scenario();
    input.authorizations[2].id = "AU1".into();
    assert_eq!(build_error(&input).field(), "authorizations[2].id");
}

#[test]
fn error_negative_and_sub_fen_book_value() {
    let mut input = scenario();
    input.assets[0].book_value = amount("-1.00");
    assert_eq!(build_error(&input).code(), "report.negative_amount");
    input.assets[0].book_value = amount("1.005");
    let error = build_error(&input);
    assert_eq!(error.code(), "report.amount_not_fen");
    assert_eq!(error.field(), "assets[0].book_value");
}

#[test]
fn error_term_reversed() {
    let mut input = scenario();
    input.authorizations[1].end = Some(date("2026-01-31"));
    let error = build_error(&input);
    assert_eq!(error.code(), "report.term_reversed");
    assert_eq!(error.value(), "2026-02-01..=2026-01-31");
}

#[test]
fn error_disposal_not_in_snapshot() {
    let mut input = scenario();
    input.assets[4].disposed = false;
    let error = build_error(&input);
    assert_eq!(error.code(), "report.disposal_not_in_snapshot");
    assert_eq!(error.field(), "changes[3]");
}

#[test]
fn error_unit_region_code() {
    let mut input = scenario();
    input.unit.region_code = Some("4503".into());
    let error = build_error(&input);
    assert_eq!(error.code(), "report.invalid_region_code");
    assert_eq!(error.allowed(), "six ASCII digits, such as 450300");
}

#[test]
fn error_unknown_asset_in_registration_and_receipt() {
    let mut input = scenario();
    input.registrations[0].asset_id = "X".into();
    assert_eq!(build_error(&input).field(), "registrations[0].asset_id");
    let mut input = scenario();
    input.receipts[0].asset_id = "X".into();
    assert_eq!(build_error(&input).field(), "receipts[0].asset_id");
}

#[test]
fn format_amount_groups_thousands() {
    let cases = [
        ("0", "0.00"),
        ("7", "7.00"),
        ("999.9", "999.90"),
        ("1000", "1,000.00"),
        ("123456.78", "123,456.78"),
        ("-1234567.8", "-1,234,567.80"),
        ("10000000000000000", "10,000,000,000,000,000.00"),
        ("2.345", "2.35"),
    ];
    for (input, expected) in cases {
        assert_eq!(format_amount(amount(input)), expected, "{input}");
    }
}

fn snapshot_strategy() -> impl Strategy<Value = AssetSnapshot> {
    (
        0..BookingStatus::ALL.len(),
        0..DataCategory::ALL.len(),
        0..1_000_000_000_000_i64,
        any::<bool>(),
    )
        .prop_map(|(status, category, fen, disposed)| AssetSnapshot {
            id: String::new(),
            name: "资产".into(),
            category: DataCategory::ALL[category],
            booking_status: BookingStatus::ALL[status],
            book_value: Amount::from_fen(fen),
            registered: false,
            certified: false,
            authorized: false,
            disposed,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn holdings_tie_out(snapshots in prop::collection::vec(snapshot_strategy(), 0..40)) {
        let mut input = scenario();
        input.changes.clear();
        input.registrations.clear();
        input.authorizations.clear();
        input.receipts.clear();
        input.assets = snapshots
            .into_iter()
            .enumerate()
            .map(|(index, asset)| AssetSnapshot { id: format!("P{index}"), ..asset })
            .collect();
        let holdings = build_report(&input).unwrap().holdings;

        let held: Vec<_> = input.assets.iter().filter(|asset| !asset.disposed).collect();
        let expected = Amount::sum(held.iter().map(|asset| asset.book_value)).unwrap();
        prop_assert_eq!(holdings.total.book_value, expected);
        prop_assert_eq!(holdings.total.count, held.len());

        let by_status = Amount::sum(holdings.by_status.values().map(|t| t.book_value)).unwrap();
        let by_category =
            Amount::sum(holdings.by_category.values().map(|t| t.book_value)).unwrap();
        prop_assert_eq!(by_status, holdings.total.book_value);
        prop_assert_eq!(by_category, holdings.total.book_value);
        let status_count: usize = holdings.by_status.values().map(|t| t.count).sum();
        prop_assert_eq!(status_count, holdings.total.count);
        prop_assert_eq!(holdings.disposed_count + held.len(), input.assets.len());
    }

    #[test]
    fn format_amount_round_trips(fen in -1_000_000_000_000_000_i64..1_000_000_000_000_000_i64) {
        let value = Amount::from_fen(fen);
        let text = format_amount(value);
        prop_assert_eq!(amount(&text.replace(',', "")), value);
        let integer = text.trim_start_matches('-').split('.').next().unwrap_or_default();
        prop_assert!(integer.split(',').skip(1).all(|group| group.len() == 3));
    }
}

/// The input example of the user guide on progress reports, kept in step with it.
const GUIDE_EXAMPLE: &str = include_str!("../../../../docs/progress-report.example.json");

#[test]
fn guide_example_builds() {
    let input: ReportInput = serde_json::from_str(GUIDE_EXAMPLE).unwrap();
    let report =
        build_report_with_calendar(&input, &Calendar::official(), date("2026-07-01")).unwrap();

    // 1,234,567.89 + 0; receipt 21,200.00 − 1,200.00 = 20,000.00 = 14,000.00 + 6,000.00.
    assert_eq!(report.holdings.total, tally(2, "1234567.89"));
    assert_eq!(report.revenue.net, amount("20000.00"));
    assert_eq!(report.revenue.remitted_to_treasury, amount("14000.00"));
    assert_eq!(report.authorizations.total.granted_in_period, 1);

    // The 10th working day after 2026-06-30 is 2026-07-14: no holiday falls in between.
    let first = &report.deadlines[0];
    assert_eq!(first.obligation.id, "quarterly_report_2026_q2");
    assert_eq!(
        first.due,
        DueDate::Known {
            due_date: date("2026-07-14"),
            days_left: 13,
        }
    );
    assert!(render_markdown(&report).contains("| 无形资产 | 1 | 1,234,567.89 |"));
}

fn receipt_strategy() -> impl Strategy<Value = Receipt> {
    let share = (0..ROUTINGS.len(), 0..100_000_000_i64);
    (
        0..2_i64,
        0..10_000_000_i64,
        prop::collection::vec(share, 1..5),
    )
        .prop_map(|(quarter_offset, vat_fen, shares)| {
            let shares: Vec<ReceiptShare> = shares
                .into_iter()
                .map(|(routing, fen)| ReceiptShare {
                    party: "甲".into(),
                    routing: ROUTINGS[routing],
                    amount: Amount::from_fen(fen),
                })
                .collect();
            let net = Amount::sum(shares.iter().map(|share| share.amount)).unwrap();
            let vat = Amount::from_fen(vat_fen);
            Receipt {
                date: if quarter_offset == 0 {
                    date("2026-02-01")
                } else {
                    date("2026-05-01")
                },
                asset_id: "A1".into(),
                gross: net.checked_add(vat).unwrap(),
                vat,
                shares,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn revenue_ties_out(receipts in prop::collection::vec(receipt_strategy(), 0..12)) {
        let mut input = scenario();
        input.receipts = receipts;
        let section = build_report(&input).unwrap().revenue;

        let in_period: Vec<_> =
            input.receipts.iter().filter(|receipt| input.period.contains(receipt.date)).collect();
        let gross = Amount::sum(in_period.iter().map(|receipt| receipt.gross)).unwrap();
        prop_assert_eq!(section.receipt_count, in_period.len());
        prop_assert_eq!(section.gross, gross);
        prop_assert_eq!(section.vat.checked_add(section.net).unwrap(), section.gross);
        let parts = Amount::sum([
            section.remitted_to_treasury,
            section.retained_by_institution,
            section.enterprise_revenue,
        ])
        .unwrap();
        prop_assert_eq!(parts, section.net);
        let by_routing = Amount::sum(section.by_routing.iter().map(|row| row.amount)).unwrap();
        prop_assert_eq!(by_routing, section.net);
    }
}
