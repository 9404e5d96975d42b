//! The run pipeline on a small ledger whose results are worked out by hand.

use chrono::NaiveDate;
use data_assets_core::accounting::{Event, EventKind, Funding, VatStatus};
use data_assets_core::asset::{AcquisitionRoute, AssetHolder, BookingStatus, DataAsset};
use data_assets_core::calendar::{Calendar, DueDate};
use data_assets_core::entity::{EntityKind, RegionCode, validate_uscc};
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_io::holidays::load_holidays;
use data_assets_io::ledger::{Ledger, LedgerUnit, Receipt, parse_split};
use data_assets_io::pipeline::{run_pipeline, run_pipeline_with_calendar};

const UNIT_USCC: &str = "12450300000000035A";

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn ledger() -> Ledger {
    let mut asset = DataAsset::example();
    asset.id = "A1".into();
    asset.holder = AssetHolder {
        uscc: validate_uscc(UNIT_USCC).unwrap(),
        name: "桂林市大数据发展中心".into(),
    };
    asset.acquisition_route = AcquisitionRoute::Purchased;
    asset.booking_status = BookingStatus::IntangibleAsset;
    asset.cost = Some(Amount::from_fen(1_200_000));
    asset.ready_date = date(2025, 1, 10);
    asset.useful_life_months = Some(60);
    Ledger {
        unit: LedgerUnit {
            name: "桂林市大数据发展中心".into(),
            uscc: validate_uscc(UNIT_USCC).unwrap(),
            kind: EntityKind::PublicInstitution,
            region_code: RegionCode::new("450300").unwrap(),
            vat_status: VatStatus::NotTaxpayer,
            note: String::new(),
        },
        assets: vec![asset],
        events: vec![Event {
            id: "E1".into(),
            asset_id: "A1".into(),
            date: date(2025, 1, 10),
            kind: EventKind::Purchase {
                cost: Amount::from_fen(1_200_000),
                input_vat: Amount::ZERO,
                funding: Funding::DirectTreasury,
                business_activity: false,
            },
        }],
        authorizations: vec![],
        receipts: vec![Receipt {
            id: "R1".into(),
            date: date(2025, 6, 30),
            asset_id: "A1".into(),
            authorization_id: None,
            gross: Amount::from_fen(106_000),
            vat_status: VatStatus::General,
            parties: parse_split("大数据局:0.7;运营公司:0.3", "行政单位;国有企业").unwrap(),
        }],
    }
}

#[test]
fn purchase_voucher_uses_treasury_accounts() {
    let result = run_pipeline(&ledger(), date(2025, 6, 30), &Policy::default()).unwrap();
    let voucher = result.vouchers.iter().find(|v| v.id == "E1").unwrap();
    // 政府会计制度, 1701 and 4001: Dr 无形资产 / Cr 财政拨款收入; budget Dr 事业支出 / Cr 财政拨款预算收入.
    let financial: Vec<(&str, String, String)> = voucher
        .financial
        .iter()
        .map(|l| {
            (
                l.account_code.as_str(),
                l.debit.to_string(),
                l.credit.to_string(),
            )
        })
        .collect();
    assert_eq!(
        financial,
        vec![
            ("1701", "12000.00".into(), "0.00".into()),
            ("4001", "0.00".into(), "12000.00".into()),
        ]
    );
    let budget: Vec<&str> = voucher
        .budget
        .iter()
        .map(|l| l.account_code.as_str())
        .collect();
    assert_eq!(budget, vec!["7201", "6001"]);
}

#[test]
fn amortization_runs_through_as_of() {
    // 12,000.00 over 60 months is 200.00 a month; January to June under the same-month rule.
    let result = run_pipeline(&ledger(), date(2025, 6, 30), &Policy::default()).unwrap();
    let total = &result.amortization[0];
    assert_eq!(total.months, 6);
    assert_eq!(total.amount, Amount::from_fen(120_000));
    // A mid-month as-of date leaves that month out.
    let result = run_pipeline(&ledger(), date(2025, 6, 29), &Policy::default()).unwrap();
    assert_eq!(result.amortization[0].months, 5);
}

