//! Amortization schedules: straight line, units of production, recomputation and disposal.

use chrono::{Datelike, NaiveDate};
use data_assets_core::amortization::{self as core, AmortizationError};
use data_assets_core::money::Amount;
use data_assets_core::policy::MonthConvention;
use pyo3::exceptions::{PyIndexError, PyRuntimeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyInt};
use rust_decimal::Decimal;

use crate::convert;
use crate::errors::{BindingError, OrRaise, guard, to_py_err};
use crate::money::{amount_arg, amount_item};
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

/// Converts the parallel batch arguments and builds one straight-line schedule per row.
///
/// The schedules are built without the interpreter lock. A bad argument item is named
/// `costs[i]`, `months[i]` or `starts[i]`, and a failing schedule `rows[i]`, where `i` is the
/// row's position.
fn build_schedules(
    py: Python<'_>,
    costs: &Bound<'_, PyAny>,
    months: &Bound<'_, PyAny>,
    starts: &Bound<'_, PyAny>,
) -> PyResult<Vec<Vec<core::AmortizationPeriod>>> {
    let costs: Vec<_> = convert::ordered_items(costs, "costs", "decimal.Decimal or int")?
        .iter()
        .enumerate()
        .map(|(index, cost)| amount_item(cost, "costs", index))
        .collect::<PyResult<_>>()?;
    let months = convert::months_list_arg(months, "months")?;
    let starts = convert::date_list_arg(starts, "starts")?;
    convert::same_length(&[
        ("costs", costs.len()),
        ("months", months.len()),
        ("starts", starts.len()),
    ])
    .or_raise(py)?;
    let schedules = py
        .detach(|| {
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
        })
        .map_err(|(index, error)| {
            prefix_field(py, to_py_err(py, &error), &format!("rows[{index}]"))
        })?;
    check_python_dates(py, &schedules)?;
    Ok(schedules)
}

/// Rejects a schedule that runs past December 9999, the last month a Python `date` can
/// represent, so that every row built can be read back.
fn check_python_dates(py: Python<'_>, schedules: &[Vec<core::AmortizationPeriod>]) -> PyResult<()> {
    let late = schedules.iter().enumerate().find_map(|(index, periods)| {
        periods
            .last()
            .filter(|last| last.period.year() > 9999)
            .map(|last| (index, last.period))
    });
    match late {
        None => Ok(()),
        Some((index, period)) => Err(to_py_err(
            py,
            &BindingError {
                code: "convert.date_out_of_range",
                message: format!(
                    "the schedule of rows[{index}] runs to {period}, after 9999-12, which a \
                     Python date cannot represent; shorten the life or start earlier"
                ),
                field: format!("rows[{index}]"),
                value: period.to_string(),
                allowed: "a schedule that ends by December 9999".to_owned(),
            },
        )),
    }
}

/// Builds one straight-line schedule per row; errors name the item or row at fault.
#[pyfunction]
pub fn straight_line_schedules(
    py: Python<'_>,
    costs: &Bound<'_, PyAny>,
    months: &Bound<'_, PyAny>,
    starts: &Bound<'_, PyAny>,
) -> PyResult<Vec<Vec<AmortizationPeriod>>> {
    guard(py, || {
        let rows = build_schedules(py, costs, months, starts)?;
        Ok(rows
            .into_iter()
            .map(wrap_all::<AmortizationPeriod>)
            .collect())
    })
}

/// Builds one straight-line schedule per row and keeps them in Rust as one table.
///
/// Same rules and errors as `straight_line_schedules`, but no Python object is made per month:
/// the table hands out rows on request and whole columns as `array.array('q')` of fen.
#[pyfunction]
pub fn schedule_table(
    py: Python<'_>,
    costs: &Bound<'_, PyAny>,
    months: &Bound<'_, PyAny>,
    starts: &Bound<'_, PyAny>,
) -> PyResult<ScheduleTable> {
    guard(py, || {
        let schedules = build_schedules(py, costs, months, starts)?;
        Ok(ScheduleTable::new(schedules))
    })
}

