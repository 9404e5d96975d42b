//! Disclosures built from the journal: the enterprise tables for data resources recognized as
//! intangible assets (table A) and as inventory (table B) under 企业数据资源相关会计处理暂行规定
//! (财会〔2023〕11号) part 3, and the government note of 政府会计准则第4号 ch. 6 (披露).
//!
//! The tables carry their own roll-forward checks ([`IntangibleTable::check`],
//! [`InventoryTable::check`]): closing = opening + increase − decrease per column, the total column
//! is the sum of the three source columns, each "其中" row is at most its parent, and book value =
//! gross − allowances.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::chart::{AccountRef, ent, gov};
use super::error::AccountingError;
use super::event::EventKind;
use super::journal::{Journal, PostedEvent};
use crate::money::{Amount, MoneyError};

/// Values of one row: the three source columns and their total.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Columns {
    /// 外购.
    pub purchased: Amount,
    /// 自行开发 (table A) or 自行加工 (table B).
    pub internal: Amount,
    /// 其他方式取得.
    pub other: Amount,
    /// 合计.
    pub total: Amount,
}

/// Source column of an asset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Purchased,
    Internal,
    Other,
}

impl Columns {
    fn add(&mut self, source: Source, amount: Amount) -> Result<(), MoneyError> {
        let cell = match source {
            Source::Purchased => &mut self.purchased,
            Source::Internal => &mut self.internal,
            Source::Other => &mut self.other,
        };
        *cell = cell.checked_add(amount)?;
        self.total = self.total.checked_add(amount)?;
        Ok(())
    }

    fn cells(&self) -> [Amount; 4] {
        [self.purchased, self.internal, self.other, self.total]
    }

    fn zip(
        a: &Columns,
        b: &Columns,
        f: fn(Amount, Amount) -> Result<Amount, MoneyError>,
    ) -> Result<Columns, MoneyError> {
        Ok(Columns {
            purchased: f(a.purchased, b.purchased)?,
            internal: f(a.internal, b.internal)?,
            other: f(a.other, b.other)?,
            total: f(a.total, b.total)?,
        })
    }
}

/// A "其中" (of which) row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DetailRow {
    /// Row label, such as `购入`.
    pub label: String,
    /// Values.
    pub values: Columns,
}

/// One block of a table: 期初余额, 本期增加金额 with its detail, 本期减少金额 with its detail, 期末余额.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Block {
    /// Block title, such as `一、账面原值`.
    pub title: String,
    /// 期初余额.
    pub opening: Columns,
    /// 本期增加金额.
    pub increase: Columns,
    /// 其中 rows of the increase.
    pub increase_detail: Vec<DetailRow>,
    /// 本期减少金额.
    pub decrease: Columns,
    /// 其中 rows of the decrease.
    pub decrease_detail: Vec<DetailRow>,
    /// 期末余额.
    pub closing: Columns,
}

/// A failed check of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CheckFailure {
    /// Where: block and row.
    pub location: String,
    /// Rule that failed.
    pub rule: String,
}

impl Block {
    fn new(title: &str, increase_labels: &[&str], decrease_labels: &[&str]) -> Self {
        let detail = |labels: &[&str]| {
            labels
                .iter()
                .map(|label| DetailRow {
                    label: (*label).to_owned(),
                    values: Columns::default(),
                })
                .collect()
        };
        Block {
            title: title.to_owned(),
            opening: Columns::default(),
            increase: Columns::default(),
            increase_detail: detail(increase_labels),
            decrease: Columns::default(),
            decrease_detail: detail(decrease_labels),
            closing: Columns::default(),
        }
    }

    /// Books a movement: before the period into the opening balance, inside it into the increase
    /// or decrease and the detail row `detail` (an index into the detail rows, if any).
    fn record(
        &mut self,
        source: Source,
        signed: Amount,
        in_period: bool,
        detail: Option<usize>,
    ) -> Result<(), MoneyError> {
        if !in_period {
            return self.opening.add(source, signed);
        }
        let (parent, rows) = if signed.is_negative() {
            (&mut self.decrease, &mut self.decrease_detail)
        } else {
            (&mut self.increase, &mut self.increase_detail)
        };
        parent.add(source, signed.abs())?;
        if let Some(row) = detail.and_then(|index| rows.get_mut(index)) {
            row.values.add(source, signed.abs())?;
        }
        Ok(())
    }

