//! Data assets (数据资产) and their controlled vocabularies.
//!
//! The vocabularies follow 数据二十条 (origin and the three rights), 数据安全法 art. 21 with
//! GB/T 43697-2024 (security grades), and the government data-catalog practice for open and
//! sharing types (不予共享 implies 不予开放).
//!
//! # Errors
//!
//! [`DataAsset::validate`] returns [`AssetError`]; field-rule failures found by the `validator`
//! derive are converted into [`AssetError::InvalidField`] with their field path.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;
use validator::{Validate, ValidationError};

use crate::entity::Uscc;
use crate::error::{ErrorDetail, flatten_validation};
use crate::money::Amount;

crate::vocab! {
    /// Origin of the data (数据二十条 art. 3).
    pub enum DataCategory {
        /// 公共数据: data produced by public bodies performing duties or providing public services.
        Public = ("public", "公共数据"),
        /// 企业数据: data produced by enterprises in their operations.
        Enterprise = ("enterprise", "企业数据"),
        /// 个人数据: personal data.
        Personal = ("personal", "个人数据"),
    }
}

crate::vocab! {
    /// Security grade (数据安全法 art. 21; GB/T 43697-2024 数据分类分级规则).
    pub enum SecurityGrade {
        /// 一般数据.
        General = ("general", "一般数据"),
        /// 重要数据.
        Important = ("important", "重要数据"),
        /// 核心数据.
        Core = ("core", "核心数据"),
    }
}

crate::vocab! {
    /// Open type of a government data resource (开放属性).
    pub enum OpenType {
        /// 无条件开放.
        Unconditional = ("unconditional", "无条件开放"),
        /// 有条件开放.
        Conditional = ("conditional", "有条件开放"),
        /// 不予开放.
        NotOpen = ("not_open", "不予开放"),
    }
}

crate::vocab! {
    /// Sharing type of a government data resource (共享属性).
    pub enum SharingType {
        /// 无条件共享.
        Unconditional = ("unconditional", "无条件共享"),
        /// 有条件共享.
        Conditional = ("conditional", "有条件共享"),
        /// 不予共享.
        NotShared = ("not_shared", "不予共享"),
    }
}

crate::vocab! {
    /// One of the three data rights of 数据二十条 art. 3 (三权分置).
    pub enum RightKind {
        /// 数据资源持有权: holding right.
        Holding = ("holding", "数据资源持有权"),
        /// 数据加工使用权: processing and use right.
        ProcessingUse = ("processing_use", "数据加工使用权"),
        /// 数据产品经营权: product operation right.
        ProductOperation = ("product_operation", "数据产品经营权"),
    }
}

crate::vocab! {
    /// How the asset was acquired, which decides its initial cost (政府会计准则第4号 art. 6–11;
    /// 企业数据资源相关会计处理暂行规定).
    pub enum AcquisitionRoute {
        /// 外购: purchased.
        Purchased = ("purchased", "外购"),
        /// 委托开发: developed on commission, treated as a purchase.
        Commissioned = ("commissioned", "委托开发"),
        /// 自行开发: self-developed.
        SelfDeveloped = ("self_developed", "自行开发"),
        /// 置换: exchanged.
        Exchanged = ("exchanged", "置换"),
        /// 接受捐赠: donated to the unit.
        Donated = ("donated", "接受捐赠"),
        /// 无偿调入: transferred in free of charge.
        TransferredIn = ("transferred_in", "无偿调入"),
        /// 履职生成: generated while performing duties, with no separable cost.
        GeneratedInDuties = ("generated_in_duties", "履职生成"),
    }
}

