//! Risk rules (风险防控) over a unit's ledger, authorizations, trades and financings.
//!
//! [`check`] runs every rule over a [`ComplianceInput`] and returns every [`Violation`]. Each
//! violation has a stable code, a severity, a message and the rule it cites. A
//! [`Severity::Block`] violation stops the transaction, and a [`Severity::Flag`] requires review.
//!
//! The rules come from these sources:
//! - 财资〔2024〕1号 and 财资〔2024〕167号: no guarantees with administrative-institution data
//!   assets, no new hidden government debt and no inflated fiscal revenue;
//! - the 数据安全法: core and important data, security management systems, emergency handling;
//! - the 个人信息保护法: anonymization or consent for personal data;
//! - the 桂林 pilot plan 市财资〔2025〕12号 part 4(3): a security management system and an
//!   emergency plan in every pilot unit.
//!
//! The input views are plain records so that callers can build them from any ledger or
//! authorization store.
//!
//! # Errors
//!
//! [`check`] returns [`ComplianceError`] for an empty id, a duplicate ledger asset id, a negative
//! amount or an overflow. Each variant exposes its code, field, value and what is allowed through [`ErrorDetail`].

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::asset::{DataAsset, DataCategory, PersonalDataBasis, SecurityGrade};
use crate::entity::EntityKind;
use crate::error::ErrorDetail;
use crate::money::{Amount, MoneyError};
use crate::policy::Policy;
use crate::trading::TradeRecord;

crate::vocab! {
    /// Seriousness of a violation.
    pub enum Severity {
        /// 禁止: the transaction must not go ahead.
        Block = ("block", "禁止"),
        /// 提示: the transaction needs review before it goes ahead.
        Flag = ("flag", "提示"),
    }
}

crate::vocab! {
    /// Stable code of a risk rule.
    pub enum RuleCode {
        /// A guarantee or pledge backed by a 行政单位 or 事业单位 data asset.
        GovernmentAssetPledge = ("compliance.government_asset_pledge", "行政事业单位数据资产担保"),
        /// A new government payment obligation outside the approved budget (hidden debt).
        HiddenGovernmentDebt = ("compliance.hidden_government_debt", "新增政府隐性债务"),
        /// Licence income that returns to the licensee or comes from the same public purse.
        RevenueInflation = ("compliance.revenue_inflation", "变相虚增财政收入"),
        /// Core data in a trade.
        CoreDataTraded = ("compliance.core_data_traded", "核心数据交易"),
        /// Core data in an authorization (grant).
        CoreDataAuthorized = ("compliance.core_data_authorized", "核心数据授权"),
        /// Important data without a security assessment.
        ImportantDataWithoutAssessment =
            ("compliance.important_data_without_assessment", "重要数据未开展安全评估"),
        /// Personal data without anonymization or consent.
        PersonalDataWithoutBasis =
            ("compliance.personal_data_without_basis", "个人数据未匿名化且无个人同意"),
        /// A unit without a data-asset security management system.
        MissingSecurityManagementSystem =
            ("compliance.missing_security_management_system", "未制定数据资产安全管理制度"),
        /// A unit without an emergency plan.
        MissingEmergencyPlan = ("compliance.missing_emergency_plan", "未制定应急预案"),
        /// An enterprise pledge above the policy's share of the appraised value.
        PledgeRatioAboveCap = ("compliance.pledge_ratio_above_cap", "质押率超过上限"),
    }
}

impl RuleCode {
    /// Returns the severity of a violation of this rule.
    pub const fn severity(self) -> Severity {
        match self {
            RuleCode::GovernmentAssetPledge
            | RuleCode::HiddenGovernmentDebt
            | RuleCode::CoreDataTraded
            | RuleCode::CoreDataAuthorized
            | RuleCode::PersonalDataWithoutBasis => Severity::Block,
            RuleCode::RevenueInflation
            | RuleCode::ImportantDataWithoutAssessment
            | RuleCode::MissingSecurityManagementSystem
            | RuleCode::MissingEmergencyPlan
            | RuleCode::PledgeRatioAboveCap => Severity::Flag,
        }
    }

    /// Returns the regulation and article the rule enforces.
    pub const fn citation(self) -> &'static str {
        match self {
            RuleCode::GovernmentAssetPledge => {
                "财资〔2024〕1号 and 财资〔2024〕167号 risk control: no guarantees with the data \
                 assets of administrative and public institutions (严禁利用行政事业单位数据资产进行担保)"
            }
            RuleCode::HiddenGovernmentDebt => {
                "财资〔2024〕1号 and 财资〔2024〕167号 risk control: no new hidden government debt \
                 (新增政府隐性债务)"
            }
            RuleCode::RevenueInflation => {
                "财资〔2024〕1号 and 财资〔2024〕167号 risk control: no inflating fiscal revenue under \
                 the name of paid authorized use of data assets (变相虚增财政收入)"
            }
            RuleCode::CoreDataTraded | RuleCode::CoreDataAuthorized => {
                "数据安全法 art. 21: national core data is under a stricter management system"
            }
            RuleCode::ImportantDataWithoutAssessment => {
                "数据安全法 art. 30: processors of important data assess the risks of their \
                 processing regularly"
            }
            RuleCode::PersonalDataWithoutBasis => {
                "个人信息保护法 art. 13 (legal basis such as the individual's consent) and art. 4 \
                 (anonymized information is not personal information); 财资〔2024〕1号"
            }
            RuleCode::MissingSecurityManagementSystem => {
                "数据安全法 art. 27: a whole-process data security management system; \
                 市财资〔2025〕12号 part 4(3): 制定数据资产安全管理制度"
            }
            RuleCode::MissingEmergencyPlan => {
                "数据安全法 art. 29: immediate handling of data security incidents; \
                 市财资〔2025〕12号 part 4(3): 制定应急预案"
            }
            RuleCode::PledgeRatioAboveCap => {
                "Policy::pledge_ratio_cap, a prudential limit set by the jurisdiction; \
                 财资〔2024〕167号 asks pilots to use data assets prudently"
            }
        }
    }
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Violation {
    /// Stable code of the rule, such as `compliance.government_asset_pledge`.
    pub code: RuleCode,
    /// Block or flag.
    pub severity: Severity,
    /// Description of the finding in English, naming the records involved.
    pub message: String,
    /// The same description in Chinese, for reports and workbooks read by finance staff.
    #[serde(default)]
    pub message_zh: String,
    /// The regulation and article the rule enforces.
    pub rule_cited: String,
    /// Ids of the records involved: the transaction first, then the asset or unit.
    pub subject_ids: Vec<String>,
}

