//! Information cards (信息卡) of government units and enterprises, their JSON Schema and their
//! validation.

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{RegistrationError, missing};
use crate::asset::{
    BookingStatus, DataCategory, OpenType, PersonalDataBasis, RightKind, RightsRegistration,
    SecurityGrade, SharingType, UpdateFrequency,
};
use crate::money::{Amount, FEN_SCALE};

crate::vocab! {
    /// Authorized-operation status shown on a card (授权运营情况).
    pub enum OperationStatus {
        /// 未授权运营.
        NotAuthorized = ("not_authorized", "未授权运营"),
        /// 已授权运营.
        Authorized = ("authorized", "已授权运营"),
    }
}

/// Unit that owns the asset (权属), with its name and 统一社会信用代码.
///
/// The credit code is kept as text here; checking its check character belongs to the entity
/// module.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CardHolder {
    /// Unit name (单位名称).
    #[schemars(length(min = 1))]
    pub name: String,
    /// 统一社会信用代码 (18 characters, GB 32100-2015).
    #[schemars(length(min = 1))]
    pub credit_code: String,
}

/// 数据资产信息卡 of a government unit, filled in the provincial budget platform.
///
/// The fields are the ledger key fields of 市财资〔2025〕12号 (name, summary, ownership,
/// category, rights registration, booking status), the card items that plan names (number of
/// data tables, open type, authorized operation) and the government data-catalog attributes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GovernmentCard {
    /// Ledger id of the asset.
    #[schemars(length(min = 1))]
    pub asset_id: String,
    /// 数据资产名称.
    #[schemars(length(min = 1))]
    pub name: String,
    /// 简介.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// 权属: the unit that owns the asset.
    pub holder: CardHolder,
    /// 分类 by origin (数据二十条 art. 3).
    pub category: DataCategory,
    /// 是否确权登记.
    pub rights_registration: RightsRegistration,
    /// 财务入账状态.
    pub booking_status: BookingStatus,
    /// 数据表数量.
    pub table_count: u64,
    /// Number of data fields (数据项数量) over all tables.
    pub field_count: u64,
    /// Number of records (数据记录数).
    pub record_count: u64,
    /// 开放类型.
    pub open_type: OpenType,
    /// 开放条件, required when the open type is conditional.
    #[serde(default)]
    pub open_conditions: Option<String>,
    /// 共享类型.
    pub sharing_type: SharingType,
    /// 共享条件, required when the sharing type is conditional.
    #[serde(default)]
    pub sharing_conditions: Option<String>,
    /// 安全级别 (数据安全法 art. 21).
    pub security_grade: SecurityGrade,
    /// 更新频率.
    pub update_frequency: UpdateFrequency,
    /// Information systems the data comes from (来源系统), at least one.
    #[schemars(length(min = 1))]
    pub source_systems: Vec<String>,
    /// 授权运营情况.
    pub operation_status: OperationStatus,
    /// 账面价值 in yuan; 0.00 when the asset is not booked.
    pub book_value: Amount,
    /// Whether the data contains personal information.
    pub contains_personal_data: bool,
    /// Basis for holding personal data.
    pub personal_data_basis: PersonalDataBasis,
}

/// One data right and its holder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightHolding {
    /// The right (数据二十条 art. 3).
    pub right: RightKind,
    /// Holder of the right.
    pub holder: CardHolder,
}

/// 基本信息 of an enterprise asset info card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseBasicInfo {
    /// Ledger id of the asset.
    #[schemars(length(min = 1))]
    pub asset_id: String,
    /// Asset name.
    #[schemars(length(min = 1))]
    pub name: String,
    /// Summary.
    #[schemars(length(min = 1))]
    pub summary: String,
    /// The enterprise that holds the asset.
    pub holder: CardHolder,
    /// Category by origin.
    pub category: DataCategory,
    /// Booking status (存货, 无形资产, 研发支出 and so on).
    pub booking_status: BookingStatus,
    /// Book value in yuan; 0.00 when the asset is not booked.
    pub book_value: Amount,
    /// Information systems the data comes from, at least one.
    #[schemars(length(min = 1))]
    pub source_systems: Vec<String>,
    /// Whether the data contains personal information.
    pub contains_personal_data: bool,
    /// Basis for holding personal data.
    pub personal_data_basis: PersonalDataBasis,
}