    fn close(&mut self) -> Result<(), MoneyError> {
        let grown = Columns::zip(&self.opening, &self.increase, Amount::checked_add)?;
        self.closing = Columns::zip(&grown, &self.decrease, Amount::checked_sub)?;
        Ok(())
    }

    fn check(&self, failures: &mut Vec<CheckFailure>) {
        let mut fail = |row: &str, rule: &str| {
            failures.push(CheckFailure {
                location: format!("{} {row}", self.title),
                rule: rule.to_owned(),
            });
        };
        let rolled = Columns::zip(&self.opening, &self.increase, Amount::checked_add)
            .and_then(|c| Columns::zip(&c, &self.decrease, Amount::checked_sub));
        if rolled.as_ref() != Ok(&self.closing) {
            fail("期末余额", "closing = opening + increase − decrease");
        }
        let rows = [
            ("期初余额", &self.opening),
            ("本期增加金额", &self.increase),
            ("本期减少金额", &self.decrease),
            ("期末余额", &self.closing),
        ];
        let detail_rows = self.increase_detail.iter().chain(&self.decrease_detail);
        for (label, columns) in rows
            .into_iter()
            .chain(detail_rows.map(|d| (d.label.as_str(), &d.values)))
        {
            if !total_matches(columns) {
                fail(label, "total = purchased + internal + other");
            }
        }
        for (parent, details) in [
            (&self.increase, &self.increase_detail),
            (&self.decrease, &self.decrease_detail),
        ] {
            for detail in details {
                let over = detail
                    .values
                    .cells()
                    .iter()
                    .zip(parent.cells())
                    .any(|(child, parent)| *child > parent);
                if over {
                    fail(&detail.label, "其中 ≤ its parent");
                }
            }
        }
    }
}

fn total_matches(columns: &Columns) -> bool {
    Amount::sum([columns.purchased, columns.internal, columns.other]) == Ok(columns.total)
}

fn check_book_value(
    gross: &Columns,
    allowances: &[&Columns],
    book_value: &Columns,
    label: &str,
    failures: &mut Vec<CheckFailure>,
) {
    let computed = allowances.iter().try_fold(*gross, |acc, allowance| {
        Columns::zip(&acc, allowance, Amount::checked_sub)
    });
    if computed.as_ref() != Ok(book_value) {
        failures.push(CheckFailure {
            location: label.to_owned(),
            rule: "book value = gross − allowances".into(),
        });
    }
}

/// Table A: data resources recognized as intangible assets (数据资源无形资产).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
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
    /// 四、账面价值 1.期末账面价值.
    pub book_value_closing: Columns,
    /// 四、账面价值 2.期初账面价值.
    pub book_value_opening: Columns,
}

impl IntangibleTable {
    /// Runs the roll-forward checks; an empty list means the table ties out.
    pub fn check(&self) -> Vec<CheckFailure> {
        let mut failures = Vec::new();
        for block in [&self.gross, &self.amortization, &self.impairment] {
            block.check(&mut failures);
        }
        check_book_value(
            &self.gross.closing,
            &[&self.amortization.closing, &self.impairment.closing],
            &self.book_value_closing,
            "四、账面价值 期末账面价值",
            &mut failures,
        );
        check_book_value(
            &self.gross.opening,
            &[&self.amortization.opening, &self.impairment.opening],
            &self.book_value_opening,
            "四、账面价值 期初账面价值",
            &mut failures,
        );
        failures
    }
}

/// Table B: data resources recognized as inventory (数据资源存货).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InventoryTable {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// 一、账面原值.
    pub gross: Block,
    /// 二、存货跌价准备.
    pub allowance: Block,
    /// 三、账面价值 1.期末账面价值.
    pub book_value_closing: Columns,
    /// 三、账面价值 2.期初账面价值.
    pub book_value_opening: Columns,
}

