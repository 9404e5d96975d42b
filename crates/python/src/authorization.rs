//! Authorized operation (授权运营): grants, their approval workflow and the registry that keeps
//! exclusive grants from overlapping.

use chrono::NaiveDateTime;
use data_assets_core::authorization::{self as core, AuthorizationRegistry as CoreRegistry};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::entity::problem_dicts;
use crate::errors::{OrRaise, guard};
use crate::value::{extract, policy_arg, wrap_all};

value_type! {
    /// The terms of a grant: id, asset, licensee, mode, rights, purpose, fee, term and whether
    /// it is exclusive.
    AuthorizationTerms(core::AuthorizationTerms), "authorization.invalid_field"
}

value_type! {
    /// A workflow participant: an id and a role, such as the finance bureau's approver.
    Actor(core::Actor), "authorization.invalid_field"
}

value_type! {
    /// Facts about the asset that decide whether a grant may go ahead.
    AssetReadiness(core::AssetReadiness), "authorization.invalid_field"
}

value_type! {
    /// A grant with its state and workflow history. Use `Authorization.draft` to create one and
    /// an `AuthorizationRegistry` to move it through the workflow.
    Authorization(core::Authorization), "authorization.invalid_field"
}

fn actor_arg(actor: &Bound<'_, PyAny>, field: &str) -> PyResult<core::Actor> {
    extract::<Actor>(actor, field)
}

#[pymethods]
impl Authorization {
    /// Creates a draft after checking the terms.
    #[staticmethod]
    fn draft(
        py: Python<'_>,
        terms: &Bound<'_, PyAny>,
        applicant: &Bound<'_, PyAny>,
        at: NaiveDateTime,
    ) -> PyResult<Self> {
        guard(py, || {
            let terms = extract::<AuthorizationTerms>(terms, "terms")?;
            let applicant = actor_arg(applicant, "applicant")?;
            core::Authorization::draft(terms, applicant, at)
                .map(Authorization)
                .or_raise(py)
        })
    }

    /// Lists every problem of a set of terms, without facts about the asset.
    #[staticmethod]
    fn term_problems<'py>(
        py: Python<'py>,
        terms: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let terms = extract::<AuthorizationTerms>(terms, "terms")?;
            problem_dicts(py, &core::Authorization::term_problems(&terms))
        })
    }

    /// Lists every reason the asset is not ready for this grant.
    fn readiness_problems<'py>(
        &self,
        py: Python<'py>,
        asset: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyDict>>> {
        guard(py, || {
            let asset = extract::<AssetReadiness>(asset, "asset")?;
            problem_dicts(py, &self.0.readiness_problems(&asset))
        })
    }

    /// Returns the workflow state code, such as `draft` or `active`.
    fn state(&self) -> &'static str {
        self.0.state().code()
    }

    /// Returns the fee basis code: `conditionally_free` or `conditionally_paid`.
    fn fee_basis(&self) -> &'static str {
        self.0.fee_basis().code()
    }

    /// Tells whether the grant is approved or active.
    fn is_live(&self) -> bool {
        self.0.is_live()
    }

    /// Tells whether this grant and `other` cannot both be live.
    fn conflicts_with(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        guard(py, || {
            let other = extract::<Authorization>(other, "other")?;
            Ok(self.0.conflicts_with(&other))
        })
    }
}

state_type! {
    /// Grants of many assets keyed by id, moved through the workflow with separation of duties;
    /// an exclusive grant never overlaps another live grant.
    AuthorizationRegistry(CoreRegistry), "authorization.invalid_field"
}

#[pymethods]
impl AuthorizationRegistry {
    #[new]
    fn new() -> Self {
        AuthorizationRegistry(CoreRegistry::default())
    }

