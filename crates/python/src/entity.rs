//! Entities with their unified social credit codes, data assets and the ledger (台账).

use chrono::NaiveDate;
use data_assets_core::ErrorDetail;
use data_assets_core::asset::{BookingStatus, DataCategory};
use data_assets_core::entity as core_entity;
use data_assets_core::register as core_register;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::{OrRaise, guard};
use crate::value::{dict_of, extract, wrap_all};

value_type! {
    /// A reporting unit: credit code, name, kind and administrative division code.
    Entity(core_entity::Entity), "entity.invalid_field"
}

value_type! {
    /// A data asset as the ledger records it (数据资产台账 fields).
    DataAsset(data_assets_core::asset::DataAsset), "asset.invalid_field"
}

value_type! {
    /// The author, time (a naive local date-time) and reason of a ledger change.
    ChangeMeta(core_register::ChangeMeta), "register.invalid_field"
}

value_type! {
    /// One ledger entry: the asset as last recorded and its disposal date, if any.
    RegisterEntry(core_register::RegisterEntry), "register.invalid_field"
}

value_type! {
    /// One append-only, hash-chained record of the ledger history.
    HistoryRecord(core_register::HistoryRecord), "register.invalid_field"
}

/// Tells whether `code` is a valid unified social credit code (GB 32100-2015).
#[pyfunction]
pub fn is_valid_uscc(code: &str) -> bool {
    core_entity::is_valid_uscc(code)
}

/// Checks a unified social credit code and returns it, raising `EntityError` with the reason.
#[pyfunction]
pub fn validate_uscc(py: Python<'_>, code: &str) -> PyResult<String> {
    guard(py, || {
        core_entity::validate_uscc(code)
            .map(|uscc| uscc.as_str().to_owned())
            .or_raise(py)
    })
}

/// Lists every problem of a set of core errors as dicts with `code`, `field`, `value`,
/// `allowed` and `message`.
pub fn problem_dicts<'py, E: ErrorDetail>(
    py: Python<'py>,
    problems: &[E],
) -> PyResult<Vec<Bound<'py, PyDict>>> {
    problems
        .iter()
        .map(|problem| {
            let dict = PyDict::new(py);
            dict.set_item("code", problem.code())?;
            dict.set_item("field", problem.field())?;
            dict.set_item("value", problem.value())?;
            dict.set_item("allowed", problem.allowed())?;
            dict.set_item("message", problem.to_string())?;
            Ok(dict)
        })
        .collect()
}

#[pymethods]
impl Entity {
    /// Checks the credit code against the kind and the region, raising `EntityError`.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || self.0.validate().or_raise(py))
    }
}

#[pymethods]
impl DataAsset {
    /// Returns a complete, valid example asset.
    #[staticmethod]
    fn example() -> Self {
        DataAsset(data_assets_core::asset::DataAsset::example())
    }

    /// Checks every field, raising `AssetError` for the first problem.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || self.0.validate().or_raise(py))
    }

    /// Lists every problem of the asset as dicts (`code`, `field`, `value`, `allowed`, `message`).
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || problem_dicts(py, &self.0.problems()))
    }
}

state_type! {
    /// The data asset ledger (数据资产台账): add, change and dispose of assets with an
    /// append-only, hash-chained history.
    Register(core_register::Register), "register.invalid_field"
}

/// Builds a pandas DataFrame of `records` with nested dicts flattened to `a.b` columns.
pub fn frame<'py>(py: Python<'py>, records: Vec<Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    let pandas = py.import("pandas")?;
    let list = PyList::new(py, records)?;
    let frame = pandas.call_method1("json_normalize", (list,))?;
    frame.call_method1("astype", ("object",))
}

fn meta_arg(meta: &Bound<'_, PyAny>) -> PyResult<core_register::ChangeMeta> {
    extract::<ChangeMeta>(meta, "meta")
}

#[pymethods]
impl Register {
    #[new]
    fn new() -> Self {
        Register(core_register::Register::new())
    }

    /// Adds a new asset.
    fn add(
        &mut self,
        py: Python<'_>,
        asset: &Bound<'_, PyAny>,
        meta: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        guard(py, || {
            let asset = extract::<DataAsset>(asset, "asset")?;
            let meta = meta_arg(meta)?;
            self.0.add(asset, meta).or_raise(py)
        })
    }

