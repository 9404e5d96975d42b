//! Errors of authorized operation.

use thiserror::Error;

use super::{AuthorizationState, Purpose};
use crate::error::ErrorDetail;

/// Errors of authorized operation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AuthorizationError {
    /// A required field is empty.
    #[error("missing required field {field}")]
    MissingField {
        /// Path of the field.
        field: String,
    },
    /// A fee below zero or with more than two decimal places.
    #[error("invalid fee {value}: it must be zero or positive, to the fen")]
    InvalidFee {
        /// Rejected fee.
        value: String,
    },
    /// A term whose end is before its start.
    #[error("invalid term {value}: the end is before the start")]
    InvalidTerm {
        /// The term, as text.
        value: String,
    },
    /// The asset facts name another asset than the grant.
    #[error("asset facts are for {value} but the grant is for {expected}")]
    AssetMismatch {
        /// Asset id of the facts.
        value: String,
        /// Asset id of the grant.
        expected: String,
    },
    /// Core data cannot be authorized.
    #[error("asset {value} is core data and cannot be authorized")]
    CoreData {
        /// Asset id.
        value: String,
    },
    /// The asset has no registered info card.
    #[error("asset {value} has no registered info card")]
    MissingInfoCard {
        /// Asset id.
        value: String,
    },
    /// The grant has not passed a compliance review.
    #[error("asset {value} has no passed compliance review for this grant")]
    MissingComplianceReview {
        /// Asset id.
        value: String,
    },
    /// A fee for a purpose that is conditionally free.
    #[error("fee {value} for purpose {purpose} must be zero: the purpose is conditionally free")]
    FeeForFreePurpose {
        /// Rejected fee.
        value: String,
        /// The purpose.
        purpose: Purpose,
    },
    /// A paid grant of public data without its upper-limit fee.
    #[error("paid grant of public data asset {value} needs the upper-limit fee set for it")]
    MissingFeeCap {
        /// Asset id.
        value: String,
    },
    /// A fee above the upper-limit fee for public data.
    #[error("fee {value} is above the upper-limit fee {cap} for public data")]
    FeeAboveCap {
        /// Rejected fee.
        value: String,
        /// The cap.
        cap: String,
    },
    /// A step that the current state does not allow.
    #[error("cannot {action} an authorization in state {value}")]
    IllegalTransition {
        /// Current state.
        value: AuthorizationState,
        /// Requested step.
        action: &'static str,
    },
    /// Someone other than the applicant submits.
    #[error("actor {value} is not the applicant and cannot submit")]
    NotApplicant {
        /// The actor's id.
        value: String,
    },
    /// The applicant or licensee tries to decide its own application.
    #[error("actor {value} cannot decide its own application")]
    SelfApproval {
        /// The actor's id.
        value: String,
    },
    /// The decider lacks the approver role.
    #[error("role {value} cannot approve, reject or revoke: the policy requires role {role}")]
    ApproverRoleRequired {
        /// The actor's role.
        value: String,
        /// Role the policy requires.
        role: String,
    },
    /// A step dated before the previous step.
    #[error("step time {value} is before the previous step at {previous}")]
    TimeOutOfOrder {
        /// Rejected time.
        value: String,
        /// Time of the previous step.
        previous: String,
    },
    /// Activation on a day outside the term.
    #[error("activation on {value} is outside the term {term}")]
    OutsideTerm {
        /// Rejected date.
        value: String,
        /// The term.
        term: String,
    },
    /// Expiry on or before the last day of the term.
    #[error("grant cannot expire on {value}: its term runs until {end}")]
    TermNotEnded {
        /// Rejected date.
        value: String,
        /// Last day of the term.
        end: String,
    },
    /// An exclusive grant overlaps another live grant.
    #[error("grant {value} overlaps live grant {other} in scope and term, and one is exclusive")]
    ExclusiveConflict {
        /// The grant being approved or activated.
        value: String,
        /// The live grant it overlaps.
        other: String,
    },
    /// An id that is already in the registry.
    #[error("authorization id {value} already exists")]
    DuplicateId {
        /// The id.
        value: String,
    },
    /// An id that is not in the registry.
    #[error("authorization {value} not found")]
    NotFound {
        /// The id.
        value: String,
    },
}

