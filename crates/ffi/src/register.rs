//! The data-asset register (数据资产台账): an append-only, hash-chained ledger.
//!
//! A `DataAsset` has many nested fields, so it crosses as JSON in the core's serde form, the
//! form the command-line tool reads. What Java reads back comes as typed records
//! ([`AssetView`], [`HistoryEntry`]) with the asset's JSON alongside.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::{NaiveDate, NaiveDateTime};
use data_assets_core::asset::{
    AcquisitionRoute, BookingStatus, DataAsset, DataCategory, HoldingPurpose, SecurityGrade,
};
use data_assets_core::entity::Uscc;
use data_assets_core::money::Amount;
use data_assets_core::register::{self as core_register, ChangeKind, ChangeMeta, HistoryRecord};

use crate::error::{ConversionError, DataAssetsError};
use crate::vocab::vocabulary;

const ASSET_JSON: &str = "a DataAsset as JSON: the fields of the core DataAsset in snake_case, \
                          such as the output of exampleAssetJson()";
const REGISTER_JSON: &str = "a register as written by Register.toJson()";

vocabulary! {
    /// Kind of a ledger change.
    ChangeKind {
        /// 新增.
        Added,
        /// 变更.
        Changed,
        /// 处置.
        Disposed,
    }
    code: change_kind_code,
    label: change_kind_label_zh,
    parse: parse_change_kind,
}

/// Actor, time and reason of a change; the caller supplies the time.
#[uniffi::remote(Record)]
pub struct ChangeMeta {
    /// Person or system that made the change (经办人).
    pub actor: String,
    /// Time of the change, local time of the unit.
    pub at: NaiveDateTime,
    /// Reason for the change (变更原因).
    pub reason: String,
}

/// One asset of the register as Java reads it: the fields a list or a form shows, and the whole
/// asset as JSON.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct AssetView {
    /// Stable identifier.
    pub id: String,
    /// Name (资产名称).
    pub name: String,
    /// 统一社会信用代码 of the holding unit.
    pub holder_uscc: Uscc,
    /// Name of the holding unit.
    pub holder_name: String,
    /// Origin of the data.
    pub category: DataCategory,
    /// Security grade.
    pub security_grade: SecurityGrade,
    /// Acquisition route (取得方式).
    pub acquisition_route: AcquisitionRoute,
    /// Holding purpose.
    pub holding_purpose: HoldingPurpose,
    /// Financial booking status (入账情况).
    pub booking_status: BookingStatus,
    /// Initial cost, when known.
    pub cost: Option<Amount>,
    /// Date acquired or ready for use.
    pub ready_date: NaiveDate,
    /// Useful life in months; none means indefinite.
    pub useful_life_months: Option<i64>,
    /// Disposal date; none while the asset is active.
    pub disposal_date: Option<NaiveDate>,
    /// The whole asset as JSON, as `Register.add` accepts it.
    pub asset_json: String,
}

impl AssetView {
    fn new(asset: &DataAsset, disposal_date: Option<NaiveDate>) -> Result<Self, DataAssetsError> {
        Ok(AssetView {
            id: asset.id.clone(),
            name: asset.name.clone(),
            holder_uscc: asset.holder.uscc.clone(),
            holder_name: asset.holder.name.clone(),
            category: asset.category,
            security_grade: asset.security_grade,
            acquisition_route: asset.acquisition_route,
            holding_purpose: asset.holding_purpose,
            booking_status: asset.booking_status,
            cost: asset.cost,
            ready_date: asset.ready_date,
            useful_life_months: asset.useful_life_months.map(i64::from),
            disposal_date,
            asset_json: ConversionError::to_json(asset, "asset")?,
        })
    }
}

/// One entry of the register's history, with the asset before and after as JSON.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryEntry {
    /// Position in the history, from 1.
    pub seq: i64,
    /// What happened.
    pub kind: ChangeKind,
    /// Id of the asset concerned.
    pub asset_id: String,
    /// Person or system that made the change.
    pub actor: String,
    /// When, as the caller gave it.
    pub at: NaiveDateTime,
    /// Why.
    pub reason: String,
    /// Disposal date, for a disposal only.
    pub disposal_date: Option<NaiveDate>,
    /// The asset before the change as JSON; none for an addition.
    pub before_json: Option<String>,
    /// The asset after the change as JSON; none for a disposal.
    pub after_json: Option<String>,
    /// Hash of the previous entry (64 zeros for the first).
    pub prev_hash: String,
    /// SHA-256 of this entry's canonical form.
    pub hash: String,
}