#[test]
fn split_separates_vat_then_shares() {
    // 1,060.00 at 6%: net 1,000.00, VAT 60.00; 70% and 30% of the net.
    let result = run_pipeline(&ledger(), date(2025, 6, 30), &Policy::default()).unwrap();
    let split = &result.splits[0].outcome;
    assert_eq!(split.vat.vat, Amount::from_fen(6_000));
    assert_eq!(split.shares[0].amount, Amount::from_fen(70_000));
    assert_eq!(split.shares[1].amount, Amount::from_fen(30_000));
}

#[test]
fn trial_balance_balances() {
    let result = run_pipeline(&ledger(), date(2025, 12, 31), &Policy::default()).unwrap();
    assert_eq!(result.trial_balances.len(), 2);
    assert!(result.trial_balances.iter().all(|tb| tb.balanced));
    assert!(result.disclosures.government_note.is_some());
}

#[test]
fn run_is_deterministic() {
    let first = run_pipeline(&ledger(), date(2025, 12, 31), &Policy::default()).unwrap();
    let second = run_pipeline(&ledger(), date(2025, 12, 31), &Policy::default()).unwrap();
    assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&second).unwrap()
    );
}

/// Spending quota never received leaves 1011 with a credit, which 政府会计制度 does not allow
/// for an asset account: the run reports it once, with the day and the voucher.
#[test]
fn unreceived_quota_spending_reported() {
    let mut ledger = ledger();
    if let EventKind::Purchase { funding, .. } = &mut ledger.events[0].kind {
        *funding = Funding::AuthorizedQuota;
    }
    let result = run_pipeline(&ledger, date(2025, 6, 30), &Policy::default()).unwrap();
    let funds: Vec<(&str, &str)> = result
        .issues
        .iter()
        .filter(|issue| issue.code == "pipeline.negative_funds")
        .map(|issue| (issue.subject.as_str(), issue.message.as_str()))
        .collect();
    assert_eq!(funds.len(), 2, "{funds:?}");
    assert_eq!(funds[0].0, "1011 零余额账户用款额度");
    assert!(
        funds[0]
            .1
            .contains("credit balance of 12000.00 at the end of 2025-01-10 (last voucher E1)"),
        "{}",
        funds[0].1
    );
    assert_eq!(funds[1].0, "8001 资金结存—零余额账户用款额度");

    // With the quota received first, both balances end at zero and nothing is reported.
    ledger.events.insert(
        0,
        Event {
            id: "E0".into(),
            asset_id: "A1".into(),
            date: date(2025, 1, 5),
            kind: EventKind::QuotaReceived {
                amount: Amount::from_fen(1_200_000),
            },
        },
    );
    let result = run_pipeline(&ledger, date(2025, 6, 30), &Policy::default()).unwrap();
    assert!(
        result
            .issues
            .iter()
            .all(|i| i.code != "pipeline.negative_funds"),
        "{:?}",
        result.issues
    );
}

/// The progress report and the run's deadline list count days left from the same as-of date.
/// The 2026 Q3 report is due on the 10th working day after 2026-09-30: with 国庆节 off from
/// 10-01 to 10-07 and Saturday 10-10 a make-up day in the 2026 notice, that is 2026-10-20, 20
/// calendar days later (the report used to count from 10-01 and give 19).
#[test]
fn report_and_run_days_agree() {
    let result = run_pipeline(&ledger(), date(2026, 9, 30), &Policy::default()).unwrap();
    let report = result.progress_report.as_ref().unwrap();
    assert_eq!(report.deadlines, result.deadlines);
    let q3 = result
        .deadlines
        .iter()
        .find(|due| due.obligation.id == "quarterly_report_2026_q3")
        .unwrap();
    assert_eq!(
        q3.due,
        DueDate::Known {
            due_date: date(2026, 10, 20),
            days_left: 20
        }
    );
}