/// The schedules of a batch, one row per asset and month, kept in Rust.
///
/// Rows run asset by asset in the order of the input, and month by month within an asset.
#[pyclass(frozen, sequence, module = "data_assets")]
pub struct ScheduleTable {
    schedules: Vec<Vec<core::AmortizationPeriod>>,
    /// Index of the first row of each asset, followed by the row count.
    first_rows: Vec<usize>,
}

/// An amount column of a schedule table.
#[derive(Clone, Copy)]
enum AmountColumn {
    Amount,
    Accumulated,
    CarryingAmount,
}

impl AmountColumn {
    const fn read(self, period: &core::AmortizationPeriod) -> Amount {
        match self {
            AmountColumn::Amount => period.amount,
            AmountColumn::Accumulated => period.accumulated,
            AmountColumn::CarryingAmount => period.carrying_amount,
        }
    }

    const fn name(self) -> &'static str {
        match self {
            AmountColumn::Amount => "amount",
            AmountColumn::Accumulated => "accumulated",
            AmountColumn::CarryingAmount => "carrying_amount",
        }
    }
}

impl ScheduleTable {
    fn new(schedules: Vec<Vec<core::AmortizationPeriod>>) -> Self {
        let mut first_rows = Vec::with_capacity(schedules.len() + 1);
        let mut rows = 0;
        first_rows.push(rows);
        for periods in &schedules {
            rows += periods.len();
            first_rows.push(rows);
        }
        ScheduleTable {
            schedules,
            first_rows,
        }
    }

    fn row_count(&self) -> usize {
        self.first_rows.last().copied().unwrap_or(0)
    }

    fn rows(&self) -> impl Iterator<Item = &core::AmortizationPeriod> {
        self.schedules.iter().flatten()
    }

    /// Reads an index argument; an `int` too large for the machine is out of range like any
    /// other, rather than an `OverflowError`.
    fn index_arg(index: &Bound<'_, PyAny>) -> PyResult<isize> {
        match index.extract::<isize>() {
            Ok(index) => Ok(index),
            Err(_) if index.is_instance_of::<PyInt>() => Err(PyIndexError::new_err(format!(
                "index {} is out of range",
                index
                    .str()
                    .map_or_else(|_| "?".to_owned(), |text| text.to_string())
            ))),
            Err(error) => Err(error),
        }
    }

    /// Resolves a signed position the Python way (`-1` is the last), or raises `IndexError`.
    fn position(index: isize, length: usize, unit: &str) -> PyResult<usize> {
        let resolved = if index < 0 {
            length.checked_sub(index.unsigned_abs())
        } else {
            Some(index.unsigned_abs()).filter(|position| *position < length)
        };
        resolved.ok_or_else(|| {
            PyIndexError::new_err(format!(
                "{unit} index {index} is out of range: the table has {length} {unit}s"
            ))
        })
    }

    /// Copies the column as whole fen into an `array.array('q')`.
    fn fen_array<'py>(&self, py: Python<'py>, column: AmountColumn) -> PyResult<Bound<'py, PyAny>> {
        int64_array(
            py,
            self.row_count(),
            self.rows().enumerate().map(|(row, period)| {
                let value = column.read(period);
                value.to_fen().ok_or_else(|| {
                    let error = BindingError {
                        code: "money.not_fen",
                        message: format!(
                            "{} of row {row} is not a whole number of fen: {value}",
                            column.name()
                        ),
                        field: format!("{}[{row}]", column.name()),
                        value: value.to_string(),
                        allowed: "an amount with at most two decimal places".to_owned(),
                    };
                    to_py_err(py, &error)
                })
            }),
        )
    }
}

/// Builds an `array.array('q')` of `len` values.
///
/// The values are written straight into one bytes object that the array then copies, so the
/// peak holds two copies of the column, not three.
fn int64_array(
    py: Python<'_>,
    len: usize,
    mut values: impl Iterator<Item = PyResult<i64>>,
) -> PyResult<Bound<'_, PyAny>> {
    let bytes = PyBytes::new_with(py, len * 8, |buffer| {
        for slot in buffer.chunks_exact_mut(8) {
            let value = values.next().ok_or_else(|| {
                PyRuntimeError::new_err("internal error in data_assets: a column is too short")
            })??;
            slot.copy_from_slice(&value.to_ne_bytes());
        }
        Ok(())
    })?;
    let array = py.import("array")?.getattr("array")?.call1(("q",))?;
    array.call_method1("frombytes", (bytes,))?;
    Ok(array)
}

