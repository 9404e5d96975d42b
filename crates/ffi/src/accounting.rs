//! Booking: the journal, vouchers with both sides, the trial balance and the disclosures.
//!
//! Government units (行政单位, 事业单位) book under 政府会计制度 with parallel budget accounting, so
//! a cash voucher has a 财务会计 side and a 预算会计 side that each balance; enterprises book under
//! 企业会计准则 on the financial side only. Events have many kinds, so they cross as JSON in the
//! core's serde form (`{"id": …, "asset_id": …, "date": …, "type": "purchase", …}`); vouchers,
//! trial balances and the enterprise tables come back as typed records.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use data_assets_core::accounting::disclosure::{
    self, Block, CheckFailure, Columns, DetailRow, IntangibleTable, InventoryTable,
};
use data_assets_core::accounting::trial_balance::{self, TrialBalance, TrialBalanceRow};
use data_assets_core::accounting::{
    self as core_accounting, Event, ExpenseUse, Line, Side, Voucher,
};
use data_assets_core::amortization::AmortizationPeriod;
use data_assets_core::entity::EntityKind;
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_core::revenue::VatStatus;

use crate::error::{ConversionError, DataAssetsError};

const EVENT_JSON: &str = "an accounting event as JSON: id, asset_id, date and the fields of one \
                          event type, such as {\"id\": \"ev-1\", \"asset_id\": \"a-1\", \"date\": \
                          \"2026-03-01\", \"type\": \"purchase\", \"cost\": \"4800.00\", \
                          \"funding\": \"bank_deposit\"}";
const EVENTS_JSON: &str = "a JSON array of accounting events";
const JOURNAL_JSON: &str = "a journal as written by Journal.toJson()";

/// What an amortization or expense serves, which decides the expense or cost account.
#[uniffi::remote(Enum)]
pub enum ExpenseUse {
    /// The unit's own activities: 5001 业务活动费用, enterprise 6602 管理费用.
    Business,
    /// Management: 5101 单位管理费用, enterprise 6602 管理费用.
    Management,
    /// Business (经营) activities: 5201 经营费用; enterprise 6401 主营业务成本.
    Operating,
    /// Customers outside the main business: enterprise 6402 其他业务成本.
    OtherOperating,
    /// Selling: enterprise 6601 销售费用.
    Selling,
    /// Cost of an asset under construction (在建工程).
    ConstructionCost,
    /// Cost of goods being processed or produced.
    ProductionCost,
}

/// Side of a government voucher.
#[uniffi::remote(Enum)]
pub enum Side {
    /// 财务会计 (accrual basis); the only side of an enterprise voucher.
    Financial,
    /// 预算会计 (cash basis).
    Budget,
}

/// One voucher line: an account and an amount in one of the two columns.
#[uniffi::remote(Record)]
pub struct Line {
    /// Account code, such as `1701`.
    pub account_code: String,
    /// Full account name, such as `无形资产—数据资产`.
    pub account_name: String,
    /// Debit (借方) amount.
    pub debit: Amount,
    /// Credit (贷方) amount.
    pub credit: Amount,
}

/// A voucher (记账凭证) produced by posting one event.
#[uniffi::remote(Record)]
pub struct Voucher {
    /// Id of the event that produced it.
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

/// Debit and credit totals of one side of a voucher.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SideTotals {
    /// Total debits.
    pub debit: Amount,
    /// Total credits.
    pub credit: Amount,
}

/// One account of a trial balance.
#[uniffi::remote(Record)]
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

/// Trial balance (试算平衡表) of one side for a period.
#[uniffi::remote(Record)]
pub struct TrialBalance {
    /// Side.
    pub side: Side,
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// One row per account, in code order.
    pub rows: Vec<TrialBalanceRow>,
    /// Column totals (`合计`).
    pub totals: TrialBalanceRow,
    /// Whether debits equal credits in each pair of columns.
    pub balanced: bool,
}

/// The source columns of a disclosure table.
#[uniffi::remote(Record)]
pub struct Columns {
    /// 外购.
    pub purchased: Amount,
    /// 自行开发 or 采集加工.
    pub internal: Amount,
    /// 其他方式取得.
    pub other: Amount,
    /// 合计.
    pub total: Amount,
}

/// A "其中" row under an increase or decrease.
#[uniffi::remote(Record)]
pub struct DetailRow {
    /// Row label.
    pub label: String,
    /// Its values.
    pub values: Columns,
}