/// 权利信息 of an enterprise asset info card: the three rights and their holders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseRightsInfo {
    /// Rights and holders; the card's holder must hold the 数据资源持有权.
    #[schemars(length(min = 1))]
    pub rights: Vec<RightHolding>,
    /// Rights registration status.
    pub rights_registration: RightsRegistration,
    /// Registration number, required when the rights are registered.
    #[serde(default)]
    pub registration_number: Option<String>,
}

/// 使用信息 of an enterprise asset info card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseUsageInfo {
    /// Application scenarios (应用场景).
    #[serde(default)]
    pub scenarios: Vec<String>,
    /// Licensees (被许可方), by name.
    #[serde(default)]
    pub licensees: Vec<String>,
    /// Data products built on the asset.
    #[serde(default)]
    pub products: Vec<String>,
}

/// 管理信息 of an enterprise asset info card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseManagementInfo {
    /// Security grade.
    pub security_grade: SecurityGrade,
    /// Department responsible for the asset (责任部门).
    #[schemars(length(min = 1))]
    pub responsible_department: String,
    /// Whether a data-asset security management system is in place (安全管理制度).
    pub has_security_system: bool,
    /// Whether an emergency plan is in place (应急预案).
    pub has_emergency_plan: bool,
    /// Update frequency.
    pub update_frequency: UpdateFrequency,
}

/// Asset info card (资产信息卡片) of a state-owned enterprise, in the four sections of
/// 市财资〔2025〕12号: basic, rights, usage and management information.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterpriseCard {
    /// 基本信息.
    pub basic: EnterpriseBasicInfo,
    /// 权利信息.
    pub rights: EnterpriseRightsInfo,
    /// 使用信息.
    #[serde(default)]
    pub usage: EnterpriseUsageInfo,
    /// 管理信息.
    pub management: EnterpriseManagementInfo,
}

/// Behaviour shared by both kinds of card: identity, validation and a canonical form.
pub trait InfoCard: Serialize + DeserializeOwned + JsonSchema + Clone {
    /// Ledger id of the asset.
    fn asset_id(&self) -> &str;

    /// Unit that holds the asset.
    fn holder(&self) -> &CardHolder;

    /// Lists every problem of the card, in field order; empty when the card is valid.
    fn problems(&self) -> Vec<RegistrationError>;

    /// Returns a copy whose amounts are written with exactly two decimal places when they have
    /// at most two, so that `100`, `100.0` and `100.00` give the same fingerprint.
    #[must_use]
    fn with_canonical_amounts(&self) -> Self;

    /// Checks the card and returns every problem, not only the first.
    ///
    /// # Errors
    ///
    /// The list of [`RegistrationError`]s from [`InfoCard::problems`] when it is not empty.
    fn validate(&self) -> Result<(), Vec<RegistrationError>> {
        let problems = self.problems();
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }
}

impl InfoCard for GovernmentCard {
    fn asset_id(&self) -> &str {
        &self.asset_id
    }

    fn holder(&self) -> &CardHolder {
        &self.holder
    }

    fn problems(&self) -> Vec<RegistrationError> {
        let mut out = Vec::new();
        require_text(&mut out, "asset_id", &self.asset_id);
        require_text(&mut out, "name", &self.name);
        require_text(&mut out, "summary", &self.summary);
        check_holder(&mut out, "holder", &self.holder);
        check_counts(
            &mut out,
            self.table_count,
            self.field_count,
            self.record_count,
        );
        check_open_and_sharing(&mut out, self);
        check_security(&mut out, self.security_grade, self.operation_status);
        require_list(&mut out, "source_systems", &self.source_systems);
        check_book_value(&mut out, "book_value", self.book_value, self.booking_status);
        check_personal_data(
            &mut out,
            "personal_data_basis",
            self.category,
            self.contains_personal_data,
            self.personal_data_basis,
        );
        out
    }

    fn with_canonical_amounts(&self) -> Self {
        let mut card = self.clone();
        card.book_value = fen_scaled(card.book_value);
        card
    }
}

impl InfoCard for EnterpriseCard {
    fn asset_id(&self) -> &str {
        &self.basic.asset_id
    }