impl ErrorDetail for AuthorizationError {
    fn code(&self) -> &'static str {
        match self {
            Self::MissingField { .. } => "authorization.missing_field",
            Self::InvalidFee { .. } => "authorization.invalid_fee",
            Self::InvalidTerm { .. } => "authorization.invalid_term",
            Self::AssetMismatch { .. } => "authorization.asset_mismatch",
            Self::CoreData { .. } => "authorization.core_data",
            Self::MissingInfoCard { .. } => "authorization.missing_info_card",
            Self::MissingComplianceReview { .. } => "authorization.missing_compliance_review",
            Self::FeeForFreePurpose { .. } => "authorization.fee_for_free_purpose",
            Self::MissingFeeCap { .. } => "authorization.missing_fee_cap",
            Self::FeeAboveCap { .. } => "authorization.fee_above_cap",
            Self::IllegalTransition { .. } => "authorization.illegal_transition",
            Self::NotApplicant { .. } => "authorization.not_applicant",
            Self::SelfApproval { .. } => "authorization.self_approval",
            Self::ApproverRoleRequired { .. } => "authorization.approver_role_required",
            Self::TimeOutOfOrder { .. } => "authorization.time_out_of_order",
            Self::OutsideTerm { .. } => "authorization.outside_term",
            Self::TermNotEnded { .. } => "authorization.term_not_ended",
            Self::ExclusiveConflict { .. } => "authorization.exclusive_conflict",
            Self::DuplicateId { .. } => "authorization.duplicate_id",
            Self::NotFound { .. } => "authorization.not_found",
        }
    }

    fn field(&self) -> &str {
        match self {
            Self::MissingField { field } => field,
            Self::InvalidFee { .. }
            | Self::FeeForFreePurpose { .. }
            | Self::MissingFeeCap { .. }
            | Self::FeeAboveCap { .. } => "fee",
            Self::InvalidTerm { .. } | Self::OutsideTerm { .. } | Self::TermNotEnded { .. } => {
                "term"
            }
            Self::AssetMismatch { .. }
            | Self::CoreData { .. }
            | Self::MissingInfoCard { .. }
            | Self::MissingComplianceReview { .. } => "asset_id",
            Self::IllegalTransition { .. } => "state",
            Self::NotApplicant { .. } | Self::SelfApproval { .. } => "actor.id",
            Self::ApproverRoleRequired { .. } => "actor.role",
            Self::TimeOutOfOrder { .. } => "at",
            Self::ExclusiveConflict { .. } => "exclusive",
            Self::DuplicateId { .. } | Self::NotFound { .. } => "id",
        }
    }

    fn value(&self) -> &str {
        match self {
            Self::MissingField { .. } => "",
            Self::IllegalTransition { value, .. } => value.code(),
            Self::InvalidFee { value }
            | Self::InvalidTerm { value }
            | Self::AssetMismatch { value, .. }
            | Self::CoreData { value }
            | Self::MissingInfoCard { value }
            | Self::MissingComplianceReview { value }
            | Self::FeeForFreePurpose { value, .. }
            | Self::MissingFeeCap { value }
            | Self::FeeAboveCap { value, .. }
            | Self::NotApplicant { value }
            | Self::SelfApproval { value }
            | Self::ApproverRoleRequired { value, .. }
            | Self::TimeOutOfOrder { value, .. }
            | Self::OutsideTerm { value, .. }
            | Self::TermNotEnded { value, .. }
            | Self::ExclusiveConflict { value, .. }
            | Self::DuplicateId { value }
            | Self::NotFound { value } => value,
        }
    }

    fn allowed(&self) -> &str {
        match self {
            Self::MissingField { .. } => "a non-empty value",
            Self::InvalidFee { .. } => "zero or a positive amount to the fen",
            Self::InvalidTerm { .. } => "an end date on or after the start date",
            Self::AssetMismatch { .. } => "facts about the asset named in the grant",
            Self::CoreData { .. } => "general or important data",
            Self::MissingInfoCard { .. } => "an asset with a registered info card",
            Self::MissingComplianceReview { .. } => "a grant with a passed compliance review",
            Self::FeeForFreePurpose { .. } => "0.00 for public governance or public welfare",
            Self::MissingFeeCap { .. } => "the upper-limit fee of 发改价格〔2025〕65号 pricing",
            Self::FeeAboveCap { .. } => "a fee at or below the upper-limit fee",
            Self::IllegalTransition { .. } => {
                "draft→submitted→approved|rejected; approved→active→expired|revoked|terminated"
            }
            Self::NotApplicant { .. } => "the applicant",
            Self::SelfApproval { .. } => "an approver other than the applicant and the licensee",
            Self::ApproverRoleRequired { .. } => "the role named by the policy",
            Self::TimeOutOfOrder { .. } => "a time at or after the previous step",
            Self::OutsideTerm { .. } => "a date within the term",
            Self::TermNotEnded { .. } => "a date after the last day of the term",
            Self::ExclusiveConflict { .. } => {
                "no overlap in asset, scope and term with another live grant when one is exclusive"
            }
            Self::DuplicateId { .. } => "a new id",
            Self::NotFound { .. } => "the id of a grant in the registry",
        }
    }
}
