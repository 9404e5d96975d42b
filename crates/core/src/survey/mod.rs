//! The survey (摸底) of information systems and data resources: quality scores, readiness for
//! data-asset management and the survey summary.
//!
//! A survey lists, per unit, the information systems (信息化项目) it built and the data resources
//! it holds, with their content, scale, coverage and whether they are under authorized operation.
//! This is the first pilot task of 市财资〔2025〕12号 (桂林市数据资产全过程管理试点), which requires every
//! unit to bring the resources that meet the recognition conditions into data-asset management
//! (桂财资〔2025〕7号).
//!
//! Quality is scored on the six dimensions of GB/T 36344-2018 信息技术 数据质量评价指标. A public
//! catalog only carries metadata, so every score here is derived from catalog facts; each
//! [`QualityScore`] lists the facts it used as evidence, and [`assess`] documents the rules.
//!
//! Catalog texts such as `每天` or `实时更新` map to the vocabularies of [`crate::asset`] through
//! [`parse_update_frequency`] and [`parse_open_type`]. A text that matches no synonym is an error,
//! never a silent guess: a wrong frequency would distort the timeliness score of every row.
//!
//! # Errors
//!
//! Fallible functions return [`SurveyError`], whose variants carry a stable code, the field, the
//! rejected value and what is allowed through [`ErrorDetail`].

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::asset::{DataCategory, OpenType, RightKind, SecurityGrade, UpdateFrequency};
use crate::error::ErrorDetail;
use crate::money::Amount;

/// Errors of the survey module.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SurveyError {
    /// A catalog text matches no value or synonym of a vocabulary.
    #[error("invalid {field}: {value:?} is not a known term")]
    UnknownTerm {
        /// Field that held the text, such as `update_frequency`.
        field: String,
        /// Rejected text.
        value: String,
        /// Accepted values and synonyms.
        allowed: String,
    },
    /// A required text field is empty.
    #[error("missing {field}: the value is empty")]
    Missing {
        /// Field that is empty, such as `resources[3].name`.
        field: String,
    },
    /// The record total does not fit a 64-bit count.
    #[error("record total overflows in {field}: {value}")]
    Overflow {
        /// Field whose sum overflowed.
        field: String,
        /// Value that could not be added.
        value: String,
    },
}

impl ErrorDetail for SurveyError {
    fn code(&self) -> &'static str {
        match self {
            SurveyError::UnknownTerm { .. } => "survey.unknown_term",
            SurveyError::Missing { .. } => "survey.missing_value",
            SurveyError::Overflow { .. } => "survey.record_overflow",
        }
    }
    fn field(&self) -> &str {
        match self {
            SurveyError::UnknownTerm { field, .. }
            | SurveyError::Missing { field }
            | SurveyError::Overflow { field, .. } => field,
        }
    }
    fn value(&self) -> &str {
        match self {
            SurveyError::UnknownTerm { value, .. } | SurveyError::Overflow { value, .. } => value,
            SurveyError::Missing { .. } => "",
        }
    }
    fn allowed(&self) -> &str {
        match self {
            SurveyError::UnknownTerm { allowed, .. } => allowed,
            SurveyError::Missing { .. } => "a non-empty text",
            SurveyError::Overflow { .. } => "record totals below 2^64",
        }
    }
}

crate::vocab! {
    /// Status of an information system (信息化项目) found in the survey.
    pub enum SystemStatus {
        /// 规划中: planned, not yet built.
        Planned = ("planned", "规划中"),
        /// 建设中: under construction.
        Building = ("building", "建设中"),
        /// 运行中: in use.
        InUse = ("in_use", "运行中"),
        /// 已停用: retired.
        Retired = ("retired", "已停用"),
    }
}

crate::vocab! {
    /// A quality dimension of GB/T 36344-2018 信息技术 数据质量评价指标.
    pub enum QualityDimension {
        /// 规范性: the data follows standards, models and formats.
        Normativity = ("normativity", "规范性"),
        /// 完整性: the data and its metadata are complete.
        Completeness = ("completeness", "完整性"),
        /// 准确性: the data describes reality correctly.
        Accuracy = ("accuracy", "准确性"),
        /// 一致性: the data does not contradict itself.
        Consistency = ("consistency", "一致性"),
        /// 时效性: the data is current for its update cycle.
        Timeliness = ("timeliness", "时效性"),
        /// 可访问性: the data can be reached by those entitled to it.
        Accessibility = ("accessibility", "可访问性"),
    }
}