/// The 2026 Q4 report falls due in 2027, whose notice is not built in: unknown until a 2027
/// schedule is loaded. With a made-up 2027 schedule whose only holiday is 01-01..03 (Friday to
/// Sunday), the 10th working day after 2026-12-31 is Friday 2027-01-15.
#[test]
fn loaded_year_fixes_deadline() {
    let as_of = date(2026, 12, 31);
    let q4 = |result: &data_assets_io::pipeline::RunResult| {
        result
            .deadlines
            .iter()
            .find(|due| due.obligation.id == "quarterly_report_2026_q4")
            .map(|due| due.due.clone())
            .unwrap()
    };
    let result = run_pipeline(&ledger(), as_of, &Policy::default()).unwrap();
    assert!(
        matches!(
            q4(&result),
            DueDate::Unknown {
                missing_year: Some(2027),
                ..
            }
        ),
        "{:?}",
        q4(&result)
    );

    let mut calendar = Calendar::official();
    let schedule = r#"{"year": 2027, "notice": "test notice", "issued_on": "2026-11-10",
        "holidays": [{"name": "元旦", "first_day": "2027-01-01", "last_day": "2027-01-03"}]}"#;
    load_holidays(&mut calendar, schedule.as_bytes(), "2027.json").unwrap();
    let result =
        run_pipeline_with_calendar(&ledger(), as_of, &Policy::default(), &calendar).unwrap();
    assert_eq!(
        q4(&result),
        DueDate::Known {
            due_date: date(2027, 1, 15),
            days_left: 15
        }
    );
    assert_eq!(
        result.progress_report.as_ref().unwrap().deadlines,
        result.deadlines
    );
}

/// Every row of every result sheet has one cell per column, so no value lands under another
/// column's header in results.xlsx or report.md.
#[test]
fn result_rows_match_their_headers() {
    let result = run_pipeline(&ledger(), date(2026, 9, 30), &Policy::default()).unwrap();
    let sheets = data_assets_io::pipeline::render::result_sheets(&result);
    for (spec, rows) in &sheets {
        assert!(!spec.columns.is_empty(), "{}", spec.name);
        // The disclosure sheet has title rows of two cells above each block of amounts.
        let titles_allowed = spec.name == "披露";
        for (index, row) in rows.iter().enumerate() {
            let title = titles_allowed && row.len() == 2;
            assert!(
                title || row.len() == spec.columns.len(),
                "{} row {index}: {} cells for {} columns",
                spec.name,
                row.len(),
                spec.columns.len()
            );
        }
    }
    let vouchers = sheets.iter().find(|(spec, _)| spec.name == "凭证").unwrap();
    let headers = vouchers.0.headers();
    let debit = headers.iter().position(|h| *h == "借方金额").unwrap();
    let first = &vouchers.1[0];
    // The purchase of 12,000.00 debits 1701 on the first line.
    assert_eq!(first[debit].to_text(), "12000.00");
}

/// Ledger text cannot inject HTML or reorder a line of report.md: angle brackets become entities
/// and bidirectional controls become U+FFFD.
#[test]
fn report_markdown_escapes_ledger_text() {
    let mut ledger = ledger();
    ledger.assets[0].name = "<img src=x>\u{202e}gnp.exe".into();
    let result = run_pipeline(&ledger, date(2025, 6, 30), &Policy::default()).unwrap();
    let md = data_assets_io::pipeline::render::report_markdown(&result);
    assert!(!md.contains("<img"), "{md}");
    assert!(!md.contains('\u{202e}'));
    assert!(md.contains("&lt;img src=x&gt;\u{fffd}gnp.exe"), "{md}");
}
