//! Recognition of data resources as assets, with one finding per criterion.

use data_assets_core::entity::EntityKind;
use data_assets_core::recognition as core;
use pyo3::prelude::*;

use crate::errors::{OrRaise, guard};
use crate::value::{extract, policy_arg};

value_type! {
    /// Facts about one data resource that the recognition criteria test.
    RecognitionFacts(core::RecognitionFacts), "recognition.invalid_field"
}

value_type! {
    /// The outcome of recognition with one finding per criterion, each citing its rule.
    Recognition(core::Recognition), "recognition.invalid_field"
}

#[pymethods]
impl RecognitionFacts {
    /// Derives the recognition facts a ledger asset implies, with the facts assumed rather than
    /// read from it, in words, for the accountant to confirm.
    #[staticmethod]
    fn from_asset(py: Python<'_>, asset: &Bound<'_, PyAny>) -> PyResult<(Self, Vec<String>)> {
        guard(py, || {
            let asset = extract::<crate::entity::DataAsset>(asset, "asset")?;
            let derived = core::RecognitionFacts::from_asset(&asset);
            Ok((RecognitionFacts(derived.facts), derived.assumptions))
        })
    }
}

/// Decides whether and how a data resource is recognized, for a unit of `entity_kind` (code or
/// Chinese label) under `policy` (the Guangxi defaults when `None`).
#[pyfunction]
#[pyo3(signature = (facts, entity_kind, policy = None))]
pub fn recognize(
    py: Python<'_>,
    facts: &Bound<'_, PyAny>,
    entity_kind: &str,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Recognition> {
    guard(py, || {
        let facts = extract::<RecognitionFacts>(facts, "facts")?;
        let kind = entity_kind.parse::<EntityKind>().or_raise(py)?;
        let policy = policy_arg(policy)?;
        core::recognize(&facts, kind, &policy)
            .map(Recognition)
            .or_raise(py)
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<RecognitionFacts>()?;
    module.add_class::<Recognition>()?;
    module.add_function(wrap_pyfunction!(recognize, module)?)?;
    Ok(())
}