impl InventoryTable {
    /// Runs the roll-forward checks; an empty list means the table ties out.
    pub fn check(&self) -> Vec<CheckFailure> {
        let mut failures = Vec::new();
        self.gross.check(&mut failures);
        self.allowance.check(&mut failures);
        check_book_value(
            &self.gross.closing,
            &[&self.allowance.closing],
            &self.book_value_closing,
            "三、账面价值 期末账面价值",
            &mut failures,
        );
        check_book_value(
            &self.gross.opening,
            &[&self.allowance.opening],
            &self.book_value_opening,
            "三、账面价值 期初账面价值",
            &mut failures,
        );
        failures
    }
}

/// Net debit of `account` in the financial lines of a posted event.
fn net_debit(posted: &PostedEvent, account: AccountRef) -> Result<Amount, MoneyError> {
    posted
        .voucher
        .financial
        .iter()
        .filter(|l| l.account_code == account.code && l.account_name == account.name)
        .try_fold(Amount::ZERO, |acc, l| acc.checked_add(l.net_debit()?))
}

/// Source column of each asset: the kind of the first event that debited `asset_account`.
fn sources(
    journal: &Journal,
    asset_account: AccountRef,
    classify: fn(&EventKind) -> Source,
) -> Result<BTreeMap<String, Source>, MoneyError> {
    let mut sources = BTreeMap::new();
    for posted in journal.posted() {
        if sources.contains_key(&posted.event.asset_id) {
            continue;
        }
        if net_debit(posted, asset_account)? > Amount::ZERO {
            sources.insert(posted.event.asset_id.clone(), classify(&posted.event.kind));
        }
    }
    Ok(sources)
}

fn require_enterprise(journal: &Journal) -> Result<(), AccountingError> {
    if journal.entity_kind().is_enterprise() {
        return Ok(());
    }
    Err(AccountingError::NotApplicable {
        field: "journal".into(),
        value: "enterprise disclosure table".into(),
        allowed: journal.entity_kind().label_zh().to_owned(),
    })
}

