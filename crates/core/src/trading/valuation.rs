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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostRecurrence {
    /// Paid once.
    #[default]
    OneOff,
    /// Paid every year; counted [`CostApproachInput::recurring_years`] times.
    PerYear,
}

/// One line of the replacement cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostComponent {
    /// Which of the five cost groups the line belongs to.
    pub kind: CostKind,
    /// What the cost is for, such as `数据采集`.
    #[serde(default)]
    pub description: String,
    /// Amount once, or per year for a recurring line; zero or more.
    pub amount: Amount,
    /// Whether the amount is paid once or every year.
    #[serde(default)]
    pub recurrence: CostRecurrence,
}

/// How the value adjustment factor δ of the cost approach is obtained.
///
/// Reconstructed from appraisal practice: δ reflects quality and/or the remaining economic life
/// (a form of obsolescence). Combining both multiplies them, δ = quality × remaining / total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    if remaining.is_sign_negative() && !remaining.is_zero() || remaining > total {
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostApproachInput {
    /// Cost lines; at least one.
    pub components: Vec<CostComponent>,
    /// Years over which [`CostRecurrence::PerYear`] lines are counted; 1 to 100 when any line
    /// recurs, ignored otherwise.
    #[serde(default)]
    pub recurring_years: u32,
    /// How δ is obtained.
    pub adjustment: AdjustmentBasis,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// Replacement cost of one cost group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CostSubtotal {
    /// The cost group.
    pub kind: CostKind,
    /// Its share of the replacement cost, recurring lines multiplied by the years.
    pub amount: Amount,
}

/// Result of the cost approach, with the input that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
        .map_err(TradingError::overflow("value"))?
        .round_fen(input.rounding);
    Ok(CostApproachResult {
        input: input.clone(),
        cost_by_kind,
        replacement_cost,
        adjustment_factor,
        value,
    })
}

/// How the income F_t attributable to the data asset is forecast in the income approach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeApproachInput {
    /// The income forecast; its length is the number of periods n (收益期), 1 to 100 years.
    pub forecast: IncomeForecast,
    /// Discount rate i per period, above 0 and at most 1.
    pub discount_rate: Ratio,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// One discounted period of the income approach, at full precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

    // Discount each period; (1 + i)^t ≤ 2^100 fits a Decimal.
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
    let value = Amount::new(input.rounding.round(total, FEN_SCALE))
        .map_err(TradingError::overflow("value"))?;
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarketApproachInput {
    /// Comparable cases; 1 to 1000.
    pub comparables: Vec<Comparable>,
    /// Rounding of the final value to the fen.
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// Result of the market approach, with the input that produced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    let factor_max: Decimal = MARKET_FACTOR_MAX.parse().unwrap_or(Decimal::TEN);

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
            if factor <= Decimal::ZERO || factor > factor_max {
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
    let value = sum
        .checked_div(Decimal::from(count))
        .map_err(TradingError::overflow("value"))?
        .round_fen(input.rounding);
    Ok(MarketApproachResult {
        input: input.clone(),
        adjusted_prices,
        value,
    })
}

/// A valuation by any of the three approaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
