//! The three valuation approaches of 数据资产评估指导意见 (中评协〔2023〕17号, issued 2023-09-08).
//!
//! The guidance names the income, cost and market approaches; its appendix 评估方法相关模型示例
//! gives model examples for reference only. Only the direct income formula
//! P = Σ F_t/(1+i)^t is confirmed from that text. The split-rate, excess-earnings and incremental
//! income forecasts, the cost formula P = C × δ and the five-factor market formula are
//! reconstructed from appraisal practice, and their doc comments say so.
//!
//! Every computation runs at full `Decimal` precision. Only the final value is rounded, to the fen,
//! with the [`RoundingRule`] named in the input (default 四舍五入).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::TradingError;
use super::limits::{COMPARABLES_MAX, COST_YEARS_MAX, INCOME_PERIODS_MAX, MARKET_FACTOR_MAX};
use crate::money::{Amount, FEN_SCALE, Ratio, RoundingRule};

crate::vocab! {
    /// Component of the replacement cost in the cost approach (数据资产评估指导意见, cost approach).
    pub enum CostKind {
        /// 前期费用: preliminary costs such as planning and needs analysis.
        Preliminary = ("preliminary", "前期费用"),
        /// 直接成本: direct costs such as collection, processing and storage.
        Direct = ("direct", "直接成本"),
        /// 间接成本: indirect costs such as management and shared facilities.
        Indirect = ("indirect", "间接成本"),
        /// 机会成本: opportunity cost of the resources tied up.
        Opportunity = ("opportunity", "机会成本"),
        /// 相关税费: related taxes and fees.
        RelatedTaxes = ("related_taxes", "相关税费"),
    }
}

/// Whether a cost component is paid once or every year of the cost period.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CostRecurrence {
    /// Paid once.
    #[default]
    OneOff,
    /// Paid every year; counted [`CostApproachInput::recurring_years`] times.
    PerYear,
}

/// One line of the replacement cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CostComponent {
    /// Cost group of the line.
    pub kind: CostKind,
    /// Purpose of the cost, such as `数据采集`.
    #[serde(default)]
    pub description: String,
    /// Amount once, or per year for a recurring line; zero or more.
    pub amount: Amount,
    /// Whether the amount is paid once or every year.
    #[serde(default)]
    pub recurrence: CostRecurrence,
}

/// Basis of the value adjustment factor δ of the cost approach.
///
/// Reconstructed from appraisal practice: δ reflects quality and/or the remaining economic life
/// (a form of obsolescence). Combining both multiplies them, δ = quality × remaining / total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "basis", rename_all = "snake_case")]
pub enum AdjustmentBasis {
    /// δ given directly by the appraiser.
    Factor {
        /// δ, between 0 and 1.
        factor: Ratio,
    },
    /// δ equal to a quality score, such as one aggregated over the six GB/T 36344 dimensions.
    Quality {
        /// Quality score between 0 and 1.
        quality_score: Ratio,
    },
    /// δ equal to the share of the economic life that remains.
    RemainingLife {
        /// Remaining economic life in years.
        remaining_life_years: Decimal,
        /// Total economic life in years, above 0.
        total_life_years: Decimal,
    },
    /// δ equal to the quality score times the share of the economic life that remains.
    QualityAndRemainingLife {
        /// Quality score between 0 and 1.
        quality_score: Ratio,
        /// Remaining economic life in years.
        remaining_life_years: Decimal,
        /// Total economic life in years, above 0.
        total_life_years: Decimal,
    },
}

impl AdjustmentBasis {
    /// Computes δ from this basis.
    ///
    /// # Errors
    ///
    /// - [`TradingError::InvalidAdjustmentFactor`] when a factor or quality score is above 1;
    /// - [`TradingError::InvalidEconomicLife`] when the total life is not above 0 or the
    ///   remaining life is negative or longer than the total.
    pub fn factor(&self) -> Result<Decimal, TradingError> {
        match self {
            AdjustmentBasis::Factor { factor } => unit_interval(*factor, "adjustment.factor"),
            AdjustmentBasis::Quality { quality_score } => {
                unit_interval(*quality_score, "adjustment.quality_score")
            }
            AdjustmentBasis::RemainingLife {
                remaining_life_years,
                total_life_years,
            } => life_ratio(*remaining_life_years, *total_life_years),
            AdjustmentBasis::QualityAndRemainingLife {
                quality_score,
                remaining_life_years,
                total_life_years,
            } => {
                let quality = unit_interval(*quality_score, "adjustment.quality_score")?;
                let life = life_ratio(*remaining_life_years, *total_life_years)?;
                // Both factors lie in 0..=1, so the product cannot overflow.
                Ok(quality * life)
            }
        }
    }
}

fn unit_interval(ratio: Ratio, field: &str) -> Result<Decimal, TradingError> {
    if ratio.value() > Decimal::ONE {
        return Err(TradingError::InvalidAdjustmentFactor {
            field: field.into(),
            value: ratio.to_string(),
        });
    }
    Ok(ratio.value())
}

fn life_ratio(remaining: Decimal, total: Decimal) -> Result<Decimal, TradingError> {
    if total <= Decimal::ZERO {
        return Err(TradingError::InvalidEconomicLife {
            field: "adjustment.total_life_years".into(),
            value: total.to_string(),
        });
    }
    if remaining < Decimal::ZERO || remaining > total {
        return Err(TradingError::InvalidEconomicLife {
            field: "adjustment.remaining_life_years".into(),
            value: remaining.to_string(),
        });
    }
    remaining
        .checked_div(total)
        .ok_or_else(|| TradingError::InvalidEconomicLife {
            field: "adjustment.total_life_years".into(),
            value: total.to_string(),
        })
}

