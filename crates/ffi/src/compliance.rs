//! Risk rules (财资〔2024〕1号 and 财资〔2024〕167号 risk control; 数据安全法; 个人信息保护法): the
//! unit's transactions in, violations out.
//!
//! The input gathers the units, ledger entries, authorizations, trades, financings, payment
//! obligations and licence receipts a check looks at, so it crosses as JSON in the core's
//! serde form; the violations come back as typed records.

use data_assets_core::compliance::{self as core_compliance, RuleCode, Severity, Violation};
use data_assets_core::policy::Policy;

use crate::error::{ConversionError, DataAssetsError};
use crate::vocab::vocabulary;

const INPUT_JSON: &str = "a compliance input as JSON: an object with any of units, ledger, \
                          authorizations, trades, financings, payment_obligations and \
                          licence_receipts, each a list";

vocabulary! {
    /// Seriousness of a violation.
    Severity {
        /// 禁止: the transaction must not go ahead.
        Block,
        /// 提示: the transaction needs review first.
        Flag,
    }
    code: severity_code,
    label: severity_label_zh,
    parse: parse_severity,
}

vocabulary! {
    /// Stable code of a risk rule, such as `compliance.government_asset_pledge`.
    RuleCode {
        /// 行政事业单位数据资产担保.
        GovernmentAssetPledge,
        /// 新增政府隐性债务.
        HiddenGovernmentDebt,
        /// 变相虚增财政收入.
        RevenueInflation,
        /// 核心数据交易.
        CoreDataTraded,
        /// 核心数据授权.
        CoreDataAuthorized,
        /// 重要数据未开展安全评估.
        ImportantDataWithoutAssessment,
        /// 个人数据未匿名化且无个人同意.
        PersonalDataWithoutBasis,
        /// 未制定数据资产安全管理制度.
        MissingSecurityManagementSystem,
        /// 未制定应急预案.
        MissingEmergencyPlan,
        /// 质押率超过上限.
        PledgeRatioAboveCap,
    }
    code: rule_code_code,
    label: rule_code_label_zh,
    parse: parse_rule_code,
}

/// One broken rule.
#[uniffi::remote(Record)]
pub struct Violation {
    /// The rule.
    pub code: RuleCode,
    /// Block or flag.
    pub severity: Severity,
    /// Description in English naming the records involved.
    pub message: String,
    /// The same description in Chinese.
    pub message_zh: String,
    /// Regulation and article the rule enforces.
    pub rule_cited: String,
    /// Ids of the records involved: the transaction first, then the asset or unit.
    pub subject_ids: Vec<String>,
}

/// Checks the transactions of `input_json` against every risk rule.
///
/// # Errors
///
/// `ffi.invalid_json` for text that is not a compliance input; `compliance.*` for a missing id
/// or an invalid amount in it.
#[uniffi::export]
pub fn check_compliance(
    input_json: String,
    policy: Policy,
) -> Result<Vec<Violation>, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    let input = ConversionError::from_json(&input_json, "input_json", INPUT_JSON)?;
    Ok(core_compliance::check(&input, &policy)?)
}

/// Checks whether any violation blocks the transaction.
#[uniffi::export]
pub fn has_block(violations: Vec<Violation>) -> bool {
    core_compliance::has_block(&violations)
}