crate::vocab! {
    /// A defect in a resource's catalog facts that the survey reports.
    pub enum QualityFlag {
        /// 零记录: the catalog lists zero records.
        ZeroRecords = ("zero_records", "零记录"),
        /// 未填数据量: the record count is unknown.
        UnknownRecords = ("unknown_records", "未填数据量"),
        /// 缺少描述: the description is empty.
        MissingDescription = ("missing_description", "缺少描述"),
        /// 描述仅重复名称: the description only repeats the name.
        DescriptionRepeatsName = ("description_repeats_name", "描述仅重复名称"),
        /// 缺少日期: the published or updated date is missing.
        MissingDates = ("missing_dates", "缺少日期"),
        /// 更新日期早于发布日期: the update date lies before the publication date.
        UpdatedBeforePublished = ("updated_before_published", "更新日期早于发布日期"),
        /// 日期晚于评估日: a date lies after the as-of date of the survey.
        DateAfterAsOf = ("date_after_as_of", "日期晚于评估日"),
        /// 更新逾期: more time has passed since the last update than the update cycle allows.
        UpdateOverdue = ("update_overdue", "更新逾期"),
        /// 无可机读格式: no machine-readable open format (csv, json, xml, rdf) is offered.
        NoOpenFormat = ("no_open_format", "无可机读格式"),
        /// 接口标记与格式不符: the API flag and the format list disagree.
        ApiFlagMismatch = ("api_flag_mismatch", "接口标记与格式不符"),
    }
}

crate::vocab! {
    /// Requirement a resource must meet before it can enter data-asset management.
    pub enum Requirement {
        /// 持有单位: the unit holding and controlling the resource is not confirmed.
        Owner = ("owner", "持有单位"),
        /// 取得成本: the cost is not known, so it cannot be measured reliably.
        Cost = ("cost", "取得成本"),
        /// 权属: the rights held (持有权, 加工使用权, 经营权) are not stated.
        Rights = ("rights", "权属"),
        /// 分类分级: the category or the security grade is not stated.
        Classification = ("classification", "分类分级"),
        /// 数据内容: the resource has no records.
        Content = ("content", "数据内容"),
    }
}

/// An information system (信息化项目) found in the survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct InformationSystem {
    /// System name.
    pub name: String,
    /// Unit that operates the system.
    pub department: String,
    /// Build project (建设项目) under which the system was funded, if known.
    pub build_project: Option<String>,
    /// Build cost, if known.
    pub cost: Option<Amount>,
    /// Current status.
    pub status: SystemStatus,
}

/// A data resource (数据资源) found in the survey, with its catalog facts and the facts that
/// data-asset management still needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DataResource {
    /// Identifier within the survey, such as the catalog's sequence number.
    pub id: String,
    /// Resource name.
    pub name: String,
    /// Department that provides the resource (提供部门), normalized.
    pub department: String,
    /// Content description (数据资源说明); empty when the catalog gives none.
    pub description: String,
    /// Domain (重点领域), if given.
    pub domain: Option<String>,
    /// Scale: number of records (数据量), if known.
    pub records: Option<u64>,
    /// Coverage (覆盖范围), such as `全市`, if known.
    pub coverage: Option<String>,
    /// Whether the resource is under authorized operation (授权运营).
    pub authorized_operation: bool,
    /// Open type (开放属性).
    pub open_type: OpenType,
    /// Update frequency (更新频率).
    pub update_frequency: UpdateFrequency,
    /// Download formats offered, lowercase, such as `csv`.
    pub formats: Vec<String>,
    /// Whether the resource is offered through an API (接口).
    pub has_api: bool,
    /// Date first published, if known.
    pub published: Option<NaiveDate>,
    /// Date last updated, if known.
    pub updated: Option<NaiveDate>,
    /// Information system the data comes from, if known.
    pub system: Option<String>,
    /// Unit confirmed as holder (持有单位); a catalog's providing department is not a confirmation.
    pub owner: Option<String>,
    /// Acquisition cost, if known.
    pub cost: Option<Amount>,
    /// Rights the holder has over the resource.
    pub rights: Vec<RightKind>,
    /// Category by origin, if classified.
    pub category: Option<DataCategory>,
    /// Security grade, if graded.
    pub grade: Option<SecurityGrade>,
}