/// Input of the cost approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CostApproachInput {
    /// Cost lines; at least one.
    pub components: Vec<CostComponent>,
    /// Years over which [`CostRecurrence::PerYear`] lines are counted; 1 to 100 when any line
    /// recurs, ignored otherwise.
    #[serde(default)]
    pub recurring_years: u32,
    /// Basis of δ.
    pub adjustment: AdjustmentBasis,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// Replacement cost of one cost group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CostSubtotal {
    /// The cost group.
    pub kind: CostKind,
    /// Its share of the replacement cost, recurring lines multiplied by the years.
    pub amount: Amount,
}

/// Result of the cost approach, with the input that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CostApproachResult {
    /// The input, unchanged.
    pub input: CostApproachInput,
    /// Replacement cost per cost group, in [`CostKind::ALL`] order, groups without lines left out.
    pub cost_by_kind: Vec<CostSubtotal>,
    /// Replacement cost C at full precision.
    pub replacement_cost: Amount,
    /// The adjustment factor δ at full precision.
    pub adjustment_factor: Decimal,
    /// P = C × δ, rounded to the fen with the input's rule.
    pub value: Amount,
}

/// Values a data asset by the cost approach (成本法): P = C × δ.
///
/// Reconstructed formula (数据资产评估指导意见 names the approach; the form follows appraisal
/// practice). C is the replacement cost, the sum of 前期费用, 直接成本, 间接成本, 机会成本 and 相关税费,
/// where each per-year line counts `recurring_years` times. δ comes from [`AdjustmentBasis`].
///
/// # Errors
///
/// - [`TradingError::NoCostComponents`] when there is no cost line;
/// - [`TradingError::InvalidAmount`] for a negative cost line;
/// - [`TradingError::InvalidCostYears`] when a line recurs and `recurring_years` is not 1..=100;
/// - the errors of [`AdjustmentBasis::factor`];
/// - [`TradingError::Overflow`] when a sum leaves the range of [`Amount`].
///
/// ```
/// use data_assets_core::money::{Amount, Ratio};
/// use data_assets_core::trading::valuation::*;
/// let line = |kind, amount: &str, recurrence| CostComponent {
///     kind,
///     description: String::new(),
///     amount: amount.parse().unwrap(),
///     recurrence,
/// };
/// let input = CostApproachInput {
///     components: vec![
///         line(CostKind::Direct, "500000", CostRecurrence::OneOff),
///         line(CostKind::Direct, "300000", CostRecurrence::OneOff),
///         line(CostKind::Direct, "100000", CostRecurrence::PerYear),
///         line(CostKind::Indirect, "150000", CostRecurrence::PerYear),
///     ],
///     recurring_years: 3,
///     adjustment: AdjustmentBasis::Factor { factor: Ratio::parse_field("0.7", "δ")? },
///     rounding: Default::default(),
/// };
/// let result = cost_approach(&input)?;
/// assert_eq!(result.replacement_cost.round_fen(input.rounding).to_string(), "1550000.00");
/// assert_eq!(result.value.to_string(), "1085000.00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn cost_approach(input: &CostApproachInput) -> Result<CostApproachResult, TradingError> {
    if input.components.is_empty() {
        return Err(TradingError::NoCostComponents {
            field: "components".into(),
        });
    }
    let recurs = input
        .components
        .iter()
        .any(|c| c.recurrence == CostRecurrence::PerYear);
    if recurs && !(1..=COST_YEARS_MAX).contains(&input.recurring_years) {
        return Err(TradingError::InvalidCostYears {
            field: "recurring_years".into(),
            value: input.recurring_years.to_string(),
            max: COST_YEARS_MAX,
        });
    }

    // Sum each cost group, recurring lines times the years.
    let years = Decimal::from(input.recurring_years);
    let mut cost_by_kind = Vec::new();
    for &kind in CostKind::ALL {
        let mut subtotal = Amount::ZERO;
        let mut present = false;
        for (index, line) in input.components.iter().enumerate() {
            if line.kind != kind {
                continue;
            }
            let field = format!("components[{index}].amount");
            if line.amount.is_negative() {
                return Err(TradingError::InvalidAmount {
                    field,
                    value: line.amount.to_string(),
                    allowed: "zero or a positive amount",
                });
            }
            let total = match line.recurrence {
                CostRecurrence::OneOff => line.amount,
                CostRecurrence::PerYear => line
                    .amount
                    .checked_mul(years)
                    .map_err(TradingError::overflow(&field))?,
            };
            subtotal = subtotal
                .checked_add(total)
                .map_err(TradingError::overflow(&field))?;
            present = true;
        }
        if present {
            cost_by_kind.push(CostSubtotal {
                kind,
                amount: subtotal,
            });
        }
    }
    let replacement_cost = Amount::sum(cost_by_kind.iter().map(|s| s.amount))
        .map_err(TradingError::overflow("components"))?;

    // Apply δ and round once.
    let adjustment_factor = input.adjustment.factor()?;
    let value = replacement_cost
        .checked_mul(adjustment_factor)
        .map_err(TradingError::overflow("value"))?;
    let value = round_to_fen(value.value(), input.rounding)?;
    Ok(CostApproachResult {
        input: input.clone(),
        cost_by_kind,
        replacement_cost,
        adjustment_factor,
        value,
    })
}