impl HistoryEntry {
    fn new(record: &HistoryRecord) -> Result<Self, DataAssetsError> {
        let json = |asset: &Option<DataAsset>| {
            asset
                .as_ref()
                .map(|asset| ConversionError::to_json(asset, "asset"))
                .transpose()
        };
        Ok(HistoryEntry {
            seq: count_i64(record.seq),
            kind: record.kind,
            asset_id: record.asset_id.clone(),
            actor: record.actor.clone(),
            at: record.at,
            reason: record.reason.clone(),
            disposal_date: record.disposal_date,
            before_json: json(&record.before)?,
            after_json: json(&record.after)?,
            prev_hash: record.prev_hash.clone(),
            hash: record.hash.clone(),
        })
    }
}

/// Number of history entries and the hash of the last, to store apart from the register and
/// compare later.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct RegisterHead {
    /// Number of history entries.
    pub count: i64,
    /// Hash of the last entry (64 zeros when empty).
    pub hash: String,
}

/// The register of one unit or group of units. Safe to share between threads: each call locks
/// it for its duration.
#[derive(Debug, uniffi::Object)]
pub struct Register {
    inner: Mutex<core_register::Register>,
}

impl Register {
    fn lock(&self) -> MutexGuard<'_, core_register::Register> {
        // A panic inside a call cannot leave the register half-changed (every change is built
        // before it is stored), so a poisoned lock still holds a consistent register.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn views<'a>(
        assets: impl IntoIterator<Item = &'a DataAsset>,
    ) -> Result<Vec<AssetView>, DataAssetsError> {
        assets
            .into_iter()
            .map(|asset| AssetView::new(asset, None))
            .collect()
    }
}

/// Converts a history count for Java, which has no unsigned integers; no history reaches 2^63.
fn count_i64(count: u64) -> i64 {
    i64::try_from(count).unwrap_or(i64::MAX)
}

fn parse_asset(json: &str) -> Result<DataAsset, DataAssetsError> {
    ConversionError::from_json(json, "asset_json", ASSET_JSON)
}

