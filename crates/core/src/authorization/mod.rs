//! Authorized operation (授权运营): grants of data use and product-operation rights, their fee
//! basis, and the approval workflow with separation of duties.
//!
//! An [`Authorization`] names the asset, the licensee, the mode (整体授权, 分领域授权 or 依场景授权,
//! as 市财资〔2025〕12号 part 3 task 5 lists them), the rights granted, the purpose, the fee, the
//! term and whether the grant is exclusive. The purpose decides the fee basis: public
//! governance and public welfare are conditionally free, industry and sector development
//! conditionally paid (数据二十条 art. 4; 财资〔2024〕167号), and for public data the paid fee is
//! a government-guided upper-limit price (发改价格〔2025〕65号).
//!
//! The workflow runs draft → submitted → approved or rejected → active → expired, revoked or
//! terminated. Each step records its actor and time. The applicant never decides its own
//! application, and only the role named by [`Policy::authorization_approver_role`] approves or
//! rejects. An [`AuthorizationRegistry`] keeps the grants of many assets and rejects an
//! exclusive grant whose scope and term overlap another live grant.
//!
//! # Errors
//!
//! Every fallible function returns [`AuthorizationError`]; each variant has a stable code
//! `authorization.*`, the field path, the rejected value and what is allowed, through
//! [`ErrorDetail`](crate::error::ErrorDetail).

use std::collections::BTreeSet;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::asset::{DataCategory, SecurityGrade};
use crate::money::Amount;
use crate::policy::Policy;

mod error;
mod registry;

pub use error::AuthorizationError;
pub use registry::AuthorizationRegistry;

#[cfg(test)]
mod tests;

crate::vocab! {
    /// Right granted to the licensee (市财资〔2025〕12号: 使用权 and 经营权).
    pub enum GrantedRight {
        /// 数据使用权: use of the data.
        Use = ("use", "数据使用权"),
        /// 数据产品经营权: operation of data products built on it.
        ProductOperation = ("product_operation", "数据产品经营权"),
    }
}

crate::vocab! {
    /// Purpose of the grant, which decides the fee basis (数据二十条 art. 4).
    pub enum Purpose {
        /// 公共治理.
        PublicGovernance = ("public_governance", "公共治理"),
        /// 公益事业.
        PublicWelfare = ("public_welfare", "公益事业"),
        /// 产业发展.
        IndustryDevelopment = ("industry_development", "产业发展"),
        /// 行业发展.
        SectorDevelopment = ("sector_development", "行业发展"),
    }
}

crate::vocab! {
    /// Whether the licensee pays (数据二十条 art. 4; 财资〔2024〕167号).
    pub enum FeeBasis {
        /// 有条件无偿使用.
        ConditionallyFree = ("conditionally_free", "有条件无偿使用"),
        /// 有条件有偿使用.
        ConditionallyPaid = ("conditionally_paid", "有条件有偿使用"),
    }
}

impl Purpose {
    /// Fee basis of the purpose: public governance and public welfare are conditionally free,
    /// industry and sector development conditionally paid (数据二十条 art. 4).
    pub const fn fee_basis(self) -> FeeBasis {
        match self {
            Purpose::PublicGovernance | Purpose::PublicWelfare => FeeBasis::ConditionallyFree,
            Purpose::IndustryDevelopment | Purpose::SectorDevelopment => {
                FeeBasis::ConditionallyPaid
            }
        }
    }

    /// Reports whether public data used for this purpose is provided free (有条件无偿使用,
    /// 数据二十条 art. 4; 发改价格〔2025〕65号).
    pub const fn is_free(self) -> bool {
        matches!(self.fee_basis(), FeeBasis::ConditionallyFree)
    }
}

crate::vocab! {
    /// Workflow state of an authorization.
    pub enum AuthorizationState {
        /// 草稿.
        Draft = ("draft", "草稿"),
        /// 已提交.
        Submitted = ("submitted", "已提交"),
        /// 已批准.
        Approved = ("approved", "已批准"),
        /// 已驳回.
        Rejected = ("rejected", "已驳回"),
        /// 运营中.
        Active = ("active", "运营中"),
        /// 已到期.
        Expired = ("expired", "已到期"),
        /// 已撤销: withdrawn by the authorizing body.
        Revoked = ("revoked", "已撤销"),
        /// 已终止: ended early by either party.
        Terminated = ("terminated", "已终止"),
    }
}

/// Mode of authorization (整体授权, 分领域授权, 依场景授权).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "mode", content = "name", rename_all = "snake_case")]
pub enum AuthorizationMode {
    /// 整体授权: the whole asset.
    Whole,
    /// 分领域授权: one domain, such as 交通.
    Domain(String),
    /// 依场景授权: one scenario, such as 信贷风控.
    Scenario(String),
}

