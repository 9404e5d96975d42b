//! The error contract shared by every module.
//!
//! Each module owns a `thiserror` enum. Every variant carries a stable code such as
//! `register.duplicate_asset_id`, the field path that was rejected, the rejected value rendered as
//! text, and a description of what is allowed. The bindings map errors through [`ErrorDetail`], so a
//! Python or Java caller sees the same four facts as a Rust caller.

/// The four facts every error of this crate exposes, in the same shape in every module.
pub trait ErrorDetail: std::error::Error {
    /// Stable machine-readable code, `module.snake_case_reason`.
    fn code(&self) -> &'static str;
    /// Path of the rejected field, such as `assets[3].cost` (empty when no field applies).
    fn field(&self) -> &str;
    /// Rejected value rendered as text (empty when no single value applies).
    fn value(&self) -> &str;
    /// What the field accepts, in words.
    fn allowed(&self) -> &str;
}

/// Any error of this crate, so that a binding or a command can hold one type.
///
/// Each variant wraps one module's error unchanged; [`ErrorDetail`] delegates to it, so the code,
/// field, value and allowed text are those of the module.
///
/// ```
/// use data_assets_core::{Error, ErrorDetail};
/// use data_assets_core::asset::DataCategory;
///
/// let failure: Error = "unknown".parse::<DataCategory>().unwrap_err().into();
/// assert_eq!(failure.value(), "unknown");
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Error of the money module.
    #[error(transparent)]
    Money(#[from] crate::money::MoneyError),
    /// Error of the vocabulary module.
    #[error(transparent)]
    Vocab(#[from] crate::vocab::UnknownTerm),
    /// Error of the entity module.
    #[error(transparent)]
    Entity(#[from] crate::entity::EntityError),
    /// Error of the asset module.
    #[error(transparent)]
    Asset(#[from] crate::asset::AssetError),
    /// Error of the register module.
    #[error(transparent)]
    Register(#[from] crate::register::RegisterError),
    /// Error of the survey module.
    #[error(transparent)]
    Survey(#[from] crate::survey::SurveyError),
    /// Error of the recognition module.
    #[error(transparent)]
    Recognition(#[from] crate::recognition::RecognitionError),
    /// Error of the accounting module.
    #[error(transparent)]
    Accounting(#[from] crate::accounting::AccountingError),
    /// Error of the amortization module.
    #[error(transparent)]
    Amortization(#[from] crate::amortization::AmortizationError),
    /// Error of the registration module.
    #[error(transparent)]
    Registration(#[from] crate::registration::RegistrationError),
    /// Error of the authorization module.
    #[error(transparent)]
    Authorization(#[from] crate::authorization::AuthorizationError),
    /// Error of the revenue module.
    #[error(transparent)]
    Revenue(#[from] crate::revenue::RevenueError),
    /// Error of the trading module.
    #[error(transparent)]
    Trading(#[from] crate::trading::TradingError),
    /// Error of the compliance module.
    #[error(transparent)]
    Compliance(#[from] crate::compliance::ComplianceError),
    /// Error of the calendar module.
    #[error(transparent)]
    Calendar(#[from] crate::calendar::CalendarError),
    /// Error of the report module.
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    /// Error of the policy module.
    #[error(transparent)]
    Policy(#[from] crate::policy::PolicyError),
}

impl Error {
    /// Returns the wrapped module error as a trait object.
    fn detail(&self) -> &dyn ErrorDetail {
        match self {
            Error::Money(inner) => inner,
            Error::Vocab(inner) => inner,
            Error::Entity(inner) => inner,
            Error::Asset(inner) => inner,
            Error::Register(inner) => inner,
            Error::Survey(inner) => inner,
            Error::Recognition(inner) => inner,
            Error::Accounting(inner) => inner,
            Error::Amortization(inner) => inner,
            Error::Registration(inner) => inner,
            Error::Authorization(inner) => inner,
            Error::Revenue(inner) => inner,
            Error::Trading(inner) => inner,
            Error::Compliance(inner) => inner,
            Error::Calendar(inner) => inner,
            Error::Report(inner) => inner,
            Error::Policy(inner) => inner,
        }
    }
}

impl ErrorDetail for Error {
    fn code(&self) -> &'static str {
        self.detail().code()
    }

    fn field(&self) -> &str {
        self.detail().field()
    }

    fn value(&self) -> &str {
        self.detail().value()
    }

    fn allowed(&self) -> &str {
        self.detail().allowed()
    }
}

/// Converts `validator` failures into (field, value, allowed) triples so that modules can wrap them
/// in their own typed errors.
///
/// Every failing field yields one triple; nested struct and list errors are flattened with their
/// paths joined by `.` and `[i]`.
pub fn flatten_validation(errors: &validator::ValidationErrors) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    flatten_into(errors, "", &mut out);
    out
}

fn flatten_into(
    errors: &validator::ValidationErrors,
    prefix: &str,
    out: &mut Vec<(String, String, String)>,
) {
    use validator::ValidationErrorsKind;
    let mut fields: Vec<_> = errors.errors().iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    for (name, kind) in fields {
        let path = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let value = error
                        .params
                        .get("value")
                        .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                        .unwrap_or_default();
                    let allowed = error
                        .message
                        .as_ref()
                        .map_or_else(|| error.code.to_string(), ToString::to_string);
                    out.push((path.clone(), value, allowed));
                }
            }
            ValidationErrorsKind::Struct(inner) => flatten_into(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    flatten_into(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod crate_error_tests {
    use super::{Error, ErrorDetail};
    use crate::entity::EntityKind;

    #[test]
    fn crate_error_reports_the_module_error_facts() {
        let failure: Error = "合伙企业"
            .parse::<EntityKind>()
            .expect_err("not an entity kind")
            .into();
        assert_eq!(failure.code(), "vocab.unknown_term");
        assert_eq!(failure.field(), "EntityKind");
        assert_eq!(failure.value(), "合伙企业");
        assert!(failure.allowed().contains("行政单位"));
        assert!(matches!(failure, Error::Vocab(_)));
    }
}
