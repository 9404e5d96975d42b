//! The data-asset ledger (台账) with its hash-chained history.
//!
//! A [`Register`] holds the current state of every asset, keyed by id, and an append-only list
//! of [`HistoryRecord`]s. Each add, change or disposal appends one record that carries the actor,
//! the time (given by the caller, since the crate has no clock), the reason and the asset before
//! and after. 财资〔2024〕1号 asks units to keep the ledger current and every change traceable; the
//! chain makes any later edit of history detectable by [`Register::verify`].
//!
//! # Hash chain
//!
//! The hash of a record is the lowercase hex SHA-256 of its canonical form: the compact JSON
//! object (`serde_json`, no whitespace) of every field except `hash`, in declared order (`seq`,
//! `kind`, `asset_id`, `actor`, `at`, `reason`, `disposal_date`, `before`, `after`,
//! `prev_hash`). Nested assets serialize their fields in declared order too, and amounts as
//! decimal strings, so the form is the same after a save and reload. Because `prev_hash` is part
//! of the hashed form, each hash covers the whole history before it. The first record's
//! `prev_hash` is [`GENESIS_HASH`] (64 zeros). The register also stores the count and the hash of
//! the last record (its head), so removing records from the end is detected as well.
//!
//! NOTE: someone who can rewrite the whole file can rebuild a consistent chain. Keep the value
//! of [`Register::head`] somewhere else (a report, a signed message) to detect that.
//!
//! # Errors
//!
//! Every fallible method returns [`RegisterError`], with a stable code such as
//! `register.duplicate_asset_id` or `register.chain_broken`.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::asset::{AssetError, BookingStatus, DataAsset, DataCategory};
use crate::entity::Uscc;
use crate::error::ErrorDetail;

/// `prev_hash` of the first record: 64 zeros.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

crate::vocab! {
    /// Kind of a ledger change.
    pub enum ChangeKind {
        /// 新增: the asset entered the ledger.
        Added = ("added", "新增"),
        /// 变更: the asset's record changed.
        Changed = ("changed", "变更"),
        /// 处置: the asset was disposed of and left the active ledger.
        Disposed = ("disposed", "处置"),
    }
}

/// Actor, time and reason of a change. The caller supplies the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ChangeMeta {
    /// Person or system that made the change (经办人).
    pub actor: String,
    /// Time of the change, local time of the unit.
    pub at: NaiveDateTime,
    /// Reason for the change (变更原因).
    pub reason: String,
}

/// One append-only entry of the ledger history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct HistoryRecord {
    /// Position in the history, starting at 1.
    pub seq: u64,
    /// What happened.
    pub kind: ChangeKind,
    /// Id of the asset concerned.
    pub asset_id: String,
    /// Person or system that made the change.
    pub actor: String,
    /// Time of the change, as given by the caller.
    pub at: NaiveDateTime,
    /// Reason for the change.
    pub reason: String,
    /// Date of disposal, for a disposal record only.
    pub disposal_date: Option<NaiveDate>,
    /// The asset before the change; `None` for an addition.
    pub before: Option<DataAsset>,
    /// The asset after the change; `None` for a disposal.
    pub after: Option<DataAsset>,
    /// Hash of the previous record, or [`GENESIS_HASH`] for the first.
    pub prev_hash: String,
    /// Hash of this record's canonical form (see the module documentation).
    pub hash: String,
}

/// The fields of a record that its hash covers, borrowed in declared order.
#[derive(Serialize)]
struct HashedForm<'a> {
    seq: u64,
    kind: ChangeKind,
    asset_id: &'a str,
    actor: &'a str,
    at: NaiveDateTime,
    reason: &'a str,
    disposal_date: Option<NaiveDate>,
    before: Option<&'a DataAsset>,
    after: Option<&'a DataAsset>,
    prev_hash: &'a str,
}

impl HistoryRecord {
    /// Computes the hash of this record's canonical form, ignoring the stored `hash`.
    pub fn compute_hash(&self) -> String {
        let form = HashedForm {
            seq: self.seq,
            kind: self.kind,
            asset_id: &self.asset_id,
            actor: &self.actor,
            at: self.at,
            reason: &self.reason,
            disposal_date: self.disposal_date,
            before: self.before.as_ref(),
            after: self.after.as_ref(),
            prev_hash: &self.prev_hash,
        };
        let mut hasher = Sha256::new();
        // Serializing plain structs, strings, dates and decimals to a Vec cannot fail. If it
        // did, the empty body would give a hash that fails verification instead of a panic.
        let bytes = serde_json::to_vec(&form).unwrap_or_default();
        hasher.update(&bytes);
        to_hex(&hasher.finalize())
    }
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 0x0f)]));
    }
    out
}

/// The current state of one asset in the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RegisterEntry {
    /// The asset as last added or changed.
    pub asset: DataAsset,
    /// Date of disposal; `None` while the asset is active.
    pub disposal_date: Option<NaiveDate>,
}