impl AuthorizationMode {
    /// Chinese label of the mode.
    pub const fn label_zh(&self) -> &'static str {
        match self {
            AuthorizationMode::Whole => "整体授权",
            AuthorizationMode::Domain(_) => "分领域授权",
            AuthorizationMode::Scenario(_) => "依场景授权",
        }
    }

    /// Checks whether two scopes cover some of the same data. A whole grant overlaps every grant,
    /// and domain or scenario grants overlap when they name the same domain or scenario.
    pub fn overlaps(&self, other: &AuthorizationMode) -> bool {
        match (self, other) {
            (AuthorizationMode::Whole, _) | (_, AuthorizationMode::Whole) => true,
            (AuthorizationMode::Domain(a), AuthorizationMode::Domain(b))
            | (AuthorizationMode::Scenario(a), AuthorizationMode::Scenario(b)) => {
                a.trim() == b.trim()
            }
            _ => false,
        }
    }
}

impl fmt::Display for AuthorizationMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AuthorizationMode::Whole => f.write_str(self.label_zh()),
            AuthorizationMode::Domain(name) | AuthorizationMode::Scenario(name) => {
                write!(f, "{}: {name}", self.label_zh())
            }
        }
    }
}

/// Term of a grant, both dates included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Term {
    /// First day of the grant.
    pub start: NaiveDate,
    /// Last day of the grant.
    pub end: NaiveDate,
}

impl Term {
    /// Checks whether two terms share at least one day.
    pub fn overlaps(&self, other: &Term) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Checks whether `date` lies within the term.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A person or body acting in the workflow, with the role it acts in.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Actor {
    /// Stable id of the person or body.
    pub id: String,
    /// Role, compared with [`Policy::authorization_approver_role`] on approval.
    pub role: String,
}

/// Facts about the asset that submission and approval need; the caller takes them from the
/// ledger, the registration book and the compliance review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AssetReadiness {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Category by origin; public data has capped fees.
    pub category: DataCategory,
    /// Security grade; core data cannot be authorized.
    pub security_grade: SecurityGrade,
    /// Whether the asset has a registered info card.
    pub has_info_card: bool,
    /// Whether a compliance review of the grant passed.
    pub compliance_review_passed: bool,
    /// Upper-limit fee (收费标准上限) the authorizing body set for this product or service,
    /// required for paid grants of public data (发改价格〔2025〕65号).
    pub fee_cap: Option<Amount>,
}

/// One step of the workflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct WorkflowStep {
    /// State before the step.
    pub from: AuthorizationState,
    /// State after the step.
    pub to: AuthorizationState,
    /// Actor who took the step.
    pub actor: Actor,
    /// When, given by the caller.
    pub at: NaiveDateTime,
    /// Reason or remark; required for rejection, revocation and termination.
    pub note: String,
}

/// Terms of a grant as the applicant drafts them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuthorizationTerms {
    /// Id of the authorization.
    pub id: String,
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Licensee (被授权运营单位), by name.
    pub licensee: String,
    /// Scope of the grant.
    pub mode: AuthorizationMode,
    /// Rights granted, at least one.
    pub rights: BTreeSet<GrantedRight>,
    /// Purpose, which decides the fee basis.
    pub purpose: Purpose,
    /// Fee agreed for the term, in yuan; zero for a free grant.
    pub fee: Amount,
    /// Term of the grant.
    pub term: Term,
    /// Whether no other grant may cover the same scope and term.
    pub exclusive: bool,
}

