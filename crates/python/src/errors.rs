//! Maps core errors to Python exceptions, and panics to an exception instead of a crash.
//!
//! Every exception is a `data_assets.DataAssetError`, itself a `ValueError`, carrying the four
//! facts of [`ErrorDetail`] as the attributes `code`, `field`, `value` and `allowed`. The text
//! before the first dot of the code (`money` in `money.not_fen`) picks the subclass, so a new core
//! module needs one line in [`module_errors!`] and nothing else.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use data_assets_core::ErrorDetail;
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyType;

create_exception!(
    data_assets,
    DataAssetError,
    PyValueError,
    "Base of every error raised by data_assets, with code, field, value and allowed."
);

/// Declares one `DataAssetError` subclass per code prefix, the lookup by prefix and the
/// registration in the module.
macro_rules! module_errors {
    ($($name:ident = $prefix:literal, $doc:literal;)+) => {
        $(create_exception!(data_assets, $name, DataAssetError, $doc);)+

        /// Exception class names and the code prefix each one is raised for.
        #[cfg(test)]
        const MODULE_ERRORS: &[(&str, &str)] = &[$((stringify!($name), $prefix)),+];

        fn exception_type<'py>(py: Python<'py>, code: &str) -> Bound<'py, PyType> {
            let prefix = code.split('.').next().unwrap_or_default();
            match prefix {
                $($prefix => py.get_type::<$name>(),)+
                _ => py.get_type::<DataAssetError>(),
            }
        }

        /// Adds `DataAssetError` and every subclass to `module`, with empty class-level defaults
        /// for the four attributes so that an instance raised from Python code still has them.
        pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
            let py = module.py();
            let base = py.get_type::<DataAssetError>();
            for attribute in ["code", "field", "value", "allowed"] {
                base.setattr(attribute, "")?;
            }
            base.setattr("errors", pyo3::types::PyTuple::empty(py))?;
            module.add("DataAssetError", base)?;
            $(module.add(stringify!($name), py.get_type::<$name>())?;)+
            Ok(())
        }
    };
}

module_errors! {
    MoneyError = "money", "Money arithmetic, rounding or allocation rejected its input.";
    EntityError = "entity", "An entity or its unified social credit code is invalid.";
    AssetError = "asset", "A data asset record is invalid.";
    RegisterError = "register", "A ledger (台账) operation was rejected.";
    RecognitionError = "recognition", "A recognition decision could not be made.";
    AccountingError = "accounting", "A voucher, posting or disclosure was rejected.";
    AmortizationError = "amortization", "An amortization schedule could not be built.";
    CalendarError = "calendar", "A working-day or deadline computation was rejected.";
    RegistrationError = "registration", "An info card or certificate was rejected.";
    AuthorizationError = "authorization", "An authorized-operation request was rejected.";
    RevenueError = "revenue", "A revenue split or remittance was rejected.";
    TradingError = "trading", "A valuation, price or trade record was rejected.";
    ComplianceError = "compliance", "A risk rule could not be evaluated.";
    SurveyError = "survey", "A survey row or catalog import was rejected.";
    ReportError = "report", "A progress report could not be built.";
    PolicyError = "policy", "A policy value is invalid.";
    IoError = "io", "A workbook or file could not be read or written.";
    VocabError = "vocab", "A term matches no code or label of its vocabulary.";
    ConversionError = "convert", "A Python value has no counterpart in the core types.";
    InternalError = "internal", "A defect inside data_assets, to be reported with the input.";
}

/// An error raised by the binding itself (type checks before the core is called), with the same
/// four facts as a core error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingError {
    /// Stable code, `prefix.snake_case_reason`.
    pub code: &'static str,
    /// Path of the rejected argument or field.
    pub field: String,
    /// Rejected value, as text.
    pub value: String,
    /// Description of the accepted values.
    pub allowed: String,
    /// Lowercase message without a final period.
    pub message: String,
}

impl std::fmt::Display for BindingError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BindingError {}

impl ErrorDetail for BindingError {
    fn code(&self) -> &'static str {
        self.code
    }
    fn field(&self) -> &str {
        &self.field
    }
    fn value(&self) -> &str {
        &self.value
    }
    fn allowed(&self) -> &str {
        &self.allowed
    }
}

impl BindingError {
    /// Rejects a float where money or another exact decimal is expected.
    pub fn float_rejected(field: &str, value: String) -> Self {
        BindingError {
            code: "money.float_rejected",
            message: format!(
                "float {value} in {field} rejected: pass decimal.Decimal(\"{value}\") instead, \
                 because a binary float has no exact decimal value"
            ),
            field: field.to_owned(),
            value,
            allowed: "decimal.Decimal or int".to_owned(),
        }
    }
}

