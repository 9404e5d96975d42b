//! Python bindings of data-assets: the `data_assets._native` extension module.
//!
//! This crate converts and maps errors only; every rule lives in `data-assets-core`. Money
//! crosses as `decimal.Decimal` and dates as `datetime.date`; core errors become
//! `data_assets.DataAssetError` subclasses carrying `code`, `field`, `value` and `allowed`.
//!
//! Exposing a core feature takes three steps. A serde type becomes a frozen class with one
//! `value_type!` invocation and one `add_class` call below. A function is a `#[pyfunction]` whose
//! body runs inside `errors::guard` and ends in `.or_raise(py)`, taking money through
//! `convert::decimal_arg`. Each new name then goes into `_native.pyi` and `__init__.pyi`, which
//! stubtest checks against the built module.

// `value` comes first so that `value_type!` is in scope in every module declared after it.
#[macro_use]
mod value;
mod accounting;
mod amortization;
mod authorization;
mod calendar;
mod compliance;
mod convert;
mod entity;
mod errors;
mod io;
mod money;
mod recognition;
mod registration;
mod report;
mod revenue;
mod survey;
mod trading;
mod vocab;

use pyo3::prelude::*;

/// Registers the classes and functions of the extension module that `data_assets` imports.
#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    errors::register(module)?;
    module.add_class::<value::Policy>()?;
    module.add_function(wrap_pyfunction!(money::allocate, module)?)?;
    module.add_function(wrap_pyfunction!(money::allocate_many, module)?)?;
    module.add_function(wrap_pyfunction!(money::round_decimal, module)?)?;
    module.add_function(wrap_pyfunction!(money::rounding_rules, module)?)?;
    module.add_function(wrap_pyfunction!(money::parse_amount, module)?)?;
    module.add_function(wrap_pyfunction!(vocab::vocabulary_names, module)?)?;
    module.add_function(wrap_pyfunction!(vocab::vocabulary, module)?)?;
    module.add_function(wrap_pyfunction!(vocab::parse_term, module)?)?;
    amortization::register(module)?;
    calendar::register(module)?;
    entity::register(module)?;
    recognition::register(module)?;
    survey::register(module)?;
    trading::register(module)?;
    compliance::register(module)?;
    accounting::register(module)?;
    io::register(module)?;
    registration::register(module)?;
    authorization::register(module)?;
    revenue::register(module)?;
    report::register(module)?;
    Ok(())
}
