//! The run pipeline on a small ledger whose results are worked out by hand.

use chrono::NaiveDate;
use data_assets_core::accounting::{Event, EventKind, Funding, VatStatus};
use data_assets_core::asset::{AcquisitionRoute, AssetHolder, BookingStatus, DataAsset};
use data_assets_core::entity::{EntityKind, RegionCode, validate_uscc};
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_io::ledger::{Ledger, LedgerUnit, Receipt, parse_split};
use data_assets_io::pipeline::run_pipeline;

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
