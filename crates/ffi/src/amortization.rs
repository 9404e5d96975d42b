//! Amortization schedules of intangible data assets (政府会计准则第4号 art. 19–21; 企业会计准则第6号
//! art. 17).

use chrono::NaiveDate;
use data_assets_core::amortization::{self as core_amortization, AmortizationPeriod};
use data_assets_core::money::Amount;
use data_assets_core::policy::{MonthConvention, Policy};
use rust_decimal::Decimal;

use crate::error::{ConversionError, DataAssetsError};

/// One month of a schedule.
#[uniffi::remote(Record)]
pub struct AmortizationPeriod {
    /// First day of the month amortized.
    pub period: NaiveDate,
    /// Amortization of the month.
    pub amount: Amount,
    /// Accumulated amortization at the end of the month.
    pub accumulated: Amount,
    /// Cost less accumulated amortization at the end of the month.
    pub carrying_amount: Amount,
}

/// Pattern in which the asset is used up. Mirrors the core's `UsefulLife` with a signed month
/// count, because Java has no unsigned integers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum UsefulLife {
    /// Straight line over a number of months.
    StraightLine {
        /// Useful life in months, at least 1.
        months: i64,
    },
    /// Units of production: each period's share of the total expected units.
    UnitsOfProduction {
        /// Total units expected over the life.
        total: Decimal,
        /// Units expected per period, from the first.
        per_period: Vec<Decimal>,
    },
    /// Indefinite life: not amortized.
    Indefinite,
}

impl UsefulLife {
    fn into_core(self) -> Result<core_amortization::UsefulLife, DataAssetsError> {
        Ok(match self {
            UsefulLife::StraightLine { months } => core_amortization::UsefulLife::StraightLine {
                months: ConversionError::int(months, "life.months")?,
            },
            UsefulLife::UnitsOfProduction { total, per_period } => {
                core_amortization::UsefulLife::UnitsOfProduction { total, per_period }
            }
            UsefulLife::Indefinite => core_amortization::UsefulLife::Indefinite,
        })
    }
}

/// Inputs of a schedule.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScheduleBasis {
    /// Cost of the asset.
    pub cost: Amount,
    /// Amortization already accumulated before the schedule starts.
    pub accumulated_before: Amount,
    /// Date the asset is ready for use.
    pub ready_for_use: NaiveDate,
    /// Pattern in which the asset is used up.
    pub life: UsefulLife,
    /// Whether the asset is carried at the nominal amount of one yuan, which is not amortized.
    pub nominal_amount: bool,
}

/// Builds a straight-line schedule with the default policy: `cost` over `months`, starting in
/// the month of `start`; the last month takes the rounding difference, so the amounts sum to
/// `cost`.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative month count; `amortization.*` for a zero life or an
/// amount that is negative or not whole fen.
#[uniffi::export]
pub fn straight_line_schedule(
    cost: Amount,
    months: i64,
    start: NaiveDate,
) -> Result<Vec<AmortizationPeriod>, DataAssetsError> {
    let months = ConversionError::int(months, "months")?;
    Ok(core_amortization::straight_line_schedule(
        cost, months, start,
    )?)
}

/// Builds the schedule of `basis` under `policy` (its month convention and rounding).
///
/// # Errors
///
/// `amortization.*` for a zero life, units that do not add up, or an amount that is negative or
/// not whole fen.
#[uniffi::export]
pub fn amortization_schedule(
    basis: ScheduleBasis,
    policy: Policy,
) -> Result<Vec<AmortizationPeriod>, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    let basis = core_amortization::ScheduleBasis {
        cost: basis.cost,
        accumulated_before: basis.accumulated_before,
        ready_for_use: basis.ready_for_use,
        life: basis.life.into_core()?,
        nominal_amount: basis.nominal_amount,
    };
    Ok(core_amortization::schedule(&basis, &policy)?)
}

/// Rebuilds a schedule from month `from` after `added_cost` was added and the remaining life
/// set to `remaining_months`; the months before `from` are kept.
///
/// # Errors
///
/// The errors of [`amortization_schedule`].
#[uniffi::export]
pub fn recompute_schedule(
    current: Vec<AmortizationPeriod>,
    cost: Amount,
    from: NaiveDate,
    added_cost: Amount,
    remaining_months: i64,
    policy: Policy,
) -> Result<Vec<AmortizationPeriod>, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    let remaining_months = ConversionError::int(remaining_months, "remaining_months")?;
    Ok(core_amortization::recompute(
        &current,
        cost,
        from,
        added_cost,
        remaining_months,
        &policy,
    )?)
}

/// Cuts a schedule at the disposal date under `convention`.
#[uniffi::export]
pub fn stop_schedule_at_disposal(
    periods: Vec<AmortizationPeriod>,
    disposal: NaiveDate,
    convention: MonthConvention,
) -> Vec<AmortizationPeriod> {
    core_amortization::stop_at_disposal(&periods, disposal, convention)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_months_rejected() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let error = straight_line_schedule(Amount::from_fen(100), -1, start).unwrap_err();
        assert_eq!(error.code(), "ffi.out_of_range");
        assert_eq!(error.field(), "months");
    }

    #[test]
    fn straight_line_sums_to_cost() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let periods = straight_line_schedule(Amount::from_fen(50_000_000), 120, start).unwrap();
        assert_eq!(periods.len(), 120);
        assert_eq!(periods[0].amount, Amount::from_fen(416_667));
        assert_eq!(periods[119].amount, Amount::from_fen(416_627));
        assert_eq!(periods[119].carrying_amount, Amount::ZERO);
    }
}