/// Forecast method of the income F_t attributable to the data asset in the income approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "variant", rename_all = "snake_case")]
pub enum IncomeForecast {
    /// 直接收益预测: F_t = R_t, the income directly attributable to the data asset. This is the
    /// form confirmed in the guidance's appendix.
    Direct {
        /// R_t per period, period 1 first.
        income: Vec<Amount>,
    },
    /// 分成收益预测: F_t = R_t × K, a split rate K of the revenue or profit R_t.
    /// Reconstructed from appraisal practice.
    SplitRate {
        /// R_t per period.
        revenue: Vec<Amount>,
        /// K, above 0 and at most 1.
        split_rate: Ratio,
    },
    /// 超额收益预测: F_t = R_t − the contributory charges of the other assets used with the data.
    /// Reconstructed from appraisal practice.
    ExcessEarnings {
        /// R_t per period.
        earnings: Vec<Amount>,
        /// Contributory charges per period, zero or more, one per period of `earnings`.
        contributory_charges: Vec<Amount>,
    },
    /// 增量收益预测: F_t = income with the data − income without it.
    /// Reconstructed from appraisal practice.
    Incremental {
        /// Income with the data asset, per period.
        with_data: Vec<Amount>,
        /// Income without it, one per period of `with_data`.
        without_data: Vec<Amount>,
    },
}

impl IncomeForecast {
    /// Computes F_t for every period.
    ///
    /// # Errors
    ///
    /// [`TradingError::InvalidPeriods`], [`TradingError::ForecastLengthMismatch`],
    /// [`TradingError::InvalidSplitRate`], [`TradingError::InvalidAmount`] for a negative
    /// contributory charge, and [`TradingError::Overflow`].
    pub fn incomes(&self) -> Result<Vec<Amount>, TradingError> {
        match self {
            IncomeForecast::Direct { income } => {
                check_periods(income.len(), "forecast.income")?;
                Ok(income.clone())
            }
            IncomeForecast::SplitRate {
                revenue,
                split_rate,
            } => {
                check_periods(revenue.len(), "forecast.revenue")?;
                let rate = split_rate.value();
                if rate.is_zero() || rate > Decimal::ONE {
                    return Err(TradingError::InvalidSplitRate {
                        field: "forecast.split_rate".into(),
                        value: split_rate.to_string(),
                    });
                }
                revenue
                    .iter()
                    .enumerate()
                    .map(|(t, r)| {
                        r.checked_mul(rate)
                            .map_err(TradingError::overflow(format!("forecast.revenue[{t}]")))
                    })
                    .collect()
            }
            IncomeForecast::ExcessEarnings {
                earnings,
                contributory_charges,
            } => {
                check_periods(earnings.len(), "forecast.earnings")?;
                check_same_length(
                    earnings.len(),
                    contributory_charges.len(),
                    "forecast.contributory_charges",
                )?;
                if let Some((t, charge)) = contributory_charges
                    .iter()
                    .enumerate()
                    .find(|(_, c)| c.is_negative())
                {
                    return Err(TradingError::InvalidAmount {
                        field: format!("forecast.contributory_charges[{t}]"),
                        value: charge.to_string(),
                        allowed: "zero or a positive amount",
                    });
                }
                subtract_series(earnings, contributory_charges, "forecast.earnings")
            }
            IncomeForecast::Incremental {
                with_data,
                without_data,
            } => {
                check_periods(with_data.len(), "forecast.with_data")?;
                check_same_length(with_data.len(), without_data.len(), "forecast.without_data")?;
                subtract_series(with_data, without_data, "forecast.with_data")
            }
        }
    }
}

fn check_periods(count: usize, field: &str) -> Result<(), TradingError> {
    if (1..=INCOME_PERIODS_MAX).contains(&count) {
        Ok(())
    } else {
        Err(TradingError::InvalidPeriods {
            field: field.into(),
            value: count.to_string(),
            max: INCOME_PERIODS_MAX,
        })
    }
}

fn check_same_length(expected: usize, actual: usize, field: &str) -> Result<(), TradingError> {
    if expected == actual {
        Ok(())
    } else {
        Err(TradingError::ForecastLengthMismatch {
            field: field.into(),
            value: actual.to_string(),
            expected,
        })
    }
}

fn subtract_series(
    minuends: &[Amount],
    subtrahends: &[Amount],
    field: &str,
) -> Result<Vec<Amount>, TradingError> {
    minuends
        .iter()
        .zip(subtrahends)
        .enumerate()
        .map(|(t, (a, b))| {
            a.checked_sub(*b)
                .map_err(TradingError::overflow(format!("{field}[{t}]")))
        })
        .collect()
}

/// Input of the income approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IncomeApproachInput {
    /// The income forecast; its length is the number of periods n (收益期), 1 to 50 years.
    pub forecast: IncomeForecast,
    /// Discount rate i per period, above 0 and at most 1.
    pub discount_rate: Ratio,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// One discounted period of the income approach, at full precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DiscountedPeriod {
    /// Period number t, from 1.
    pub period: u32,
    /// F_t.
    pub income: Amount,
    /// (1 + i)^t.
    pub compound_factor: Decimal,
    /// F_t / (1 + i)^t.
    pub present_value: Decimal,
}

/// Result of the income approach, with the input that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IncomeApproachResult {
    /// The input, unchanged.
    pub input: IncomeApproachInput,
    /// Every period with its compound factor and present value.
    pub periods: Vec<DiscountedPeriod>,
    /// P = Σ F_t / (1 + i)^t, rounded to the fen with the input's rule.
    pub value: Amount,
}