impl Violation {
    fn new(code: RuleCode, message: (String, String), subject_ids: Vec<String>) -> Self {
        let (message, message_zh) = message;
        Violation {
            code,
            severity: code.severity(),
            message,
            message_zh,
            rule_cited: code.citation().to_owned(),
            subject_ids,
        }
    }
}

/// A ledger entry as the risk rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LedgerEntryView {
    /// Ledger id of the asset.
    pub asset_id: String,
    /// Id of the holding unit.
    pub holder_id: String,
    /// Kind of the holding unit.
    pub holder_kind: EntityKind,
    /// Security grade.
    pub security_grade: SecurityGrade,
    /// Origin of the data.
    pub category: DataCategory,
    /// Whether the asset contains personal information, whatever its category.
    #[serde(default)]
    pub contains_personal_information: bool,
    /// Basis for processing personal data, if any.
    #[serde(default)]
    pub personal_data_basis: Option<PersonalDataBasis>,
    /// Whether a data security risk assessment has been done.
    #[serde(default)]
    pub security_assessment_done: bool,
}

impl LedgerEntryView {
    /// Builds the risk view of a ledger asset held by a unit of `holder_kind`.
    ///
    /// The holder id is the asset's 统一社会信用代码. Whether a security assessment was done is not
    /// part of the ledger, so the caller passes it.
    pub fn from_asset(
        asset: &DataAsset,
        holder_kind: EntityKind,
        security_assessment_done: bool,
    ) -> Self {
        LedgerEntryView {
            asset_id: asset.id.clone(),
            holder_id: asset.holder.uscc.to_string(),
            holder_kind,
            security_grade: asset.security_grade,
            category: asset.category,
            contains_personal_information: asset.category == DataCategory::Personal,
            personal_data_basis: Some(asset.personal_data_basis),
            security_assessment_done,
        }
    }

    fn has_personal_data(&self) -> bool {
        self.category == DataCategory::Personal || self.contains_personal_information
    }
}

/// An authorization (授权运营 grant) as the risk rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AuthorizationView {
    /// Id of the authorization.
    pub authorization_id: String,
    /// Ledger id of the asset granted.
    pub asset_id: String,
    /// Id of the licensee.
    pub licensee_id: String,
    /// Whether the granted data includes core data, even when the ledger grades it lower.
    #[serde(default)]
    pub includes_core_data: bool,
}

impl From<&crate::authorization::Authorization> for AuthorizationView {
    /// Takes the grant's id, asset and licensee. The grant records the licensee by name, so the
    /// name stands in for its id; it records no data-level grading, so `includes_core_data` is
    /// false and the ledger's security grade decides.
    fn from(grant: &crate::authorization::Authorization) -> Self {
        let terms = grant.terms();
        AuthorizationView {
            authorization_id: terms.id.clone(),
            asset_id: terms.asset_id.clone(),
            licensee_id: terms.licensee.clone(),
            includes_core_data: false,
        }
    }
}

/// A trade as the risk rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TradeView {
    /// Id of the trade.
    pub trade_id: String,
    /// Ledger id of the asset traded.
    pub asset_id: String,
    /// Whether the traded data includes core data, even when the ledger grades it lower.
    #[serde(default)]
    pub includes_core_data: bool,
}

impl From<&TradeRecord> for TradeView {
    fn from(trade: &TradeRecord) -> Self {
        TradeView {
            trade_id: trade.trade_id.clone(),
            asset_id: trade.asset_id.clone(),
            includes_core_data: trade.includes_core_data,
        }
    }
}

crate::vocab! {
    /// Kind of financing secured by a data asset.
    pub enum FinancingKind {
        /// 担保: a guarantee backed by the asset.
        Guarantee = ("guarantee", "担保"),
        /// 质押: a pledge of the asset.
        Pledge = ("pledge", "质押"),
    }
}

/// A guarantee or pledge backed by a data asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct FinancingView {
    /// Id of the financing contract.
    pub financing_id: String,
    /// Guarantee or pledge.
    pub kind: FinancingKind,
    /// Id of the unit that pledges the asset.
    pub pledgor_id: String,
    /// Kind of that unit.
    pub pledgor_kind: EntityKind,
    /// Ledger id of the pledged asset.
    pub asset_id: String,
    /// Appraised value of the pledged asset, zero or more.
    pub appraised_value: Amount,
    /// Amount secured by the pledge, zero or more.
    pub pledge_amount: Amount,
}

/// A payment obligation of a government unit arising from a data-asset arrangement, such as a
/// repurchase promise, a guaranteed minimum return or a commitment to buy the licensee's output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PaymentObligationView {
    /// Id of the obligation.
    pub obligation_id: String,
    /// Id of the obliged unit.
    pub obligor_id: String,
    /// Kind of the obliged unit.
    pub obligor_kind: EntityKind,
    /// Ledger id of the asset involved, if any.
    #[serde(default)]
    pub asset_id: Option<String>,
    /// Amount of the obligation, zero or more.
    pub amount: Amount,
    /// Whether the obligation is in a budget approved under the 预算法.
    #[serde(default)]
    pub in_approved_budget: bool,
}

/// A receipt of licence income for a data asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LicenceReceiptView {
    /// Id of the receipt.
    pub receipt_id: String,
    /// Ledger id of the licensed asset.
    pub asset_id: String,
    /// Id of the unit receiving the income.
    pub recipient_id: String,
    /// Kind of that unit.
    pub recipient_kind: EntityKind,
    /// Id of the payer (the licensee).
    pub payer_id: String,
    /// Amount received, zero or more.
    pub amount: Amount,
    /// Whether the payer is funded by the same finance bureau as the recipient.
    #[serde(default)]
    pub payer_funded_by_same_finance_bureau: bool,
    /// Whether the income, or part of it, is returned to the payer as a subsidy.
    #[serde(default)]
    pub returned_as_subsidy: bool,
}