/// One block of a table: opening, increase, decrease, closing.
#[uniffi::remote(Record)]
pub struct Block {
    /// Block title.
    pub title: String,
    /// 期初余额.
    pub opening: Columns,
    /// 本期增加金额.
    pub increase: Columns,
    /// Its "其中" rows.
    pub increase_detail: Vec<DetailRow>,
    /// 本期减少金额.
    pub decrease: Columns,
    /// Its "其中" rows.
    pub decrease_detail: Vec<DetailRow>,
    /// 期末余额.
    pub closing: Columns,
}

/// A failed roll-forward check of a table.
#[uniffi::remote(Record)]
pub struct CheckFailure {
    /// Block and row.
    pub location: String,
    /// Rule that failed.
    pub rule: String,
}

/// Table A of 财会〔2023〕11号: data resources recognized as intangible assets.
#[uniffi::remote(Record)]
pub struct IntangibleTable {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// 一、账面原值.
    pub gross: Block,
    /// 二、累计摊销.
    pub amortization: Block,
    /// 三、减值准备.
    pub impairment: Block,
    /// 期末账面价值.
    pub book_value_closing: Columns,
    /// 期初账面价值.
    pub book_value_opening: Columns,
}

/// Table B of 财会〔2023〕11号: data resources recognized as inventory.
#[uniffi::remote(Record)]
pub struct InventoryTable {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// 一、账面原值.
    pub gross: Block,
    /// 二、存货跌价准备.
    pub allowance: Block,
    /// 期末账面价值.
    pub book_value_closing: Columns,
    /// 期初账面价值.
    pub book_value_opening: Columns,
}

/// Returns the debit and credit totals of `side` of `voucher`.
///
/// # Errors
///
/// `money.overflow` when a total leaves the amount range.
#[uniffi::export]
pub fn voucher_totals(voucher: Voucher, side: Side) -> Result<SideTotals, DataAssetsError> {
    let (debit, credit) = voucher.totals(side)?;
    Ok(SideTotals { debit, credit })
}

/// Checks whether debits equal credits on each side of `voucher` separately.
#[uniffi::export]
pub fn voucher_is_balanced(voucher: Voucher) -> bool {
    voucher.is_balanced()
}

/// Runs the roll-forward checks of table A; an empty list means it ties out.
#[uniffi::export]
pub fn check_intangible_table(table: IntangibleTable) -> Vec<CheckFailure> {
    table.check()
}

/// Runs the roll-forward checks of table B; an empty list means it ties out.
#[uniffi::export]
pub fn check_inventory_table(table: InventoryTable) -> Vec<CheckFailure> {
    table.check()
}

/// The books of one unit for its data assets. Safe to share between threads.
#[derive(Debug, uniffi::Object)]
pub struct Journal {
    inner: Mutex<core_accounting::Journal>,
}

impl Journal {
    fn lock(&self) -> MutexGuard<'_, core_accounting::Journal> {
        // Posting builds the voucher before it stores anything, so a poisoned lock still holds
        // consistent books.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[uniffi::export]
impl Journal {
    /// Opens an empty journal for a unit of `entity_kind`.
    #[uniffi::constructor]
    pub fn new(entity_kind: EntityKind, policy: Policy, vat: VatStatus) -> Arc<Self> {
        Arc::new(Journal {
            inner: Mutex::new(core_accounting::Journal::new(entity_kind, policy, vat)),
        })
    }

    /// Posts one event, given as JSON, and returns its voucher; posting the same event id with
    /// the same content again returns the first voucher and books nothing.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` for text that is not an event; `accounting.conflicting_event` for a
    /// reused id with other content; the posting rules' `accounting.*` codes (a funding source
    /// a unit cannot use, an amount above the balance, …). A rejected event books nothing.
    pub fn post(&self, event_json: String) -> Result<Voucher, DataAssetsError> {
        let event: Event = ConversionError::from_json(&event_json, "event_json", EVENT_JSON)?;
        Ok(self.lock().post(&event)?)
    }

    /// Posts a JSON array of events in order and returns their vouchers.
    ///
    /// # Errors
    ///
    /// The errors of [`Journal::post`]; events before the rejected one stay posted.
    pub fn post_all(&self, events_json: String) -> Result<Vec<Voucher>, DataAssetsError> {
        let events: Vec<Event> =
            ConversionError::from_json(&events_json, "events_json", EVENTS_JSON)?;
        let mut journal = self.lock();
        let mut vouchers = Vec::with_capacity(events.len());
        for event in &events {
            vouchers.push(journal.post(event)?);
        }
        Ok(vouchers)
    }

    /// Lists the vouchers posted so far, in posting order.
    pub fn vouchers(&self) -> Vec<Voucher> {
        self.lock()
            .posted()
            .iter()
            .map(|posted| posted.voucher.clone())
            .collect()
    }

