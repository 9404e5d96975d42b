//! Authorized operation (授权运营): grants, their fee basis and the approval workflow with
//! separation of duties (市财资〔2025〕12号 part 3 task 5; 数据二十条 art. 4; 财资〔2024〕167号).
//!
//! An [`AuthorizationRegistry`] keeps the grants of many assets and runs each through draft →
//! submitted → approved or rejected → active → expired, revoked or terminated. Every step takes
//! its actor and time from the caller.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};
use data_assets_core::asset::{DataCategory, SecurityGrade};
use data_assets_core::authorization::{
    self as core_authorization, Actor, AssetReadiness, Authorization, AuthorizationState, FeeBasis,
    GrantedRight, Purpose, Term, WorkflowStep,
};
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;

use crate::error::{ConversionError, DataAssetsError, Problem};
use crate::vocab::vocabulary;

const REGISTRY_JSON: &str =
    "an authorization registry as written by AuthorizationRegistry.toJson()";

vocabulary! {
    /// A right an authorization grants.
    GrantedRight {
        /// 数据使用权.
        Use,
        /// 数据产品经营权.
        ProductOperation,
    }
    code: granted_right_code,
    label: granted_right_label_zh,
    parse: parse_granted_right,
}

vocabulary! {
    /// Purpose of a use of data, which decides the fee basis (数据二十条 art. 4).
    Purpose {
        /// 公共治理.
        PublicGovernance,
        /// 公益事业.
        PublicWelfare,
        /// 产业发展.
        IndustryDevelopment,
        /// 行业发展.
        SectorDevelopment,
    }
    code: purpose_code,
    label: purpose_label_zh,
    parse: parse_purpose,
}

vocabulary! {
    /// Fee basis of a purpose.
    FeeBasis {
        /// 有条件无偿使用.
        ConditionallyFree,
        /// 有条件有偿使用.
        ConditionallyPaid,
    }
    code: fee_basis_code,
    label: fee_basis_label_zh,
    parse: parse_fee_basis,
}

vocabulary! {
    /// State of an authorization in its workflow.
    AuthorizationState {
        /// 草稿.
        Draft,
        /// 已提交.
        Submitted,
        /// 已批准.
        Approved,
        /// 已驳回.
        Rejected,
        /// 运营中.
        Active,
        /// 已到期.
        Expired,
        /// 已撤销.
        Revoked,
        /// 已终止.
        Terminated,
    }
    code: authorization_state_code,
    label: authorization_state_label_zh,
    parse: parse_authorization_state,
}

/// Returns the fee basis a purpose gives: public governance and public welfare are
/// conditionally free, industry and sector development conditionally paid.
#[uniffi::export]
pub fn fee_basis_of(purpose: Purpose) -> FeeBasis {
    purpose.fee_basis()
}

/// Scope of a grant (整体授权, 分领域授权 or 依场景授权). Mirrors the core's mode with named
/// fields.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum AuthorizationMode {
    /// 整体授权: the whole asset.
    Whole,
    /// 分领域授权: one domain.
    Domain {
        /// Name of the domain.
        name: String,
    },
    /// 依场景授权: one scenario.
    Scenario {
        /// Name of the scenario.
        name: String,
    },
}

impl From<core_authorization::AuthorizationMode> for AuthorizationMode {
    fn from(mode: core_authorization::AuthorizationMode) -> Self {
        match mode {
            core_authorization::AuthorizationMode::Whole => AuthorizationMode::Whole,
            core_authorization::AuthorizationMode::Domain(name) => {
                AuthorizationMode::Domain { name }
            }
            core_authorization::AuthorizationMode::Scenario(name) => {
                AuthorizationMode::Scenario { name }
            }
        }
    }
}

impl From<AuthorizationMode> for core_authorization::AuthorizationMode {
    fn from(mode: AuthorizationMode) -> Self {
        match mode {
            AuthorizationMode::Whole => core_authorization::AuthorizationMode::Whole,
            AuthorizationMode::Domain { name } => {
                core_authorization::AuthorizationMode::Domain(name)
            }
            AuthorizationMode::Scenario { name } => {
                core_authorization::AuthorizationMode::Scenario(name)
            }
        }
    }
}

/// First and last day of a grant.
#[uniffi::remote(Record)]
pub struct Term {
    /// First day.
    pub start: NaiveDate,
    /// Last day (included).
    pub end: NaiveDate,
}

/// A person acting in the workflow, with the role the approval rules check.
#[uniffi::remote(Record)]
pub struct Actor {
    /// User id.
    pub id: String,
    /// Role, such as the policy's approver role.
    pub role: String,
}

