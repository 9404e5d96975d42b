//! Errors of the ledger checks that span rows or sheets.

use data_assets_core::ErrorDetail;
use thiserror::Error;

use crate::error::IoError;

/// An error found while reading or checking a ledger: a bad cell (from the sheet readers) or a
/// rule between rows and sheets. Every variant names where it happened, the value and what is
/// allowed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LedgerError {
    /// A file, sheet or cell error.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The 单位 sheet has no data row or more than one.
    #[error("{field} must have exactly one data row, found {value}")]
    UnitRows {
        /// File and sheet.
        field: String,
        /// Number of data rows.
        value: String,
        /// Accepted values, in words.
        allowed: String,
    },
    /// Two rows of a sheet have the same id.
    #[error("duplicate id at {field}: {value}")]
    DuplicateId {
        /// File, sheet, row and column of the second occurrence.
        field: String,
        /// The id.
        value: String,
        /// The row of the first occurrence.
        allowed: String,
    },
    /// A row refers to an asset that is not in the 台账 sheet.
    #[error("unknown asset at {field}: {value}")]
    UnknownAsset {
        /// File, sheet, row and column.
        field: String,
        /// The asset id.
        value: String,
        /// Accepted values, in words.
        allowed: String,
    },
    /// A receipt refers to an authorization that is not in the 授权 sheet, or to one of another
    /// asset.
    #[error("unknown authorization at {field}: {value}")]
    UnknownAuthorization {
        /// File, sheet, row and column.
        field: String,
        /// The authorization id.
        value: String,
        /// Accepted values, in words.
        allowed: String,
    },
    /// An asset's holder is not the unit whose ledger this is.
    #[error("holder of {field} is not the ledger's unit: {value}")]
    HolderMismatch {
        /// File, sheet, row and column.
        field: String,
        /// The holder's code.
        value: String,
        /// The unit's code.
        allowed: String,
    },
    /// An event comes in an order its asset's life does not allow, such as an upgrade finishing
    /// before it starts, or any event after the asset was disposed of.
    #[error("event out of order at {field}: {value}")]
    EventOutOfOrder {
        /// File, sheet, row and column.
        field: String,
        /// The event type and date.
        value: String,
        /// The event that must come first.
        allowed: String,
    },
    /// A row breaks a rule of the core library, such as a conditional open type without its
    /// conditions; `code` is the core error's code.
    #[error("rule broken at {field}: {value:?}")]
    Rule {
        /// Code of the core error, such as `asset.conditions_missing`.
        code: &'static str,
        /// File, sheet and row, then the core field path.
        field: String,
        /// The rejected value.
        value: String,
        /// Accepted values, in words.
        allowed: String,
    },
}

impl LedgerError {
    fn parts(&self) -> (&str, &str, &str) {
        match self {
            LedgerError::Io(error) => (error.field(), error.value(), error.allowed()),
            LedgerError::UnitRows {
                field,
                value,
                allowed,
            }
            | LedgerError::DuplicateId {
                field,
                value,
                allowed,
            }
            | LedgerError::UnknownAsset {
                field,
                value,
                allowed,
            }
            | LedgerError::UnknownAuthorization {
                field,
                value,
                allowed,
            }
            | LedgerError::HolderMismatch {
                field,
                value,
                allowed,
            }
            | LedgerError::EventOutOfOrder {
                field,
                value,
                allowed,
            }
            | LedgerError::Rule {
                field,
                value,
                allowed,
                ..
            } => (field, value, allowed),
        }
    }
}

impl ErrorDetail for LedgerError {
    fn code(&self) -> &'static str {
        match self {
            LedgerError::Io(error) => error.code(),
            LedgerError::UnitRows { .. } => "ledger.unit_rows",
            LedgerError::DuplicateId { .. } => "ledger.duplicate_id",
            LedgerError::UnknownAsset { .. } => "ledger.unknown_asset",
            LedgerError::UnknownAuthorization { .. } => "ledger.unknown_authorization",
            LedgerError::HolderMismatch { .. } => "ledger.holder_mismatch",
            LedgerError::EventOutOfOrder { .. } => "ledger.event_out_of_order",
            LedgerError::Rule { code, .. } => code,
        }
    }
    fn field(&self) -> &str {
        self.parts().0
    }
    fn value(&self) -> &str {
        self.parts().1
    }
    fn allowed(&self) -> &str {
        self.parts().2
    }
}
