//! Monthly amortization schedules: straight-line (年限平均法) and units-of-production (工作量法).
//!
//! Rules encoded here:
//! - amortize monthly, and the amortizable amount is the cost with no residual value
//!   (政府会计准则第4号 art. 18; CAS 6 art. 17 for enterprises, whose residual value is
//!   normally zero);
//! - no schedule for an asset with an indefinite useful life or one carried at the nominal amount
//!   of one yuan (政府会计准则第4号 art. 15–16; 政府会计准则——基本准则 art. 30 for the nominal amount);
//! - the start and stop month follow [`MonthConvention`] from [`Policy`];
//! - every period is rounded with the policy's rounding, and the last period takes the remainder so
//!   the schedule sums exactly to the amortizable amount;
//! - after capitalized subsequent expenditure or a change of useful life, the rest of the schedule
//!   is recomputed prospectively from the carrying amount (政府会计准则第4号 art. 19; CAS 28 for a
//!   change in estimate);
//! - disposal stops the schedule.
//!
//! # Errors
//!
//! Every fallible function returns [`AmortizationError`].

use chrono::{Datelike, Months, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::ErrorDetail;
use crate::money::{Amount, MoneyError};
use crate::policy::{MonthConvention, Policy};

/// Maximum useful life accepted, in months (100 years).
pub const LIFE_MONTHS_MAX: u32 = 1200;

/// Errors of amortization schedules.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AmortizationError {
    /// The useful life is zero months or longer than [`LIFE_MONTHS_MAX`].
    #[error("invalid useful life in {field}: {value} months is outside 1..={LIFE_MONTHS_MAX}")]
    InvalidLife {
        /// Field that held the life.
        field: String,
        /// Rejected number of months.
        value: String,
    },
    /// The cost is negative or has more than two decimal places.
    #[error("invalid amortizable amount in {field}: {value}")]
    InvalidAmount {
        /// Field that held the amount.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// Units of production are negative, zero in total, or exceed the estimated total.
    #[error("invalid units of production in {field}: {value}")]
    InvalidUnits {
        /// Field that held the units.
        field: String,
        /// Rejected units.
        value: String,
    },
    /// Money arithmetic overflowed.
    #[error("amount overflow in amortization: {0}")]
    Money(#[from] MoneyError),
}

impl ErrorDetail for AmortizationError {
    fn code(&self) -> &'static str {
        match self {
            AmortizationError::InvalidLife { .. } => "amortization.invalid_life",
            AmortizationError::InvalidAmount { .. } => "amortization.invalid_amount",
            AmortizationError::InvalidUnits { .. } => "amortization.invalid_units",
            AmortizationError::Money(_) => "amortization.overflow",
        }
    }
    fn field(&self) -> &str {
        match self {
            AmortizationError::InvalidLife { field, .. }
            | AmortizationError::InvalidAmount { field, .. }
            | AmortizationError::InvalidUnits { field, .. } => field,
            AmortizationError::Money(inner) => inner.field(),
        }
    }
    fn value(&self) -> &str {
        match self {
            AmortizationError::InvalidLife { value, .. }
            | AmortizationError::InvalidAmount { value, .. }
            | AmortizationError::InvalidUnits { value, .. } => value,
            AmortizationError::Money(inner) => inner.value(),
        }
    }
    fn allowed(&self) -> &str {
        match self {
            AmortizationError::InvalidLife { .. } => "a whole number of months from 1 to 1200",
            AmortizationError::InvalidAmount { .. } => {
                "a non-negative amount with at most two decimal places"
            }
            AmortizationError::InvalidUnits { .. } => {
                "non-negative units per period whose sum does not exceed a positive total"
            }
            AmortizationError::Money(inner) => inner.allowed(),
        }
    }
}

/// One month of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AmortizationPeriod {
    /// First day of the month amortized.
    pub period: NaiveDate,
    /// Amortization charged in the month, at fen precision.
    pub amount: Amount,
    /// Accumulated amortization at the end of the month.
    pub accumulated: Amount,
    /// Carrying amount (amortizable amount less accumulated amortization) at the end of the month.
    pub carrying_amount: Amount,
}