    /// Returns the carrying amount of `asset_id` on `date`: gross less accumulated
    /// amortization and allowances, from the vouchers dated up to then.
    ///
    /// # Errors
    ///
    /// `accounting.overflow` when the sum leaves the amount range.
    pub fn carrying_amount(
        &self,
        asset_id: String,
        date: NaiveDate,
    ) -> Result<Amount, DataAssetsError> {
        Ok(self.lock().carrying_amount(&asset_id, date)?)
    }

    /// Kind of the booking unit.
    pub fn entity_kind(&self) -> EntityKind {
        self.lock().entity_kind()
    }

    /// Builds the trial balance of `side` for `from..=to`.
    ///
    /// # Errors
    ///
    /// `accounting.overflow` when a total leaves the amount range.
    pub fn trial_balance(
        &self,
        side: Side,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<TrialBalance, DataAssetsError> {
        Ok(trial_balance::trial_balance(&self.lock(), side, from, to)?)
    }

    /// Builds table A (intangible assets) of an enterprise journal for `from..=to`.
    ///
    /// # Errors
    ///
    /// `accounting.not_applicable` for a government journal.
    pub fn intangible_table(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<IntangibleTable, DataAssetsError> {
        Ok(disclosure::intangible_table(&self.lock(), from, to)?)
    }

    /// Builds table B (inventory) of an enterprise journal for `from..=to`.
    ///
    /// # Errors
    ///
    /// `accounting.not_applicable` for a government journal.
    pub fn inventory_table(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<InventoryTable, DataAssetsError> {
        Ok(disclosure::inventory_table(&self.lock(), from, to)?)
    }

    /// Builds the note of 政府会计准则第4号 ch. 6 for a government journal, as JSON.
    ///
    /// `life_basis` maps asset ids to the basis of their useful life; disposals with a book
    /// value from `major_disposal_threshold` up are listed as significant.
    ///
    /// # Errors
    ///
    /// `accounting.not_applicable` for an enterprise journal.
    pub fn government_note_json(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        life_basis: std::collections::HashMap<String, String>,
        major_disposal_threshold: Amount,
    ) -> Result<String, DataAssetsError> {
        let life_basis: BTreeMap<String, String> = life_basis.into_iter().collect();
        let note = disclosure::government_note(
            &self.lock(),
            from,
            to,
            &life_basis,
            major_disposal_threshold,
        )?;
        ConversionError::to_json(&note, "government_note")
    }

    /// Writes the journal, events and balances included, as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn to_json(&self) -> Result<String, DataAssetsError> {
        ConversionError::to_json(&*self.lock(), "journal")
    }
}

/// Restores a journal written by `Journal.toJson()`.
///
/// # Errors
///
/// `ffi.invalid_json` when the text is not a journal.
#[uniffi::export]
pub fn journal_from_json(json: String) -> Result<Arc<Journal>, DataAssetsError> {
    let journal = ConversionError::from_json(&json, "journal_json", JOURNAL_JSON)?;
    Ok(Arc::new(Journal {
        inner: Mutex::new(journal),
    }))
}

/// Writes the monthly amortization events of a schedule as a JSON array for
/// `Journal.postAll`, one event per period, dated the last day of its month.
///
/// # Errors
///
/// `ffi.invalid_json` only if serialization fails.
#[uniffi::export]
pub fn amortization_events_json(
    asset_id: String,
    periods: Vec<AmortizationPeriod>,
    use_of_asset: ExpenseUse,
) -> Result<String, DataAssetsError> {
    let events = core_accounting::amortization_events(&asset_id, &periods, use_of_asset);
    ConversionError::to_json(&events, "events")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purchase_has_two_balanced_sides() {
        let journal = Journal::new(
            EntityKind::PublicInstitution,
            Policy::default(),
            VatStatus::NotTaxpayer,
        );
        let voucher = journal
            .post(
                r#"{"id": "ev-1", "asset_id": "a-1", "date": "2025-03-01", "type": "purchase",
                    "cost": "4800.00", "funding": "bank_deposit"}"#
                    .into(),
            )
            .unwrap();
        assert_eq!(voucher.budget.len(), 2);
        assert!(voucher_is_balanced(voucher));
    }

    #[test]
    fn post_maps_invalid_json() {
        let journal = Journal::new(
            EntityKind::PublicInstitution,
            Policy::default(),
            VatStatus::NotTaxpayer,
        );
        let error = journal.post(r#"{"id": "ev-1"}"#.into()).unwrap_err();
        assert_eq!(error.code(), "ffi.invalid_json");
        assert_eq!(error.field(), "event_json");
    }
}
