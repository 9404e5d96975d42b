//! The registry of grants, which keeps exclusive grants from overlapping.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{Actor, AssetReadiness, Authorization, AuthorizationError};
use crate::policy::Policy;

/// Grants of many assets, keyed by id, which keeps exclusive grants from overlapping.
///
/// Approval and activation through the registry check every other live grant of the same asset:
/// when either grant is exclusive, their scopes overlap ([`AuthorizationMode::overlaps`](super::AuthorizationMode::overlaps)) and
/// their terms share a day, the second grant is rejected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuthorizationRegistry {
    grants: BTreeMap<String, Authorization>,
}

impl AuthorizationRegistry {
    /// Adds a grant, usually a draft. A grant that is already approved or active, such as one
    /// loaded from a store, is checked against the live grants first.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::DuplicateId`] when the id is taken, and
    /// [`AuthorizationError::ExclusiveConflict`] when a live grant conflicts with a live one here.
    pub fn insert(&mut self, grant: Authorization) -> Result<(), AuthorizationError> {
        let id = grant.terms.id.clone();
        if self.grants.contains_key(&id) {
            return Err(AuthorizationError::DuplicateId { value: id });
        }
        if grant.is_live() {
            self.check_against_live(&grant)?;
        }
        self.grants.insert(id, grant);
        Ok(())
    }

    /// Looks up a grant.
    pub fn get(&self, id: &str) -> Option<&Authorization> {
        self.grants.get(id)
    }

    /// Iterates over every grant in id order.
    pub fn grants(&self) -> impl Iterator<Item = &Authorization> {
        self.grants.values()
    }

    /// Submits a grant, as [`Authorization::submit`].
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`] for an unknown id, then as [`Authorization::submit`].
    pub fn submit(
        &mut self,
        id: &str,
        actor: &Actor,
        at: NaiveDateTime,
        asset: &AssetReadiness,
    ) -> Result<(), AuthorizationError> {
        self.grant_mut(id)?.submit(actor, at, asset)
    }

    /// Approves a grant after checking it against every other live grant.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], [`AuthorizationError::ExclusiveConflict`], then as
    /// [`Authorization::approve`].
    pub fn approve(
        &mut self,
        id: &str,
        approver: &Actor,
        at: NaiveDateTime,
        asset: &AssetReadiness,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.check_conflicts(id)?;
        self.grant_mut(id)?.approve(approver, at, asset, policy)
    }

    /// Rejects a grant, as [`Authorization::reject`].
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], then as [`Authorization::reject`].
    pub fn reject(
        &mut self,
        id: &str,
        approver: &Actor,
        at: NaiveDateTime,
        reason: &str,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.grant_mut(id)?.reject(approver, at, reason, policy)
    }

    /// Activates a grant after checking it against every other live grant again.
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], [`AuthorizationError::ExclusiveConflict`], then as
    /// [`Authorization::activate`].
    pub fn activate(
        &mut self,
        id: &str,
        actor: &Actor,
        at: NaiveDateTime,
    ) -> Result<(), AuthorizationError> {
        self.check_conflicts(id)?;
        self.grant_mut(id)?.activate(actor, at)
    }

    /// Ends an active grant whose term is over, as [`Authorization::expire`].
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], then as [`Authorization::expire`].
    pub fn expire(
        &mut self,
        id: &str,
        actor: &Actor,
        at: NaiveDateTime,
    ) -> Result<(), AuthorizationError> {
        self.grant_mut(id)?.expire(actor, at)
    }

    /// Withdraws an active grant, as [`Authorization::revoke`].
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], then as [`Authorization::revoke`].
    pub fn revoke(
        &mut self,
        id: &str,
        approver: &Actor,
        at: NaiveDateTime,
        reason: &str,
        policy: &Policy,
    ) -> Result<(), AuthorizationError> {
        self.grant_mut(id)?.revoke(approver, at, reason, policy)
    }

    /// Ends an active grant early by agreement, as [`Authorization::terminate`].
    ///
    /// # Errors
    ///
    /// [`AuthorizationError::NotFound`], then as [`Authorization::terminate`].
    pub fn terminate(
        &mut self,
        id: &str,
        actor: &Actor,
        at: NaiveDateTime,
        reason: &str,
    ) -> Result<(), AuthorizationError> {
        self.grant_mut(id)?.terminate(actor, at, reason)
    }

    // Private, so that approval and activation cannot bypass the conflict check.
    fn grant_mut(&mut self, id: &str) -> Result<&mut Authorization, AuthorizationError> {
        self.grants
            .get_mut(id)
            .ok_or_else(|| AuthorizationError::NotFound {
                value: id.to_owned(),
            })
    }

    fn check_conflicts(&self, id: &str) -> Result<(), AuthorizationError> {
        let grant = self
            .grants
            .get(id)
            .ok_or_else(|| AuthorizationError::NotFound {
                value: id.to_owned(),
            })?;
        self.check_against_live(grant)
    }

    fn check_against_live(&self, grant: &Authorization) -> Result<(), AuthorizationError> {
        let id = &grant.terms.id;
        let clash = self
            .grants
            .values()
            .find(|other| &other.terms.id != id && other.is_live() && grant.conflicts_with(other));
        match clash {
            Some(other) => Err(AuthorizationError::ExclusiveConflict {
                value: id.clone(),
                other: other.terms.id.clone(),
            }),
            None => Ok(()),
        }
    }
}