crate::vocab! {
    /// Financial booking status (财务入账状态) of a ledger entry.
    pub enum BookingStatus {
        /// 未入账: held and controlled but not on the balance sheet.
        Unbooked = ("unbooked", "未入账"),
        /// 无形资产: booked as an intangible asset.
        IntangibleAsset = ("intangible_asset", "无形资产"),
        /// 存货: booked as inventory (enterprises only).
        Inventory = ("inventory", "存货"),
        /// 研发支出: accumulating as development expenditure.
        DevelopmentExpenditure = ("development_expenditure", "研发支出"),
        /// 费用化: expensed when incurred.
        Expensed = ("expensed", "费用化"),
    }
}

crate::vocab! {
    /// Update frequency of a data resource (更新频率).
    pub enum UpdateFrequency {
        /// 实时.
        RealTime = ("real_time", "实时"),
        /// 每日.
        Daily = ("daily", "每日"),
        /// 每周.
        Weekly = ("weekly", "每周"),
        /// 每月.
        Monthly = ("monthly", "每月"),
        /// 每季度.
        Quarterly = ("quarterly", "每季度"),
        /// 每半年.
        HalfYearly = ("half_yearly", "每半年"),
        /// 每年.
        Yearly = ("yearly", "每年"),
        /// 不定期 or other.
        Irregular = ("irregular", "不定期"),
    }
}

crate::vocab! {
    /// Rights registration status (是否确权登记).
    pub enum RightsRegistration {
        /// 未登记.
        Unregistered = ("unregistered", "未登记"),
        /// 登记中.
        Pending = ("pending", "登记中"),
        /// 已登记.
        Registered = ("registered", "已登记"),
    }
}

crate::vocab! {
    /// Why the unit holds the data (持有目的), which separates intangibles from inventory for
    /// enterprises (企业数据资源相关会计处理暂行规定 part 2).
    pub enum HoldingPurpose {
        /// 自用: used by the unit or to serve customers.
        OwnUse = ("own_use", "自用"),
        /// 日常活动中持有以备出售: held for sale in the ordinary course of business.
        SaleInOrdinaryCourse = ("sale_in_ordinary_course", "持有待售"),
    }
}

crate::vocab! {
    /// Legal basis for processing personal information contained in the asset
    /// (个人信息保护法 art. 4 and art. 13).
    pub enum PersonalDataBasis {
        /// 已匿名化: anonymized, so no longer personal information (个人信息保护法 art. 4).
        Anonymized = ("anonymized", "已匿名化"),
        /// 取得个人同意: processed with the individuals' consent (个人信息保护法 art. 13(1)).
        Consent = ("consent", "取得个人同意"),
        /// 无: neither anonymized nor backed by consent. An asset of personal data with this basis
        /// has no lawful ground recorded, which the compliance rules report.
        NoBasis = ("none", "无"),
    }
}

/// Errors of data-asset validation.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum AssetError {
    /// A field failed a field rule (non-empty text, positive number and so on).
    #[error("invalid {field}: {value:?} is not allowed, expected {allowed}")]
    InvalidField {
        /// Path of the field, such as `holder.name`.
        field: String,
        /// Rejected value.
        value: String,
        /// Description of the accepted values.
        allowed: String,
    },
    /// The asset is 不予共享 but its open type is not 不予开放.
    #[error("asset marked not shared cannot be open: open type is {open_type}")]
    NotSharedButOpen {
        /// Open type found.
        open_type: OpenType,
    },
    /// A conditional open or sharing type has no conditions.
    #[error("{field} is missing for a conditional type")]
    ConditionsMissing {
        /// `open_conditions` or `sharing_conditions`.
        field: &'static str,
    },
    /// The cost is negative or finer than the fen.
    #[error("invalid cost {value}: {reason}")]
    InvalidCost {
        /// Rejected cost.
        value: String,
        /// `negative` or `not fen-precise`.
        reason: &'static str,
    },
}

