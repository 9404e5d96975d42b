//! Files: public data catalogs (CSV) as survey rows, ledger workbooks and the whole pipeline.

use std::path::PathBuf;

use chrono::NaiveDate;
use data_assets_io::ledger::{self as ledger_io, LedgerFormat};
use data_assets_io::{IoError, Limits, catalog, pipeline};
use pyo3::prelude::*;

use crate::errors::{OrRaise, OrRaiseAll, guard};
use crate::survey::DataResource;
use crate::value::{dict_of, extract, policy_arg, wrap_all};

value_type! {
    /// A unit's ledger: the unit, its data assets, accounting events, authorizations and
    /// receipts, as the five sheets of a ledger workbook hold them.
    Ledger(ledger_io::Ledger), "io.invalid_field"
}

/// Reads a public data catalog CSV (such as the Guilin open data catalog) as survey resources.
///
/// Raises `IoError` listing every bad row in its `errors` attribute.
#[pyfunction]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts arguments as owned values"
)]
pub fn read_catalog(py: Python<'_>, path: PathBuf) -> PyResult<Vec<DataResource>> {
    guard(py, || {
        let resources = py
            .detach(|| catalog::read_catalog(&path, &Limits::default()))
            .or_raise_all(py)?;
        Ok(wrap_all::<DataResource>(resources))
    })
}

/// Reads and checks a ledger: an xlsx workbook, a `.json` file or a directory of CSV files.
///
/// Raises `IoError` (or the module error of the first problem) listing every bad cell and
/// every broken rule in its `errors` attribute.
#[pyfunction]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts arguments as owned values"
)]
pub fn read_ledger(py: Python<'_>, path: PathBuf) -> PyResult<Ledger> {
    guard(py, || {
        py.detach(|| ledger_io::read_ledger(&path, &Limits::default()))
            .map(Ledger)
            .or_raise_all(py)
    })
}

/// Writes a ledger in the form its path names: a directory (which must exist) gets one CSV
/// file per sheet, a `.json` path JSON, and any other path an xlsx workbook.
#[pyfunction]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts arguments as owned values"
)]
pub fn write_ledger(py: Python<'_>, ledger: &Bound<'_, PyAny>, path: PathBuf) -> PyResult<()> {
    guard(py, || {
        let value = extract::<Ledger>(ledger, "ledger")?;
        let write_file = |bytes: &[u8]| {
            std::fs::write(&path, bytes).map_err(|error| IoError::Write {
                field: path.display().to_string(),
                value: error.to_string(),
                allowed: "a writable path whose directory exists".to_owned(),
            })
        };
        let written = py.detach(|| match LedgerFormat::of_path(&path) {
            LedgerFormat::CsvDirectory => ledger_io::write_ledger_csv(&value, &path),
            LedgerFormat::Json => {
                ledger_io::write_ledger_json(&value).and_then(|text| write_file(text.as_bytes()))
            }
            LedgerFormat::Xlsx => {
                ledger_io::write_ledger_xlsx(&value).and_then(|bytes| write_file(&bytes))
            }
        });
        written.or_raise(py)
    })
}

/// Runs the whole pipeline on a ledger file as of `as_of` and returns what the command's
/// `result.json` holds, as a dict with decimals as `Decimal` and dates as `date`.
#[pyfunction]
#[pyo3(signature = (path, as_of, policy = None))]
#[expect(
    clippy::needless_pass_by_value,
    reason = "pyo3 extracts arguments as owned values"
)]
pub fn run_pipeline<'py>(
    py: Python<'py>,
    path: PathBuf,
    as_of: NaiveDate,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let policy = policy_arg(policy)?;
        let result = py.detach(|| {
            let ledger = ledger_io::read_ledger(&path, &Limits::default())?;
            pipeline::run_pipeline(&ledger, as_of, &policy)
        });
        dict_of(py, &result.or_raise_all(py)?)
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Ledger>()?;
    module.add_function(wrap_pyfunction!(read_catalog, module)?)?;
    module.add_function(wrap_pyfunction!(read_ledger, module)?)?;
    module.add_function(wrap_pyfunction!(write_ledger, module)?)?;
    module.add_function(wrap_pyfunction!(run_pipeline, module)?)?;
    Ok(())
}