/// The score of one quality dimension, with the facts it was derived from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QualityScore {
    /// Dimension scored.
    pub dimension: QualityDimension,
    /// Score from 0 to 100, or `None` when catalog facts cannot decide it.
    pub score: Option<u8>,
    /// Facts behind the score, one sentence each.
    pub evidence: Vec<String>,
}

/// Whether a resource can enter data-asset management, and what it still lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Readiness {
    /// Whether nothing is lacking.
    pub ready: bool,
    /// Requirements still unmet, in declaration order of [`Requirement`].
    pub lacks: Vec<Requirement>,
    /// One reason per unmet requirement, naming the rule.
    pub reasons: Vec<String>,
}

/// The assessment of one resource as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Assessment {
    /// Resource identifier.
    pub id: String,
    /// One score per dimension, in the order of [`QualityDimension::ALL`].
    pub quality: Vec<QualityScore>,
    /// Defects found in the catalog facts.
    pub flags: Vec<QualityFlag>,
    /// Readiness for data-asset management.
    pub readiness: Readiness,
}

/// Formats that count as machine-readable open formats for normativity and accessibility.
pub const OPEN_FORMATS: &[&str] = &["csv", "json", "xml", "rdf"];

/// Parses a catalog's update frequency, accepting the codes and labels of [`UpdateFrequency`]
/// and their common synonyms.
///
/// Spaces (also full-width ones) and a trailing `更新` are ignored. Synonyms: `每天`, `日`, `天`
/// for 每日; `实时更新`, `实时同步` for 实时; `每星期`, `周` for 每周; `月`, `每个月` for 每月;
/// `季度`, `每季`, `按季度` for 每季度; `半年`, `每半年度` for 每半年; `年`, `年度`, `每年度` for
/// 每年; `其他`, `按需`, `不定时` for 不定期 (the catalog schema's `其他` means no fixed cycle).
///
/// # Errors
///
/// [`SurveyError::UnknownTerm`] naming `field` when the text matches nothing.
///
/// ```
/// use data_assets_core::asset::UpdateFrequency;
/// use data_assets_core::survey::parse_update_frequency;
/// assert_eq!(parse_update_frequency("每天", "update_frequency")?, UpdateFrequency::Daily);
/// assert!(parse_update_frequency("每十年", "update_frequency").is_err());
/// # Ok::<(), data_assets_core::survey::SurveyError>(())
/// ```
pub fn parse_update_frequency(text: &str, field: &str) -> Result<UpdateFrequency, SurveyError> {
    let key = normalize_term(text);
    let key = key.strip_suffix("更新").unwrap_or(&key);
    if let Ok(value) = key.parse::<UpdateFrequency>() {
        return Ok(value);
    }
    let value = match key {
        "实时同步" | "realtime" => UpdateFrequency::RealTime,
        "每天" | "日" | "天" | "日更" => UpdateFrequency::Daily,
        "每星期" | "周" | "每周一次" => UpdateFrequency::Weekly,
        "月" | "每个月" | "按月" => UpdateFrequency::Monthly,
        "季度" | "每季" | "按季度" | "按季" => UpdateFrequency::Quarterly,
        "半年" | "每半年度" | "半年度" => UpdateFrequency::HalfYearly,
        "年" | "年度" | "每年度" | "按年" => UpdateFrequency::Yearly,
        "其他" | "按需" | "不定时" => UpdateFrequency::Irregular,
        _ => {
            return Err(SurveyError::UnknownTerm {
                field: field.to_owned(),
                value: text.to_owned(),
                allowed: format!(
                    "{}; synonyms 每天, 周, 月, 季度, 半年, 年度, 其他 and the same with 更新",
                    UpdateFrequency::allowed()
                ),
            });
        }
    };
    Ok(value)
}