/// Useful life (使用年限) set at acquisition (政府会计准则第4号 art. 15; CAS 6 art. 16).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum UsefulLife {
    /// A finite life, amortized straight-line over this many months.
    StraightLine {
        /// Useful life in months.
        months: u32,
    },
    /// A finite life measured in units of output: `total` units, of which `per_period` are used
    /// month by month from the start month.
    UnitsOfProduction {
        /// Estimated total units over the life.
        total: Decimal,
        /// Units used in each month, in order.
        per_period: Vec<Decimal>,
    },
    /// No foreseeable period of benefit (使用年限不确定): not amortized.
    Indefinite,
}

/// Inputs of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ScheduleBasis {
    /// Amortizable amount: the cost, with no residual value.
    pub cost: Amount,
    /// Amortization already accumulated before the first period of this schedule (zero for a new
    /// asset; the accumulated amount so far when a schedule is recomputed).
    pub accumulated_before: Amount,
    /// Date the asset became ready for its intended use, or the date from which a recomputed
    /// schedule runs.
    pub ready_for_use: NaiveDate,
    /// Useful life.
    pub life: UsefulLife,
    /// Whether the asset is carried at the nominal amount of one yuan (名义金额).
    pub nominal_amount: bool,
}

/// Builds a straight-line monthly schedule under the default [`Policy`]: from the month of
/// `start`, 四舍五入 to the fen, the last month taking the remainder.
///
/// A cost of exactly one yuan is the nominal amount (名义金额, 政府会计准则——基本准则 art. 30) and
/// gets no schedule (政府会计准则第4号 art. 16).
///
/// # Errors
///
/// - [`AmortizationError::InvalidLife`] when `months` is 0 or above [`LIFE_MONTHS_MAX`];
/// - [`AmortizationError::InvalidAmount`] when `cost` is negative or not fen-precise.
///
/// ```
/// use data_assets_core::amortization::straight_line_schedule;
/// use data_assets_core::money::Amount;
/// use chrono::NaiveDate;
/// let start = NaiveDate::from_ymd_opt(2025, 1, 15).unwrap();
/// let schedule = straight_line_schedule(Amount::from_fen(50_000_000), 120, start)?;
/// assert_eq!(schedule.len(), 120);
/// assert_eq!(schedule[0].amount.to_string(), "4166.67");
/// assert_eq!(schedule[119].amount.to_string(), "4166.27");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn straight_line_schedule(
    cost: Amount,
    months: u32,
    start: NaiveDate,
) -> Result<Vec<AmortizationPeriod>, AmortizationError> {
    let basis = ScheduleBasis {
        cost,
        accumulated_before: Amount::ZERO,
        ready_for_use: start,
        life: UsefulLife::StraightLine { months },
        nominal_amount: cost == Amount::NOMINAL,
    };
    schedule(&basis, &Policy::default())
}

/// Builds the monthly schedule of `basis` under `policy`.
///
/// Returns an empty schedule for an indefinite life or a nominal-amount asset, which are not
/// amortized (政府会计准则第4号 art. 16). Otherwise:
/// - straight-line: each month is `(cost − accumulated_before) / months` rounded with
///   `policy.rounding`, the last month takes the remainder, and no month goes below zero;
/// - units of production: each month is `remaining × units / total` rounded the same way; the
///   month in which the used units reach the total takes the remainder.
///
/// # Errors
///
/// - [`AmortizationError::InvalidLife`] for a straight-line life outside 1..=[`LIFE_MONTHS_MAX`];
/// - [`AmortizationError::InvalidAmount`] for a negative or sub-fen cost, or accumulated
///   amortization above the cost;
/// - [`AmortizationError::InvalidUnits`] for a non-positive total, a negative month or months
///   summing above the total.
pub fn schedule(
    basis: &ScheduleBasis,
    policy: &Policy,
) -> Result<Vec<AmortizationPeriod>, AmortizationError> {
    validate_amount(basis.cost, "cost")?;
    validate_amount(basis.accumulated_before, "accumulated_before")?;
    let remaining = basis.cost.checked_sub(basis.accumulated_before)?;
    if remaining.is_negative() {
        return Err(AmortizationError::InvalidAmount {
            field: "accumulated_before".into(),
            value: basis.accumulated_before.to_string(),
        });
    }
    // The life is checked before the nominal-amount case returns, so a bad life is reported
    // whatever the amount.
    let amounts = match &basis.life {
        UsefulLife::Indefinite => return Ok(Vec::new()),
        UsefulLife::StraightLine { months } => straight_line_amounts(remaining, *months, policy)?,
        UsefulLife::UnitsOfProduction { total, per_period } => {
            units_amounts(remaining, *total, per_period, policy)?
        }
    };
    if basis.nominal_amount {
        return Ok(Vec::new());
    }
    let first = first_period(basis.ready_for_use, policy.month_convention);
    build_periods(&amounts, first, basis.cost, basis.accumulated_before)
}