/// A unit's data-security arrangements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct UnitView {
    /// Id of the unit.
    pub unit_id: String,
    /// Kind of the unit.
    pub kind: EntityKind,
    /// Whether the unit has a data-asset security management system (数据资产安全管理制度).
    pub has_security_management_system: bool,
    /// Whether the unit has an emergency plan (应急预案).
    pub has_emergency_plan: bool,
}

/// Everything the risk rules look at.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default)]
pub struct ComplianceInput {
    /// Units and their security arrangements.
    pub units: Vec<UnitView>,
    /// Ledger entries.
    pub ledger: Vec<LedgerEntryView>,
    /// Authorizations.
    pub authorizations: Vec<AuthorizationView>,
    /// Trades.
    pub trades: Vec<TradeView>,
    /// Guarantees and pledges.
    pub financings: Vec<FinancingView>,
    /// Government payment obligations.
    pub payment_obligations: Vec<PaymentObligationView>,
    /// Licence receipts.
    pub licence_receipts: Vec<LicenceReceiptView>,
}

/// Errors in the input of the risk rules.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ComplianceError {
    /// A required id is empty.
    #[error("missing id in {field}: the value is empty")]
    MissingId {
        /// Field path, such as `financings[2].asset_id`.
        field: String,
    },
    /// Two ledger entries share an asset id, so rules could not tell which one applies.
    #[error("duplicate asset id in {field}: {value} appears earlier in the ledger")]
    DuplicateAssetId {
        /// Field path of the second entry.
        field: String,
        /// The repeated id.
        value: String,
    },
    /// An amount is negative.
    #[error("negative amount in {field}: {value}")]
    NegativeAmount {
        /// Field path.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// Arithmetic left the range of [`Amount`].
    #[error("arithmetic overflow in {field}: {source}")]
    Overflow {
        /// Field path.
        field: String,
        /// The money error.
        source: MoneyError,
    },
}

impl ErrorDetail for ComplianceError {
    fn code(&self) -> &'static str {
        match self {
            ComplianceError::MissingId { .. } => "compliance.missing_id",
            ComplianceError::DuplicateAssetId { .. } => "compliance.duplicate_asset_id",
            ComplianceError::NegativeAmount { .. } => "compliance.negative_amount",
            ComplianceError::Overflow { .. } => "compliance.overflow",
        }
    }
    fn field(&self) -> &str {
        match self {
            ComplianceError::MissingId { field }
            | ComplianceError::DuplicateAssetId { field, .. }
            | ComplianceError::NegativeAmount { field, .. }
            | ComplianceError::Overflow { field, .. } => field,
        }
    }
    fn value(&self) -> &str {
        match self {
            ComplianceError::MissingId { .. } => "",
            ComplianceError::DuplicateAssetId { value, .. }
            | ComplianceError::NegativeAmount { value, .. } => value,
            ComplianceError::Overflow { source, .. } => source.value(),
        }
    }
    fn allowed(&self) -> &str {
        match self {
            ComplianceError::MissingId { .. } => "a non-empty id",
            ComplianceError::DuplicateAssetId { .. } => "each asset id once in the ledger",
            ComplianceError::NegativeAmount { .. } => "zero or a positive amount",
            ComplianceError::Overflow { source, .. } => source.allowed(),
        }
    }
}

/// Runs every risk rule and returns every violation found.
///
/// Violations come rule by rule in the order of [`RuleCode::ALL`], and within a rule in input
/// order, so the same input always yields the same list. A transaction with any
/// [`Severity::Block`] violation must not go ahead; see [`has_block`].
///
/// # Errors
///
/// - [`ComplianceError::MissingId`] when an id of a record is empty;
/// - [`ComplianceError::NegativeAmount`] when an amount is negative;
/// - [`ComplianceError::DuplicateAssetId`] when two ledger entries share an asset id;
/// - [`ComplianceError::Overflow`] when the pledge cap times the appraised value overflows.
///
/// ```
/// use data_assets_core::asset::{DataCategory, SecurityGrade};
/// use data_assets_core::compliance::*;
/// use data_assets_core::entity::EntityKind;
/// use data_assets_core::policy::Policy;
/// let input = ComplianceInput {
///     financings: vec![FinancingView {
///         financing_id: "F-1".into(),
///         kind: FinancingKind::Pledge,
///         pledgor_id: "city-water-bureau".into(),
///         pledgor_kind: EntityKind::AdministrativeUnit,
///         asset_id: "A-1".into(),
///         appraised_value: "1000000".parse()?,
///         pledge_amount: "300000".parse()?,
///     }],
///     ..ComplianceInput::default()
/// };
/// let violations = check(&input, &Policy::default())?;
/// assert_eq!(violations[0].code.code(), "compliance.government_asset_pledge");
/// assert!(has_block(&violations));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check(input: &ComplianceInput, policy: &Policy) -> Result<Vec<Violation>, ComplianceError> {
    validate(input)?;
    let ledger = LedgerIndex::new(input)?;
    let mut violations = Vec::new();
    government_asset_pledges(input, &ledger, &mut violations);
    hidden_government_debt(input, &mut violations);
    revenue_inflation(input, &mut violations);
    core_data_traded(input, &ledger, &mut violations);
    core_data_authorized(input, &ledger, &mut violations);
    important_data_without_assessment(input, &mut violations);
    personal_data_without_basis(input, &mut violations);
    unit_security_arrangements(input, &mut violations);
    pledge_ratio_above_cap(input, &ledger, policy, &mut violations)?;
    Ok(violations)
}

/// Reports whether any violation blocks the transaction.
pub fn has_block(violations: &[Violation]) -> bool {
    violations.iter().any(|v| v.severity == Severity::Block)
}