    fn holder(&self) -> &CardHolder {
        &self.basic.holder
    }

    fn problems(&self) -> Vec<RegistrationError> {
        let mut out = Vec::new();
        let basic = &self.basic;
        require_text(&mut out, "basic.asset_id", &basic.asset_id);
        require_text(&mut out, "basic.name", &basic.name);
        require_text(&mut out, "basic.summary", &basic.summary);
        check_holder(&mut out, "basic.holder", &basic.holder);
        require_list(&mut out, "basic.source_systems", &basic.source_systems);
        check_book_value(
            &mut out,
            "basic.book_value",
            basic.book_value,
            basic.booking_status,
        );
        check_personal_data(
            &mut out,
            "basic.personal_data_basis",
            basic.category,
            basic.contains_personal_data,
            basic.personal_data_basis,
        );
        check_rights(&mut out, &basic.holder, &self.rights);
        check_usage(&mut out, &self.usage, self.management.security_grade);
        require_text(
            &mut out,
            "management.responsible_department",
            &self.management.responsible_department,
        );
        out
    }

    fn with_canonical_amounts(&self) -> Self {
        let mut card = self.clone();
        card.basic.book_value = fen_scaled(card.basic.book_value);
        card
    }
}

fn require_text(out: &mut Vec<RegistrationError>, field: &str, value: &str) {
    if crate::text::is_blank(value) {
        out.push(missing(field));
    }
}

fn require_list(out: &mut Vec<RegistrationError>, field: &str, values: &[String]) {
    if values.is_empty() {
        out.push(missing(field));
    }
    for (index, value) in values.iter().enumerate() {
        require_text(out, &format!("{field}[{index}]"), value);
    }
}

fn check_holder(out: &mut Vec<RegistrationError>, field: &str, holder: &CardHolder) {
    require_text(out, &format!("{field}.name"), &holder.name);
    require_text(out, &format!("{field}.credit_code"), &holder.credit_code);
}

/// Checks that every table has at least one field and that fields and records exist only inside
/// tables.
fn check_counts(out: &mut Vec<RegistrationError>, tables: u64, fields: u64, records: u64) {
    let counts = format!("tables {tables}, fields {fields}, records {records}");
    if tables > 0 && fields < tables {
        out.push(RegistrationError::InconsistentCounts {
            field: "field_count".into(),
            value: counts.clone(),
        });
    }
    if tables == 0 && fields > 0 {
        out.push(RegistrationError::InconsistentCounts {
            field: "field_count".into(),
            value: counts.clone(),
        });
    }
    if tables == 0 && records > 0 {
        out.push(RegistrationError::InconsistentCounts {
            field: "record_count".into(),
            value: counts,
        });
    }
}

/// Checks that data which is not shared between government bodies is not opened to the public
/// either (不予共享 ⇒ 不予开放, a rule of the government data-catalog schema). A conditional type
/// also states its conditions (the same catalog schema).
fn check_open_and_sharing(out: &mut Vec<RegistrationError>, card: &GovernmentCard) {
    if card.sharing_type == SharingType::NotShared && card.open_type != OpenType::NotOpen {
        out.push(RegistrationError::NotSharedButOpen {
            field: "open_type".into(),
            value: card.open_type.code().into(),
        });
    }
    if card.open_type == OpenType::Conditional && is_blank(card.open_conditions.as_deref()) {
        out.push(RegistrationError::MissingConditions {
            field: "open_conditions".into(),
            value: card.open_type.code().into(),
        });
    }
    if card.sharing_type == SharingType::Conditional && is_blank(card.sharing_conditions.as_deref())
    {
        out.push(RegistrationError::MissingConditions {
            field: "sharing_conditions".into(),
            value: card.sharing_type.code().into(),
        });
    }
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(crate::text::is_blank)
}

/// Checks that core data, which is under the strictest management (数据安全法 art. 21), is not
/// under authorized operation.
fn check_security(out: &mut Vec<RegistrationError>, grade: SecurityGrade, status: OperationStatus) {
    if grade == SecurityGrade::Core && status == OperationStatus::Authorized {
        out.push(RegistrationError::CoreDataAuthorized {
            field: "operation_status".into(),
            value: status.code().into(),
        });
    }
}