impl RegisterEntry {
    /// Whether the asset has been disposed of.
    pub fn is_disposed(&self) -> bool {
        self.disposal_date.is_some()
    }
}

/// Errors of the ledger and of history verification.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// An asset with the same id is already in the ledger (active or disposed).
    #[error("asset id {id:?} is already in the register")]
    DuplicateAssetId {
        /// The id.
        id: String,
    },
    /// No asset has this id.
    #[error("asset {id:?} not found in the register")]
    AssetNotFound {
        /// The id.
        id: String,
    },
    /// The asset was disposed of and cannot change again.
    #[error("asset {id:?} was already disposed of on {date}")]
    AlreadyDisposed {
        /// The id.
        id: String,
        /// Its disposal date.
        date: NaiveDate,
    },
    /// A change replaces an asset with one of another id.
    #[error("cannot change asset {id:?} into an asset with id {new_id:?}")]
    IdMismatch {
        /// Id of the asset being changed.
        id: String,
        /// Id carried by the new version.
        new_id: String,
    },
    /// A disposal date lies before the date the asset was acquired or ready for use.
    #[error("disposal date {date} of asset {id:?} is before its ready date {ready_date}")]
    DisposalBeforeReady {
        /// The id.
        id: String,
        /// Rejected disposal date.
        date: NaiveDate,
        /// The asset's ready date.
        ready_date: NaiveDate,
    },
    /// The actor or the reason of a change is blank.
    #[error("change {field} is blank")]
    MissingChangeMeta {
        /// `actor` or `reason`.
        field: &'static str,
    },
    /// The asset fails its own validation.
    #[error("invalid asset {id:?}: {source}")]
    InvalidAsset {
        /// Id of the asset.
        id: String,
        /// Validation failure of the asset.
        source: AssetError,
    },
    /// A record's sequence number, previous hash or own hash is wrong: the history was edited,
    /// reordered or has a record removed.
    #[error("history chain broken at record {seq}: {reason}")]
    ChainBroken {
        /// Position (one-based) of the first bad record.
        seq: u64,
        /// Name of the failed check.
        reason: &'static str,
    },
    /// A record is well chained but does not follow from the records before it.
    #[error("history record {seq} is inconsistent: {reason}")]
    HistoryInconsistent {
        /// Position (one-based) of the record.
        seq: u64,
        /// Description of the inconsistency.
        reason: &'static str,
    },
    /// The stored count and head hash do not match the last record: records were removed from
    /// the end.
    #[error(
        "history head mismatch: register expects {expected_count} records ending in {expected_head}, found {found_count}"
    )]
    HeadMismatch {
        /// Count stored in the register.
        expected_count: u64,
        /// Head hash stored in the register.
        expected_head: String,
        /// Number of records present.
        found_count: u64,
    },
    /// The current state differs from the state that replaying the history gives.
    #[error("current state of asset {id:?} is not explained by the history")]
    StateNotExplained {
        /// Id of the first asset that differs.
        id: String,
    },
}

impl ErrorDetail for RegisterError {
    fn code(&self) -> &'static str {
        match self {
            RegisterError::DuplicateAssetId { .. } => "register.duplicate_asset_id",
            RegisterError::AssetNotFound { .. } => "register.asset_not_found",
            RegisterError::AlreadyDisposed { .. } => "register.already_disposed",
            RegisterError::IdMismatch { .. } => "register.id_mismatch",
            RegisterError::DisposalBeforeReady { .. } => "register.disposal_before_ready",
            RegisterError::MissingChangeMeta { .. } => "register.missing_change_meta",
            RegisterError::InvalidAsset { .. } => "register.invalid_asset",
            RegisterError::ChainBroken { .. } => "register.chain_broken",
            RegisterError::HistoryInconsistent { .. } => "register.history_inconsistent",
            RegisterError::HeadMismatch { .. } => "register.head_mismatch",
            RegisterError::StateNotExplained { .. } => "register.state_not_explained",
        }
    }
    fn field(&self) -> &str {
        match self {
            RegisterError::DuplicateAssetId { .. }
            | RegisterError::AssetNotFound { .. }
            | RegisterError::AlreadyDisposed { .. }
            | RegisterError::IdMismatch { .. }
            | RegisterError::StateNotExplained { .. } => "id",
            RegisterError::DisposalBeforeReady { .. } => "disposal_date",
            RegisterError::MissingChangeMeta { field } => field,
            RegisterError::InvalidAsset { source, .. } => source.field(),
            RegisterError::ChainBroken { .. }
            | RegisterError::HistoryInconsistent { .. }
            | RegisterError::HeadMismatch { .. } => "history",
        }
    }
    fn value(&self) -> &str {
        match self {
            RegisterError::DuplicateAssetId { id }
            | RegisterError::AssetNotFound { id }
            | RegisterError::AlreadyDisposed { id, .. }
            | RegisterError::DisposalBeforeReady { id, .. }
            | RegisterError::StateNotExplained { id } => id,
            RegisterError::IdMismatch { new_id, .. } => new_id,
            RegisterError::InvalidAsset { source, .. } => source.value(),
            RegisterError::HeadMismatch { expected_head, .. } => expected_head,
            RegisterError::MissingChangeMeta { .. }
            | RegisterError::ChainBroken { .. }
            | RegisterError::HistoryInconsistent { .. } => "",
        }
    }
    fn allowed(&self) -> &str {
        match self {
            RegisterError::DuplicateAssetId { .. } => "an id not used before in this register",
            RegisterError::AssetNotFound { .. } => "the id of an asset in the register",
            RegisterError::AlreadyDisposed { .. } => "an asset that is still active",
            RegisterError::IdMismatch { .. } => "the same id as the asset being changed",
            RegisterError::DisposalBeforeReady { .. } => "a date on or after the ready date",
            RegisterError::MissingChangeMeta { .. } => "a non-empty actor and reason",
            RegisterError::InvalidAsset { source, .. } => source.allowed(),
            RegisterError::ChainBroken { .. }
            | RegisterError::HistoryInconsistent { .. }
            | RegisterError::HeadMismatch { .. }
            | RegisterError::StateNotExplained { .. } => {
                "an unmodified history as written by the register"
            }
        }
    }
}