/// Recomputes the rest of a schedule prospectively from `from` (政府会计准则第4号 art. 19: after
/// capitalized subsequent expenditure the amortization is recomputed from the new cost and a newly
/// determined period; CAS 28: a change of useful life is a change in estimate, applied
/// prospectively).
///
/// Keeps the periods of `current` before the month of `from`, then spreads the carrying amount at
/// that point plus `added_cost` over `remaining_months` from the month of `from`.
///
/// # Errors
///
/// As [`schedule`].
pub fn recompute(
    current: &[AmortizationPeriod],
    cost: Amount,
    from: NaiveDate,
    added_cost: Amount,
    remaining_months: u32,
    policy: &Policy,
) -> Result<Vec<AmortizationPeriod>, AmortizationError> {
    validate_amount(added_cost, "added_cost")?;
    let from_month = month_start(from);
    let kept: Vec<AmortizationPeriod> = current
        .iter()
        .filter(|p| p.period < from_month)
        .cloned()
        .collect();
    let accumulated = kept.last().map_or(Amount::ZERO, |p| p.accumulated);
    let new_cost = cost.checked_add(added_cost)?;
    let basis = ScheduleBasis {
        cost: new_cost,
        accumulated_before: accumulated,
        ready_for_use: from_month,
        life: UsefulLife::StraightLine {
            months: remaining_months,
        },
        nominal_amount: false,
    };
    // The new months start in the month of `from` whatever the convention: the asset is in use.
    let rest = schedule(
        &basis,
        &Policy {
            month_convention: MonthConvention::SameMonth,
            ..policy.clone()
        },
    )?;
    Ok(kept.into_iter().chain(rest).collect())
}

/// Cuts a schedule at disposal: under [`MonthConvention::SameMonth`] nothing is amortized in the
/// month of disposal; under [`MonthConvention::NextMonth`] the month of disposal is the last one.
pub fn stop_at_disposal(
    periods: &[AmortizationPeriod],
    disposal: NaiveDate,
    convention: MonthConvention,
) -> Vec<AmortizationPeriod> {
    let month = month_start(disposal);
    periods
        .iter()
        .filter(|p| match convention {
            MonthConvention::SameMonth => p.period < month,
            MonthConvention::NextMonth => p.period <= month,
        })
        .cloned()
        .collect()
}

/// First day of the month of `date`.
pub fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

fn first_period(ready_for_use: NaiveDate, convention: MonthConvention) -> NaiveDate {
    let month = month_start(ready_for_use);
    match convention {
        MonthConvention::SameMonth => month,
        MonthConvention::NextMonth => month.checked_add_months(Months::new(1)).unwrap_or(month),
    }
}

fn validate_amount(amount: Amount, field: &str) -> Result<(), AmortizationError> {
    if amount.is_negative() || !amount.is_fen() {
        return Err(AmortizationError::InvalidAmount {
            field: field.into(),
            value: amount.to_string(),
        });
    }
    Ok(())
}

fn straight_line_amounts(
    remaining: Amount,
    months: u32,
    policy: &Policy,
) -> Result<Vec<i64>, AmortizationError> {
    if months == 0 || months > LIFE_MONTHS_MAX {
        return Err(AmortizationError::InvalidLife {
            field: "life.months".into(),
            value: months.to_string(),
        });
    }
    let monthly = remaining
        .checked_div(Decimal::from(months))?
        .round_fen(policy.rounding);
    // Both are fen-precise amounts within Amount's range, so the months are summed exactly in
    // whole fen, which is much faster than a decimal operation per month.
    let (Some(monthly), Some(mut left)) = (monthly.to_fen(), remaining.to_fen()) else {
        return Err(AmortizationError::InvalidAmount {
            field: "cost".into(),
            value: remaining.to_string(),
        });
    };
    let mut amounts = Vec::with_capacity(months as usize);
    for index in 1..=months {
        // The last month takes what is left; a rounded-up monthly amount never overdraws.
        let amount = if index == months {
            left
        } else {
            monthly.min(left)
        };
        left -= amount;
        amounts.push(amount);
    }
    Ok(amounts)
}

