//! Registration events (登记事项) as a state machine, and the book of registrations.
//!
//! A registration starts with an initial registration (初始登记) and then takes changes (变更登记),
//! transfers to a new holder (转移登记), renewals with a new certificate (续展) and finally a
//! cancellation (注销登记), after which it accepts nothing. 市财资〔2025〕12号 requires units to
//! keep registrations up to date (动态管理).
//!
//! NOTE: no regulation read for this crate lists the event kinds; they are the usual kinds of
//! a property registry.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{CardHolder, Certificate, CertificateNumber, RegistrationError, missing};

/// Kind of registration event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RegistrationEventKind {
    /// 初始登记: the first registration, with the certificate issued for it.
    Initial {
        /// Holder on the certificate.
        holder: CardHolder,
        /// Number of the certificate issued.
        certificate_number: String,
    },
    /// 变更登记: a changed card, identified by its new fingerprint.
    Change {
        /// Fingerprint of the changed card.
        fingerprint: String,
        /// What changed.
        description: String,
    },
    /// 转移登记: the asset passes to a new holder.
    Transfer {
        /// The new holder.
        new_holder: CardHolder,
    },
    /// 续展: a renewal that replaces the certificate.
    Renewal {
        /// Number of the new certificate.
        certificate_number: String,
    },
    /// 注销登记: the registration ends; no event may follow.
    Cancellation {
        /// Reason for the cancellation.
        reason: String,
    },
}

/// One event with who recorded it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegistrationEvent {
    /// What happened.
    pub kind: RegistrationEventKind,
    /// Actor who recorded the event (a user or role id).
    pub actor: String,
    /// Date of the event, given by the caller.
    pub date: NaiveDate,
}

/// The current state of one asset's registration and its full event history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegistrationRecord {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Current holder.
    pub holder: CardHolder,
    /// Number of the current certificate.
    pub certificate_number: String,
    /// Whether the registration was cancelled.
    pub cancelled: bool,
    /// Every event, oldest first.
    pub events: Vec<RegistrationEvent>,
}

impl RegistrationRecord {
    /// Applies a follow-up event (anything but [`RegistrationEventKind::Initial`]).
    fn apply(&mut self, event: RegistrationEvent) -> Result<(), RegistrationError> {
        if self.cancelled {
            return Err(RegistrationError::Cancelled {
                value: self.asset_id.clone(),
            });
        }
        if let Some(previous) = self.events.last()
            && event.date < previous.date
        {
            return Err(RegistrationError::DateOutOfOrder {
                value: event.date.to_string(),
                previous: previous.date.to_string(),
            });
        }
        match &event.kind {
            RegistrationEventKind::Initial { .. } => {
                return Err(RegistrationError::AlreadyRegistered {
                    value: self.asset_id.clone(),
                });
            }
            RegistrationEventKind::Change {
                fingerprint,
                description,
            } => {
                require(fingerprint, "kind.fingerprint")?;
                require(description, "kind.description")?;
            }
            RegistrationEventKind::Transfer { new_holder } => {
                require(&new_holder.name, "kind.new_holder.name")?;
                require(&new_holder.credit_code, "kind.new_holder.credit_code")?;
                if new_holder.credit_code.trim() == self.holder.credit_code.trim() {
                    return Err(RegistrationError::TransferToSameHolder {
                        value: self.asset_id.clone(),
                    });
                }
                self.holder = new_holder.clone();
            }
            RegistrationEventKind::Renewal { certificate_number } => {
                certificate_number.parse::<CertificateNumber>()?;
                self.certificate_number.clone_from(certificate_number);
            }
            RegistrationEventKind::Cancellation { reason } => {
                require(reason, "kind.reason")?;
                self.cancelled = true;
            }
        }
        self.events.push(event);
        Ok(())
    }
}

fn require(text: &str, field: &str) -> Result<(), RegistrationError> {
    if crate::text::is_blank(text) {
        Err(missing(field))
    } else {
        Ok(())
    }
}

