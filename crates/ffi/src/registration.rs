//! Registration (登记): information cards, certificates and the registration book
//! (市财资〔2025〕12号 part 3 task 3; 财资〔2024〕167号 task 2).
//!
//! Cards cross both ways: as typed records (`GovernmentCard`, `EnterpriseCard`) and as the JSON
//! payload the budget platform stores and sends, with its JSON Schema. Card validation reports
//! every problem at once: the exception's `problems` lists them all.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use data_assets_core::asset::{
    BookingStatus, DataAsset, DataCategory, OpenType, PersonalDataBasis, RightKind,
    RightsRegistration, SecurityGrade, SharingType, UpdateFrequency,
};
use data_assets_core::money::Amount;
use data_assets_core::registration::{
    self as core_registration, CardHolder, Certificate, CertificateNumber, EnterpriseBasicInfo,
    EnterpriseCard, EnterpriseCardFacts, EnterpriseManagementInfo, EnterpriseRightsInfo,
    EnterpriseUsageInfo, InfoCard, OperationStatus, RegistrationEvent, RegistrationEventKind,
    RegistrationRecord, RightHolding,
};

use crate::error::{ConversionError, DataAssetsError, Problem};
use crate::vocab::vocabulary;

const ASSET_JSON: &str = "a DataAsset as JSON, such as AssetView.getAssetJson() returns";
const BOOK_JSON: &str = "a registration book as written by RegistrationBook.toJson()";

vocabulary! {
    /// 授权运营情况 of an asset on its card.
    OperationStatus {
        /// 未授权运营.
        NotAuthorized,
        /// 已授权运营.
        Authorized,
    }
    code: operation_status_code,
    label: operation_status_label_zh,
    parse: parse_operation_status,
}

/// The unit named on a card or certificate.
#[uniffi::remote(Record)]
pub struct CardHolder {
    /// Unit name (单位名称).
    pub name: String,
    /// 统一社会信用代码.
    pub credit_code: String,
}

/// 数据资产信息卡 of a government unit, filled in the provincial budget platform. Mirrors the
/// core card with signed counts, since Java has no unsigned integers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct GovernmentCard {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// 数据资产名称.
    pub name: String,
    /// 简介.
    pub summary: String,
    /// 权属: the unit that owns the asset.
    pub holder: CardHolder,
    /// 分类 by origin.
    pub category: DataCategory,
    /// 是否确权登记.
    pub rights_registration: RightsRegistration,
    /// 财务入账状态.
    pub booking_status: BookingStatus,
    /// 数据表数量.
    pub table_count: i64,
    /// 数据项数量 over all tables.
    pub field_count: i64,
    /// 数据记录数.
    pub record_count: i64,
    /// 开放类型.
    pub open_type: OpenType,
    /// 开放条件, required when the open type is conditional.
    pub open_conditions: Option<String>,
    /// 共享类型.
    pub sharing_type: SharingType,
    /// 共享条件, required when the sharing type is conditional.
    pub sharing_conditions: Option<String>,
    /// 安全级别.
    pub security_grade: SecurityGrade,
    /// 更新频率.
    pub update_frequency: UpdateFrequency,
    /// 来源系统, at least one.
    pub source_systems: Vec<String>,
    /// 授权运营情况.
    pub operation_status: OperationStatus,
    /// 账面价值; 0.00 when the asset is not booked.
    pub book_value: Amount,
    /// Whether the data contains personal information.
    pub contains_personal_data: bool,
    /// Basis for holding personal data.
    pub personal_data_basis: PersonalDataBasis,
}

impl From<core_registration::GovernmentCard> for GovernmentCard {
    fn from(card: core_registration::GovernmentCard) -> Self {
        let count = |n: u64| i64::try_from(n).unwrap_or(i64::MAX);
        GovernmentCard {
            asset_id: card.asset_id,
            name: card.name,
            summary: card.summary,
            holder: card.holder,
            category: card.category,
            rights_registration: card.rights_registration,
            booking_status: card.booking_status,
            table_count: count(card.table_count),
            field_count: count(card.field_count),
            record_count: count(card.record_count),
            open_type: card.open_type,
            open_conditions: card.open_conditions,
            sharing_type: card.sharing_type,
            sharing_conditions: card.sharing_conditions,
            security_grade: card.security_grade,
            update_frequency: card.update_frequency,
            source_systems: card.source_systems,
            operation_status: card.operation_status,
            book_value: card.book_value,
            contains_personal_data: card.contains_personal_data,
            personal_data_basis: card.personal_data_basis,
        }
    }
}

