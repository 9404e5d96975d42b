//! Errors of posting events.

use thiserror::Error;

use crate::error::ErrorDetail;
use crate::money::MoneyError;

/// Errors of posting events to the journal.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AccountingError {
    /// A government unit asked for an impairment. 政府会计准则第4号 has no impairment and the
    /// government chart has no intangible impairment account; a failing asset is written off.
    #[error(
        "government units do not book impairment of {value}: post a write-off (核销) after approval"
    )]
    GovernmentImpairment {
        /// Event id.
        field: String,
        /// Asset id.
        value: String,
    },
    /// An intangible impairment reversal was requested; CAS 8 art. 17 forbids it.
    #[error("impairment of intangible {value} cannot be reversed (CAS 8 art. 17)")]
    ImpairmentReversalForbidden {
        /// Event id.
        field: String,
        /// Asset id.
        value: String,
    },
    /// An event id was posted before with different content.
    #[error("event {field} was already posted with different content")]
    ConflictingEvent {
        /// Event id.
        field: String,
        /// The new event, as JSON.
        value: String,
    },
    /// The event does not apply to the unit's framework.
    #[error("event {field} of type {value} does not apply to a {allowed}")]
    NotApplicable {
        /// Event id.
        field: String,
        /// Event type.
        value: String,
        /// The entity kind, as its Chinese label.
        allowed: String,
    },
    /// A 行政单位 asked for 5101 单位管理费用, which only 事业单位 use (政府会计准则制度解释第1号 §6).
    #[error(
        "administrative units do not use 5101 单位管理费用 in {field}: use business expense 5001"
    )]
    ManagementExpenseForAdministrativeUnit {
        /// Field path.
        field: String,
        /// Rejected use.
        value: String,
    },
    /// The funding source does not exist in the unit's framework.
    #[error("funding {value} in {field} does not apply to a {allowed}")]
    FundingNotApplicable {
        /// Field path.
        field: String,
        /// Rejected funding.
        value: String,
        /// The entity kind, as its Chinese label.
        allowed: String,
    },
    /// An amount is negative or has more than two decimal places.
    #[error("invalid amount in {field}: {value}")]
    InvalidAmount {
        /// Field path.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// An amount exceeds the balance it draws on (carrying amount, allowance, payable).
    #[error("{field} of {value} exceeds the balance of {allowed}")]
    ExceedsBalance {
        /// Field path.
        field: String,
        /// Rejected amount.
        value: String,
        /// Available balance.
        allowed: String,
    },
    /// The event needs a booked balance that the asset does not have.
    #[error("asset {value} has no {allowed} balance for event {field}")]
    NothingToPost {
        /// Event id.
        field: String,
        /// Asset id.
        value: String,
        /// Account needed, such as `1701 无形资产`.
        allowed: String,
    },
    /// Amortization was requested for an asset carried at the nominal amount.
    #[error("asset {value} is carried at the nominal amount and is not amortized")]
    NotAmortizable {
        /// Event id.
        field: String,
        /// Asset id.
        value: String,
    },
    /// VAT was given for a unit that is not a VAT taxpayer.
    #[error("{field} is {value} but the unit is not a VAT taxpayer")]
    NotVatTaxpayer {
        /// Field path.
        field: String,
        /// Rejected VAT.
        value: String,
    },
    /// Money arithmetic overflowed.
    #[error("amount overflow while posting: {0}")]
    Money(#[from] MoneyError),
}

impl ErrorDetail for AccountingError {
    fn code(&self) -> &'static str {
        match self {
            Self::GovernmentImpairment { .. } => "accounting.government_impairment",
            Self::ImpairmentReversalForbidden { .. } => "accounting.impairment_reversal_forbidden",
            Self::ConflictingEvent { .. } => "accounting.conflicting_event",
            Self::NotApplicable { .. } => "accounting.not_applicable",
            Self::ManagementExpenseForAdministrativeUnit { .. } => {
                "accounting.management_expense_for_administrative_unit"
            }
            Self::FundingNotApplicable { .. } => "accounting.funding_not_applicable",
            Self::InvalidAmount { .. } => "accounting.invalid_amount",
            Self::ExceedsBalance { .. } => "accounting.exceeds_balance",
            Self::NothingToPost { .. } => "accounting.nothing_to_post",
            Self::NotAmortizable { .. } => "accounting.not_amortizable",
            Self::NotVatTaxpayer { .. } => "accounting.not_vat_taxpayer",
            Self::Money(_) => "accounting.overflow",
        }
    }
    fn field(&self) -> &str {
        match self {
            Self::GovernmentImpairment { field, .. }
            | Self::ImpairmentReversalForbidden { field, .. }
            | Self::ConflictingEvent { field, .. }
            | Self::NotApplicable { field, .. }
            | Self::ManagementExpenseForAdministrativeUnit { field, .. }
            | Self::FundingNotApplicable { field, .. }
            | Self::InvalidAmount { field, .. }
            | Self::ExceedsBalance { field, .. }
            | Self::NothingToPost { field, .. }
            | Self::NotAmortizable { field, .. }
            | Self::NotVatTaxpayer { field, .. } => field,
            Self::Money(inner) => inner.field(),
        }
    }
    fn value(&self) -> &str {
        match self {
            Self::GovernmentImpairment { value, .. }
            | Self::ImpairmentReversalForbidden { value, .. }
            | Self::ConflictingEvent { value, .. }
            | Self::NotApplicable { value, .. }
            | Self::ManagementExpenseForAdministrativeUnit { value, .. }
            | Self::FundingNotApplicable { value, .. }
            | Self::InvalidAmount { value, .. }
            | Self::ExceedsBalance { value, .. }
            | Self::NothingToPost { value, .. }
            | Self::NotAmortizable { value, .. }
            | Self::NotVatTaxpayer { value, .. } => value,
            Self::Money(inner) => inner.value(),
        }
    }
    fn allowed(&self) -> &str {
        match self {
            Self::GovernmentImpairment { .. } => {
                "a write_off event (核销) after approval; government units have no impairment"
            }
            Self::ImpairmentReversalForbidden { .. } => {
                "no reversal; impairment of intangibles is permanent"
            }
            Self::ConflictingEvent { .. } => {
                "a new event id, or the same content as the first post"
            }
            Self::NotApplicable { allowed, .. }
            | Self::FundingNotApplicable { allowed, .. }
            | Self::ExceedsBalance { allowed, .. }
            | Self::NothingToPost { allowed, .. } => allowed,
            Self::ManagementExpenseForAdministrativeUnit { .. } => {
                "business, operating, construction_cost or production_cost"
            }
            Self::InvalidAmount { .. } => "a non-negative amount with at most two decimal places",
            Self::NotAmortizable { .. } => "no amortization for nominal-amount assets",
            Self::NotVatTaxpayer { .. } => "zero VAT, or a journal with a VAT taxpayer status",
            Self::Money(inner) => inner.allowed(),
        }
    }
}