/// Registrations keyed by asset id.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::registration::*;
/// let mut book = RegistrationBook::default();
/// let holder = CardHolder { name: "桂林市水利局".into(), credit_code: "11450300MB0000001X".into() };
/// let day = |d| NaiveDate::from_ymd_opt(2025, 11, d).unwrap();
/// book.record("GL-002", RegistrationEvent {
///     kind: RegistrationEventKind::Initial {
///         holder,
///         certificate_number: "DA-450300-2025-000123-M".into(),
///     },
///     actor: "clerk".into(),
///     date: day(20),
/// })?;
/// book.record("GL-002", RegistrationEvent {
///     kind: RegistrationEventKind::Cancellation { reason: "资产报废".into() },
///     actor: "clerk".into(),
///     date: day(28),
/// })?;
/// assert!(book.get("GL-002").unwrap().cancelled);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegistrationBook {
    records: BTreeMap<String, RegistrationRecord>,
}

impl RegistrationBook {
    /// Records an event for an asset: an initial registration creates the record, any other
    /// event moves an existing one on.
    ///
    /// # Errors
    ///
    /// - [`RegistrationError::MissingField`] for an empty asset id, actor, holder, description
    ///   or reason;
    /// - [`RegistrationError::AlreadyRegistered`] for a second initial registration;
    /// - [`RegistrationError::NotRegistered`] for a follow-up event without a registration;
    /// - [`RegistrationError::Cancelled`] for any event after cancellation;
    /// - [`RegistrationError::DateOutOfOrder`] for an event dated before the previous one;
    /// - [`RegistrationError::TransferToSameHolder`] for a transfer to the current holder;
    /// - [`RegistrationError::InvalidCertificateNumber`] or
    ///   [`RegistrationError::CheckCharacterMismatch`] for a bad certificate number.
    pub fn record(
        &mut self,
        asset_id: &str,
        event: RegistrationEvent,
    ) -> Result<&RegistrationRecord, RegistrationError> {
        require(asset_id, "asset_id")?;
        require(&event.actor, "actor")?;
        if let RegistrationEventKind::Initial {
            holder,
            certificate_number,
        } = &event.kind
        {
            if let Some(existing) = self.records.get(asset_id) {
                if existing.cancelled {
                    return Err(RegistrationError::Cancelled {
                        value: asset_id.to_owned(),
                    });
                }
                return Err(RegistrationError::AlreadyRegistered {
                    value: asset_id.to_owned(),
                });
            }
            require(&holder.name, "kind.holder.name")?;
            require(&holder.credit_code, "kind.holder.credit_code")?;
            certificate_number.parse::<CertificateNumber>()?;
            let record = RegistrationRecord {
                asset_id: asset_id.to_owned(),
                holder: holder.clone(),
                certificate_number: certificate_number.clone(),
                cancelled: false,
                events: Vec::new(),
            };
            let record = self.records.entry(asset_id.to_owned()).or_insert(record);
            record.events.push(event);
            return Ok(record);
        }
        let record =
            self.records
                .get_mut(asset_id)
                .ok_or_else(|| RegistrationError::NotRegistered {
                    value: asset_id.to_owned(),
                })?;
        record.apply(event)?;
        Ok(record)
    }

    /// Registers an asset from the certificate issued for its card.
    ///
    /// # Errors
    ///
    /// As [`RegistrationBook::record`] for an initial registration.
    pub fn register_certificate(
        &mut self,
        certificate: &Certificate,
        actor: &str,
    ) -> Result<&RegistrationRecord, RegistrationError> {
        let event = RegistrationEvent {
            kind: RegistrationEventKind::Initial {
                holder: certificate.holder.clone(),
                certificate_number: certificate.number.clone(),
            },
            actor: actor.to_owned(),
            date: certificate.issued_on,
        };
        self.record(&certificate.asset_id, event)
    }

    /// Looks up the registration of an asset.
    pub fn get(&self, asset_id: &str) -> Option<&RegistrationRecord> {
        self.records.get(asset_id)
    }

    /// Iterates over every registration in asset-id order.
    pub fn records(&self) -> impl Iterator<Item = &RegistrationRecord> {
        self.records.values()
    }
}
