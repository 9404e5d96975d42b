//! The check that the zero-balance account quota never goes below zero.
//!
//! 1011 零余额账户用款额度 and its budget mirror 8001 资金结存—零余额账户用款额度 contain the quota
//! the treasury has granted and the unit has not yet spent. Their balance is a debit or zero
//! (政府会计制度, 科目使用说明 of 1011 and 8001). A credit balance means the ledger spends quota
//! it never recorded receiving, a missing `quota_received` event, so the run reports it rather
//! than show a negative quota in the trial balance.
//!
//! Bank deposits and cash are not checked. The ledger records only the data-asset part of the
//! unit's books and has no event for their other receipts, so their balances in the run show
//! only the movements of the ledger's events. The run's assumptions state this.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use data_assets_core::accounting::chart::{AccountRef, gov};
use data_assets_core::accounting::{Line, Voucher};
use data_assets_core::money::Amount;

use super::Issue;

/// The quota accounts whose balance may not be a credit.
const QUOTA_ACCOUNTS: [AccountRef; 2] = [gov::ZERO_BALANCE_QUOTA, gov::FUNDS_QUOTA];

/// Running balance of one money account: debit minus credit.
struct Running {
    balance: Amount,
    reported: bool,
}

/// Returns one issue per quota account whose balance is a credit at the end of some day, for
/// the first such day, naming the voucher that took it below zero.
///
/// `vouchers` must be sorted by date. Balances are checked at the end of each day, because the
/// order of a day's vouchers is the ledger's row order, not the order money moved.
pub fn negative_funds(vouchers: &[Voucher]) -> Vec<Issue> {
    let mut running: BTreeMap<(String, String), Running> = BTreeMap::new();
    let mut last_voucher: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut issues = Vec::new();
    let mut day: Option<NaiveDate> = None;
    for voucher in vouchers {
        if day.is_some_and(|day| day != voucher.date) {
            report_day(&mut running, &last_voucher, day, &mut issues);
        }
        day = Some(voucher.date);
        for line in voucher.financial.iter().chain(&voucher.budget) {
            let quota = QUOTA_ACCOUNTS.iter().any(|account| {
                account.code == line.account_code && account.name == line.account_name
            });
            if !quota {
                continue;
            }
            let key = (line.account_code.clone(), line.account_name.clone());
            let entry = running.entry(key.clone()).or_insert(Running {
                balance: Amount::ZERO,
                reported: false,
            });
            entry.balance = apply(entry.balance, line);
            last_voucher.insert(key, voucher.id.clone());
        }
    }
    report_day(&mut running, &last_voucher, day, &mut issues);
    issues
}

fn apply(balance: Amount, line: &Line) -> Amount {
    // Booked amounts are far below Amount's limit. On an overflow the balance stays as it was,
    // because the trial balance, which checks every sum, reports the overflow.
    balance
        .checked_add(line.debit)
        .and_then(|b| b.checked_sub(line.credit))
        .unwrap_or(balance)
}

fn report_day(
    running: &mut BTreeMap<(String, String), Running>,
    last_voucher: &BTreeMap<(String, String), String>,
    day: Option<NaiveDate>,
    issues: &mut Vec<Issue>,
) {
    let Some(day) = day else { return };
    for ((code, name), entry) in running.iter_mut() {
        if entry.reported || !entry.balance.is_negative() {
            continue;
        }
        entry.reported = true;
        let voucher = last_voucher
            .get(&(code.clone(), name.clone()))
            .map_or("", String::as_str);
        let credit = entry.balance.negate();
        issues.push(Issue {
            stage: "funds".into(),
            subject: format!("{code} {name}"),
            code: "pipeline.negative_funds".into(),
            message: format!(
                "{code} {name} has a credit balance of {credit} at the end of {day} (last \
                 voucher {voucher}); allowed: a debit or zero balance, so record the quota \
                 received on or before the day it is spent (事项类型 收到财政授权支付额度, \
                 quota_received in JSON)"
            ),
        });
    }
}

