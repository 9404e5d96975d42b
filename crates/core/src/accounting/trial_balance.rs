//! Trial balance (试算平衡表) per side for a period.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::AccountingError;
use super::journal::Journal;
use super::voucher::Side;
use crate::money::Amount;

/// One account of the trial balance. Balances are shown on the side where they are positive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TrialBalanceRow {
    /// Account code.
    pub account_code: String,
    /// Full account name.
    pub account_name: String,
    /// Opening debit balance.
    pub opening_debit: Amount,
    /// Opening credit balance.
    pub opening_credit: Amount,
    /// Debits in the period.
    pub period_debit: Amount,
    /// Credits in the period.
    pub period_credit: Amount,
    /// Closing debit balance.
    pub closing_debit: Amount,
    /// Closing credit balance.
    pub closing_credit: Amount,
}

/// Trial balance of one side for the vouchers dated from `from` to `to` inclusive; vouchers
/// before `from` make up the opening balances.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TrialBalance {
    /// Side.
    pub side: Side,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// One row per account or detail account, in code order.
    pub rows: Vec<TrialBalanceRow>,
    /// Column totals (account code and name `合计`).
    pub totals: TrialBalanceRow,
    /// Whether debits equal credits in each pair of columns.
    pub balanced: bool,
}

fn split(net_debit: Amount) -> (Amount, Amount) {
    if net_debit.is_negative() {
        (Amount::ZERO, net_debit.negate())
    } else {
        (net_debit, Amount::ZERO)
    }
}

/// Builds the trial balance of `side` for the period `from..=to`.
///
/// # Errors
///
/// [`AccountingError::Money`] on overflow.
pub fn trial_balance(
    journal: &Journal,
    side: Side,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<TrialBalance, AccountingError> {
    // (opening net debit, period debit, period credit) per account.
    let mut sums: BTreeMap<(String, String), (Amount, Amount, Amount)> = BTreeMap::new();
    for posted in journal.posted() {
        let voucher = &posted.voucher;
        if voucher.date > to {
            continue;
        }
        for line in voucher.lines(side) {
            let key = (line.account_code.clone(), line.account_name.clone());
            let entry = sums
                .entry(key)
                .or_insert((Amount::ZERO, Amount::ZERO, Amount::ZERO));
            if voucher.date < from {
                entry.0 = entry.0.checked_add(line.net_debit()?)?;
            } else {
                entry.1 = entry.1.checked_add(line.debit)?;
                entry.2 = entry.2.checked_add(line.credit)?;
            }
        }
    }
    let mut rows = Vec::with_capacity(sums.len());
    for ((code, name), (opening, debit, credit)) in sums {
        let closing = opening.checked_add(debit)?.checked_sub(credit)?;
        let (opening_debit, opening_credit) = split(opening);
        let (closing_debit, closing_credit) = split(closing);
        rows.push(TrialBalanceRow {
            account_code: code,
            account_name: name,
            opening_debit,
            opening_credit,
            period_debit: debit,
            period_credit: credit,
            closing_debit,
            closing_credit,
        });
    }
    let total = |pick: fn(&TrialBalanceRow) -> Amount| Amount::sum(rows.iter().map(pick));
    let totals = TrialBalanceRow {
        account_code: "合计".into(),
        account_name: "合计".into(),
        opening_debit: total(|r| r.opening_debit)?,
        opening_credit: total(|r| r.opening_credit)?,
        period_debit: total(|r| r.period_debit)?,
        period_credit: total(|r| r.period_credit)?,
        closing_debit: total(|r| r.closing_debit)?,
        closing_credit: total(|r| r.closing_credit)?,
    };
    let balanced = totals.opening_debit == totals.opening_credit
        && totals.period_debit == totals.period_credit
        && totals.closing_debit == totals.closing_credit;
    Ok(TrialBalance {
        side,
        from,
        to,
        rows,
        totals,
        balanced,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounting::{Event, EventKind, ExpenseUse, Funding, VatStatus};
    use crate::entity::EntityKind;
    use crate::policy::Policy;

    fn date(m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, 1).unwrap()
    }

    #[test]
    fn institution_purchase_and_amortization() {
        let mut j = Journal::new(
            EntityKind::PublicInstitution,
            Policy::default(),
            VatStatus::NotTaxpayer,
        );
        let post = |j: &mut Journal, id: &str, month: u32, kind: EventKind| {
            j.post(&Event {
                id: id.into(),
                asset_id: "A".into(),
                date: date(month),
                kind,
            })
            .unwrap();
        };
        post(
            &mut j,
            "buy",
            1,
            EventKind::Purchase {
                cost: Amount::from_fen(480_000),
                input_vat: Amount::ZERO,
                funding: Funding::BankDeposit,
                business_activity: false,
            },
        );
        for month in 1..=3 {
            post(
                &mut j,
                &format!("m{month}"),
                month,
                EventKind::Amortize {
                    amount: Amount::from_fen(20_000),
                    use_of_asset: ExpenseUse::Management,
                },
            );
        }
        // February–March: opening 1701 Dr 4,800.00 and 1702 Cr 200.00; two months of 200.00.
        let tb = trial_balance(&j, Side::Financial, date(2), date(3)).unwrap();
        assert!(tb.balanced);
        let row = |code: &str| tb.rows.iter().find(|r| r.account_code == code).unwrap();
        assert_eq!(row("1701").opening_debit, Amount::from_fen(480_000));
        assert_eq!(row("1702").opening_credit, Amount::from_fen(20_000));
        assert_eq!(row("1702").period_credit, Amount::from_fen(40_000));
        assert_eq!(row("1702").closing_credit, Amount::from_fen(60_000));
        assert_eq!(row("5101").period_debit, Amount::from_fen(40_000));
        let budget = trial_balance(&j, Side::Budget, date(1), date(12)).unwrap();
        assert!(budget.balanced);
        assert_eq!(budget.rows.len(), 2);
        assert_eq!(budget.totals.period_debit, Amount::from_fen(480_000));
    }
}
