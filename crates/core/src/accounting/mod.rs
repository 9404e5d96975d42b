//! Booking data assets: charts of accounts, events, posting rules, the journal, the trial balance
//! and the disclosures.
//!
//! Government units (行政单位, 事业单位) book under 政府会计制度 (财会〔2017〕25号) with parallel
//! budget accounting; enterprises book under 企业会计准则 and 企业数据资源相关会计处理暂行规定
//! (财会〔2023〕11号). An [`Event`] describes what happened to one asset; [`Journal::post`] turns it
//! into a [`Voucher`] with the rules of [`government`] or [`enterprise`] and keeps the per-asset
//! balances those rules need (gross amount, accumulated amortization, allowances, R&D balances).
//!
//! # Errors
//!
//! Posting returns [`AccountingError`].
//!
//! ```
//! use chrono::NaiveDate;
//! use data_assets_core::accounting::{Event, EventKind, Funding, Journal, VatStatus};
//! use data_assets_core::entity::EntityKind;
//! use data_assets_core::money::Amount;
//! use data_assets_core::policy::Policy;
//!
//! let mut journal = Journal::new(EntityKind::PublicInstitution, Policy::default(), VatStatus::NotTaxpayer);
//! let voucher = journal.post(&Event {
//!     id: "ev-1".into(),
//!     asset_id: "asset-1".into(),
//!     date: NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
//!     kind: EventKind::Purchase {
//!         cost: Amount::from_fen(480_000),
//!         input_vat: Amount::ZERO,
//!         funding: Funding::BankDeposit,
//!         business_activity: false,
//!     },
//! })?;
//! assert_eq!(voucher.budget[0].account_name, "事业支出");
//! assert_eq!(voucher.budget[1].account_name, "资金结存—货币资金");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod chart;
pub mod disclosure;
pub mod enterprise;
mod error;
mod event;
pub mod government;
mod journal;
mod rules;
pub mod trial_balance;
pub mod voucher;

pub use error::AccountingError;
pub use event::{
    AssetBalances, Event, EventKind, ExpenseUse, Funding, PostingContext, RdPhase, TransferInBasis,
    VatStatus, amortization_events,
};
pub use journal::{Journal, PostedEvent};
pub use voucher::{Line, Side, Voucher};

/// Turns `event` into a voucher under the rules of `context.entity_kind`, reading the asset's
/// current `balances`.
///
/// # Errors
///
/// See [`AccountingError`]; the journal adds duplicate-id handling on top of this function.
pub fn post_event(
    event: &Event,
    balances: &AssetBalances,
    context: &PostingContext<'_>,
) -> Result<Voucher, AccountingError> {
    event.validate_amounts()?;
    let (financial, budget) = if context.entity_kind.is_government() {
        government::lines(event, balances, context)?
    } else {
        (enterprise::lines(event, balances, context)?, Vec::new())
    };
    Ok(Voucher {
        id: event.id.clone(),
        asset_id: event.asset_id.clone(),
        date: event.date,
        entity_kind: context.entity_kind,
        financial,
        budget,
        memo: event.kind.memo().to_owned(),
    })
}

#[cfg(test)]
mod tests;