/// Checks that a book value is never negative, is booked to the fen, and is zero while the asset
/// is not booked (未入账).
fn check_book_value(
    out: &mut Vec<RegistrationError>,
    field: &str,
    value: Amount,
    booking: BookingStatus,
) {
    if value.is_negative() {
        out.push(RegistrationError::NegativeBookValue {
            field: field.into(),
            value: value.to_string(),
        });
    }
    if !value.is_fen() {
        out.push(RegistrationError::BookValueNotFen {
            field: field.into(),
            value: value.to_string(),
        });
    }
    if booking == BookingStatus::Unbooked && !value.is_zero() {
        out.push(RegistrationError::BookValueWithoutBooking {
            field: field.into(),
            value: value.to_string(),
        });
    }
}

/// Checks that personal data is anonymized (个人信息保护法 art. 4: anonymized information is not
/// personal information) or held with the persons' consent (个人信息保护法 art. 13). 财资〔2024〕1号
/// sends personal information in data assets to those laws.
fn check_personal_data(
    out: &mut Vec<RegistrationError>,
    field: &str,
    category: DataCategory,
    contains_personal_data: bool,
    basis: PersonalDataBasis,
) {
    let personal = contains_personal_data || category == DataCategory::Personal;
    if personal && basis == PersonalDataBasis::NoBasis {
        out.push(RegistrationError::PersonalDataWithoutBasis {
            field: field.into(),
            value: basis.code().into(),
        });
    }
}

/// Checks that the card's holder has the 数据资源持有权 (数据二十条 art. 3), that no right is
/// listed twice for the same holder, and that registered rights carry their number.
fn check_rights(
    out: &mut Vec<RegistrationError>,
    holder: &CardHolder,
    rights: &EnterpriseRightsInfo,
) {
    if rights.rights.is_empty() {
        out.push(missing("rights.rights"));
    }
    for (index, entry) in rights.rights.iter().enumerate() {
        let path = format!("rights.rights[{index}]");
        check_holder(out, &format!("{path}.holder"), &entry.holder);
        if rights
            .rights
            .iter()
            .take(index)
            .any(|earlier| earlier == entry)
        {
            out.push(RegistrationError::DuplicateRight {
                field: path,
                value: format!("{} {}", entry.right.code(), entry.holder.name),
            });
        }
    }
    let holds = rights.rights.iter().any(|e| {
        e.right == RightKind::Holding && e.holder.credit_code.trim() == holder.credit_code.trim()
    });
    if !rights.rights.is_empty() && !holds {
        out.push(RegistrationError::HolderLacksHoldingRight {
            field: "rights.rights".into(),
            value: holder.name.clone(),
        });
    }
    let registered = rights.rights_registration == RightsRegistration::Registered;
    if registered && is_blank(rights.registration_number.as_deref()) {
        out.push(RegistrationError::MissingRegistrationNumber {
            field: "rights.registration_number".into(),
            value: rights.rights_registration.code().into(),
        });
    }
}

fn check_usage(
    out: &mut Vec<RegistrationError>,
    usage: &EnterpriseUsageInfo,
    grade: SecurityGrade,
) {
    for (field, list) in [
        ("usage.scenarios", &usage.scenarios),
        ("usage.licensees", &usage.licensees),
        ("usage.products", &usage.products),
    ] {
        for (index, value) in list.iter().enumerate() {
            require_text(out, &format!("{field}[{index}]"), value);
        }
    }
    if grade == SecurityGrade::Core && !usage.licensees.is_empty() {
        out.push(RegistrationError::CoreDataAuthorized {
            field: "usage.licensees".into(),
            value: usage.licensees.join(", "),
        });
    }
}

/// Rewrites a fen-precise amount with exactly two decimal places; other amounts are kept.
fn fen_scaled(amount: Amount) -> Amount {
    let mut value: Decimal = amount.value().normalize();
    if value.scale() <= FEN_SCALE {
        value.rescale(FEN_SCALE);
    }
    Amount::new(value).unwrap_or(amount)
}

/// Builds the JSON Schema (draft 2020-12) of a card type.
pub fn json_schema<C: InfoCard>() -> serde_json::Value {
    schemars::schema_for!(C).to_value()
}

