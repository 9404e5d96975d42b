//! Valuation by the cost, income and market approaches, pricing and trade records.

use data_assets_core::authorization::Purpose;
use data_assets_core::trading::{pricing, valuation};
use data_assets_core::{Ratio, RoundingRule};
use pyo3::prelude::*;

use crate::convert::{code_arg, decimal_arg};
use crate::entity::problem_dicts;
use crate::errors::{OrRaise, guard};
use crate::money::amount_arg;
use crate::value::extract;

value_type! {
    /// Inputs of the cost approach: cost components, recurring years, the adjustment δ and
    /// the rounding rule.
    CostApproachInput(valuation::CostApproachInput), "trading.invalid_field"
}

value_type! {
    /// Inputs of the income approach: forecast incomes, discount rate and periods.
    IncomeApproachInput(valuation::IncomeApproachInput), "trading.invalid_field"
}

value_type! {
    /// Inputs of the market approach: comparable trades and their adjustments.
    MarketApproachInput(valuation::MarketApproachInput), "trading.invalid_field"
}

value_type! {
    /// A valuation by one of the three approaches, tagged by `approach`, with its working.
    Valuation(valuation::Valuation), "trading.invalid_field"
}

value_type! {
    /// A price in CNY with the basis on which it was formed.
    Price(pricing::Price), "trading.invalid_field"
}

value_type! {
    /// A trade of rights in a data asset.
    TradeRecord(pricing::TradeRecord), "trading.invalid_field"
}

/// Values an asset by the cost approach (成本法): the cost to rebuild it times δ.
#[pyfunction]
pub fn cost_approach(py: Python<'_>, input: &Bound<'_, PyAny>) -> PyResult<Valuation> {
    guard(py, || {
        let input = extract::<CostApproachInput>(input, "input")?;
        let result = valuation::cost_approach(&input).or_raise(py)?;
        Ok(Valuation(valuation::Valuation::Cost(result)))
    })
}

/// Values an asset by the income approach (收益法): discounted forecast incomes.
#[pyfunction]
pub fn income_approach(py: Python<'_>, input: &Bound<'_, PyAny>) -> PyResult<Valuation> {
    guard(py, || {
        let input = extract::<IncomeApproachInput>(input, "input")?;
        let result = valuation::income_approach(&input).or_raise(py)?;
        Ok(Valuation(valuation::Valuation::Income(result)))
    })
}

/// Values an asset by the market approach (市场法): adjusted prices of comparable trades.
#[pyfunction]
pub fn market_approach(py: Python<'_>, input: &Bound<'_, PyAny>) -> PyResult<Valuation> {
    guard(py, || {
        let input = extract::<MarketApproachInput>(input, "input")?;
        let result = valuation::market_approach(&input).or_raise(py)?;
        Ok(Valuation(valuation::Valuation::Market(result)))
    })
}

#[pymethods]
impl Valuation {
    /// Returns the rounded value.
    fn value(&self) -> rust_decimal::Decimal {
        self.0.value().value()
    }

    /// Returns the approach code: `cost`, `income` or `market`.
    fn approach_code(&self) -> &'static str {
        self.0.approach_code()
    }
}

/// Prices a trade by agreement between the parties (协议定价).
#[pyfunction]
pub fn price_by_agreement(py: Python<'_>, amount: &Bound<'_, PyAny>) -> PyResult<Price> {
    guard(py, || {
        let amount = amount_arg(amount, "amount")?;
        pricing::Price::by_agreement(amount).map(Price).or_raise(py)
    })
}

/// Prices a trade as `price_ratio` times a valuation, rounded with the named rule.
#[pyfunction]
#[pyo3(signature = (valuation, price_ratio, rounding = "half_up"))]
pub fn price_by_valuation(
    py: Python<'_>,
    valuation: &Bound<'_, PyAny>,
    price_ratio: &Bound<'_, PyAny>,
    rounding: &str,
) -> PyResult<Price> {
    guard(py, || {
        let valuation = extract::<Valuation>(valuation, "valuation")?;
        let ratio = Ratio::new(decimal_arg(price_ratio, "price_ratio")?).or_raise(py)?;
        let rounding: RoundingRule = code_arg(py, rounding, "rounding")?;
        pricing::Price::by_valuation(&valuation, ratio, rounding)
            .map(Price)
            .or_raise(py)
    })
}

/// Prices the use of public data: free for a free purpose, otherwise `fee` up to `fee_cap`.
#[pyfunction]
pub fn public_data_fee(
    py: Python<'_>,
    purpose: &str,
    fee: &Bound<'_, PyAny>,
    fee_cap: &Bound<'_, PyAny>,
) -> PyResult<Price> {
    guard(py, || {
        let purpose = purpose.parse::<Purpose>().or_raise(py)?;
        let fee = amount_arg(fee, "fee")?;
        let fee_cap = amount_arg(fee_cap, "fee_cap")?;
        pricing::Price::public_data_fee(purpose, fee, fee_cap)
            .map(Price)
            .or_raise(py)
    })
}

#[pymethods]
impl TradeRecord {
    /// Checks the record, raising `TradingError` for the first problem.
    fn validate(&self, py: Python<'_>) -> PyResult<()> {
        guard(py, || {
            let problems = self.0.validate().err().unwrap_or_default();
            match problems.into_iter().next() {
                Some(first) => Err(first).or_raise(py),
                None => Ok(()),
            }
        })
    }

    /// Lists every problem of the record as dicts (`code`, `field`, `value`, `allowed`, `message`).
    fn problems<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, pyo3::types::PyDict>>> {
        guard(py, || {
            problem_dicts(py, &self.0.validate().err().unwrap_or_default())
        })
    }
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<CostApproachInput>()?;
    module.add_class::<IncomeApproachInput>()?;
    module.add_class::<MarketApproachInput>()?;
    module.add_class::<Valuation>()?;
    module.add_class::<Price>()?;
    module.add_class::<TradeRecord>()?;
    module.add_function(wrap_pyfunction!(cost_approach, module)?)?;
    module.add_function(wrap_pyfunction!(income_approach, module)?)?;
    module.add_function(wrap_pyfunction!(market_approach, module)?)?;
    module.add_function(wrap_pyfunction!(price_by_agreement, module)?)?;
    module.add_function(wrap_pyfunction!(price_by_valuation, module)?)?;
    module.add_function(wrap_pyfunction!(public_data_fee, module)?)?;
    Ok(())
}