fn validate(input: &ComplianceInput) -> Result<(), ComplianceError> {
    // Collect every id and amount with its field path.
    let mut ids: Vec<(String, &str)> = Vec::new();
    let mut amounts: Vec<(String, Amount)> = Vec::new();
    for (i, unit) in input.units.iter().enumerate() {
        ids.push((format!("units[{i}].unit_id"), &unit.unit_id));
    }
    for (i, entry) in input.ledger.iter().enumerate() {
        ids.push((format!("ledger[{i}].asset_id"), &entry.asset_id));
    }
    for (i, grant) in input.authorizations.iter().enumerate() {
        ids.push((
            format!("authorizations[{i}].authorization_id"),
            &grant.authorization_id,
        ));
        ids.push((format!("authorizations[{i}].asset_id"), &grant.asset_id));
    }
    for (i, trade) in input.trades.iter().enumerate() {
        ids.push((format!("trades[{i}].trade_id"), &trade.trade_id));
        ids.push((format!("trades[{i}].asset_id"), &trade.asset_id));
    }
    for (i, financing) in input.financings.iter().enumerate() {
        ids.push((
            format!("financings[{i}].financing_id"),
            &financing.financing_id,
        ));
        ids.push((format!("financings[{i}].asset_id"), &financing.asset_id));
        amounts.push((
            format!("financings[{i}].appraised_value"),
            financing.appraised_value,
        ));
        amounts.push((
            format!("financings[{i}].pledge_amount"),
            financing.pledge_amount,
        ));
    }
    for (i, obligation) in input.payment_obligations.iter().enumerate() {
        ids.push((
            format!("payment_obligations[{i}].obligation_id"),
            &obligation.obligation_id,
        ));
        amounts.push((
            format!("payment_obligations[{i}].amount"),
            obligation.amount,
        ));
    }
    for (i, receipt) in input.licence_receipts.iter().enumerate() {
        ids.push((
            format!("licence_receipts[{i}].receipt_id"),
            &receipt.receipt_id,
        ));
        amounts.push((format!("licence_receipts[{i}].amount"), receipt.amount));
    }

    // Report the first empty id, then the first negative amount.
    if let Some((field, _)) = ids.into_iter().find(|(_, id)| crate::text::is_blank(id)) {
        return Err(ComplianceError::MissingId { field });
    }
    if let Some((field, amount)) = amounts.into_iter().find(|(_, a)| a.is_negative()) {
        return Err(ComplianceError::NegativeAmount {
            field,
            value: amount.to_string(),
        });
    }
    Ok(())
}

/// Ledger entries by asset id, so each rule looks an asset up in constant time.
struct LedgerIndex<'a> {
    by_asset_id: HashMap<&'a str, &'a LedgerEntryView>,
}

impl<'a> LedgerIndex<'a> {
    /// Indexes the ledger, rejecting an asset id that appears twice.
    fn new(input: &'a ComplianceInput) -> Result<Self, ComplianceError> {
        let mut by_asset_id = HashMap::with_capacity(input.ledger.len());
        for (index, entry) in input.ledger.iter().enumerate() {
            if by_asset_id.insert(entry.asset_id.as_str(), entry).is_some() {
                return Err(ComplianceError::DuplicateAssetId {
                    field: format!("ledger[{index}].asset_id"),
                    value: entry.asset_id.clone(),
                });
            }
        }
        Ok(LedgerIndex { by_asset_id })
    }

    fn get(&self, asset_id: &str) -> Option<&'a LedgerEntryView> {
        self.by_asset_id.get(asset_id).copied()
    }
}

/// Decides whether the pledged asset belongs to a government unit, by the financing or the ledger.
fn pledged_by_government(ledger: &LedgerIndex, financing: &FinancingView) -> bool {
    financing.pledgor_kind.is_government()
        || ledger
            .get(&financing.asset_id)
            .is_some_and(|e| e.holder_kind.is_government())
}

fn government_asset_pledges(
    input: &ComplianceInput,
    ledger: &LedgerIndex,
    out: &mut Vec<Violation>,
) {
    for financing in &input.financings {
        if pledged_by_government(ledger, financing) {
            out.push(Violation::new(
                RuleCode::GovernmentAssetPledge,
                (
                    format!(
                        "{} {} is backed by data asset {} of a government unit",
                        financing.kind.code(),
                        financing.financing_id,
                        financing.asset_id
                    ),
                    format!(
                        "{} {}：以行政事业单位的数据资产 {} 提供{}",
                        financing.kind.label_zh(),
                        financing.financing_id,
                        financing.asset_id,
                        financing.kind.label_zh()
                    ),
                ),
                vec![financing.financing_id.clone(), financing.asset_id.clone()],
            ));
        }
    }
}

/// NOTE: an obligation counts as hidden debt when a government unit takes it on outside an
/// approved budget. The notices forbid new hidden debt but give no finer test.
fn hidden_government_debt(input: &ComplianceInput, out: &mut Vec<Violation>) {
    for obligation in &input.payment_obligations {
        if obligation.obligor_kind.is_government() && !obligation.in_approved_budget {
            let mut subjects = vec![
                obligation.obligation_id.clone(),
                obligation.obligor_id.clone(),
            ];
            subjects.extend(obligation.asset_id.clone());
            out.push(Violation::new(
                RuleCode::HiddenGovernmentDebt,
                (
                    format!(
                        "payment obligation {} of {} for {} is outside the approved budget",
                        obligation.obligation_id, obligation.obligor_id, obligation.amount
                    ),
                    format!(
                        "{} 的支付义务 {}（金额 {}）不在批准的预算内",
                        obligation.obligor_id, obligation.obligation_id, obligation.amount
                    ),
                ),
                subjects,
            ));
        }
    }
}