    /// Replaces the record of asset `id`.
    fn change(
        &mut self,
        py: Python<'_>,
        id: &str,
        asset: &Bound<'_, PyAny>,
        meta: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        guard(py, || {
            let asset = extract::<DataAsset>(asset, "asset")?;
            let meta = meta_arg(meta)?;
            self.0.change(id, asset, meta).or_raise(py)
        })
    }

    /// Disposes of asset `id` on `date`.
    fn dispose(
        &mut self,
        py: Python<'_>,
        id: &str,
        date: NaiveDate,
        meta: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        guard(py, || {
            let meta = meta_arg(meta)?;
            self.0.dispose(id, date, meta).or_raise(py)
        })
    }

    /// Returns asset `id` as last recorded, or `None`.
    fn get(&self, id: &str) -> Option<DataAsset> {
        self.0.get(id).cloned().map(DataAsset)
    }

    /// Returns the entry of asset `id` (with its disposal date), or `None`.
    fn entry(&self, id: &str) -> Option<RegisterEntry> {
        self.0.entry(id).cloned().map(RegisterEntry)
    }

    /// Lists every entry, disposed ones included, in id order.
    fn entries(&self) -> Vec<RegisterEntry> {
        wrap_all::<RegisterEntry>(self.0.iter().cloned())
    }

    /// Lists the assets not disposed of.
    fn active(&self) -> Vec<DataAsset> {
        wrap_all::<DataAsset>(self.0.active().cloned())
    }

    /// Lists the active assets held by the unit with credit code `uscc`.
    fn by_holder(&self, py: Python<'_>, uscc: &str) -> PyResult<Vec<DataAsset>> {
        guard(py, || {
            let uscc = core_entity::validate_uscc(uscc).or_raise(py)?;
            Ok(wrap_all::<DataAsset>(
                self.0.by_holder(&uscc).into_iter().cloned(),
            ))
        })
    }

    /// Lists the active assets with a booking status, given by code or Chinese label.
    fn by_booking_status(&self, py: Python<'_>, status: &str) -> PyResult<Vec<DataAsset>> {
        guard(py, || {
            let status = status.parse::<BookingStatus>().or_raise(py)?;
            Ok(wrap_all::<DataAsset>(
                self.0.by_booking_status(status).into_iter().cloned(),
            ))
        })
    }

    /// Lists the active assets of a category, given by code or Chinese label.
    fn by_category(&self, py: Python<'_>, category: &str) -> PyResult<Vec<DataAsset>> {
        guard(py, || {
            let category = category.parse::<DataCategory>().or_raise(py)?;
            Ok(wrap_all::<DataAsset>(
                self.0.by_category(category).into_iter().cloned(),
            ))
        })
    }

    /// Lists the history records, oldest first.
    fn history(&self) -> Vec<HistoryRecord> {
        wrap_all::<HistoryRecord>(self.0.history().iter().cloned())
    }

    /// Returns the sequence number and hash of the last history record.
    fn head(&self) -> (u64, String) {
        let (seq, hash) = self.0.head();
        (seq, hash.to_owned())
    }

    /// Checks the hash chain and that replaying the history gives the current ledger.
    fn verify(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || self.0.verify().or_raise(py))
    }

    /// Returns a DataFrame with one row per entry (asset fields flattened, plus
    /// `disposal_date`); decimals and dates stay exact in `object` columns. Requires pandas.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let rows = self
                .0
                .iter()
                .map(|entry| {
                    let row = dict_of(py, &entry.asset)?;
                    row.set_item("disposal_date", entry.disposal_date)?;
                    Ok(row)
                })
                .collect::<PyResult<Vec<_>>>()?;
            frame(py, rows)
        })
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        let (seq, _) = self.0.head();
        format!("Register(assets={}, history={seq})", self.0.len())
    }
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Entity>()?;
    module.add_class::<DataAsset>()?;
    module.add_class::<ChangeMeta>()?;
    module.add_class::<RegisterEntry>()?;
    module.add_class::<HistoryRecord>()?;
    module.add_class::<Register>()?;
    module.add_function(wrap_pyfunction!(is_valid_uscc, module)?)?;
    module.add_function(wrap_pyfunction!(validate_uscc, module)?)?;
    Ok(())
}