#[cfg(test)]
mod tests {
    use data_assets_core::accounting::chart::gov;
    use data_assets_core::entity::EntityKind;

    use super::*;

    fn date(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 3, day).unwrap()
    }

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn voucher(id: &str, day: u32, financial: Vec<Line>, budget: Vec<Line>) -> Voucher {
        Voucher {
            id: id.into(),
            asset_id: "GL-001".into(),
            date: date(day),
            entity_kind: EntityKind::PublicInstitution,
            financial,
            budget,
            memo: String::new(),
        }
    }

    /// Builds a quota received: Dr 1011 / Cr 4001, budget Dr 8001 / Cr 6001.
    fn received(id: &str, day: u32, text: &str) -> Voucher {
        voucher(
            id,
            day,
            vec![
                Line::debit(gov::ZERO_BALANCE_QUOTA, amount(text)),
                Line::credit(gov::APPROPRIATION_REVENUE, amount(text)),
            ],
            vec![
                Line::debit(gov::FUNDS_QUOTA, amount(text)),
                Line::credit(gov::APPROPRIATION_BUDGET_REVENUE, amount(text)),
            ],
        )
    }

    /// Builds a purchase paid from the quota: Dr 1701 / Cr 1011, budget Dr 7201 / Cr 8001.
    fn spent(id: &str, day: u32, text: &str) -> Voucher {
        voucher(
            id,
            day,
            vec![
                Line::debit(gov::INTANGIBLE, amount(text)),
                Line::credit(gov::ZERO_BALANCE_QUOTA, amount(text)),
            ],
            vec![
                Line::debit(gov::PROFESSIONAL_EXPENDITURE, amount(text)),
                Line::credit(gov::FUNDS_QUOTA, amount(text)),
            ],
        )
    }

    /// 50,000.00 of quota received, then a 4,800.00 purchase: the quota and its budget detail
    /// stay at 45,200.00, so nothing is reported.
    #[test]
    fn spending_within_quota_passes() {
        let vouchers = [received("Q", 1, "50000.00"), spent("P", 2, "4800.00")];
        assert!(negative_funds(&vouchers).is_empty());
    }

    /// A 4,800.00 purchase from a quota never received leaves 1011 and 8001 资金结存—零余额账户
    /// 用款额度 each with a 4,800.00 credit: both are reported once, for that day.
    #[test]
    fn unreceived_quota_reported_once() {
        let issues = negative_funds(&[spent("P1", 3, "4800.00"), spent("P2", 4, "4800.00")]);
        let subjects: Vec<&str> = issues.iter().map(|i| i.subject.as_str()).collect();
        assert_eq!(
            subjects,
            [
                "1011 零余额账户用款额度",
                "8001 资金结存—零余额账户用款额度"
            ]
        );
        assert!(
            issues[0]
                .message
                .contains("credit balance of 4800.00 at the end of 2025-03-03")
        );
        assert!(issues[0].message.contains("last voucher P1"));
        assert_eq!(issues[0].code, "pipeline.negative_funds");
    }

    /// Within a day the order of the rows does not matter: a spend listed before the receipt of
    /// the same day is not reported.
    #[test]
    fn balance_checked_at_day_end() {
        let vouchers = [spent("P", 5, "100.00"), received("R", 5, "100.00")];
        assert!(negative_funds(&vouchers).is_empty());
    }

    /// Bank deposits have opening balances outside the ledger, so spending them is not reported.
    #[test]
    fn bank_deposits_not_checked() {
        let paid = voucher(
            "P",
            6,
            vec![
                Line::debit(gov::INTANGIBLE, amount("100.00")),
                Line::credit(gov::BANK, amount("100.00")),
            ],
            vec![
                Line::debit(gov::PROFESSIONAL_EXPENDITURE, amount("100.00")),
                Line::credit(gov::FUNDS_MONEY, amount("100.00")),
            ],
        );
        assert!(negative_funds(&[paid]).is_empty());
    }
}