impl GovernmentCard {
    fn into_core(self) -> Result<core_registration::GovernmentCard, DataAssetsError> {
        Ok(core_registration::GovernmentCard {
            asset_id: self.asset_id,
            name: self.name,
            summary: self.summary,
            holder: self.holder,
            category: self.category,
            rights_registration: self.rights_registration,
            booking_status: self.booking_status,
            table_count: ConversionError::int(self.table_count, "table_count")?,
            field_count: ConversionError::int(self.field_count, "field_count")?,
            record_count: ConversionError::int(self.record_count, "record_count")?,
            open_type: self.open_type,
            open_conditions: self.open_conditions,
            sharing_type: self.sharing_type,
            sharing_conditions: self.sharing_conditions,
            security_grade: self.security_grade,
            update_frequency: self.update_frequency,
            source_systems: self.source_systems,
            operation_status: self.operation_status,
            book_value: self.book_value,
            contains_personal_data: self.contains_personal_data,
            personal_data_basis: self.personal_data_basis,
        })
    }
}

/// One data right and its holder.
#[uniffi::remote(Record)]
pub struct RightHolding {
    /// The right.
    pub right: RightKind,
    /// Holder of the right.
    pub holder: CardHolder,
}

/// 基本信息 of an enterprise asset info card.
#[uniffi::remote(Record)]
pub struct EnterpriseBasicInfo {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Asset name.
    pub name: String,
    /// Summary.
    pub summary: String,
    /// Enterprise that owns the asset.
    pub holder: CardHolder,
    /// Category by origin.
    pub category: DataCategory,
    /// Booking status.
    pub booking_status: BookingStatus,
    /// Book value; 0.00 when the asset is not booked.
    pub book_value: Amount,
    /// Information systems the data comes from, at least one.
    pub source_systems: Vec<String>,
    /// Whether the data contains personal information.
    pub contains_personal_data: bool,
    /// Basis for holding personal data.
    pub personal_data_basis: PersonalDataBasis,
}

/// 权利信息 of an enterprise asset info card.
#[uniffi::remote(Record)]
pub struct EnterpriseRightsInfo {
    /// Rights and holders; the card's holder must hold the 数据资源持有权.
    pub rights: Vec<RightHolding>,
    /// Rights registration status.
    pub rights_registration: RightsRegistration,
    /// Registration number, required when the rights are registered.
    pub registration_number: Option<String>,
}

/// 使用信息 of an enterprise asset info card.
#[uniffi::remote(Record)]
pub struct EnterpriseUsageInfo {
    /// Application scenarios (应用场景).
    pub scenarios: Vec<String>,
    /// Licensees (被许可方), by name.
    pub licensees: Vec<String>,
    /// Data products built on the asset.
    pub products: Vec<String>,
}

/// 管理信息 of an enterprise asset info card.
#[uniffi::remote(Record)]
pub struct EnterpriseManagementInfo {
    /// Security grade.
    pub security_grade: SecurityGrade,
    /// Department responsible for the asset (责任部门).
    pub responsible_department: String,
    /// Whether a data-asset security management system is in place.
    pub has_security_system: bool,
    /// Whether an emergency plan is in place.
    pub has_emergency_plan: bool,
    /// Update frequency.
    pub update_frequency: UpdateFrequency,
}

/// Asset info card (资产信息卡片) of a state-owned enterprise.
#[uniffi::remote(Record)]
pub struct EnterpriseCard {
    /// 基本信息.
    pub basic: EnterpriseBasicInfo,
    /// 权利信息.
    pub rights: EnterpriseRightsInfo,
    /// 使用信息.
    pub usage: EnterpriseUsageInfo,
    /// 管理信息.
    pub management: EnterpriseManagementInfo,
}