fn units_amounts(
    remaining: Amount,
    total: Decimal,
    per_period: &[Decimal],
    policy: &Policy,
) -> Result<Vec<i64>, AmortizationError> {
    let invalid = |field: String, value: String| AmortizationError::InvalidUnits { field, value };
    if total <= Decimal::ZERO {
        return Err(invalid("life.total".into(), total.to_string()));
    }
    let mut used = Decimal::ZERO;
    for (index, units) in per_period.iter().enumerate() {
        if units.is_sign_negative() && !units.is_zero() {
            return Err(invalid(
                format!("life.per_period[{index}]"),
                units.to_string(),
            ));
        }
        used = used
            .checked_add(*units)
            .filter(|sum| *sum <= total)
            .ok_or_else(|| invalid(format!("life.per_period[{index}]"), units.to_string()))?;
    }

    let mut left = remaining;
    let mut used = Decimal::ZERO;
    let mut amounts = Vec::with_capacity(per_period.len());
    for units in per_period {
        used += *units;
        let amount = if used == total {
            left
        } else {
            let share = units.checked_div(total).unwrap_or(Decimal::ZERO);
            remaining
                .checked_mul(share)?
                .round_fen(policy.rounding)
                .min(left)
        };
        left = left.checked_sub(amount)?;
        amounts.push(
            amount
                .to_fen()
                .ok_or_else(|| AmortizationError::InvalidAmount {
                    field: "cost".into(),
                    value: remaining.to_string(),
                })?,
        );
    }
    Ok(amounts)
}

