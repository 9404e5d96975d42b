//! The quarterly progress report: its input, the views built from module records, the report
//! and its Markdown form.

use chrono::NaiveDate;
use data_assets_core::report::{self as core, ViolationStatus};
use pyo3::prelude::*;

use crate::authorization::Authorization;
use crate::calendar::{Calendar, with_calendar};
use crate::compliance::Violation;
use crate::convert::code_arg;
use crate::entity::{HistoryRecord, RegisterEntry};
use crate::errors::{OrRaise, guard};
use crate::money::amount_arg;
use crate::registration::RegistrationRecord;
use crate::value::{dict_of, extract};

value_type! {
    /// Everything a progress report is built from: the unit, the period, asset snapshots,
    /// ledger changes, registrations, authorizations, receipts, violations and deadlines.
    ReportInput(core::ReportInput), "report.invalid_field"
}

value_type! {
    /// The progress report (数据资产管理工作进展报告) of one unit for one period.
    ProgressReport(core::ProgressReport), "report.invalid_field"
}

value_type! {
    /// One asset as the report counts it at the period end.
    AssetSnapshot(core::AssetSnapshot), "report.invalid_field"
}

#[pymethods]
impl ProgressReport {
    /// Renders the report as Markdown, with amounts grouped by thousands.
    fn render_markdown(&self) -> String {
        core::render_markdown(&self.0)
    }
}

/// Builds the progress report of `input`.
#[pyfunction]
pub fn build_report(py: Python<'_>, input: &Bound<'_, PyAny>) -> PyResult<ProgressReport> {
    guard(py, || {
        let input = extract::<ReportInput>(input, "input")?;
        core::build_report(&input).map(ProgressReport).or_raise(py)
    })
}

/// Builds the progress report with the deadlines computed from `calendar` (the official one
/// when `None`) on `as_of`, in place of `input.deadlines`.
#[pyfunction]
#[pyo3(signature = (input, as_of, *, calendar = None))]
pub fn build_report_with_calendar(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    as_of: NaiveDate,
    calendar: Option<&Bound<'_, Calendar>>,
) -> PyResult<ProgressReport> {
    guard(py, || {
        let input = extract::<ReportInput>(input, "input")?;
        with_calendar(calendar, |calendar| {
            core::build_report_with_calendar(&input, calendar, as_of)
        })
        .map(ProgressReport)
        .or_raise(py)
    })
}

/// Renders a progress report as Markdown.
#[pyfunction]
pub fn render_markdown(py: Python<'_>, report: &Bound<'_, PyAny>) -> PyResult<String> {
    guard(py, || {
        let report = extract::<ProgressReport>(report, "report")?;
        Ok(core::render_markdown(&report))
    })
}

/// Creates the snapshot of a ledger entry with its book value at the period end and its
/// registration record, if any.
#[pyfunction]
#[pyo3(signature = (entry, book_value, registration = None))]
pub fn asset_snapshot(
    py: Python<'_>,
    entry: &Bound<'_, PyAny>,
    book_value: &Bound<'_, PyAny>,
    registration: Option<&Bound<'_, PyAny>>,
) -> PyResult<AssetSnapshot> {
    guard(py, || {
        let entry = extract::<RegisterEntry>(entry, "entry")?;
        let book_value = amount_arg(book_value, "book_value")?;
        let registration = registration
            .map(|record| extract::<RegistrationRecord>(record, "registration"))
            .transpose()?;
        Ok(AssetSnapshot(core::AssetSnapshot::from_entry(
            &entry,
            book_value,
            registration.as_ref(),
        )))
    })
}

/// Converts ledger history records into the report's ledger changes.
#[pyfunction]
pub fn ledger_changes<'py>(
    py: Python<'py>,
    history: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let history = crate::value::extract_list::<HistoryRecord>(history, "history")?;
        let changes: Vec<core::LedgerChange> =
            history.iter().map(core::LedgerChange::from).collect();
        dict_of(py, &changes)
    })
}

/// Lists the report's registration events of one registration record, oldest first.
#[pyfunction]
pub fn registration_events<'py>(
    py: Python<'py>,
    record: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let record = extract::<RegistrationRecord>(record, "record")?;
        dict_of(py, &core::RegistrationEvent::from_record(&record))
    })
}

/// Converts a grant into the report's authorization view.
#[pyfunction]
pub fn authorization_view<'py>(
    py: Python<'py>,
    grant: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let grant = extract::<Authorization>(grant, "grant")?;
        dict_of(py, &core::AuthorizationView::from(&grant))
    })
}

/// Converts a violation into the report's view with its status (`open` or `closed`).
#[pyfunction]
#[pyo3(signature = (violation, status = "open"))]
pub fn violation_view<'py>(
    py: Python<'py>,
    violation: &Bound<'py, PyAny>,
    status: &str,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let violation = extract::<Violation>(violation, "violation")?;
        let status: ViolationStatus = code_arg(py, status, "status")?;
        dict_of(py, &core::ViolationView::from_violation(&violation, status))
    })
}

/// Converts a split receipt into the report's receipt of asset `asset_id` on `day`.
#[pyfunction]
pub fn receipt_from_split<'py>(
    py: Python<'py>,
    day: NaiveDate,
    asset_id: &str,
    outcome: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let outcome = extract::<crate::revenue::SplitOutcome>(outcome, "outcome")?;
        dict_of(py, &core::Receipt::from_split(day, asset_id, &outcome))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<ReportInput>()?;
    module.add_class::<ProgressReport>()?;
    module.add_class::<AssetSnapshot>()?;
    module.add_function(wrap_pyfunction!(build_report, module)?)?;
    module.add_function(wrap_pyfunction!(build_report_with_calendar, module)?)?;
    module.add_function(wrap_pyfunction!(render_markdown, module)?)?;
    module.add_function(wrap_pyfunction!(asset_snapshot, module)?)?;
    module.add_function(wrap_pyfunction!(ledger_changes, module)?)?;
    module.add_function(wrap_pyfunction!(registration_events, module)?)?;
    module.add_function(wrap_pyfunction!(authorization_view, module)?)?;
    module.add_function(wrap_pyfunction!(violation_view, module)?)?;
    module.add_function(wrap_pyfunction!(receipt_from_split, module)?)?;
    Ok(())
}
