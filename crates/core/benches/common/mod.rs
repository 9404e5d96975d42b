//! The main job of the benchmarks, written against the core entry points: for every asset,
//! validation, recognition, the purchase voucher through the journal, and a ten-year monthly
//! amortization schedule. Shared by the criterion benchmark and the memory-measurement example.

// The benchmark and the example each use only part of this module.
#![allow(dead_code)]

use chrono::NaiveDate;

use data_assets_core::accounting::{Event, EventKind, Funding, Journal, VatStatus};
use data_assets_core::amortization::{ScheduleBasis, UsefulLife, schedule};
use data_assets_core::asset::{DataAsset, HoldingPurpose};
use data_assets_core::entity::EntityKind;
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{
    DevelopmentConditions, Outcome, RdStage, RecognitionFacts, recognize,
};

/// Months of the amortization schedule of every generated asset: ten years.
pub const LIFE_MONTHS: u32 = 120;

/// Generates `count` valid assets with distinct ids, costs and ready dates.
pub fn assets(count: usize) -> Vec<DataAsset> {
    let base = DataAsset::example();
    (0..count)
        .map(|index| {
            let offset = i64::try_from(index).expect("count fits i64");
            let mut asset = base.clone();
            asset.id = format!("GL-{index:07}");
            asset.cost = Some(Amount::from_fen(100_000 + offset * 7_919 % 100_000_000));
            asset.ready_date = NaiveDate::from_ymd_opt(2025, 1, 1).expect("date")
                + chrono::Days::new(u64::try_from(index % 365).expect("small"));
            asset.useful_life_months = Some(LIFE_MONTHS);
            asset
        })
        .collect()
}

/// Recognition facts of a purchased asset that meets every criterion.
fn facts_for(asset: &DataAsset, cost: Amount) -> RecognitionFacts {
    RecognitionFacts {
        asset_id: asset.id.clone(),
        controlled: true,
        past_transaction: true,
        separable: true,
        contractual_or_legal: true,
        probable_benefit: true,
        reliable_cost: true,
        holding_purpose: HoldingPurpose::OwnUse,
        rd_stage: RdStage::None,
        development_conditions: DevelopmentConditions::default(),
        cost,
        unit_price: None,
        bulk_purchase: false,
        low_value_expensing_elected: false,
        previously_expensed: Amount::ZERO,
    }
}

/// Builds the purchase event of an asset, paid from the bank deposit on its ready date.
fn purchase_of(asset: &DataAsset, cost: Amount) -> Event {
    Event {
        id: format!("{}-purchase", asset.id),
        asset_id: asset.id.clone(),
        date: asset.ready_date,
        kind: EventKind::Purchase {
            cost,
            input_vat: Amount::ZERO,
            funding: Funding::BankDeposit,
            business_activity: false,
        },
    }
}

/// Totals the job produces, so the work cannot be optimized away.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct JobTotals {
    /// Assets recognized as intangible assets.
    pub recognized: usize,
    /// Vouchers in the journal.
    pub vouchers: usize,
    /// Sum of every schedule's amortization.
    pub amortized: Amount,
}

/// Runs the main job over `assets` for a 事业单位.
///
/// # Panics
///
/// On an invalid generated asset or a failed posting, which would be a bug in the benchmark.
pub fn main_job(assets: &[DataAsset]) -> JobTotals {
    let policy = Policy::default();
    let mut journal = Journal::new(
        EntityKind::PublicInstitution,
        policy.clone(),
        VatStatus::NotTaxpayer,
    );
    let mut totals = JobTotals::default();
    for asset in assets {
        // Validation.
        asset.validate().expect("generated assets are valid");
        let cost = asset.cost.expect("generated assets have a cost");

        // Recognition.
        let facts = facts_for(asset, cost);
        let recognition =
            recognize(&facts, EntityKind::PublicInstitution, &policy).expect("valid facts");
        if recognition.outcome != Outcome::IntangibleAsset {
            continue;
        }
        totals.recognized += 1;

        // First voucher through the journal.
        journal
            .post(&purchase_of(asset, cost))
            .expect("purchase posts");

        // Ten years of monthly amortization.
        let basis = ScheduleBasis {
            cost,
            accumulated_before: Amount::ZERO,
            ready_for_use: asset.ready_date,
            life: UsefulLife::StraightLine {
                months: asset.useful_life_months.unwrap_or(LIFE_MONTHS),
            },
            nominal_amount: false,
        };
        let periods = schedule(&basis, &policy).expect("valid schedule");
        let total = periods.last().map_or(Amount::ZERO, |p| p.accumulated);
        totals.amortized = totals.amortized.checked_add(total).expect("no overflow");
    }
    totals.vouchers = journal.posted().len();
    totals
}

/// Runs each step of the job alone over `assets` and returns its name and duration, to show
/// where the time of [`main_job`] goes.
///
/// # Panics
///
/// As [`main_job`].
pub fn phase_times(assets: &[DataAsset]) -> Vec<(&'static str, std::time::Duration)> {
    use std::time::Instant;
    let policy = Policy::default();
    let mut times = Vec::new();

    let start = Instant::now();
    for asset in assets {
        asset.validate().expect("generated assets are valid");
    }
    times.push(("validation", start.elapsed()));

    let start = Instant::now();
    for asset in assets {
        let facts = facts_for(asset, asset.cost.unwrap_or(Amount::ZERO));
        recognize(&facts, EntityKind::PublicInstitution, &policy).expect("valid facts");
    }
    times.push(("recognition", start.elapsed()));

    let start = Instant::now();
    let mut journal = Journal::new(
        EntityKind::PublicInstitution,
        policy.clone(),
        VatStatus::NotTaxpayer,
    );
    for asset in assets {
        journal
            .post(&purchase_of(asset, asset.cost.unwrap_or(Amount::ZERO)))
            .expect("purchase posts");
    }
    times.push(("purchase vouchers", start.elapsed()));

    let start = Instant::now();
    for asset in assets {
        let basis = ScheduleBasis {
            cost: asset.cost.unwrap_or(Amount::ZERO),
            accumulated_before: Amount::ZERO,
            ready_for_use: asset.ready_date,
            life: UsefulLife::StraightLine {
                months: LIFE_MONTHS,
            },
            nominal_amount: false,
        };
        schedule(&basis, &policy).expect("valid schedule");
    }
    times.push(("120-month schedules", start.elapsed()));
    times
}
