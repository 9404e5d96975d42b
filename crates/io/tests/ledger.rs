//! Ledger workbook round trips in its three forms, and the errors of broken ledgers.

use chrono::NaiveDate;
use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{
    Event, EventKind, ExpenseUse, Funding, RdPhase, TransferInBasis, VatStatus,
};
use data_assets_core::asset::{
    AcquisitionRoute, AssetHolder, BookingStatus, DataAsset, OpenType, SharingType,
};
use data_assets_core::authorization::{
    AuthorizationMode, AuthorizationState, AuthorizationTerms, GrantedRight, Purpose, Term,
};
use data_assets_core::entity::{EntityKind, RegionCode, validate_uscc};
use data_assets_core::money::{Amount, Ratio};
use data_assets_core::revenue::{AgreementShare, Party};
use data_assets_io::Limits;
use data_assets_io::ledger::{
    Ledger, LedgerAuthorization, LedgerUnit, Receipt, parse_split, read_ledger, read_ledger_json,
    read_ledger_xlsx, template, write_ledger_csv, write_ledger_json, write_ledger_xlsx,
};

const UNIT_USCC: &str = "12450300000000035A";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn asset(id: &str, route: AcquisitionRoute, cost: Option<i64>) -> DataAsset {
    let mut asset = DataAsset::example();
    asset.id = id.into();
    asset.name = format!("数据资产{id}");
    asset.holder = AssetHolder {
        uscc: validate_uscc(UNIT_USCC).unwrap(),
        name: "桂林市大数据发展中心".into(),
    };
    asset.acquisition_route = route;
    asset.cost = cost.map(Amount::from_fen);
    asset.booking_status = BookingStatus::IntangibleAsset;
    asset.useful_life_months = Some(60);
    asset.facts.source_systems = vec!["政务数据共享平台".into(), "城市运行管理平台".into()];
    asset
}

fn event(id: &str, asset: &str, on: NaiveDate, kind: EventKind) -> Event {
    Event {
        id: id.into(),
        asset_id: asset.into(),
        date: on,
        kind,
    }
}

