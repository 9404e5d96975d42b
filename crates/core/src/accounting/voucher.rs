//! Vouchers (记账凭证): a 财务会计 side and, for government units, a 预算会计 side.
//!
//! Under 政府会计制度 parallel bookkeeping (平行记账), cash receipts and payments inside the
//! departmental budget are booked on both sides, everything else on the financial side only; each
//! side balances on its own. An enterprise voucher uses the financial side only.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::chart::AccountRef;
use crate::entity::EntityKind;
use crate::money::{Amount, MoneyError};

/// One voucher line: an account and an amount on exactly one of the two columns.
///
/// A line built by the posting rules has a positive amount in one column and zero in the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Line {
    /// Account code, such as `1701`; detail accounts keep their parent's code.
    pub account_code: String,
    /// Full account name, such as `无形资产—数据资产`.
    pub account_name: String,
    /// Debit (借方) amount.
    pub debit: Amount,
    /// Credit (贷方) amount.
    pub credit: Amount,
}

impl Line {
    /// Builds a debit line.
    pub fn debit(account: AccountRef, amount: Amount) -> Self {
        Line {
            account_code: account.code.to_owned(),
            account_name: account.name.to_owned(),
            debit: amount,
            credit: Amount::ZERO,
        }
    }

    /// Builds a credit line.
    pub fn credit(account: AccountRef, amount: Amount) -> Self {
        Line {
            account_code: account.code.to_owned(),
            account_name: account.name.to_owned(),
            debit: Amount::ZERO,
            credit: amount,
        }
    }

    /// Debit minus credit.
    pub fn net_debit(&self) -> Result<Amount, MoneyError> {
        self.debit.checked_sub(self.credit)
    }
}

/// Side of a government voucher.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// 财务会计 (accrual basis); the only side of an enterprise voucher.
    Financial,
    /// 预算会计 (cash basis).
    Budget,
}

/// A voucher produced by posting one event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Voucher {
    /// Id of the event that produced the voucher.
    pub id: String,
    /// Asset the event concerns.
    pub asset_id: String,
    /// Booking date.
    pub date: NaiveDate,
    /// Kind of the booking unit.
    pub entity_kind: EntityKind,
    /// 财务会计 lines.
    pub financial: Vec<Line>,
    /// 预算会计 lines; empty for enterprises and for non-cash government events.
    pub budget: Vec<Line>,
    /// Summary (摘要).
    pub memo: String,
}

impl Voucher {
    /// Returns the lines of `side`.
    pub fn lines(&self, side: Side) -> &[Line] {
        match side {
            Side::Financial => &self.financial,
            Side::Budget => &self.budget,
        }
    }

    /// Returns the total debits and credits of `side`.
    pub fn totals(&self, side: Side) -> Result<(Amount, Amount), MoneyError> {
        let lines = self.lines(side);
        Ok((
            Amount::sum(lines.iter().map(|l| l.debit))?,
            Amount::sum(lines.iter().map(|l| l.credit))?,
        ))
    }

    /// Checks that debits equal credits on each side separately.
    pub fn is_balanced(&self) -> bool {
        [Side::Financial, Side::Budget]
            .into_iter()
            .all(|side| matches!(self.totals(side), Ok((debit, credit)) if debit == credit))
    }
}

/// Collects the lines of one side, dropping zero amounts so a voucher shows only what moved.
#[derive(Debug, Default)]
pub(crate) struct LinesBuilder {
    lines: Vec<Line>,
}

impl LinesBuilder {
    pub(crate) fn dr(mut self, account: AccountRef, amount: Amount) -> Self {
        if !amount.is_zero() {
            self.lines.push(Line::debit(account, amount));
        }
        self
    }

    pub(crate) fn cr(mut self, account: AccountRef, amount: Amount) -> Self {
        if !amount.is_zero() {
            self.lines.push(Line::credit(account, amount));
        }
        self
    }

    pub(crate) fn build(self) -> Vec<Line> {
        self.lines
    }
}

/// Builds a two-line entry, Dr `debit` / Cr `credit` for the same amount, or no lines when the
/// amount is zero.
pub(crate) fn entry(debit: AccountRef, credit: AccountRef, amount: Amount) -> Vec<Line> {
    LinesBuilder::default()
        .dr(debit, amount)
        .cr(credit, amount)
        .build()
}

#[cfg(test)]
/// Renders lines as `code name Dr|Cr amount` for readable comparisons.
pub(crate) fn render(lines: &[Line]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.debit.is_zero() {
                format!("{} {} Cr {}", l.account_code, l.account_name, l.credit)
            } else {
                format!("{} {} Dr {}", l.account_code, l.account_name, l.debit)
            }
        })
        .collect()
}