/// Parses a catalog's open type (开放属性), accepting the codes and labels of [`OpenType`] and
/// the synonyms `无条件`, `有条件`, `依申请开放`, `非开放` (Shanghai's term) and `不开放`.
///
/// # Errors
///
/// [`SurveyError::UnknownTerm`] naming `field` when the text matches nothing.
pub fn parse_open_type(text: &str, field: &str) -> Result<OpenType, SurveyError> {
    let key = normalize_term(text);
    if let Ok(value) = key.parse::<OpenType>() {
        return Ok(value);
    }
    match key.as_str() {
        "无条件" | "完全开放" => Ok(OpenType::Unconditional),
        "有条件" | "依申请开放" => Ok(OpenType::Conditional),
        "非开放" | "不开放" | "不予" => Ok(OpenType::NotOpen),
        _ => Err(SurveyError::UnknownTerm {
            field: field.to_owned(),
            value: text.to_owned(),
            allowed: format!(
                "{}; synonyms 无条件, 有条件, 依申请开放, 非开放",
                OpenType::allowed()
            ),
        }),
    }
}

/// Normalizes a unit or department name: trims, turns full-width spaces into ASCII ones and
/// collapses runs of whitespace to one space.
///
/// ```
/// use data_assets_core::survey::normalize_department;
/// assert_eq!(normalize_department("\u{3000}桂林市 教育局  "), "桂林市 教育局");
/// ```
pub fn normalize_department(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{3000}')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Removes every kind of whitespace and lowercases ASCII, for matching vocabulary synonyms.
fn normalize_term(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Maximum days between updates that an update frequency allows, or `None` for 不定期.
///
/// A month counts 31 days, a quarter 92, half a year 184 and a year 366, the longest calendar
/// length of each, so an update on the same date of the next period is never overdue.
pub const fn update_interval_days(frequency: UpdateFrequency) -> Option<i64> {
    match frequency {
        UpdateFrequency::RealTime | UpdateFrequency::Daily => Some(1),
        UpdateFrequency::Weekly => Some(7),
        UpdateFrequency::Monthly => Some(31),
        UpdateFrequency::Quarterly => Some(92),
        UpdateFrequency::HalfYearly => Some(184),
        UpdateFrequency::Yearly => Some(366),
        UpdateFrequency::Irregular => None,
    }
}

/// Assesses one resource as of a date: six quality scores, defect flags and readiness.
///
/// Scores, each from catalog facts only:
/// - 规范性: 100 with at least one machine-readable open format ([`OPEN_FORMATS`]); 60 with
///   other formats only (such as xls); 0 with no format.
/// - 完整性: 100, minus 50 for zero records, 20 for an unknown record count, 30 for an empty
///   description or 15 for one that only repeats the name, and 10 for each missing date;
///   never below 0.
/// - 准确性: catalog metadata cannot prove the content correct, so the score checks only the
///   plausibility of the dates: 100, minus 50 for an update before publication and 50 for a
///   date after the as-of date.
/// - 一致性: 100, minus 50 when the API flag disagrees with an `api` entry in the format list
///   and 50 when the update date lies before the publication date.
/// - 时效性: days since the last update (the publication date when no update date is given)
///   against [`update_interval_days`]: 100 within the interval, 60 within twice it, 30 within
///   four times it, else 0. `None` for 不定期, and 0 with no date at all.
/// - 可访问性: 40 for an API, 40 for an open format, plus 20 for 无条件开放 or 10 for 有条件开放.
///
/// Readiness applies the conditions under which a unit brings a data resource into state-asset
/// management (桂财资〔2025〕7号; 财资〔2024〕1号 defines data assets as resources the unit holds or
/// controls): the holder is confirmed (持有或控制), the cost is known so it can be measured
/// reliably (政府会计准则第4号 art. 5), the rights are stated (财资〔2023〕141号 明晰数据资产权责),
/// the resource is classified and graded (数据安全法 art. 21, GB/T 43697-2024), and it holds
/// records.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::asset::{OpenType, UpdateFrequency};
/// use data_assets_core::survey::{assess, DataResource, QualityDimension, Requirement};
/// let resource = DataResource {
///     id: "1".into(), name: "企业年报".into(), department: "市场监管局".into(),
///     description: "企业年报基本信息".into(), domain: None, records: Some(100), coverage: None,
///     authorized_operation: false, open_type: OpenType::Unconditional,
///     update_frequency: UpdateFrequency::Yearly, formats: vec!["csv".into()], has_api: false,
///     published: NaiveDate::from_ymd_opt(2023, 1, 1), updated: NaiveDate::from_ymd_opt(2023, 6, 1),
///     system: None, owner: None, cost: None, rights: vec![], category: None, grade: None,
/// };
/// let as_of = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap();
/// let result = assess(&resource, as_of);
/// assert_eq!(result.quality[4].dimension, QualityDimension::Timeliness);
/// assert_eq!(result.quality[4].score, Some(100));
/// assert!(result.readiness.lacks.contains(&Requirement::Owner));
/// ```
pub fn assess(resource: &DataResource, as_of: NaiveDate) -> Assessment {
    let flags = find_flags(resource, as_of);
    let quality = vec![
        score_normativity(resource, &flags),
        score_completeness(resource, &flags),
        score_accuracy(&flags),
        score_consistency(resource, &flags),
        score_timeliness(resource, as_of),
        score_accessibility(resource, &flags),
    ];
    Assessment {
        id: resource.id.clone(),
        quality,
        flags,
        readiness: readiness(resource),
    }
}

/// Finds the defects in a resource's catalog facts; several scores are derived from them.
fn find_flags(resource: &DataResource, as_of: NaiveDate) -> Vec<QualityFlag> {
    let has_open_format = resource
        .formats
        .iter()
        .any(|f| OPEN_FORMATS.contains(&f.as_str()));
    let lists_api = resource.formats.iter().any(|f| f == "api");
    let dates_inverted = matches!(
        (resource.published, resource.updated),
        (Some(published), Some(updated)) if updated < published
    );
    let date_after_as_of = resource.published.is_some_and(|d| d > as_of)
        || resource.updated.is_some_and(|d| d > as_of);
    let overdue =
        days_since_update(resource, as_of).is_some_and(|(days, interval)| days > interval);
    let checks = [
        (resource.records == Some(0), QualityFlag::ZeroRecords),
        (resource.records.is_none(), QualityFlag::UnknownRecords),
        (
            crate::text::is_blank(&resource.description),
            QualityFlag::MissingDescription,
        ),
        (
            description_repeats_name(resource),
            QualityFlag::DescriptionRepeatsName,
        ),
        (
            resource.published.is_none() || resource.updated.is_none(),
            QualityFlag::MissingDates,
        ),
        (dates_inverted, QualityFlag::UpdatedBeforePublished),
        (date_after_as_of, QualityFlag::DateAfterAsOf),
        (overdue, QualityFlag::UpdateOverdue),
        (!has_open_format, QualityFlag::NoOpenFormat),
        (lists_api != resource.has_api, QualityFlag::ApiFlagMismatch),
    ];
    checks
        .into_iter()
        .filter(|(raised, _)| *raised)
        .map(|(_, flag)| flag)
        .collect()
}

fn description_repeats_name(resource: &DataResource) -> bool {
    let description = resource.description.trim();
    !description.is_empty() && description == resource.name.trim()
}

/// Returns the days since the last update (the publication date when no update date is given)
/// and the interval the update frequency allows, or `None` for 不定期 or when no date is known.
fn days_since_update(resource: &DataResource, as_of: NaiveDate) -> Option<(i64, i64)> {
    let interval = update_interval_days(resource.update_frequency)?;
    let last = resource.updated.or(resource.published)?;
    Some(((as_of - last).num_days().max(0), interval))
}

fn score(dimension: QualityDimension, points: i32, evidence: Vec<String>) -> QualityScore {
    let clamped = u8::try_from(points.clamp(0, 100)).unwrap_or(0);
    QualityScore {
        dimension,
        score: Some(clamped),
        evidence,
    }
}

fn score_normativity(resource: &DataResource, flags: &[QualityFlag]) -> QualityScore {
    let dimension = QualityDimension::Normativity;
    let formats = resource.formats.join("|");
    if !flags.contains(&QualityFlag::NoOpenFormat) {
        score(
            dimension,
            100,
            vec![format!("offers a machine-readable open format ({formats})")],
        )
    } else if resource.formats.is_empty() {
        score(dimension, 0, vec!["lists no format".into()])
    } else {
        score(
            dimension,
            60,
            vec![format!("offers only formats that are not open ({formats})")],
        )
    }
}

fn score_completeness(resource: &DataResource, flags: &[QualityFlag]) -> QualityScore {
    let mut points = 100;
    let mut evidence = Vec::new();
    match resource.records {
        Some(0) => {
            points -= 50;
            evidence.push("the catalog lists zero records (-50)".into());
        }
        None => {
            points -= 20;
            evidence.push("the record count is unknown (-20)".into());
        }
        Some(records) => evidence.push(format!("{records} records listed")),
    }
    if flags.contains(&QualityFlag::MissingDescription) {
        points -= 30;
        evidence.push("the description is empty (-30)".into());
    } else if flags.contains(&QualityFlag::DescriptionRepeatsName) {
        points -= 15;
        evidence.push("the description only repeats the name (-15)".into());
    }
    for (date, name) in [
        (resource.published, "publication"),
        (resource.updated, "update"),
    ] {
        if date.is_none() {
            points -= 10;
            evidence.push(format!("the {name} date is missing (-10)"));
        }
    }
    score(QualityDimension::Completeness, points, evidence)
}

fn score_accuracy(flags: &[QualityFlag]) -> QualityScore {
    let mut points = 100;
    let mut evidence =
        vec!["catalog metadata cannot prove the content correct: only dates are checked".into()];
    if flags.contains(&QualityFlag::UpdatedBeforePublished) {
        points -= 50;
        evidence.push("the update date lies before the publication date (-50)".into());
    }
    if flags.contains(&QualityFlag::DateAfterAsOf) {
        points -= 50;
        evidence.push("a date lies after the as-of date (-50)".into());
    }
    score(QualityDimension::Accuracy, points, evidence)
}

fn score_consistency(resource: &DataResource, flags: &[QualityFlag]) -> QualityScore {
    let mut points = 100;
    let mut evidence = Vec::new();
    if flags.contains(&QualityFlag::ApiFlagMismatch) {
        points -= 50;
        evidence.push(format!(
            "the API flag is {} but the format list {} api (-50)",
            if resource.has_api { "Y" } else { "N" },
            if resource.has_api {
                "lacks"
            } else {
                "contains"
            }
        ));
    }
    if flags.contains(&QualityFlag::UpdatedBeforePublished) {
        points -= 50;
        evidence.push("the update date lies before the publication date (-50)".into());
    }
    if evidence.is_empty() {
        evidence.push("API flag, formats and dates agree".into());
    }
    score(QualityDimension::Consistency, points, evidence)
}

fn score_timeliness(resource: &DataResource, as_of: NaiveDate) -> QualityScore {
    let dimension = QualityDimension::Timeliness;
    let Some(interval) = update_interval_days(resource.update_frequency) else {
        return QualityScore {
            dimension,
            score: None,
            evidence: vec!["不定期: no update cycle to measure against".into()],
        };
    };
    let Some(last) = resource.updated.or(resource.published) else {
        return score(dimension, 0, vec!["no update or publication date".into()]);
    };
    let days = (as_of - last).num_days().max(0);
    let points = if days <= interval {
        100
    } else if days <= 2 * interval {
        60
    } else if days <= 4 * interval {
        30
    } else {
        0
    };
    let evidence = vec![format!(
        "last updated {last}, {days} days before {as_of}; {} allows {interval} days",
        resource.update_frequency.label_zh()
    )];
    score(dimension, points, evidence)
}

fn score_accessibility(resource: &DataResource, flags: &[QualityFlag]) -> QualityScore {
    let mut points = 0;
    let mut evidence = Vec::new();
    if resource.has_api {
        points += 40;
        evidence.push("offered through an API (+40)".into());
    }
    if !flags.contains(&QualityFlag::NoOpenFormat) {
        points += 40;
        evidence.push("downloadable in an open format (+40)".into());
    }
    let open_points = match resource.open_type {
        OpenType::Unconditional => 20,
        OpenType::Conditional => 10,
        OpenType::NotOpen => 0,
    };
    points += open_points;
    evidence.push(format!(
        "{} (+{open_points})",
        resource.open_type.label_zh()
    ));
    score(QualityDimension::Accessibility, points, evidence)
}

/// Decides readiness for data-asset management; see [`assess`] for the rule.
pub fn readiness(resource: &DataResource) -> Readiness {
    let mut lacks = Vec::new();
    let mut reasons = Vec::new();
    let owner_missing = resource.owner.as_deref().is_none_or(crate::text::is_blank);
    if owner_missing {
        lacks.push(Requirement::Owner);
        reasons.push(
            "no holder confirmed: a data asset must be held or controlled by the unit \
             (财资〔2024〕1号)"
                .into(),
        );
    }
    if resource.cost.is_none() {
        lacks.push(Requirement::Cost);
        reasons.push(
            "no cost: the cost must be measurable reliably (政府会计准则第4号 art. 5)".into(),
        );
    }
    if resource.rights.is_empty() {
        lacks.push(Requirement::Rights);
        reasons.push("no rights stated: rights must be clear (财资〔2023〕141号)".into());
    }
    if resource.category.is_none() || resource.grade.is_none() {
        lacks.push(Requirement::Classification);
        reasons.push("not classified and graded (数据安全法 art. 21, GB/T 43697-2024)".into());
    }
    if resource.records == Some(0) {
        lacks.push(Requirement::Content);
        reasons.push("zero records: nothing to bring into management".into());
    }
    Readiness {
        ready: lacks.is_empty(),
        lacks,
        reasons,
    }
}

/// A survey: the information systems and data resources of one or more units.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Survey {
    /// Information systems found.
    pub systems: Vec<InformationSystem>,
    /// Data resources found.
    pub resources: Vec<DataResource>,
}

/// Resource and record counts of one department.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DepartmentCount {
    /// Number of resources.
    pub resources: usize,
    /// Sum of the known record counts.
    pub records: u64,
}

