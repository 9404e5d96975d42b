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
        /// Every problem found, when the rule reports all of them at once (an info card with
        /// three missing fields gives three); the first is the one the other fields describe.
        /// A single error gives a list of one.
        problems: Vec<Problem>,
    },
}

/// One problem of a rejected input: the four facts of a core error and its message.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Problem {
    /// Stable code `module.snake_case_reason`.
    pub code: String,
    /// Path of the rejected field.
    pub field: String,
    /// Rejected value as text.
    pub value: String,
    /// Description of the values the field accepts.
    pub allowed: String,
    /// Message of the core error.
    pub reason: String,
}

impl Problem {
    pub(crate) fn new<E: ErrorDetail>(error: &E) -> Self {
        Problem {
            code: error.code().to_owned(),
            field: error.field().to_owned(),
            value: error.value().to_owned(),
            allowed: error.allowed().to_owned(),
            reason: error.to_string(),
        }
    }
}

impl<E: ErrorDetail> From<E> for DataAssetsError {
    fn from(error: E) -> Self {
        DataAssetsError::from_problems(vec![Problem::new(&error)])
    }
}

impl DataAssetsError {
    /// Builds the exception for a rule that reports every problem at once; the first problem
    /// fills the code, field, value, allowed and reason.
    pub fn all<E: ErrorDetail>(errors: &[E]) -> Self {
        DataAssetsError::from_problems(errors.iter().map(Problem::new).collect())
    }

    fn from_problems(problems: Vec<Problem>) -> Self {
        let first = problems.first().cloned().unwrap_or_else(|| Problem {
            code: "ffi.no_problem_reported".into(),
            field: String::new(),
            value: String::new(),
            allowed: String::new(),
            reason: "the input was rejected without a reason".into(),
        });
        DataAssetsError::Invalid {
            code: first.code,
            field: first.field,
            value: first.value,
            allowed: first.allowed,
            reason: first.reason,
            problems,
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

    /// Returns every problem found; a single error gives a list of one.
    pub fn problems(&self) -> Vec<Problem> {
        let DataAssetsError::Invalid { problems, .. } = self;
        problems.clone()
    }
}

// ---- Errors raised at the boundary ----

/// Bounds of an integer type, for the `allowed` text of a number out of range.
pub trait Bounded {
    /// Smallest value, as text.
    const MIN_TEXT: &'static str;
    /// Largest value, as text.
    const MAX_TEXT: &'static str;
}

impl Bounded for u8 {
    const MIN_TEXT: &'static str = "0";
    const MAX_TEXT: &'static str = "255";
}

impl Bounded for u16 {
    const MIN_TEXT: &'static str = "0";
    const MAX_TEXT: &'static str = "65535";
}

impl Bounded for u32 {
    const MIN_TEXT: &'static str = "0";
    const MAX_TEXT: &'static str = "4294967295";
}

impl Bounded for u64 {
    const MIN_TEXT: &'static str = "0";
    const MAX_TEXT: &'static str = "18446744073709551615";
}

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
    /// A date-time text is not an ISO 8601 local date and time.
    #[error("invalid date and time in {field}: {value:?} is not an ISO 8601 local date and time")]
    InvalidDateTime {
        /// Field that held the text.
        field: String,
        /// Rejected text.
        value: String,
    },
    /// A whole number does not fit the core's type, such as a negative month count. Java has no
    /// unsigned integers, so counts cross as signed ones and are checked here.
    #[error("number out of range in {field}: {value}")]
    OutOfRange {
        /// Field that held the number.
        field: String,
        /// Rejected number.
        value: String,
        /// Range the field accepts.
        allowed: String,
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
    /// Converts a signed Java integer into the core's integer type `T`, naming `field` in any
    /// error.
    ///
    /// # Errors
    ///
    /// `ffi.out_of_range` when `value` does not fit `T` (a negative count, say).
    pub fn int<T, S>(value: S, field: &str) -> Result<T, DataAssetsError>
    where
        T: TryFrom<S> + Bounded,
        S: Copy + std::fmt::Display,
    {
        T::try_from(value).map_err(|_| {
            ConversionError::OutOfRange {
                field: field.to_owned(),
                value: value.to_string(),
                allowed: format!("a whole number from {} to {}", T::MIN_TEXT, T::MAX_TEXT),
            }
            .into()
        })
    }

    /// Reads the JSON document `json`, named `field` in any error; `allowed` describes it.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` when the text is not such a document.
    pub fn from_json<T: serde::de::DeserializeOwned>(
        json: &str,
        field: &str,
        allowed: &'static str,
    ) -> Result<T, DataAssetsError> {
        serde_json::from_str(json).map_err(|error| Self::json(field, &error, allowed).into())
    }

    /// Writes `value` as pretty JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` if the value does not serialize, which plain core data does not do.
    pub fn to_json<T: serde::Serialize>(value: &T, field: &str) -> Result<String, DataAssetsError> {
        serde_json::to_string_pretty(value)
            .map_err(|error| Self::json(field, &error, "a value that serializes to JSON").into())
    }

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
            ConversionError::InvalidDateTime { .. } => "ffi.invalid_date_time",
            ConversionError::OutOfRange { .. } => "ffi.out_of_range",
            ConversionError::InvalidJson { .. } => "ffi.invalid_json",
        }
    }

    fn field(&self) -> &str {
        match self {
            ConversionError::InvalidDate { field, .. }
            | ConversionError::InvalidDateTime { field, .. }
            | ConversionError::OutOfRange { field, .. }
            | ConversionError::InvalidJson { field, .. } => field,
        }
    }

    fn value(&self) -> &str {
        match self {
            ConversionError::InvalidDate { value, .. }
            | ConversionError::InvalidDateTime { value, .. }
            | ConversionError::OutOfRange { value, .. }
            | ConversionError::InvalidJson { value, .. } => value,
        }
    }

    fn allowed(&self) -> &str {
        match self {
            ConversionError::InvalidDate { .. } => {
                "a date in the form YYYY-MM-DD, such as 2026-12-31"
            }
            ConversionError::InvalidDateTime { .. } => {
                "a local date and time in the form YYYY-MM-DDTHH:MM[:SS], such as 2026-03-01T09:30"
            }
            ConversionError::OutOfRange { allowed, .. } => allowed,
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
