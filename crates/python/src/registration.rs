//! Registration (数据资产登记): info cards, their JSON Schema, certificates and the book of
//! registration events.

use chrono::NaiveDate;
use data_assets_core::registration::{self as core, InfoCard};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use serde_json::Value;

use crate::convert::SchemaRef;
use crate::convert::json_to_py;
use crate::entity::problem_dicts;
use crate::errors::{OrRaise, OrRaiseAll, guard};
use crate::money::amount_arg;
use crate::value::{extract, parse_value, wrap_all};

value_type! {
    /// The info card (信息卡) of a government unit's data asset.
    GovernmentCard(core::GovernmentCard), "registration.invalid_field"
}

value_type! {
    /// The info card of an enterprise's data asset: basic, rights, usage and management parts.
    EnterpriseCard(core::EnterpriseCard), "registration.invalid_field"
}

value_type! {
    /// A registration certificate: number, asset, holder, issue date and the card fingerprint.
    Certificate(core::Certificate), "registration.invalid_field"
}

value_type! {
    /// One registration event (initial, change, transfer, renewal or cancellation) with its
    /// actor and date.
    RegistrationEvent(core::RegistrationEvent), "registration.invalid_field"
}

value_type! {
    /// The registration record of one asset: holder, certificate number and events.
    RegistrationRecord(core::RegistrationRecord), "registration.invalid_field"
}

/// Runs `$body` with the card argument as a typed core card, whichever kind it is.
macro_rules! with_card {
    ($card:expr, |$typed:ident| $body:expr) => {{
        let card: &Bound<'_, PyAny> = $card;
        if let Ok(instance) = card.cast::<GovernmentCard>() {
            let $typed = &instance.get().0;
            $body
        } else {
            let $typed = &extract::<EnterpriseCard>(card, "card")?;
            $body
        }
    }};
}

/// Adds `problems()` and `validate()` to a card class.
macro_rules! card_methods {
    ($name:ident) => {
        #[pymethods]
        impl $name {
            /// Lists every problem of the card as dicts (`code`, `field`, `value`, `allowed`,
            /// `message`); empty when the card is complete.
            fn problems<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
                guard(py, || problem_dicts(py, &self.0.problems()))
            }

            /// Checks the card, raising `RegistrationError` whose `errors` lists every problem.
            fn validate(&self, py: Python<'_>) -> PyResult<()> {
                guard(py, || self.0.validate().or_raise_all(py))
            }

            /// Returns the SHA-256 fingerprint of the card's canonical JSON.
            fn fingerprint(&self) -> String {
                core::fingerprint(&self.0)
            }

            /// Returns the canonical JSON text of the card that the fingerprint covers.
            fn canonical_json(&self) -> String {
                core::canonical_json(&self.0)
            }

            /// Parses a card from JSON text, raising `RegistrationError` listing every problem.
            #[staticmethod]
            fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
                guard(py, || {
                    core::parse_card_json(text).map($name).or_raise_all(py)
                })
            }

            /// Returns the JSON Schema (draft 2020-12) that the card's JSON form follows.
            #[staticmethod]
            fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
                schema_to_py(
                    py,
                    &core::json_schema::<<Self as crate::value::Wrapper>::Core>(),
                )
            }
        }
    };
}

#[pymethods]
impl GovernmentCard {
    /// Fills a government card from a ledger asset and its book value.
    #[staticmethod]
    fn from_asset(
        py: Python<'_>,
        asset: &Bound<'_, PyAny>,
        book_value: &Bound<'_, PyAny>,
    ) -> PyResult<Self> {
        guard(py, || {
            let asset = extract::<crate::entity::DataAsset>(asset, "asset")?;
            let book_value = amount_arg(book_value, "book_value")?;
            Ok(GovernmentCard(core::GovernmentCard::from_asset(
                &asset, book_value,
            )))
        })
    }
}

#[pymethods]
impl EnterpriseCard {
    /// Fills an enterprise card from a ledger asset, its book value and the facts the ledger
    /// does not keep. These are the rights registration number, usage information, the
    /// responsible department, the security and emergency arrangements, and the credit codes of
    /// other right holders by name.
    #[staticmethod]
    #[pyo3(signature = (
        asset, book_value, *, registration_number = None, usage = None,
        responsible_department = "", has_security_system = false,
        has_emergency_plan = false, other_holders = None
    ))]
    #[expect(
        clippy::too_many_arguments,
        reason = "one keyword per fact the ledger lacks"
    )]
    fn from_asset(
        py: Python<'_>,
        asset: &Bound<'_, PyAny>,
        book_value: &Bound<'_, PyAny>,
        registration_number: Option<String>,
        usage: Option<&Bound<'_, PyAny>>,
        responsible_department: &str,
        has_security_system: bool,
        has_emergency_plan: bool,
        other_holders: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        guard(py, || {
            let asset = extract::<crate::entity::DataAsset>(asset, "asset")?;
            let book_value = amount_arg(book_value, "book_value")?;
            let usage = usage
                .map(|usage| parse_value(usage, "usage", "registration.invalid_field"))
                .transpose()?
                .unwrap_or_default();
            let other_holders = other_holders
                .map(|holders| parse_value(holders, "other_holders", "registration.invalid_field"))
                .transpose()?
                .unwrap_or_default();
            let facts = core::EnterpriseCardFacts {
                registration_number,
                usage,
                responsible_department: responsible_department.to_owned(),
                has_security_system,
                has_emergency_plan,
                other_holders,
            };
            Ok(EnterpriseCard(core::EnterpriseCard::from_asset(
                &asset, book_value, facts,
            )))
        })
    }
}

