//! Posting the ledger's events and the monthly amortization through the as-of date.
//!
//! Months are walked in order. In each month the ledger's events are posted by date, in row
//! order within a day. When the month has ended by the as-of date, every asset with a schedule
//! for that month is then amortized on the month's last day, with the event id
//! `{asset_id}:amortize:{YYYY-MM}`.
//!
//! A schedule is set when an event puts or changes an amount on the intangible account (purchase,
//! commissioned delivery, development completed, transfer in, donation, end of an upgrade,
//! impairment). It spreads the carrying amount (gross less accumulated amortization and
//! impairment) over the months of the useful life not yet amortized (政府会计准则第4号 art. 15
//! and art. 19; CAS 6 art. 17), from the month the asset is ready for use under the policy's
//! month convention. An upgrade pauses it (the asset sits in construction in progress), and a
//! disposal ends it.

use std::collections::BTreeMap;

use chrono::{Datelike, Months, NaiveDate};
use data_assets_core::ErrorDetail;
use data_assets_core::accounting::chart::{AccountRef, ent, gov};
use data_assets_core::accounting::{Event, EventKind, ExpenseUse, Journal};
use data_assets_core::amortization::{ScheduleBasis, UsefulLife, month_start, schedule};
use data_assets_core::asset::DataAsset;
use data_assets_core::money::Amount;
use data_assets_core::policy::{MonthConvention, Policy};

use super::Issue;
use crate::ledger::Ledger;

/// Use charged with amortization: 5001 业务活动费用 for government units, 6602 管理费用 for
/// enterprises. The ledger has no column for it, so the run lists it as an assumption.
pub const AMORTIZATION_USE: ExpenseUse = ExpenseUse::Business;

/// The journal after posting, with what could not be posted.
pub struct Books {
    /// Every voucher posted, in posting order.
    pub journal: Journal,
    /// Amortization posted per asset through the as-of date.
    pub amortized: BTreeMap<String, Amount>,
    /// Events not posted, with the reason.
    pub issues: Vec<Issue>,
}

struct Accounts {
    intangible: AccountRef,
    accumulated: AccountRef,
    impairment: Option<AccountRef>,
}

/// Posts the ledger's events dated on or before `as_of` and the amortization of every month
/// that ended by `as_of`.
pub fn post_books(ledger: &Ledger, as_of: NaiveDate, policy: &Policy) -> Books {
    let kind = ledger.unit.kind;
    let accounts = if kind.is_government() {
        Accounts {
            intangible: gov::INTANGIBLE,
            accumulated: gov::ACCUMULATED_AMORTIZATION,
            impairment: None,
        }
    } else {
        Accounts {
            intangible: ent::INTANGIBLE,
            accumulated: ent::ACCUMULATED_AMORTIZATION,
            impairment: Some(ent::IMPAIRMENT_ALLOWANCE),
        }
    };
    let mut books = Books {
        journal: Journal::new(kind, policy.clone(), ledger.unit.vat_status),
        amortized: BTreeMap::new(),
        issues: Vec::new(),
    };
    let mut events: Vec<&Event> = Vec::new();
    for event in &ledger.events {
        if event.date > as_of {
            books.issues.push(Issue {
                stage: "vouchers".into(),
                subject: event.id.clone(),
                code: "pipeline.after_as_of".into(),
                message: format!(
                    "event dated {} is after the as-of date {as_of}; not posted",
                    event.date
                ),
            });
        } else {
            events.push(event);
        }
    }
    events.sort_by_key(|event| event.date);
    let Some(first) = events.first().map(|event| month_start(event.date)) else {
        return books;
    };
    let assets: BTreeMap<&str, &DataAsset> =
        ledger.assets.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut walker = Walker {
        books: &mut books,
        accounts: &accounts,
        policy,
        schedules: BTreeMap::new(),
    };
    let mut pending = events.into_iter().peekable();
    let mut month = first;
    while month <= as_of {
        let next = month
            .checked_add_months(Months::new(1))
            .unwrap_or(NaiveDate::MAX);
        while let Some(event) = pending.next_if(|event| event.date < next) {
            walker.post(event, assets.get(event.asset_id.as_str()).copied());
        }
        let month_end = next.pred_opt().unwrap_or(month);
        if month_end <= as_of {
            walker.amortize_month(month, month_end, None);
        }
        if next == NaiveDate::MAX {
            break;
        }
        month = next;
    }
    books
}

struct Walker<'a> {
    books: &'a mut Books,
    accounts: &'a Accounts,
    policy: &'a Policy,
    /// Remaining amortization per asset, by month.
    schedules: BTreeMap<String, BTreeMap<NaiveDate, Amount>>,
}