/// Builds a ledger that uses most event types of the 事项 sheet.
#[allow(clippy::too_many_lines)]
fn sample() -> Ledger {
    let mut open = asset("A2", AcquisitionRoute::SelfDeveloped, None);
    open.open_type = OpenType::Conditional;
    open.open_conditions = Some("签订数据使用协议".into());
    open.sharing_type = SharingType::Unconditional;
    open.sharing_conditions = None;
    open.useful_life_months = None;
    let amount = Amount::from_fen;
    let events = vec![
        event(
            "E01",
            "A1",
            date(2025, 1, 10),
            EventKind::Purchase {
                cost: amount(600_000),
                input_vat: amount(36_000),
                funding: Funding::DirectTreasury,
                business_activity: false,
            },
        ),
        event(
            "E02",
            "A1",
            date(2025, 2, 1),
            EventKind::Maintenance {
                amount: amount(50_000),
                funding: Funding::AuthorizedQuota,
                use_of_asset: ExpenseUse::Management,
            },
        ),
        event(
            "E03",
            "A2",
            date(2025, 1, 5),
            EventKind::RdCost {
                phase: RdPhase::Research,
                amount: amount(100_000),
                funding: Funding::SalaryPayable,
            },
        ),
        event("E04", "A2", date(2025, 1, 31), EventKind::ResearchTransfer),
        event(
            "E05",
            "A2",
            date(2025, 2, 5),
            EventKind::RdCost {
                phase: RdPhase::Development,
                amount: amount(300_000),
                funding: Funding::BankDeposit,
            },
        ),
        event(
            "E06",
            "A2",
            date(2025, 3, 31),
            EventKind::DevelopmentCompleted,
        ),
        event("E07", "A1", date(2025, 6, 1), EventKind::UpgradeStart),
        event(
            "E08",
            "A1",
            date(2025, 6, 15),
            EventKind::UpgradeSpending {
                amount: amount(120_000),
                funding: Funding::AccountsPayable,
            },
        ),
        event("E09", "A1", date(2025, 6, 30), EventKind::UpgradeFinish),
        event(
            "E10",
            "A1",
            date(2025, 7, 1),
            EventKind::LicenceFee {
                amount: amount(10_000),
                output_vat: Amount::ZERO,
                receivable: true,
            },
        ),
        event(
            "E11",
            "A3",
            date(2025, 1, 2),
            EventKind::CommissionPrepayment {
                amount: amount(200_000),
                funding: Funding::BankDeposit,
            },
        ),
        event(
            "E12",
            "A3",
            date(2025, 3, 2),
            EventKind::CommissionDelivery {
                total_fee: amount(500_000),
                funding: Funding::BankDeposit,
            },
        ),
        event(
            "E13",
            "A3",
            date(2025, 12, 1),
            EventKind::Sale {
                proceeds: amount(400_000),
                fees: amount(1_000),
                output_vat: amount(24_000),
                retain: true,
            },
        ),
        event(
            "E14",
            "A3",
            date(2025, 12, 20),
            EventKind::Remittance {
                amount: amount(100_000),
            },
        ),
        event(
            "E15",
            "A4",
            date(2025, 4, 1),
            EventKind::TransferIn {
                basis: TransferInBasis::BookValue {
                    book_value: amount(80_000),
                },
                taxes: amount(500),
                funding: Funding::BankDeposit,
            },
        ),
        event(
            "E16",
            "A4",
            date(2025, 10, 1),
            EventKind::TransferOut {
                costs: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        ),
        event(
            "E17",
            "A5",
            date(2025, 4, 1),
            EventKind::DonationIn {
                value: None,
                taxes: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        ),
        event("E18", "A5", date(2025, 11, 1), EventKind::WriteOff),
        event(
            "E19",
            "A1",
            date(2025, 1, 3),
            EventKind::QuotaReceived {
                amount: amount(1_000_000),
            },
        ),
        event(
            "E20",
            "A1",
            date(2025, 9, 1),
            EventKind::ExpensedPurchase {
                amount: amount(80_000),
                funding: Funding::StoresIssued,
                use_of_asset: ExpenseUse::Business,
            },
        ),
    ];
    let grant = LedgerAuthorization {
        terms: AuthorizationTerms {
            id: "SQ-01".into(),
            asset_id: "A1".into(),
            licensee: "桂林数据运营有限公司".into(),
            mode: AuthorizationMode::Scenario("智慧停车".into()),
            rights: [GrantedRight::Use, GrantedRight::ProductOperation].into(),
            purpose: Purpose::IndustryDevelopment,
            fee: amount(1_200_000),
            term: Term {
                start: date(2025, 3, 1),
                end: date(2027, 2, 28),
            },
            exclusive: true,
        },
        state: AuthorizationState::Active,
        applicant: "数据应用科".into(),
        approver: Some("市财政局".into()),
        applied: Some(date(2025, 1, 5)),
        decided: Some(date(2025, 1, 20)),
        compliance_review_passed: true,
        fee_cap: Some(amount(1_500_000)),
    };
    let receipt = Receipt {
        id: "SK-01".into(),
        date: date(2025, 6, 30),
        asset_id: "A1".into(),
        authorization_id: Some("SQ-01".into()),
        gross: amount(1_060_000),
        vat_status: VatStatus::General,
        parties: parse_split(
            "桂林市大数据发展中心:0.7;桂林数据运营有限公司:0.3",
            "事业单位;国有企业",
        )
        .unwrap(),
    };
    Ledger {
        unit: LedgerUnit {
            name: "桂林市大数据发展中心".into(),
            uscc: validate_uscc(UNIT_USCC).unwrap(),
            kind: EntityKind::PublicInstitution,
            region_code: RegionCode::new("450300").unwrap(),
            vat_status: VatStatus::NotTaxpayer,
            note: "测试数据".into(),
        },
        assets: vec![
            asset("A1", AcquisitionRoute::Purchased, Some(600_000)),
            open,
            asset("A3", AcquisitionRoute::Commissioned, Some(500_000)),
            asset("A4", AcquisitionRoute::TransferredIn, Some(80_500)),
            asset("A5", AcquisitionRoute::Donated, None),
        ],
        events,
        authorizations: vec![grant],
        receipts: vec![receipt],
    }
}

#[test]
fn template_reads_as_empty_sheets() {
    let bytes = template().unwrap();
    let errors = read_ledger_xlsx(&bytes, "template.xlsx", &Limits::default()).unwrap_err();
    // A blank template has no unit row yet, which is the one error.
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "ledger.unit_rows");
}

#[test]
fn workbook_round_trip_is_lossless() {
    let ledger = sample();
    let bytes = write_ledger_xlsx(&ledger).unwrap();
    let read = read_ledger_xlsx(&bytes, "ledger.xlsx", &Limits::default()).unwrap();
    assert_eq!(read, ledger);
    let again = write_ledger_xlsx(&read).unwrap();
    let reread = read_ledger_xlsx(&again, "ledger.xlsx", &Limits::default()).unwrap();
    assert_eq!(reread, ledger);
}

#[test]
fn csv_and_json_round_trip() {
    let ledger = sample();
    let dir = tempfile::tempdir().unwrap();
    write_ledger_csv(&ledger, dir.path()).unwrap();
    assert_eq!(read_ledger(dir.path(), &Limits::default()).unwrap(), ledger);

    let json = write_ledger_json(&ledger).unwrap();
    assert_eq!(read_ledger_json(json.as_bytes(), "l.json").unwrap(), ledger);
}

#[test]
fn split_text_parses_parties() {
    let shares = parse_split("大数据局:0.7;运营公司:0.3", "行政单位;国有企业").unwrap();
    assert_eq!(
        shares,
        vec![
            AgreementShare {
                party: Party {
                    name: "大数据局".into(),
                    kind: EntityKind::AdministrativeUnit,
                },
                ratio: Ratio::parse_field("0.7", "r").unwrap(),
            },
            AgreementShare {
                party: Party {
                    name: "运营公司".into(),
                    kind: EntityKind::StateOwnedEnterprise,
                },
                ratio: Ratio::parse_field("0.3", "r").unwrap(),
            },
        ]
    );
    assert!(parse_split("大数据局:0.7", "行政单位;国有企业").is_err());
    assert!(parse_split("大数据局", "行政单位").is_err());
    assert!(parse_split("大数据局:abc", "行政单位").is_err());
    assert!(parse_split("大数据局:0.7", "部门").unwrap_err().in_kinds);
    assert!(
        !parse_split("大数据局:abc", "行政单位")
            .unwrap_err()
            .in_kinds
    );
}

#[test]
fn cross_sheet_errors_are_typed() {
    let mut ledger = sample();
    // Duplicate event id, an event for an unknown asset, an upgrade finishing before it starts,
    // an event after a write-off, and a receipt under another asset's grant.
    ledger.events[1].id = "E01".into();
    ledger.events[2].asset_id = "NOPE".into();
    ledger.events[6].date = date(2025, 7, 1);
    ledger
        .events
        .push(event("E21", "A5", date(2025, 12, 1), EventKind::WriteOff));
    ledger.receipts[0].asset_id = "A3".into();
    let json = write_ledger_json(&ledger).unwrap();
    let errors = read_ledger_json(json.as_bytes(), "l.json").unwrap_err();
    let codes: Vec<&str> = errors.iter().map(ErrorDetail::code).collect();
    assert!(codes.contains(&"ledger.duplicate_id"), "{codes:?}");
    assert!(codes.contains(&"ledger.unknown_asset"), "{codes:?}");
    assert!(codes.contains(&"ledger.unknown_authorization"), "{codes:?}");
    let out_of_order: Vec<_> = errors
        .iter()
        .filter(|e| e.code() == "ledger.event_out_of_order")
        .collect();
    // The moved upgrade start leaves the spending and the finish without a start, and the
    // second write-off follows the first.
    assert_eq!(out_of_order.len(), 3, "{out_of_order:?}");
    let duplicate = errors
        .iter()
        .find(|e| e.code() == "ledger.duplicate_id")
        .unwrap();
    assert_eq!(
        duplicate.field(),
        "l.json, sheet 事项, row 2, column 事项编号"
    );
}

/// Builds an event kind without order constraints from a selector and amounts in fen.
fn free_kind(selector: u8, amount: i64, vat: i64) -> EventKind {
    let amount = Amount::from_fen(amount);
    let vat = Amount::from_fen(vat);
    match selector % 10 {
        0 => EventKind::Purchase {
            cost: amount,
            input_vat: vat,
            funding: Funding::AuthorizedQuota,
            business_activity: vat.is_zero(),
        },
        1 => EventKind::Maintenance {
            amount,
            funding: Funding::BankDeposit,
            use_of_asset: ExpenseUse::Operating,
        },
        2 => EventKind::LicenceFee {
            amount,
            output_vat: vat,
            receivable: false,
        },
        3 => EventKind::CommissionPrepayment {
            amount,
            funding: Funding::DirectTreasury,
        },
        4 => EventKind::InventoryPurchase {
            cost: amount,
            input_vat: vat,
            funding: Funding::AccountsPayable,
        },
        5 => EventKind::Remittance { amount },
        6 => EventKind::InventoryWriteDown { amount },
        7 => EventKind::TransferIn {
            basis: TransferInBasis::ZeroBookValue { gross: amount },
            taxes: vat,
            funding: Funding::BankDeposit,
        },
        8 => EventKind::DonationIn {
            value: (!vat.is_zero()).then_some(amount),
            taxes: Amount::ZERO,
            funding: Funding::StoresIssued,
        },
        _ => EventKind::RdCost {
            phase: RdPhase::Research,
            amount,
            funding: Funding::Depreciation,
        },
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Any amounts to the fen, below the limit written as exact numbers, survive the workbook.
    #[test]
    fn event_amounts_survive_workbook(
        rows in proptest::collection::vec(
            (0_u8..10, 0_i64..1_000_000_000_000, 0_i64..100_000_000, 0_u64..3000),
            1..12,
        )
    ) {
        let mut ledger = sample();
        ledger.events = rows
            .iter()
            .enumerate()
            .map(|(index, (selector, amount, vat, days))| {
                let on = date(2020, 1, 1) + chrono::Days::new(*days);
                event(&format!("P{index}"), "A1", on, free_kind(*selector, *amount, *vat))
            })
            .collect();
        let bytes = write_ledger_xlsx(&ledger).unwrap();
        let read = read_ledger_xlsx(&bytes, "p.xlsx", &Limits::default()).unwrap();
        proptest::prop_assert_eq!(read.events, ledger.events);
    }
}

/// An Excel cell contains at most 32,767 UTF-16 units, so a ledger with a longer text could pass
/// the check and then fail when the run writes its workbook. The check rejects it in every form,
/// at the item and column, and accepts text exactly at the limit.
#[test]
fn text_over_cell_limit_rejected() {
    let with_name = |name: String| {
        let mut ledger = sample();
        ledger.assets[1].name = name;
        ledger
    };
    let at_limit = with_name("数".repeat(32_767));
    let json = write_ledger_json(&at_limit).unwrap();
    assert!(read_ledger_json(json.as_bytes(), "l.json").is_ok());
    // 16,384 characters outside the basic plane take two UTF-16 units each: 32,768 units.
    for name in ["x".repeat(32_768), "𝕏".repeat(16_384)] {
        let json = write_ledger_json(&with_name(name)).unwrap();
        let errors = read_ledger_json(json.as_bytes(), "l.json").unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].code(), "io.invalid_value");
        assert_eq!(
            errors[0].field(),
            "l.json, sheet 台账, row 2, column 资产名称"
        );
        assert!(
            errors[0].allowed().contains("32,767"),
            "{}",
            errors[0].allowed()
        );
        assert!(
            errors[0].value().ends_with(" characters)"),
            "{}",
            errors[0].value()
        );
    }

    // The CSV form is rejected by the cell reader, before the ledger is built.
    let dir = tempfile::tempdir().unwrap();
    write_ledger_csv(&with_name("x".repeat(40_000)), dir.path()).unwrap();
    let errors = read_ledger(dir.path(), &Limits::default()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "io.invalid_value");
    assert!(
        errors[0].field().contains("column 资产名称"),
        "{}",
        errors[0].field()
    );
    assert_eq!(
        errors[0].value(),
        format!("{}… (40000 characters)", "x".repeat(40))
    );
}

