//! Conversions between Python values and the core's types.
//!
//! Money is `decimal.Decimal` and dates are `datetime.date` on the Python side. A core serde type
//! crosses as a dict: Rust serializes it to JSON, and the type's JSON schema (from `schemars`)
//! tells which strings are decimals and which are dates, so a region code such as `"450300"` stays
//! a `str` while an amount such as `"1000.00"` becomes a `Decimal`. The reverse direction walks
//! the same schema so that a float is rejected wherever the schema expects a decimal.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString,
    PyTuple, PyType,
};
use rust_decimal::Decimal;
use serde_json::{Map, Number, Value};

use crate::errors::{BindingError, to_py_err};

static DECIMAL_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static DATE_TYPE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Returns the `decimal.Decimal` class.
pub fn decimal_type(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DECIMAL_TYPE.import(py, "decimal", "Decimal")
}

/// Extracts an exact decimal from a `decimal.Decimal` or an `int`, rejecting floats and any
/// other type, and naming `field` in the error.
pub fn decimal_arg(value: &Bound<'_, PyAny>, field: &str) -> PyResult<Decimal> {
    let py = value.py();
    if let Some(parsed) = exact_decimal(value)? {
        return Ok(parsed);
    }
    if value.is_instance_of::<PyFloat>() {
        let text = value.str()?.to_string();
        return Err(to_py_err(py, &BindingError::float_rejected(field, text)));
    }
    let exact = !value.is_instance_of::<PyBool>()
        && (value.is_instance_of::<PyInt>() || value.is_instance(decimal_type(py)?)?);
    if !exact {
        let error = BindingError {
            code: "money.not_decimal",
            message: format!(
                "{field} must be a decimal.Decimal or an int, not {}",
                value.get_type().name()?
            ),
            field: field.to_owned(),
            value: short_repr(value),
            allowed: "decimal.Decimal or int".to_owned(),
        };
        return Err(to_py_err(py, &error));
    }
    // The base class's text, so that a subclass's own __str__ cannot change the amount read.
    let base = if value.is_instance_of::<PyInt>() {
        py.get_type::<PyInt>()
    } else {
        decimal_type(py)?.clone()
    };
    let text = base
        .call_method1(pyo3::intern!(py, "__str__"), (value,))?
        .str()?
        .to_string();
    parse_decimal(&text).ok_or_else(|| {
        let error = BindingError {
            code: "money.invalid_number",
            message: format!("{field} is not a finite decimal that fits 28 digits: {text}"),
            field: field.to_owned(),
            value: text.clone(),
            allowed: "a finite decimal with at most 28 significant digits".to_owned(),
        };
        to_py_err(py, &error)
    })
}

/// Reads an instance of `decimal.Decimal` itself with a finite value that fits, the common case,
/// or returns `None` for anything else.
///
/// One type comparison replaces four instance checks, and the text is borrowed, not copied.
fn exact_decimal(value: &Bound<'_, PyAny>) -> PyResult<Option<Decimal>> {
    if value.get_type().is(decimal_type(value.py())?) {
        Ok(parse_decimal(value.str()?.to_str()?))
    } else {
        Ok(None)
    }
}

/// Extracts a list of exact decimals from a sequence or iterator, naming each item `field[i]`.
///
/// A `str`, `dict` or `set` is rejected: iterating it would yield characters, keys or an
/// unordered walk instead of weights.
pub fn decimal_list_arg(values: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<Decimal>> {
    ordered_items(values, field, "decimal.Decimal or int")?
        .iter()
        .enumerate()
        .map(|(index, item)| decimal_item(item, field, index))
        .collect()
}

/// Extracts item `index` of the list argument `field` as an exact decimal, like
/// [`decimal_arg`], formatting the name `field[index]` only when the item is not a plain
/// `decimal.Decimal` with a finite value.
pub fn decimal_item(value: &Bound<'_, PyAny>, field: &str, index: usize) -> PyResult<Decimal> {
    match exact_decimal(value)? {
        Some(parsed) => Ok(parsed),
        None => decimal_arg(value, &format!("{field}[{index}]")),
    }
}

/// Collects the items of the list argument `field`, rejecting a `str`, `dict` or `set` because
/// iterating one yields characters, keys or an unordered walk. `items` names the expected item.
pub fn ordered_items<'py>(
    values: &Bound<'py, PyAny>,
    field: &str,
    items: &str,
) -> PyResult<Vec<Bound<'py, PyAny>>> {
    if values.is_instance_of::<PyString>()
        || values.is_instance_of::<PyDict>()
        || values.is_instance_of::<PySet>()
        || values.is_instance_of::<PyFrozenSet>()
    {
        return Err(conversion_error(
            values,
            field,
            &format!("a list, tuple or other ordered sequence of {items}"),
        ));
    }
    values.try_iter()?.collect()
}

