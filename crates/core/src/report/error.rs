//! Errors of the quarterly progress report.

use thiserror::Error;

use crate::error::ErrorDetail;
use crate::money::MoneyError;

/// Errors raised while validating report input or building a report.
///
/// Every variant names the rejected field by its path in [`ReportInput`](super::ReportInput),
/// such as `receipts[2].shares`, and the rejected value as text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A reporting period starts after it ends.
    #[error("reporting period {value} starts after it ends")]
    PeriodReversed {
        /// The period as `start..=end`.
        value: String,
    },
    /// A serialized period has neither a year and quarter nor a start and end, or has a
    /// quarter whose dates differ from the start and end given with it.
    #[error("invalid reporting period: {value}")]
    InvalidPeriod {
        /// Fields that were present.
        value: String,
    },
    /// A quarter number outside 1 to 4, or a year whose quarter has no representable dates.
    #[error("invalid quarter {value}: expected 1 to 4")]
    InvalidQuarter {
        /// Rejected quarter, as `year-Qn`.
        value: String,
    },
    /// The reporting unit has an empty name.
    #[error("reporting unit name is empty")]
    EmptyUnitName,
    /// A region code that is not six ASCII digits.
    #[error("invalid region code {value:?} in {field}: expected six digits")]
    InvalidRegionCode {
        /// Path of the code.
        field: String,
        /// Rejected code.
        value: String,
    },
    /// An identifier is empty.
    #[error("empty identifier in {field}")]
    EmptyId {
        /// Path of the identifier.
        field: String,
    },
    /// Two asset snapshots, or two authorizations, share one id.
    #[error("duplicate id {value:?} in {field}")]
    DuplicateId {
        /// Path of the second occurrence.
        field: String,
        /// Duplicated id.
        value: String,
    },
    /// A change, registration, authorization or receipt names an asset with no snapshot.
    #[error("unknown asset id {value:?} in {field}: no asset snapshot has this id")]
    UnknownAssetId {
        /// Path of the asset id.
        field: String,
        /// Rejected id.
        value: String,
    },
    /// An amount that must be zero or more is negative.
    #[error("negative amount in {field}: {value}")]
    NegativeAmount {
        /// Path of the amount.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// An amount that must be exact to the fen has more than two decimal places.
    #[error("amount in {field} has more than two decimal places: {value}")]
    AmountNotFen {
        /// Path of the amount.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// A receipt's VAT is larger than its gross amount.
    #[error("vat exceeds the gross amount in {field}: {value}")]
    VatExceedsGross {
        /// Path of the receipt's VAT.
        field: String,
        /// VAT and gross, as `vat > gross`.
        value: String,
    },
    /// A receipt's shares do not sum to its net amount (gross − VAT).
    #[error("shares in {field} do not sum to the net amount: {value}")]
    SharesNotNet {
        /// Path of the receipt's shares.
        field: String,
        /// Sum of the shares and the net, as `sum ≠ net`.
        value: String,
    },
    /// An authorization ends before it starts.
    #[error("authorization term in {field} ends before it starts: {value}")]
    TermReversed {
        /// Path of the authorization's end date.
        field: String,
        /// The term, as `start..=end`.
        value: String,
    },
    /// A disposal is recorded on or before the period end, but the asset's snapshot at the
    /// period end is not marked disposed.
    #[error("asset {value:?} is disposed by {field} but its snapshot is not marked disposed")]
    DisposalNotInSnapshot {
        /// Path of the disposal change.
        field: String,
        /// Asset id.
        value: String,
    },
    /// Money arithmetic overflowed while summing.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl ErrorDetail for ReportError {
    fn code(&self) -> &'static str {
        match self {
            ReportError::PeriodReversed { .. } => "report.period_reversed",
            ReportError::InvalidPeriod { .. } => "report.invalid_period",
            ReportError::InvalidQuarter { .. } => "report.invalid_quarter",
            ReportError::EmptyUnitName => "report.empty_unit_name",
            ReportError::InvalidRegionCode { .. } => "report.invalid_region_code",
            ReportError::EmptyId { .. } => "report.empty_id",
            ReportError::DuplicateId { .. } => "report.duplicate_id",
            ReportError::UnknownAssetId { .. } => "report.unknown_asset_id",
            ReportError::NegativeAmount { .. } => "report.negative_amount",
            ReportError::AmountNotFen { .. } => "report.amount_not_fen",
            ReportError::VatExceedsGross { .. } => "report.vat_exceeds_gross",
            ReportError::SharesNotNet { .. } => "report.shares_not_net",
            ReportError::TermReversed { .. } => "report.term_reversed",
            ReportError::DisposalNotInSnapshot { .. } => "report.disposal_not_in_snapshot",
            ReportError::Money(inner) => inner.code(),
        }
    }

    fn field(&self) -> &str {
        match self {
            ReportError::PeriodReversed { .. } | ReportError::InvalidPeriod { .. } => "period",
            ReportError::InvalidQuarter { .. } => "period.quarter",
            ReportError::EmptyUnitName => "unit.name",
            ReportError::InvalidRegionCode { field, .. }
            | ReportError::EmptyId { field }
            | ReportError::DuplicateId { field, .. }
            | ReportError::UnknownAssetId { field, .. }
            | ReportError::NegativeAmount { field, .. }
            | ReportError::AmountNotFen { field, .. }
            | ReportError::VatExceedsGross { field, .. }
            | ReportError::SharesNotNet { field, .. }
            | ReportError::TermReversed { field, .. }
            | ReportError::DisposalNotInSnapshot { field, .. } => field,
            ReportError::Money(inner) => inner.field(),
        }
    }

    fn value(&self) -> &str {
        match self {
            ReportError::EmptyUnitName | ReportError::EmptyId { .. } => "",
            ReportError::PeriodReversed { value }
            | ReportError::InvalidPeriod { value }
            | ReportError::InvalidQuarter { value }
            | ReportError::InvalidRegionCode { value, .. }
            | ReportError::DuplicateId { value, .. }
            | ReportError::UnknownAssetId { value, .. }
            | ReportError::NegativeAmount { value, .. }
            | ReportError::AmountNotFen { value, .. }
            | ReportError::VatExceedsGross { value, .. }
            | ReportError::SharesNotNet { value, .. }
            | ReportError::TermReversed { value, .. }
            | ReportError::DisposalNotInSnapshot { value, .. } => value,
            ReportError::Money(inner) => inner.value(),
        }
    }

    fn allowed(&self) -> &str {
        match self {
            ReportError::PeriodReversed { .. } => "a start date on or before the end date",
            ReportError::InvalidPeriod { .. } => {
                "year and quarter, or start and end dates; start and end given with a quarter must be its first and last day"
            }
            ReportError::InvalidQuarter { .. } => "quarter 1, 2, 3 or 4 of a representable year",
            ReportError::EmptyUnitName | ReportError::EmptyId { .. } => "a non-empty text",
            ReportError::InvalidRegionCode { .. } => "six ASCII digits, such as 450300",
            ReportError::DuplicateId { .. } => "each id once",
            ReportError::UnknownAssetId { .. } => "the id of an asset listed in assets",
            ReportError::NegativeAmount { .. } => "zero or a positive amount",
            ReportError::AmountNotFen { .. } => "at most two decimal places (fen)",
            ReportError::VatExceedsGross { .. } => "vat between zero and the gross amount",
            ReportError::SharesNotNet { .. } => "shares that sum exactly to gross minus vat",
            ReportError::TermReversed { .. } => "an end date on or after the start date",
            ReportError::DisposalNotInSnapshot { .. } => {
                "disposed: true in the snapshot of an asset disposed by the period end"
            }
            ReportError::Money(inner) => inner.allowed(),
        }
    }
}