/// An authorized-operation grant moving through its workflow.
///
/// NOTE: deserializing restores a stored grant with its state and history as they were saved;
/// it does not replay the workflow checks, so load grants only from a trusted store.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::asset::{DataCategory, SecurityGrade};
/// use data_assets_core::authorization::*;
/// use data_assets_core::money::Amount;
/// use data_assets_core::policy::Policy;
///
/// let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
/// let at = |m, d| date(m, d).and_hms_opt(9, 0, 0).unwrap();
/// let terms = AuthorizationTerms {
///     id: "SQ-2026-01".into(),
///     asset_id: "GL-001".into(),
///     licensee: "桂林数据运营公司".into(),
///     mode: AuthorizationMode::Scenario("智慧停车".into()),
///     rights: [GrantedRight::Use, GrantedRight::ProductOperation].into(),
///     purpose: Purpose::IndustryDevelopment,
///     fee: Amount::from_fen(12_000_000),
///     term: Term { start: date(3, 1), end: date(12, 31) },
///     exclusive: true,
/// };
/// let asset = AssetReadiness {
///     asset_id: "GL-001".into(),
///     category: DataCategory::Public,
///     security_grade: SecurityGrade::General,
///     has_info_card: true,
///     compliance_review_passed: true,
///     fee_cap: Some(Amount::from_fen(15_000_000)),
/// };
/// let clerk = Actor { id: "traffic-bureau".into(), role: "data_unit".into() };
/// let finance = Actor { id: "finance-1".into(), role: "finance_bureau".into() };
///
/// let mut grant = Authorization::draft(terms, clerk.clone(), at(1, 5))?;
/// grant.submit(&clerk, at(1, 6), &asset)?;
/// grant.approve(&finance, at(1, 20), &asset, &Policy::default())?;
/// grant.activate(&finance, at(3, 1))?;
/// assert_eq!(grant.state(), AuthorizationState::Active);
/// assert_eq!(grant.fee_basis(), FeeBasis::ConditionallyPaid);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Authorization {
    terms: AuthorizationTerms,
    applicant: Actor,
    state: AuthorizationState,
    history: Vec<WorkflowStep>,
}

impl Authorization {
    /// Creates a draft after checking the terms.
    ///
    /// # Errors
    ///
    /// The first of [`Authorization::term_problems`]: a missing field, no rights, a negative or
    /// sub-fen fee, or a term that ends before it starts.
    pub fn draft(
        terms: AuthorizationTerms,
        applicant: Actor,
        at: NaiveDateTime,
    ) -> Result<Self, AuthorizationError> {
        if let Some(problem) = Self::term_problems(&terms).into_iter().next() {
            return Err(problem);
        }
        require(&applicant.id, "applicant.id")?;
        let step = WorkflowStep {
            from: AuthorizationState::Draft,
            to: AuthorizationState::Draft,
            actor: applicant.clone(),
            at,
            note: String::new(),
        };
        Ok(Authorization {
            terms,
            applicant,
            state: AuthorizationState::Draft,
            history: vec![step],
        })
    }

    /// Lists every problem of the terms alone, without facts about the asset.
    pub fn term_problems(terms: &AuthorizationTerms) -> Vec<AuthorizationError> {
        let mut out = Vec::new();
        for (field, text) in [
            ("id", &terms.id),
            ("asset_id", &terms.asset_id),
            ("licensee", &terms.licensee),
        ] {
            if let Err(problem) = require(text, field) {
                out.push(problem);
            }
        }
        if let AuthorizationMode::Domain(name) | AuthorizationMode::Scenario(name) = &terms.mode
            && let Err(problem) = require(name, "mode.name")
        {
            out.push(problem);
        }
        if terms.rights.is_empty() {
            out.push(AuthorizationError::MissingField {
                field: "rights".into(),
            });
        }
        if terms.fee.is_negative() || !terms.fee.is_fen() {
            out.push(AuthorizationError::InvalidFee {
                value: terms.fee.to_string(),
            });
        }
        if terms.term.end < terms.term.start {
            out.push(AuthorizationError::InvalidTerm {
                value: format!("{} to {}", terms.term.start, terms.term.end),
            });
        }
        out
    }

    /// Lists every reason the asset cannot be granted on these terms.
    ///
    /// The rules:
    /// - core data cannot be authorized, because 数据安全法 art. 21 puts it under the strictest
    ///   management;
    /// - the asset needs a registered info card and a passed compliance review, because
    ///   市财资〔2025〕12号 orders registration (task 3) ahead of authorized operation (task 5) and
    ///   财资〔2024〕167号 calls for due diligence before external use;
    /// - a conditionally free grant has a zero fee (数据二十条 art. 4);
    /// - a paid grant of public data costs at most the upper-limit fee set for it, because
    ///   发改价格〔2025〕65号 makes the operation service fee a government-guided upper-limit price.
    pub fn readiness_problems(&self, asset: &AssetReadiness) -> Vec<AuthorizationError> {
        let mut out = Vec::new();
        if asset.asset_id != self.terms.asset_id {
            out.push(AuthorizationError::AssetMismatch {
                value: asset.asset_id.clone(),
                expected: self.terms.asset_id.clone(),
            });
        }
        if asset.security_grade == SecurityGrade::Core {
            out.push(AuthorizationError::CoreData {
                value: asset.asset_id.clone(),
            });
        }
        if !asset.has_info_card {
            out.push(AuthorizationError::MissingInfoCard {
                value: asset.asset_id.clone(),
            });
        }
        if !asset.compliance_review_passed {
            out.push(AuthorizationError::MissingComplianceReview {
                value: asset.asset_id.clone(),
            });
        }
        let fee = self.terms.fee;
        match (self.fee_basis(), asset.category, asset.fee_cap) {
            (FeeBasis::ConditionallyFree, _, _) if !fee.is_zero() => {
                out.push(AuthorizationError::FeeForFreePurpose {
                    value: fee.to_string(),
                    purpose: self.terms.purpose,
                });
            }
            (FeeBasis::ConditionallyPaid, DataCategory::Public, None) => {
                out.push(AuthorizationError::MissingFeeCap {
                    value: asset.asset_id.clone(),
                });
            }
            (FeeBasis::ConditionallyPaid, DataCategory::Public, Some(cap)) if fee > cap => {
                out.push(AuthorizationError::FeeAboveCap {
                    value: fee.to_string(),
                    cap: cap.to_string(),
                });
            }
            _ => {}
        }
        out
    }