/// Collects the items of any iterable argument.
pub fn iter_items<'py>(values: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    values.try_iter()?.collect()
}

/// Extracts a list of dates, naming a failing item `field[i]` in a `convert.unsupported_type`
/// error.
///
/// Every item is read through its `toordinal()` method because, under the stable ABI, that one
/// call returns the whole date. A `datetime` or pandas `Timestamp` counts by its date. pandas
/// `NaT` has no date and is rejected.
pub fn date_list_arg(values: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<NaiveDate>> {
    const ALLOWED: &str = "datetime.date (a datetime counts by its date)";
    let py = values.py();
    let date_type = DATE_TYPE.import(py, "datetime", "date")?;
    let toordinal = pyo3::intern!(py, "toordinal");
    ordered_items(values, field, "datetime.date")?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let date = if item.is_instance(date_type)? {
                item.call_method0(toordinal)
                    .and_then(|ordinal| ordinal.extract::<i32>())
                    .ok()
                    // Python's ordinal 1 is 0001-01-01, which chrono counts as day 1 of the era.
                    .and_then(NaiveDate::from_num_days_from_ce_opt)
            } else {
                None
            };
            date.ok_or_else(|| conversion_error(item, &format!("{field}[{index}]"), ALLOWED))
        })
        .collect()
}

/// Extracts a list of useful lives in months, naming a failing item `field[i]`.
///
/// An item must be an `int` (or have `__index__`, as numpy integers do), not a `bool`. A
/// negative or oversized count is an `amortization.invalid_life` error like a zero one.
pub fn months_list_arg(values: &Bound<'_, PyAny>, field: &str) -> PyResult<Vec<u32>> {
    let py = values.py();
    ordered_items(values, field, "int")?
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let path = || format!("{field}[{index}]");
            if item.is_instance_of::<PyBool>() || item.is_instance_of::<PyFloat>() {
                return Err(conversion_error(item, &path(), "an int number of months"));
            }
            match item.extract::<i64>() {
                Ok(months) => u32::try_from(months)
                    .map_err(|_| to_py_err(py, &invalid_life(path(), months.to_string()))),
                Err(_) if item.is_instance_of::<PyInt>() => {
                    Err(to_py_err(py, &invalid_life(path(), short_repr(item))))
                }
                Err(_) => Err(conversion_error(item, &path(), "an int number of months")),
            }
        })
        .collect()
}

fn invalid_life(field: String, value: String) -> BindingError {
    let max = data_assets_core::amortization::LIFE_MONTHS_MAX;
    BindingError {
        code: "amortization.invalid_life",
        message: format!("{field} is {value} months, but a useful life must be 1 to {max} months"),
        field,
        value,
        allowed: format!("1 to {max} months"),
    }
}

/// Checks that parallel list arguments have the same length, naming the first that differs.
pub fn same_length(lists: &[(&str, usize)]) -> Result<(), BindingError> {
    let Some((first, expected)) = lists.first() else {
        return Ok(());
    };
    match lists.iter().find(|(_, length)| length != expected) {
        None => Ok(()),
        Some((name, length)) => Err(BindingError {
            code: "convert.length_mismatch",
            message: format!("{name} has {length} items but {first} has {expected}"),
            field: (*name).to_owned(),
            value: length.to_string(),
            allowed: format!("{expected} items, one per item of {first}"),
        }),
    }
}

