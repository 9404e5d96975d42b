//! Money in CNY: [`Amount`], [`Ratio`], named rounding and exact allocation.
//!
//! Amounts are `rust_decimal::Decimal` at full precision. They are rounded only through a named
//! [`RoundingRule`]; the default is [`RoundingRule::HalfUp`] (四舍五入, half away from zero) to the
//! fen, as Chinese accounting practice books every amount. Arithmetic is checked: a result outside
//! [`Amount::MAX_ABS`] is a [`MoneyError::Overflow`], never a panic.
//!
//! # Errors
//!
//! Every fallible function returns [`MoneyError`]; its variants carry a stable code, the field,
//! the rejected value and what is allowed, through [`ErrorDetail`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::error::ErrorDetail;

/// Number of decimal places of one fen (分), the smallest booked unit of CNY.
pub const FEN_SCALE: u32 = 2;

/// Errors of money arithmetic and allocation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoneyError {
    /// A result or an input lies outside ±[`Amount::MAX_ABS`].
    #[error("amount overflow in {field}: {value} is outside ±{}", Amount::MAX_ABS)]
    Overflow {
        /// Operation or field that overflowed.
        field: String,
        /// Operands or value, as text.
        value: String,
    },
    /// A text is not a decimal number.
    #[error("invalid amount in {field}: {value:?} is not a decimal number")]
    InvalidNumber {
        /// Field that held the text.
        field: String,
        /// Rejected text.
        value: String,
    },
    /// A value that must be at fen precision has more decimal places.
    #[error("amount in {field} has more than two decimal places: {value}")]
    NotFen {
        /// Field that held the value.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// A value that must not be negative is negative.
    #[error("negative value in {field}: {value}")]
    Negative {
        /// Field that held the value.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// Allocation weights are empty or all zero, so no share can be computed.
    #[error("cannot allocate over weights {value}: at least one weight must be positive")]
    NoPositiveWeight {
        /// Rejected weights, as text.
        value: String,
    },
    /// Allocation weights need more precision than exact integer arithmetic can hold.
    #[error("weight {value} in {field} is too precise or too large for exact allocation")]
    WeightPrecision {
        /// Position of the weight, such as `weights[2]`.
        field: String,
        /// Rejected weight.
        value: String,
    },
    /// Division by zero.
    #[error("division by zero in {field}")]
    DivisionByZero {
        /// Operation that divided.
        field: String,
    },
}

impl ErrorDetail for MoneyError {
    fn code(&self) -> &'static str {
        match self {
            MoneyError::Overflow { .. } => "money.overflow",
            MoneyError::InvalidNumber { .. } => "money.invalid_number",
            MoneyError::NotFen { .. } => "money.not_fen",
            MoneyError::Negative { .. } => "money.negative",
            MoneyError::NoPositiveWeight { .. } => "money.no_positive_weight",
            MoneyError::WeightPrecision { .. } => "money.weight_precision",
            MoneyError::DivisionByZero { .. } => "money.division_by_zero",
        }
    }
    fn field(&self) -> &str {
        match self {
            MoneyError::Overflow { field, .. }
            | MoneyError::InvalidNumber { field, .. }
            | MoneyError::NotFen { field, .. }
            | MoneyError::Negative { field, .. }
            | MoneyError::WeightPrecision { field, .. }
            | MoneyError::DivisionByZero { field } => field,
            MoneyError::NoPositiveWeight { .. } => "weights",
        }
    }
    fn value(&self) -> &str {
        match self {
            MoneyError::Overflow { value, .. }
            | MoneyError::InvalidNumber { value, .. }
            | MoneyError::NotFen { value, .. }
            | MoneyError::Negative { value, .. }
            | MoneyError::NoPositiveWeight { value }
            | MoneyError::WeightPrecision { value, .. } => value,
            MoneyError::DivisionByZero { .. } => "",
        }
    }
    fn allowed(&self) -> &str {
        match self {
            MoneyError::Overflow { .. } => "amounts between -10^16 and 10^16 yuan",
            MoneyError::InvalidNumber { .. } => "a decimal number such as 1234.56",
            MoneyError::NotFen { .. } => "at most two decimal places (fen)",
            MoneyError::Negative { .. } => "zero or a positive number",
            MoneyError::NoPositiveWeight { .. } => {
                "non-negative weights with at least one above zero"
            }
            MoneyError::WeightPrecision { .. } => {
                "weights whose common scale and size fit 128-bit integers (at most 18 decimal places)"
            }
            MoneyError::DivisionByZero { .. } => "a non-zero divisor",
        }
    }
}

