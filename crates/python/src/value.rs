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
use crate::errors::{BindingError, guard, to_py_err};

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

/// Returns field `name` of a dict form, or raises `AttributeError`.
pub fn attribute<'py>(
    dict: &Bound<'py, PyAny>,
    type_name: &str,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    match dict.cast::<PyDict>().ok().map(|dict| dict.get_item(name)) {
        Some(Ok(Some(value))) => Ok(value),
        _ => Err(pyo3::exceptions::PyAttributeError::new_err(format!(
            "{type_name} has no field {name:?}"
        ))),
    }
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

/// A pyclass that wraps one core serde type, declared by [`value_type!`] or [`state_type!`].
pub trait Wrapper: pyo3::PyClass + Sized {
    /// Core type inside.
    type Core: Serialize + DeserializeOwned + Clone + PartialEq;
    /// Python class name.
    const NAME: &'static str;
    /// Error code raised when the dict form is rejected.
    const CODE: &'static str;
    /// JSON schema of the core type.
    fn schema() -> &'static Value;
    /// Wraps a core value.
    fn wrap(core: Self::Core) -> Self;
    /// Copies the core value out of an instance.
    fn core(instance: &Bound<'_, Self>) -> Self::Core;
}

/// Compares a wrapped value with any Python object: `NotImplemented` unless it is a `W`.
pub fn equal<W: Wrapper>(this: &W::Core, other: &Bound<'_, PyAny>) -> Py<PyAny>
where
    W::Core: PartialEq,
{
    use pyo3::IntoPyObjectExt as _;
    let py = other.py();
    match other.cast::<W>() {
        Ok(other) => (W::core(other) == *this)
            .into_py_any(py)
            .unwrap_or_else(|_| py.NotImplemented()),
        Err(_) => py.NotImplemented(),
    }
}

/// Pickles a wrapped value as a call of its class's `from_dict` on its dict form.
pub fn reduce<'py, W: Wrapper>(
    slf: &Bound<'py, W>,
) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyAny>,))> {
    let py = slf.py();
    let constructor = slf.as_any().get_type().getattr("from_dict")?;
    let dict = guard(py, || to_dict(py, &W::core(slf), W::schema()))?;
    Ok((constructor, (dict,)))
}

/// Takes an argument that is either an instance of `W` or its dict form, naming `field` in errors.
pub fn extract<W: Wrapper>(value: &Bound<'_, PyAny>, field: &str) -> PyResult<W::Core> {
    if let Ok(instance) = value.cast::<W>() {
        return Ok(W::core(instance));
    }
    from_dict(value, W::schema(), W::CODE, <W as Wrapper>::NAME)
        .map_err(|error| prefix_field(value.py(), error, field))
}

/// Takes a list argument whose items are instances of `W` or dicts, naming items `field[i]`.
pub fn extract_list<W: Wrapper>(values: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<W::Core>> {
    values
        .try_iter()?
        .enumerate()
        .map(|(index, item)| extract::<W>(&item?, &format!("{field}[{index}]")))
        .collect()
}

/// Wraps each core value in its pyclass.
pub fn wrap_all<W: Wrapper>(values: impl IntoIterator<Item = W::Core>) -> Vec<W> {
    values.into_iter().map(W::wrap).collect()
}

/// Puts `field` in front of the field path an exception carries, such as `basis.cost`.
pub fn prefix_field(py: Python<'_>, error: PyErr, field: &str) -> PyErr {
    if field.is_empty() {
        return error;
    }
    let instance = error.value(py);
    let inner = instance
        .getattr("field")
        .and_then(|inner| inner.extract::<String>())
        .unwrap_or_default();
    let joined = if inner.is_empty() {
        field.to_owned()
    } else {
        format!("{field}.{inner}")
    };
    match instance.setattr("field", joined) {
        Ok(()) => error,
        Err(failure) => failure,
    }
}

/// Takes an optional policy argument (a `Policy` or its dict) and validates it; `None` gives the
/// Guangxi defaults.
pub fn policy_arg(value: Option<&Bound<'_, PyAny>>) -> PyResult<data_assets_core::policy::Policy> {
    match value {
        Some(value) if !value.is_none() => {
            let policy = extract::<Policy>(value, "policy")?;
            policy
                .validate()
                .map_err(|errors| crate::errors::to_py_err_all(value.py(), &errors))?;
            Ok(policy)
        }
        _ => Ok(data_assets_core::policy::Policy::default()),
    }
}

/// Builds any core value with a schema from its Python form (a dict, a list or a scalar),
/// raising `code` with `field` on a bad value.
pub fn parse_value<T: DeserializeOwned + JsonSchema + 'static>(
    value: &Bound<'_, PyAny>,
    field: &str,
    code: &'static str,
) -> PyResult<T> {
    let py = value.py();
    let json = py_to_json(value, SchemaRef::root(cached_schema::<T>()), field)?;
    serde_path_to_error::deserialize(&json).map_err(|error| {
        let inner = field_path(error.path());
        let path = match (field.is_empty(), inner.is_empty()) {
            (_, true) => field.to_owned(),
            (true, false) => inner,
            (false, false) => format!("{field}.{inner}"),
        };
        let detail = BindingError {
            code,
            message: format!("invalid {path}: {}", error.inner()),
            field: path,
            value: String::new(),
            allowed: error.inner().to_string(),
        };
        to_py_err(py, &detail)
    })
}

