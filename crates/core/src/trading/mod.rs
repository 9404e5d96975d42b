//! Valuation, pricing and trade records (交易流通, 评估定价).
//!
//! - [`valuation`]: the cost, income and market approaches of 数据资产评估指导意见 (中评协〔2023〕17号).
//!   Every result carries the input that produced it, so a stored valuation can be re-checked.
//! - [`pricing`]: prices by agreement, by valuation or as a capped public-data operation fee
//!   (发改价格〔2025〕65号), and trade records on or off an exchange.
//!
//! # Errors
//!
//! Every fallible function returns [`TradingError`]; each variant has a stable code
//! (`trading.invalid_discount_rate`, …), the field path, the rejected value and what is allowed,
//! through [`ErrorDetail`].

pub mod pricing;
pub mod valuation;

pub use pricing::{Price, PricingBasis, TradeRecord, TradeVenue};
pub use valuation::{
    AdjustmentBasis, Comparable, CostApproachInput, CostApproachResult, CostComponent, CostKind,
    CostRecurrence, DiscountedPeriod, IncomeApproachInput, IncomeApproachResult, IncomeForecast,
    MarketApproachInput, MarketApproachResult, Valuation,
};

use thiserror::Error;

use crate::error::ErrorDetail;
use crate::money::MoneyError;

/// Limits on valuation inputs, quoted by the errors that enforce them.
pub mod limits {
    /// Maximum number of forecast periods (收益期) in the income approach, in years.
    pub const INCOME_PERIODS_MAX: usize = 50;
    /// Maximum number of years over which recurring costs are counted in the cost approach.
    pub const COST_YEARS_MAX: u32 = 100;
    /// Maximum number of comparable cases in the market approach.
    pub const COMPARABLES_MAX: usize = 1_000;
    /// Maximum value of one market adjustment factor (X1..X5).
    pub const MARKET_FACTOR_MAX: rust_decimal::Decimal = rust_decimal::Decimal::TEN;
}