#[pymethods]
impl ScheduleTable {
    /// Counts the rows: one per asset and month.
    fn __len__(&self) -> usize {
        self.row_count()
    }

    /// Returns the row at `index` (negative counts from the end) as an `AmortizationPeriod`.
    fn __getitem__(&self, index: &Bound<'_, PyAny>) -> PyResult<AmortizationPeriod> {
        let row = Self::position(Self::index_arg(index)?, self.row_count(), "row")?;
        // The asset whose rows contain `row` is the last one to begin at or before it.
        let asset = self.first_rows.partition_point(|first| *first <= row) - 1;
        self.schedules
            .get(asset)
            .and_then(|periods| periods.get(row - self.first_rows[asset]))
            .map(|period| AmortizationPeriod(period.clone()))
            .ok_or_else(|| PyIndexError::new_err(format!("row {row} is not in the table")))
    }

    /// Counts the assets, including those whose schedule is empty.
    #[getter]
    fn asset_count(&self) -> usize {
        self.schedules.len()
    }

    /// Returns the schedule of the asset at position `asset` of the input.
    fn periods_of(&self, asset: &Bound<'_, PyAny>) -> PyResult<Vec<AmortizationPeriod>> {
        let asset = Self::position(Self::index_arg(asset)?, self.schedules.len(), "asset")?;
        Ok(wrap_all::<AmortizationPeriod>(
            self.schedules[asset].iter().cloned(),
        ))
    }

    /// Returns one list of periods per asset, as `straight_line_schedules` does.
    fn to_lists(&self) -> Vec<Vec<AmortizationPeriod>> {
        self.schedules
            .iter()
            .map(|periods| wrap_all::<AmortizationPeriod>(periods.iter().cloned()))
            .collect()
    }

    /// Returns the input position of each row's asset, as an `array.array('q')`.
    fn asset_positions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let positions = self
            .schedules
            .iter()
            .enumerate()
            .flat_map(|(asset, periods)| {
                let position = i64::try_from(asset).unwrap_or(i64::MAX);
                periods.iter().map(move |_| Ok(position))
            });
        int64_array(py, self.row_count(), positions)
    }

    /// Returns the first day of each row's month.
    fn periods(&self) -> Vec<NaiveDate> {
        self.rows().map(|period| period.period).collect()
    }

    /// Returns each row's amortization for the month in whole fen, as an `array.array('q')`.
    fn amounts_fen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fen_array(py, AmountColumn::Amount)
    }

    /// Returns each row's accumulated amortization in whole fen, as an `array.array('q')`.
    fn accumulated_fen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fen_array(py, AmountColumn::Accumulated)
    }

    /// Returns each row's carrying amount in whole fen, as an `array.array('q')`.
    fn carrying_amounts_fen<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.fen_array(py, AmountColumn::CarryingAmount)
    }

    /// Sums every row's amortization exactly.
    fn total_amount(&self, py: Python<'_>) -> PyResult<Decimal> {
        let total = Amount::sum(self.rows().map(|period| period.amount)).or_raise(py)?;
        let mut value = total.value();
        // Two places whatever the rows hold, so an empty table sums to 0.00 as well.
        value.rescale(2);
        Ok(value)
    }

    fn __repr__(&self) -> String {
        format!(
            "ScheduleTable({} assets, {} rows)",
            self.schedules.len(),
            self.row_count()
        )
    }
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
    module.add_class::<ScheduleTable>()?;
    module.add_function(wrap_pyfunction!(schedule_table, module)?)?;
    module.add_function(wrap_pyfunction!(schedule, module)?)?;
    module.add_function(wrap_pyfunction!(recompute_schedule, module)?)?;
    module.add_function(wrap_pyfunction!(stop_at_disposal, module)?)?;
    Ok(())
}