/// A named rounding rule. Every rounding in the crate goes through one of these.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RoundingRule {
    /// 四舍五入: half away from zero (2.345 → 2.35, −2.345 → −2.35). The default of Chinese
    /// accounting practice.
    #[default]
    HalfUp,
    /// Banker's rounding, half to even (2.345 → 2.34). Not used by default anywhere.
    HalfEven,
    /// Truncation toward zero (2.349 → 2.34).
    TowardZero,
    /// Away from zero for any remainder (2.341 → 2.35).
    AwayFromZero,
}

impl RoundingRule {
    fn strategy(self) -> RoundingStrategy {
        match self {
            RoundingRule::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingRule::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingRule::TowardZero => RoundingStrategy::ToZero,
            RoundingRule::AwayFromZero => RoundingStrategy::AwayFromZero,
        }
    }

    /// Rounds `value` to `scale` decimal places with this rule.
    ///
    /// ```
    /// use data_assets_core::money::RoundingRule;
    /// use rust_decimal::Decimal;
    /// let v: Decimal = "2.345".parse().unwrap();
    /// assert_eq!(RoundingRule::HalfUp.round(v, 2).to_string(), "2.35");
    /// assert_eq!(RoundingRule::HalfEven.round(v, 2).to_string(), "2.34");
    /// ```
    pub fn round(self, value: Decimal, scale: u32) -> Decimal {
        value.round_dp_with_strategy(scale, self.strategy())
    }
}

/// An amount of CNY (人民币元) at full decimal precision.
///
/// Serialized as a decimal string (`"4166.67"`), so JSON never carries a float.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "ExactDecimal", into = "Decimal")]
pub struct Amount(Decimal);

impl schemars::JsonSchema for Amount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]{1,17}(\\.[0-9]+)?$",
            "description": "amount in CNY yuan as a decimal string, such as \"4166.67\""
        })
    }
}

impl TryFrom<ExactDecimal> for Amount {
    type Error = MoneyError;
    fn try_from(value: ExactDecimal) -> Result<Self, MoneyError> {
        Amount::new(value.0)
    }
}

impl TryFrom<Decimal> for Amount {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, MoneyError> {
        Amount::new(value)
    }
}

impl From<Amount> for Decimal {
    fn from(amount: Amount) -> Decimal {
        amount.0
    }
}

impl Amount {
    /// Largest absolute amount accepted: 10^16 yuan, far above any unit's books, and small
    /// enough that a product with a ratio below 10^12 stays inside `Decimal`'s 96-bit mantissa.
    pub const MAX_ABS: Decimal = Decimal::from_parts(1_874_919_424, 2_328_306, 0, false, 0);

    /// Zero yuan.
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// The nominal amount (名义金额) of one yuan, used for assets without a reliable value
    /// (政府会计准则——基本准则 art. 30). It is booked like any other amount, so it carries
    /// the fen scale: 1.00, not 1.
    pub const NOMINAL: Amount = Amount(Decimal::from_parts(100, 0, 0, false, FEN_SCALE));

    /// Wraps a decimal, rejecting values outside ±[`Amount::MAX_ABS`].
    ///
    /// ```
    /// use data_assets_core::money::Amount;
    /// use rust_decimal::Decimal;
    /// assert!(Amount::new(Decimal::new(12345, 2)).is_ok());
    /// assert!(Amount::new(Decimal::MAX).is_err());
    /// ```
    pub fn new(value: Decimal) -> Result<Self, MoneyError> {
        if value.abs() > Self::MAX_ABS {
            return Err(MoneyError::Overflow {
                field: "amount".into(),
                value: value.to_string(),
            });
        }
        Ok(Amount(value.normalize_sign()))
    }

    /// Parses a decimal text such as `"500000.00"`, naming `field` in any error.
    pub fn parse_field(text: &str, field: &str) -> Result<Self, MoneyError> {
        let Some(trimmed) = strip_thousands_separators(text.trim()) else {
            return Err(MoneyError::InvalidNumber {
                field: field.into(),
                value: text.into(),
            });
        };
        let value =
            Decimal::from_str_exact(&trimmed).or_else(|_| Decimal::from_scientific(&trimmed));
        match value {
            Ok(value) => Amount::new(value).map_err(|_| MoneyError::Overflow {
                field: field.into(),
                value: text.into(),
            }),
            Err(_) => Err(MoneyError::InvalidNumber {
                field: field.into(),
                value: text.into(),
            }),
        }
    }

