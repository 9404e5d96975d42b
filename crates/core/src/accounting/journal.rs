//! The journal: posts events once each and keeps the per-asset balances.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::AccountingError;
use super::event::{AssetBalances, Event, EventKind, PostingContext, TransferInBasis, VatStatus};
use super::post_event;
use super::voucher::Voucher;
use crate::entity::EntityKind;
use crate::policy::Policy;

/// An event with the voucher it produced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PostedEvent {
    /// The event as posted.
    pub event: Event,
    /// Its voucher.
    pub voucher: Voucher,
}

/// The books of one unit for its data assets.
///
/// Guarantees:
/// - every voucher balances on each side separately;
/// - posting an event id a second time with the same content returns the first voucher and books
///   nothing; with different content it is [`AccountingError::ConflictingEvent`];
/// - a rejected event books nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Journal {
    entity_kind: EntityKind,
    policy: Policy,
    vat: VatStatus,
    posted: Vec<PostedEvent>,
    index: BTreeMap<String, usize>,
    balances: BTreeMap<String, AssetBalances>,
}

impl Journal {
    /// Opens an empty journal for a unit of `entity_kind`.
    pub fn new(entity_kind: EntityKind, policy: Policy, vat: VatStatus) -> Self {
        Journal {
            entity_kind,
            policy,
            vat,
            posted: Vec::new(),
            index: BTreeMap::new(),
            balances: BTreeMap::new(),
        }
    }

    /// Posts `event` and returns its voucher; reposting the same id returns the first voucher.
    ///
    /// # Errors
    ///
    /// - [`AccountingError::ConflictingEvent`] when the id was posted with different content;
    /// - every error of the posting rules (see [`AccountingError`]); nothing is booked then.
    pub fn post(&mut self, event: &Event) -> Result<Voucher, AccountingError> {
        if let Some(&position) = self.index.get(&event.id) {
            let first = self.posted.get(position).ok_or_else(|| conflict(event))?;
            if first.event == *event {
                return Ok(first.voucher.clone());
            }
            return Err(conflict(event));
        }
        let context = PostingContext {
            entity_kind: self.entity_kind,
            policy: &self.policy,
            vat: self.vat,
        };
        let mut balances = self
            .balances
            .get(&event.asset_id)
            .cloned()
            .unwrap_or_default();
        let voucher = post_event(event, &balances, &context)?;
        balances.apply(&voucher.financial)?;
        if is_nominal_entry(&event.kind) && self.entity_kind.is_government() {
            balances.nominal = true;
        }
        self.balances.insert(event.asset_id.clone(), balances);
        self.index.insert(event.id.clone(), self.posted.len());
        self.posted.push(PostedEvent {
            event: event.clone(),
            voucher: voucher.clone(),
        });
        Ok(voucher)
    }

    /// Events posted so far, in posting order.
    pub fn posted(&self) -> &[PostedEvent] {
        &self.posted
    }

    /// Balances of one asset, if any event was posted for it.
    pub fn balances(&self, asset_id: &str) -> Option<&AssetBalances> {
        self.balances.get(asset_id)
    }

    /// Returns the carrying amount (账面价值) of one asset at the end of `date`: gross cost less
    /// accumulated amortization less impairment and write-down allowances, from the vouchers
    /// dated on or before `date`.
    ///
    /// Government units carry a data asset in 1701 less 1702 (政府会计准则第4号 art. 19, where
    /// 账面价值 is cost less accumulated amortization). Enterprises carry it in 1701 less 1702 and
    /// 1703 as an intangible (企业会计准则第6号 art. 20 with 第8号 art. 15), or in 1405 less 1471
    /// as inventory (企业会计准则第1号 art. 15). Costs still in 研发支出 are not yet an asset's
    /// carrying amount. An asset without vouchers carries zero.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] on overflow.
    pub fn carrying_amount(
        &self,
        asset_id: &str,
        date: chrono::NaiveDate,
    ) -> Result<crate::money::Amount, AccountingError> {
        use super::chart::{ent, gov};
        let accounts: &[super::chart::AccountRef] = if self.entity_kind.is_government() {
            &[gov::INTANGIBLE, gov::ACCUMULATED_AMORTIZATION]
        } else {
            &[
                ent::INTANGIBLE,
                ent::ACCUMULATED_AMORTIZATION,
                ent::IMPAIRMENT_ALLOWANCE,
                ent::INVENTORY,
                ent::INVENTORY_ALLOWANCE,
            ]
        };
        let mut total = crate::money::Amount::ZERO;
        for posted in &self.posted {
            if posted.event.asset_id != asset_id || posted.voucher.date > date {
                continue;
            }
            for line in &posted.voucher.financial {
                if accounts
                    .iter()
                    .any(|a| a.code == line.account_code && a.name == line.account_name)
                {
                    total = total.checked_add(line.net_debit()?)?;
                }
            }
        }
        Ok(total)
    }

    /// Kind of the booking unit.
    pub fn entity_kind(&self) -> EntityKind {
        self.entity_kind
    }

    /// Policy the journal posts with.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }
}

fn conflict(event: &Event) -> AccountingError {
    AccountingError::ConflictingEvent {
        field: event.id.clone(),
        value: serde_json::to_string(event).unwrap_or_default(),
    }
}

/// Whether the event books the asset at the nominal amount of one yuan.
fn is_nominal_entry(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::DonationIn { value: None, .. }
            | EventKind::TransferIn {
                basis: TransferInBasis::Nominal,
                ..
            }
    )
}