/// The data-asset ledger (数据资产台账): current state plus hash-chained history.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::asset::DataAsset;
/// use data_assets_core::register::{ChangeMeta, Register};
/// let asset = DataAsset::example();
/// let at = NaiveDate::from_ymd_opt(2025, 4, 1).and_then(|d| d.and_hms_opt(9, 0, 0)).unwrap();
/// let meta = ChangeMeta { actor: "张三".into(), at, reason: "摸底登记".into() };
///
/// let mut register = Register::new();
/// register.add(asset.clone(), meta.clone())?;
/// assert!(register.add(asset, meta).is_err());
/// assert_eq!(register.history().len(), 1);
/// register.verify()?;
///
/// // Editing history afterwards is detected.
/// let mut json = serde_json::to_value(&register)?;
/// json["history"][0]["actor"] = "李四".into();
/// let tampered: Register = serde_json::from_value(json)?;
/// assert!(tampered.verify().is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Register {
    entries: BTreeMap<String, RegisterEntry>,
    history: Vec<HistoryRecord>,
    head_count: u64,
    head_hash: String,
}

impl Default for Register {
    fn default() -> Self {
        Register::new()
    }
}

impl Register {
    /// Creates an empty register.
    pub fn new() -> Self {
        Register {
            entries: BTreeMap::new(),
            history: Vec::new(),
            head_count: 0,
            head_hash: GENESIS_HASH.to_owned(),
        }
    }

    /// Adds a new asset.
    ///
    /// # Errors
    ///
    /// - [`RegisterError::MissingChangeMeta`]: blank actor or reason.
    /// - [`RegisterError::InvalidAsset`]: the asset fails [`DataAsset::validate`].
    /// - [`RegisterError::DuplicateAssetId`]: the id is already used, even by a disposed asset.
    pub fn add(&mut self, asset: DataAsset, meta: ChangeMeta) -> Result<(), RegisterError> {
        check_meta(&meta)?;
        check_asset(&asset)?;
        if self.entries.contains_key(&asset.id) {
            return Err(RegisterError::DuplicateAssetId { id: asset.id });
        }
        let id = asset.id.clone();
        self.append(
            ChangeKind::Added,
            &id,
            meta,
            None,
            None,
            Some(asset.clone()),
        );
        self.entries.insert(
            id,
            RegisterEntry {
                asset,
                disposal_date: None,
            },
        );
        Ok(())
    }

    /// Replaces the record of an active asset with a new version.
    ///
    /// # Errors
    ///
    /// - [`RegisterError::MissingChangeMeta`]: blank actor or reason.
    /// - [`RegisterError::IdMismatch`]: `new_asset.id` differs from `id`.
    /// - [`RegisterError::InvalidAsset`]: the new version fails [`DataAsset::validate`].
    /// - [`RegisterError::AssetNotFound`], [`RegisterError::AlreadyDisposed`].
    pub fn change(
        &mut self,
        id: &str,
        new_asset: DataAsset,
        meta: ChangeMeta,
    ) -> Result<(), RegisterError> {
        check_meta(&meta)?;
        if new_asset.id != id {
            return Err(RegisterError::IdMismatch {
                id: id.to_owned(),
                new_id: new_asset.id,
            });
        }
        check_asset(&new_asset)?;
        let before = self.active_entry(id)?.asset.clone();
        self.append(
            ChangeKind::Changed,
            id,
            meta,
            None,
            Some(before),
            Some(new_asset.clone()),
        );
        if let Some(entry) = self.entries.get_mut(id) {
            entry.asset = new_asset;
        }
        Ok(())
    }