    /// Wraps a value already known to be fen-precise, such as `Amount::from_fen(416_667)`.
    pub fn from_fen(fen: i64) -> Self {
        Amount(Decimal::new(fen, FEN_SCALE))
    }

    /// Returns the amount as a whole number of fen, or `None` when it has more than two decimal
    /// places.
    ///
    /// Every amount within ±[`Amount::MAX_ABS`] fits: 10^16 yuan is 10^18 fen, below `i64::MAX`.
    ///
    /// ```
    /// use data_assets_core::money::Amount;
    /// assert_eq!(Amount::parse_field("4166.67", "x").unwrap().to_fen(), Some(416_667));
    /// assert_eq!(Amount::parse_field("-1.5", "x").unwrap().to_fen(), Some(-150));
    /// assert_eq!(Amount::parse_field("0.001", "x").unwrap().to_fen(), None);
    /// ```
    pub fn to_fen(self) -> Option<i64> {
        if !self.is_fen() {
            return None;
        }
        let mut value = self.0;
        value.rescale(FEN_SCALE);
        i64::try_from(value.mantissa()).ok()
    }

    /// The underlying decimal.
    pub const fn value(self) -> Decimal {
        self.0
    }

    /// Whether the amount is zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Whether the amount is below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Whether the amount has at most two decimal places.
    pub fn is_fen(self) -> bool {
        self.0.normalize().scale() <= FEN_SCALE
    }

    /// Rejects a value with more than two decimal places, naming `field`.
    pub fn require_fen(self, field: &str) -> Result<Self, MoneyError> {
        if self.is_fen() {
            Ok(self)
        } else {
            Err(MoneyError::NotFen {
                field: field.into(),
                value: self.0.to_string(),
            })
        }
    }

    /// Rejects a negative value, naming `field`.
    pub fn require_non_negative(self, field: &str) -> Result<Self, MoneyError> {
        if self.is_negative() {
            Err(MoneyError::Negative {
                field: field.into(),
                value: self.0.to_string(),
            })
        } else {
            Ok(self)
        }
    }

    /// Rounds to the fen with `rule`.
    ///
    /// ```
    /// use data_assets_core::money::{Amount, RoundingRule};
    /// let a = Amount::parse_field("4166.6666", "x").unwrap();
    /// assert_eq!(a.round_fen(RoundingRule::HalfUp).to_string(), "4166.67");
    /// ```
    #[must_use]
    pub fn round_fen(self, rule: RoundingRule) -> Self {
        let mut rounded = rule.round(self.0, FEN_SCALE).normalize_sign();
        // Keep exactly two places, so a booked 100 reads 100.00 in JSON and in the bindings.
        rounded.rescale(FEN_SCALE);
        Amount(rounded)
    }

    /// Sum, or [`MoneyError::Overflow`].
    pub fn checked_add(self, other: Amount) -> Result<Self, MoneyError> {
        self.0
            .checked_add(other.0)
            .ok_or_else(|| overflow("add", self.0, other.0))
            .and_then(|v| Amount::new(v).map_err(|_| overflow("add", self.0, other.0)))
    }

    /// Difference, or [`MoneyError::Overflow`].
    pub fn checked_sub(self, other: Amount) -> Result<Self, MoneyError> {
        self.0
            .checked_sub(other.0)
            .ok_or_else(|| overflow("sub", self.0, other.0))
            .and_then(|v| Amount::new(v).map_err(|_| overflow("sub", self.0, other.0)))
    }

    /// Product with a decimal factor at full precision (no rounding), or [`MoneyError::Overflow`].
    pub fn checked_mul(self, factor: Decimal) -> Result<Self, MoneyError> {
        self.0
            .checked_mul(factor)
            .ok_or_else(|| overflow("mul", self.0, factor))
            .and_then(|v| Amount::new(v).map_err(|_| overflow("mul", self.0, factor)))
    }

    /// Quotient by a decimal divisor at full precision (no rounding).
    pub fn checked_div(self, divisor: Decimal) -> Result<Self, MoneyError> {
        if divisor.is_zero() {
            return Err(MoneyError::DivisionByZero {
                field: "div".into(),
            });
        }
        self.0
            .checked_div(divisor)
            .ok_or_else(|| overflow("div", self.0, divisor))
            .and_then(|v| Amount::new(v).map_err(|_| overflow("div", self.0, divisor)))
    }

