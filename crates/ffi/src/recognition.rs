//! Recognition of data resources as assets: facts in, outcome and findings out (政府会计准则第4号
//! art. 2–8 for government units; 企业会计准则第6号 art. 3–9 and 财会〔2023〕11号 for enterprises).

use data_assets_core::asset::DataAsset;
use data_assets_core::asset::{BookingStatus, HoldingPurpose};
use data_assets_core::entity::EntityKind;
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_core::recognition::{
    self as core_recognition, Criterion, DerivedFacts, DevelopmentConditions, Finding,
    FindingStatus, Outcome, RdStage, Recognition, RecognitionFacts,
};

use crate::error::{ConversionError, DataAssetsError};
use crate::vocab::vocabulary;

vocabulary! {
    /// R&D phase of the spending assessed.
    RdStage {
        /// 非研发.
        None,
        /// 研究阶段.
        Research,
        /// 开发阶段.
        Development,
    }
    code: rd_stage_code,
    label: rd_stage_label_zh,
    parse: parse_rd_stage,
}

vocabulary! {
    /// Accounting outcome of recognition.
    Outcome {
        /// 无形资产.
        IntangibleAsset,
        /// 存货 (enterprises only).
        Inventory,
        /// 开发支出.
        DevelopmentExpenditure,
        /// 费用化.
        ExpenseNow,
        /// 不确认为资产.
        NotAnAsset,
    }
    code: outcome_code,
    label: outcome_label_zh,
    parse: parse_outcome,
}

vocabulary! {
    /// A recognition criterion.
    Criterion {
        /// 控制.
        Control,
        /// 过去的交易或事项.
        PastTransaction,
        /// 可辨认性.
        Identifiability,
        /// 服务潜力或经济利益很可能实现.
        ProbableBenefit,
        /// 成本能够可靠计量.
        ReliableMeasurement,
        /// 持有目的.
        HoldingPurpose,
        /// 研究阶段.
        ResearchPhase,
        /// 开发阶段资本化条件.
        DevelopmentConditions,
        /// 低值一次费用化.
        LowValue,
        /// 已费用化金额.
        PreviouslyExpensed,
    }
    code: criterion_code,
    label: criterion_label_zh,
    parse: parse_criterion,
}

vocabulary! {
    /// Status of one finding.
    FindingStatus {
        /// 满足.
        Met,
        /// 不满足.
        NotMet,
        /// 不适用.
        NotApplicable,
    }
    code: finding_status_code,
    label: finding_status_label_zh,
    parse: parse_finding_status,
}

/// The five conditions for capitalizing development spending (企业会计准则第6号 art. 9).
#[uniffi::remote(Record)]
pub struct DevelopmentConditions {
    /// 技术上具有可行性.
    pub technically_feasible: bool,
    /// 具有完成并使用或出售的意图.
    pub intends_to_complete: bool,
    /// 能够产生经济利益或服务潜力.
    pub generates_benefit: bool,
    /// 有足够的技术、财务和其他资源支持.
    pub resources_available: bool,
    /// 支出能够可靠计量.
    pub spending_measurable: bool,
}

/// The facts recognition is decided on.
#[uniffi::remote(Record)]
pub struct RecognitionFacts {
    /// Id of the asset assessed.
    pub asset_id: String,
    /// The unit controls the resource.
    pub controlled: bool,
    /// It arises from a past transaction or event.
    pub past_transaction: bool,
    /// It can be separated from the unit.
    pub separable: bool,
    /// It arises from contractual or other legal rights.
    pub contractual_or_legal: bool,
    /// Its benefit or service potential is probable.
    pub probable_benefit: bool,
    /// Its cost can be measured reliably.
    pub reliable_cost: bool,
    /// Holding purpose of the unit.
    pub holding_purpose: HoldingPurpose,
    /// R&D phase of the spending.
    pub rd_stage: RdStage,
    /// The five development conditions, for development spending.
    pub development_conditions: DevelopmentConditions,
    /// Cost assessed.
    pub cost: Amount,
    /// Unit price, for the low-value rule of a purchase.
    pub unit_price: Option<Amount>,
    /// Whether the purchase is a bulk purchase (批量购置), which the low-value rule excludes.
    pub bulk_purchase: bool,
    /// Whether the unit elected to expense low-value purchases.
    pub low_value_expensing_elected: bool,
    /// Spending already expensed, which is not capitalized later.
    pub previously_expensed: Amount,
}

/// One criterion's finding.
#[uniffi::remote(Record)]
pub struct Finding {
    /// Criterion assessed.
    pub criterion: Criterion,
    /// Met, not met or not applicable.
    pub status: FindingStatus,
    /// Why, in English words.
    pub reason: String,
    /// Why, in Chinese words.
    pub reason_zh: String,
    /// Regulation and article applied.
    pub rule: String,
}

/// The outcome of recognition with its findings.
#[uniffi::remote(Record)]
pub struct Recognition {
    /// Id of the asset assessed.
    pub asset_id: String,
    /// Kind of the unit, which decides the rules applied.
    pub entity_kind: EntityKind,
    /// Accounting outcome.
    pub outcome: Outcome,
    /// Booking status the outcome gives the asset in the register.
    pub booking_status: BookingStatus,
    /// Amount that may be capitalized.
    pub capitalizable_amount: Amount,
    /// One finding per criterion, in the order assessed.
    pub findings: Vec<Finding>,
}

/// Decides whether the facts make an asset for a unit of `entity_kind`, and which.
///
/// # Errors
///
/// `recognition.invalid_amount` for an amount that is negative or not whole fen.
#[uniffi::export]
pub fn recognize(
    facts: RecognitionFacts,
    entity_kind: EntityKind,
    policy: Policy,
) -> Result<Recognition, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    Ok(core_recognition::recognize(&facts, entity_kind, &policy)?)
}

/// Recognition facts derived from a ledger row, with the facts assumed rather than read.
#[uniffi::remote(Record)]
pub struct DerivedFacts {
    /// The facts, ready for [`recognize`].
    pub facts: RecognitionFacts,
    /// Facts assumed rather than read from the row, in words, for the accountant to confirm.
    pub assumptions: Vec<String>,
    /// The same assumptions in Chinese, in the same order.
    pub assumptions_zh: Vec<String>,
}

/// Derives the recognition facts a ledger asset, given as JSON, implies, and lists what was
/// assumed.
///
/// # Errors
///
/// `ffi.invalid_json` for text that is not an asset.
#[uniffi::export]
pub fn recognition_facts_from_asset(asset_json: String) -> Result<DerivedFacts, DataAssetsError> {
    let asset: DataAsset = ConversionError::from_json(
        &asset_json,
        "asset_json",
        "a DataAsset as JSON, such as AssetView.getAssetJson() returns",
    )?;
    Ok(RecognitionFacts::from_asset(&asset))
}