/// Values a data asset by the income approach (收益法): P = Σ_{t=1..n} F_t / (1 + i)^t.
///
/// 数据资产评估指导意见 (中评协〔2023〕17号), appendix 评估方法相关模型示例: F_t is the income from the
/// data asset in period t, i the discount rate and n the remaining economic life. The powers
/// (1 + i)^t are built by repeated checked multiplication in `Decimal`, the present values summed
/// at full precision, and only the total is rounded.
///
/// # Errors
///
/// - [`TradingError::InvalidDiscountRate`] when i is 0 or above 1;
/// - the errors of [`IncomeForecast::incomes`];
/// - [`TradingError::NegativeValue`] when the present value is below zero;
/// - [`TradingError::Overflow`].
///
/// ```
/// use data_assets_core::money::{Amount, Ratio};
/// use data_assets_core::trading::valuation::*;
/// let input = IncomeApproachInput {
///     forecast: IncomeForecast::Direct { income: vec!["100".parse()?; 3] },
///     discount_rate: Ratio::parse_field("0.10", "i")?,
///     rounding: Default::default(),
/// };
/// // 100/1.1 + 100/1.21 + 100/1.331 = 248.685…
/// assert_eq!(income_approach(&input)?.value.to_string(), "248.69");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn income_approach(input: &IncomeApproachInput) -> Result<IncomeApproachResult, TradingError> {
    let rate = input.discount_rate.value();
    if rate.is_zero() || rate > Decimal::ONE {
        return Err(TradingError::InvalidDiscountRate {
            field: "discount_rate".into(),
            value: input.discount_rate.to_string(),
        });
    }
    let incomes = input.forecast.incomes()?;

    // Discount each period; with i ≤ 1 and n ≤ 50, (1 + i)^t ≤ 2^50 fits a Decimal.
    let base = Decimal::ONE + rate;
    let mut compound_factor = Decimal::ONE;
    let mut total = Decimal::ZERO;
    let mut periods = Vec::with_capacity(incomes.len());
    for (index, income) in incomes.into_iter().enumerate() {
        let field = format!("periods[{index}]");
        compound_factor = compound_factor
            .checked_mul(base)
            .ok_or_else(|| decimal_overflow(&field, compound_factor))?;
        let present_value = income
            .value()
            .checked_div(compound_factor)
            .ok_or_else(|| decimal_overflow(&field, income.value()))?;
        total = total
            .checked_add(present_value)
            .ok_or_else(|| decimal_overflow(&field, present_value))?;
        periods.push(DiscountedPeriod {
            period: u32::try_from(index + 1).unwrap_or(u32::MAX),
            income,
            compound_factor,
            present_value,
        });
    }

    // Round the sum once and reject a negative value.
    let value = round_to_fen(total, input.rounding)?;
    if value.is_negative() {
        return Err(TradingError::NegativeValue {
            field: "value".into(),
            value: value.to_string(),
        });
    }
    Ok(IncomeApproachResult {
        input: input.clone(),
        periods,
        value,
    })
}

/// Rounds a valuation to the fen with `rule` and keeps two decimal places, so that JSON shows
/// `"1085000.00"` rather than `"1085000.0"`.
pub(super) fn round_to_fen(value: Decimal, rule: RoundingRule) -> Result<Amount, TradingError> {
    let mut rounded = rule.round(value, FEN_SCALE);
    rounded.rescale(FEN_SCALE);
    Amount::new(rounded).map_err(TradingError::overflow("value"))
}

fn decimal_overflow(field: &str, value: Decimal) -> TradingError {
    TradingError::Overflow {
        field: field.into(),
        source: crate::money::MoneyError::Overflow {
            field: field.into(),
            value: value.to_string(),
        },
    }
}

/// A comparable transaction (可比案例) of the market approach with its five adjustment factors.
///
/// Each factor is above 0 and at most 10; 1 means no adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Comparable {
    /// Identifier of the comparable case, such as an exchange listing number.
    #[serde(default)]
    pub case_id: String,
    /// Transaction price Q_i, above 0.
    pub price: Amount,
    /// X1: quality adjustment (质量调整系数).
    pub quality_factor: Decimal,
    /// X2: supply–demand adjustment (供求调整系数).
    pub supply_demand_factor: Decimal,
    /// X3: date adjustment (期日调整系数).
    pub date_factor: Decimal,
    /// X4: capacity or volume adjustment (容量调整系数).
    pub capacity_factor: Decimal,
    /// X5: other adjustments, such as rights or scenario (其他调整系数).
    pub other_factor: Decimal,
}

impl Comparable {
    fn factors(&self) -> [(&'static str, Decimal); 5] {
        [
            ("quality_factor", self.quality_factor),
            ("supply_demand_factor", self.supply_demand_factor),
            ("date_factor", self.date_factor),
            ("capacity_factor", self.capacity_factor),
            ("other_factor", self.other_factor),
        ]
    }
}

/// Input of the market approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MarketApproachInput {
    /// Comparable cases; 1 to 1000.
    pub comparables: Vec<Comparable>,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// Result of the market approach, with the input that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct MarketApproachResult {
    /// The input, unchanged.
    pub input: MarketApproachInput,
    /// Q_i × X1 × X2 × X3 × X4 × X5 per comparable, at full precision, in input order.
    pub adjusted_prices: Vec<Amount>,
    /// P, the mean of the adjusted prices rounded to the fen with the input's rule.
    pub value: Amount,
}