    /// Disposes of an active asset on `date`. The asset stays in the register, marked disposed,
    /// and its id cannot be reused.
    ///
    /// # Errors
    ///
    /// - [`RegisterError::MissingChangeMeta`]: blank actor or reason.
    /// - [`RegisterError::AssetNotFound`], [`RegisterError::AlreadyDisposed`].
    /// - [`RegisterError::DisposalBeforeReady`]: `date` is before the asset's ready date.
    pub fn dispose(
        &mut self,
        id: &str,
        date: NaiveDate,
        meta: ChangeMeta,
    ) -> Result<(), RegisterError> {
        check_meta(&meta)?;
        let before = self.active_entry(id)?.asset.clone();
        if date < before.ready_date {
            return Err(RegisterError::DisposalBeforeReady {
                id: id.to_owned(),
                date,
                ready_date: before.ready_date,
            });
        }
        self.append(
            ChangeKind::Disposed,
            id,
            meta,
            Some(date),
            Some(before),
            None,
        );
        if let Some(entry) = self.entries.get_mut(id) {
            entry.disposal_date = Some(date);
        }
        Ok(())
    }

    /// Returns the asset with this id, active or disposed.
    pub fn get(&self, id: &str) -> Option<&DataAsset> {
        self.entries.get(id).map(|entry| &entry.asset)
    }

    /// Returns the ledger entry with this id, including its disposal date.
    pub fn entry(&self, id: &str) -> Option<&RegisterEntry> {
        self.entries.get(id)
    }

    /// Iterates over every entry, active or disposed, in id order.
    pub fn iter(&self) -> impl Iterator<Item = &RegisterEntry> {
        self.entries.values()
    }

    /// Iterates over the active (not disposed) assets in id order.
    pub fn active(&self) -> impl Iterator<Item = &DataAsset> {
        self.entries
            .values()
            .filter(|entry| !entry.is_disposed())
            .map(|entry| &entry.asset)
    }

    /// Returns the active assets held by the unit with this code.
    pub fn by_holder(&self, uscc: &Uscc) -> Vec<&DataAsset> {
        self.active()
            .filter(|asset| &asset.holder.uscc == uscc)
            .collect()
    }

    /// Returns the active assets with this booking status.
    pub fn by_booking_status(&self, status: BookingStatus) -> Vec<&DataAsset> {
        self.active()
            .filter(|asset| asset.booking_status == status)
            .collect()
    }

    /// Returns the active assets of this category.
    pub fn by_category(&self, category: DataCategory) -> Vec<&DataAsset> {
        self.active()
            .filter(|asset| asset.category == category)
            .collect()
    }

    /// Returns the number of entries, active or disposed.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the register has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Returns the history, oldest first.
    pub fn history(&self) -> &[HistoryRecord] {
        &self.history
    }

    /// Returns the number of records and the hash of the last one ([`GENESIS_HASH`] when
    /// empty). Keep it outside the register to detect a rebuilt history.
    pub fn head(&self) -> (u64, &str) {
        (self.head_count, &self.head_hash)
    }

    /// Checks the history chain and that it explains the current state.
    ///
    /// # Errors
    ///
    /// The first problem found, in this order:
    ///
    /// - [`RegisterError::ChainBroken`]: a record has the wrong `seq`, a `prev_hash` that is not
    ///   the previous record's hash, or a `hash` that does not match its content. This catches an
    ///   edited field, a removed record and reordered records.
    /// - [`RegisterError::HistoryInconsistent`]: a record does not follow from the state before it
    ///   (such as a change of an asset never added).
    /// - [`RegisterError::HeadMismatch`]: records were removed from the end.
    /// - [`RegisterError::StateNotExplained`]: the current state differs from the replayed one.
    pub fn verify(&self) -> Result<(), RegisterError> {
        let mut prev_hash = GENESIS_HASH;
        let mut replayed: BTreeMap<String, RegisterEntry> = BTreeMap::new();
        for (expected_seq, record) in (1_u64..).zip(&self.history) {
            let seq = record.seq;
            if seq != expected_seq {
                return Err(RegisterError::ChainBroken {
                    seq: expected_seq,
                    reason: "wrong seq",
                });
            }
            if record.prev_hash != prev_hash {
                return Err(RegisterError::ChainBroken {
                    seq,
                    reason: "prev_hash mismatch",
                });
            }
            if record.compute_hash() != record.hash {
                return Err(RegisterError::ChainBroken {
                    seq,
                    reason: "hash mismatch",
                });
            }
            replay(&mut replayed, record)
                .map_err(|reason| RegisterError::HistoryInconsistent { seq, reason })?;
            prev_hash = &record.hash;
        }

        // Truncation at the end leaves a valid chain, so compare with the stored head.
        let found_count = u64::try_from(self.history.len()).unwrap_or(u64::MAX);
        if found_count != self.head_count || prev_hash != self.head_hash {
            return Err(RegisterError::HeadMismatch {
                expected_count: self.head_count,
                expected_head: self.head_hash.clone(),
                found_count,
            });
        }

        // The current state must be exactly the replayed one.
        let differing = self
            .entries
            .keys()
            .chain(replayed.keys())
            .find(|id| self.entries.get(*id) != replayed.get(*id));
        if let Some(id) = differing {
            return Err(RegisterError::StateNotExplained { id: id.clone() });
        }
        Ok(())
    }