fn revenue_inflation(input: &ComplianceInput, out: &mut Vec<Violation>) {
    for receipt in &input.licence_receipts {
        if !receipt.recipient_kind.is_government() {
            continue;
        }
        let mut reasons = Vec::new();
        let mut reasons_zh = Vec::new();
        if receipt.returned_as_subsidy {
            reasons.push("is returned to the payer as a subsidy");
            reasons_zh.push("以补贴形式返还付款方");
        }
        if receipt.payer_funded_by_same_finance_bureau {
            reasons.push("comes from a payer funded by the same finance bureau");
            reasons_zh.push("付款方由同一财政部门拨款");
        }
        if reasons.is_empty() {
            continue;
        }
        out.push(Violation::new(
            RuleCode::RevenueInflation,
            (
                format!(
                    "licence income {} of {} from {} {}",
                    receipt.receipt_id,
                    receipt.amount,
                    receipt.payer_id,
                    reasons.join(" and ")
                ),
                format!(
                    "来自 {} 的许可使用收入 {}（金额 {}）{}",
                    receipt.payer_id,
                    receipt.receipt_id,
                    receipt.amount,
                    reasons_zh.join("，且")
                ),
            ),
            vec![
                receipt.receipt_id.clone(),
                receipt.asset_id.clone(),
                receipt.payer_id.clone(),
            ],
        ));
    }
}

fn is_core(ledger: &LedgerIndex, asset_id: &str, flagged: bool) -> bool {
    flagged
        || ledger
            .get(asset_id)
            .is_some_and(|e| e.security_grade == SecurityGrade::Core)
}

fn core_data_traded(input: &ComplianceInput, ledger: &LedgerIndex, out: &mut Vec<Violation>) {
    for trade in &input.trades {
        if is_core(ledger, &trade.asset_id, trade.includes_core_data) {
            out.push(Violation::new(
                RuleCode::CoreDataTraded,
                (
                    format!(
                        "trade {} includes core data of asset {}",
                        trade.trade_id, trade.asset_id
                    ),
                    format!(
                        "交易 {} 包含资产 {} 的核心数据",
                        trade.trade_id, trade.asset_id
                    ),
                ),
                vec![trade.trade_id.clone(), trade.asset_id.clone()],
            ));
        }
    }
}

fn core_data_authorized(input: &ComplianceInput, ledger: &LedgerIndex, out: &mut Vec<Violation>) {
    for grant in &input.authorizations {
        if is_core(ledger, &grant.asset_id, grant.includes_core_data) {
            out.push(Violation::new(
                RuleCode::CoreDataAuthorized,
                (
                    format!(
                        "authorization {} to {} includes core data of asset {}",
                        grant.authorization_id, grant.licensee_id, grant.asset_id
                    ),
                    format!(
                        "授予 {} 的授权 {} 包含资产 {} 的核心数据",
                        grant.licensee_id, grant.authorization_id, grant.asset_id
                    ),
                ),
                vec![grant.authorization_id.clone(), grant.asset_id.clone()],
            ));
        }
    }
}

fn important_data_without_assessment(input: &ComplianceInput, out: &mut Vec<Violation>) {
    for entry in &input.ledger {
        if entry.security_grade == SecurityGrade::Important && !entry.security_assessment_done {
            out.push(Violation::new(
                RuleCode::ImportantDataWithoutAssessment,
                (
                    format!(
                        "important data asset {} has no security assessment",
                        entry.asset_id
                    ),
                    format!("重要数据资产 {} 未开展安全风险评估", entry.asset_id),
                ),
                vec![entry.asset_id.clone(), entry.holder_id.clone()],
            ));
        }
    }
}

fn personal_data_without_basis(input: &ComplianceInput, out: &mut Vec<Violation>) {
    for entry in &input.ledger {
        if entry.has_personal_data()
            && matches!(
                entry.personal_data_basis,
                None | Some(PersonalDataBasis::NoBasis)
            )
        {
            out.push(Violation::new(
                RuleCode::PersonalDataWithoutBasis,
                (
                    format!(
                        "data asset {} contains personal data but is neither anonymized nor \
                         consented",
                        entry.asset_id
                    ),
                    format!(
                        "数据资产 {} 含个人信息，但既未匿名化处理，也未取得个人同意",
                        entry.asset_id
                    ),
                ),
                vec![entry.asset_id.clone(), entry.holder_id.clone()],
            ));
        }
    }
}

fn unit_security_arrangements(input: &ComplianceInput, out: &mut Vec<Violation>) {
    for unit in &input.units {
        if !unit.has_security_management_system {
            out.push(Violation::new(
                RuleCode::MissingSecurityManagementSystem,
                (
                    format!(
                        "unit {} has no data-asset security management system",
                        unit.unit_id
                    ),
                    format!("单位 {} 未建立数据资产安全管理制度", unit.unit_id),
                ),
                vec![unit.unit_id.clone()],
            ));
        }
    }
    for unit in &input.units {
        if !unit.has_emergency_plan {
            out.push(Violation::new(
                RuleCode::MissingEmergencyPlan,
                (
                    format!("unit {} has no data-security emergency plan", unit.unit_id),
                    format!("单位 {} 未制定数据安全应急预案", unit.unit_id),
                ),
                vec![unit.unit_id.clone()],
            ));
        }
    }
}