    /// Negation.
    #[must_use]
    pub fn negate(self) -> Self {
        Amount((-self.0).normalize_sign())
    }

    /// Absolute value.
    #[must_use]
    pub fn abs(self) -> Self {
        Amount(self.0.abs())
    }

    /// Sum of many amounts, or [`MoneyError::Overflow`].
    pub fn sum<I: IntoIterator<Item = Amount>>(items: I) -> Result<Self, MoneyError> {
        items
            .into_iter()
            .try_fold(Amount::ZERO, Amount::checked_add)
    }
}

/// Removes thousands separators from a number such as `1,234,567.89`, or returns `None` when the
/// commas do not separate groups of three digits in the integer part (`1,,2` or `12,34`).
fn strip_thousands_separators(text: &str) -> Option<String> {
    if !text.contains(',') {
        return Some(text.to_owned());
    }
    let (integer, fraction) = match text.split_once('.') {
        Some((integer, fraction)) => (integer, Some(fraction)),
        None => (text, None),
    };
    if fraction.is_some_and(|f| f.contains(',')) {
        return None;
    }
    let digits = integer.trim_start_matches(['-', '+']);
    let mut groups = digits.split(',');
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let rest_ok = groups.all(|group| group.len() == 3 && group.bytes().all(|b| b.is_ascii_digit()));
    if first_ok && rest_ok {
        Some(text.replace(',', ""))
    } else {
        None
    }
}

trait NormalizeSign {
    fn normalize_sign(self) -> Self;
}

impl NormalizeSign for Decimal {
    /// Turns −0 into 0 so that equal amounts compare and print the same.
    fn normalize_sign(self) -> Self {
        if self.is_zero() {
            Decimal::new(0, self.scale())
        } else {
            self
        }
    }
}

fn overflow(op: &str, a: Decimal, b: Decimal) -> MoneyError {
    MoneyError::Overflow {
        field: op.into(),
        value: format!("{a} {op} {b}"),
    }
}

impl fmt::Display for Amount {
    /// Prints at least two decimal places: `4166.67`, `200.00`, `0.001`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.scale() < FEN_SCALE {
            let mut v = self.0;
            v.rescale(FEN_SCALE);
            write!(f, "{v}")
        } else {
            write!(f, "{}", self.0)
        }
    }
}

impl FromStr for Amount {
    type Err = MoneyError;
    fn from_str(s: &str) -> Result<Self, MoneyError> {
        Amount::parse_field(s, "amount")
    }
}

/// A non-negative decimal ratio or rate (a split ratio, a VAT rate, an adjustment factor).
///
/// Serialized as a decimal string.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[serde(try_from = "ExactDecimal", into = "Decimal")]
pub struct Ratio(Decimal);

impl schemars::JsonSchema for Ratio {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Ratio".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]+)?$",
            "description": "non-negative decimal ratio as a string, such as \"0.06\""
        })
    }
}

impl Ratio {
    /// Largest ratio accepted: 10^12, so that an amount times a ratio cannot leave `Decimal`.
    pub const MAX: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

    /// Wraps a decimal that must be between 0 and [`Ratio::MAX`].
    pub fn new(value: Decimal) -> Result<Self, MoneyError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MoneyError::Negative {
                field: "ratio".into(),
                value: value.to_string(),
            });
        }
        if value > Self::MAX {
            return Err(MoneyError::Overflow {
                field: "ratio".into(),
                value: value.to_string(),
            });
        }
        Ok(Ratio(value.normalize_sign()))
    }

    /// Parses a decimal text such as `"0.06"`, naming `field` in any error.
    pub fn parse_field(text: &str, field: &str) -> Result<Self, MoneyError> {
        let value =
            Decimal::from_str_exact(text.trim()).map_err(|_| MoneyError::InvalidNumber {
                field: field.into(),
                value: text.into(),
            })?;
        Ratio::new(value).map_err(|e| match e {
            MoneyError::Negative { .. } => MoneyError::Negative {
                field: field.into(),
                value: text.into(),
            },
            _ => MoneyError::Overflow {
                field: field.into(),
                value: text.into(),
            },
        })
    }

    /// The underlying decimal.
    pub const fn value(self) -> Decimal {
        self.0
    }

    /// One (100%).
    pub const ONE: Ratio = Ratio(Decimal::ONE);

    /// Zero.
    pub const ZERO: Ratio = Ratio(Decimal::ZERO);
}

impl TryFrom<ExactDecimal> for Ratio {
    type Error = MoneyError;
    fn try_from(value: ExactDecimal) -> Result<Self, MoneyError> {
        Ratio::new(value.0)
    }
}

