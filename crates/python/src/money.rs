//! Money: exact allocation, named rounding and amount parsing.

use data_assets_core::ErrorDetail;
use data_assets_core::money::{self, Amount, MoneyError, RoundingRule};
use pyo3::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

use crate::convert::{decimal_arg, decimal_item, decimal_list_arg, text_arg};
use crate::errors::{BindingError, OrRaise, guard, to_py_err};
use crate::value::schema_of;

/// Takes an amount argument: a `Decimal` or an `int` that fits the core's `Amount`.
pub fn amount_arg(value: &Bound<'_, PyAny>, field: &str) -> PyResult<Amount> {
    let decimal = decimal_arg(value, field)?;
    checked_amount(value.py(), decimal, || field.to_owned())
}

/// Takes item `index` of the list argument `field` as an amount, like [`amount_arg`], naming it
/// `field[index]` in an error.
pub fn amount_item(value: &Bound<'_, PyAny>, field: &str, index: usize) -> PyResult<Amount> {
    let decimal = decimal_item(value, field, index)?;
    checked_amount(value.py(), decimal, || format!("{field}[{index}]"))
}

/// Converts `decimal` to an amount, or raises `money.overflow` naming the field `field()`.
fn checked_amount(
    py: Python<'_>,
    decimal: Decimal,
    field: impl FnOnce() -> String,
) -> PyResult<Amount> {
    Amount::new(decimal)
        .map_err(|_| MoneyError::Overflow {
            field: field(),
            value: decimal.to_string(),
        })
        .or_raise(py)
}

/// Splits `total` over `weights` exactly to the fen by the largest-remainder method.
#[pyfunction]
pub fn allocate(
    py: Python<'_>,
    total: &Bound<'_, PyAny>,
    weights: &Bound<'_, PyAny>,
) -> PyResult<Vec<Decimal>> {
    guard(py, || {
        let total = amount_arg(total, "total")?;
        let weights = decimal_list_arg(weights, "weights")?;
        let shares = money::allocate(total, &weights).or_raise(py)?;
        Ok(shares.into_iter().map(Amount::value).collect())
    })
}

/// Splits each of `totals` over the same `weights`, naming a failing row `totals[i]`.
#[pyfunction]
pub fn allocate_many(
    py: Python<'_>,
    totals: &Bound<'_, PyAny>,
    weights: &Bound<'_, PyAny>,
) -> PyResult<Vec<Vec<Decimal>>> {
    guard(py, || {
        let weights = decimal_list_arg(weights, "weights")?;
        let totals: Vec<Amount> = totals
            .try_iter()?
            .enumerate()
            .map(|(index, total)| amount_arg(&total?, &format!("totals[{index}]")))
            .collect::<PyResult<_>>()?;

        // The split itself runs without the interpreter lock, so other threads keep running.
        let rows = py.detach(|| {
            totals
                .iter()
                .enumerate()
                .map(|(index, total)| {
                    money::allocate(*total, &weights)
                        .map(|shares| shares.into_iter().map(Amount::value).collect())
                        .map_err(|error| (index, error))
                })
                .collect::<Result<Vec<Vec<Decimal>>, _>>()
        });
        rows.map_err(|(index, error)| {
            let exception = to_py_err(py, &error);
            if error.field() == "total" {
                let row = format!("totals[{index}]");
                if let Err(failure) = exception.value(py).setattr("field", row) {
                    return failure;
                }
            }
            exception
        })
    })
}

fn rounding_rule(py: Python<'_>, code: &str) -> PyResult<RoundingRule> {
    serde_json::from_value(Value::String(code.to_owned())).map_err(|_| {
        let error = BindingError {
            code: "money.unknown_rounding_rule",
            message: format!("unknown rounding rule {code:?}"),
            field: "rule".to_owned(),
            value: code.to_owned(),
            allowed: rounding_rule_codes().join(", "),
        };
        to_py_err(py, &error)
    })
}

/// Codes of the named rounding rules, read from the rule's serde schema.
fn rounding_rule_codes() -> Vec<String> {
    let schema = schema_of::<RoundingRule>();
    let listed = schema
        .get("enum")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let alternatives = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let constants = alternatives
        .iter()
        .filter_map(|branch| branch.get("const").cloned());
    listed
        .into_iter()
        .chain(constants)
        .filter_map(|code| code.as_str().map(str::to_owned))
        .collect()
}

/// Lists the codes of the named rounding rules, the default `half_up` (四舍五入) first.
#[pyfunction]
pub fn rounding_rules() -> Vec<String> {
    rounding_rule_codes()
}

/// Rounds `value` to `scale` decimal places with the named rule.
#[pyfunction]
#[pyo3(signature = (value, rule = "half_up", scale = 2))]
pub fn round_decimal(
    py: Python<'_>,
    value: &Bound<'_, PyAny>,
    rule: &str,
    scale: u32,
) -> PyResult<Decimal> {
    guard(py, || {
        let value = decimal_arg(value, "value")?;
        Ok(rounding_rule(py, rule)?.round(value, scale))
    })
}

/// Parses an amount written as text, such as `"1,234.56"`, naming `field` in any error.
#[pyfunction]
#[pyo3(signature = (text, field = "amount"))]
pub fn parse_amount(py: Python<'_>, text: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    guard(py, || {
        let text = text_arg(text, field)?;
        Amount::parse_field(&text, field)
            .map(Amount::value)
            .or_raise(py)
    })
}