/// A data-asset certificate (数据资产证书): number, asset, holder, date and the card's
/// fingerprint.
#[uniffi::remote(Record)]
pub struct Certificate {
    /// Certificate number, such as `DA-450300-2025-000123-M`.
    pub number: String,
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Holder on the certificate.
    pub holder: CardHolder,
    /// Date of issue.
    pub issued_on: NaiveDate,
    /// SHA-256 of the card's canonical JSON.
    pub fingerprint: String,
}

/// Kind of registration event.
#[uniffi::remote(Enum)]
pub enum RegistrationEventKind {
    /// 初始登记, with the certificate issued for it.
    Initial {
        /// Holder on the certificate.
        holder: CardHolder,
        /// Number of the certificate issued.
        certificate_number: String,
    },
    /// 变更登记: a changed card, identified by its new fingerprint.
    Change {
        /// Fingerprint of the changed card.
        fingerprint: String,
        /// What changed.
        description: String,
    },
    /// 转移登记: the asset passes to a new holder.
    Transfer {
        /// The new holder.
        new_holder: CardHolder,
    },
    /// 续展: a renewal that replaces the certificate.
    Renewal {
        /// Number of the new certificate.
        certificate_number: String,
    },
    /// 注销登记: nothing may follow.
    Cancellation {
        /// Reason for the cancellation.
        reason: String,
    },
}

/// One registration event with who recorded it and when.
#[uniffi::remote(Record)]
pub struct RegistrationEvent {
    /// What happened.
    pub kind: RegistrationEventKind,
    /// Actor who recorded the event.
    pub actor: String,
    /// Date of the event.
    pub date: NaiveDate,
}

/// The state of one asset's registration and its events.
#[uniffi::remote(Record)]
pub struct RegistrationRecord {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Current holder.
    pub holder: CardHolder,
    /// Number of the current certificate.
    pub certificate_number: String,
    /// Whether the registration was cancelled.
    pub cancelled: bool,
    /// Every event, oldest first.
    pub events: Vec<RegistrationEvent>,
}

fn problems<E: data_assets_core::ErrorDetail>(errors: &[E]) -> Vec<Problem> {
    errors.iter().map(Problem::new).collect()
}

fn schema_text(schema: &serde_json::Value) -> Result<String, DataAssetsError> {
    ConversionError::to_json(schema, "schema")
}

/// The facts of an enterprise card that the ledger does not keep.
#[uniffi::remote(Record)]
pub struct EnterpriseCardFacts {
    /// Rights registration number, when the rights are registered.
    pub registration_number: Option<String>,
    /// 使用信息.
    pub usage: EnterpriseUsageInfo,
    /// Department responsible for the asset (责任部门).
    pub responsible_department: String,
    /// Whether a data-asset security management system is in place.
    pub has_security_system: bool,
    /// Whether an emergency plan is in place.
    pub has_emergency_plan: bool,
    /// Holders of rights other than the asset's holder, with their credit codes.
    pub other_holders: Vec<CardHolder>,
}

/// Fills a government card from a ledger asset, given as JSON, and its book value; validate it
/// before issuing a certificate.
///
/// # Errors
///
/// `ffi.invalid_json` for text that is not an asset.
#[uniffi::export]
pub fn government_card_from_asset(
    asset_json: String,
    book_value: Amount,
) -> Result<GovernmentCard, DataAssetsError> {
    let asset: DataAsset = ConversionError::from_json(&asset_json, "asset_json", ASSET_JSON)?;
    Ok(core_registration::GovernmentCard::from_asset(&asset, book_value).into())
}

/// Fills an enterprise card from a ledger asset, given as JSON, its book value and the facts
/// the ledger does not keep.
///
/// # Errors
///
/// `ffi.invalid_json` for text that is not an asset.
#[uniffi::export]
pub fn enterprise_card_from_asset(
    asset_json: String,
    book_value: Amount,
    facts: EnterpriseCardFacts,
) -> Result<EnterpriseCard, DataAssetsError> {
    let asset: DataAsset = ConversionError::from_json(&asset_json, "asset_json", ASSET_JSON)?;
    Ok(EnterpriseCard::from_asset(&asset, book_value, facts))
}