/// Errors of valuation, pricing and trade records.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum TradingError {
    /// The discount rate is zero or above 100%.
    #[error("invalid discount rate in {field}: {value} must be above 0 and at most 1")]
    InvalidDiscountRate {
        /// Field path.
        field: String,
        /// Rejected rate.
        value: String,
    },
    /// The number of forecast periods is zero or above the limit.
    #[error("invalid number of periods in {field}: {value} is outside 1..={max}")]
    InvalidPeriods {
        /// Field path.
        field: String,
        /// Rejected count.
        value: String,
        /// Largest accepted count.
        max: usize,
    },
    /// Two forecast series that must run over the same periods have different lengths.
    #[error("forecast length mismatch in {field}: {value} periods, expected {expected}")]
    ForecastLengthMismatch {
        /// Field path of the shorter or longer series.
        field: String,
        /// Its length.
        value: String,
        /// Length of the series it must match.
        expected: usize,
    },
    /// The split rate (分成率) is zero or above 100%.
    #[error("invalid split rate in {field}: {value} must be above 0 and at most 1")]
    InvalidSplitRate {
        /// Field path.
        field: String,
        /// Rejected rate.
        value: String,
    },
    /// The cost-approach adjustment factor δ, a quality score or a life ratio is outside 0..=1.
    #[error("invalid adjustment factor in {field}: {value} must be between 0 and 1")]
    InvalidAdjustmentFactor {
        /// Field path.
        field: String,
        /// Rejected factor.
        value: String,
    },
    /// The remaining or total economic life is not usable.
    #[error(
        "invalid economic life in {field}: {value}; the total must be above 0 and the remaining life between 0 and the total"
    )]
    InvalidEconomicLife {
        /// Field path.
        field: String,
        /// Rejected life, in years.
        value: String,
    },
    /// The number of years of recurring costs is zero or above the limit.
    #[error("invalid number of cost years in {field}: {value} is outside 1..={max}")]
    InvalidCostYears {
        /// Field path.
        field: String,
        /// Rejected count.
        value: String,
        /// Largest accepted count.
        max: u32,
    },
    /// The cost approach has no cost component.
    #[error("no cost components in {field}: at least one is required")]
    NoCostComponents {
        /// Field path.
        field: String,
    },
    /// The market approach has no comparable case, or more than the limit.
    #[error("invalid number of comparables in {field}: {value} is outside 1..={max}")]
    InvalidComparableCount {
        /// Field path.
        field: String,
        /// Rejected count.
        value: String,
        /// Largest accepted count.
        max: usize,
    },
    /// A market adjustment factor (X1..X5) is zero or above the limit.
    #[error(
        "invalid market adjustment factor in {field}: {value} must be above 0 and at most {}",
        limits::MARKET_FACTOR_MAX
    )]
    InvalidMarketFactor {
        /// Field path.
        field: String,
        /// Rejected factor.
        value: String,
    },
    /// An amount that must be positive, or at least not negative, is not.
    #[error("invalid amount in {field}: {value} must be {allowed}")]
    InvalidAmount {
        /// Field path.
        field: String,
        /// Rejected amount.
        value: String,
        /// Description of the accepted values.
        allowed: &'static str,
    },
    /// A valuation came out negative, which no data asset can be worth.
    #[error("negative valuation in {field}: {value}; check the forecast and contributory charges")]
    NegativeValue {
        /// Field path.
        field: String,
        /// Computed value.
        value: String,
    },
    /// A price is above the capped public-data operation fee (发改价格〔2025〕65号).
    #[error("price above cap in {field}: {value} exceeds the cap {cap}")]
    PriceAboveCap {
        /// Field path.
        field: String,
        /// Rejected price.
        value: String,
        /// The cap.
        cap: String,
    },
    /// A fee was charged for public data used for public governance or public welfare, which is
    /// free (发改价格〔2025〕65号).
    #[error("fee for free public use in {field}: {value} must be 0 for {purpose}")]
    PublicUseNotFree {
        /// Field path.
        field: String,
        /// Rejected fee.
        value: String,
        /// Code of the purpose.
        purpose: &'static str,
    },
    /// A required text field is empty.
    #[error("missing {field}: the value is empty")]
    MissingField {
        /// Field path.
        field: String,
    },
    /// Buyer and seller of a trade are the same party.
    #[error("same buyer and seller in {field}: {value}")]
    SameBuyerAndSeller {
        /// Field path.
        field: String,
        /// The party id.
        value: String,
    },
    /// A trade transfers no right.
    #[error("no rights transferred in {field}: name at least one right")]
    NoRightsTransferred {
        /// Field path.
        field: String,
    },
    /// Arithmetic left the range of [`crate::money::Amount`].
    #[error("arithmetic overflow in {field}: {source}")]
    Overflow {
        /// Field path.
        field: String,
        /// The money error.
        source: MoneyError,
    },
}

impl TradingError {
    /// Wraps a money error raised while computing `field`.
    pub(crate) fn overflow(field: impl Into<String>) -> impl FnOnce(MoneyError) -> Self {
        let field = field.into();
        move |source| TradingError::Overflow { field, source }
    }
}