/// Facts about the asset that the workflow checks before submission and approval.
#[uniffi::remote(Record)]
pub struct AssetReadiness {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Category by origin.
    pub category: DataCategory,
    /// Security grade; core data may not be authorized.
    pub security_grade: SecurityGrade,
    /// Whether the asset has an info card.
    pub has_info_card: bool,
    /// Whether the compliance review passed.
    pub compliance_review_passed: bool,
    /// Government-guided upper-limit price for a paid grant of public data.
    pub fee_cap: Option<Amount>,
}

/// One step of the workflow.
#[uniffi::remote(Record)]
pub struct WorkflowStep {
    /// State before.
    pub from: AuthorizationState,
    /// State after.
    pub to: AuthorizationState,
    /// Who acted.
    pub actor: Actor,
    /// When, as the caller gave it.
    pub at: NaiveDateTime,
    /// Note or reason.
    pub note: String,
}

/// The terms of a grant. Mirrors the core's terms with the rights as a list; a right listed
/// twice counts once.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuthorizationTerms {
    /// Grant id, unique in the registry.
    pub id: String,
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Licensee (被授权方).
    pub licensee: String,
    /// Scope.
    pub mode: AuthorizationMode,
    /// Rights granted, at least one.
    pub rights: Vec<GrantedRight>,
    /// Purpose, which decides the fee basis.
    pub purpose: Purpose,
    /// Fee for the term; zero for a free purpose.
    pub fee: Amount,
    /// Term of the grant.
    pub term: Term,
    /// Whether the grant is exclusive within its scope and term.
    pub exclusive: bool,
}

impl From<core_authorization::AuthorizationTerms> for AuthorizationTerms {
    fn from(terms: core_authorization::AuthorizationTerms) -> Self {
        AuthorizationTerms {
            id: terms.id,
            asset_id: terms.asset_id,
            licensee: terms.licensee,
            mode: terms.mode.into(),
            rights: terms.rights.into_iter().collect(),
            purpose: terms.purpose,
            fee: terms.fee,
            term: terms.term,
            exclusive: terms.exclusive,
        }
    }
}

impl From<AuthorizationTerms> for core_authorization::AuthorizationTerms {
    fn from(terms: AuthorizationTerms) -> Self {
        core_authorization::AuthorizationTerms {
            id: terms.id,
            asset_id: terms.asset_id,
            licensee: terms.licensee,
            mode: terms.mode.into(),
            rights: terms.rights.into_iter().collect::<BTreeSet<_>>(),
            purpose: terms.purpose,
            fee: terms.fee,
            term: terms.term,
            exclusive: terms.exclusive,
        }
    }
}

/// A grant as Java reads it: terms, applicant, state, history and fee basis.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AuthorizationView {
    /// The terms.
    pub terms: AuthorizationTerms,
    /// Applicant who drafted the grant.
    pub applicant: Actor,
    /// Current state.
    pub state: AuthorizationState,
    /// Every step, oldest first.
    pub history: Vec<WorkflowStep>,
    /// Fee basis of the purpose.
    pub fee_basis: FeeBasis,
    /// Whether the grant is approved or active, so that it blocks an overlapping exclusive one.
    pub live: bool,
}

impl From<&Authorization> for AuthorizationView {
    fn from(grant: &Authorization) -> Self {
        AuthorizationView {
            terms: grant.terms().clone().into(),
            applicant: grant.applicant().clone(),
            state: grant.state(),
            history: grant.history().to_vec(),
            fee_basis: grant.fee_basis(),
            live: grant.is_live(),
        }
    }
}

/// Lists every problem of a grant's terms (missing fields, a fee for a free purpose, a term that
/// ends before it starts, …); an empty list means the terms can be drafted.
#[uniffi::export]
pub fn authorization_term_problems(terms: AuthorizationTerms) -> Vec<Problem> {
    Authorization::term_problems(&terms.into())
        .iter()
        .map(Problem::new)
        .collect()
}

/// The grants of many assets with their workflows. Safe to share between threads.
#[derive(Debug, uniffi::Object)]
pub struct AuthorizationRegistry {
    inner: Mutex<core_authorization::AuthorizationRegistry>,
}

