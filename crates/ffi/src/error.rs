//! The one exception type of the bindings, and the errors this crate raises itself.
//!
//! Every core error implements [`ErrorDetail`], and any of them converts into
//! [`DataAssetsError`] with `?`, so a new core module needs no code here for its errors.

use data_assets_core::ErrorDetail;
use thiserror::Error;

// ---- Exception crossing the boundary ----

/// An input that a rule rejected. Kotlin and Java see it as `DataAssetsException`.
///
/// Catch `DataAssetsException` and read `code()`, `field()`, `value()` and `allowed()`, or catch
/// its subclass `DataAssetsException.Invalid` and read the same facts as properties.
#[derive(Debug, Clone, PartialEq, Eq, Error, uniffi::Error)]
pub enum DataAssetsError {
    /// The input breaks a rule of the core crate, or could not be converted at the boundary.
    #[error("{reason}")]
    Invalid {
        /// Stable code `module.snake_case_reason`, such as `money.negative`.
        code: String,
        /// Path of the rejected field, such as `weights[1]` (empty when no field applies).
        field: String,
        /// Rejected value as text (empty when no single value applies).
        value: String,
        /// Description of the values the field accepts.
        allowed: String,
        /// Message of the core error, such as `negative value in weights[1]: -0.3`.
        reason: String,
    },
}

impl<E: ErrorDetail> From<E> for DataAssetsError {
    fn from(error: E) -> Self {
        DataAssetsError::Invalid {
            code: error.code().to_owned(),
            field: error.field().to_owned(),
            value: error.value().to_owned(),
            allowed: error.allowed().to_owned(),
            reason: error.to_string(),
        }
    }
}

/// Accessors on the exception's base type, so that Java code can read the facts after
/// `catch (DataAssetsException e)` without casting to a variant.
#[uniffi::export]
impl DataAssetsError {
    /// Returns the stable code, `module.snake_case_reason`.
    pub fn code(&self) -> String {
        let DataAssetsError::Invalid { code, .. } = self;
        code.clone()
    }

    /// Returns the path of the rejected field (empty when no field applies).
    pub fn field(&self) -> String {
        let DataAssetsError::Invalid { field, .. } = self;
        field.clone()
    }

    /// Returns the rejected value as text (empty when no single value applies).
    pub fn value(&self) -> String {
        let DataAssetsError::Invalid { value, .. } = self;
        value.clone()
    }

    /// Returns what the field accepts, in words.
    pub fn allowed(&self) -> String {
        let DataAssetsError::Invalid { allowed, .. } = self;
        allowed.clone()
    }
}

// ---- Errors raised at the boundary ----

/// A value that is valid in the foreign language but cannot become a core value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConversionError {
    /// A date text is not an ISO 8601 calendar date that `chrono` can hold.
    #[error("invalid date in {field}: {value:?} is not an ISO 8601 calendar date")]
    InvalidDate {
        /// Field that held the text.
        field: String,
        /// Rejected text.
        value: String,
    },
    /// A JSON document does not match the expected structure.
    #[error("invalid JSON in {field}: {value}")]
    InvalidJson {
        /// Name of the document, such as `policy_json`.
        field: String,
        /// Parser message with line and column.
        value: String,
        /// Description of the document the function accepts.
        allowed: &'static str,
    },
}

impl ConversionError {
    /// Wraps a `serde_json` failure on the document named `field`.
    pub fn json(field: &str, error: &serde_json::Error, allowed: &'static str) -> Self {
        ConversionError::InvalidJson {
            field: field.to_owned(),
            value: error.to_string(),
            allowed,
        }
    }
}

impl ErrorDetail for ConversionError {
    fn code(&self) -> &'static str {
        match self {
            ConversionError::InvalidDate { .. } => "ffi.invalid_date",
            ConversionError::InvalidJson { .. } => "ffi.invalid_json",
        }
    }

    fn field(&self) -> &str {
        match self {
            ConversionError::InvalidDate { field, .. }
            | ConversionError::InvalidJson { field, .. } => field,
        }
    }

    fn value(&self) -> &str {
        match self {
            ConversionError::InvalidDate { value, .. }
            | ConversionError::InvalidJson { value, .. } => value,
        }
    }

    fn allowed(&self) -> &str {
        match self {
            ConversionError::InvalidDate { .. } => {
                "a date in the form YYYY-MM-DD, such as 2026-12-31"
            }
            ConversionError::InvalidJson { allowed, .. } => allowed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use data_assets_core::money::MoneyError;

    #[test]
    fn conversion_keeps_four_facts() {
        let error = DataAssetsError::from(MoneyError::Negative {
            field: "weights[1]".into(),
            value: "-0.3".into(),
        });
        assert_eq!(error.code(), "money.negative");
        assert_eq!(error.field(), "weights[1]");
        assert_eq!(error.value(), "-0.3");
        assert_eq!(error.allowed(), "zero or a positive number");
        assert_eq!(error.to_string(), "negative value in weights[1]: -0.3");
    }
}
