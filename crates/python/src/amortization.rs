//! Amortization schedules: straight line, units of production, recomputation and disposal.

use chrono::NaiveDate;
use data_assets_core::amortization::{self as core, AmortizationError};
use data_assets_core::policy::MonthConvention;
use pyo3::prelude::*;

use crate::convert;
use crate::errors::{OrRaise, guard, to_py_err};
use crate::money::amount_arg;
use crate::value::{extract, extract_list, policy_arg, prefix_field, wrap_all};

value_type! {
    /// One month of a schedule: `period` (first day of the month), `amount`, `accumulated` and
    /// `carrying_amount`.
    AmortizationPeriod(core::AmortizationPeriod), "amortization.invalid_field"
}

value_type! {
    /// Inputs of a schedule: cost, amortization accumulated before, the ready-for-use date, the
    /// useful life (`{"kind": "straight_line", "months": 120}`, units of production or
    /// indefinite) and whether the asset is carried at the nominal one yuan.
    ScheduleBasis(core::ScheduleBasis), "amortization.invalid_field"
}

/// Builds the straight-line monthly schedule of `cost` over `months` from the month of `start`.
#[pyfunction]
pub fn straight_line_schedule(
    py: Python<'_>,
    cost: &Bound<'_, PyAny>,
    months: u32,
    start: NaiveDate,
) -> PyResult<Vec<AmortizationPeriod>> {
    guard(py, || {
        let cost = amount_arg(cost, "cost")?;
        let periods = core::straight_line_schedule(cost, months, start).or_raise(py)?;
        Ok(wrap_all::<AmortizationPeriod>(periods))
    })
}

/// Builds one straight-line schedule per row, naming a failing row `costs[i]`.
#[pyfunction]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts arguments as owned values"
)]
pub fn straight_line_schedules(
    py: Python<'_>,
    costs: &Bound<'_, PyAny>,
    months: Vec<u32>,
    starts: Vec<NaiveDate>,
) -> PyResult<Vec<Vec<AmortizationPeriod>>> {
    guard(py, || {
        let costs: Vec<_> = convert::iter_items(costs)?
            .iter()
            .enumerate()
            .map(|(index, cost)| amount_arg(cost, &format!("costs[{index}]")))
            .collect::<PyResult<_>>()?;
        convert::same_length(&[
            ("costs", costs.len()),
            ("months", months.len()),
            ("starts", starts.len()),
        ])
        .or_raise(py)?;
        let rows = py.detach(|| {
            costs
                .iter()
                .zip(&months)
                .zip(&starts)
                .enumerate()
                .map(|(index, ((cost, months), start))| {
                    core::straight_line_schedule(*cost, *months, *start)
                        .map_err(|error| (index, error))
                })
                .collect::<Result<Vec<_>, (usize, AmortizationError)>>()
        });
        rows.map(|rows| {
            rows.into_iter()
                .map(wrap_all::<AmortizationPeriod>)
                .collect()
        })
        .map_err(|(index, error)| {
            prefix_field(py, to_py_err(py, &error), &format!("rows[{index}]"))
        })
    })
}

/// Builds the monthly schedule of `basis` under `policy` (the Guangxi defaults when `None`).
#[pyfunction]
#[pyo3(signature = (basis, policy = None))]
pub fn schedule(
    py: Python<'_>,
    basis: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<AmortizationPeriod>> {
    guard(py, || {
        let basis = extract::<ScheduleBasis>(basis, "basis")?;
        let policy = policy_arg(policy)?;
        let periods = core::schedule(&basis, &policy).or_raise(py)?;
        Ok(wrap_all::<AmortizationPeriod>(periods))
    })
}

/// Recomputes a schedule prospectively from `start`: keeps the earlier periods of `current` and
/// spreads the carrying amount plus `added_cost` over `remaining_months`.
#[pyfunction]
#[pyo3(signature = (current, cost, start, added_cost, remaining_months, policy = None))]
pub fn recompute_schedule(
    py: Python<'_>,
    current: &Bound<'_, PyAny>,
    cost: &Bound<'_, PyAny>,
    start: NaiveDate,
    added_cost: &Bound<'_, PyAny>,
    remaining_months: u32,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<AmortizationPeriod>> {
    guard(py, || {
        let current = extract_list::<AmortizationPeriod>(current, "current")?;
        let cost = amount_arg(cost, "cost")?;
        let added_cost = amount_arg(added_cost, "added_cost")?;
        let policy = policy_arg(policy)?;
        let periods = core::recompute(&current, cost, start, added_cost, remaining_months, &policy)
            .or_raise(py)?;
        Ok(wrap_all::<AmortizationPeriod>(periods))
    })
}

/// Cuts a schedule at disposal under a month convention (`same_month` or `next_month`).
#[pyfunction]
#[pyo3(signature = (periods, disposal, convention = "same_month"))]
pub fn stop_at_disposal(
    py: Python<'_>,
    periods: &Bound<'_, PyAny>,
    disposal: NaiveDate,
    convention: &str,
) -> PyResult<Vec<AmortizationPeriod>> {
    guard(py, || {
        let periods = extract_list::<AmortizationPeriod>(periods, "periods")?;
        let convention: MonthConvention = convert::code_arg(py, convention, "convention")?;
        Ok(wrap_all::<AmortizationPeriod>(core::stop_at_disposal(
            &periods, disposal, convention,
        )))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<AmortizationPeriod>()?;
    module.add_class::<ScheduleBasis>()?;
    module.add_function(wrap_pyfunction!(straight_line_schedule, module)?)?;
    module.add_function(wrap_pyfunction!(straight_line_schedules, module)?)?;
    module.add_function(wrap_pyfunction!(schedule, module)?)?;
    module.add_function(wrap_pyfunction!(recompute_schedule, module)?)?;
    module.add_function(wrap_pyfunction!(stop_at_disposal, module)?)?;
    Ok(())
}