impl Walker<'_> {
    fn post(&mut self, event: &Event, asset: Option<&DataAsset>) {
        let disposal = matches!(
            event.kind,
            EventKind::Sale { .. }
                | EventKind::TransferOut { .. }
                | EventKind::WriteOff
                | EventKind::StocktakeLossApproved
        );
        if disposal && self.policy.month_convention == MonthConvention::NextMonth {
            // Under the next-month convention the month of disposal is still amortized.
            // NOTE: no test runs a disposal under the next-month convention yet.
            self.amortize_month(month_start(event.date), event.date, Some(&event.asset_id));
        }
        if let Err(error) = self.books.journal.post(event) {
            self.books.issues.push(Issue {
                stage: "vouchers".into(),
                subject: event.id.clone(),
                code: error.code().into(),
                message: format!("{error}; allowed: {}", error.allowed()),
            });
            return;
        }
        match &event.kind {
            EventKind::UpgradeStart => {
                self.schedules.remove(&event.asset_id);
            }
            _ if disposal => {
                self.schedules.remove(&event.asset_id);
            }
            EventKind::Purchase { .. }
            | EventKind::CommissionDelivery { .. }
            | EventKind::DevelopmentCompleted
            | EventKind::TransferIn { .. }
            | EventKind::DonationIn { .. }
            | EventKind::UpgradeFinish
            | EventKind::Impairment { .. } => {
                if let Some(asset) = asset {
                    self.reschedule(event, asset);
                }
            }
            _ => {}
        }
    }

    /// Sets the asset's schedule from its balances after `event`.
    ///
    /// After an impairment the month of the event keeps the amount already scheduled for it, and
    /// the carrying amount left after it is spread from the next month: CAS 8 art. 17 adjusts
    /// amortization in the periods after the loss is recognized (在未来期间作相应调整).
    fn reschedule(&mut self, event: &Event, asset: &DataAsset) {
        let Some(balances) = self.books.journal.balances(&asset.id) else {
            return;
        };
        let gross = balances.debit_balance(self.accounts.intangible);
        let mut written_off = balances.credit_balance(self.accounts.accumulated);
        if let Some(impairment) = self.accounts.impairment {
            written_off = written_off
                .checked_add(balances.credit_balance(impairment))
                .unwrap_or(written_off);
        }
        let nominal = balances.nominal;
        let Some(life) = asset.useful_life_months else {
            return;
        };
        let used = self.months_amortized(&asset.id);
        let mut remaining = life.saturating_sub(used);
        if gross.is_zero() || remaining == 0 {
            self.schedules.remove(&asset.id);
            return;
        }
        let month = month_start(event.date);
        let carrying = gross.checked_sub(written_off).unwrap_or(Amount::ZERO);
        let kept = if matches!(event.kind, EventKind::Impairment { .. }) {
            self.schedules
                .get(&asset.id)
                .and_then(|periods| periods.get(&month))
                .map(|amount| (*amount).min(carrying))
        } else {
            None
        };
        let mut start_month = None;
        if let Some(amount) = kept {
            written_off = written_off.checked_add(amount).unwrap_or(written_off);
            remaining -= 1;
            start_month = month.checked_add_months(Months::new(1));
            if remaining == 0 {
                // The impairment came in the last month of the life: only that month is left.
                self.schedules
                    .insert(asset.id.clone(), BTreeMap::from([(month, amount)]));
                return;
            }
        }
        // Amortization starts when the asset is ready for use; a later change (an upgrade or an
        // impairment) applies from the month of the event.
        let start = match start_month {
            Some(next) => next,
            None if used == 0 => event.date.max(asset.ready_date),
            None => event.date,
        };
        let basis = ScheduleBasis {
            cost: gross,
            accumulated_before: written_off,
            ready_for_use: start,
            life: UsefulLife::StraightLine { months: remaining },
            nominal_amount: nominal,
        };
        match schedule(&basis, self.policy) {
            Ok(periods) => {
                let mut by_month: BTreeMap<NaiveDate, Amount> =
                    periods.into_iter().map(|p| (p.period, p.amount)).collect();
                if let Some(amount) = kept {
                    by_month.insert(month, amount);
                }
                self.schedules.insert(asset.id.clone(), by_month);
            }
            Err(error) => self.books.issues.push(Issue {
                stage: "amortization".into(),
                subject: asset.id.clone(),
                code: error.code().into(),
                message: format!("{error}; allowed: {}", error.allowed()),
            }),
        }
    }

    fn months_amortized(&self, asset_id: &str) -> u32 {
        let prefix = format!("{asset_id}:amortize:");
        let count = self
            .books
            .journal
            .posted()
            .iter()
            .filter(|posted| posted.event.id.starts_with(&prefix))
            .count();
        u32::try_from(count).unwrap_or(u32::MAX)
    }

    /// Posts the amortization of `month` for every scheduled asset, or only `only`, dated `on`.
    fn amortize_month(&mut self, month: NaiveDate, on: NaiveDate, only: Option<&str>) {
        let due: Vec<(String, Amount)> = self
            .schedules
            .iter_mut()
            .filter(|(id, _)| only.is_none_or(|only| only == id.as_str()))
            .filter_map(|(id, periods)| periods.remove(&month).map(|amount| (id.clone(), amount)))
            .collect();
        for (asset_id, amount) in due {
            if amount.is_zero() {
                continue;
            }
            let event = Event {
                id: format!(
                    "{asset_id}:amortize:{:04}-{:02}",
                    month.year(),
                    month.month()
                ),
                asset_id: asset_id.clone(),
                date: on,
                kind: EventKind::Amortize {
                    amount,
                    use_of_asset: AMORTIZATION_USE,
                },
            };
            match self.books.journal.post(&event) {
                Ok(_) => {
                    let total = self.books.amortized.entry(asset_id).or_insert(Amount::ZERO);
                    *total = total.checked_add(amount).unwrap_or(*total);
                }
                Err(error) => self.books.issues.push(Issue {
                    stage: "amortization".into(),
                    subject: event.id.clone(),
                    code: error.code().into(),
                    message: format!("{error}; allowed: {}", error.allowed()),
                }),
            }
        }
        // Periods of this month or earlier that were not posted (an amount of zero) are
        // dropped at the month end, so they cannot be posted out of order later.
        if only.is_none() {
            for periods in self.schedules.values_mut() {
                periods.retain(|period, _| *period > month);
            }
        }
    }
}