/// Builds the JSON Schema of [`GovernmentCard`], for integrators who check a payload before it
/// reaches the budget platform.
///
/// ```
/// let schema = data_assets_core::registration::government_card_schema();
/// let required = schema["required"].as_array().unwrap();
/// assert!(required.iter().any(|f| f == "table_count"));
/// ```
pub fn government_card_schema() -> serde_json::Value {
    json_schema::<GovernmentCard>()
}

/// Builds the JSON Schema of [`EnterpriseCard`].
pub fn enterprise_card_schema() -> serde_json::Value {
    json_schema::<EnterpriseCard>()
}

/// Parses a card from JSON and validates it, reporting every problem found.
///
/// A text that is not JSON gives one [`RegistrationError::JsonSyntax`] or
/// [`RegistrationError::JsonTruncated`]. A JSON object gives one
/// [`RegistrationError::MissingField`] for every required field it lacks, at any depth, before
/// the types and codes are checked. A wrong type, unknown code or unknown field gives
/// [`RegistrationError::JsonInvalidValue`]. A card that parses is then validated with
/// [`InfoCard::validate`].
///
/// # Errors
///
/// The list of problems described above.
///
/// ```
/// use data_assets_core::registration::{parse_card_json, GovernmentCard};
/// use data_assets_core::ErrorDetail;
/// let problems = parse_card_json::<GovernmentCard>("{\"name\": \"x\"").unwrap_err();
/// assert_eq!(problems[0].code(), "registration.json_truncated");
/// ```
pub fn parse_card_json<C: InfoCard>(text: &str) -> Result<C, Vec<RegistrationError>> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| vec![json_error(&e)])?;
    let schema = json_schema::<C>();
    let mut out = Vec::new();
    missing_required(&schema, &schema, &value, "", &mut out);
    if !out.is_empty() {
        return Err(out);
    }
    let card: C = serde_json::from_str(text).map_err(|e| vec![json_error(&e)])?;
    card.validate()?;
    Ok(card)
}

fn json_error(error: &serde_json::Error) -> RegistrationError {
    let (line, column) = (error.line(), error.column());
    let value = format!("{line}:{column}");
    let message = error.to_string();
    match error.classify() {
        serde_json::error::Category::Eof => RegistrationError::JsonTruncated {
            line,
            column,
            value,
        },
        serde_json::error::Category::Data => RegistrationError::JsonInvalidValue {
            line,
            column,
            message,
            value,
        },
        serde_json::error::Category::Syntax | serde_json::error::Category::Io => {
            RegistrationError::JsonSyntax {
                line,
                column,
                message,
                value,
            }
        }
    }
}

/// Walks `value` along `schema` and records every required property that is absent.
fn missing_required(
    root: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    path: &str,
    out: &mut Vec<RegistrationError>,
) {
    let schema = resolve(root, schema);
    let Some(object) = value.as_object() else {
        return;
    };
    let join = |name: &str| {
        if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(required) = schema.get("required").and_then(serde_json::Value::as_array) {
        for name in required.iter().filter_map(serde_json::Value::as_str) {
            if !object.contains_key(name) {
                out.push(missing(join(name)));
            }
        }
    }
    let Some(properties) = schema
        .get("properties")
        .and_then(serde_json::Value::as_object)
    else {
        return;
    };
    for (name, property) in properties {
        let Some(child) = object.get(name) else {
            continue;
        };
        if let Some(items) = child.as_array() {
            let item_schema = resolve(root, property)
                .get("items")
                .unwrap_or(&serde_json::Value::Null);
            for (index, item) in items.iter().enumerate() {
                missing_required(
                    root,
                    item_schema,
                    item,
                    &format!("{}[{index}]", join(name)),
                    out,
                );
            }
        } else {
            missing_required(root, property, child, &join(name), out);
        }
    }
}

/// Follows a local `$ref` such as `#/$defs/CardHolder`; any other schema is returned as is.
fn resolve<'a>(
    root: &'a serde_json::Value,
    schema: &'a serde_json::Value,
) -> &'a serde_json::Value {
    let target = schema
        .get("$ref")
        .and_then(serde_json::Value::as_str)
        .and_then(|r| r.strip_prefix('#'))
        .and_then(|pointer| root.pointer(pointer));
    target.unwrap_or(schema)
}