/// A single CSV file is not a ledger. The error asks for the directory of five files instead of
/// reporting a broken workbook.
#[test]
fn single_csv_names_directory_form() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("台账.csv");
    std::fs::write(&path, "编号,资产名称\n").unwrap();
    let errors = read_ledger(&path, &Limits::default()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].code(), "io.invalid_file");
    assert!(
        errors[0].allowed().contains("give the directory"),
        "{}",
        errors[0].allowed()
    );
}

/// Spreadsheets often fill 0 or 否 into every row. In a column that an event type does not use,
/// such a value is read as empty. Any other value is still rejected at its cell.
#[test]
fn unused_column_accepts_zero_and_no() {
    let ledger = sample();
    let dir = tempfile::tempdir().unwrap();
    write_ledger_csv(&ledger, dir.path()).unwrap();
    let events_csv = dir.path().join("事项.csv");
    let original = std::fs::read_to_string(&events_csv).unwrap();
    let header: Vec<&str> = original.lines().next().unwrap().split(',').collect();
    let column = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (fees, retain) = (column("相关税费（元）"), column("处置收入留用"));
    // Row 2 is E01, a purchase, which uses neither column.
    let with_row2 = |fees_text: &str, retain_text: &str| {
        let mut lines: Vec<String> = original.lines().map(String::from).collect();
        let mut cells: Vec<String> = lines[1].split(',').map(String::from).collect();
        cells[fees] = fees_text.into();
        cells[retain] = retain_text.into();
        lines[1] = cells.join(",");
        std::fs::write(&events_csv, lines.join("\n") + "\n").unwrap();
        read_ledger(dir.path(), &Limits::default())
    };
    assert_eq!(with_row2("0.00", "否").unwrap(), ledger);
    assert_eq!(with_row2("0", "").unwrap(), ledger);

    let errors = with_row2("5.00", "否").unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "io.invalid_value");
    assert!(
        errors[0].field().ends_with("row 2, column 相关税费（元）"),
        "{}",
        errors[0].field()
    );
    let errors = with_row2("", "是").unwrap_err();
    assert!(
        errors[0].field().ends_with("row 2, column 处置收入留用"),
        "{}",
        errors[0].field()
    );
}

