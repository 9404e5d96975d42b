//! Custom types: decimals and dates cross the boundary as text.
//!
//! The text forms are the ones `java.math.BigDecimal.toPlainString()` and
//! `java.time.LocalDate.toString()` write, so a Kotlin or Java caller never sees the strings.
//! A text that does not convert becomes a [`DataAssetsError`] with the rejected text, which the
//! caller receives as the declared exception of the function it called.
//!
//! NOTE: the field of a conversion error names the type (`amount`, `ratio`, `decimal`, `date`),
//! not the argument or record field, because uniffi converts values before any function runs.

use chrono::{NaiveDate, NaiveDateTime};
use data_assets_core::entity::{RegionCode, Uscc, validate_uscc};
use data_assets_core::money::{Amount, MoneyError, Ratio};
use rust_decimal::Decimal;

use crate::error::{ConversionError, DataAssetsError};

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |value| value.to_string(),
    try_lift: |text| Ok(parse_decimal(&text)?),
});

uniffi::custom_type!(Amount, String, {
    remote,
    lower: |amount| amount.to_string(),
    try_lift: |text| Ok(Amount::parse_field(&text, "amount").map_err(DataAssetsError::from)?),
});

uniffi::custom_type!(Ratio, String, {
    remote,
    lower: |ratio| ratio.to_string(),
    try_lift: |text| Ok(Ratio::parse_field(&text, "ratio").map_err(DataAssetsError::from)?),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.to_string(),
    try_lift: |text| Ok(parse_date(&text)?),
});

uniffi::custom_type!(NaiveDateTime, String, {
    remote,
    lower: |time| time.format("%Y-%m-%dT%H:%M:%S%.f").to_string(),
    try_lift: |text| Ok(parse_date_time(&text)?),
});

// A 统一社会信用代码 crosses as its 18-character text and is validated on the way in, so a Rust
// function never receives an invalid one.
uniffi::custom_type!(Uscc, String, {
    remote,
    lower: |uscc| uscc.as_str().to_owned(),
    try_lift: |text| Ok(validate_uscc(&text).map_err(DataAssetsError::from)?),
});

uniffi::custom_type!(RegionCode, String, {
    remote,
    lower: |code| code.as_str().to_owned(),
    try_lift: |text| Ok(RegionCode::new(&text).map_err(DataAssetsError::from)?),
});

/// Parses decimal text exactly; a text with more precision than `Decimal` can store is rejected
/// instead of rounded.
fn parse_decimal(text: &str) -> Result<Decimal, DataAssetsError> {
    Decimal::from_str_exact(text.trim()).map_err(|_| {
        DataAssetsError::from(MoneyError::InvalidNumber {
            field: "decimal".into(),
            value: text.into(),
        })
    })
}

/// Parses an ISO 8601 calendar date such as `2026-12-31`.
fn parse_date(text: &str) -> Result<NaiveDate, DataAssetsError> {
    text.trim().parse::<NaiveDate>().map_err(|_| {
        DataAssetsError::from(ConversionError::InvalidDate {
            field: "date".into(),
            value: text.into(),
        })
    })
}

/// Parses an ISO 8601 local date and time such as `2026-03-01T09:30:00`, the text
/// `java.time.LocalDateTime.toString()` writes (seconds may be left out).
fn parse_date_time(text: &str) -> Result<NaiveDateTime, DataAssetsError> {
    let text = text.trim();
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .map_err(|_| {
            DataAssetsError::from(ConversionError::InvalidDateTime {
                field: "date_time".into(),
                value: text.into(),
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_keeps_scale() {
        let value = parse_decimal("1000.00").unwrap();
        assert_eq!(value.to_string(), "1000.00");
    }

    #[test]
    fn decimal_rejects_excess_precision() {
        let error = parse_decimal("0.00000000000000000000000000001").unwrap_err();
        assert_eq!(error.code(), "money.invalid_number");
        assert_eq!(error.field(), "decimal");
    }

    #[test]
    fn date_parses_iso_text() {
        let date = parse_date("2027-12-31").unwrap();
        assert_eq!(date, NaiveDate::from_ymd_opt(2027, 12, 31).unwrap());
        assert_eq!(date.to_string(), "2027-12-31");
    }

    #[test]
    fn date_rejects_day_out_of_month() {
        let error = parse_date("2026-02-30").unwrap_err();
        assert_eq!(error.code(), "ffi.invalid_date");
        assert_eq!(error.value(), "2026-02-30");
    }

    #[test]
    fn date_time_accepts_java_forms() {
        let full = parse_date_time("2026-03-01T09:30:15").unwrap();
        let short = parse_date_time("2026-03-01T09:30").unwrap();
        assert_eq!(full.to_string(), "2026-03-01 09:30:15");
        assert_eq!(short.to_string(), "2026-03-01 09:30:00");
        assert_eq!(
            parse_date_time("2026-03-01").unwrap_err().code(),
            "ffi.invalid_date_time"
        );
    }
}