/// Parses a term of a core enum from its snake_case code, naming `field` in the error.
pub fn code_arg<T: serde::de::DeserializeOwned + schemars::JsonSchema + 'static>(
    py: Python<'_>,
    text: &str,
    field: &str,
) -> PyResult<T> {
    serde_json::from_value(Value::String(text.to_owned())).map_err(|_| {
        let schema = crate::value::cached_schema::<T>();
        let codes: Vec<String> = schema
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .chain(
                schema
                    .get("oneOf")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|b| b.get("const")),
            )
            .filter_map(|code| code.as_str().map(str::to_owned))
            .collect();
        let error = BindingError {
            code: "convert.unknown_code",
            message: format!("unknown code {text:?} for {field}"),
            field: field.to_owned(),
            value: text.to_owned(),
            allowed: codes.join(", "),
        };
        to_py_err(py, &error)
    })
}

/// Parses decimal text exactly (no silent rounding past 28 digits), accepting the exponent form
/// that Python prints for some values, such as `1E+2`.
fn parse_decimal(text: &str) -> Option<Decimal> {
    if text.contains(['e', 'E']) {
        Decimal::from_scientific(text).ok()
    } else {
        Decimal::from_str_exact(text).ok()
    }
}

/// A JSON schema with its root, so that `$ref` pointers resolve.
#[derive(Clone, Copy)]
pub struct SchemaRef<'s> {
    root: &'s Value,
    node: Option<&'s Value>,
}

/// Kind of value that a JSON string encodes, according to its schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StringKind {
    Text,
    Decimal,
    Date,
}

impl<'s> SchemaRef<'s> {
    /// Starts at the root of a type's schema.
    pub fn root(root: &'s Value) -> Self {
        SchemaRef {
            root,
            node: Some(root),
        }
    }

    fn at(self, node: Option<&'s Value>) -> Self {
        SchemaRef {
            root: self.root,
            node: node.map(|node| self.resolve(node)),
        }
    }