/// One bad cell gives one error at that cell: the reader does not report the same cell again as
/// missing, nor the rows that refer to it as unknown. Every column but the ids of the first row
/// of every sheet is given a text no number, date or label column accepts.
#[test]
fn one_bad_cell_one_error() {
    let ledger = sample();
    let dir = tempfile::tempdir().unwrap();
    write_ledger_csv(&ledger, dir.path()).unwrap();
    let mut failures = Vec::new();
    for sheet in ["单位", "台账", "事项", "授权", "收益"] {
        let path = dir.path().join(format!("{sheet}.csv"));
        let original = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = original.lines().collect();
        let header: Vec<&str> = lines[0].split(',').collect();
        for (index, name) in header.iter().enumerate() {
            // A new text in an id or reference column is a valid id, so the references to the
            // old one are rightly reported as unknown.
            if name.ends_with("编号") {
                continue;
            }
            let mut cells: Vec<&str> = lines[1].split(',').collect();
            if cells.len() != header.len() {
                // A quoted cell contains a comma, which this simple split cannot handle.
                continue;
            }
            cells[index] = "无效值?";
            let mut edited: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
            edited[1] = cells.join(",");
            std::fs::write(&path, edited.join("\n") + "\n").unwrap();
            if let Err(errors) = read_ledger(dir.path(), &Limits::default()) {
                let at_cell = errors
                    .iter()
                    .filter(|e| e.field().ends_with(&format!("column {name}")))
                    .count();
                if errors.len() != 1 || at_cell != 1 {
                    let fields: Vec<String> = errors
                        .iter()
                        .map(|e| format!("{} {}", e.code(), e.field()))
                        .collect();
                    failures.push(format!("{sheet}/{name}: {fields:?}"));
                }
            }
        }
        std::fs::write(&path, original).unwrap();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A JSON ledger reaches the same rules as a workbook, whose cells reject these values when
/// read: `check` must not pass a ledger that `run` then cannot post.
#[test]
fn json_ledger_meets_workbook_rules() {
    type Case = (&'static str, fn(&mut Ledger), &'static str);
    let cases: [Case; 5] = [
        (
            "negative purchase cost",
            |l| {
                if let EventKind::Purchase { cost, .. } = &mut l.events[0].kind {
                    *cost = Amount::from_fen(-1);
                }
            },
            "accounting.invalid_amount",
        ),
        (
            "sub-fen receipt",
            |l| l.receipts[0].gross = "1.001".parse().unwrap(),
            "io.invalid_value",
        ),
        (
            "negative receipt",
            |l| l.receipts[0].gross = Amount::from_fen(-100),
            "io.invalid_value",
        ),
        (
            "life of 1,201 months",
            |l| l.assets[0].useful_life_months = Some(1201),
            "asset.invalid_field",
        ),
        (
            "unit name of a zero-width space",
            |l| l.unit.name = "\u{200b}".into(),
            "io.invalid_value",
        ),
    ];
    for (name, change, code) in cases {
        let mut ledger = sample();
        change(&mut ledger);
        let json = write_ledger_json(&ledger).unwrap();
        let errors = read_ledger_json(json.as_bytes(), "l.json").unwrap_err();
        let codes: Vec<&str> = errors.iter().map(ErrorDetail::code).collect();
        assert_eq!(codes, [code], "{name}: {errors:?}");
    }
}

/// A JSON ledger saved with a UTF-8 byte order mark, as Windows editors do, reads like one
/// without it.
#[test]
fn json_ledger_with_byte_order_mark() {
    let ledger = sample();
    let json = write_ledger_json(&ledger).unwrap();
    let bytes = [b"\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat();
    assert_eq!(read_ledger_json(&bytes, "l.json").unwrap(), ledger);
}