/// Returns the JSON Schema of the government card payload.
///
/// # Errors
///
/// `ffi.invalid_json` only if serialization fails.
#[uniffi::export]
pub fn government_card_schema() -> Result<String, DataAssetsError> {
    schema_text(&core_registration::government_card_schema())
}

/// Returns the JSON Schema of the enterprise card payload.
///
/// # Errors
///
/// `ffi.invalid_json` only if serialization fails.
#[uniffi::export]
pub fn enterprise_card_schema() -> Result<String, DataAssetsError> {
    schema_text(&core_registration::enterprise_card_schema())
}

/// Reads and validates a government card payload.
///
/// # Errors
///
/// `registration.json_*` for text that is not a card, `registration.missing_field` for each
/// required field left out, and the card rules (`registration.missing_conditions`,
/// `registration.personal_data_without_basis`, …); the exception's `problems` lists them all.
#[uniffi::export]
pub fn parse_government_card(json: String) -> Result<GovernmentCard, DataAssetsError> {
    core_registration::parse_card_json::<core_registration::GovernmentCard>(&json)
        .map(GovernmentCard::from)
        .map_err(|errors| DataAssetsError::all(&errors))
}

/// Reads and validates an enterprise card payload.
///
/// # Errors
///
/// As [`parse_government_card`], plus the enterprise rules (the holder must hold the
/// 数据资源持有权, no licensee of core data, …).
#[uniffi::export]
pub fn parse_enterprise_card(json: String) -> Result<EnterpriseCard, DataAssetsError> {
    core_registration::parse_card_json::<EnterpriseCard>(&json)
        .map_err(|errors| DataAssetsError::all(&errors))
}

/// Writes a government card as its JSON payload.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative count.
#[uniffi::export]
pub fn government_card_to_json(card: GovernmentCard) -> Result<String, DataAssetsError> {
    ConversionError::to_json(&card.into_core()?, "card")
}

/// Writes an enterprise card as its JSON payload.
///
/// # Errors
///
/// `ffi.invalid_json` only if serialization fails.
#[uniffi::export]
pub fn enterprise_card_to_json(card: EnterpriseCard) -> Result<String, DataAssetsError> {
    ConversionError::to_json(&card, "card")
}

/// Lists every problem of a government card; an empty list means it is valid.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative count.
#[uniffi::export]
pub fn government_card_problems(card: GovernmentCard) -> Result<Vec<Problem>, DataAssetsError> {
    Ok(problems(&card.into_core()?.problems()))
}

/// Lists every problem of an enterprise card; an empty list means it is valid.
#[uniffi::export]
pub fn enterprise_card_problems(card: EnterpriseCard) -> Vec<Problem> {
    problems(&card.problems())
}

/// Builds a certificate number from its region, year and sequence, with its check character.
///
/// # Errors
///
/// `registration.invalid_certificate_number` for a region that is not six digits, a year
/// outside 2000–2999 or a sequence outside 1–999999.
#[uniffi::export]
pub fn certificate_number(
    region_code: String,
    year: i32,
    sequence: i64,
) -> Result<String, DataAssetsError> {
    let year = ConversionError::int(year, "year")?;
    let sequence = ConversionError::int(sequence, "sequence")?;
    Ok(CertificateNumber::new(&region_code, year, sequence)?.to_string())
}

/// The parts of a certificate number read back from its text.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CertificateNumberParts {
    /// Six-digit administrative division code, such as `450300`.
    pub region_code: String,
    /// Year of issue, 2000 to 2999.
    pub year: i32,
    /// Sequence within region and year, 1 to 999999.
    pub sequence: i64,
}

/// Parses a certificate number `DA-RRRRRR-YYYY-NNNNNN-C` and checks its check character.
///
/// # Errors
///
/// `registration.invalid_certificate_number` for text that is not in that form,
/// `registration.check_character_mismatch` when the check character does not match the digits.
#[uniffi::export]
pub fn parse_certificate_number(number: String) -> Result<CertificateNumberParts, DataAssetsError> {
    let number: CertificateNumber = number.parse()?;
    Ok(CertificateNumberParts {
        region_code: number.region_code().to_owned(),
        year: i32::from(number.year()),
        sequence: i64::from(number.sequence()),
    })
}