/// Counts of a survey, as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SurveySummary {
    /// Date the timeliness scores are measured against.
    pub as_of: NaiveDate,
    /// Number of information systems.
    pub systems: usize,
    /// Sum of the known system costs.
    pub system_cost: Amount,
    /// Number of data resources.
    pub resources: usize,
    /// Sum of the known record counts.
    pub records: u64,
    /// Resources whose record count is unknown.
    pub records_unknown: usize,
    /// Resources and records per department, by normalized name.
    pub by_department: BTreeMap<String, DepartmentCount>,
    /// Resources per open type.
    pub by_open_type: BTreeMap<OpenType, usize>,
    /// Resources per update frequency.
    pub by_update_frequency: BTreeMap<UpdateFrequency, usize>,
    /// Resources offering each format.
    pub by_format: BTreeMap<String, usize>,
    /// Resources offered through an API.
    pub with_api: usize,
    /// Resources not offered through an API.
    pub without_api: usize,
    /// Resources under authorized operation.
    pub authorized_operation: usize,
    /// Resources raising each quality flag.
    pub flags: BTreeMap<QualityFlag, usize>,
    /// Mean score per dimension over the resources that have one, rounded down.
    pub mean_quality: BTreeMap<QualityDimension, u8>,
    /// Resources ready for data-asset management.
    pub ready: usize,
    /// Resources lacking each requirement.
    pub lacking: BTreeMap<Requirement, usize>,
}