impl ErrorDetail for AssetError {
    fn code(&self) -> &'static str {
        match self {
            AssetError::InvalidField { .. } => "asset.invalid_field",
            AssetError::NotSharedButOpen { .. } => "asset.not_shared_but_open",
            AssetError::ConditionsMissing { .. } => "asset.conditions_missing",
            AssetError::InvalidCost { .. } => "asset.invalid_cost",
        }
    }
    fn field(&self) -> &str {
        match self {
            AssetError::InvalidField { field, .. } => field,
            AssetError::NotSharedButOpen { .. } => "open_type",
            AssetError::ConditionsMissing { field } => field,
            AssetError::InvalidCost { .. } => "cost",
        }
    }
    fn value(&self) -> &str {
        match self {
            AssetError::InvalidField { value, .. } | AssetError::InvalidCost { value, .. } => value,
            AssetError::NotSharedButOpen { open_type } => open_type.code(),
            AssetError::ConditionsMissing { .. } => "",
        }
    }
    fn allowed(&self) -> &str {
        match self {
            AssetError::InvalidField { allowed, .. } => allowed,
            AssetError::NotSharedButOpen { .. } => "not_open (不予开放) when sharing is not_shared",
            AssetError::ConditionsMissing { .. } => "non-empty conditions for a conditional type",
            AssetError::InvalidCost { .. } => "zero or a positive amount with at most two decimals",
        }
    }
}

/// The unit that holds the asset (数据资源持有主体).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssetHolder {
    /// 统一社会信用代码 of the holder.
    pub uscc: Uscc,
    /// Name of the holder.
    #[validate(custom(function = "non_blank", message = "a non-empty name"))]
    pub name: String,
}

/// One of the three data rights with the party holding it (数据二十条 art. 3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RightClaim {
    /// Name of the party holding the right; empty when no holder is recorded.
    pub holder_name: String,
    /// Whether the right has been confirmed (确权).
    pub confirmed: bool,
}

/// The three rights of 数据二十条 art. 3 (三权分置), each with its holder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rights {
    /// 数据资源持有权.
    pub holding: RightClaim,
    /// 数据加工使用权.
    pub processing_use: RightClaim,
    /// 数据产品经营权.
    pub product_operation: RightClaim,
}

impl Rights {
    /// The claim for one right.
    pub fn get(&self, kind: RightKind) -> &RightClaim {
        match kind {
            RightKind::Holding => &self.holding,
            RightKind::ProcessingUse => &self.processing_use,
            RightKind::ProductOperation => &self.product_operation,
        }
    }
}

/// Size and provenance of the data (数据表数量, 字段数, 记录数, 更新频率, 来源信息系统).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataFacts {
    /// Number of tables.
    pub tables: u64,
    /// Number of fields over all tables.
    pub fields: u64,
    /// Number of records over all tables.
    pub records: u64,
    /// How often the data is updated.
    pub update_frequency: UpdateFrequency,
    /// Information systems the data comes from.
    #[validate(custom(function = "non_blank_items", message = "names that are not empty"))]
    pub source_systems: Vec<String>,
}