    fn active_entry(&self, id: &str) -> Result<&RegisterEntry, RegisterError> {
        let entry = self
            .entries
            .get(id)
            .ok_or_else(|| RegisterError::AssetNotFound { id: id.to_owned() })?;
        if let Some(date) = entry.disposal_date {
            return Err(RegisterError::AlreadyDisposed {
                id: id.to_owned(),
                date,
            });
        }
        Ok(entry)
    }

    fn append(
        &mut self,
        kind: ChangeKind,
        asset_id: &str,
        meta: ChangeMeta,
        disposal_date: Option<NaiveDate>,
        before: Option<DataAsset>,
        after: Option<DataAsset>,
    ) {
        let mut record = HistoryRecord {
            // A loaded register may claim any count; saturate rather than overflow, and let `verify`
            // report the broken sequence.
            seq: self.head_count.saturating_add(1),
            kind,
            asset_id: asset_id.to_owned(),
            actor: meta.actor,
            at: meta.at,
            reason: meta.reason,
            disposal_date,
            before,
            after,
            prev_hash: self.head_hash.clone(),
            hash: String::new(),
        };
        record.hash = record.compute_hash();
        self.head_count = record.seq;
        self.head_hash.clone_from(&record.hash);
        self.history.push(record);
    }
}

fn check_meta(meta: &ChangeMeta) -> Result<(), RegisterError> {
    if crate::text::is_blank(&meta.actor) {
        return Err(RegisterError::MissingChangeMeta { field: "actor" });
    }
    if crate::text::is_blank(&meta.reason) {
        return Err(RegisterError::MissingChangeMeta { field: "reason" });
    }
    Ok(())
}

fn check_asset(asset: &DataAsset) -> Result<(), RegisterError> {
    asset
        .validate()
        .map_err(|source| RegisterError::InvalidAsset {
            id: asset.id.clone(),
            source,
        })
}

/// Applies one record to a replayed state, or returns why it cannot follow from that state.
fn replay(
    state: &mut BTreeMap<String, RegisterEntry>,
    record: &HistoryRecord,
) -> Result<(), &'static str> {
    let current = state.get(&record.asset_id);
    match record.kind {
        ChangeKind::Added => {
            let (None, Some(asset), None) = (&record.before, &record.after, record.disposal_date)
            else {
                return Err("an addition has only an after state");
            };
            if current.is_some() {
                return Err("asset added twice");
            }
            if asset.id != record.asset_id {
                return Err("asset id differs from the record");
            }
            state.insert(
                record.asset_id.clone(),
                RegisterEntry {
                    asset: asset.clone(),
                    disposal_date: None,
                },
            );
        }
        ChangeKind::Changed => {
            let (Some(before), Some(after), None) =
                (&record.before, &record.after, record.disposal_date)
            else {
                return Err("a change has a before and an after state");
            };
            let entry = active_replayed(current)?;
            if &entry.asset != before {
                return Err("before state differs from the replayed asset");
            }
            if after.id != record.asset_id {
                return Err("asset id differs from the record");
            }
            state.insert(
                record.asset_id.clone(),
                RegisterEntry {
                    asset: after.clone(),
                    disposal_date: None,
                },
            );
        }
        ChangeKind::Disposed => {
            let (Some(before), None, Some(date)) =
                (&record.before, &record.after, record.disposal_date)
            else {
                return Err("a disposal has a before state and a date");
            };
            let entry = active_replayed(current)?;
            if &entry.asset != before {
                return Err("before state differs from the replayed asset");
            }
            state.insert(
                record.asset_id.clone(),
                RegisterEntry {
                    asset: before.clone(),
                    disposal_date: Some(date),
                },
            );
        }
    }
    Ok(())
}