    fn resolve(self, node: &'s Value) -> &'s Value {
        let mut node = node;
        // A chain of references is at most as long as the number of definitions.
        for _ in 0..64 {
            let Some(target) = node.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(found) = target.strip_prefix('#').and_then(|p| self.root.pointer(p)) else {
                break;
            };
            node = found;
        }
        node
    }

    /// Picks the first alternative (`anyOf`/`oneOf`) that fits `value`, or the node itself.
    fn select(self, value: &Value) -> Self {
        let Some(node) = self.node else { return self };
        for key in ["anyOf", "oneOf"] {
            if let Some(branches) = node.get(key).and_then(Value::as_array) {
                let chosen = branches
                    .iter()
                    .map(|branch| self.at(Some(branch)).select(value))
                    .find(|branch| branch.fits(value));
                return chosen.unwrap_or(self.at(None));
            }
        }
        self
    }

    fn types(self) -> Vec<&'s str> {
        match self.node.and_then(|node| node.get("type")) {
            Some(Value::String(name)) => vec![name.as_str()],
            Some(Value::Array(names)) => names.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    fn fits(self, value: &Value) -> bool {
        let Some(node) = self.node else { return false };
        if let Some(constant) = node.get("const") {
            return constant == value;
        }
        if let Some(options) = node.get("enum").and_then(Value::as_array) {
            return options.contains(value);
        }
        let types = self.types();
        let type_fits = types.is_empty()
            || types.iter().any(|name| match (*name, value) {
                ("null", Value::Null)
                | ("boolean", Value::Bool(_))
                | ("number", Value::Number(_))
                | ("string", Value::String(_))
                | ("array", Value::Array(_))
                | ("object", Value::Object(_)) => true,
                ("integer", Value::Number(number)) => !number.is_f64(),
                _ => false,
            });
        type_fits && self.object_fits(value)
    }

    /// Checks required keys, constant tags and unknown keys of an object against the schema.
    fn object_fits(self, value: &Value) -> bool {
        let (Some(node), Value::Object(fields)) = (self.node, value) else {
            return true;
        };
        let properties = node.get("properties").and_then(Value::as_object);
        let required = node.get("required").and_then(Value::as_array);
        let has_required = required
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .all(|key| fields.contains_key(key));
        let closed = node.get("additionalProperties") == Some(&Value::Bool(false));
        let keys_fit =
            fields
                .iter()
                .all(|(key, field)| match properties.and_then(|p| p.get(key)) {
                    Some(property) => {
                        let property = self.at(Some(property));
                        property
                            .node
                            .and_then(|p| p.get("const"))
                            .is_none_or(|c| c == field)
                    }
                    None => !closed,
                });
        has_required && keys_fit
    }

    fn property(self, key: &str) -> Self {
        let node = self.node.and_then(|node| {
            node.get("properties")
                .and_then(|properties| properties.get(key))
                .or_else(|| {
                    node.get("additionalProperties")
                        .filter(|extra| extra.is_object())
                })
        });
        self.at(node)
    }

    fn item(self, index: usize) -> Self {
        let node = self.node.and_then(|node| {
            node.get("prefixItems")
                .and_then(|items| items.get(index))
                .or_else(|| node.get("items").filter(|items| items.is_object()))
        });
        self.at(node)
    }

    fn string_kind(self) -> StringKind {
        let Some(node) = self.node else {
            return StringKind::Text;
        };
        if !self.types().contains(&"string") {
            return StringKind::Text;
        }
        if node.get("format").and_then(Value::as_str) == Some("date") {
            return StringKind::Date;
        }
        // Decimal schemas (rust_decimal's, and the core's Amount and Ratio) all describe an
        // optional fraction as `(\.\d+)?` or `(\.[0-9]+)?`, and no other string schema does.
        let pattern = node
            .get("pattern")
            .and_then(Value::as_str)
            .unwrap_or_default();
        if pattern.contains(r"(\.\d+)?") || pattern.contains(r"(\.[0-9]+)?") {
            StringKind::Decimal
        } else {
            StringKind::Text
        }
    }

    fn accepts_float(self) -> bool {
        self.types().contains(&"number")
    }
}

/// Converts a JSON value into Python, turning decimal strings into `Decimal` and ISO dates into
/// `date` where the schema marks them.
pub fn json_to_py<'py>(
    py: Python<'py>,
    value: &Value,
    schema: SchemaRef<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let schema = schema.select(value);
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => number_to_py(py, number)?,
        Value::String(text) => string_to_py(py, text, schema)?,
        Value::Array(items) => {
            let list = PyList::empty(py);
            for (index, item) in items.iter().enumerate() {
                list.append(json_to_py(py, item, schema.item(index))?)?;
            }
            list.into_any()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, field) in fields {
                dict.set_item(key, json_to_py(py, field, schema.property(key))?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_py<'py>(py: Python<'py>, number: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(integer) = number.as_i64() {
        Ok(integer.into_pyobject(py)?.into_any())
    } else if let Some(integer) = number.as_u64() {
        Ok(integer.into_pyobject(py)?.into_any())
    } else {
        Ok(PyFloat::new(py, number.as_f64().unwrap_or(f64::NAN)).into_any())
    }
}

fn string_to_py<'py>(
    py: Python<'py>,
    text: &str,
    schema: SchemaRef<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    match schema.string_kind() {
        StringKind::Decimal => decimal_type(py)?.call1((text,)),
        StringKind::Date => match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Ok(date.into_pyobject(py)?.into_any()),
            Err(_) => Ok(PyString::new(py, text).into_any()),
        },
        StringKind::Text => Ok(PyString::new(py, text).into_any()),
    }
}

/// Converts a Python value into JSON for a core type's deserializer, naming `path` in errors.
///
/// Accepts `None`, `bool`, `int`, `str`, `Decimal`, `date` (and `datetime`), dicts with string
/// keys, lists and tuples. A float is accepted only where the schema expects a JSON number.
pub fn py_to_json(value: &Bound<'_, PyAny>, schema: SchemaRef<'_>, path: &str) -> PyResult<Value> {
    py_to_json_at(value, schema, path, 0)
}

/// Deepest nesting of dicts and lists that a conversion accepts. A cyclic dict or list would
/// otherwise recurse until the native stack overflows, so the limit also stops cycles.
pub const MAX_DEPTH: usize = 128;

/// Builds the error for a value nested deeper than [`MAX_DEPTH`] (or containing itself).
pub fn too_deep(path: &str) -> BindingError {
    BindingError {
        code: "convert.too_deep",
        message: format!(
            "value at {path} is nested more than {MAX_DEPTH} levels deep or contains itself"
        ),
        field: path.to_owned(),
        value: format!("more than {MAX_DEPTH} levels"),
        allowed: format!("at most {MAX_DEPTH} levels of nested dicts and lists, without cycles"),
    }
}

/// Takes the text of a Python `str`, rejecting lone surrogates, which have no UTF-8 form.
pub fn text_of(text: &Bound<'_, PyString>, field: &str) -> PyResult<String> {
    if let Ok(valid) = text.to_str() {
        return Ok(valid.to_owned());
    }
    let escaped = text.repr().map_or_else(
        |_| "a str with a lone surrogate".to_owned(),
        |r| r.to_string(),
    );
    let error = BindingError {
        code: "convert.invalid_text",
        message: format!("{field} is not valid unicode text: {escaped}"),
        field: field.to_owned(),
        value: escaped,
        allowed: "a str without lone surrogates".to_owned(),
    };
    Err(to_py_err(text.py(), &error))
}

/// Takes a `str` argument, rejecting any other type and lone surrogates, naming `field`.
pub fn text_arg(value: &Bound<'_, PyAny>, field: &str) -> PyResult<String> {
    match value.cast::<PyString>() {
        Ok(text) => text_of(text, field),
        Err(_) => Err(conversion_error(value, field, "str")),
    }
}

fn py_to_json_at(
    value: &Bound<'_, PyAny>,
    schema: SchemaRef<'_>,
    path: &str,
    depth: usize,
) -> PyResult<Value> {
    let py = value.py();
    if depth > MAX_DEPTH {
        return Err(to_py_err(py, &too_deep(path)));
    }
    if value.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return int_to_json(value);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return float_to_json(float, schema, path);
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text_of(text, path)?));
    }
    if value.is_instance(decimal_type(py)?)? {
        return Ok(Value::String(decimal_arg(value, path)?.to_string()));
    }
    if value.is_instance_of::<PyDateTime>() || value.is_instance_of::<PyDate>() {
        return Ok(Value::String(value.call_method0("isoformat")?.extract()?));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut fields = Map::new();
        for (key, field) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(conversion_error(&key, path, "a dict with str keys"));
            };
            let key = text_of(key, path)?;
            let key = key.as_str();
            let child = if path.is_empty() {
                key.to_owned()
            } else {
                format!("{path}.{key}")
            };
            fields.insert(
                key.to_owned(),
                py_to_json_at(&field, schema.property(key), &child, depth + 1)?,
            );
        }
        return Ok(Value::Object(fields));
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (index, item) in value.try_iter()?.enumerate() {
            items.push(py_to_json_at(
                &item?,
                schema.item(index),
                &format!("{path}[{index}]"),
                depth + 1,
            )?);
        }
        return Ok(Value::Array(items));
    }
    // A value object of this package nested in a dict or list crosses as its dict form.
    if is_value_object(value)? {
        return py_to_json_at(&value.call_method0("to_dict")?, schema, path, depth + 1);
    }
    Err(conversion_error(
        value,
        path,
        "None, bool, int, str, Decimal, date, dict, list, tuple or a data_assets value",
    ))
}

