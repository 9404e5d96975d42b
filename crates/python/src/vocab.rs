//! The core's controlled vocabularies, listed by name with codes and Chinese labels.

use data_assets_core::asset::{
    AcquisitionRoute, BookingStatus, DataCategory, HoldingPurpose, OpenType, RightKind,
    RightsRegistration, SecurityGrade, SharingType, UpdateFrequency,
};
use data_assets_core::entity::EntityKind;
use pyo3::prelude::*;

use crate::errors::{BindingError, OrRaise, guard, to_py_err};

/// Declares the table of vocabularies: each entry adds one name to every function below.
macro_rules! vocabularies {
    ($($vocabulary:ident),+ $(,)?) => {
        const NAMES: &[&str] = &[$(stringify!($vocabulary)),+];

        fn terms(name: &str) -> Option<Vec<(&'static str, &'static str)>> {
            match name {
                $(stringify!($vocabulary) => Some(
                    $vocabulary::ALL.iter().map(|term| (term.code(), term.label_zh())).collect(),
                ),)+
                _ => None,
            }
        }

        fn parse(py: Python<'_>, name: &str, text: &str) -> Option<PyResult<&'static str>> {
            match name {
                $(stringify!($vocabulary) => Some(
                    text.parse::<$vocabulary>().map(|term| term.code()).or_raise(py),
                ),)+
                _ => None,
            }
        }
    };
}

vocabularies!(
    EntityKind,
    DataCategory,
    SecurityGrade,
    OpenType,
    SharingType,
    RightKind,
    AcquisitionRoute,
    BookingStatus,
    UpdateFrequency,
    RightsRegistration,
    HoldingPurpose,
);

fn unknown_vocabulary(py: Python<'_>, name: &str) -> PyErr {
    let error = BindingError {
        code: "vocab.unknown_vocabulary",
        message: format!("unknown vocabulary {name:?}"),
        field: "vocabulary".to_owned(),
        value: name.to_owned(),
        allowed: NAMES.join(", "),
    };
    to_py_err(py, &error)
}

/// Lists the names of the vocabularies, such as `EntityKind`.
#[pyfunction]
pub fn vocabulary_names() -> Vec<&'static str> {
    NAMES.to_vec()
}

/// Lists the `(code, Chinese label)` pairs of one vocabulary, in declaration order.
#[pyfunction]
pub fn vocabulary(py: Python<'_>, name: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    guard(py, || {
        terms(name).ok_or_else(|| unknown_vocabulary(py, name))
    })
}

/// Returns the code of the term matching `text`, given either as its code or its Chinese label.
#[pyfunction]
pub fn parse_term(
    py: Python<'_>,
    vocabulary: &Bound<'_, PyAny>,
    text: &Bound<'_, PyAny>,
) -> PyResult<&'static str> {
    guard(py, || {
        let vocabulary = crate::convert::text_arg(vocabulary, "vocabulary")?;
        let text = crate::convert::text_arg(text, "text")?;
        let vocabulary = vocabulary.as_str();
        parse(py, vocabulary, &text).unwrap_or_else(|| Err(unknown_vocabulary(py, vocabulary)))
    })
}