/// Computes the check character of the 16 digits of a certificate number, which are the region,
/// year and sequence without separators. Returns `None` (null in Java) unless `digits` is 16
/// ASCII digits.
#[uniffi::export]
pub fn certificate_check_character(digits: String) -> Option<String> {
    core_registration::check_character(&digits).map(String::from)
}

/// Writes the canonical JSON of a government card: sorted keys, no spaces, amounts with two
/// decimals. Its SHA-256 is the card's fingerprint.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative count.
#[uniffi::export]
pub fn government_card_canonical_json(card: GovernmentCard) -> Result<String, DataAssetsError> {
    Ok(core_registration::canonical_json(&card.into_core()?))
}

/// Computes the fingerprint a certificate records for a government card: the SHA-256 of its
/// canonical JSON, as 64 lowercase hex digits.
///
/// # Errors
///
/// `ffi.out_of_range` for a negative count.
#[uniffi::export]
pub fn government_card_fingerprint(card: GovernmentCard) -> Result<String, DataAssetsError> {
    Ok(core_registration::fingerprint(&card.into_core()?))
}

/// Writes the canonical JSON of an enterprise card, as [`government_card_canonical_json`] does.
#[uniffi::export]
pub fn enterprise_card_canonical_json(card: EnterpriseCard) -> String {
    core_registration::canonical_json(&card)
}

/// Computes the fingerprint of an enterprise card, as [`government_card_fingerprint`] does.
#[uniffi::export]
pub fn enterprise_card_fingerprint(card: EnterpriseCard) -> String {
    core_registration::fingerprint(&card)
}

/// Issues a certificate for a valid government card.
///
/// # Errors
///
/// `registration.invalid_certificate_number` or `registration.check_character_mismatch` for
/// the number; the card's problems, all listed in `problems`.
#[uniffi::export]
pub fn issue_government_certificate(
    number: String,
    card: GovernmentCard,
    issued_on: NaiveDate,
) -> Result<Certificate, DataAssetsError> {
    let number: CertificateNumber = number.parse()?;
    Certificate::issue(&number, &card.into_core()?, issued_on)
        .map_err(|errors| DataAssetsError::all(&errors))
}

/// Issues a certificate for a valid enterprise card.
///
/// # Errors
///
/// As [`issue_government_certificate`].
#[uniffi::export]
pub fn issue_enterprise_certificate(
    number: String,
    card: EnterpriseCard,
    issued_on: NaiveDate,
) -> Result<Certificate, DataAssetsError> {
    let number: CertificateNumber = number.parse()?;
    Certificate::issue(&number, &card, issued_on).map_err(|errors| DataAssetsError::all(&errors))
}

/// Checks that a certificate belongs to a government card as it is now.
///
/// # Errors
///
/// `registration.certificate_mismatch` when the asset or holder differs,
/// `registration.fingerprint_mismatch` when any other field changed since issue.
#[uniffi::export]
pub fn verify_government_certificate(
    certificate: Certificate,
    card: GovernmentCard,
) -> Result<(), DataAssetsError> {
    Ok(core_registration::verify(&certificate, &card.into_core()?)?)
}

/// Checks that a certificate belongs to an enterprise card as it is now.
///
/// # Errors
///
/// As [`verify_government_certificate`].
#[uniffi::export]
pub fn verify_enterprise_certificate(
    certificate: Certificate,
    card: EnterpriseCard,
) -> Result<(), DataAssetsError> {
    Ok(core_registration::verify(&certificate, &card)?)
}

/// The registration book: every asset's registration and its events. Safe to share between
/// threads.
#[derive(Debug, uniffi::Object)]
pub struct RegistrationBook {
    inner: Mutex<core_registration::RegistrationBook>,
}