impl TryFrom<Decimal> for Ratio {
    type Error = MoneyError;
    fn try_from(value: Decimal) -> Result<Self, MoneyError> {
        Ratio::new(value)
    }
}

impl From<Ratio> for Decimal {
    fn from(ratio: Ratio) -> Decimal {
        ratio.0
    }
}

impl fmt::Display for Ratio {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A decimal read from serde without passing through a float.
///
/// JSON numbers with a fraction reach serde as `f64`, which cannot hold most fen amounts exactly
/// (4800.10 is 4800.1000000000003638 as a double). Amounts and ratios therefore accept a decimal
/// string or an integer, and reject a fractional number with a message that asks for a quoted string.
#[derive(Debug, Clone, Copy)]
pub struct ExactDecimal(pub Decimal);

impl<'de> Deserialize<'de> for ExactDecimal {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ExactDecimalVisitor)
    }
}

struct ExactDecimalVisitor;

impl serde::de::Visitor<'_> for ExactDecimalVisitor {
    type Value = ExactDecimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal string such as \"4800.10\" or an integer")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<ExactDecimal, E> {
        let trimmed = text.trim();
        Decimal::from_str_exact(trimmed)
            .or_else(|_| Decimal::from_scientific(trimmed))
            .map(ExactDecimal)
            .map_err(|_| E::custom(format_args!("invalid decimal {text:?}")))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<ExactDecimal, E> {
        Ok(ExactDecimal(Decimal::from(value)))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<ExactDecimal, E> {
        Ok(ExactDecimal(Decimal::from(value)))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<ExactDecimal, E> {
        Err(E::custom(format_args!(
            "fractional number {value} is not exact: write the amount as a string such as \"{value}\""
        )))
    }
}

/// Splits `total` over `weights` exactly to the fen, by the largest-remainder method.
///
/// The project's rule for split remainders: every share is first the exact share truncated toward
/// zero to the fen; the fen left over are then handed out one at a time to the shares with the
/// largest truncated remainder, and on an exact tie to the earlier weight. A negative total is
/// split as its absolute value and every share negated, so shares of a refund mirror shares of
/// the receipt. A zero weight always gets zero. The shares sum exactly to `total`, and each share
/// is within one fen of its exact value.
///
/// # Errors
///
/// [`MoneyError::NotFen`] when `total` has more than two decimal places,
/// [`MoneyError::Negative`] for a negative weight, [`MoneyError::NoPositiveWeight`] when no
/// weight is above zero, [`MoneyError::WeightPrecision`] when the weights cannot be scaled to
/// 128-bit integers.
///
/// ```
/// use data_assets_core::money::{allocate, Amount};
/// use rust_decimal::Decimal;
/// let shares = allocate(Amount::from_fen(10_000), &[Decimal::ONE; 3]).unwrap();
/// let text: Vec<String> = shares.iter().map(ToString::to_string).collect();
/// assert_eq!(text, ["33.34", "33.33", "33.33"]);
/// ```
pub fn allocate(total: Amount, weights: &[Decimal]) -> Result<Vec<Amount>, MoneyError> {
    total.require_fen("total")?;
    let integer_weights = scale_weights(weights)?;
    let weight_sum = integer_weights
        .iter()
        .try_fold(0u128, |acc, w| acc.checked_add(*w))
        .ok_or_else(|| MoneyError::WeightPrecision {
            field: "weights".into(),
            value: "sum".into(),
        })?;
    if weight_sum == 0 {
        return Err(MoneyError::NoPositiveWeight {
            value: format_weights(weights),
        });
    }

    let negative = total.is_negative();
    let mut fen_total = total.value().abs();
    fen_total.rescale(FEN_SCALE);
    // |total| ≤ 10^16 yuan, so its fen count is below 2^70 and fits u128.
    let fen_total = u128::try_from(fen_total.mantissa()).unwrap_or(0);

    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    let mut handed_out: u128 = 0;
    for &weight in &integer_weights {
        let (quotient, remainder) = mul_div_rem(fen_total, weight, weight_sum);
        handed_out += quotient;
        shares.push(quotient);
        remainders.push(remainder);
    }

    // Leftover fen are fewer than the number of weights, because each truncation loses < 1 fen.
    let leftover = fen_total - handed_out;
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| match remainders[b].cmp(&remainders[a]) {
        Ordering::Equal => a.cmp(&b),
        other => other,
    });
    for &index in order
        .iter()
        .take(usize::try_from(leftover).unwrap_or(usize::MAX))
    {
        shares[index] += 1;
    }

    Ok(shares
        .into_iter()
        .map(|fen| {
            // Each share is at most fen_total, which fits i128 and Decimal's 96-bit mantissa.
            let value = Decimal::from_i128_with_scale(i128::try_from(fen).unwrap_or(0), FEN_SCALE);
            Amount(if negative { -value } else { value }.normalize_sign())
        })
        .collect())
}

fn format_weights(weights: &[Decimal]) -> String {
    let parts: Vec<String> = weights.iter().map(ToString::to_string).collect();
    format!("[{}]", parts.join(", "))
}

/// Scales every weight to an integer at the weights' common scale.
fn scale_weights(weights: &[Decimal]) -> Result<Vec<u128>, MoneyError> {
    let mut common_scale = 0;
    for (index, weight) in weights.iter().enumerate() {
        if weight.is_sign_negative() && !weight.is_zero() {
            return Err(MoneyError::Negative {
                field: format!("weights[{index}]"),
                value: weight.to_string(),
            });
        }
        common_scale = common_scale.max(weight.normalize().scale());
    }
    if common_scale > 18 {
        let index = weights
            .iter()
            .position(|w| w.normalize().scale() > 18)
            .unwrap_or(0);
        return Err(MoneyError::WeightPrecision {
            field: format!("weights[{index}]"),
            value: weights[index].to_string(),
        });
    }
    weights
        .iter()
        .enumerate()
        .map(|(index, weight)| {
            let normalized = weight.normalize();
            let mantissa = normalized.mantissa().unsigned_abs();
            10u128
                .checked_pow(common_scale - normalized.scale())
                .and_then(|factor| mantissa.checked_mul(factor))
                .ok_or_else(|| MoneyError::WeightPrecision {
                    field: format!("weights[{index}]"),
                    value: weight.to_string(),
                })
        })
        .collect()
}

/// Computes `(a × b) / d` and its remainder exactly through a 256-bit intermediate product.
/// The caller guarantees `b ≤ d`, so the quotient fits in 128 bits.
fn mul_div_rem(a: u128, b: u128, d: u128) -> (u128, u128) {
    // Almost every split is small enough for the product to fit 128 bits, where the machine's
    // division is exact and far faster than the bit-by-bit loop below.
    match a.checked_mul(b) {
        Some(product) => (product / d, product % d),
        None => mul_div_rem_wide(a, b, d),
    }
}

/// [`mul_div_rem`] for a product over 128 bits: long division of the 256-bit product, one bit
/// at a time.
fn mul_div_rem_wide(a: u128, b: u128, d: u128) -> (u128, u128) {
    let (high, low) = mul_wide(a, b);
    let mut remainder: u128 = high % d;
    let mut quotient: u128 = 0;
    for bit in (0..128).rev() {
        let carry = remainder >> 127;
        remainder = (remainder << 1) | ((low >> bit) & 1);
        quotient <<= 1;
        if carry == 1 || remainder >= d {
            remainder = remainder.wrapping_sub(d);
            quotient |= 1;
        }
    }
    (quotient, remainder)
}

/// Full 256-bit product of two 128-bit numbers, as (high, low) halves.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a_high, a_low) = (a >> 64, a & MASK);
    let (b_high, b_low) = (b >> 64, b & MASK);
    let low_low = a_low * b_low;
    let low_high = a_low * b_high;
    let high_low = a_high * b_low;
    let high_high = a_high * b_high;
    let middle = (low_low >> 64) + (low_high & MASK) + (high_low & MASK);
    let low = (low_low & MASK) | (middle << 64);
    let high = high_high + (low_high >> 64) + (high_low >> 64) + (middle >> 64);
    (high, low)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn strings(shares: &[Amount]) -> Vec<String> {
        shares.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn allocate_three_equal_parts() {
        let shares = allocate(amount("100.00"), &[dec("1"), dec("1"), dec("1")]).unwrap();
        assert_eq!(strings(&shares), ["33.34", "33.33", "33.33"]);
    }

    #[test]
    fn allocate_small_amount_seventy_thirty() {
        // 0.05 × 0.7 = 0.035 → 0.03 + remainder 0.5 fen; 0.05 × 0.3 = 0.015 → 0.01 + 0.5 fen.
        // The leftover fen goes to the earlier party on the tie.
        let shares = allocate(amount("0.05"), &[dec("0.7"), dec("0.3")]).unwrap();
        assert_eq!(strings(&shares), ["0.04", "0.01"]);
    }

    #[test]
    fn allocate_largest_remainder_wins() {
        // 1.00 over 1:2 → 0.333.. and 0.666..: truncated 0.33 + 0.66, the leftover fen to the
        // larger remainder (0.666.. has remainder 0.66 fen vs 0.33 fen).
        let shares = allocate(amount("1.00"), &[dec("1"), dec("2")]).unwrap();
        assert_eq!(strings(&shares), ["0.33", "0.67"]);
    }

    #[test]
    fn allocate_zero_weight_gets_nothing() {
        let shares = allocate(amount("10.00"), &[dec("0"), dec("3"), dec("0")]).unwrap();
        assert_eq!(strings(&shares), ["0.00", "10.00", "0.00"]);
    }

    #[test]
    fn allocate_negative_total_mirrors() {
        let shares = allocate(amount("-100.00"), &[dec("1"), dec("1"), dec("1")]).unwrap();
        assert_eq!(strings(&shares), ["-33.34", "-33.33", "-33.33"]);
    }

    #[test]
    fn allocate_rejects_all_zero_weights() {
        let error = allocate(amount("1.00"), &[dec("0"), dec("0")]).unwrap_err();
        assert_eq!(error.code(), "money.no_positive_weight");
        let error = allocate(amount("1.00"), &[]).unwrap_err();
        assert_eq!(error.code(), "money.no_positive_weight");
    }

    #[test]
    fn allocate_rejects_negative_weight() {
        let error = allocate(amount("1.00"), &[dec("1"), dec("-1")]).unwrap_err();
        assert_eq!(error.code(), "money.negative");
        assert_eq!(error.field(), "weights[1]");
        assert_eq!(error.value(), "-1");
    }

    #[test]
    fn allocate_rejects_sub_fen_total() {
        let error = allocate(amount("1.001"), &[dec("1")]).unwrap_err();
        assert_eq!(error.code(), "money.not_fen");
    }

    #[test]
    fn allocate_huge_values_exact() {
        // 10^16 yuan over weights near 2^60 needs a product beyond 128 bits.
        let total = Amount::new(Amount::MAX_ABS).unwrap();
        let big = Decimal::from(1_152_921_504_606_846_976_i64);
        let shares = allocate(total, &[big, big, big]).unwrap();
        assert_eq!(Amount::sum(shares.iter().copied()).unwrap(), total);
        assert_eq!(shares[0].to_string(), "3333333333333333.34");
        assert_eq!(shares[2].to_string(), "3333333333333333.33");
    }

    #[test]
    fn rounding_rules_are_distinct() {
        let v = dec("2.345");
        assert_eq!(RoundingRule::HalfUp.round(v, 2), dec("2.35"));
        assert_eq!(RoundingRule::HalfUp.round(-v, 2), dec("-2.35"));
        assert_eq!(RoundingRule::HalfEven.round(v, 2), dec("2.34"));
        assert_eq!(RoundingRule::TowardZero.round(dec("2.349"), 2), dec("2.34"));
        assert_eq!(
            RoundingRule::AwayFromZero.round(dec("2.341"), 2),
            dec("2.35")
        );
    }

    #[test]
    fn max_abs_is_ten_to_sixteen() {
        assert_eq!(Amount::MAX_ABS, dec("10000000000000000"));
        assert_eq!(Ratio::MAX, dec("1000000000000"));
    }

    #[test]
    fn overflow_is_an_error() {
        let max = Amount::new(Amount::MAX_ABS).unwrap();
        assert_eq!(
            max.checked_add(Amount::from_fen(1)).unwrap_err().code(),
            "money.overflow"
        );
        assert_eq!(
            max.checked_mul(dec("2")).unwrap_err().code(),
            "money.overflow"
        );
        assert_eq!(
            Amount::new(Decimal::MAX).unwrap_err().code(),
            "money.overflow"
        );
    }

    #[test]
    fn parse_accepts_only_whole_thousands_groups() {
        assert_eq!(
            Amount::parse_field("1,234,567.89", "cost").unwrap(),
            amount("1234567.89")
        );
        assert_eq!(
            Amount::parse_field("-12,345", "cost").unwrap(),
            amount("-12345")
        );
        for text in ["1,,2", "12,34", ",123", "1,234.5,6", "1234,567"] {
            let error = Amount::parse_field(text, "cost").unwrap_err();
            assert_eq!(error.code(), "money.invalid_number", "{text}");
        }
    }

    #[test]
    fn parse_rejects_text() {
        let error = Amount::parse_field("12a", "cost").unwrap_err();
        assert_eq!(error.code(), "money.invalid_number");
        assert_eq!(error.field(), "cost");
        assert_eq!(error.value(), "12a");
    }

    #[test]
    fn nominal_amount_has_fen_scale() {
        assert_eq!(Amount::NOMINAL.value().to_string(), "1.00");
        assert_eq!(Amount::NOMINAL, amount("1"));
    }

    #[test]
    fn round_fen_keeps_two_places() {
        let net = amount("106.00").checked_div(dec("1.06")).unwrap();
        assert_eq!(
            net.round_fen(RoundingRule::HalfUp).value().to_string(),
            "100.00"
        );
        assert_eq!(
            amount("7").round_fen(RoundingRule::HalfUp).value().scale(),
            2
        );
    }

    #[test]
    fn display_pads_to_fen() {
        assert_eq!(amount("200").to_string(), "200.00");
        assert_eq!(amount("0.001").to_string(), "0.001");
        assert_eq!(amount("-0.00").to_string(), "0.00");
    }

    #[test]
    fn serde_rejects_fractional_numbers() {
        let error = serde_json::from_str::<Amount>("4800.10").unwrap_err();
        assert!(
            error.to_string().contains("write the amount as a string"),
            "{error}"
        );
        assert_eq!(
            serde_json::from_str::<Amount>("4800").unwrap(),
            amount("4800")
        );
        assert_eq!(
            serde_json::from_str::<Amount>("\"4800.10\"").unwrap(),
            amount("4800.10")
        );
        assert!(serde_json::from_str::<Ratio>("0.06").is_err());
        assert_eq!(
            serde_json::from_str::<Ratio>("\"0.06\"").unwrap().value(),
            dec("0.06")
        );
    }

    #[test]
    fn serde_uses_strings() {
        let json = serde_json::to_string(&amount("4166.67")).unwrap();
        assert_eq!(json, "\"4166.67\"");
        let back: Amount = serde_json::from_str("\"4166.67\"").unwrap();
        assert_eq!(back, amount("4166.67"));
        assert!(serde_json::from_str::<Amount>("\"1e30\"").is_err());
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(4000))]

            #[test]
            fn shares_sum_and_stay_within_a_fen(
                fen in -1_000_000_000_000_i64..1_000_000_000_000_i64,
                weights in proptest::collection::vec(0u32..1_000_000, 1..12),
                weight_scale in 0u32..4,
            ) {
                prop_assume!(weights.iter().any(|w| *w > 0));
                let total = Amount::from_fen(fen);
                let weights: Vec<Decimal> =
                    weights.iter().map(|w| Decimal::new(i64::from(*w), weight_scale)).collect();
                let shares = allocate(total, &weights).unwrap();
                prop_assert_eq!(Amount::sum(shares.iter().copied()).unwrap(), total);
                let weight_sum: Decimal = weights.iter().sum();
                for (share, weight) in shares.iter().zip(&weights) {
                    let exact = total.value() * *weight / weight_sum;
                    prop_assert!((share.value() - exact).abs() < dec("0.01"));
                    prop_assert!(share.is_fen());
                }
            }

            #[test]
            fn wide_division_agrees_with_machine_division(
                a in any::<u64>(),
                b in any::<u64>(),
                extra in any::<u64>(),
            ) {
                // Products of two 64-bit numbers fit 128 bits, so the machine's division gives
                // the expected quotient and remainder for the bit-by-bit loop. d ≥ b as the
                // callers guarantee.
                let (a, b) = (u128::from(a), u128::from(b));
                let d = (b + u128::from(extra)).max(1);
                prop_assert_eq!(mul_div_rem_wide(a, b, d), (a * b / d, a * b % d));
            }
        }
    }

    #[test]
    fn wide_division_past_128_bits() {
        // (2^127 + 1) × 6 / 8 = 3 × 2^125 + 0.75: quotient 3 × 2^125, remainder 6.
        let a = (1u128 << 127) + 1;
        assert_eq!(mul_div_rem(a, 6, 8), (3 << 125, 6));
        // 10^18 fen (10^16 yuan) × a weight of 10^21 over 3 × 10^21: a third of 10^18 fen.
        let weight = 10u128.pow(21);
        assert_eq!(
            mul_div_rem(10u128.pow(18), weight, 3 * weight),
            (333_333_333_333_333_333, weight)
        );
    }
}