fn is_value_object(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    let class = value.get_type();
    let module: String = class.getattr("__module__")?.extract()?;
    Ok(module == "data_assets" && class.hasattr("to_dict")?)
}

fn int_to_json(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    if let Ok(integer) = value.extract::<i64>() {
        return Ok(Value::from(integer));
    }
    if let Ok(integer) = value.extract::<u64>() {
        return Ok(Value::from(integer));
    }
    // Larger integers cross as decimal text, which the core's decimal fields accept.
    Ok(Value::String(value.str()?.to_string()))
}

fn float_to_json(float: &Bound<'_, PyFloat>, schema: SchemaRef<'_>, path: &str) -> PyResult<Value> {
    let py = float.py();
    let number = float.value();
    let exact_expected = !schema.accepts_float();
    match Number::from_f64(number) {
        Some(number) if !exact_expected => Ok(Value::Number(number)),
        _ => Err(to_py_err(
            py,
            &BindingError::float_rejected(path, float.str()?.to_string()),
        )),
    }
}

/// Returns `repr(value)`, or its type name where the repr fails (for example on deep nesting).
fn short_repr(value: &Bound<'_, PyAny>) -> String {
    value.repr().map_or_else(
        |_| {
            value
                .get_type()
                .name()
                .map_or_else(|_| "unknown".to_owned(), |name| name.to_string())
        },
        |text| text.to_string(),
    )
}