/// Builds table A for the period `from..=to` from an enterprise journal.
///
/// Gross increases are 购入 (purchase, commissioned delivery), 内部研发 (development completed) or
/// 其他增加; decreases are 处置 (sale), 失效且终止确认 (write-off) or 其他减少. The source column of
/// an asset is decided by the event that first booked it.
///
/// # Errors
///
/// [`AccountingError::NotApplicable`] for a government journal; [`AccountingError::Money`] on
/// overflow.
pub fn intangible_table(
    journal: &Journal,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<IntangibleTable, AccountingError> {
    require_enterprise(journal)?;
    let sources = sources(journal, ent::INTANGIBLE, |kind| match kind {
        EventKind::Purchase { .. } | EventKind::CommissionDelivery { .. } => Source::Purchased,
        EventKind::DevelopmentCompleted => Source::Internal,
        _ => Source::Other,
    })?;
    let decreases = ["处置", "失效且终止确认", "其他减少"];
    let mut gross = Block::new(
        "一、账面原值",
        &["购入", "内部研发", "其他增加"],
        &decreases,
    );
    let mut amortization = Block::new("二、累计摊销", &["计提"], &decreases);
    let mut impairment = Block::new("三、减值准备", &[], &decreases);
    for posted in journal.posted() {
        let date = posted.voucher.date;
        if date > to {
            continue;
        }
        let Some(&source) = sources.get(&posted.event.asset_id) else {
            continue;
        };
        let in_period = date >= from;
        let decrease_row = match posted.event.kind {
            EventKind::Sale { .. } => 0,
            EventKind::WriteOff => 1,
            _ => 2,
        };
        let gross_move = net_debit(posted, ent::INTANGIBLE)?;
        let increase_row = match posted.event.kind {
            EventKind::Purchase { .. } | EventKind::CommissionDelivery { .. } => 0,
            EventKind::DevelopmentCompleted => 1,
            _ => 2,
        };
        let row = if gross_move.is_negative() {
            decrease_row
        } else {
            increase_row
        };
        gross.record(source, gross_move, in_period, Some(row))?;
        let amortization_move = net_debit(posted, ent::ACCUMULATED_AMORTIZATION)?.negate();
        let row = if amortization_move.is_negative() {
            Some(decrease_row)
        } else {
            Some(0)
        };
        amortization.record(source, amortization_move, in_period, row)?;
        let impairment_move = net_debit(posted, ent::IMPAIRMENT_ALLOWANCE)?.negate();
        impairment.record(source, impairment_move, in_period, Some(decrease_row))?;
    }
    for block in [&mut gross, &mut amortization, &mut impairment] {
        block.close()?;
    }
    let book_value = |g: &Columns, a: &Columns, i: &Columns| {
        Columns::zip(g, a, Amount::checked_sub)
            .and_then(|c| Columns::zip(&c, i, Amount::checked_sub))
    };
    Ok(IntangibleTable {
        from,
        to,
        book_value_closing: book_value(&gross.closing, &amortization.closing, &impairment.closing)?,
        book_value_opening: book_value(&gross.opening, &amortization.opening, &impairment.opening)?,
        gross,
        amortization,
        impairment,
    })
}

/// Builds table B for the period `from..=to` from an enterprise journal.
///
/// Gross increases are 购入, 采集加工 or 其他增加; decreases are 出售, 失效且终止确认 or 其他减少.
/// Allowance decreases are 转回 (reversal) or 转销 (released on sale).
///
/// # Errors
///
/// [`AccountingError::NotApplicable`] for a government journal; [`AccountingError::Money`] on
/// overflow.
pub fn inventory_table(
    journal: &Journal,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<InventoryTable, AccountingError> {
    require_enterprise(journal)?;
    let sources = sources(journal, ent::INVENTORY, |kind| match kind {
        EventKind::InventoryPurchase { .. } => Source::Purchased,
        EventKind::InventoryProcessing { .. } => Source::Internal,
        _ => Source::Other,
    })?;
    let mut gross = Block::new(
        "一、账面原值",
        &["购入", "采集加工", "其他增加"],
        &["出售", "失效且终止确认", "其他减少"],
    );
    let mut allowance = Block::new("二、存货跌价准备", &[], &["转回", "转销"]);
    for posted in journal.posted() {
        let date = posted.voucher.date;
        if date > to {
            continue;
        }
        let Some(&source) = sources.get(&posted.event.asset_id) else {
            continue;
        };
        let in_period = date >= from;
        let gross_move = net_debit(posted, ent::INVENTORY)?;
        let row = match (&posted.event.kind, gross_move.is_negative()) {
            (EventKind::InventoryPurchase { .. }, false)
            | (EventKind::InventorySale { .. }, true) => 0,
            (EventKind::InventoryProcessing { .. }, false) | (EventKind::WriteOff, true) => 1,
            _ => 2,
        };
        gross.record(source, gross_move, in_period, Some(row))?;
        let allowance_move = net_debit(posted, ent::INVENTORY_ALLOWANCE)?.negate();
        let row = match posted.event.kind {
            EventKind::InventoryWriteDownReversal { .. } => Some(0),
            EventKind::InventorySale { .. } => Some(1),
            _ => None,
        };
        allowance.record(source, allowance_move, in_period, row)?;
    }
    gross.close()?;
    allowance.close()?;
    Ok(InventoryTable {
        from,
        to,
        book_value_closing: Columns::zip(&gross.closing, &allowance.closing, Amount::checked_sub)?,
        book_value_opening: Columns::zip(&gross.opening, &allowance.opening, Amount::checked_sub)?,
        gross,
        allowance,
    })
}

/// One asset in a list of the government note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NoteAsset {
    /// Asset id.
    pub asset_id: String,
    /// Gross amount after every posted event (not only those up to the period end).
    pub gross: Amount,
    /// Accumulated amortization after every posted event.
    pub accumulated_amortization: Amount,
}

/// A significant disposal in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct NoteDisposal {
    /// Asset id.
    pub asset_id: String,
    /// Event id.
    pub event_id: String,
    /// Date.
    pub date: NaiveDate,
    /// Event type code: `sale`, `transfer_out` or `write_off`.
    pub kind: String,
    /// Book value derecognized.
    pub book_value: Amount,
}

