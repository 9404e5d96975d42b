//! Risk rules over the ledger, authorizations, trades, financings and receipts.

use data_assets_core::compliance as core;
use data_assets_core::entity::EntityKind;
use pyo3::prelude::*;

use crate::errors::{OrRaise, guard};
use crate::value::{dict_of, extract, extract_list, policy_arg, wrap_all};

value_type! {
    /// The input of the risk rules: units, ledger entries, authorizations, trades, financings,
    /// payment obligations and licence receipts, each as a small view.
    ComplianceInput(core::ComplianceInput), "compliance.invalid_field"
}

value_type! {
    /// The risk view of one ledger asset.
    LedgerEntryView(core::LedgerEntryView), "compliance.invalid_field"
}

value_type! {
    /// One broken risk rule: rule code, severity, citation, subject and message.
    Violation(core::Violation), "compliance.invalid_field"
}

/// Runs every risk rule over `input` under `policy` (the Guangxi defaults when `None`).
#[pyfunction]
#[pyo3(signature = (input, policy = None))]
pub fn check(
    py: Python<'_>,
    input: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Violation>> {
    guard(py, || {
        let input = extract::<ComplianceInput>(input, "input")?;
        let policy = policy_arg(policy)?;
        Ok(wrap_all::<Violation>(
            core::check(&input, &policy).or_raise(py)?,
        ))
    })
}

/// Tells whether any violation blocks the operation.
#[pyfunction]
pub fn has_block(py: Python<'_>, violations: &Bound<'_, PyAny>) -> PyResult<bool> {
    guard(py, || {
        let violations = extract_list::<Violation>(violations, "violations")?;
        Ok(core::has_block(&violations))
    })
}

/// Builds the risk view of a ledger asset held by a unit of `holder_kind`.
#[pyfunction]
pub fn ledger_entry_view(
    py: Python<'_>,
    asset: &Bound<'_, PyAny>,
    holder_kind: &str,
    security_assessment_done: bool,
) -> PyResult<LedgerEntryView> {
    guard(py, || {
        let asset = extract::<crate::entity::DataAsset>(asset, "asset")?;
        let kind = holder_kind.parse::<EntityKind>().or_raise(py)?;
        Ok(LedgerEntryView(core::LedgerEntryView::from_asset(
            &asset,
            kind,
            security_assessment_done,
        )))
    })
}

/// Converts a grant into the risk rules' view of it.
#[pyfunction]
pub fn authorization_risk_view<'py>(
    py: Python<'py>,
    grant: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let grant = extract::<crate::authorization::Authorization>(grant, "grant")?;
        dict_of(py, &core::AuthorizationView::from(&grant))
    })
}

/// Converts a trade record into the risk rules' view of it.
#[pyfunction]
pub fn trade_view<'py>(py: Python<'py>, trade: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let trade = extract::<crate::trading::TradeRecord>(trade, "trade")?;
        dict_of(py, &core::TradeView::from(&trade))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<ComplianceInput>()?;
    module.add_class::<LedgerEntryView>()?;
    module.add_class::<Violation>()?;
    module.add_function(wrap_pyfunction!(check, module)?)?;
    module.add_function(wrap_pyfunction!(has_block, module)?)?;
    module.add_function(wrap_pyfunction!(ledger_entry_view, module)?)?;
    module.add_function(wrap_pyfunction!(authorization_risk_view, module)?)?;
    module.add_function(wrap_pyfunction!(trade_view, module)?)?;
    Ok(())
}