/// Values a data asset by the market approach (市场法): P = (1/n) Σ Q_i × X1 × X2 × X3 × X4 × X5.
///
/// Reconstructed formula (数据资产评估指导意见 names the approach; the five factors follow
/// appraisal practice): quality, supply–demand, date, capacity and other adjustments.
///
/// # Errors
///
/// - [`TradingError::InvalidComparableCount`] when there are no comparables or more than 1000;
/// - [`TradingError::InvalidAmount`] when a price is not above 0;
/// - [`TradingError::InvalidMarketFactor`] when a factor is not above 0 or is above 10;
/// - [`TradingError::Overflow`].
pub fn market_approach(input: &MarketApproachInput) -> Result<MarketApproachResult, TradingError> {
    let count = input.comparables.len();
    if !(1..=COMPARABLES_MAX).contains(&count) {
        return Err(TradingError::InvalidComparableCount {
            field: "comparables".into(),
            value: count.to_string(),
            max: COMPARABLES_MAX,
        });
    }

    // Adjust every comparable price by its five factors.
    let mut adjusted_prices = Vec::with_capacity(count);
    for (index, comparable) in input.comparables.iter().enumerate() {
        if comparable.price.is_negative() || comparable.price.is_zero() {
            return Err(TradingError::InvalidAmount {
                field: format!("comparables[{index}].price"),
                value: comparable.price.to_string(),
                allowed: "a price above 0",
            });
        }
        let mut adjusted = comparable.price;
        for (name, factor) in comparable.factors() {
            let field = format!("comparables[{index}].{name}");
            if factor <= Decimal::ZERO || factor > MARKET_FACTOR_MAX {
                return Err(TradingError::InvalidMarketFactor {
                    field,
                    value: factor.to_string(),
                });
            }
            adjusted = adjusted
                .checked_mul(factor)
                .map_err(TradingError::overflow(field))?;
        }
        adjusted_prices.push(adjusted);
    }

    // Average and round once.
    let sum = Amount::sum(adjusted_prices.iter().copied())
        .map_err(TradingError::overflow("comparables"))?;
    let mean = sum
        .checked_div(Decimal::from(count))
        .map_err(TradingError::overflow("value"))?;
    let value = round_to_fen(mean.value(), input.rounding)?;
    Ok(MarketApproachResult {
        input: input.clone(),
        adjusted_prices,
        value,
    })
}

/// A valuation by any of the three approaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "approach", rename_all = "snake_case")]
pub enum Valuation {
    /// 成本法.
    Cost(CostApproachResult),
    /// 收益法.
    Income(IncomeApproachResult),
    /// 市场法.
    Market(MarketApproachResult),
}

impl Valuation {
    /// Returns the rounded value of the valuation.
    pub fn value(&self) -> Amount {
        match self {
            Valuation::Cost(result) => result.value,
            Valuation::Income(result) => result.value,
            Valuation::Market(result) => result.value,
        }
    }