/// Note disclosure of a government unit's intangible data assets (政府会计准则第4号 ch. 6, 披露).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct GovernmentNote {
    /// First day of the period.
    pub from: NaiveDate,
    /// Last day of the period.
    pub to: NaiveDate,
    /// (1) Gross amount (账面余额) block with movements.
    pub gross: Block,
    /// (1) Accumulated amortization block with movements.
    pub amortization: Block,
    /// (1) Opening book value.
    pub book_value_opening: Amount,
    /// (1) Closing book value.
    pub book_value_closing: Amount,
    /// (2) Self-developed assets (name and quantity come from the ledger by id).
    pub self_developed: Vec<NoteAsset>,
    /// (3) Assets carried at the nominal amount.
    pub nominal_amount: Vec<NoteAsset>,
    /// (4) Assets received by donation or free transfer.
    pub donated_or_transferred: Vec<NoteAsset>,
    /// (5) How each asset's useful life was estimated, or why it is indefinite, as given.
    pub life_basis: BTreeMap<String, String>,
    /// (6) Sales, transfers out and write-offs in the period with a book value of at least the
    /// threshold given.
    pub major_disposals: Vec<NoteDisposal>,
}

/// Returns the disposal booked by `posted`, if it is a sale, free transfer out or write-off.
fn major_disposal(
    posted: &PostedEvent,
    gross_move: Amount,
    accumulated_move: Amount,
) -> Result<Option<NoteDisposal>, MoneyError> {
    let kind = &posted.event.kind;
    if !matches!(
        kind,
        EventKind::Sale { .. } | EventKind::TransferOut { .. } | EventKind::WriteOff
    ) {
        return Ok(None);
    }
    // Book value derecognized = gross credited − accumulated amortization debited.
    let book_value = gross_move.negate().checked_add(accumulated_move)?;
    Ok(Some(NoteDisposal {
        asset_id: posted.event.asset_id.clone(),
        event_id: posted.event.id.clone(),
        date: posted.voucher.date,
        kind: kind.type_code().to_owned(),
        book_value,
    }))
}