impl ErrorDetail for TradingError {
    fn code(&self) -> &'static str {
        match self {
            TradingError::InvalidDiscountRate { .. } => "trading.invalid_discount_rate",
            TradingError::InvalidPeriods { .. } => "trading.invalid_periods",
            TradingError::ForecastLengthMismatch { .. } => "trading.forecast_length_mismatch",
            TradingError::InvalidSplitRate { .. } => "trading.invalid_split_rate",
            TradingError::InvalidAdjustmentFactor { .. } => "trading.invalid_adjustment_factor",
            TradingError::InvalidEconomicLife { .. } => "trading.invalid_economic_life",
            TradingError::InvalidCostYears { .. } => "trading.invalid_cost_years",
            TradingError::NoCostComponents { .. } => "trading.no_cost_components",
            TradingError::InvalidComparableCount { .. } => "trading.invalid_comparable_count",
            TradingError::InvalidMarketFactor { .. } => "trading.invalid_market_factor",
            TradingError::InvalidAmount { .. } => "trading.invalid_amount",
            TradingError::NegativeValue { .. } => "trading.negative_value",
            TradingError::PriceAboveCap { .. } => "trading.price_above_cap",
            TradingError::PublicUseNotFree { .. } => "trading.public_use_not_free",
            TradingError::MissingField { .. } => "trading.missing_field",
            TradingError::SameBuyerAndSeller { .. } => "trading.same_buyer_and_seller",
            TradingError::NoRightsTransferred { .. } => "trading.no_rights_transferred",
            TradingError::Overflow { .. } => "trading.overflow",
        }
    }

    fn field(&self) -> &str {
        match self {
            TradingError::InvalidDiscountRate { field, .. }
            | TradingError::InvalidPeriods { field, .. }
            | TradingError::ForecastLengthMismatch { field, .. }
            | TradingError::InvalidSplitRate { field, .. }
            | TradingError::InvalidAdjustmentFactor { field, .. }
            | TradingError::InvalidEconomicLife { field, .. }
            | TradingError::InvalidCostYears { field, .. }
            | TradingError::NoCostComponents { field }
            | TradingError::InvalidComparableCount { field, .. }
            | TradingError::InvalidMarketFactor { field, .. }
            | TradingError::InvalidAmount { field, .. }
            | TradingError::NegativeValue { field, .. }
            | TradingError::PriceAboveCap { field, .. }
            | TradingError::PublicUseNotFree { field, .. }
            | TradingError::MissingField { field }
            | TradingError::SameBuyerAndSeller { field, .. }
            | TradingError::NoRightsTransferred { field }
            | TradingError::Overflow { field, .. } => field,
        }
    }

    fn value(&self) -> &str {
        match self {
            TradingError::InvalidDiscountRate { value, .. }
            | TradingError::InvalidPeriods { value, .. }
            | TradingError::ForecastLengthMismatch { value, .. }
            | TradingError::InvalidSplitRate { value, .. }
            | TradingError::InvalidAdjustmentFactor { value, .. }
            | TradingError::InvalidEconomicLife { value, .. }
            | TradingError::InvalidCostYears { value, .. }
            | TradingError::InvalidComparableCount { value, .. }
            | TradingError::InvalidMarketFactor { value, .. }
            | TradingError::InvalidAmount { value, .. }
            | TradingError::NegativeValue { value, .. }
            | TradingError::PriceAboveCap { value, .. }
            | TradingError::PublicUseNotFree { value, .. }
            | TradingError::SameBuyerAndSeller { value, .. } => value,
            TradingError::Overflow { source, .. } => source.value(),
            TradingError::NoCostComponents { .. }
            | TradingError::MissingField { .. }
            | TradingError::NoRightsTransferred { .. } => "",
        }
    }

    fn allowed(&self) -> &str {
        match self {
            TradingError::InvalidDiscountRate { .. } => {
                "a rate above 0 and at most 1, such as 0.08"
            }
            TradingError::InvalidPeriods { .. } => "between 1 and 50 forecast periods",
            TradingError::ForecastLengthMismatch { .. } => {
                "series of the same length, one value per forecast period"
            }
            TradingError::InvalidSplitRate { .. } => "a rate above 0 and at most 1, such as 0.25",
            TradingError::InvalidAdjustmentFactor { .. } => "a factor between 0 and 1, such as 0.7",
            TradingError::InvalidEconomicLife { .. } => {
                "a total life above 0 years and a remaining life between 0 and the total"
            }
            TradingError::InvalidCostYears { .. } => {
                "between 1 and 100 years when any cost recurs per year"
            }
            TradingError::NoCostComponents { .. } => "at least one cost component",
            TradingError::InvalidComparableCount { .. } => "between 1 and 1000 comparable cases",
            TradingError::InvalidMarketFactor { .. } => "a factor above 0 and at most 10",
            TradingError::InvalidAmount { allowed, .. } => allowed,
            TradingError::NegativeValue { .. } => "a valuation of zero or more",
            TradingError::PriceAboveCap { .. } => "a price at or below the capped fee",
            TradingError::PublicUseNotFree { .. } => {
                "a fee of 0 for public governance or public welfare use"
            }
            TradingError::MissingField { .. } => "a non-empty text",
            TradingError::SameBuyerAndSeller { .. } => "a buyer different from the seller",
            TradingError::NoRightsTransferred { .. } => {
                "at least one of holding, processing_use, product_operation"
            }
            TradingError::Overflow { source, .. } => source.allowed(),
        }
    }
}