fn conversion_error(value: &Bound<'_, PyAny>, path: &str, allowed: &str) -> PyErr {
    let type_name = value
        .get_type()
        .name()
        .map_or_else(|_| "unknown".to_owned(), |name| name.to_string());
    let error = BindingError {
        code: "convert.unsupported_type",
        message: format!("unsupported type {type_name} at {path}"),
        field: path.to_owned(),
        value: value
            .repr()
            .map_or_else(|_| type_name.clone(), |text| text.to_string()),
        allowed: allowed.to_owned(),
    };
    to_py_err(value.py(), &error)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn kind(schema: &Value) -> StringKind {
        SchemaRef::root(schema).string_kind()
    }

    #[test]
    fn string_kind_decimal_patterns() {
        assert_eq!(
            kind(&json!({"type": "string", "pattern": r"^-?\d+(\.\d+)?$"})),
            StringKind::Decimal
        );
        let amount = json!({"type": "string", "pattern": r"^-?[0-9]{1,17}(\.[0-9]+)?$"});
        assert_eq!(kind(&amount), StringKind::Decimal);
    }

    #[test]
    fn string_kind_code_patterns_stay_text() {
        // A six-digit region code (行政区划代码) and an 18-character credit code are text.
        assert_eq!(
            kind(&json!({"type": "string", "pattern": "^[0-9]{6}$"})),
            StringKind::Text
        );
        assert_eq!(
            kind(&json!({"type": "string", "pattern": "^[0-9A-Z]{18}$"})),
            StringKind::Text
        );
        assert_eq!(kind(&json!({"type": "string"})), StringKind::Text);
    }

    #[test]
    fn string_kind_date_format() {
        assert_eq!(
            kind(&json!({"type": "string", "format": "date"})),
            StringKind::Date
        );
        assert_eq!(
            kind(&json!({"type": "string", "format": "date-time"})),
            StringKind::Text
        );
    }

    #[test]
    fn select_follows_references_and_alternatives() {
        let schema = json!({
            "$defs": {"Amount": {"type": "string", "pattern": r"^-?[0-9]{1,17}(\.[0-9]+)?$"}},
            "type": "object",
            "properties": {"cost": {"anyOf": [{"$ref": "#/$defs/Amount"}, {"type": "null"}]}}
        });
        let cost = SchemaRef::root(&schema).property("cost");
        assert_eq!(
            cost.select(&json!("12.30")).string_kind(),
            StringKind::Decimal
        );
        assert!(cost.select(&Value::Null).fits(&Value::Null));
    }

    #[test]
    fn select_matches_tagged_variant() {
        let schema = json!({"oneOf": [
            {"type": "object", "properties": {"kind": {"const": "fixed"}, "rate": {"type": "string"}}},
            {"type": "object", "properties": {
                "kind": {"const": "share"},
                "rate": {"type": "string", "pattern": r"^\d+(\.\d+)?$"}
            }}
        ]});
        let value = json!({"kind": "share", "rate": "0.3"});
        let chosen = SchemaRef::root(&schema).select(&value);
        assert_eq!(chosen.property("rate").string_kind(), StringKind::Decimal);
    }

    #[test]
    fn parse_decimal_exact_or_none() {
        assert_eq!(parse_decimal("1E+2"), Some(Decimal::from(100)));
        assert_eq!(parse_decimal("0.05"), Some(Decimal::new(5, 2)));
        assert_eq!(parse_decimal("NaN"), None);
        assert_eq!(parse_decimal("Infinity"), None);
        // rust_decimal holds at most 28 decimal places, so a 29th would be rounded away.
        assert_eq!(parse_decimal("0.00000000000000000000000000001"), None);
        // 80 × 10^27 exceeds the 96-bit mantissa (about 7.9 × 10^28).
        assert_eq!(parse_decimal("80000000000000000000000000000"), None);
    }
}