    /// Returns the snake_case code of the approach: `cost`, `income` or `market`.
    pub fn approach_code(&self) -> &'static str {
        match self {
            Valuation::Cost(_) => "cost",
            Valuation::Income(_) => "income",
            Valuation::Market(_) => "market",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDetail;

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn amounts(texts: &[&str]) -> Vec<Amount> {
        texts.iter().map(|t| amount(t)).collect()
    }

    fn ratio(text: &str) -> Ratio {
        Ratio::parse_field(text, "test").unwrap()
    }

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn line(kind: CostKind, text: &str, recurrence: CostRecurrence) -> CostComponent {
        CostComponent {
            kind,
            description: String::new(),
            amount: amount(text),
            recurrence,
        }
    }

    /// Collection 500,000 and processing 300,000 once; storage 100,000 and management 150,000
    /// per year over 3 years.
    fn worked_cost_input(adjustment: AdjustmentBasis) -> CostApproachInput {
        CostApproachInput {
            components: vec![
                line(CostKind::Direct, "500000", CostRecurrence::OneOff),
                line(CostKind::Direct, "300000", CostRecurrence::OneOff),
                line(CostKind::Direct, "100000", CostRecurrence::PerYear),
                line(CostKind::Indirect, "150000", CostRecurrence::PerYear),
            ],
            recurring_years: 3,
            adjustment,
            rounding: RoundingRule::HalfUp,
        }
    }

    #[test]
    fn cost_worked_example() {
        let input = worked_cost_input(AdjustmentBasis::Factor {
            factor: ratio("0.7"),
        });
        let result = cost_approach(&input).unwrap();
        // 500,000 + 300,000 + 3 × (100,000 + 150,000) = 1,550,000; × 0.7 = 1,085,000.
        assert_eq!(result.replacement_cost, amount("1550000"));
        assert_eq!(result.value.to_string(), "1085000.00");
        assert_eq!(result.adjustment_factor, dec("0.7"));
        assert_eq!(result.input, input);
    }

    #[test]
    fn cost_subtotals_by_kind() {
        let input = worked_cost_input(AdjustmentBasis::Factor { factor: ratio("1") });
        let result = cost_approach(&input).unwrap();
        // Direct: 500,000 + 300,000 + 3 × 100,000 = 1,100,000; indirect: 3 × 150,000 = 450,000.
        assert_eq!(result.cost_by_kind.len(), 2);
        assert_eq!(result.cost_by_kind[0].kind, CostKind::Direct);
        assert_eq!(result.cost_by_kind[0].amount, amount("1100000"));
        assert_eq!(result.cost_by_kind[1].kind, CostKind::Indirect);
        assert_eq!(result.cost_by_kind[1].amount, amount("450000"));
    }

    #[test]
    fn cost_factor_from_quality_and_life() {
        // Quality 0.875 × 4 of 5 years remaining = 0.7, the same δ as the worked example.
        let input = worked_cost_input(AdjustmentBasis::QualityAndRemainingLife {
            quality_score: ratio("0.875"),
            remaining_life_years: dec("4"),
            total_life_years: dec("5"),
        });
        assert_eq!(
            cost_approach(&input).unwrap().value.to_string(),
            "1085000.00"
        );
    }

    #[test]
    fn cost_factor_from_life_alone() {
        // 1,550,000 × 2/3 = 1,033,333.333… → 1,033,333.33.
        let input = worked_cost_input(AdjustmentBasis::RemainingLife {
            remaining_life_years: dec("2"),
            total_life_years: dec("3"),
        });
        assert_eq!(
            cost_approach(&input).unwrap().value.to_string(),
            "1033333.33"
        );
    }

    #[test]
    fn cost_rejects_factor_above_one() {
        let input = worked_cost_input(AdjustmentBasis::Quality {
            quality_score: ratio("1.2"),
        });
        let error = cost_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_adjustment_factor");
        assert_eq!(error.field(), "adjustment.quality_score");
        assert_eq!(error.value(), "1.2");
    }

    #[test]
    fn cost_rejects_remaining_life_above_total() {
        let input = worked_cost_input(AdjustmentBasis::RemainingLife {
            remaining_life_years: dec("6"),
            total_life_years: dec("5"),
        });
        let error = cost_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_economic_life");
        assert_eq!(error.field(), "adjustment.remaining_life_years");
    }

    #[test]
    fn cost_rejects_zero_total_life() {
        let input = worked_cost_input(AdjustmentBasis::RemainingLife {
            remaining_life_years: dec("0"),
            total_life_years: dec("0"),
        });
        let error = cost_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_economic_life");
        assert_eq!(error.field(), "adjustment.total_life_years");
    }

    #[test]
    fn cost_rejects_zero_years_with_recurring_lines() {
        let mut input = worked_cost_input(AdjustmentBasis::Factor {
            factor: ratio("0.7"),
        });
        input.recurring_years = 0;
        assert_eq!(
            cost_approach(&input).unwrap_err().code(),
            "trading.invalid_cost_years"
        );
    }

    #[test]
    fn cost_ignores_years_without_recurring_lines() {
        let input = CostApproachInput {
            components: vec![line(
                CostKind::RelatedTaxes,
                "1000.005",
                CostRecurrence::OneOff,
            )],
            recurring_years: 0,
            adjustment: AdjustmentBasis::Factor { factor: ratio("1") },
            rounding: RoundingRule::HalfUp,
        };
        // 1000.005 rounds half up to 1000.01.
        assert_eq!(cost_approach(&input).unwrap().value.to_string(), "1000.01");
    }

    #[test]
    fn cost_rejects_negative_line() {
        let mut input = worked_cost_input(AdjustmentBasis::Factor {
            factor: ratio("0.7"),
        });
        input.components[1].amount = amount("-1");
        let error = cost_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_amount");
        assert_eq!(error.field(), "components[1].amount");
    }

    #[test]
    fn cost_rejects_empty_components() {
        let mut input = worked_cost_input(AdjustmentBasis::Factor {
            factor: ratio("0.7"),
        });
        input.components.clear();
        assert_eq!(
            cost_approach(&input).unwrap_err().code(),
            "trading.no_cost_components"
        );
    }

    fn income_input(forecast: IncomeForecast, rate: &str) -> IncomeApproachInput {
        IncomeApproachInput {
            forecast,
            discount_rate: ratio(rate),
            rounding: RoundingRule::HalfUp,
        }
    }

    #[test]
    fn income_direct_three_years() {
        // 100/1.1 + 100/1.21 + 100/1.331 = 90.9091 + 82.6446 + 75.1315 = 248.6852 → 248.69.
        let input = income_input(
            IncomeForecast::Direct {
                income: amounts(&["100", "100", "100"]),
            },
            "0.10",
        );
        let result = income_approach(&input).unwrap();
        assert_eq!(result.value.to_string(), "248.69");
        assert_eq!(result.periods.len(), 3);
        assert_eq!(result.periods[2].compound_factor, dec("1.331"));
        assert_eq!(result.periods[0].period, 1);
    }

    #[test]
    fn income_split_rate() {
        // F = 1000 × 0.25 = 250 per year; 250/1.08 + 250/1.1664 = 231.4815 + 214.3347 = 445.8162.
        let input = income_input(
            IncomeForecast::SplitRate {
                revenue: amounts(&["1000", "1000"]),
                split_rate: ratio("0.25"),
            },
            "0.08",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "445.82");
    }

    #[test]
    fn income_excess_earnings() {
        // F = 500 − 200 = 300 and 600 − 250 = 350; 300/1.05 + 350/1.1025 = 285.7143 + 317.4603.
        let input = income_input(
            IncomeForecast::ExcessEarnings {
                earnings: amounts(&["500", "600"]),
                contributory_charges: amounts(&["200", "250"]),
            },
            "0.05",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "603.17");
    }

    #[test]
    fn income_incremental() {
        // F = 1200 − 1000 = 200 and 1300 − 1000 = 300; 200/1.1 + 300/1.21 = 181.8182 + 247.9339.
        let input = income_input(
            IncomeForecast::Incremental {
                with_data: amounts(&["1200", "1300"]),
                without_data: amounts(&["1000", "1000"]),
            },
            "0.10",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "429.75");
    }

    #[test]
    fn income_rejects_zero_discount_rate() {
        let input = income_input(
            IncomeForecast::Direct {
                income: amounts(&["100"]),
            },
            "0",
        );
        let error = income_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_discount_rate");
        assert_eq!(error.field(), "discount_rate");
        assert_eq!(error.value(), "0");
    }

    #[test]
    fn income_rejects_rate_above_one() {
        let input = income_input(
            IncomeForecast::Direct {
                income: amounts(&["100"]),
            },
            "1.5",
        );
        assert_eq!(
            income_approach(&input).unwrap_err().code(),
            "trading.invalid_discount_rate"
        );
    }

    #[test]
    fn income_accepts_rate_of_one() {
        // 100/2 + 100/4 = 75.
        let input = income_input(
            IncomeForecast::Direct {
                income: amounts(&["100", "100"]),
            },
            "1",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "75.00");
    }

    #[test]
    fn income_rejects_empty_forecast() {
        let input = income_input(IncomeForecast::Direct { income: vec![] }, "0.1");
        let error = income_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_periods");
        assert_eq!(error.field(), "forecast.income");
    }

    #[test]
    fn income_rejects_too_many_periods() {
        let input = income_input(
            IncomeForecast::Direct {
                income: vec![amount("1"); 51],
            },
            "0.1",
        );
        assert_eq!(
            income_approach(&input).unwrap_err().code(),
            "trading.invalid_periods"
        );
    }

    #[test]
    fn income_longest_forecast_at_highest_rate() {
        // 50 periods at i = 1 stays inside Decimal; the value is 1 × (1 − 2^-50) → 1.00.
        let input = income_input(
            IncomeForecast::Direct {
                income: vec![amount("1"); 50],
            },
            "1",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "1.00");
    }

    #[test]
    fn income_long_forecast_with_precise_rate() {
        // (1.123456789)^t needs more than 28 decimal places after t = 3, so the product is
        // rounded inside Decimal rather than rejected. An annuity of 1,000,000 over 50 years at
        // this rate is (1 − 1.123456789^-50) / 0.123456789 × 1,000,000 = 8,075,974.909… by the
        // closed-form annuity factor, and the period sum agrees to the fen.
        let input = income_input(
            IncomeForecast::Direct {
                income: vec![amount("1000000"); 50],
            },
            "0.123456789",
        );
        let value = income_approach(&input).unwrap().value;
        assert_eq!(value.to_string(), "8075974.91");
    }

    #[test]
    fn income_rejects_zero_split_rate() {
        let input = income_input(
            IncomeForecast::SplitRate {
                revenue: amounts(&["1"]),
                split_rate: ratio("0"),
            },
            "0.1",
        );
        assert_eq!(
            income_approach(&input).unwrap_err().code(),
            "trading.invalid_split_rate"
        );
    }

    #[test]
    fn income_rejects_mismatched_lengths() {
        let input = income_input(
            IncomeForecast::Incremental {
                with_data: amounts(&["1", "2"]),
                without_data: amounts(&["1"]),
            },
            "0.1",
        );
        let error = income_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.forecast_length_mismatch");
        assert_eq!(error.field(), "forecast.without_data");
        assert_eq!(error.value(), "1");
    }

    #[test]
    fn income_rejects_negative_charge() {
        let input = income_input(
            IncomeForecast::ExcessEarnings {
                earnings: amounts(&["1", "2"]),
                contributory_charges: amounts(&["0", "-1"]),
            },
            "0.1",
        );
        let error = income_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_amount");
        assert_eq!(error.field(), "forecast.contributory_charges[1]");
    }

    #[test]
    fn income_rejects_negative_value() {
        let input = income_input(
            IncomeForecast::Incremental {
                with_data: amounts(&["100"]),
                without_data: amounts(&["200"]),
            },
            "0.1",
        );
        assert_eq!(
            income_approach(&input).unwrap_err().code(),
            "trading.negative_value"
        );
    }

    #[test]
    fn income_accepts_one_loss_year() {
        // −110/1.1 + 242/1.21 = −100 + 200 = 100.
        let input = income_input(
            IncomeForecast::Direct {
                income: amounts(&["-110", "242"]),
            },
            "0.1",
        );
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "100.00");
    }