/// Builds the periods from monthly amounts in fen, starting in the month of `first` (a first
/// day of a month), counting in whole fen and stepping the month by hand for speed.
fn build_periods(
    amounts: &[i64],
    first: NaiveDate,
    cost: Amount,
    accumulated_before: Amount,
) -> Result<Vec<AmortizationPeriod>, AmortizationError> {
    let invalid = |field: &str, amount: Amount| AmortizationError::InvalidAmount {
        field: field.into(),
        value: amount.to_string(),
    };
    let cost_fen = cost.to_fen().ok_or_else(|| invalid("cost", cost))?;
    let mut accumulated = accumulated_before
        .to_fen()
        .ok_or_else(|| invalid("accumulated_before", accumulated_before))?;
    let past_calendar = || AmortizationError::InvalidLife {
        field: "ready_for_use".into(),
        value: first.to_string(),
    };
    let (mut year, mut month) = (first.year(), first.month());
    let mut periods = Vec::with_capacity(amounts.len());
    for amount in amounts {
        // The amounts sum to at most the remaining cost, so neither step can overflow.
        accumulated += amount;
        let period = NaiveDate::from_ymd_opt(year, month, 1).ok_or_else(past_calendar)?;
        periods.push(AmortizationPeriod {
            period,
            amount: Amount::from_fen(*amount),
            accumulated: Amount::from_fen(accumulated),
            carrying_amount: Amount::from_fen(cost_fen - accumulated),
        });
        if month == 12 {
            year += 1;
            month = 1;
        } else {
            month += 1;
        }
    }
    Ok(periods)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    #[test]
    fn trademark_ten_years_last_month_takes_remainder() {
        // 500,000.00 / 120 = 4,166.666…, rounded 4,166.67; 119 × 4,166.67 = 495,833.73, so the
        // last month is 500,000.00 − 495,833.73 = 4,166.27.
        let periods = straight_line_schedule(amount("500000.00"), 120, date(2025, 3, 10)).unwrap();
        assert_eq!(periods.len(), 120);
        assert!(periods[..119].iter().all(|p| p.amount == amount("4166.67")));
        assert_eq!(periods[119].amount, amount("4166.27"));
        assert_eq!(periods[119].accumulated, amount("500000.00"));
        assert_eq!(periods[119].carrying_amount, Amount::ZERO);
        assert_eq!(periods[0].period, date(2025, 3, 1));
        assert_eq!(periods[119].period, date(2035, 2, 1));
    }

    #[test]
    fn software_two_years_two_hundred_a_month() {
        // 4,800.00 / 24 = 200.00 exactly.
        let periods = straight_line_schedule(amount("4800.00"), 24, date(2025, 6, 1)).unwrap();
        assert_eq!(periods.len(), 24);
        assert!(periods.iter().all(|p| p.amount == amount("200.00")));
    }

    #[test]
    fn enterprise_asset_from_january_2005() {
        // 5,000,000.00 / 120 = 41,666.666…, rounded 41,666.67; last = 5,000,000 − 119 × 41,666.67
        // = 5,000,000 − 4,958,333.73 = 41,666.27.
        let periods = straight_line_schedule(amount("5000000.00"), 120, date(2005, 1, 1)).unwrap();
        assert_eq!(periods[0].period, date(2005, 1, 1));
        assert_eq!(periods[0].amount, amount("41666.67"));
        assert_eq!(periods[119].period, date(2014, 12, 1));
        assert_eq!(periods[119].amount, amount("41666.27"));
    }

    #[test]
    fn next_month_convention_starts_later() {
        let basis = ScheduleBasis {
            cost: amount("1200.00"),
            accumulated_before: Amount::ZERO,
            ready_for_use: date(2025, 1, 31),
            life: UsefulLife::StraightLine { months: 12 },
            nominal_amount: false,
        };
        let policy = Policy {
            month_convention: MonthConvention::NextMonth,
            ..Policy::default()
        };
        let periods = schedule(&basis, &policy).unwrap();
        assert_eq!(periods[0].period, date(2025, 2, 1));
    }

    #[test]
    fn indefinite_and_nominal_have_no_schedule() {
        let mut basis = ScheduleBasis {
            cost: amount("1000.00"),
            accumulated_before: Amount::ZERO,
            ready_for_use: date(2025, 1, 1),
            life: UsefulLife::Indefinite,
            nominal_amount: false,
        };
        assert!(schedule(&basis, &Policy::default()).unwrap().is_empty());
        basis.life = UsefulLife::StraightLine { months: 10 };
        basis.nominal_amount = true;
        assert!(schedule(&basis, &Policy::default()).unwrap().is_empty());
        assert!(
            straight_line_schedule(Amount::NOMINAL, 10, date(2025, 1, 1))
                .unwrap()
                .is_empty()
        );
    }

    /// A nominal-amount asset has no schedule, but a life of 0 or 1,201 months is still invalid
    /// input and is reported as such.
    #[test]
    fn nominal_amount_still_checks_life() {
        for months in [0, LIFE_MONTHS_MAX + 1] {
            let error =
                straight_line_schedule(Amount::NOMINAL, months, date(2025, 1, 1)).unwrap_err();
            assert_eq!(error.code(), "amortization.invalid_life");
        }
    }

    /// A cost without decimals still gives two-decimal amounts: 500,000 over 120 months is
    /// 4,166.67 a month with 4,166.27 in the last (the worked example of the module docs).
    #[test]
    fn whole_yuan_cost_gives_fen_amounts() {
        let periods = straight_line_schedule(amount("500000"), 120, date(2025, 1, 15)).unwrap();
        assert_eq!(periods[0].amount.to_string(), "4166.67");
        assert_eq!(periods[0].carrying_amount.to_string(), "495833.33");
        assert_eq!(periods[119].amount.to_string(), "4166.27");
        assert_eq!(periods[119].accumulated.to_string(), "500000.00");
        assert_eq!(periods[119].period, date(2034, 12, 1));
    }

    #[test]
    fn units_of_production_last_unit_takes_remainder() {
        // 1,000.00 over 3 units used 1, 1, 1: 333.33, 333.33, then 1,000.00 − 666.66 = 333.34.
        let basis = ScheduleBasis {
            cost: amount("1000.00"),
            accumulated_before: Amount::ZERO,
            ready_for_use: date(2025, 1, 1),
            life: UsefulLife::UnitsOfProduction {
                total: Decimal::from(3),
                per_period: vec![Decimal::ONE; 3],
            },
            nominal_amount: false,
        };
        let periods = schedule(&basis, &Policy::default()).unwrap();
        let amounts: Vec<String> = periods.iter().map(|p| p.amount.to_string()).collect();
        assert_eq!(amounts, ["333.33", "333.33", "333.34"]);
    }

    #[test]
    fn units_above_total_rejected() {
        let basis = ScheduleBasis {
            cost: amount("1000.00"),
            accumulated_before: Amount::ZERO,
            ready_for_use: date(2025, 1, 1),
            life: UsefulLife::UnitsOfProduction {
                total: Decimal::from(2),
                per_period: vec![Decimal::ONE; 3],
            },
            nominal_amount: false,
        };
        let error = schedule(&basis, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "amortization.invalid_units");
        assert_eq!(error.field(), "life.per_period[2]");
    }

    #[test]
    fn zero_months_rejected() {
        let error = straight_line_schedule(amount("100.00"), 0, date(2025, 1, 1)).unwrap_err();
        assert_eq!(error.code(), "amortization.invalid_life");
        assert_eq!(error.value(), "0");
    }

    #[test]
    fn recompute_after_upgrade() {
        // 1,200.00 over 12 months: 100.00 a month. After 6 months (accumulated 600.00) an upgrade
        // adds 300.00 and a new life of 9 months: (600.00 + 300.00) / 9 = 100.00 a month.
        let original = straight_line_schedule(amount("1200.00"), 12, date(2025, 1, 1)).unwrap();
        let new = recompute(
            &original,
            amount("1200.00"),
            date(2025, 7, 15),
            amount("300.00"),
            9,
            &Policy::default(),
        )
        .unwrap();
        assert_eq!(new.len(), 15);
        assert_eq!(new[5].accumulated, amount("600.00"));
        assert_eq!(new[6].period, date(2025, 7, 1));
        assert_eq!(new[6].amount, amount("100.00"));
        assert_eq!(new[14].accumulated, amount("1500.00"));
        assert_eq!(new[14].carrying_amount, Amount::ZERO);
    }

    #[test]
    fn disposal_stops_schedule() {
        let periods = straight_line_schedule(amount("1200.00"), 12, date(2025, 1, 1)).unwrap();
        let same = stop_at_disposal(&periods, date(2025, 4, 20), MonthConvention::SameMonth);
        assert_eq!(same.len(), 3);
        let next = stop_at_disposal(&periods, date(2025, 4, 20), MonthConvention::NextMonth);
        assert_eq!(next.len(), 4);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn straight_line_sums_to_cost(fen in 0i64..10_000_000_000, months in 1u32..=600) {
            let cost = Amount::from_fen(fen);
            let periods = straight_line_schedule(cost, months, date(2025, 1, 1)).unwrap();
            if cost == Amount::NOMINAL {
                prop_assert!(periods.is_empty());
            } else {
                prop_assert_eq!(periods.len(), months as usize);
                let total = Amount::sum(periods.iter().map(|p| p.amount)).unwrap();
                prop_assert_eq!(total, cost);
                prop_assert!(periods.iter().all(|p| !p.amount.is_negative()));
            }
        }

        #[test]
        fn units_sum_to_cost(fen in 0i64..1_000_000_000, units in proptest::collection::vec(0u32..50, 1..40)) {
            let per_period: Vec<Decimal> = units.iter().map(|u| Decimal::from(*u)).collect();
            let total: Decimal = per_period.iter().sum();
            prop_assume!(total > Decimal::ZERO);
            let basis = ScheduleBasis {
                cost: Amount::from_fen(fen),
                accumulated_before: Amount::ZERO,
                ready_for_use: date(2025, 1, 1),
                life: UsefulLife::UnitsOfProduction { total, per_period },
                nominal_amount: false,
            };
            let periods = schedule(&basis, &Policy::default()).unwrap();
            let sum = Amount::sum(periods.iter().map(|p| p.amount)).unwrap();
            prop_assert_eq!(sum, Amount::from_fen(fen));
            prop_assert!(periods.iter().all(|p| !p.amount.is_negative()));
        }
    }
}