card_methods!(GovernmentCard);
card_methods!(EnterpriseCard);

fn schema_to_py<'py>(py: Python<'py>, schema: &Value) -> PyResult<Bound<'py, PyAny>> {
    // A schema is plain JSON: its strings stay strings.
    json_to_py(py, schema, SchemaRef::root(&Value::Null))
}

/// Builds a certificate number from the six-digit region code, the year and the sequence, with
/// its check character.
#[pyfunction]
pub fn certificate_number(
    py: Python<'_>,
    region_code: &str,
    year: u16,
    sequence: u32,
) -> PyResult<String> {
    guard(py, || {
        core::CertificateNumber::new(region_code, year, sequence)
            .map(|number| number.to_string())
            .or_raise(py)
    })
}

/// Computes the check character of the 16 digits of a certificate number (region, year and
/// sequence without separators), or `None` when `digits` is not 16 ASCII digits.
#[pyfunction]
pub fn certificate_check_character(digits: &str) -> Option<char> {
    core::check_character(digits)
}

/// Parses `DA-RRRRRR-YYYY-NNNNNN-C` into `(region_code, year, sequence)` after checking its
/// format and check character.
#[pyfunction]
pub fn parse_certificate_number(py: Python<'_>, number: &str) -> PyResult<(String, u16, u32)> {
    guard(py, || {
        let number = number.parse::<core::CertificateNumber>().or_raise(py)?;
        Ok((
            number.region_code().to_owned(),
            number.year(),
            number.sequence(),
        ))
    })
}

/// Issues a certificate numbered `number` for a complete card on `issued_on`.
#[pyfunction]
pub fn issue_certificate(
    py: Python<'_>,
    number: &str,
    card: &Bound<'_, PyAny>,
    issued_on: NaiveDate,
) -> PyResult<Certificate> {
    guard(py, || {
        let number = number.parse::<core::CertificateNumber>().or_raise(py)?;
        with_card!(card, |typed| core::Certificate::issue(
            &number, typed, issued_on
        )
        .map(Certificate)
        .or_raise_all(py))
    })
}

/// Checks that a certificate matches a card, raising `RegistrationError` if any field changed.
#[pyfunction]
pub fn verify_certificate(
    py: Python<'_>,
    certificate: &Bound<'_, PyAny>,
    card: &Bound<'_, PyAny>,
) -> PyResult<()> {
    guard(py, || {
        let certificate = extract::<Certificate>(certificate, "certificate")?;
        with_card!(card, |typed| core::verify(&certificate, typed).or_raise(py))
    })
}

state_type! {
    /// The registration records of many assets, built from registration events.
    RegistrationBook(core::RegistrationBook), "registration.invalid_field"
}

#[pymethods]
impl RegistrationBook {
    #[new]
    fn new() -> Self {
        RegistrationBook(core::RegistrationBook::default())
    }

    /// Records an event of asset `asset_id` and returns its record.
    fn record(
        &mut self,
        py: Python<'_>,
        asset_id: &str,
        event: &Bound<'_, PyAny>,
    ) -> PyResult<RegistrationRecord> {
        guard(py, || {
            let event = extract::<RegistrationEvent>(event, "event")?;
            self.0
                .record(asset_id, event)
                .map(|record| RegistrationRecord(record.clone()))
                .or_raise(py)
        })
    }

    /// Records the initial registration that a certificate attests.
    fn register_certificate(
        &mut self,
        py: Python<'_>,
        certificate: &Bound<'_, PyAny>,
        actor: &str,
    ) -> PyResult<RegistrationRecord> {
        guard(py, || {
            let certificate = extract::<Certificate>(certificate, "certificate")?;
            self.0
                .register_certificate(&certificate, actor)
                .map(|record| RegistrationRecord(record.clone()))
                .or_raise(py)
        })
    }

    /// Returns the record of asset `asset_id`, or `None`.
    fn get(&self, asset_id: &str) -> Option<RegistrationRecord> {
        self.0.get(asset_id).cloned().map(RegistrationRecord)
    }

    /// Lists every record in asset id order.
    fn records(&self) -> Vec<RegistrationRecord> {
        wrap_all::<RegistrationRecord>(self.0.records().cloned())
    }

    fn __len__(&self) -> usize {
        self.0.records().count()
    }

    fn __repr__(&self) -> String {
        format!("RegistrationBook(records={})", self.0.records().count())
    }
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<GovernmentCard>()?;
    module.add_class::<EnterpriseCard>()?;
    module.add_class::<Certificate>()?;
    module.add_class::<RegistrationEvent>()?;
    module.add_class::<RegistrationRecord>()?;
    module.add_class::<RegistrationBook>()?;
    module.add_function(wrap_pyfunction!(certificate_number, module)?)?;
    module.add_function(wrap_pyfunction!(certificate_check_character, module)?)?;
    module.add_function(wrap_pyfunction!(parse_certificate_number, module)?)?;
    module.add_function(wrap_pyfunction!(issue_certificate, module)?)?;
    module.add_function(wrap_pyfunction!(verify_certificate, module)?)?;
    Ok(())
}