/// A data asset (数据资产) as kept in the ledger (台账) and on its information card.
///
/// Build it with a struct literal or from JSON (unknown fields are rejected), then call
/// [`DataAsset::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataAsset {
    /// Stable identifier, unique in a register; never reused for another asset.
    #[validate(custom(
        function = "valid_id",
        message = "1-128 characters without spaces or control characters"
    ))]
    pub id: String,
    /// Name of the asset (资产名称).
    #[validate(custom(function = "non_blank", message = "a non-empty name"))]
    pub name: String,
    /// Description (简介).
    pub summary: String,
    /// Holding unit.
    #[validate(nested)]
    pub holder: AssetHolder,
    /// Origin: public, enterprise or personal data.
    pub category: DataCategory,
    /// Security grade.
    pub security_grade: SecurityGrade,
    /// Open type (开放属性).
    pub open_type: OpenType,
    /// Conditions of a conditional opening (开放条件).
    #[serde(default)]
    pub open_conditions: Option<String>,
    /// Sharing type (共享属性).
    pub sharing_type: SharingType,
    /// Conditions of a conditional sharing (共享条件).
    #[serde(default)]
    pub sharing_conditions: Option<String>,
    /// The three rights and their holders.
    #[validate(nested)]
    pub rights: Rights,
    /// Rights registration status (是否确权登记).
    pub rights_registration: RightsRegistration,
    /// Acquisition route (取得方式).
    pub acquisition_route: AcquisitionRoute,
    /// Holding purpose (自用 or 持有待售).
    pub holding_purpose: HoldingPurpose,
    /// Financial booking status (入账情况).
    pub booking_status: BookingStatus,
    /// Size and provenance.
    #[validate(nested)]
    pub facts: DataFacts,
    /// Whether the asset is under authorized operation (授权运营).
    pub authorized_operation: bool,
    /// Basis for processing the personal information it contains.
    pub personal_data_basis: PersonalDataBasis,
    /// Initial cost (初始成本), when known.
    #[serde(default)]
    pub cost: Option<Amount>,
    /// Date acquired or ready for use (取得或达到预定用途日期).
    pub ready_date: NaiveDate,
    /// Useful life in months; `None` means indefinite (使用寿命不确定).
    #[validate(range(
        min = 1,
        max = 1200,
        message = "1 to 1,200 months, or none for an indefinite life"
    ))]
    #[serde(default)]
    pub useful_life_months: Option<u32>,
    /// Sector or industry (所属行业), free text.
    pub sector: String,
}

/// 统一社会信用代码 of the example holder; built from the GB 32100-2015 rules for prefix 11
/// (机关) and region 450300 (桂林市).
const EXAMPLE_HOLDER_USCC: &str = "11450300MB12345628";

/// Longest accepted asset id, in characters.
pub const ASSET_ID_MAX_CHARS: usize = 128;

fn non_blank(text: &str) -> Result<(), ValidationError> {
    if crate::text::is_blank(text) {
        return Err(rejected("non_blank", text));
    }
    Ok(())
}

fn non_blank_items(items: &[String]) -> Result<(), ValidationError> {
    match items.iter().find(|item| crate::text::is_blank(item)) {
        Some(item) => Err(rejected("non_blank_items", item)),
        None => Ok(()),
    }
}

fn valid_id(id: &str) -> Result<(), ValidationError> {
    let length = id.chars().count();
    if length == 0
        || length > ASSET_ID_MAX_CHARS
        || id.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(rejected("valid_id", id));
    }
    Ok(())
}

/// Builds a validator error that carries the rejected text as its `value` parameter, which
/// [`flatten_validation`] reports.
fn rejected(code: &'static str, value: &str) -> ValidationError {
    let mut error = ValidationError::new(code);
    error.add_param("value".into(), &value);
    error
}

impl DataAsset {
    /// Returns a filled-in example: the 不动产登记数据 of 桂林市自然资源局, a public data
    /// resource generated in duties and not yet booked. Documentation and tests use it as a
    /// starting point.
    ///
    /// ```
    /// let asset = data_assets_core::asset::DataAsset::example();
    /// assert!(asset.validate().is_ok());
    /// ```
    pub fn example() -> DataAsset {
        let holder_name = "桂林市自然资源局";
        let claim = |confirmed: bool| RightClaim {
            holder_name: if confirmed {
                holder_name.to_owned()
            } else {
                String::new()
            },
            confirmed,
        };
        DataAsset {
            id: "GL-2025-001".into(),
            name: "不动产登记数据".into(),
            summary: "全市不动产登记簿及登记业务数据".into(),
            holder: AssetHolder {
                uscc: Uscc::from_trusted(EXAMPLE_HOLDER_USCC),
                name: holder_name.into(),
            },
            category: DataCategory::Public,
            security_grade: SecurityGrade::Important,
            open_type: OpenType::NotOpen,
            open_conditions: None,
            sharing_type: SharingType::Conditional,
            sharing_conditions: Some("经数据主管部门审批后共享".into()),
            rights: Rights {
                holding: claim(true),
                processing_use: claim(true),
                product_operation: claim(false),
            },
            rights_registration: RightsRegistration::Unregistered,
            acquisition_route: AcquisitionRoute::GeneratedInDuties,
            holding_purpose: HoldingPurpose::OwnUse,
            booking_status: BookingStatus::Unbooked,
            facts: DataFacts {
                tables: 12,
                fields: 340,
                records: 1_250_000,
                update_frequency: UpdateFrequency::Daily,
                source_systems: vec!["不动产登记系统".into()],
            },
            authorized_operation: false,
            personal_data_basis: PersonalDataBasis::NoBasis,
            cost: None,
            ready_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap_or_default(),
            useful_life_months: None,
            sector: "自然资源".into(),
        }
    }

