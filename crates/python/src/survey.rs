//! The data resource survey (资源盘点): assessments, readiness and the summary.

use chrono::NaiveDate;
use data_assets_core::survey as core;
use pyo3::prelude::*;

use crate::errors::{OrRaise, guard};
use crate::value::{extract, wrap_all};

value_type! {
    /// One data resource found by the survey, such as a row of a public data catalog.
    DataResource(core::DataResource), "survey.invalid_field"
}

value_type! {
    /// The survey: information systems and data resources found.
    Survey(core::Survey), "survey.invalid_field"
}

value_type! {
    /// Quality flags and scores of one resource on an as-of date.
    Assessment(core::Assessment), "survey.invalid_field"
}

value_type! {
    /// The items a resource still lacks before it can enter the ledger.
    Readiness(core::Readiness), "survey.invalid_field"
}

value_type! {
    /// Counts of the survey by department, format, openness and quality.
    SurveySummary(core::SurveySummary), "survey.invalid_field"
}

/// Assesses the quality of one resource on `as_of`.
#[pyfunction]
pub fn assess(
    py: Python<'_>,
    resource: &Bound<'_, PyAny>,
    as_of: NaiveDate,
) -> PyResult<Assessment> {
    guard(py, || {
        let resource = extract::<DataResource>(resource, "resource")?;
        Ok(Assessment(core::assess(&resource, as_of)))
    })
}

/// Tells what a resource still lacks before it can enter the ledger.
#[pyfunction]
pub fn readiness(py: Python<'_>, resource: &Bound<'_, PyAny>) -> PyResult<Readiness> {
    guard(py, || {
        let resource = extract::<DataResource>(resource, "resource")?;
        Ok(Readiness(core::readiness(&resource)))
    })
}

/// Summarizes a survey on `as_of`, returning the summary and one assessment per resource.
///
/// `survey` is a `Survey`, its dict, or a list of `DataResource` (a survey with no systems).
#[pyfunction]
pub fn summarize(
    py: Python<'_>,
    survey: &Bound<'_, PyAny>,
    as_of: NaiveDate,
) -> PyResult<(SurveySummary, Vec<Assessment>)> {
    guard(py, || {
        let survey = if survey.is_instance_of::<pyo3::types::PyList>() {
            core::Survey {
                systems: Vec::new(),
                resources: crate::value::extract_list::<DataResource>(survey, "survey")?,
            }
        } else {
            extract::<Survey>(survey, "survey")?
        };
        let (summary, assessments) = core::summarize(&survey, as_of).or_raise(py)?;
        Ok((SurveySummary(summary), wrap_all::<Assessment>(assessments)))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<DataResource>()?;
    module.add_class::<Survey>()?;
    module.add_class::<Assessment>()?;
    module.add_class::<Readiness>()?;
    module.add_class::<SurveySummary>()?;
    module.add_function(wrap_pyfunction!(assess, module)?)?;
    module.add_function(wrap_pyfunction!(readiness, module)?)?;
    module.add_function(wrap_pyfunction!(summarize, module)?)?;
    Ok(())
}