    fn comparable(price: &str, factors: [&str; 5]) -> Comparable {
        Comparable {
            case_id: format!("case-{price}"),
            price: amount(price),
            quality_factor: dec(factors[0]),
            supply_demand_factor: dec(factors[1]),
            date_factor: dec(factors[2]),
            capacity_factor: dec(factors[3]),
            other_factor: dec(factors[4]),
        }
    }

    #[test]
    fn market_two_comparables() {
        // 1,000,000 × 1.1 × 0.9 × 1.2 = 1,188,000; 800,000 × 1.05 × 0.98 = 823,200;
        // mean (1,188,000 + 823,200) / 2 = 1,005,600.
        let input = MarketApproachInput {
            comparables: vec![
                comparable("1000000", ["1.1", "0.9", "1", "1.2", "1"]),
                comparable("800000", ["1", "1.05", "0.98", "1", "1"]),
            ],
            rounding: RoundingRule::HalfUp,
        };
        let result = market_approach(&input).unwrap();
        assert_eq!(result.adjusted_prices, amounts(&["1188000", "823200"]));
        assert_eq!(result.value.to_string(), "1005600.00");
    }

    #[test]
    fn market_rounds_the_mean_once() {
        // (100 + 100 + 100.01) / 3 = 100.00333… → 100.00.
        let ones = ["1"; 5];
        let input = MarketApproachInput {
            comparables: vec![
                comparable("100", ones),
                comparable("100", ones),
                comparable("100.01", ones),
            ],
            rounding: RoundingRule::HalfUp,
        };
        assert_eq!(market_approach(&input).unwrap().value.to_string(), "100.00");
    }

    #[test]
    fn market_rejects_no_comparables() {
        let input = MarketApproachInput {
            comparables: vec![],
            rounding: RoundingRule::HalfUp,
        };
        let error = market_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_comparable_count");
        assert_eq!(error.value(), "0");
    }

    #[test]
    fn market_rejects_zero_factor() {
        let input = MarketApproachInput {
            comparables: vec![comparable("100", ["1", "1", "0", "1", "1"])],
            rounding: RoundingRule::HalfUp,
        };
        let error = market_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_market_factor");
        assert_eq!(error.field(), "comparables[0].date_factor");
    }

    #[test]
    fn market_rejects_factor_above_ten() {
        let input = MarketApproachInput {
            comparables: vec![comparable("100", ["1", "1", "1", "1", "10.5"])],
            rounding: RoundingRule::HalfUp,
        };
        assert_eq!(
            market_approach(&input).unwrap_err().field(),
            "comparables[0].other_factor"
        );
    }

    #[test]
    fn market_rejects_zero_price() {
        let input = MarketApproachInput {
            comparables: vec![comparable("0", ["1"; 5])],
            rounding: RoundingRule::HalfUp,
        };
        let error = market_approach(&input).unwrap_err();
        assert_eq!(error.code(), "trading.invalid_amount");
        assert_eq!(error.field(), "comparables[0].price");
    }

