//! Revenue: VAT separation, splits of a licence receipt between parties and their routing.

use chrono::NaiveDate;
use data_assets_core::Ratio;
use data_assets_core::entity::EntityKind;
use data_assets_core::revenue::{self as core, VatStatus};
use pyo3::prelude::*;

use crate::accounting::Voucher;
use crate::convert::decimal_arg;
use crate::errors::{OrRaise, guard, to_py_err};
use crate::money::amount_arg;
use crate::value::{extract, policy_arg, prefix_field};

value_type! {
    /// A gross receipt separated into the net amount and the VAT at a rate.
    VatSplit(core::VatSplit), "revenue.invalid_field"
}

value_type! {
    /// The rule that splits a receipt: agreed ratios (`{"kind": "agreement", "parties": [...]}`) or
    /// by investment and contribution.
    SplitRule(core::SplitRule), "revenue.invalid_field"
}

value_type! {
    /// A split receipt: its VAT separation and each party's share with its routing.
    SplitOutcome(core::SplitOutcome), "revenue.invalid_field"
}

fn ratio_arg(value: &Bound<'_, PyAny>, field: &str) -> PyResult<Ratio> {
    let decimal = decimal_arg(value, field)?;
    Ratio::new(decimal).or_raise(value.py())
}

/// Returns the VAT rate of a taxpayer status (`general`, `small_scale` or `not_taxpayer`, or the
/// Chinese label) on `day` under `policy`.
#[pyfunction]
#[pyo3(signature = (status, day, policy = None))]
pub fn vat_rate(
    py: Python<'_>,
    status: &str,
    day: NaiveDate,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<rust_decimal::Decimal> {
    guard(py, || {
        let status = status.parse::<VatStatus>().or_raise(py)?;
        let policy = policy_arg(policy)?;
        Ok(core::vat_rate(status, day, &policy).value())
    })
}

/// Separates a VAT-inclusive receipt into the net amount and the VAT at `rate`.
#[pyfunction]
#[pyo3(signature = (gross, rate, policy = None))]
pub fn separate_vat(
    py: Python<'_>,
    gross: &Bound<'_, PyAny>,
    rate: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<VatSplit> {
    guard(py, || {
        let gross = amount_arg(gross, "gross")?;
        let rate = ratio_arg(rate, "rate")?;
        let policy = policy_arg(policy)?;
        core::separate_vat(gross, rate, &policy)
            .map(VatSplit)
            .or_raise(py)
    })
}

/// Splits a receipt of `gross` (VAT included at `rate`) between the parties of `rule`.
#[pyfunction]
#[pyo3(signature = (gross, rate, rule, policy = None))]
pub fn split_receipt(
    py: Python<'_>,
    gross: &Bound<'_, PyAny>,
    rate: &Bound<'_, PyAny>,
    rule: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<SplitOutcome> {
    guard(py, || {
        let gross = amount_arg(gross, "gross")?;
        let rate = ratio_arg(rate, "rate")?;
        let rule = extract::<SplitRule>(rule, "rule")?;
        let policy = policy_arg(policy)?;
        core::split_receipt(gross, rate, &rule, &policy)
            .map(SplitOutcome)
            .or_raise(py)
    })
}

/// Splits each receipt of `grosses` with the same rate and rule, naming a failing row
/// `rows[i]`.
#[pyfunction]
#[pyo3(signature = (grosses, rate, rule, policy = None))]
pub fn split_receipts(
    py: Python<'_>,
    grosses: &Bound<'_, PyAny>,
    rate: &Bound<'_, PyAny>,
    rule: &Bound<'_, PyAny>,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<SplitOutcome>> {
    guard(py, || {
        let grosses = crate::convert::iter_items(grosses)?
            .iter()
            .enumerate()
            .map(|(index, gross)| amount_arg(gross, &format!("grosses[{index}]")))
            .collect::<PyResult<Vec<_>>>()?;
        let rate = ratio_arg(rate, "rate")?;
        let rule = extract::<SplitRule>(rule, "rule")?;
        let policy = policy_arg(policy)?;
        let outcomes = py.detach(|| {
            grosses
                .iter()
                .enumerate()
                .map(|(index, gross)| {
                    core::split_receipt(*gross, rate, &rule, &policy)
                        .map_err(|error| (index, error))
                })
                .collect::<Result<Vec<_>, _>>()
        });
        outcomes
            .map(|outcomes| outcomes.into_iter().map(SplitOutcome).collect())
            .map_err(|(index, error)| {
                prefix_field(py, to_py_err(py, &error), &format!("rows[{index}]"))
            })
    })
}

/// Books each share of a split as the receiving party's licence-fee voucher dated `day`, with
/// ids `{id_prefix}:{party name}`. When the receipt carries VAT, `invoicing_party` names the
/// party that books the output VAT and `invoicing_vat` its VAT status.
#[pyfunction]
#[pyo3(signature = (
    outcome, day, asset_id, id_prefix, invoicing_party = None, invoicing_vat = "general",
    policy = None
))]
#[expect(
    clippy::too_many_arguments,
    reason = "mirrors the core function and its optional party"
)]
pub fn split_vouchers(
    py: Python<'_>,
    outcome: &Bound<'_, PyAny>,
    day: NaiveDate,
    asset_id: &str,
    id_prefix: &str,
    invoicing_party: Option<&str>,
    invoicing_vat: &str,
    policy: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<(String, Voucher)>> {
    guard(py, || {
        let outcome = extract::<SplitOutcome>(outcome, "outcome")?;
        let vat = invoicing_vat.parse::<VatStatus>().or_raise(py)?;
        let invoicing = invoicing_party.map(|name| core::InvoicingParty { name, vat });
        let policy = policy_arg(policy)?;
        let vouchers = core::split_vouchers(&outcome, day, asset_id, id_prefix, invoicing, &policy)
            .or_raise(py)?;
        Ok(vouchers
            .into_iter()
            .map(|(party, voucher)| (party, Voucher(voucher)))
            .collect())
    })
}

/// Returns where a share received by a unit of `entity_kind` goes, such as `remit_to_treasury`.
#[pyfunction]
#[pyo3(signature = (entity_kind, policy = None))]
pub fn routing_for<'py>(
    py: Python<'py>,
    entity_kind: &str,
    policy: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let kind = entity_kind.parse::<EntityKind>().or_raise(py)?;
        let policy = policy_arg(policy)?;
        crate::value::dict_of(py, &core::routing_for(kind, &policy))
    })
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<VatSplit>()?;
    module.add_class::<SplitRule>()?;
    module.add_class::<SplitOutcome>()?;
    module.add_function(wrap_pyfunction!(vat_rate, module)?)?;
    module.add_function(wrap_pyfunction!(separate_vat, module)?)?;
    module.add_function(wrap_pyfunction!(split_receipt, module)?)?;
    module.add_function(wrap_pyfunction!(split_receipts, module)?)?;
    module.add_function(wrap_pyfunction!(split_vouchers, module)?)?;
    module.add_function(wrap_pyfunction!(routing_for, module)?)?;
    Ok(())
}
