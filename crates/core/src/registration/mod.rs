//! Registration (登记): information cards, certificates and registration events.
//!
//! A government unit fills a 数据资产信息卡 ([`GovernmentCard`]) in the provincial budget platform
//! and receives a data-asset certificate (数据资产证书, [`Certificate`]). A state-owned enterprise
//! registers an asset info card ([`EnterpriseCard`]) with basic, rights, usage and management
//! information. Both steps come from the Guilin pilot plan 市财资〔2025〕12号 (part 3, task 3),
//! which implements 财资〔2024〕167号 task 2 (开展数据资产登记). No national field list exists, so
//! the card fields follow the ledger fields of that plan plus the government data-catalog
//! attributes (open type, sharing type, security grade, update frequency).
//!
//! A registration then lives through events ([`RegistrationBook`]): initial registration, change,
//! transfer, renewal and cancellation, with nothing allowed after cancellation.
//!
//! # Errors
//!
//! Every fallible function returns [`RegistrationError`], or a list of them where every problem
//! is reported. Each variant has a stable code `registration.*`, the field path, the rejected
//! value and what is allowed, through [`ErrorDetail`].

mod card;
mod certificate;
mod events;
mod from_asset;

pub use card::{
    CardHolder, EnterpriseBasicInfo, EnterpriseCard, EnterpriseManagementInfo,
    EnterpriseRightsInfo, EnterpriseUsageInfo, GovernmentCard, InfoCard, OperationStatus,
    RightHolding, enterprise_card_schema, government_card_schema, json_schema, parse_card_json,
};
pub use certificate::{
    CHECK_ALPHABET, Certificate, CertificateNumber, canonical_json, check_character, fingerprint,
    verify,
};
pub use events::{RegistrationBook, RegistrationEvent, RegistrationEventKind, RegistrationRecord};
pub use from_asset::EnterpriseCardFacts;

use thiserror::Error;

use crate::error::ErrorDetail;