impl RegistrationBook {
    fn lock(&self) -> MutexGuard<'_, core_registration::RegistrationBook> {
        // An event is checked before it is stored, so a poisoned lock still holds a
        // consistent book.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[uniffi::export]
impl RegistrationBook {
    /// Opens an empty book.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(RegistrationBook {
            inner: Mutex::new(core_registration::RegistrationBook::default()),
        })
    }

    /// Records an event for `asset_id` and returns the record after it.
    ///
    /// # Errors
    ///
    /// `registration.already_registered`, `registration.not_registered`,
    /// `registration.cancelled`, `registration.transfer_to_same_holder`,
    /// `registration.date_out_of_order`, `registration.missing_field`.
    pub fn record(
        &self,
        asset_id: String,
        event: RegistrationEvent,
    ) -> Result<RegistrationRecord, DataAssetsError> {
        Ok(self.lock().record(&asset_id, event)?.clone())
    }

    /// Records the initial registration of an issued certificate.
    ///
    /// # Errors
    ///
    /// The errors of [`RegistrationBook::record`].
    pub fn register_certificate(
        &self,
        certificate: Certificate,
        actor: String,
    ) -> Result<RegistrationRecord, DataAssetsError> {
        Ok(self
            .lock()
            .register_certificate(&certificate, &actor)?
            .clone())
    }

    /// Returns the record of `asset_id`, if registered.
    pub fn get(&self, asset_id: String) -> Option<RegistrationRecord> {
        self.lock().get(&asset_id).cloned()
    }

    /// Lists every record, by asset id.
    pub fn records(&self) -> Vec<RegistrationRecord> {
        self.lock().records().cloned().collect()
    }

    /// Writes the book as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn to_json(&self) -> Result<String, DataAssetsError> {
        ConversionError::to_json(&*self.lock(), "registration_book")
    }
}

/// Restores a book written by `RegistrationBook.toJson()`.
///
/// # Errors
///
/// `ffi.invalid_json` when the text is not a registration book.
#[uniffi::export]
pub fn registration_book_from_json(json: String) -> Result<Arc<RegistrationBook>, DataAssetsError> {
    let book = ConversionError::from_json(&json, "registration_book_json", BOOK_JSON)?;
    Ok(Arc::new(RegistrationBook {
        inner: Mutex::new(book),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card() -> GovernmentCard {
        let asset = crate::register::example_asset_json().unwrap();
        government_card_from_asset(asset, Amount::ZERO).unwrap()
    }

    #[test]
    fn certificate_number_example() {
        let number = certificate_number("450300".into(), 2025, 123).unwrap();
        assert_eq!(number, "DA-450300-2025-000123-M");
    }

    #[test]
    fn parse_certificate_number_reads_parts() {
        let parts = parse_certificate_number("DA-450321-2025-000042-2".into()).unwrap();
        assert_eq!(parts.region_code, "450321");
        assert_eq!(parts.year, 2025);
        assert_eq!(parts.sequence, 42);
    }

    #[test]
    fn parse_certificate_number_maps_mismatch() {
        let error = parse_certificate_number("DA-450321-2025-000042-3".into()).unwrap_err();
        assert_eq!(error.code(), "registration.check_character_mismatch");
    }

    #[test]
    fn check_character_needs_sixteen_digits() {
        let check = certificate_check_character("4503002025000123".into());
        assert_eq!(check.as_deref(), Some("M"));
        assert_eq!(certificate_check_character("450300202500012".into()), None);
    }

    #[test]
    fn certificate_records_card_fingerprint() {
        let number = certificate_number("450300".into(), 2025, 1).unwrap();
        let issued_on = NaiveDate::from_ymd_opt(2025, 11, 28).unwrap();
        let certificate = issue_government_certificate(number, card(), issued_on).unwrap();
        let fingerprint = government_card_fingerprint(card()).unwrap();
        assert_eq!(certificate.fingerprint, fingerprint);
        assert_eq!(fingerprint.len(), 64);
        let canonical = government_card_canonical_json(card()).unwrap();
        assert!(canonical.starts_with(r#"{"asset_id":"#));
    }

    #[test]
    fn negative_count_rejected() {
        let mut card = card();
        card.table_count = -1;
        let error = government_card_to_json(card).unwrap_err();
        assert_eq!(error.code(), "ffi.out_of_range");
        assert_eq!(error.field(), "table_count");
    }

    #[test]
    fn card_payload_round_trips() {
        let json = government_card_to_json(card()).unwrap();
        assert_eq!(parse_government_card(json).unwrap(), card());
    }
}
