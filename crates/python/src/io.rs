//! Files: public data catalogs (CSV) as survey rows.

use std::path::PathBuf;

use data_assets_io::Limits;
use data_assets_io::catalog;
use pyo3::prelude::*;

use crate::errors::{OrRaiseAll, guard};
use crate::survey::DataResource;
use crate::value::wrap_all;

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

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(read_catalog, module)?)?;
    Ok(())
}