/// Builds the government note for the period `from..=to`.
///
/// `life_basis` maps asset ids to the basis of their useful life (法定有效期, 合同受益年限, an
/// estimate, or why the life is indefinite); `major_disposal_threshold` is the book value from
/// which a disposal is significant.
///
/// # Errors
///
/// [`AccountingError::NotApplicable`] for an enterprise journal; [`AccountingError::Money`] on
/// overflow.
#[allow(clippy::too_many_lines)]
pub fn government_note(
    journal: &Journal,
    from: NaiveDate,
    to: NaiveDate,
    life_basis: &BTreeMap<String, String>,
    major_disposal_threshold: Amount,
) -> Result<GovernmentNote, AccountingError> {
    if journal.entity_kind().is_enterprise() {
        return Err(AccountingError::NotApplicable {
            field: "journal".into(),
            value: "government note".into(),
            allowed: journal.entity_kind().label_zh().to_owned(),
        });
    }
    // 政府会计准则第4号 art. 7-9: purchased and commissioned assets (委托开发 counts as 外购)
    // form the 外购 column, self-developed assets their own column, everything else 其他方式取得.
    let sources = sources(journal, gov::INTANGIBLE, |kind| match kind {
        EventKind::Purchase { .. } | EventKind::CommissionDelivery { .. } => Source::Purchased,
        EventKind::DevelopmentCompleted => Source::Internal,
        _ => Source::Other,
    })?;
    let decreases = ["处置", "核销", "其他减少"];
    let mut gross = Block::new("账面余额", &["购入", "自行开发", "其他增加"], &decreases);
    let mut amortization = Block::new("累计摊销", &["计提"], &decreases);
    let mut self_developed = BTreeSet::new();
    let mut received = BTreeSet::new();
    let mut major_disposals = Vec::new();
    for posted in journal.posted() {
        let date = posted.voucher.date;
        if date > to {
            continue;
        }
        let kind = &posted.event.kind;
        let asset_id = &posted.event.asset_id;
        match kind {
            EventKind::DevelopmentCompleted => {
                self_developed.insert(asset_id.clone());
            }
            EventKind::DonationIn { .. } | EventKind::TransferIn { .. } => {
                received.insert(asset_id.clone());
            }
            _ => {}
        }
        let in_period = date >= from;
        let gross_move = net_debit(posted, gov::INTANGIBLE)?;
        let accumulated_move = net_debit(posted, gov::ACCUMULATED_AMORTIZATION)?.negate();
        let decrease_row = match kind {
            EventKind::Sale { .. } | EventKind::TransferOut { .. } => 0,
            EventKind::WriteOff => 1,
            _ => 2,
        };
        let increase_row = match kind {
            EventKind::Purchase { .. } | EventKind::CommissionDelivery { .. } => 0,
            EventKind::DevelopmentCompleted => 1,
            _ => 2,
        };
        let row = if gross_move.is_negative() {
            decrease_row
        } else {
            increase_row
        };
        let source = sources.get(asset_id).copied().unwrap_or(Source::Other);
        gross.record(source, gross_move, in_period, Some(row))?;
        let row = if accumulated_move.is_negative() {
            decrease_row
        } else {
            0
        };
        amortization.record(source, accumulated_move, in_period, Some(row))?;
        if in_period {
            let disposal = major_disposal(posted, gross_move, accumulated_move)?;
            major_disposals.extend(disposal.filter(|d| d.book_value >= major_disposal_threshold));
        }
    }
    gross.close()?;
    amortization.close()?;
    let note_asset = |id: &String| -> Option<NoteAsset> {
        let balances = journal.balances(id)?;
        Some(NoteAsset {
            asset_id: id.clone(),
            gross: balances.debit_balance(gov::INTANGIBLE),
            accumulated_amortization: balances.credit_balance(gov::ACCUMULATED_AMORTIZATION),
        })
    };
    let nominal: Vec<NoteAsset> = journal
        .posted()
        .iter()
        .map(|p| &p.event.asset_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|id| journal.balances(id).is_some_and(|b| b.nominal))
        .filter_map(note_asset)
        .collect();
    Ok(GovernmentNote {
        from,
        to,
        book_value_opening: gross
            .opening
            .total
            .checked_sub(amortization.opening.total)?,
        book_value_closing: gross
            .closing
            .total
            .checked_sub(amortization.closing.total)?,
        gross,
        amortization,
        self_developed: self_developed.iter().filter_map(note_asset).collect(),
        nominal_amount: nominal,
        donated_or_transferred: received.iter().filter_map(note_asset).collect(),
        life_basis: life_basis.clone(),
        major_disposals,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::accounting::{Event, ExpenseUse, Funding, RdPhase, VatStatus};
    use crate::entity::EntityKind;
    use crate::policy::Policy;

    fn yuan(value: i64) -> Amount {
        Amount::from_fen(value * 100)
    }

    fn day(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    struct Books {
        journal: Journal,
        next: usize,
    }

    impl Books {
        fn new(kind: EntityKind) -> Self {
            let vat = if kind.is_government() {
                VatStatus::NotTaxpayer
            } else {
                VatStatus::General
            };
            Books {
                journal: Journal::new(kind, Policy::default(), vat),
                next: 0,
            }
        }

        fn post(&mut self, asset: &str, date: NaiveDate, kind: EventKind) {
            self.next += 1;
            self.journal
                .post(&Event {
                    id: format!("e{}", self.next),
                    asset_id: asset.into(),
                    date,
                    kind,
                })
                .unwrap();
        }
    }

    fn buy(cost: i64) -> EventKind {
        EventKind::Purchase {
            cost: yuan(cost),
            input_vat: Amount::ZERO,
            funding: Funding::BankDeposit,
            business_activity: false,
        }
    }

    fn columns(purchased: i64, internal: i64, other: i64) -> Columns {
        Columns {
            purchased: yuan(purchased),
            internal: yuan(internal),
            other: yuan(other),
            total: yuan(purchased + internal + other),
        }
    }

    fn enterprise_intangibles() -> Books {
        let mut b = Books::new(EntityKind::StateOwnedEnterprise);
        b.post("P", day(2024, 12), buy(100_000));
        b.post(
            "P",
            day(2025, 3),
            EventKind::Amortize {
                amount: yuan(10_000),
                use_of_asset: ExpenseUse::Management,
            },
        );
        b.post(
            "P",
            day(2025, 4),
            EventKind::Impairment {
                amount: yuan(5_000),
            },
        );
        b.post(
            "D",
            day(2025, 2),
            EventKind::RdCost {
                phase: RdPhase::Development,
                amount: yuan(70_000),
                funding: Funding::BankDeposit,
            },
        );
        b.post("D", day(2025, 6), EventKind::DevelopmentCompleted);
        b.post(
            "X",
            day(2025, 7),
            EventKind::DonationIn {
                value: Some(yuan(20_000)),
                taxes: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        );
        b.post(
            "P",
            day(2025, 12),
            EventKind::Sale {
                proceeds: yuan(90_000),
                fees: Amount::ZERO,
                output_vat: Amount::ZERO,
                retain: false,
            },
        );
        b.post("X", day(2025, 12), EventKind::WriteOff);
        b
    }

    #[test]
    fn table_a_rolls_forward() {
        let b = enterprise_intangibles();
        let t = intangible_table(&b.journal, day(2025, 1), day(2025, 12)).unwrap();
        assert_eq!(t.gross.opening, columns(100_000, 0, 0));
        assert_eq!(t.gross.increase, columns(0, 70_000, 20_000));
        assert_eq!(t.gross.increase_detail[1].values, columns(0, 70_000, 0));
        assert_eq!(t.gross.increase_detail[2].values, columns(0, 0, 20_000));
        assert_eq!(t.gross.decrease, columns(100_000, 0, 20_000));
        assert_eq!(t.gross.decrease_detail[0].values, columns(100_000, 0, 0));
        assert_eq!(t.gross.decrease_detail[1].values, columns(0, 0, 20_000));
        assert_eq!(t.gross.closing, columns(0, 70_000, 0));
        assert_eq!(
            t.amortization.increase_detail[0].values,
            columns(10_000, 0, 0)
        );
        assert_eq!(
            t.amortization.decrease_detail[0].values,
            columns(10_000, 0, 0)
        );
        assert_eq!(t.impairment.increase, columns(5_000, 0, 0));
        assert_eq!(t.impairment.closing, columns(0, 0, 0));
        assert_eq!(t.book_value_opening, columns(100_000, 0, 0));
        assert_eq!(t.book_value_closing, columns(0, 70_000, 0));
        assert!(t.check().is_empty(), "{:?}", t.check());
    }

    #[test]
    fn table_check_catches_tampering() {
        let b = enterprise_intangibles();
        let mut t = intangible_table(&b.journal, day(2025, 1), day(2025, 12)).unwrap();
        t.gross.increase_detail[1].values.internal = yuan(80_000);
        t.gross.increase_detail[1].values.total = yuan(80_000);
        t.gross.closing.total = yuan(1);
        let rules: Vec<String> = t.check().into_iter().map(|f| f.rule).collect();
        assert!(rules.contains(&"closing = opening + increase − decrease".to_owned()));
        assert!(rules.contains(&"total = purchased + internal + other".to_owned()));
        assert!(rules.contains(&"其中 ≤ its parent".to_owned()));
        assert!(rules.contains(&"book value = gross − allowances".to_owned()));
    }

    #[test]
    fn table_b_allowance_reversal_and_release() {
        let mut b = Books::new(EntityKind::SoeSubsidiary);
        let start = day(2025, 1);
        b.post(
            "I",
            start,
            EventKind::InventoryPurchase {
                cost: yuan(50_000),
                input_vat: yuan(3_000),
                funding: Funding::BankDeposit,
            },
        );
        b.post(
            "I",
            start,
            EventKind::InventoryWriteDown {
                amount: yuan(8_000),
            },
        );
        b.post(
            "I",
            start,
            EventKind::InventoryWriteDownReversal {
                amount: yuan(5_000),
            },
        );
        b.post(
            "I",
            start,
            EventKind::InventorySale {
                proceeds: yuan(60_000),
                output_vat: yuan(3_600),
                cost_sold: yuan(25_000),
            },
        );
        b.post(
            "Q",
            start,
            EventKind::InventoryProcessing {
                amount: yuan(10_000),
                funding: Funding::SalaryPayable,
            },
        );
        let t = inventory_table(&b.journal, start, day(2025, 12)).unwrap();
        assert_eq!(t.gross.increase, columns(50_000, 10_000, 0));
        assert_eq!(t.gross.decrease_detail[0].values, columns(25_000, 0, 0));
        assert_eq!(t.gross.closing, columns(25_000, 10_000, 0));
        assert_eq!(t.allowance.increase, columns(8_000, 0, 0));
        assert_eq!(t.allowance.decrease_detail[0].values, columns(5_000, 0, 0));
        assert_eq!(t.allowance.decrease_detail[1].values, columns(1_500, 0, 0));
        assert_eq!(t.allowance.closing, columns(1_500, 0, 0));
        assert_eq!(t.book_value_closing, columns(23_500, 10_000, 0));
        assert!(t.check().is_empty(), "{:?}", t.check());
    }

    #[test]
    fn government_note_lists() {
        let mut b = Books::new(EntityKind::PublicInstitution);
        b.post("A", day(2024, 1), buy(10_000));
        b.post(
            "A",
            day(2024, 12),
            EventKind::Amortize {
                amount: yuan(4_000),
                use_of_asset: ExpenseUse::Business,
            },
        );
        b.post("A", day(2025, 5), EventKind::WriteOff);
        b.post(
            "B",
            day(2025, 6),
            EventKind::DonationIn {
                value: None,
                taxes: Amount::ZERO,
                funding: Funding::BankDeposit,
            },
        );
        b.post(
            "C",
            day(2025, 2),
            EventKind::RdCost {
                phase: RdPhase::Development,
                amount: yuan(80_000),
                funding: Funding::DirectTreasury,
            },
        );
        b.post("C", day(2025, 9), EventKind::DevelopmentCompleted);
        let basis = BTreeMap::from([("C".to_owned(), "合同受益年限 5 年".to_owned())]);
        let note =
            government_note(&b.journal, day(2025, 1), day(2025, 12), &basis, yuan(5_000)).unwrap();
        assert_eq!(note.gross.opening.total, yuan(10_000));
        assert_eq!(note.gross.increase_detail[1].values.total, yuan(80_000));
        assert_eq!(
            note.gross.increase_detail[2].values.total,
            Amount::from_fen(100)
        );
        assert_eq!(note.gross.decrease_detail[1].values.total, yuan(10_000));
        // A was bought: its opening 10,000 and its write-off sit in the 外购 column; C's
        // 80,000 is 自行开发; B, donated at the nominal 1.00, is 其他方式取得.
        assert_eq!(note.gross.opening, columns(10_000, 0, 0));
        assert_eq!(note.gross.increase_detail[1].values, columns(0, 80_000, 0));
        assert_eq!(
            note.gross.increase_detail[2].values.other,
            Amount::from_fen(100)
        );
        assert_eq!(note.gross.decrease_detail[1].values, columns(10_000, 0, 0));
        assert_eq!(note.amortization.opening, columns(4_000, 0, 0));
        assert_eq!(note.amortization.decrease.total, yuan(4_000));
        assert_eq!(note.book_value_opening, yuan(6_000));
        assert_eq!(note.book_value_closing, Amount::from_fen(8_000_100));
        assert_eq!(note.self_developed.len(), 1);
        assert_eq!(note.self_developed[0].asset_id, "C");
        assert_eq!(note.nominal_amount.len(), 1);
        assert_eq!(note.nominal_amount[0].asset_id, "B");
        assert_eq!(note.donated_or_transferred[0].asset_id, "B");
        assert_eq!(note.major_disposals.len(), 1);
        assert_eq!(note.major_disposals[0].kind, "write_off");
        assert_eq!(note.major_disposals[0].book_value, yuan(6_000));
        assert_eq!(note.life_basis["C"], "合同受益年限 5 年");
        let json = serde_json::to_string(&note).unwrap();
        assert!(json.contains("\"book_value_closing\":\"80001.00\""));
    }

    #[test]
    fn frameworks_are_checked() {
        let gov = Books::new(EntityKind::AdministrativeUnit);
        let error = intangible_table(&gov.journal, day(2025, 1), day(2025, 12)).unwrap_err();
        assert_eq!(
            crate::error::ErrorDetail::code(&error),
            "accounting.not_applicable"
        );
        let soe = Books::new(EntityKind::StateOwnedEnterprise);
        let basis = BTreeMap::new();
        assert!(
            government_note(
                &soe.journal,
                day(2025, 1),
                day(2025, 12),
                &basis,
                Amount::ZERO
            )
            .is_err()
        );
    }
}