    /// Checks the field rules and the rules between fields, returning the first failure.
    ///
    /// # Errors
    ///
    /// The first of [`DataAsset::problems`].
    ///
    /// ```
    /// use data_assets_core::asset::{DataAsset, OpenType, SharingType};
    /// use data_assets_core::ErrorDetail;
    ///
    /// let json = r#"{
    ///   "id": "GL-2025-001", "name": "不动产登记数据", "summary": "全市不动产登记簿",
    ///   "holder": {"uscc": "11450300MB12345628", "name": "桂林市自然资源局"},
    ///   "category": "public", "security_grade": "important",
    ///   "open_type": "not_open", "open_conditions": null,
    ///   "sharing_type": "conditional", "sharing_conditions": "经审批后共享",
    ///   "rights": {
    ///     "holding": {"holder_name": "桂林市自然资源局", "confirmed": true},
    ///     "processing_use": {"holder_name": "桂林市自然资源局", "confirmed": true},
    ///     "product_operation": {"holder_name": "", "confirmed": false}
    ///   },
    ///   "rights_registration": "unregistered", "acquisition_route": "generated_in_duties",
    ///   "holding_purpose": "own_use", "booking_status": "unbooked",
    ///   "facts": {"tables": 12, "fields": 340, "records": 1250000,
    ///             "update_frequency": "daily", "source_systems": ["不动产登记系统"]},
    ///   "authorized_operation": false, "personal_data_basis": "none",
    ///   "cost": null, "ready_date": "2025-03-31", "useful_life_months": null,
    ///   "sector": "自然资源"
    /// }"#;
    /// let mut asset: DataAsset = serde_json::from_str(json)?;
    /// assert!(asset.validate().is_ok());
    ///
    /// asset.sharing_type = SharingType::NotShared;
    /// asset.open_type = OpenType::Unconditional;
    /// let error = asset.validate().unwrap_err();
    /// assert_eq!(error.code(), "asset.not_shared_but_open");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn validate(&self) -> Result<(), AssetError> {
        match self.problems().into_iter().next() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Lists every rule the asset breaks, field rules first, in a stable order:
    ///
    /// - `id`: 1–128 characters with no whitespace or control characters;
    /// - `name`, `holder.name`: not blank; `facts.source_systems`: no blank name;
    /// - `useful_life_months`: 1 to 1,200 months when given (the longest life a schedule
    ///   accepts, `amortization::LIFE_MONTHS_MAX`);
    /// - 不予共享 ⇒ 不予开放 (government data-catalog rule: data that cannot be shared between
    ///   departments cannot be opened to the public);
    /// - a conditional open or sharing type states its conditions (开放条件, 共享条件);
    /// - the cost is not negative and at most fen precision (政府会计准则第4号 art. 6 measures
    ///   an intangible at cost, booked in yuan to the fen).
    pub fn problems(&self) -> Vec<AssetError> {
        let mut out: Vec<AssetError> = match Validate::validate(self) {
            Ok(()) => Vec::new(),
            Err(errors) => flatten_validation(&errors)
                .into_iter()
                .map(|(field, value, allowed)| AssetError::InvalidField {
                    field,
                    value,
                    allowed,
                })
                .collect(),
        };
        if self.sharing_type == SharingType::NotShared && self.open_type != OpenType::NotOpen {
            out.push(AssetError::NotSharedButOpen {
                open_type: self.open_type,
            });
        }
        if self.open_type == OpenType::Conditional && is_blank(self.open_conditions.as_deref()) {
            out.push(AssetError::ConditionsMissing {
                field: "open_conditions",
            });
        }
        if self.sharing_type == SharingType::Conditional
            && is_blank(self.sharing_conditions.as_deref())
        {
            out.push(AssetError::ConditionsMissing {
                field: "sharing_conditions",
            });
        }
        if let Some(cost) = self.cost {
            if cost.is_negative() {
                out.push(AssetError::InvalidCost {
                    value: cost.to_string(),
                    reason: "negative",
                });
            } else if !cost.is_fen() {
                out.push(AssetError::InvalidCost {
                    value: cost.to_string(),
                    reason: "not fen-precise",
                });
            }
        }
        out
    }
}

