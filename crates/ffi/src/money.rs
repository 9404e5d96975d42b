//! Money: exact allocation, named rounding and amount parsing.

use data_assets_core::money::{self as core_money, Amount, RoundingRule};
use rust_decimal::Decimal;

use crate::error::DataAssetsError;

/// A named rounding rule; `HalfUp` (四舍五入) is the default of Chinese accounting practice.
#[uniffi::remote(Enum)]
pub enum RoundingRule {
    /// 四舍五入: half away from zero (2.345 → 2.35).
    HalfUp,
    /// Banker's rounding, half to even (2.345 → 2.34).
    HalfEven,
    /// Truncation toward zero (2.349 → 2.34).
    TowardZero,
    /// Away from zero for any remainder (2.341 → 2.35).
    AwayFromZero,
}

/// Splits `total` over `weights` exactly to the fen by the largest-remainder method.
///
/// Every share is the exact share truncated to the fen; the fen left over go one at a time to the
/// largest remainders, and on a tie to the earlier weight. The shares sum exactly to `total`.
///
/// # Errors
///
/// `money.not_fen` when `total` has more than two decimal places, `money.negative` for a negative
/// weight, `money.no_positive_weight` when no weight is above zero, `money.weight_precision` when
/// the weights are too precise for exact integer arithmetic.
#[uniffi::export]
pub fn allocate(total: Amount, weights: Vec<Decimal>) -> Result<Vec<Amount>, DataAssetsError> {
    Ok(core_money::allocate(total, &weights)?)
}

/// Rounds `amount` to the fen with `rule`.
#[uniffi::export]
pub fn round_to_fen(amount: Amount, rule: RoundingRule) -> Amount {
    amount.round_fen(rule)
}

/// Parses an amount typed by a person, such as `"1,234.56"`, naming `field` in any error.
///
/// Thousands separators and surrounding spaces are accepted.
///
/// # Errors
///
/// `money.invalid_number` when the text is not a decimal number, `money.overflow` when it is
/// outside ±10^16 yuan.
#[uniffi::export]
pub fn parse_amount(text: String, field: String) -> Result<Amount, DataAssetsError> {
    Ok(Amount::parse_field(&text, &field)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn allocate_maps_negative_weight() {
        let error = allocate(Amount::from_fen(5), vec![dec("0.7"), dec("-0.3")]).unwrap_err();
        assert_eq!(error.code(), "money.negative");
        assert_eq!(error.field(), "weights[1]");
        assert_eq!(error.value(), "-0.3");
    }

    #[test]
    fn parse_amount_names_field() {
        let error = parse_amount("12a".into(), "cost".into()).unwrap_err();
        assert_eq!(error.code(), "money.invalid_number");
        assert_eq!(error.field(), "cost");
    }
}