    #[test]
    fn market_overflow_is_an_error() {
        let input = MarketApproachInput {
            comparables: vec![comparable("1000000000000000", ["10"; 5])],
            rounding: RoundingRule::HalfUp,
        };
        assert_eq!(
            market_approach(&input).unwrap_err().code(),
            "trading.overflow"
        );
    }

    #[test]
    fn valuation_serde_round_trip() {
        let input = worked_cost_input(AdjustmentBasis::Factor {
            factor: ratio("0.7"),
        });
        let valuation = Valuation::Cost(cost_approach(&input).unwrap());
        let json = serde_json::to_string(&valuation).unwrap();
        assert!(json.contains(r#""approach":"cost""#));
        assert!(json.contains(r#""value":"1085000.00""#));
        let back: Valuation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, valuation);
        assert_eq!(back.approach_code(), "cost");
    }

    #[test]
    fn income_input_loads_from_json() {
        let json = r#"{
            "forecast": {"variant": "split_rate", "revenue": ["1000", "1000"], "split_rate": "0.25"},
            "discount_rate": "0.08"
        }"#;
        let input: IncomeApproachInput = serde_json::from_str(json).unwrap();
        assert_eq!(input.rounding, RoundingRule::HalfUp);
        assert_eq!(income_approach(&input).unwrap().value.to_string(), "445.82");
    }

    #[test]
    fn input_schemas_name_required_fields() {
        let schema = serde_json::to_value(schemars::schema_for!(CostApproachInput)).unwrap();
        let required = schema["required"].as_array().unwrap();
        assert!(required.contains(&"components".into()));
        assert!(required.contains(&"adjustment".into()));
        let schema = serde_json::to_value(schemars::schema_for!(IncomeApproachInput)).unwrap();
        assert!(
            schema["required"]
                .as_array()
                .unwrap()
                .contains(&"discount_rate".into())
        );
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn direct_value(incomes: &[i64], rate_per_mille: u32) -> Amount {
            let input = IncomeApproachInput {
                forecast: IncomeForecast::Direct {
                    income: incomes.iter().map(|fen| Amount::from_fen(*fen)).collect(),
                },
                discount_rate: Ratio::new(Decimal::new(i64::from(rate_per_mille), 3)).unwrap(),
                rounding: RoundingRule::HalfUp,
            };
            income_approach(&input).unwrap().value
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn income_falls_as_rate_rises(
                incomes in proptest::collection::vec(0i64..1_000_000_000_000, 1..50),
                low in 1u32..1000,
                step in 1u32..500,
            ) {
                let high = (low + step).min(1000);
                prop_assert!(direct_value(&incomes, high) <= direct_value(&incomes, low));
            }

            #[test]
            fn income_below_undiscounted_sum(
                incomes in proptest::collection::vec(0i64..1_000_000_000_000, 1..50),
                rate in 1u32..=1000,
            ) {
                let undiscounted = Amount::from_fen(incomes.iter().sum());
                prop_assert!(direct_value(&incomes, rate) <= undiscounted);
            }

            #[test]
            fn split_rate_of_one_equals_direct(
                incomes in proptest::collection::vec(0i64..1_000_000_000_000, 1..50),
                rate in 1u32..=1000,
            ) {
                let revenue: Vec<Amount> = incomes.iter().map(|fen| Amount::from_fen(*fen)).collect();
                let input = IncomeApproachInput {
                    forecast: IncomeForecast::SplitRate { revenue, split_rate: Ratio::ONE },
                    discount_rate: Ratio::new(Decimal::new(i64::from(rate), 3)).unwrap(),
                    rounding: RoundingRule::HalfUp,
                };
                prop_assert_eq!(income_approach(&input).unwrap().value, direct_value(&incomes, rate));
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn market_unit_factors_equal_plain_mean(
                fens in proptest::collection::vec(1i64..10_000_000_000, 1..20),
            ) {
                let comparables: Vec<Comparable> = fens
                    .iter()
                    .map(|&fen| Comparable {
                        case_id: String::new(),
                        price: Amount::from_fen(fen),
                        quality_factor: Decimal::ONE,
                        supply_demand_factor: Decimal::ONE,
                        date_factor: Decimal::ONE,
                        capacity_factor: Decimal::ONE,
                        other_factor: Decimal::ONE,
                    })
                    .collect();
                let input = MarketApproachInput { comparables, rounding: RoundingRule::HalfUp };
                let value = market_approach(&input).unwrap().value.value();
                let sum: i64 = fens.iter().sum();
                let mean = Decimal::new(sum, 2) / Decimal::from(fens.len());
                prop_assert!((value - mean).abs() <= dec("0.005"));
            }

            #[test]
            fn cost_value_scales_linearly_with_factor(
                cost_fen in 0i64..100_000_000_000,
                first in 0u32..=500,
                second in 0u32..=500,
            ) {
                let value_at = |per_mille: u32| {
                    let input = CostApproachInput {
                        components: vec![CostComponent {
                            kind: CostKind::Direct,
                            description: String::new(),
                            amount: Amount::from_fen(cost_fen),
                            recurrence: CostRecurrence::OneOff,
                        }],
                        recurring_years: 0,
                        adjustment: AdjustmentBasis::Factor {
                            factor: Ratio::new(Decimal::new(i64::from(per_mille), 3)).unwrap(),
                        },
                        rounding: RoundingRule::HalfUp,
                    };
                    cost_approach(&input).unwrap().value.value()
                };
                // Each value is within half a fen of C × δ, so the values add up to within one fen.
                let sum = value_at(first) + value_at(second);
                prop_assert!((sum - value_at(first + second)).abs() <= dec("0.01"));
                let exact = Decimal::new(cost_fen, 2) * Decimal::new(i64::from(first), 3);
                prop_assert!((value_at(first) - exact).abs() <= dec("0.005"));
            }
        }
    }
}