/// Computes the JSON schema of `T` once per process.
pub fn cached_schema<T: JsonSchema + 'static>() -> &'static Value {
    use std::any::TypeId;
    use std::collections::BTreeMap;
    use std::sync::Mutex;
    static CACHE: Mutex<BTreeMap<TypeId, &'static Value>> = Mutex::new(BTreeMap::new());
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cache
        .entry(TypeId::of::<T>())
        .or_insert_with(|| Box::leak(Box::new(schema_of::<T>())))
}

/// Converts a core value with a schema into its Python dict (or list) form.
pub fn dict_of<'py, T: Serialize + JsonSchema + 'static>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    to_dict(py, value, cached_schema::<T>())
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

        impl $crate::value::Wrapper for $name {
            type Core = $core;
            const NAME: &'static str = stringify!($name);
            const CODE: &'static str = $code;
            fn schema() -> &'static serde_json::Value {
                $name::schema()
            }
            fn wrap(core: $core) -> Self {
                $name(core)
            }
            fn core(instance: &pyo3::Bound<'_, Self>) -> $core {
                instance.get().0.clone()
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

            /// Reads a field of the dict form as an attribute, such as `period.amount`.
            fn __getattr__<'py>(
                &self,
                py: pyo3::Python<'py>,
                name: &str,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::value::attribute(&self.to_dict(py)?, stringify!($name), name)
            }

            fn __eq__(
                &self,
                other: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::Py<pyo3::PyAny> {
                $crate::value::equal::<Self>(&self.0, other)
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (pyo3::Bound<'py, pyo3::PyAny>,))>
            {
                $crate::value::reduce(slf)
            }
        }
    };
}

value_type! {
    /// Every number and switch a jurisdiction may change, with Guangxi defaults.
    Policy(data_assets_core::policy::Policy), "policy.invalid_field"
}

/// Declares a mutable pyclass `$name` over the core serde type `$core`, for stateful objects
/// such as the register. It has `from_dict`, `to_dict`, `__eq__` and pickling through its serde
/// form; the class adds its own methods and `__repr__` in another `#[pymethods]` block.
macro_rules! state_type {
    ($(#[doc = $doc:literal])* $name:ident($core:ty), $code:literal) => {
        $(#[doc = $doc])*
        #[pyo3::pyclass(module = "data_assets")]
        pub struct $name(pub $core);

        impl $crate::value::Wrapper for $name {
            type Core = $core;
            const NAME: &'static str = stringify!($name);
            const CODE: &'static str = $code;
            fn schema() -> &'static serde_json::Value {
                $crate::value::cached_schema::<$core>()
            }
            fn wrap(core: $core) -> Self {
                $name(core)
            }
            fn core(instance: &pyo3::Bound<'_, Self>) -> $core {
                instance.borrow().0.clone()
            }
        }

        #[pyo3::pymethods]
        impl $name {
            /// Builds the object from its dict form (the form `to_dict` returns).
            #[staticmethod]
            fn from_dict(data: &pyo3::Bound<'_, pyo3::PyAny>) -> pyo3::PyResult<Self> {
                $crate::errors::guard(data.py(), || {
                    $crate::value::from_dict(
                        data,
                        <Self as $crate::value::Wrapper>::schema(),
                        $code,
                        stringify!($name),
                    )
                    .map($name)
                })
            }

            /// Returns the dict form, with decimals as `Decimal` and dates as `date`.
            fn to_dict<'py>(
                &self,
                py: pyo3::Python<'py>,
            ) -> pyo3::PyResult<pyo3::Bound<'py, pyo3::PyAny>> {
                $crate::errors::guard(py, || {
                    $crate::value::to_dict(py, &self.0, <Self as $crate::value::Wrapper>::schema())
                })
            }

            fn __eq__(
                &self,
                other: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> pyo3::Py<pyo3::PyAny> {
                $crate::value::equal::<Self>(&self.0, other)
            }

            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> pyo3::PyResult<(pyo3::Bound<'py, pyo3::PyAny>, (pyo3::Bound<'py, pyo3::PyAny>,))>
            {
                $crate::value::reduce(slf)
            }
        }
    };
}