/// Summarizes a survey and assesses every resource as of a date.
///
/// # Errors
///
/// [`SurveyError::Missing`] for a resource with an empty name or department,
/// [`SurveyError::Overflow`] when record counts or system costs overflow.
pub fn summarize(
    survey: &Survey,
    as_of: NaiveDate,
) -> Result<(SurveySummary, Vec<Assessment>), SurveyError> {
    let mut summary = SurveySummary {
        as_of,
        systems: survey.systems.len(),
        system_cost: Amount::ZERO,
        resources: survey.resources.len(),
        records: 0,
        records_unknown: 0,
        by_department: BTreeMap::new(),
        by_open_type: BTreeMap::new(),
        by_update_frequency: BTreeMap::new(),
        by_format: BTreeMap::new(),
        with_api: 0,
        without_api: 0,
        authorized_operation: 0,
        flags: BTreeMap::new(),
        mean_quality: BTreeMap::new(),
        ready: 0,
        lacking: BTreeMap::new(),
    };
    for system in &survey.systems {
        if let Some(cost) = system.cost {
            summary.system_cost =
                summary
                    .system_cost
                    .checked_add(cost)
                    .map_err(|_| SurveyError::Overflow {
                        field: "systems.cost".into(),
                        value: cost.to_string(),
                    })?;
        }
    }
    let mut assessments = Vec::with_capacity(survey.resources.len());
    for (index, resource) in survey.resources.iter().enumerate() {
        check_resource(resource, index)?;
        count_resource(&mut summary, resource)?;
        let assessment = assess(resource, as_of);
        count_assessment(&mut summary, &assessment);
        assessments.push(assessment);
    }
    summary.mean_quality = mean_quality(&assessments);
    Ok((summary, assessments))
}