/// Builds the Python exception for `error`, choosing the subclass by its code prefix.
pub fn to_py_err<E: ErrorDetail + ?Sized>(py: Python<'_>, error: &E) -> PyErr {
    let exception = PyErr::from_type(exception_type(py, error.code()), error.to_string());
    let instance = exception.value(py);
    let attributes = [
        ("code", error.code()),
        ("field", error.field()),
        ("value", error.value()),
        ("allowed", error.allowed()),
    ];
    for (name, text) in attributes {
        if let Err(failure) = instance.setattr(name, text) {
            return failure;
        }
    }
    exception
}

/// Builds one exception for a list of errors: the first error's subclass and four facts, a
/// message that counts them all, and an `errors` attribute listing every one as a dict with
/// `code`, `field`, `value`, `allowed` and `message`.
pub fn to_py_err_all<E: ErrorDetail>(py: Python<'_>, errors: &[E]) -> PyErr {
    let Some(first) = errors.first() else {
        return to_py_err(
            py,
            &BindingError {
                code: "internal.no_error",
                message: "an operation failed without saying why".to_owned(),
                field: String::new(),
                value: String::new(),
                allowed: "every failure carries a reason; please report it".to_owned(),
            },
        );
    };
    let exception = to_py_err(py, first);
    let build = || -> PyResult<()> {
        let list = pyo3::types::PyList::empty(py);
        for error in errors {
            let dict = pyo3::types::PyDict::new(py);
            dict.set_item("code", error.code())?;
            dict.set_item("field", error.field())?;
            dict.set_item("value", error.value())?;
            dict.set_item("allowed", error.allowed())?;
            dict.set_item("message", error.to_string())?;
            list.append(dict)?;
        }
        let instance = exception.value(py);
        instance.setattr("errors", list)?;
        if errors.len() > 1 {
            let message = format!("{} problems; first: {first}", errors.len());
            instance.setattr("args", (message,))?;
        }
        Ok(())
    };
    match build() {
        Ok(()) => exception,
        Err(failure) => failure,
    }
}

/// Converts a `Result` with a list of errors into a `PyResult`, raising [`to_py_err_all`].
pub trait OrRaiseAll<T> {
    /// Returns the value, or every error in one `DataAssetError` subclass.
    fn or_raise_all(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: ErrorDetail> OrRaiseAll<T> for Result<T, Vec<E>> {
    fn or_raise_all(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|errors| to_py_err_all(py, &errors))
    }
}

/// Converts a core `Result` into a `PyResult`, raising the mapped exception on error.
pub trait OrRaise<T> {
    /// Returns the value, or the error as its `DataAssetError` subclass.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: ErrorDetail> OrRaise<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|error| to_py_err(py, &error))
    }
}

/// Runs an entry point and turns a panic into `InternalError` (code `internal.panic`).
///
/// pyo3 itself would raise `pyo3_runtime.PanicException`, which derives from `BaseException`
/// and so escapes `except Exception` in the caller's code; this keeps every failure a
/// `DataAssetError`.
pub fn guard<T>(py: Python<'_>, entry: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(entry)) {
        Ok(result) => result,
        Err(payload) => Err(to_py_err(py, &panic_error(payload.as_ref()))),
    }
}

fn panic_error(payload: &(dyn Any + Send)) -> BindingError {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    BindingError {
        code: "internal.panic",
        message: format!("internal error in data_assets: {detail}"),
        field: String::new(),
        value: detail,
        allowed: "no input should cause this; please report it with the input".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(error: &PyErr, py: Python<'_>, name: &str) -> String {
        error.value(py).getattr(name).unwrap().extract().unwrap()
    }

    #[test]
    fn prefix_picks_subclass() {
        Python::initialize();
        Python::attach(|py| {
            for (name, prefix) in MODULE_ERRORS {
                let class = exception_type(py, &format!("{prefix}.some_reason"));
                assert_eq!(class.name().unwrap().to_string(), *name);
                assert!(class.is_subclass_of::<DataAssetError>().unwrap());
            }
            let unknown = exception_type(py, "elsewhere.reason");
            assert_eq!(unknown.name().unwrap().to_string(), "DataAssetError");
        });
    }

    #[test]
    fn error_carries_four_facts() {
        Python::initialize();
        Python::attach(|py| {
            let error = to_py_err(py, &BindingError::float_rejected("total", "0.1".to_owned()));
            assert!(error.is_instance_of::<MoneyError>(py));
            assert!(error.is_instance_of::<PyValueError>(py));
            assert_eq!(attribute(&error, py, "code"), "money.float_rejected");
            assert_eq!(attribute(&error, py, "field"), "total");
            assert_eq!(attribute(&error, py, "value"), "0.1");
            assert_eq!(attribute(&error, py, "allowed"), "decimal.Decimal or int");
        });
    }

    #[test]
    fn guard_turns_panic_into_internal_error() {
        Python::initialize();
        Python::attach(|py| {
            let error = guard::<()>(py, || panic!("index out of bounds")).unwrap_err();
            assert!(error.is_instance_of::<InternalError>(py));
            assert_eq!(attribute(&error, py, "code"), "internal.panic");
            assert_eq!(attribute(&error, py, "value"), "index out of bounds");
        });
    }
}