fn is_blank(text: Option<&str>) -> bool {
    text.is_none_or(crate::text::is_blank)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::entity::is_valid_uscc;

    fn codes(asset: &DataAsset) -> Vec<(&'static str, String)> {
        asset
            .problems()
            .iter()
            .map(|e| (e.code(), e.field().to_owned()))
            .collect()
    }

    #[test]
    fn example_is_valid() {
        let asset = DataAsset::example();
        assert!(is_valid_uscc(asset.holder.uscc.as_str()));
        assert_eq!(asset.problems(), vec![]);
        assert_eq!(
            asset.ready_date,
            NaiveDate::from_ymd_opt(2025, 3, 31).unwrap()
        );
    }

    #[test]
    fn not_shared_requires_not_open() {
        let mut asset = DataAsset::example();
        asset.sharing_type = SharingType::NotShared;
        asset.sharing_conditions = None;
        assert!(asset.validate().is_ok());

        for open_type in [OpenType::Unconditional, OpenType::Conditional] {
            asset.open_type = open_type;
            asset.open_conditions = Some("申请后开放".into());
            let error = asset.validate().unwrap_err();
            assert_eq!(error, AssetError::NotSharedButOpen { open_type });
            assert_eq!(error.code(), "asset.not_shared_but_open");
        }
    }

    #[test]
    fn conditional_types_need_conditions() {
        let mut asset = DataAsset::example();
        asset.sharing_conditions = Some("  ".into());
        asset.open_type = OpenType::Conditional;
        assert_eq!(
            codes(&asset),
            vec![
                ("asset.conditions_missing", "open_conditions".into()),
                ("asset.conditions_missing", "sharing_conditions".into()),
            ]
        );
    }

    #[test]
    fn cost_negative_or_sub_fen_rejected() {
        let mut asset = DataAsset::example();
        asset.cost = Some(Amount::new(Decimal::new(-1, 2)).unwrap());
        let error = asset.validate().unwrap_err();
        assert_eq!(error.code(), "asset.invalid_cost");
        assert_eq!(error.value(), "-0.01");

        asset.cost = Some(Amount::new(Decimal::new(1_005, 3)).unwrap());
        let error = asset.validate().unwrap_err();
        assert_eq!(
            error,
            AssetError::InvalidCost {
                value: "1.005".into(),
                reason: "not fen-precise"
            }
        );

        asset.cost = Some(Amount::new(Decimal::new(50_000_000, 2)).unwrap());
        assert!(asset.validate().is_ok());
        asset.cost = Some(Amount::ZERO);
        assert!(asset.validate().is_ok());
    }

    #[test]
    fn field_rules_name_their_paths() {
        let mut asset = DataAsset::example();
        asset.id = "GL 001".into();
        asset.name = " ".into();
        asset.holder.name = String::new();
        asset.useful_life_months = Some(0);
        asset.facts.source_systems.push(String::new());
        let found = codes(&asset);
        let fields: Vec<&str> = found.iter().map(|(_, field)| field.as_str()).collect();
        assert!(found.iter().all(|(code, _)| *code == "asset.invalid_field"));
        assert_eq!(
            fields,
            vec![
                "facts.source_systems",
                "holder.name",
                "id",
                "name",
                "useful_life_months"
            ]
        );
        let id_error = &asset.problems()[2];
        assert_eq!(id_error.value(), "GL 001");
    }

    #[test]
    fn id_limits() {
        let mut asset = DataAsset::example();
        asset.id = String::new();
        assert_eq!(asset.validate().unwrap_err().field(), "id");
        asset.id = "数".repeat(ASSET_ID_MAX_CHARS);
        assert!(asset.validate().is_ok());
        asset.id.push('据');
        assert_eq!(asset.validate().unwrap_err().field(), "id");
        asset.id = "GL\u{7}1".into();
        assert_eq!(asset.validate().unwrap_err().field(), "id");
    }

    #[test]
    fn serde_uses_snake_case_codes() {
        let mut asset = DataAsset::example();
        asset.cost = Some(Amount::from_fen(123_456));
        let json = serde_json::to_value(&asset).unwrap();
        assert_eq!(json["holder"]["uscc"], "11450300MB12345628");
        assert_eq!(json["security_grade"], "important");
        assert_eq!(json["rights"]["processing_use"]["confirmed"], true);
        assert_eq!(json["facts"]["update_frequency"], "daily");
        assert_eq!(json["personal_data_basis"], "none");
        assert_eq!(json["cost"], "1234.56");
        assert_eq!(json["ready_date"], "2025-03-31");
        let back: DataAsset = serde_json::from_value(json).unwrap();
        assert_eq!(back, asset);
    }

    #[test]
    fn serde_accepts_chinese_labels() {
        let mut json = serde_json::to_value(DataAsset::example()).unwrap();
        json["category"] = "公共数据".into();
        json["booking_status"] = "无形资产".into();
        let asset: DataAsset = serde_json::from_value(json).unwrap();
        assert_eq!(asset.booking_status, BookingStatus::IntangibleAsset);
    }

    #[test]
    fn serde_rejects_misspelled_field() {
        // Without this, a misspelled optional field such as `cost` would load as null.
        let mut json = serde_json::to_value(DataAsset::example()).unwrap();
        json["costs"] = "100.00".into();
        assert!(serde_json::from_value::<DataAsset>(json).is_err());
    }

    #[test]
    fn serde_rejects_invalid_holder_code() {
        let mut json = serde_json::to_value(DataAsset::example()).unwrap();
        json["holder"]["uscc"] = "11450300MB12345629".into();
        assert!(serde_json::from_value::<DataAsset>(json).is_err());
    }

    #[test]
    fn rights_lookup_by_kind() {
        let asset = DataAsset::example();
        assert!(asset.rights.get(RightKind::Holding).confirmed);
        assert!(!asset.rights.get(RightKind::ProductOperation).confirmed);
    }

    #[test]
    fn personal_data_basis_parses_code_and_label() {
        assert_eq!(
            "consent".parse::<PersonalDataBasis>().unwrap(),
            PersonalDataBasis::Consent
        );
        assert_eq!(
            "已匿名化".parse::<PersonalDataBasis>().unwrap(),
            PersonalDataBasis::Anonymized
        );
        assert_eq!(PersonalDataBasis::NoBasis.code(), "none");
    }

    #[test]
    fn json_schema_lists_required_fields() {
        let schema = serde_json::to_value(schemars::schema_for!(DataAsset)).unwrap();
        let required = schema["required"].as_array().unwrap();
        for field in ["id", "name", "holder", "ready_date", "facts"] {
            assert!(required.iter().any(|v| v == field), "{field}");
        }
        assert_eq!(
            schema["properties"]["booking_status"]["$ref"],
            "#/$defs/BookingStatus"
        );
    }
}