/// Errors of card validation, certificates and registration events.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RegistrationError {
    /// A required field is empty or absent.
    #[error("missing required field {field}")]
    MissingField {
        /// Path of the field.
        field: String,
    },
    /// Open type is not 不予开放 although sharing type is 不予共享.
    #[error("{field} is {value} but data that is not shared (不予共享) cannot be opened")]
    NotSharedButOpen {
        /// Path of the open type.
        field: String,
        /// Rejected open type.
        value: String,
    },
    /// A conditional open or sharing type has no conditions.
    #[error("missing conditions in {field} for conditional type {value}")]
    MissingConditions {
        /// Path of the conditions field.
        field: String,
        /// Open or sharing type that needs them.
        value: String,
    },
    /// Personal data has neither an anonymization nor a consent basis.
    #[error("personal data without a legal basis in {field}: {value}")]
    PersonalDataWithoutBasis {
        /// Path of the basis field.
        field: String,
        /// Rejected basis.
        value: String,
    },
    /// The counts of tables, fields and records do not fit together.
    #[error("inconsistent data counts in {field}: {value}")]
    InconsistentCounts {
        /// Path of the count that breaks the rule.
        field: String,
        /// The counts, as text.
        value: String,
    },
    /// A book value below zero.
    #[error("negative book value in {field}: {value}")]
    NegativeBookValue {
        /// Path of the book value.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// A book value with more than two decimal places.
    #[error("book value in {field} has more than two decimal places: {value}")]
    BookValueNotFen {
        /// Path of the book value.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// An asset that is not booked (未入账) carries a non-zero book value.
    #[error("book value {value} in {field} for an asset that is not booked")]
    BookValueWithoutBooking {
        /// Path of the book value.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// Core data (核心数据) is marked as authorized or licensed.
    #[error("core data cannot be authorized or licensed: {field} is {value}")]
    CoreDataAuthorized {
        /// Path of the authorization or licensee field.
        field: String,
        /// Rejected value.
        value: String,
    },
    /// The card's holder does not hold the 数据资源持有权 listed in the rights section.
    #[error("holder {value} has no holding right (数据资源持有权) in {field}")]
    HolderLacksHoldingRight {
        /// Path of the rights list.
        field: String,
        /// The holder's name.
        value: String,
    },
    /// The same right is listed twice for the same holder.
    #[error("duplicate right in {field}: {value}")]
    DuplicateRight {
        /// Path of the repeated entry.
        field: String,
        /// The right and holder, as text.
        value: String,
    },
    /// A registered right has no registration number.
    #[error("missing registration number in {field} for rights status {value}")]
    MissingRegistrationNumber {
        /// Path of the registration number.
        field: String,
        /// The rights registration status.
        value: String,
    },
    /// The text is not well-formed JSON.
    #[error("invalid JSON at line {line}, column {column}: {message}")]
    JsonSyntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// Parser message.
        message: String,
        /// The position, as `line:column`.
        value: String,
    },
    /// The JSON text ends before the card is complete.
    #[error("JSON ends early at line {line}, column {column}")]
    JsonTruncated {
        /// Line of the end, from 1.
        line: usize,
        /// Column of the end, from 1.
        column: usize,
        /// The position, as `line:column`.
        value: String,
    },
    /// Well-formed JSON with a value of the wrong type, an unknown code or an unknown field.
    #[error("invalid card value at line {line}, column {column}: {message}")]
    JsonInvalidValue {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// Parser message, naming the field or code.
        message: String,
        /// The position, as `line:column`.
        value: String,
    },
    /// A certificate number does not follow the documented format.
    #[error("invalid certificate number {value:?}: {reason}")]
    InvalidCertificateNumber {
        /// Rejected text.
        value: String,
        /// Description of the defect.
        reason: String,
    },
    /// The check character of a certificate number does not match its digits.
    #[error("certificate number {value} fails its check character: expected {expected}")]
    CheckCharacterMismatch {
        /// Rejected number.
        value: String,
        /// Check character the digits produce.
        expected: char,
    },
    /// The card's fingerprint differs from the one on the certificate.
    #[error("card fingerprint {value} does not match certificate fingerprint {expected}")]
    FingerprintMismatch {
        /// Fingerprint of the card presented.
        value: String,
        /// Fingerprint on the certificate.
        expected: String,
    },
    /// The card belongs to another asset or holder than the certificate.
    #[error("card {field} {value} does not match certificate {field} {expected}")]
    CertificateMismatch {
        /// `asset_id` or `holder`.
        field: String,
        /// Value on the card.
        value: String,
        /// Value on the certificate.
        expected: String,
    },
    /// An initial registration for an asset that is already registered.
    #[error("asset {value} is already registered")]
    AlreadyRegistered {
        /// The asset id.
        value: String,
    },
    /// An event for an asset that has no registration.
    #[error("asset {value} is not registered")]
    NotRegistered {
        /// The asset id.
        value: String,
    },
    /// An event after the registration was cancelled.
    #[error("registration of asset {value} is cancelled and accepts no further events")]
    Cancelled {
        /// The asset id.
        value: String,
    },
    /// A transfer whose new holder is the current holder.
    #[error("transfer of asset {value} names the current holder as the new holder")]
    TransferToSameHolder {
        /// The asset id.
        value: String,
    },
    /// An event dated before the previous event of the same registration.
    #[error("event date {value} is before the previous event on {previous}")]
    DateOutOfOrder {
        /// Rejected date.
        value: String,
        /// Date of the previous event.
        previous: String,
    },
}

impl ErrorDetail for RegistrationError {
    fn code(&self) -> &'static str {
        match self {
            Self::MissingField { .. } => "registration.missing_field",
            Self::NotSharedButOpen { .. } => "registration.not_shared_but_open",
            Self::MissingConditions { .. } => "registration.missing_conditions",
            Self::PersonalDataWithoutBasis { .. } => "registration.personal_data_without_basis",
            Self::InconsistentCounts { .. } => "registration.inconsistent_counts",
            Self::NegativeBookValue { .. } => "registration.negative_book_value",
            Self::BookValueNotFen { .. } => "registration.book_value_not_fen",
            Self::BookValueWithoutBooking { .. } => "registration.book_value_without_booking",
            Self::CoreDataAuthorized { .. } => "registration.core_data_authorized",
            Self::HolderLacksHoldingRight { .. } => "registration.holder_lacks_holding_right",
            Self::DuplicateRight { .. } => "registration.duplicate_right",
            Self::MissingRegistrationNumber { .. } => "registration.missing_registration_number",
            Self::JsonSyntax { .. } => "registration.json_syntax",
            Self::JsonTruncated { .. } => "registration.json_truncated",
            Self::JsonInvalidValue { .. } => "registration.json_invalid_value",
            Self::InvalidCertificateNumber { .. } => "registration.invalid_certificate_number",
            Self::CheckCharacterMismatch { .. } => "registration.check_character_mismatch",
            Self::FingerprintMismatch { .. } => "registration.fingerprint_mismatch",
            Self::CertificateMismatch { .. } => "registration.certificate_mismatch",
            Self::AlreadyRegistered { .. } => "registration.already_registered",
            Self::NotRegistered { .. } => "registration.not_registered",
            Self::Cancelled { .. } => "registration.cancelled",
            Self::TransferToSameHolder { .. } => "registration.transfer_to_same_holder",
            Self::DateOutOfOrder { .. } => "registration.date_out_of_order",
        }
    }

    fn field(&self) -> &str {
        match self {
            Self::MissingField { field }
            | Self::NotSharedButOpen { field, .. }
            | Self::MissingConditions { field, .. }
            | Self::PersonalDataWithoutBasis { field, .. }
            | Self::InconsistentCounts { field, .. }
            | Self::NegativeBookValue { field, .. }
            | Self::BookValueNotFen { field, .. }
            | Self::BookValueWithoutBooking { field, .. }
            | Self::CoreDataAuthorized { field, .. }
            | Self::HolderLacksHoldingRight { field, .. }
            | Self::DuplicateRight { field, .. }
            | Self::MissingRegistrationNumber { field, .. }
            | Self::CertificateMismatch { field, .. } => field,
            Self::JsonSyntax { .. }
            | Self::JsonTruncated { .. }
            | Self::JsonInvalidValue { .. } => "card",
            Self::InvalidCertificateNumber { .. } | Self::CheckCharacterMismatch { .. } => {
                "certificate.number"
            }
            Self::FingerprintMismatch { .. } => "certificate.fingerprint",
            Self::AlreadyRegistered { .. }
            | Self::NotRegistered { .. }
            | Self::Cancelled { .. }
            | Self::TransferToSameHolder { .. } => "asset_id",
            Self::DateOutOfOrder { .. } => "date",
        }
    }

    fn value(&self) -> &str {
        match self {
            Self::MissingField { .. } => "",
            Self::NotSharedButOpen { value, .. }
            | Self::MissingConditions { value, .. }
            | Self::PersonalDataWithoutBasis { value, .. }
            | Self::InconsistentCounts { value, .. }
            | Self::NegativeBookValue { value, .. }
            | Self::BookValueNotFen { value, .. }
            | Self::BookValueWithoutBooking { value, .. }
            | Self::CoreDataAuthorized { value, .. }
            | Self::HolderLacksHoldingRight { value, .. }
            | Self::DuplicateRight { value, .. }
            | Self::MissingRegistrationNumber { value, .. }
            | Self::JsonSyntax { value, .. }
            | Self::JsonTruncated { value, .. }
            | Self::JsonInvalidValue { value, .. }
            | Self::InvalidCertificateNumber { value, .. }
            | Self::CheckCharacterMismatch { value, .. }
            | Self::FingerprintMismatch { value, .. }
            | Self::CertificateMismatch { value, .. }
            | Self::AlreadyRegistered { value }
            | Self::NotRegistered { value }
            | Self::Cancelled { value }
            | Self::TransferToSameHolder { value }
            | Self::DateOutOfOrder { value, .. } => value,
        }
    }

    fn allowed(&self) -> &str {
        match self {
            Self::MissingField { .. } => "a non-empty value",
            Self::NotSharedButOpen { .. } => "not_open (不予开放) when sharing type is not_shared",
            Self::MissingConditions { .. } => {
                "the conditions of a conditional open or sharing type"
            }
            Self::PersonalDataWithoutBasis { .. } => "anonymized or consent",
            Self::InconsistentCounts { .. } => {
                "fields at least tables when tables > 0; no fields or records without tables"
            }
            Self::NegativeBookValue { .. } => "zero or a positive amount",
            Self::BookValueNotFen { .. } => "at most two decimal places (fen)",
            Self::BookValueWithoutBooking { .. } => "0.00 while booking status is unbooked",
            Self::CoreDataAuthorized { .. } => "no authorization or licensee for core data",
            Self::HolderLacksHoldingRight { .. } => {
                "a holding right entry whose holder is the card's holder"
            }
            Self::DuplicateRight { .. } => "each right at most once per holder",
            Self::MissingRegistrationNumber { .. } => {
                "a registration number when rights are registered"
            }
            Self::JsonSyntax { .. } | Self::JsonTruncated { .. } => "a well-formed JSON object",
            Self::JsonInvalidValue { .. } => "the fields, types and codes of the card schema",
            Self::InvalidCertificateNumber { .. } | Self::CheckCharacterMismatch { .. } => {
                "DA-RRRRRR-YYYY-NNNNNN-C with a valid check character"
            }
            Self::FingerprintMismatch { .. } => "the card the certificate was issued for",
            Self::CertificateMismatch { .. } => "the asset and holder named on the certificate",
            Self::AlreadyRegistered { .. } => "an asset without a registration",
            Self::NotRegistered { .. } => "an asset with an initial registration",
            Self::Cancelled { .. } => "no event after cancellation",
            Self::TransferToSameHolder { .. } => "a new holder different from the current one",
            Self::DateOutOfOrder { .. } => "a date on or after the previous event",
        }
    }
}

fn missing(field: impl Into<String>) -> RegistrationError {
    RegistrationError::MissingField {
        field: field.into(),
    }
}

#[cfg(test)]
mod tests;