#[uniffi::export]
impl Register {
    /// Opens an empty register.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Register {
            inner: Mutex::new(core_register::Register::new()),
        })
    }

    /// Writes the whole register, history included, as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails, which plain data does not do.
    pub fn to_json(&self) -> Result<String, DataAssetsError> {
        ConversionError::to_json(&*self.lock(), "register")
    }

    /// Adds a new asset, given as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` for text that is not an asset; `register.duplicate_asset_id`, a blank
    /// actor or reason, and `register.invalid_asset` naming the first invalid field of the asset.
    pub fn add(&self, asset_json: String, meta: ChangeMeta) -> Result<(), DataAssetsError> {
        let asset = parse_asset(&asset_json)?;
        Ok(self.lock().add(asset, meta)?)
    }

    /// Replaces the record of active asset `id` with a new version, given as JSON.
    ///
    /// # Errors
    ///
    /// `register.asset_not_found`, `register.already_disposed`, `register.id_mismatch`, and the
    /// errors of [`Register::add`].
    pub fn change(
        &self,
        id: String,
        asset_json: String,
        meta: ChangeMeta,
    ) -> Result<(), DataAssetsError> {
        let asset = parse_asset(&asset_json)?;
        Ok(self.lock().change(&id, asset, meta)?)
    }

    /// Disposes of active asset `id` on `date`; it stays in the register, marked disposed.
    ///
    /// # Errors
    ///
    /// `register.asset_not_found`, `register.already_disposed`,
    /// `register.disposal_before_ready`, or `register.missing_change_meta` for a blank actor or reason.
    pub fn dispose(
        &self,
        id: String,
        date: NaiveDate,
        meta: ChangeMeta,
    ) -> Result<(), DataAssetsError> {
        Ok(self.lock().dispose(&id, date, meta)?)
    }

    /// Returns asset `id`, active or disposed, or none.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn get(&self, id: String) -> Result<Option<AssetView>, DataAssetsError> {
        let register = self.lock();
        register
            .entry(&id)
            .map(|entry| AssetView::new(&entry.asset, entry.disposal_date))
            .transpose()
    }

    /// Lists every asset, active and disposed, by id.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn all(&self) -> Result<Vec<AssetView>, DataAssetsError> {
        let register = self.lock();
        register
            .iter()
            .map(|entry| AssetView::new(&entry.asset, entry.disposal_date))
            .collect()
    }

    /// Lists the active assets, by id.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn active(&self) -> Result<Vec<AssetView>, DataAssetsError> {
        Self::views(self.lock().active())
    }

    /// Lists the active assets held by the unit with code `holder`.
    ///
    /// # Errors
    ///
    /// The `entity.uscc_*` codes for an invalid code.
    pub fn by_holder(&self, holder: Uscc) -> Result<Vec<AssetView>, DataAssetsError> {
        Self::views(self.lock().by_holder(&holder))
    }

    /// Lists the active assets with booking status `status`.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn by_booking_status(
        &self,
        status: BookingStatus,
    ) -> Result<Vec<AssetView>, DataAssetsError> {
        Self::views(self.lock().by_booking_status(status))
    }

    /// Lists the active assets of data category `category`.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn by_category(&self, category: DataCategory) -> Result<Vec<AssetView>, DataAssetsError> {
        Self::views(self.lock().by_category(category))
    }

    /// Number of assets, active and disposed.
    pub fn len(&self) -> i64 {
        i64::try_from(self.lock().len()).unwrap_or(i64::MAX)
    }

    /// Checks whether the register is empty.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// Returns the history, oldest first.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn history(&self) -> Result<Vec<HistoryEntry>, DataAssetsError> {
        self.lock()
            .history()
            .iter()
            .map(HistoryEntry::new)
            .collect()
    }

    /// Returns the count and last hash of the history.
    pub fn head(&self) -> RegisterHead {
        let register = self.lock();
        let (count, hash) = register.head();
        RegisterHead {
            count: count_i64(count),
            hash: hash.to_owned(),
        }
    }

    /// Checks the hash chain and that replaying the history gives the current state.
    ///
    /// # Errors
    ///
    /// `register.chain_broken` naming the first bad entry, or `register.history_inconsistent`.
    pub fn verify(&self) -> Result<(), DataAssetsError> {
        Ok(self.lock().verify()?)
    }
}

/// Restores a register written by `Register.toJson()`; call `verify` before trusting it.
///
/// # Errors
///
/// `ffi.invalid_json` when the text is not a register.
#[uniffi::export]
pub fn register_from_json(json: String) -> Result<Arc<Register>, DataAssetsError> {
    let register = ConversionError::from_json(&json, "register_json", REGISTER_JSON)?;
    Ok(Arc::new(Register {
        inner: Mutex::new(register),
    }))
}

/// Returns the core's example asset as JSON, a starting point for building assets in Java.
///
/// # Errors
///
/// `ffi.invalid_json` only if serialization fails.
#[uniffi::export]
pub fn example_asset_json() -> Result<String, DataAssetsError> {
    ConversionError::to_json(&DataAsset::example(), "asset")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> ChangeMeta {
        ChangeMeta {
            actor: "张三".into(),
            at: "2026-03-01T09:00:00".parse().unwrap(),
            reason: "入账".into(),
        }
    }

    #[test]
    fn add_and_verify() {
        let register = Register::new();
        register.add(example_asset_json().unwrap(), meta()).unwrap();
        assert_eq!(register.len(), 1);
        assert_eq!(register.history().unwrap()[0].kind, ChangeKind::Added);
        register.verify().unwrap();
        let copy = register_from_json(register.to_json().unwrap()).unwrap();
        assert_eq!(copy.head(), register.head());
    }

    #[test]
    fn add_maps_invalid_json() {
        let error = Register::new().add("{}".into(), meta()).unwrap_err();
        assert_eq!(error.code(), "ffi.invalid_json");
        assert_eq!(error.field(), "asset_json");
    }
}
