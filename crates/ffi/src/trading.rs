//! Valuation of data assets by the cost, income and market approaches (资产评估专家指引第9号 —
//! 数据资产评估; 数据资产评估指导意见 中评协〔2023〕17号).

use data_assets_core::money::{Amount, Ratio, RoundingRule};
use data_assets_core::trading::valuation::{
    self, AdjustmentBasis, Comparable, CostComponent, CostKind, CostRecurrence, CostSubtotal,
    IncomeApproachInput, IncomeForecast, MarketApproachInput, MarketApproachResult,
};
use rust_decimal::Decimal;

use crate::error::{ConversionError, DataAssetsError};
use crate::vocab::vocabulary;

vocabulary! {
    /// Kind of a cost of the cost approach.
    CostKind {
        /// 前期费用.
        Preliminary,
        /// 直接成本.
        Direct,
        /// 间接成本.
        Indirect,
        /// 机会成本.
        Opportunity,
        /// 相关税费.
        RelatedTaxes,
    }
    code: cost_kind_code,
    label: cost_kind_label_zh,
    parse: parse_cost_kind,
}

/// Whether a cost is paid once or every year.
#[uniffi::remote(Enum)]
pub enum CostRecurrence {
    /// Paid once.
    OneOff,
    /// Paid every year, for the input's number of recurring years.
    PerYear,
}

/// One cost of the cost approach.
#[uniffi::remote(Record)]
pub struct CostComponent {
    /// Kind of cost.
    pub kind: CostKind,
    /// Description of the cost.
    pub description: String,
    /// Amount (per year for a recurring cost).
    pub amount: Amount,
    /// Once or every year.
    pub recurrence: CostRecurrence,
}

/// How the replacement cost is adjusted to a value (贬值因素 or 价值调整系数).
#[uniffi::remote(Enum)]
pub enum AdjustmentBasis {
    /// A given factor from 0 to 1.
    Factor {
        /// The factor.
        factor: Ratio,
    },
    /// The data-quality score from 0 to 1.
    Quality {
        /// The score.
        quality_score: Ratio,
    },
    /// Remaining over total economic life.
    RemainingLife {
        /// Remaining life in years.
        remaining_life_years: Decimal,
        /// Total life in years.
        total_life_years: Decimal,
    },
    /// Quality score times remaining over total life.
    QualityAndRemainingLife {
        /// The score.
        quality_score: Ratio,
        /// Remaining life in years.
        remaining_life_years: Decimal,
        /// Total life in years.
        total_life_years: Decimal,
    },
}

/// Input of the cost approach. Mirrors the core's input with a signed year count, since Java
/// has no unsigned integers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CostApproachInput {
    /// The costs.
    pub components: Vec<CostComponent>,
    /// Years a per-year cost is counted.
    pub recurring_years: i64,
    /// Adjustment from replacement cost to value.
    pub adjustment: AdjustmentBasis,
    /// Rounding of the value to the fen.
    pub rounding: RoundingRule,
}

/// Subtotal of one kind of cost.
#[uniffi::remote(Record)]
pub struct CostSubtotal {
    /// Kind of cost.
    pub kind: CostKind,
    /// Sum of that kind.
    pub amount: Amount,
}

/// Result of the cost approach: value = replacement cost × adjustment factor.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CostApproachResult {
    /// Subtotal per kind of cost, in the order of the kinds.
    pub cost_by_kind: Vec<CostSubtotal>,
    /// 重置成本.
    pub replacement_cost: Amount,
    /// Factor applied, unrounded.
    pub adjustment_factor: Decimal,
    /// Value, rounded to the fen.
    pub value: Amount,
}

/// Values a data asset by the cost approach.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative year count; `trading.*` for a factor above 1, an
/// impossible life, a negative cost or overflow.
#[uniffi::export]
pub fn cost_approach(input: CostApproachInput) -> Result<CostApproachResult, DataAssetsError> {
    let input = valuation::CostApproachInput {
        components: input.components,
        recurring_years: ConversionError::int(input.recurring_years, "recurring_years")?,
        adjustment: input.adjustment,
        rounding: input.rounding,
    };
    let result = valuation::cost_approach(&input)?;
    Ok(CostApproachResult {
        cost_by_kind: result.cost_by_kind,
        replacement_cost: result.replacement_cost,
        adjustment_factor: result.adjustment_factor,
        value: result.value,
    })
}