fn check_resource(resource: &DataResource, index: usize) -> Result<(), SurveyError> {
    for (value, name) in [
        (&resource.name, "name"),
        (&resource.department, "department"),
    ] {
        if crate::text::is_blank(value) {
            return Err(SurveyError::Missing {
                field: format!("resources[{index}].{name}"),
            });
        }
    }
    Ok(())
}

fn count_resource(summary: &mut SurveySummary, resource: &DataResource) -> Result<(), SurveyError> {
    let department = summary
        .by_department
        .entry(resource.department.clone())
        .or_default();
    department.resources += 1;
    if let Some(records) = resource.records {
        let overflow = || SurveyError::Overflow {
            field: "resources.records".into(),
            value: records.to_string(),
        };
        summary.records = summary.records.checked_add(records).ok_or_else(overflow)?;
        department.records = department
            .records
            .checked_add(records)
            .ok_or_else(overflow)?;
    } else {
        summary.records_unknown += 1;
    }
    *summary.by_open_type.entry(resource.open_type).or_default() += 1;
    *summary
        .by_update_frequency
        .entry(resource.update_frequency)
        .or_default() += 1;
    for format in &resource.formats {
        *summary.by_format.entry(format.clone()).or_default() += 1;
    }
    if resource.has_api {
        summary.with_api += 1;
    } else {
        summary.without_api += 1;
    }
    if resource.authorized_operation {
        summary.authorized_operation += 1;
    }
    Ok(())
}

fn count_assessment(summary: &mut SurveySummary, assessment: &Assessment) {
    for flag in &assessment.flags {
        *summary.flags.entry(*flag).or_default() += 1;
    }
    if assessment.readiness.ready {
        summary.ready += 1;
    }
    for requirement in &assessment.readiness.lacks {
        *summary.lacking.entry(*requirement).or_default() += 1;
    }
}

fn mean_quality(assessments: &[Assessment]) -> BTreeMap<QualityDimension, u8> {
    let mut totals: BTreeMap<QualityDimension, (u64, u64)> = BTreeMap::new();
    for score in assessments.iter().flat_map(|a| &a.quality) {
        if let Some(points) = score.score {
            let entry = totals.entry(score.dimension).or_default();
            entry.0 += u64::from(points);
            entry.1 += 1;
        }
    }
    totals
        .into_iter()
        .filter_map(|(dimension, (sum, count))| {
            let mean = sum.checked_div(count)?;
            Some((dimension, u8::try_from(mean).ok()?))
        })
        .collect()
}

#[cfg(test)]
mod tests;