    /// Submits the draft for approval; only the applicant submits.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless the state is draft,
    /// [`AuthorizationError::NotApplicant`] when another actor submits,
    /// [`AuthorizationError::TimeOutOfOrder`] for a time before the previous step, and the
    /// first of [`Authorization::readiness_problems`].
    pub fn submit(
        &mut self,
        actor: &Actor,
        at: NaiveDateTime,
        asset: &AssetReadiness,
    ) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Draft], "submit")?;
        if actor.id != self.applicant.id {
            return Err(AuthorizationError::NotApplicant {
                value: actor.id.clone(),
            });
        }
        self.check_time(at)?;
        first(self.readiness_problems(asset))?;
        self.step(actor, at, AuthorizationState::Submitted, "")
    }

    /// Approves a submitted application.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless submitted,
    /// [`AuthorizationError::SelfApproval`] when the approver is the applicant or the licensee,
    /// [`AuthorizationError::ApproverRoleRequired`] when the approver lacks the policy's role,
    /// [`AuthorizationError::TimeOutOfOrder`], and the first of
    /// [`Authorization::readiness_problems`], which are checked again on approval.
    pub fn approve(
        &mut self,
        approver: &Actor,
        at: NaiveDateTime,
        asset: &AssetReadiness,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Submitted], "approve")?;
        self.check_decider(approver, policy)?;
        self.check_time(at)?;
        first(self.readiness_problems(asset))?;
        self.step(approver, at, AuthorizationState::Approved, "")
    }

    /// Rejects a submitted application, with a reason.
    ///
    /// # Errors
    ///
    /// As [`Authorization::approve`] for state, separation of duties, role and time, plus
    /// [`AuthorizationError::MissingField`] for an empty reason.
    pub fn reject(
        &mut self,
        approver: &Actor,
        at: NaiveDateTime,
        reason: &str,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Submitted], "reject")?;
        self.check_decider(approver, policy)?;
        self.check_time(at)?;
        require(reason, "reason")?;
        self.step(approver, at, AuthorizationState::Rejected, reason)
    }

    /// Starts operation of an approved grant on a day within its term.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless approved,
    /// [`AuthorizationError::OutsideTerm`] when `at` is outside the term, and
    /// [`AuthorizationError::TimeOutOfOrder`].
    pub fn activate(&mut self, actor: &Actor, at: NaiveDateTime) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Approved], "activate")?;
        self.check_time(at)?;
        if !self.terms.term.contains(at.date()) {
            return Err(AuthorizationError::OutsideTerm {
                value: at.date().to_string(),
                term: format!("{} to {}", self.terms.term.start, self.terms.term.end),
            });
        }
        self.step(actor, at, AuthorizationState::Active, "")
    }

    /// Ends an active grant whose term is over.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless active,
    /// [`AuthorizationError::TermNotEnded`] on or before the last day of the term, and
    /// [`AuthorizationError::TimeOutOfOrder`].
    pub fn expire(&mut self, actor: &Actor, at: NaiveDateTime) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Active], "expire")?;
        self.check_time(at)?;
        if at.date() <= self.terms.term.end {
            return Err(AuthorizationError::TermNotEnded {
                value: at.date().to_string(),
                end: self.terms.term.end.to_string(),
            });
        }
        self.step(actor, at, AuthorizationState::Expired, "")
    }

    /// Withdraws an active grant; only the approver role revokes, with a reason.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless active,
    /// [`AuthorizationError::ApproverRoleRequired`], [`AuthorizationError::MissingField`] for
    /// an empty reason, and [`AuthorizationError::TimeOutOfOrder`].
    pub fn revoke(
        &mut self,
        approver: &Actor,
        at: NaiveDateTime,
        reason: &str,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Active], "revoke")?;
        check_role(approver, policy)?;
        self.check_time(at)?;
        require(reason, "reason")?;
        self.step(approver, at, AuthorizationState::Revoked, reason)
    }

    /// Ends an active grant early by agreement, with a reason.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::IllegalTransition`] unless active,
    /// [`AuthorizationError::MissingField`] for an empty reason, and
    /// [`AuthorizationError::TimeOutOfOrder`].
    pub fn terminate(
        &mut self,
        actor: &Actor,
        at: NaiveDateTime,
        reason: &str,
    ) -> Result<(), AuthorizationError> {
        self.expect_state(&[AuthorizationState::Active], "terminate")?;
        self.check_time(at)?;
        require(reason, "reason")?;
        self.step(actor, at, AuthorizationState::Terminated, reason)
    }

    /// Terms of the grant.
    pub fn terms(&self) -> &AuthorizationTerms {
        &self.terms
    }

    /// Returns the actor who drafted and submitted the application.
    pub fn applicant(&self) -> &Actor {
        &self.applicant
    }

    /// Current state.
    pub fn state(&self) -> AuthorizationState {
        self.state
    }

    /// Returns every step, the draft first.
    pub fn history(&self) -> &[WorkflowStep] {
        &self.history
    }

    /// Fee basis, decided by the purpose.
    pub fn fee_basis(&self) -> FeeBasis {
        self.terms.purpose.fee_basis()
    }

    /// Checks whether the grant is approved or active, so that it blocks exclusive overlaps.
    pub fn is_live(&self) -> bool {
        matches!(
            self.state,
            AuthorizationState::Approved | AuthorizationState::Active
        )
    }

    /// Checks whether this grant and `other` may not both be live. They conflict when they share
    /// the asset, their scopes and terms overlap, and at least one of them is exclusive.
    pub fn conflicts_with(&self, other: &Authorization) -> bool {
        let (a, b) = (&self.terms, &other.terms);
        a.asset_id == b.asset_id
            && (a.exclusive || b.exclusive)
            && a.mode.overlaps(&b.mode)
            && a.term.overlaps(&b.term)
    }

    fn expect_state(
        &self,
        allowed: &[AuthorizationState],
        action: &'static str,
    ) -> Result<(), AuthorizationError> {
        if allowed.contains(&self.state) {
            Ok(())
        } else {
            Err(AuthorizationError::IllegalTransition {
                value: self.state,
                action,
            })
        }
    }

    /// Rejects a decider who is the applicant or the licensee, because incompatible
    /// duties are kept apart (不相容岗位相互分离, 行政事业单位内部控制规范（试行） 财会〔2012〕21号),
    /// and the decider holds the policy's role (市财资〔2025〕12号 asks for approval procedures on
    /// the use of data assets).
    fn check_decider(&self, approver: &Actor, policy: &Policy) -> Result<(), AuthorizationError> {
        if approver.id == self.applicant.id || approver.id == self.terms.licensee {
            return Err(AuthorizationError::SelfApproval {
                value: approver.id.clone(),
            });
        }
        check_role(approver, policy)
    }

    fn check_time(&self, at: NaiveDateTime) -> Result<(), AuthorizationError> {
        match self.history.last() {
            Some(last) if at < last.at => Err(AuthorizationError::TimeOutOfOrder {
                value: at.to_string(),
                previous: last.at.to_string(),
            }),
            _ => Ok(()),
        }
    }

    fn step(
        &mut self,
        actor: &Actor,
        at: NaiveDateTime,
        to: AuthorizationState,
        note: &str,
    ) -> Result<(), AuthorizationError> {
        require(&actor.id, "actor.id")?;
        self.history.push(WorkflowStep {
            from: self.state,
            to,
            actor: actor.clone(),
            at,
            note: note.to_owned(),
        });
        self.state = to;
        Ok(())
    }
}

fn check_role(actor: &Actor, policy: &Policy) -> Result<(), AuthorizationError> {
    if actor.role == policy.authorization_approver_role {
        Ok(())
    } else {
        Err(AuthorizationError::ApproverRoleRequired {
            value: actor.role.clone(),
            role: policy.authorization_approver_role.clone(),
        })
    }
}

fn require(text: &str, field: &str) -> Result<(), AuthorizationError> {
    if crate::text::is_blank(text) {
        Err(AuthorizationError::MissingField {
            field: field.into(),
        })
    } else {
        Ok(())
    }
}

fn first(problems: Vec<AuthorizationError>) -> Result<(), AuthorizationError> {
    problems.into_iter().next().map_or(Ok(()), Err)
}