fn active_replayed(entry: Option<&RegisterEntry>) -> Result<&RegisterEntry, &'static str> {
    match entry {
        None => Err("asset not added before"),
        Some(entry) if entry.is_disposed() => Err("asset already disposed"),
        Some(entry) => Ok(entry),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use sha2::{Digest, Sha256};

    use super::*;
    use crate::asset::{BookingStatus, DataCategory};
    use crate::entity::validate_uscc;

    fn time(minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2025, 4, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .checked_add_signed(chrono::TimeDelta::minutes(i64::from(minute)))
            .unwrap()
    }

    fn meta(minute: u32) -> ChangeMeta {
        ChangeMeta {
            actor: "张三".into(),
            at: time(minute),
            reason: "台账更新".into(),
        }
    }

    fn asset(id: &str) -> DataAsset {
        DataAsset {
            id: id.into(),
            ..DataAsset::example()
        }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Builds a register that adds A and B, changes A and disposes of B.
    fn sample() -> Register {
        let mut register = Register::new();
        register.add(asset("A"), meta(0)).unwrap();
        register.add(asset("B"), meta(1)).unwrap();
        let mut changed = asset("A");
        changed.booking_status = BookingStatus::IntangibleAsset;
        register.change("A", changed, meta(2)).unwrap();
        register.dispose("B", date(2025, 12, 31), meta(3)).unwrap();
        register
    }

    #[test]
    fn queries_skip_disposed_assets() {
        let register = sample();
        let holder = validate_uscc("11450300MB12345628").unwrap();
        let ids = |assets: Vec<&DataAsset>| assets.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(register.by_holder(&holder)), vec!["A"]);
        assert_eq!(
            ids(register.by_booking_status(BookingStatus::IntangibleAsset)),
            vec!["A"]
        );
        assert!(
            register
                .by_booking_status(BookingStatus::Unbooked)
                .is_empty()
        );
        assert_eq!(ids(register.by_category(DataCategory::Public)), vec!["A"]);
        assert!(register.by_category(DataCategory::Personal).is_empty());
        assert_eq!(register.len(), 2);
        assert_eq!(register.iter().count(), 2);
        assert_eq!(register.get("B").map(|a| a.id.as_str()), Some("B"));
        assert_eq!(
            register.entry("B").unwrap().disposal_date,
            Some(date(2025, 12, 31))
        );
        assert!(register.get("C").is_none());
    }

    #[test]
    fn errors_leave_register_unchanged() {
        let mut register = sample();
        let before = register.clone();
        let checks: Vec<(Result<(), RegisterError>, &str)> = vec![
            (
                register.add(asset("A"), meta(9)),
                "register.duplicate_asset_id",
            ),
            (
                register.add(asset("B"), meta(9)),
                "register.duplicate_asset_id",
            ),
            (
                register.change("C", asset("C"), meta(9)),
                "register.asset_not_found",
            ),
            (
                register.change("A", asset("C"), meta(9)),
                "register.id_mismatch",
            ),
            (
                register.change("B", asset("B"), meta(9)),
                "register.already_disposed",
            ),
            (
                register.dispose("B", date(2026, 1, 1), meta(9)),
                "register.already_disposed",
            ),
            (
                register.dispose("A", date(2025, 3, 30), meta(9)),
                "register.disposal_before_ready",
            ),
            (
                register.dispose("Z", date(2026, 1, 1), meta(9)),
                "register.asset_not_found",
            ),
        ];

        for (result, code) in checks {
            assert_eq!(result.unwrap_err().code(), code);
        }

        let blank_actor = ChangeMeta {
            actor: " ".into(),
            ..meta(9)
        };
        let error = register.add(asset("C"), blank_actor).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("register.missing_change_meta", "actor")
        );

        let blank_reason = ChangeMeta {
            reason: String::new(),
            ..meta(9)
        };
        let error = register.add(asset("C"), blank_reason).unwrap_err();
        assert_eq!(error.field(), "reason");

        let mut bad = asset("C");
        bad.name = String::new();
        let error = register.add(bad, meta(9)).unwrap_err();
        assert_eq!(
            (error.code(), error.field()),
            ("register.invalid_asset", "name")
        );

        assert_eq!(register, before);
    }

    #[test]
    fn dispose_on_ready_date_allowed() {
        let mut register = sample();
        register.dispose("A", date(2025, 3, 31), meta(9)).unwrap();
        register.verify().unwrap();
    }

    #[test]
    fn chain_starts_at_genesis_and_links() {
        let register = sample();
        let history = register.history();
        assert_eq!(history[0].prev_hash, GENESIS_HASH);
        assert_eq!(GENESIS_HASH.len(), 64);
        for pair in history.windows(2) {
            assert_eq!(pair[1].prev_hash, pair[0].hash);
        }
        let seqs: Vec<u64> = history.iter().map(|r| r.seq).collect();
        assert_eq!(seqs, vec![1, 2, 3, 4]);
        let kinds: Vec<ChangeKind> = history.iter().map(|r| r.kind).collect();
        let expected = [
            ChangeKind::Added,
            ChangeKind::Added,
            ChangeKind::Changed,
            ChangeKind::Disposed,
        ];
        assert_eq!(kinds, expected);
        assert_eq!(register.head(), (4, history[3].hash.as_str()));
    }

    #[test]
    fn hash_matches_documented_canonical_form() {
        // The canonical form is the record's compact JSON without its last field `hash`.
        for record in sample().history() {
            let full = serde_json::to_string(record).unwrap();
            let suffix = format!(",\"hash\":\"{}\"}}", record.hash);
            let canonical = format!("{}}}", full.strip_suffix(&suffix).unwrap());
            let digest = Sha256::digest(canonical.as_bytes());
            assert_eq!(record.hash, format!("{digest:x}"));
        }
    }

    #[test]
    fn save_and_reload_verifies() {
        let register = sample();
        let json = serde_json::to_string(&register).unwrap();
        let reloaded: Register = serde_json::from_str(&json).unwrap();
        assert_eq!(reloaded, register);
        reloaded.verify().unwrap();
        assert!(Register::new().verify().is_ok());
        assert_eq!(Register::default(), Register::new());
    }

    fn tampered(edit: impl FnOnce(&mut serde_json::Value)) -> RegisterError {
        let mut json = serde_json::to_value(sample()).unwrap();
        edit(&mut json);
        let register: Register = serde_json::from_value(json).unwrap();
        register.verify().unwrap_err()
    }

    fn history_mut(json: &mut serde_json::Value) -> &mut Vec<serde_json::Value> {
        json["history"].as_array_mut().unwrap()
    }

    #[test]
    fn verify_detects_edited_field() {
        let error = tampered(|json| json["history"][1]["reason"] = "改".into());
        assert_eq!(
            error,
            RegisterError::ChainBroken {
                seq: 2,
                reason: "hash mismatch"
            }
        );
        let error =
            tampered(|json| json["history"][2]["after"]["booking_status"] = "expensed".into());
        assert_eq!(
            error,
            RegisterError::ChainBroken {
                seq: 3,
                reason: "hash mismatch"
            }
        );
    }

    #[test]
    fn verify_detects_removed_record() {
        let error = tampered(|json| {
            history_mut(json).remove(1);
        });
        assert_eq!(error.code(), "register.chain_broken");
        assert_eq!(
            error,
            RegisterError::ChainBroken {
                seq: 2,
                reason: "wrong seq"
            }
        );
    }

    #[test]
    fn verify_detects_reordering() {
        let error = tampered(|json| history_mut(json).swap(0, 1));
        assert_eq!(
            error,
            RegisterError::ChainBroken {
                seq: 1,
                reason: "wrong seq"
            }
        );
    }

    #[test]
    fn verify_detects_truncation() {
        let error = tampered(|json| {
            history_mut(json).pop();
        });
        assert_eq!(error.code(), "register.head_mismatch");
    }

    #[test]
    fn verify_detects_unexplained_state() {
        let error = tampered(|json| json["entries"]["A"]["asset"]["name"] = "改名".into());
        assert_eq!(error, RegisterError::StateNotExplained { id: "A".into() });
        let error =
            tampered(|json| json["entries"]["B"]["disposal_date"] = serde_json::Value::Null);
        assert_eq!(error.code(), "register.state_not_explained");
    }

    #[test]
    fn verify_detects_rehashed_edit() {
        // An edit whose own hash is recomputed breaks the next record's link.
        let mut register = sample();
        register.history[1].actor = "李四".into();
        register.history[1].hash = register.history[1].compute_hash();
        assert_eq!(
            register.verify().unwrap_err(),
            RegisterError::ChainBroken {
                seq: 3,
                reason: "prev_hash mismatch"
            }
        );
    }

    #[test]
    fn verify_detects_consistent_chain_with_impossible_step() {
        // Turn the change of A into a change of C, which was never added, and rehash the rest
        // of the chain and the head so that every link is consistent.
        let mut register = sample();
        register.history[2].asset_id = "C".into();
        let mut prev = register.history[1].hash.clone();
        for record in register.history.iter_mut().skip(2) {
            record.prev_hash.clone_from(&prev);
            record.hash = record.compute_hash();
            prev.clone_from(&record.hash);
        }
        register.head_hash = prev;
        assert_eq!(
            register.verify().unwrap_err(),
            RegisterError::HistoryInconsistent {
                seq: 3,
                reason: "asset not added before"
            }
        );
    }

    /// One step of a random ledger session: 0 add, 1 change, 2 dispose, on asset `slot`.
    #[derive(Debug, Clone)]
    struct Op {
        kind: u8,
        slot: u8,
        variant: u8,
    }

    fn ops() -> impl Strategy<Value = Vec<Op>> {
        prop::collection::vec(
            (0u8..3, 0u8..5, any::<u8>()).prop_map(|(kind, slot, variant)| Op {
                kind,
                slot,
                variant,
            }),
            1..25,
        )
    }

    /// Applies the operations, checking that a rejected one leaves the register unchanged, and
    /// returns the register with the number of accepted operations.
    fn run(ops: &[Op]) -> (Register, usize) {
        let mut register = Register::new();
        let mut accepted = 0;
        for (step, op) in ops.iter().enumerate() {
            let id = format!("A{}", op.slot);
            let minute = u32::try_from(step).unwrap();
            let before = register.clone();
            let result = match op.kind {
                0 => register.add(asset(&id), meta(minute)),
                1 => {
                    let mut next = asset(&id);
                    next.name = format!("数据集{}", op.variant);
                    next.booking_status =
                        BookingStatus::ALL[usize::from(op.variant) % BookingStatus::ALL.len()];
                    register.change(&id, next, meta(minute))
                }
                _ => {
                    let days = u64::from(op.variant);
                    let date = date(2025, 3, 31)
                        .checked_add_days(chrono::Days::new(days))
                        .unwrap();
                    register.dispose(&id, date, meta(minute))
                }
            };
            if result.is_ok() {
                accepted += 1;
            } else {
                assert_eq!(register, before);
            }
        }
        (register, accepted)
    }

    /// One way to tamper with a stored history.
    #[derive(Debug, Clone)]
    enum Tamper {
        Edit { record: usize, field: u8 },
        RehashedEdit { record: usize },
        Remove { record: usize },
        Swap { first: usize, second: usize },
        Truncate,
    }

    fn tamper() -> impl Strategy<Value = Tamper> {
        prop_oneof![
            (any::<usize>(), 0u8..11).prop_map(|(record, field)| Tamper::Edit { record, field }),
            any::<usize>().prop_map(|record| Tamper::RehashedEdit { record }),
            any::<usize>().prop_map(|record| Tamper::Remove { record }),
            (any::<usize>(), any::<usize>())
                .prop_map(|(first, second)| Tamper::Swap { first, second }),
            Just(Tamper::Truncate),
        ]
    }

    fn edit_field(record: &mut HistoryRecord, field: u8) {
        match field {
            0 => record.seq += 1,
            1 => {
                record.kind = match record.kind {
                    ChangeKind::Added => ChangeKind::Changed,
                    ChangeKind::Changed => ChangeKind::Disposed,
                    ChangeKind::Disposed => ChangeKind::Added,
                }
            }
            2 => record.asset_id.push('x'),
            3 => record.actor.push('x'),
            4 => record.at += chrono::TimeDelta::seconds(1),
            5 => record.reason.push('x'),
            6 => {
                record.disposal_date = record
                    .disposal_date
                    .map_or(Some(date(2030, 1, 1)), |d| d.succ_opt());
            }
            7 => match &mut record.before {
                Some(asset) => asset.summary.push('x'),
                None => record.before = Some(DataAsset::example()),
            },
            8 => match &mut record.after {
                Some(asset) => asset.facts.records += 1,
                None => record.after = Some(DataAsset::example()),
            },
            9 => record.prev_hash.replace_range(
                0..1,
                if record.prev_hash.starts_with('f') {
                    "e"
                } else {
                    "f"
                },
            ),
            _ => record.hash.replace_range(
                0..1,
                if record.hash.starts_with('f') {
                    "e"
                } else {
                    "f"
                },
            ),
        }
    }

    fn apply(register: &mut Register, tamper: &Tamper) {
        let len = register.history.len();
        match *tamper {
            Tamper::Edit { record, field } => {
                edit_field(&mut register.history[record % len], field);
            }
            Tamper::RehashedEdit { record } => {
                let record = &mut register.history[record % len];
                record.reason.push('x');
                record.hash = record.compute_hash();
            }
            Tamper::Remove { record } => {
                register.history.remove(record % len);
            }
            Tamper::Swap { first, second } => {
                let first = first % len;
                let mut second = second % len;
                if first == second {
                    second = (first + 1) % len;
                }
                if first == second {
                    // One record only: swapping is impossible, remove it instead.
                    register.history.remove(first);
                } else {
                    register.history.swap(first, second);
                }
            }
            Tamper::Truncate => {
                register.history.pop();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        #[test]
        fn random_sessions_verify(ops in ops()) {
            let (register, accepted) = run(&ops);
            prop_assert_eq!(register.history().len(), accepted);
            prop_assert_eq!(register.verify(), Ok(()));
            let json = serde_json::to_string(&register).unwrap();
            let reloaded: Register = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(reloaded.verify(), Ok(()));
        }

        #[test]
        fn any_tampering_fails_verify(ops in ops(), tamper in tamper()) {
            let mut all = vec![Op { kind: 0, slot: 0, variant: 0 }];
            all.extend(ops);
            let (mut register, _) = run(&all);
            apply(&mut register, &tamper);
            prop_assert!(register.verify().is_err(), "{:?} not detected", tamper);
        }
    }
}
