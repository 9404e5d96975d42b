//! Frozen Python value types over the core's serde types.
//!
//! [`value_type!`] wraps one core type in a frozen pyclass with a keyword constructor,
//! `from_dict`, `to_dict`, `__repr__`, `__eq__` and pickling through `from_dict`. The dict form is
//! the type's JSON form with decimals as `Decimal` and dates as `date` (see [`crate::convert`]).

use std::fmt::Write as _;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::convert::{SchemaRef, json_to_py, py_to_json};
use crate::errors::{BindingError, to_py_err};

/// Computes the JSON schema that `T` serializes to.
pub fn schema_of<T: JsonSchema>() -> Value {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Converts a core value into its Python dict form.
pub fn to_dict<'py, T: Serialize>(
    py: Python<'py>,
    value: &T,
    schema: &Value,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|error| {
        let error = BindingError {
            code: "internal.serialize",
            message: format!("cannot serialize a core value: {error}"),
            field: String::new(),
            value: String::new(),
            allowed: "every core value serializes; please report it".to_owned(),
        };
        to_py_err(py, &error)
    })?;
    json_to_py(py, &json, SchemaRef::root(schema))
}

/// Builds a core value from its Python dict form, raising `code` with the failing field's path.
pub fn from_dict<T: DeserializeOwned>(
    data: &Bound<'_, PyAny>,
    schema: &Value,
    code: &'static str,
    type_name: &str,
) -> PyResult<T> {
    let py = data.py();
    if !data.is_instance_of::<PyDict>() {
        let error = BindingError {
            code: "convert.not_a_dict",
            message: format!("{type_name}.from_dict expects a dict"),
            field: String::new(),
            value: data.repr()?.to_string(),
            allowed: "a dict with str keys".to_owned(),
        };
        return Err(to_py_err(py, &error));
    }
    let json = py_to_json(data, SchemaRef::root(schema), "")?;
    serde_path_to_error::deserialize(&json).map_err(|error| {
        let field = field_path(error.path());
        let value = pointer(error.path())
            .and_then(|p| json.pointer(&p))
            .map_or_else(String::new, |value| {
                value
                    .as_str()
                    .map_or_else(|| value.to_string(), str::to_owned)
            });
        let detail = BindingError {
            code,
            message: format!("invalid {type_name} field {field}: {}", error.inner()),
            field,
            value,
            allowed: error.inner().to_string(),
        };
        to_py_err(py, &detail)
    })
}

fn field_path(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." { String::new() } else { text }
}

fn pointer(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Seq { index } => write!(out, "/{index}").ok()?,
            Segment::Map { key } => {
                write!(out, "/{}", key.replace('~', "~0").replace('/', "~1")).ok()?;
            }
            Segment::Enum { .. } | Segment::Unknown => return None,
        }
    }
    Some(out)
}

/// Formats `Name(field=repr, ...)` from the dict form, so the text reads like the constructor.
pub fn repr(type_name: &str, dict: &Bound<'_, PyAny>) -> PyResult<String> {
    let mut out = format!("{type_name}(");
    if let Ok(dict) = dict.cast::<PyDict>() {
        for (index, (key, value)) in dict.iter().enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            let _ = write!(out, "{separator}{}={}", key.str()?, value.repr()?);
        }
    }
    out.push(')');
    Ok(out)
}

/// Declares a frozen pyclass `$name` over the core serde type `$core`; a failing `from_dict`
/// raises the code `$code`, whose prefix picks the exception subclass.
macro_rules! value_type {
    ($(#[doc = $doc:literal])* $name:ident($core:ty), $code:literal) => {
        $(#[doc = $doc])*
        #[pyo3::pyclass(frozen, module = "data_assets")]
        pub struct $name(pub $core);

        impl $name {
            fn schema() -> &'static serde_json::Value {
                static SCHEMA: std::sync::OnceLock<serde_json::Value> = std::sync::OnceLock::new();
                SCHEMA.get_or_init($crate::value::schema_of::<$core>)
            }
        }

        #[pyo3::pymethods]
        impl $name {
            #[new]
            #[pyo3(signature = (**fields))]
            fn new(
                py: pyo3::Python<'_>,
                fields: Option<&pyo3::Bound<'_, pyo3::types::PyDict>>,
            ) -> pyo3::PyResult<Self> {
                let empty = pyo3::types::PyDict::new(py);
                Self::from_dict(fields.unwrap_or(&empty))
            }

            /// Builds the value from its dict form; missing fields take their defaults where the
            /// core type has them.
            #[staticmethod]
            fn from_dict(data: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<Self> {
                let type_name = stringify!($name);
                $crate::errors::guard(data.py(), || {
                    $crate::value::from_dict(data, Self::schema(), $code, type_name).map($name)
                })
            }

            /// Returns the dict form, with decimals as `Decimal` and dates as `date`.
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::errors::guard(py, || $crate::value::to_dict(py, &self.0, Self::schema()))
            }

            fn __repr__(&self, py: pyo3::Python<'_>) -> pyo3::PyResult<String> {
                $crate::value::repr(stringify!($name), &self.to_dict(py)?)
            }

            fn __eq__(
                &self,
                other: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::Py<pyo3::PyAny> {
                use pyo3::IntoPyObjectExt as _;
                let py = other.py();
                match other.cast::<Self>() {
                    Ok(other) => (other.get().0 == self.0)
                        .into_py_any(py)
                        .unwrap_or_else(|_| py.NotImplemented()),
                    Err(_) => py.NotImplemented(),
                }
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (pyo3::Bound<'py, pyo3::PyAny>,))>
            {
                use pyo3::types::PyAnyMethods as _;
                let constructor = slf.get_type().getattr("from_dict")?;
                Ok((constructor, (slf.get().to_dict(slf.py())?,)))
            }
        }
    };
}

value_type! {
    /// Every number and switch a jurisdiction may change, with Guangxi defaults.
    Policy(data_assets_core::policy::Policy), "policy.invalid_field"
}