impl AuthorizationRegistry {
    fn lock(&self) -> MutexGuard<'_, core_authorization::AuthorizationRegistry> {
        // Each step is checked before it changes a grant, so a poisoned lock still holds a
        // consistent registry.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[uniffi::export]
impl AuthorizationRegistry {
    /// Opens an empty registry.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(AuthorizationRegistry {
            inner: Mutex::new(core_authorization::AuthorizationRegistry::default()),
        })
    }

    /// Drafts a grant by `applicant` at `at` and adds it to the registry.
    ///
    /// # Errors
    ///
    /// The first problem of [`authorization_term_problems`];
    /// `authorization.duplicate_id` for an id already in the registry.
    pub fn draft(
        &self,
        terms: AuthorizationTerms,
        applicant: Actor,
        at: NaiveDateTime,
    ) -> Result<AuthorizationView, DataAssetsError> {
        let grant = Authorization::draft(terms.into(), applicant, at)?;
        let view = AuthorizationView::from(&grant);
        self.lock().insert(grant)?;
        Ok(view)
    }

    /// Submits draft `id`; only its applicant may, and the asset must be ready.
    ///
    /// # Errors
    ///
    /// `authorization.not_found`, `authorization.illegal_transition`,
    /// `authorization.not_applicant`, `authorization.time_out_of_order`, and the readiness
    /// problems (`authorization.core_data`, `authorization.missing_info_card`, …).
    pub fn submit(
        &self,
        id: String,
        actor: Actor,
        at: NaiveDateTime,
        asset: AssetReadiness,
    ) -> Result<(), DataAssetsError> {
        Ok(self.lock().submit(&id, &actor, at, &asset)?)
    }

    /// Approves submitted grant `id`: the approver has the policy's approver role and is not
    /// the applicant.
    ///
    /// # Errors
    ///
    /// `authorization.approver_role_required`, `authorization.self_approval`, the readiness
    /// problems, and the errors of [`AuthorizationRegistry::submit`].
    pub fn approve(
        &self,
        id: String,
        approver: Actor,
        at: NaiveDateTime,
        asset: AssetReadiness,
        policy: Policy,
    ) -> Result<(), DataAssetsError> {
        crate::policy::check_policy(&policy)?;
        Ok(self.lock().approve(&id, &approver, at, &asset, &policy)?)
    }

    /// Rejects submitted grant `id` with a reason.
    ///
    /// # Errors
    ///
    /// As [`AuthorizationRegistry::approve`], without the readiness problems.
    pub fn reject(
        &self,
        id: String,
        approver: Actor,
        at: NaiveDateTime,
        reason: String,
        policy: Policy,
    ) -> Result<(), DataAssetsError> {
        crate::policy::check_policy(&policy)?;
        Ok(self.lock().reject(&id, &approver, at, &reason, &policy)?)
    }

    /// Activates approved grant `id` within its term.
    ///
    /// # Errors
    ///
    /// `authorization.outside_term`, `authorization.exclusive_conflict`, and the state and time
    /// errors.
    pub fn activate(
        &self,
        id: String,
        actor: Actor,
        at: NaiveDateTime,
    ) -> Result<(), DataAssetsError> {
        Ok(self.lock().activate(&id, &actor, at)?)
    }

    /// Marks active grant `id` expired after its term.
    ///
    /// # Errors
    ///
    /// `authorization.term_not_ended`, and the state and time errors.
    pub fn expire(
        &self,
        id: String,
        actor: Actor,
        at: NaiveDateTime,
    ) -> Result<(), DataAssetsError> {
        Ok(self.lock().expire(&id, &actor, at)?)
    }

    /// Revokes grant `id`; only the approver role may.
    ///
    /// # Errors
    ///
    /// `authorization.approver_role_required`, and the state and time errors.
    pub fn revoke(
        &self,
        id: String,
        approver: Actor,
        at: NaiveDateTime,
        reason: String,
        policy: Policy,
    ) -> Result<(), DataAssetsError> {
        crate::policy::check_policy(&policy)?;
        Ok(self.lock().revoke(&id, &approver, at, &reason, &policy)?)
    }

    /// Terminates active grant `id` early with a reason.
    ///
    /// # Errors
    ///
    /// The state and time errors.
    pub fn terminate(
        &self,
        id: String,
        actor: Actor,
        at: NaiveDateTime,
        reason: String,
    ) -> Result<(), DataAssetsError> {
        Ok(self.lock().terminate(&id, &actor, at, &reason)?)
    }

    /// Returns grant `id`, if any.
    pub fn get(&self, id: String) -> Option<AuthorizationView> {
        self.lock().get(&id).map(AuthorizationView::from)
    }

    /// Lists every grant, by id.
    pub fn grants(&self) -> Vec<AuthorizationView> {
        self.lock().grants().map(AuthorizationView::from).collect()
    }

    /// Writes the registry as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn to_json(&self) -> Result<String, DataAssetsError> {
        ConversionError::to_json(&*self.lock(), "authorization_registry")
    }
}

/// Restores a registry written by `AuthorizationRegistry.toJson()`.
///
/// # Errors
///
/// `ffi.invalid_json` when the text is not an authorization registry.
#[uniffi::export]
pub fn authorization_registry_from_json(
    json: String,
) -> Result<Arc<AuthorizationRegistry>, DataAssetsError> {
    let registry = ConversionError::from_json(&json, "authorization_registry_json", REGISTRY_JSON)?;
    Ok(Arc::new(AuthorizationRegistry {
        inner: Mutex::new(registry),
    }))
}