    /// Adds a grant, usually a draft.
    fn insert(&mut self, py: Python<'_>, grant: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(py, || {
            let grant = extract::<Authorization>(grant, "grant")?;
            self.0.insert(grant).or_raise(py)
        })
    }

    /// Returns grant `id`, or `None`.
    fn get(&self, id: &str) -> Option<Authorization> {
        self.0.get(id).cloned().map(Authorization)
    }

    /// Lists every grant in id order.
    fn grants(&self) -> Vec<Authorization> {
        wrap_all::<Authorization>(self.0.grants().cloned())
    }

    /// Submits grant `id` for approval; the asset must be ready.
    fn submit(
        &mut self,
        py: Python<'_>,
        id: &str,
        actor: &Bound<'_, PyAny>,
        at: NaiveDateTime,
        asset: &Bound<'_, PyAny>,
    ) -> PyResult<()> {
        guard(py, || {
            let actor = actor_arg(actor, "actor")?;
            let asset = extract::<AssetReadiness>(asset, "asset")?;
            self.0.submit(id, &actor, at, &asset).or_raise(py)
        })
    }

    /// Approves grant `id`; the approver must hold the policy's approver role and not be the
    /// applicant.
    #[pyo3(signature = (id, approver, at, asset, policy = None))]
    fn approve(
        &mut self,
        py: Python<'_>,
        id: &str,
        approver: &Bound<'_, PyAny>,
        at: NaiveDateTime,
        asset: &Bound<'_, PyAny>,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        guard(py, || {
            let approver = actor_arg(approver, "approver")?;
            let asset = extract::<AssetReadiness>(asset, "asset")?;
            let policy = policy_arg(policy)?;
            self.0
                .approve(id, &approver, at, &asset, &policy)
                .or_raise(py)
        })
    }

    /// Rejects grant `id` with a reason.
    #[pyo3(signature = (id, approver, at, reason, policy = None))]
    fn reject(
        &mut self,
        py: Python<'_>,
        id: &str,
        approver: &Bound<'_, PyAny>,
        at: NaiveDateTime,
        reason: &str,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        guard(py, || {
            let approver = actor_arg(approver, "approver")?;
            let policy = policy_arg(policy)?;
            self.0
                .reject(id, &approver, at, reason, &policy)
                .or_raise(py)
        })
    }

    /// Activates approved grant `id`.
    fn activate(
        &mut self,
        py: Python<'_>,
        id: &str,
        actor: &Bound<'_, PyAny>,
        at: NaiveDateTime,
    ) -> PyResult<()> {
        guard(py, || {
            let actor = actor_arg(actor, "actor")?;
            self.0.activate(id, &actor, at).or_raise(py)
        })
    }

    /// Expires active grant `id` at the end of its term.
    fn expire(
        &mut self,
        py: Python<'_>,
        id: &str,
        actor: &Bound<'_, PyAny>,
        at: NaiveDateTime,
    ) -> PyResult<()> {
        guard(py, || {
            let actor = actor_arg(actor, "actor")?;
            self.0.expire(id, &actor, at).or_raise(py)
        })
    }

    /// Revokes live grant `id` with a reason; only the approver role may revoke.
    #[pyo3(signature = (id, approver, at, reason, policy = None))]
    fn revoke(
        &mut self,
        py: Python<'_>,
        id: &str,
        approver: &Bound<'_, PyAny>,
        at: NaiveDateTime,
        reason: &str,
        policy: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        guard(py, || {
            let approver = actor_arg(approver, "approver")?;
            let policy = policy_arg(policy)?;
            self.0
                .revoke(id, &approver, at, reason, &policy)
                .or_raise(py)
        })
    }

    /// Terminates active grant `id` early with a reason.
    fn terminate(
        &mut self,
        py: Python<'_>,
        id: &str,
        actor: &Bound<'_, PyAny>,
        at: NaiveDateTime,
        reason: &str,
    ) -> PyResult<()> {
        guard(py, || {
            let actor = actor_arg(actor, "actor")?;
            self.0.terminate(id, &actor, at, reason).or_raise(py)
        })
    }

    fn __len__(&self) -> usize {
        self.0.grants().count()
    }

    fn __repr__(&self) -> String {
        format!("AuthorizationRegistry(grants={})", self.0.grants().count())
    }
}

/// Adds this module's classes and functions to the extension module.
pub fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<AuthorizationTerms>()?;
    module.add_class::<Actor>()?;
    module.add_class::<AssetReadiness>()?;
    module.add_class::<Authorization>()?;
    module.add_class::<AuthorizationRegistry>()?;
    Ok(())
}