/// Forecast of the future income of the income approach.
#[uniffi::remote(Enum)]
pub enum IncomeForecast {
    /// 直接收益预测: the income directly attributable to the data asset.
    Direct {
        /// Income per period, period 1 first.
        income: Vec<Amount>,
    },
    /// 分成收益预测: a split rate of the revenue or profit.
    SplitRate {
        /// Revenue per period.
        revenue: Vec<Amount>,
        /// Split rate, above 0 and at most 1.
        split_rate: Ratio,
    },
    /// 超额收益预测: earnings less the contributory charges of the other assets.
    ExcessEarnings {
        /// Earnings per period.
        earnings: Vec<Amount>,
        /// Contributory charges per period.
        contributory_charges: Vec<Amount>,
    },
    /// 增量收益预测: income with the data less income without it.
    Incremental {
        /// Income with the data, per period.
        with_data: Vec<Amount>,
        /// Income without it, per period.
        without_data: Vec<Amount>,
    },
}

/// Input of the income approach.
#[uniffi::remote(Record)]
pub struct IncomeApproachInput {
    /// Forecast income.
    pub forecast: IncomeForecast,
    /// Discount rate per period.
    pub discount_rate: Ratio,
    /// Rounding of the value to the fen.
    pub rounding: RoundingRule,
}

/// One discounted period of the income approach.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct DiscountedPeriod {
    /// Period number, from 1.
    pub period: i64,
    /// Forecast income of the period.
    pub income: Amount,
    /// (1 + r)^t.
    pub compound_factor: Decimal,
    /// Income divided by the compound factor, unrounded.
    pub present_value: Decimal,
}

/// Result of the income approach: the sum of the discounted incomes.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IncomeApproachResult {
    /// Each period discounted.
    pub periods: Vec<DiscountedPeriod>,
    /// Value, rounded to the fen.
    pub value: Amount,
}

/// Values a data asset by the income approach.
///
/// # Errors
///
/// `trading.*` for no period, series of different lengths, a zero rate or overflow.
#[uniffi::export]
pub fn income_approach(
    input: IncomeApproachInput,
) -> Result<IncomeApproachResult, DataAssetsError> {
    let result = valuation::income_approach(&input)?;
    Ok(IncomeApproachResult {
        periods: result
            .periods
            .into_iter()
            .map(|period| DiscountedPeriod {
                period: i64::from(period.period),
                income: period.income,
                compound_factor: period.compound_factor,
                present_value: period.present_value,
            })
            .collect(),
        value: result.value,
    })
}

/// A comparable transaction of the market approach.
#[uniffi::remote(Record)]
pub struct Comparable {
    /// Case id.
    pub case_id: String,
    /// Price of the comparable.
    pub price: Amount,
    /// Quality adjustment factor.
    pub quality_factor: Decimal,
    /// Supply-and-demand adjustment factor.
    pub supply_demand_factor: Decimal,
    /// Date adjustment factor.
    pub date_factor: Decimal,
    /// Capacity adjustment factor.
    pub capacity_factor: Decimal,
    /// Other adjustment factor.
    pub other_factor: Decimal,
}

/// Input of the market approach.
#[uniffi::remote(Record)]
pub struct MarketApproachInput {
    /// The comparables.
    pub comparables: Vec<Comparable>,
    /// Rounding of the value to the fen.
    pub rounding: RoundingRule,
}

/// Result of the market approach: the mean of the adjusted prices.
#[uniffi::remote(Record)]
pub struct MarketApproachResult {
    /// The input.
    pub input: MarketApproachInput,
    /// Each comparable's price times its factors.
    pub adjusted_prices: Vec<Amount>,
    /// Value, rounded to the fen.
    pub value: Amount,
}

/// Values a data asset by the market approach.
///
/// # Errors
///
/// `trading.*` for no comparable, too many, a factor that is not positive, or overflow.
#[uniffi::export]
pub fn market_approach(
    input: MarketApproachInput,
) -> Result<MarketApproachResult, DataAssetsError> {
    Ok(valuation::market_approach(&input)?)
}