fn pledge_ratio_above_cap(
    input: &ComplianceInput,
    ledger: &LedgerIndex,
    policy: &Policy,
    out: &mut Vec<Violation>,
) -> Result<(), ComplianceError> {
    for (index, financing) in input.financings.iter().enumerate() {
        // A government pledge is already blocked; the ratio applies to enterprises only.
        if pledged_by_government(ledger, financing) {
            continue;
        }
        let limit = financing
            .appraised_value
            .checked_mul(policy.pledge_ratio_cap.value())
            .map_err(|source| ComplianceError::Overflow {
                field: format!("financings[{index}].appraised_value"),
                source,
            })?;
        if financing.pledge_amount > limit {
            out.push(Violation::new(
                RuleCode::PledgeRatioAboveCap,
                (
                    format!(
                        "{} {} secures {} on asset {} appraised at {}, above the cap of {} ({} \
                         of the appraised value)",
                        financing.kind.code(),
                        financing.financing_id,
                        financing.pledge_amount,
                        financing.asset_id,
                        financing.appraised_value,
                        limit,
                        policy.pledge_ratio_cap
                    ),
                    format!(
                        "{} {} 以评估价值 {} 的资产 {} 担保 {}，超过上限 {}（评估价值的 {}）",
                        financing.kind.label_zh(),
                        financing.financing_id,
                        financing.appraised_value,
                        financing.asset_id,
                        financing.pledge_amount,
                        limit,
                        policy.pledge_ratio_cap
                    ),
                ),
                vec![financing.financing_id.clone(), financing.asset_id.clone()],
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Ratio;

    fn amount(text: &str) -> Amount {
        text.parse().unwrap()
    }

    fn entry(asset_id: &str, holder_kind: EntityKind, grade: SecurityGrade) -> LedgerEntryView {
        LedgerEntryView {
            asset_id: asset_id.into(),
            holder_id: "unit-1".into(),
            holder_kind,
            security_grade: grade,
            category: DataCategory::Public,
            contains_personal_information: false,
            personal_data_basis: None,
            security_assessment_done: false,
        }
    }

    fn financing(kind: EntityKind, appraised: &str, pledged: &str) -> FinancingView {
        FinancingView {
            financing_id: "F-1".into(),
            kind: FinancingKind::Pledge,
            pledgor_id: "pledgor".into(),
            pledgor_kind: kind,
            asset_id: "A-1".into(),
            appraised_value: amount(appraised),
            pledge_amount: amount(pledged),
        }
    }

    fn receipt(kind: EntityKind, subsidy: bool, same_bureau: bool) -> LicenceReceiptView {
        LicenceReceiptView {
            receipt_id: "R-1".into(),
            asset_id: "A-1".into(),
            recipient_id: "unit-1".into(),
            recipient_kind: kind,
            payer_id: "licensee".into(),
            amount: amount("50000"),
            payer_funded_by_same_finance_bureau: same_bureau,
            returned_as_subsidy: subsidy,
        }
    }

    fn codes(input: &ComplianceInput) -> Vec<&'static str> {
        check(input, &Policy::default())
            .unwrap()
            .iter()
            .map(|v| v.code.code())
            .collect()
    }

    #[test]
    fn empty_input_has_no_violations() {
        assert!(codes(&ComplianceInput::default()).is_empty());
    }

    #[test]
    fn government_pledge_blocked() {
        for kind in [
            EntityKind::AdministrativeUnit,
            EntityKind::PublicInstitution,
        ] {
            let input = ComplianceInput {
                financings: vec![financing(kind, "1000000", "100000")],
                ..ComplianceInput::default()
            };
            let violations = check(&input, &Policy::default()).unwrap();
            assert_eq!(violations.len(), 1);
            assert_eq!(violations[0].code, RuleCode::GovernmentAssetPledge);
            assert_eq!(violations[0].severity, Severity::Block);
            assert_eq!(violations[0].subject_ids, ["F-1", "A-1"]);
            assert!(violations[0].rule_cited.contains("财资〔2024〕1号"));
            assert_eq!(
                violations[0].message_zh,
                "质押 F-1：以行政事业单位的数据资产 A-1 提供质押"
            );
        }
    }

    #[test]
    fn government_guarantee_found_through_ledger() {
        // The contract names an SOE pledgor, but the ledger shows that a 事业单位 is the holder.
        let mut guarantee = financing(EntityKind::StateOwnedEnterprise, "1000000", "100000");
        guarantee.kind = FinancingKind::Guarantee;
        let input = ComplianceInput {
            ledger: vec![entry(
                "A-1",
                EntityKind::PublicInstitution,
                SecurityGrade::General,
            )],
            financings: vec![guarantee],
            ..ComplianceInput::default()
        };
        assert_eq!(codes(&input), ["compliance.government_asset_pledge"]);
    }

    #[test]
    fn enterprise_pledge_within_cap_passes() {
        // Cap 0.5 × 1,000,000 = 500,000; a pledge of exactly 500,000 is at the cap.
        let input = ComplianceInput {
            financings: vec![financing(
                EntityKind::StateOwnedEnterprise,
                "1000000",
                "500000",
            )],
            ..ComplianceInput::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn enterprise_pledge_above_cap_flagged() {
        let input = ComplianceInput {
            financings: vec![financing(EntityKind::SoeSubsidiary, "1000000", "500000.01")],
            ..ComplianceInput::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].code, RuleCode::PledgeRatioAboveCap);
        assert_eq!(violations[0].severity, Severity::Flag);
        assert!(
            violations[0].message.contains("500000.01"),
            "{}",
            violations[0].message
        );
    }

    #[test]
    fn pledge_cap_follows_policy() {
        let policy = Policy {
            pledge_ratio_cap: Ratio::parse_field("0.7", "cap").unwrap(),
            ..Policy::default()
        };
        let input = ComplianceInput {
            financings: vec![financing(
                EntityKind::StateOwnedEnterprise,
                "1000000",
                "600000",
            )],
            ..ComplianceInput::default()
        };
        assert!(check(&input, &policy).unwrap().is_empty());
        assert_eq!(codes(&input), ["compliance.pledge_ratio_above_cap"]);
    }

    #[test]
    fn pledge_on_zero_appraisal_flagged() {
        let input = ComplianceInput {
            financings: vec![financing(EntityKind::StateOwnedEnterprise, "0", "1")],
            ..ComplianceInput::default()
        };
        assert_eq!(codes(&input), ["compliance.pledge_ratio_above_cap"]);
    }

    fn obligation(kind: EntityKind, in_budget: bool) -> PaymentObligationView {
        PaymentObligationView {
            obligation_id: "O-1".into(),
            obligor_id: "city-bureau".into(),
            obligor_kind: kind,
            asset_id: Some("A-1".into()),
            amount: amount("2000000"),
            in_approved_budget: in_budget,
        }
    }

    #[test]
    fn hidden_debt_blocked() {
        let input = ComplianceInput {
            payment_obligations: vec![obligation(EntityKind::AdministrativeUnit, false)],
            ..ComplianceInput::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations[0].code, RuleCode::HiddenGovernmentDebt);
        assert_eq!(violations[0].severity, Severity::Block);
        assert_eq!(violations[0].subject_ids, ["O-1", "city-bureau", "A-1"]);
    }

    #[test]
    fn budgeted_obligation_passes() {
        let input = ComplianceInput {
            payment_obligations: vec![obligation(EntityKind::PublicInstitution, true)],
            ..ComplianceInput::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn enterprise_obligation_is_not_government_debt() {
        let input = ComplianceInput {
            payment_obligations: vec![obligation(EntityKind::StateOwnedEnterprise, false)],
            ..ComplianceInput::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn subsidy_return_flagged() {
        let input = ComplianceInput {
            licence_receipts: vec![receipt(EntityKind::AdministrativeUnit, true, false)],
            ..ComplianceInput::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations[0].code, RuleCode::RevenueInflation);
        assert_eq!(violations[0].severity, Severity::Flag);
        assert!(violations[0].message.contains("subsidy"));
        assert!(violations[0].message_zh.ends_with("以补贴形式返还付款方"));
    }

    #[test]
    fn same_bureau_payer_flagged() {
        let input = ComplianceInput {
            licence_receipts: vec![receipt(EntityKind::PublicInstitution, false, true)],
            ..ComplianceInput::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations.len(), 1);
        assert!(violations[0].message.contains("same finance bureau"));
    }

    #[test]
    fn arms_length_licence_income_passes() {
        let input = ComplianceInput {
            licence_receipts: vec![receipt(EntityKind::AdministrativeUnit, false, false)],
            ..ComplianceInput::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn enterprise_licence_income_not_fiscal_revenue() {
        let input = ComplianceInput {
            licence_receipts: vec![receipt(EntityKind::StateOwnedEnterprise, true, true)],
            ..ComplianceInput::default()
        };
        assert!(codes(&input).is_empty());
    }

    fn trade(asset_id: &str, core: bool) -> TradeView {
        TradeView {
            trade_id: "T-1".into(),
            asset_id: asset_id.into(),
            includes_core_data: core,
        }
    }

    fn grant(asset_id: &str, core: bool) -> AuthorizationView {
        AuthorizationView {
            authorization_id: "G-1".into(),
            asset_id: asset_id.into(),
            licensee_id: "operator".into(),
            includes_core_data: core,
        }
    }

    #[test]
    fn core_data_trade_blocked_by_flag() {
        let input = ComplianceInput {
            trades: vec![trade("A-9", true)],
            ..Default::default()
        };
        assert_eq!(codes(&input), ["compliance.core_data_traded"]);
    }

    #[test]
    fn core_data_trade_blocked_by_ledger_grade() {
        let mut core = entry("A-1", EntityKind::StateOwnedEnterprise, SecurityGrade::Core);
        core.security_assessment_done = true;
        let input = ComplianceInput {
            ledger: vec![core],
            trades: vec![trade("A-1", false)],
            authorizations: vec![grant("A-1", false)],
            ..Default::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        let found: Vec<RuleCode> = violations.iter().map(|v| v.code).collect();
        assert_eq!(
            found,
            [RuleCode::CoreDataTraded, RuleCode::CoreDataAuthorized]
        );
        assert!(has_block(&violations));
    }

    #[test]
    fn general_data_trade_and_grant_pass() {
        let input = ComplianceInput {
            ledger: vec![entry(
                "A-1",
                EntityKind::StateOwnedEnterprise,
                SecurityGrade::General,
            )],
            trades: vec![trade("A-1", false)],
            authorizations: vec![grant("A-1", false)],
            ..Default::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn core_data_grant_blocked_by_flag() {
        let input = ComplianceInput {
            authorizations: vec![grant("A-2", true)],
            ..Default::default()
        };
        assert_eq!(codes(&input), ["compliance.core_data_authorized"]);
    }

    #[test]
    fn important_data_needs_assessment() {
        let mut assessed = entry(
            "A-2",
            EntityKind::AdministrativeUnit,
            SecurityGrade::Important,
        );
        assessed.security_assessment_done = true;
        let input = ComplianceInput {
            ledger: vec![
                entry(
                    "A-1",
                    EntityKind::AdministrativeUnit,
                    SecurityGrade::Important,
                ),
                assessed,
            ],
            ..Default::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].code, RuleCode::ImportantDataWithoutAssessment);
        assert_eq!(violations[0].severity, Severity::Flag);
        assert_eq!(violations[0].subject_ids, ["A-1", "unit-1"]);
    }

    #[test]
    fn personal_data_without_basis_blocked() {
        let mut personal = entry("A-1", EntityKind::PublicInstitution, SecurityGrade::General);
        personal.category = DataCategory::Personal;
        let mut embedded = entry("A-2", EntityKind::PublicInstitution, SecurityGrade::General);
        embedded.contains_personal_information = true;
        let input = ComplianceInput {
            ledger: vec![personal, embedded],
            ..Default::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        assert_eq!(violations.len(), 2);
        assert!(
            violations
                .iter()
                .all(|v| v.code == RuleCode::PersonalDataWithoutBasis)
        );
        assert!(violations.iter().all(|v| v.severity == Severity::Block));
    }

    #[test]
    fn ledger_asset_without_basis_blocked() {
        let mut asset = DataAsset::example();
        asset.category = DataCategory::Personal;
        asset.personal_data_basis = PersonalDataBasis::NoBasis;
        let view = LedgerEntryView::from_asset(&asset, EntityKind::PublicInstitution, true);
        let input = ComplianceInput {
            ledger: vec![view],
            ..Default::default()
        };
        assert_eq!(
            codes(&input),
            vec!["compliance.personal_data_without_basis"]
        );

        asset.personal_data_basis = PersonalDataBasis::Anonymized;
        let view = LedgerEntryView::from_asset(&asset, EntityKind::PublicInstitution, true);
        let input = ComplianceInput {
            ledger: vec![view],
            ..Default::default()
        };
        assert!(codes(&input).is_empty());
    }

    #[test]
    fn personal_data_with_basis_passes() {
        for basis in [PersonalDataBasis::Anonymized, PersonalDataBasis::Consent] {
            let mut personal = entry("A-1", EntityKind::PublicInstitution, SecurityGrade::General);
            personal.category = DataCategory::Personal;
            personal.personal_data_basis = Some(basis);
            let input = ComplianceInput {
                ledger: vec![personal],
                ..Default::default()
            };
            assert!(codes(&input).is_empty(), "{basis:?}");
        }
    }

    #[test]
    fn unit_security_arrangements_flagged() {
        let unit = |id: &str, system: bool, plan: bool| UnitView {
            unit_id: id.into(),
            kind: EntityKind::AdministrativeUnit,
            has_security_management_system: system,
            has_emergency_plan: plan,
        };
        let input = ComplianceInput {
            units: vec![
                unit("U-ok", true, true),
                unit("U-1", false, true),
                unit("U-2", true, false),
            ],
            ..Default::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        let found: Vec<(&str, &str)> = violations
            .iter()
            .map(|v| (v.code.code(), v.subject_ids[0].as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("compliance.missing_security_management_system", "U-1"),
                ("compliance.missing_emergency_plan", "U-2"),
            ]
        );
        assert!(!has_block(&violations));
    }

    #[test]
    fn every_rule_reported_in_code_order() {
        let mut personal = entry(
            "A-3",
            EntityKind::StateOwnedEnterprise,
            SecurityGrade::Important,
        );
        personal.category = DataCategory::Personal;
        let input = ComplianceInput {
            units: vec![UnitView {
                unit_id: "U-1".into(),
                kind: EntityKind::StateOwnedEnterprise,
                has_security_management_system: false,
                has_emergency_plan: false,
            }],
            ledger: vec![personal],
            authorizations: vec![grant("A-9", true)],
            trades: vec![trade("A-9", true)],
            financings: vec![
                financing(EntityKind::AdministrativeUnit, "100", "10"),
                FinancingView {
                    financing_id: "F-2".into(),
                    asset_id: "A-2".into(),
                    ..financing(EntityKind::StateOwnedEnterprise, "100", "60")
                },
            ],
            payment_obligations: vec![obligation(EntityKind::AdministrativeUnit, false)],
            licence_receipts: vec![receipt(EntityKind::AdministrativeUnit, true, true)],
        };
        let violations = check(&input, &Policy::default()).unwrap();
        let found: Vec<RuleCode> = violations.iter().map(|v| v.code).collect();
        assert_eq!(found, RuleCode::ALL);
    }

    #[test]
    fn rejects_negative_amount() {
        let input = ComplianceInput {
            financings: vec![financing(EntityKind::StateOwnedEnterprise, "100", "-1")],
            ..Default::default()
        };
        let error = check(&input, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "compliance.negative_amount");
        assert_eq!(error.field(), "financings[0].pledge_amount");
        assert_eq!(error.value(), "-1.00");
    }

    #[test]
    fn rejects_duplicate_ledger_id() {
        let input = ComplianceInput {
            ledger: vec![
                entry(
                    "A-1",
                    EntityKind::AdministrativeUnit,
                    SecurityGrade::General,
                ),
                entry("A-1", EntityKind::StateOwnedEnterprise, SecurityGrade::Core),
            ],
            ..Default::default()
        };
        let error = check(&input, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "compliance.duplicate_asset_id");
        assert_eq!(error.field(), "ledger[1].asset_id");
        assert_eq!(error.value(), "A-1");
    }

    #[test]
    fn rejects_empty_id() {
        let input = ComplianceInput {
            trades: vec![trade(" ", false)],
            ..Default::default()
        };
        let error = check(&input, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "compliance.missing_id");
        assert_eq!(error.field(), "trades[0].asset_id");
    }

    #[test]
    fn cap_overflow_is_an_error() {
        let policy = Policy {
            pledge_ratio_cap: Ratio::parse_field("1000", "cap").unwrap(),
            ..Policy::default()
        };
        let input = ComplianceInput {
            financings: vec![financing(
                EntityKind::StateOwnedEnterprise,
                "10000000000000000",
                "1",
            )],
            ..Default::default()
        };
        assert_eq!(
            check(&input, &policy).unwrap_err().code(),
            "compliance.overflow"
        );
    }

    #[test]
    fn violation_serializes_codes() {
        let input = ComplianceInput {
            trades: vec![trade("A-1", true)],
            ..Default::default()
        };
        let violations = check(&input, &Policy::default()).unwrap();
        let json = serde_json::to_string(&violations[0]).unwrap();
        assert!(
            json.contains(r#""code":"compliance.core_data_traded""#),
            "{json}"
        );
        assert!(json.contains(r#""severity":"block""#), "{json}");
        let back: Violation = serde_json::from_str(&json).unwrap();
        assert_eq!(back, violations[0]);
    }

    #[test]
    fn trade_view_from_record() {
        let record = TradeRecord {
            trade_id: "T-7".into(),
            asset_id: "A-7".into(),
            buyer_id: "b".into(),
            seller_id: "s".into(),
            price: amount("1"),
            trade_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap(),
            rights_transferred: vec![crate::asset::RightKind::ProductOperation],
            includes_core_data: true,
            venue: crate::trading::TradeVenue::OffExchange {
                filing_reference: "B-1".into(),
            },
        };
        let view = TradeView::from(&record);
        assert_eq!(view.trade_id, "T-7");
        assert!(view.includes_core_data);
    }

    #[test]
    fn every_rule_has_a_citation() {
        for code in RuleCode::ALL {
            assert!(code.code().starts_with("compliance."), "{code:?}");
            assert!(!code.citation().is_empty(), "{code:?}");
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]

            #[test]
            fn financing_gets_one_matching_rule(
                kind_index in 0usize..4,
                appraised in 0i64..1_000_000_000_000,
                pledged in 0i64..1_000_000_000_000,
            ) {
                let kind = EntityKind::ALL[kind_index];
                let mut view = financing(kind, "0", "0");
                view.appraised_value = Amount::from_fen(appraised);
                view.pledge_amount = Amount::from_fen(pledged);
                let input = ComplianceInput { financings: vec![view], ..Default::default() };
                let found = codes(&input);
                // Default cap 0.5: the pledge breaches it when 2 × pledged > appraised.
                let expected: Vec<&str> = if kind.is_government() {
                    vec!["compliance.government_asset_pledge"]
                } else if 2 * i128::from(pledged) > i128::from(appraised) {
                    vec!["compliance.pledge_ratio_above_cap"]
                } else {
                    vec![]
                };
                prop_assert_eq!(found, expected);
            }
        }
    }
}
