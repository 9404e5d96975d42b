//! Recognition (确认): whether a data resource is an asset, and of which kind.
//!
//! Two frameworks, chosen by [`EntityKind`]:
//! - government units: 政府会计准则第4号——无形资产 (财会〔2016〕12号) and, for R&D,
//!   政府会计准则制度解释第4号 (财会〔2021〕33号);
//! - enterprises: 企业数据资源相关会计处理暂行规定 (财会〔2023〕11号) with CAS 6 (intangibles) and
//!   CAS 1 (inventory).
//!
//! [`recognize`] returns an [`Outcome`] and one [`Finding`] per [`Criterion`], each citing its rule.
//!
//! # Errors
//!
//! [`recognize`] returns [`RecognitionError`] for invalid amounts.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::asset::{BookingStatus, HoldingPurpose};
use crate::entity::EntityKind;
use crate::error::ErrorDetail;
use crate::money::{Amount, MoneyError};
use crate::policy::Policy;

/// Errors of recognition.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum RecognitionError {
    /// An amount is negative or has more than two decimal places.
    #[error("invalid amount in {field}: {value}")]
    InvalidAmount {
        /// Field path.
        field: String,
        /// Rejected amount.
        value: String,
    },
    /// Money arithmetic overflowed.
    #[error("amount overflow in recognition: {0}")]
    Money(#[from] MoneyError),
}

impl ErrorDetail for RecognitionError {
    fn code(&self) -> &'static str {
        match self {
            RecognitionError::InvalidAmount { .. } => "recognition.invalid_amount",
            RecognitionError::Money(_) => "recognition.overflow",
        }
    }
    fn field(&self) -> &str {
        match self {
            RecognitionError::InvalidAmount { field, .. } => field,
            RecognitionError::Money(inner) => inner.field(),
        }
    }
    fn value(&self) -> &str {
        match self {
            RecognitionError::InvalidAmount { value, .. } => value,
            RecognitionError::Money(inner) => inner.value(),
        }
    }
    fn allowed(&self) -> &str {
        match self {
            RecognitionError::InvalidAmount { .. } => {
                "a non-negative amount with at most two decimal places"
            }
            RecognitionError::Money(inner) => inner.allowed(),
        }
    }
}

crate::vocab! {
    /// R&D phase of the spending assessed.
    pub enum RdStage {
        /// Not R&D: a purchase, donation, transfer or other acquisition.
        None = ("none", "非研发"),
        /// 研究阶段.
        Research = ("research", "研究阶段"),
        /// 开发阶段.
        Development = ("development", "开发阶段"),
    }
}

crate::vocab! {
    /// Accounting outcome of recognition.
    pub enum Outcome {
        /// 无形资产.
        IntangibleAsset = ("intangible_asset", "无形资产"),
        /// 存货 (enterprises only).
        Inventory = ("inventory", "存货"),
        /// 开发支出: development spending accumulated to be capitalized.
        DevelopmentExpenditure = ("development_expenditure", "开发支出"),
        /// 费用化: expensed when incurred.
        ExpenseNow = ("expense_now", "费用化"),
        /// 不确认: not an asset; kept in the ledger as an unrecognized data resource.
        NotAnAsset = ("not_an_asset", "不确认为资产"),
    }
}

crate::vocab! {
    /// A recognition criterion.
    pub enum Criterion {
        /// 控制: the unit controls the resource.
        Control = ("control", "控制"),
        /// 过去的交易或事项: the resource arises from a past transaction or event.
        PastTransaction = ("past_transaction", "过去的交易或事项"),
        /// 可辨认: separable, or arising from contractual or other legal rights.
        Identifiability = ("identifiability", "可辨认性"),
        /// 服务潜力或经济利益很可能实现或流入.
        ProbableBenefit = ("probable_benefit", "服务潜力或经济利益很可能实现"),
        /// 成本或价值能够可靠计量.
        ReliableMeasurement = ("reliable_measurement", "成本能够可靠计量"),
        /// 持有目的: own use or sale in the ordinary course.
        HoldingPurpose = ("holding_purpose", "持有目的"),
        /// 研究阶段支出: research spending is expensed.
        ResearchPhase = ("research_phase", "研究阶段"),
        /// 开发阶段五个条件.
        DevelopmentConditions = ("development_conditions", "开发阶段资本化条件"),
        /// 低值一次费用化.
        LowValue = ("low_value", "低值一次费用化"),
        /// 已费用化金额不再资本化.
        PreviouslyExpensed = ("previously_expensed", "已费用化金额"),
    }
}

crate::vocab! {
    /// Status of one finding.
    pub enum FindingStatus {
        /// 满足.
        Met = ("met", "满足"),
        /// 不满足.
        NotMet = ("not_met", "不满足"),
        /// 不适用.
        NotApplicable = ("not_applicable", "不适用"),
    }
}

/// The five conditions for entering the development phase (CAS 6 art. 9; 政府会计准则制度解释
/// 第4号 §4).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(default)]
// Each flag is one yes/no fact of the checklist, so booleans are the natural shape.
#[allow(clippy::struct_excessive_bools)]
pub struct DevelopmentConditions {
    /// 1. Completing the asset is technically feasible.
    pub technically_feasible: bool,
    /// 2. The unit intends to complete it and use or sell it.
    pub intends_to_complete: bool,
    /// 3. It will bring economic benefit or service potential (a market exists, or it is useful
    ///    internally).
    pub generates_benefit: bool,
    /// 4. Enough technical, financial and other resources are available.
    pub resources_available: bool,
    /// 5. Development spending can be measured reliably.
    pub spending_measurable: bool,
}

impl DevelopmentConditions {
    /// Names of the conditions that do not hold, each in English and in Chinese.
    pub fn unmet(&self) -> Vec<(&'static str, &'static str)> {
        [
            (
                self.technically_feasible,
                "technically feasible",
                "完成该资产以使其能够使用或者出售在技术上具有可行性",
            ),
            (
                self.intends_to_complete,
                "intent to complete and use or sell",
                "具有完成该资产并使用或者出售的意图",
            ),
            (
                self.generates_benefit,
                "benefit or service potential shown",
                "能够证明运用该资产产生经济利益或者服务潜力的方式",
            ),
            (
                self.resources_available,
                "resources available",
                "有足够的技术、财务资源和其他资源支持完成开发",
            ),
            (
                self.spending_measurable,
                "spending measurable",
                "归属于开发阶段的支出能够可靠地计量",
            ),
        ]
        .into_iter()
        .filter(|(held, _, _)| !held)
        .map(|(_, en, zh)| (en, zh))
        .collect()
    }
}

/// The facts an accountant gathers about one data resource or one spending on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
// Each flag is one yes/no fact of the checklist, so booleans are the natural shape.
#[allow(clippy::struct_excessive_bools)]
pub struct RecognitionFacts {
    /// Asset id in the ledger.
    pub asset_id: String,
    /// The unit controls the resource: it has the resource and can restrict others' access.
    pub controlled: bool,
    /// The resource arises from a past transaction or event.
    pub past_transaction: bool,
    /// It can be separated and sold, transferred, licensed, leased or exchanged.
    pub separable: bool,
    /// It arises from contractual or other legal rights.
    pub contractual_or_legal: bool,
    /// Service potential or economic benefit will probably be realized.
    pub probable_benefit: bool,
    /// Its cost or value can be measured reliably.
    pub reliable_cost: bool,
    /// Own use or sale in the ordinary course of business.
    pub holding_purpose: HoldingPurpose,
    /// R&D phase of the spending, if it is R&D.
    pub rd_stage: RdStage,
    /// The five development conditions; read only in the development phase.
    #[serde(default)]
    pub development_conditions: DevelopmentConditions,
    /// Spending assessed (cost of the purchase, or the R&D spending).
    pub cost: Amount,
    /// Unit price of a purchase, for the low-value rule.
    #[serde(default)]
    pub unit_price: Option<Amount>,
    /// Whether the purchase is a bulk purchase (大批量购入).
    #[serde(default)]
    pub bulk_purchase: bool,
    /// Whether the unit elects to expense a low-value purchase, which the rule permits but does not
    /// require.
    #[serde(default)]
    pub low_value_expensing_elected: bool,
    /// Spending on this resource already expensed in earlier periods.
    #[serde(default)]
    pub previously_expensed: Amount,
}

/// Recognition facts derived from a ledger row, with the facts the row cannot show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DerivedFacts {
    /// The facts, ready for [`recognize`].
    pub facts: RecognitionFacts,
    /// Facts assumed rather than read from the row, in words, for the accountant to confirm.
    pub assumptions: Vec<String>,
    /// The same assumptions in Chinese, in the same order.
    pub assumptions_zh: Vec<String>,
}

impl RecognitionFacts {
    /// Derives the recognition facts a ledger row implies.
    ///
    /// Read from the row: control and the legal basis from a confirmed 数据资源持有权 or a
    /// registered right (数据二十条 art. 3); the holding purpose; the cost, measurable when the
    /// row records one and the data was not generated in duties without a separable cost
    /// (政府会计准则第4号 art. 4; 企业会计准则第6号 art. 4). Assumed and listed in
    /// [`DerivedFacts::assumptions`]: that the resource arises from a past event, is separable
    /// and will probably bring benefit; and, for a self-developed asset, that it is in the
    /// development phase with the five conditions met (企业会计准则第6号 art. 9). A row without
    /// a cost is assessed at zero.
    ///
    /// ```
    /// use data_assets_core::asset::DataAsset;
    /// use data_assets_core::recognition::RecognitionFacts;
    ///
    /// let derived = RecognitionFacts::from_asset(&DataAsset::example());
    /// assert!(!derived.facts.reliable_cost);
    /// assert!(!derived.assumptions.is_empty());
    /// ```
    pub fn from_asset(asset: &crate::asset::DataAsset) -> DerivedFacts {
        use crate::asset::{AcquisitionRoute, RightsRegistration};
        let mut assumptions = vec![
            "the resource arises from a past transaction or event".to_owned(),
            "the data can be separated and licensed, sold or exchanged".to_owned(),
            "service potential or economic benefit will probably be realized".to_owned(),
        ];
        let mut assumptions_zh = vec![
            "该资源由过去的交易或者事项形成".to_owned(),
            "该数据可以分离并授予许可、出售或者交换".to_owned(),
            "与该资源相关的服务潜力或者经济利益很可能实现".to_owned(),
        ];
        let legal = asset.rights.holding.confirmed
            || asset.rights_registration == RightsRegistration::Registered;
        let cost = asset.cost.unwrap_or(Amount::ZERO);
        if asset.cost.is_none() {
            assumptions.push("no cost recorded: assessed at 0.00".to_owned());
            assumptions_zh.push("台账未记录成本：按0.00评估".to_owned());
        }
        let developed = asset.acquisition_route == AcquisitionRoute::SelfDeveloped;
        let (rd_stage, development_conditions) = if developed {
            assumptions
                .push("self-developed: development phase with the five conditions met".to_owned());
            assumptions_zh.push("自行开发：处于开发阶段且五项资本化条件均已满足".to_owned());
            let met = DevelopmentConditions {
                technically_feasible: true,
                intends_to_complete: true,
                generates_benefit: true,
                resources_available: true,
                spending_measurable: true,
            };
            (RdStage::Development, met)
        } else {
            (RdStage::None, DevelopmentConditions::default())
        };
        DerivedFacts {
            facts: RecognitionFacts {
                asset_id: asset.id.clone(),
                controlled: legal,
                past_transaction: true,
                separable: true,
                contractual_or_legal: legal,
                probable_benefit: true,
                reliable_cost: asset.cost.is_some()
                    && asset.acquisition_route != AcquisitionRoute::GeneratedInDuties,
                holding_purpose: asset.holding_purpose,
                rd_stage,
                development_conditions,
                cost,
                unit_price: None,
                bulk_purchase: false,
                low_value_expensing_elected: false,
                previously_expensed: Amount::ZERO,
            },
            assumptions,
            assumptions_zh,
        }
    }
}

/// One criterion's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    /// Criterion assessed.
    pub criterion: Criterion,
    /// Met, not met or not applicable.
    pub status: FindingStatus,
    /// Why, in English words.
    pub reason: String,
    /// Why, in Chinese words, for reports and workbooks read by finance staff.
    #[serde(default)]
    pub reason_zh: String,
    /// Regulation and article applied.
    pub rule: String,
}

/// The result of recognition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Recognition {
    /// Asset id.
    pub asset_id: String,
    /// Kind of the unit, which chose the framework.
    pub entity_kind: EntityKind,
    /// Outcome.
    pub outcome: Outcome,
    /// Booking status for the ledger.
    pub booking_status: BookingStatus,
    /// Amount to capitalize: the cost less amounts already expensed (zero unless the outcome is an
    /// asset or development expenditure).
    pub capitalizable_amount: Amount,
    /// One finding per criterion, in [`Criterion::ALL`] order.
    pub findings: Vec<Finding>,
}

struct Rules {
    definition: &'static str,
    recognition: &'static str,
    research: &'static str,
    development: &'static str,
    prospective: &'static str,
}

const GOVERNMENT_RULES: Rules = Rules {
    definition: "政府会计准则第4号 art. 2",
    recognition: "政府会计准则第4号 ch. 2 (确认条件)",
    research: "政府会计准则第4号 ch. 2 (研究阶段支出)",
    development: "政府会计准则制度解释第4号 §4; 政府会计准则第4号 ch. 2 (开发阶段支出)",
    prospective: "政府会计准则第4号 ch. 3 (自行开发: cost is the spending from entering development)",
};

const ENTERPRISE_RULES: Rules = Rules {
    definition: "CAS 6 art. 3; 企业数据资源相关会计处理暂行规定 part 1",
    recognition: "CAS 6 art. 4",
    research: "CAS 6 art. 8",
    development: "CAS 6 art. 9",
    prospective: "企业数据资源相关会计处理暂行规定 part 4 (prospective application)",
};

/// A reason in English and in Chinese.
type Reason = (String, String);

fn reason(en: &str, zh: &str) -> Reason {
    (en.to_owned(), zh.to_owned())
}

fn finding(criterion: Criterion, status: FindingStatus, reason: Reason, rule: &str) -> Finding {
    let (reason, reason_zh) = reason;
    Finding {
        criterion,
        status,
        reason,
        reason_zh,
        rule: rule.to_owned(),
    }
}

fn met(held: bool) -> FindingStatus {
    if held {
        FindingStatus::Met
    } else {
        FindingStatus::NotMet
    }
}

fn check_amount(amount: Amount, field: &str) -> Result<(), RecognitionError> {
    if amount.is_negative() || !amount.is_fen() {
        return Err(RecognitionError::InvalidAmount {
            field: field.into(),
            value: amount.to_string(),
        });
    }
    Ok(())
}

/// Decides whether `facts` describe an asset under the framework of `entity_kind`.
///
/// The outcome is decided in this order:
/// 1. research-phase spending is expensed; development spending is accumulated only when all five
///    development conditions hold, otherwise expensed;
/// 2. otherwise, failing control, past transaction, identifiability, probable benefit or reliable
///    measurement makes the resource not an asset (kept in the ledger as unrecognized);
/// 3. a government non-bulk purchase below `policy.low_value_threshold` may be expensed
///    (政府会计准则第4号 art. 17(4)) when the unit elects it;
/// 4. an enterprise's data held for sale in the ordinary course is inventory (CAS 1 art. 3;
///    企业数据资源相关会计处理暂行规定 part 2); anything else is an intangible asset;
/// 5. spending already expensed is never re-capitalized: when nothing is left to capitalize, an
///    asset outcome becomes not an asset.
///
/// For R&D the development conditions replace the general probable-benefit and measurement
/// tests, so those findings are not applicable.
///
/// # Errors
///
/// [`RecognitionError::InvalidAmount`] when `cost`, `unit_price` or `previously_expensed` is
/// negative or not fen-precise.
///
/// ```
/// use data_assets_core::asset::HoldingPurpose;
/// use data_assets_core::entity::EntityKind;
/// use data_assets_core::money::Amount;
/// use data_assets_core::policy::Policy;
/// use data_assets_core::recognition::{recognize, Outcome, RdStage, RecognitionFacts};
///
/// let facts = RecognitionFacts {
///     asset_id: "api-1".into(),
///     controlled: true,
///     past_transaction: true,
///     separable: true,
///     contractual_or_legal: true,
///     probable_benefit: true,
///     reliable_cost: true,
///     holding_purpose: HoldingPurpose::SaleInOrdinaryCourse,
///     rd_stage: RdStage::None,
///     development_conditions: Default::default(),
///     cost: Amount::from_fen(10_000_000),
///     unit_price: None,
///     bulk_purchase: false,
///     low_value_expensing_elected: false,
///     previously_expensed: Amount::ZERO,
/// };
/// let result = recognize(&facts, EntityKind::StateOwnedEnterprise, &Policy::default())?;
/// assert_eq!(result.outcome, Outcome::Inventory);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recognize(
    facts: &RecognitionFacts,
    entity_kind: EntityKind,
    policy: &Policy,
) -> Result<Recognition, RecognitionError> {
    check_amount(facts.cost, "cost")?;
    check_amount(facts.previously_expensed, "previously_expensed")?;
    if let Some(price) = facts.unit_price {
        check_amount(price, "unit_price")?;
    }
    let government = entity_kind.is_government();
    let rules = if government {
        &GOVERNMENT_RULES
    } else {
        &ENTERPRISE_RULES
    };
    let for_sale = facts.holding_purpose == HoldingPurpose::SaleInOrdinaryCourse;
    let inventory = !government && for_sale;
    let is_rd = facts.rd_stage != RdStage::None;

    let mut findings = definition_findings(facts, rules, inventory, is_rd);
    let general_ok = findings.iter().all(|f| f.status != FindingStatus::NotMet);
    findings.push(holding_purpose_finding(government, for_sale));
    let (rd_findings, rd_outcome) = rd_findings(facts, rules);
    findings.extend(rd_findings);
    let low_value = low_value_finding(facts, government, policy);
    let expense_low_value = low_value.status == FindingStatus::Met;
    findings.push(low_value);

    let mut outcome = match rd_outcome {
        Some(outcome) => outcome,
        None if !general_ok => Outcome::NotAnAsset,
        None if expense_low_value => Outcome::ExpenseNow,
        None if inventory => Outcome::Inventory,
        None => Outcome::IntangibleAsset,
    };

    // Spending already expensed stays expensed; only the rest can be capitalized.
    let remaining = facts.cost.checked_sub(facts.previously_expensed)?;
    let capitalizes = matches!(
        outcome,
        Outcome::IntangibleAsset | Outcome::Inventory | Outcome::DevelopmentExpenditure
    );
    let capitalizable_amount = if capitalizes && !remaining.is_negative() {
        remaining
    } else {
        Amount::ZERO
    };
    findings.push(previously_expensed_finding(
        facts,
        rules,
        capitalizable_amount,
    ));
    if capitalizes && capitalizable_amount.is_zero() && !facts.previously_expensed.is_zero() {
        outcome = Outcome::NotAnAsset;
    }

    Ok(Recognition {
        asset_id: facts.asset_id.clone(),
        entity_kind,
        outcome,
        booking_status: booking_status(outcome),
        capitalizable_amount,
        findings,
    })
}

fn booking_status(outcome: Outcome) -> BookingStatus {
    match outcome {
        Outcome::IntangibleAsset => BookingStatus::IntangibleAsset,
        Outcome::Inventory => BookingStatus::Inventory,
        Outcome::DevelopmentExpenditure => BookingStatus::DevelopmentExpenditure,
        Outcome::ExpenseNow => BookingStatus::Expensed,
        Outcome::NotAnAsset => BookingStatus::Unbooked,
    }
}

/// Findings for control, past transaction, identifiability, probable benefit and reliable
/// measurement.
fn definition_findings(
    facts: &RecognitionFacts,
    rules: &Rules,
    inventory: bool,
    is_rd: bool,
) -> Vec<Finding> {
    let mut findings = vec![
        finding(
            Criterion::Control,
            met(facts.controlled),
            if facts.controlled {
                reason(
                    "the unit controls the data resource",
                    "本单位控制该数据资源",
                )
            } else {
                reason(
                    "the unit does not control the data resource",
                    "本单位不控制该数据资源",
                )
            },
            rules.definition,
        ),
        finding(
            Criterion::PastTransaction,
            met(facts.past_transaction),
            if facts.past_transaction {
                reason(
                    "the resource arises from a past transaction or event",
                    "该资源由过去的交易或者事项形成",
                )
            } else {
                reason(
                    "no past transaction or event: an expected future acquisition is not an asset",
                    "没有过去的交易或者事项：预期在未来取得的资源不是资产",
                )
            },
            rules.definition,
        ),
    ];
    findings.push(identifiability_finding(facts, rules, inventory));
    let recognition_rule = if inventory {
        "CAS 1 art. 4"
    } else {
        rules.recognition
    };
    for (criterion, held, yes, no) in [
        (
            Criterion::ProbableBenefit,
            facts.probable_benefit,
            (
                "service potential or economic benefit will probably be realized",
                "与该资源相关的服务潜力或者经济利益很可能实现",
            ),
            (
                "service potential or economic benefit is not probable",
                "与该资源相关的服务潜力或者经济利益不是很可能实现",
            ),
        ),
        (
            Criterion::ReliableMeasurement,
            facts.reliable_cost,
            ("cost can be measured reliably", "成本能够可靠地计量"),
            ("cost cannot be measured reliably", "成本不能可靠地计量"),
        ),
    ] {
        findings.push(if is_rd {
            finding(
                criterion,
                FindingStatus::NotApplicable,
                reason(
                    "R&D spending is judged by the phase and the development conditions",
                    "研发支出按所处阶段和开发阶段条件判断",
                ),
                rules.development,
            )
        } else {
            finding(
                criterion,
                met(held),
                {
                    let (en, zh) = if held { yes } else { no };
                    reason(en, zh)
                },
                recognition_rule,
            )
        });
    }
    findings
}

/// Identifiability (可辨认性), which inventory does not need.
fn identifiability_finding(facts: &RecognitionFacts, rules: &Rules, inventory: bool) -> Finding {
    let identifiable = facts.separable || facts.contractual_or_legal;
    if inventory {
        finding(
            Criterion::Identifiability,
            FindingStatus::NotApplicable,
            reason(
                "inventory does not need to be identifiable",
                "存货不要求可辨认",
            ),
            "CAS 1 art. 3",
        )
    } else {
        finding(
            Criterion::Identifiability,
            met(identifiable),
            match (facts.separable, facts.contractual_or_legal) {
                (true, _) => reason(
                    "separable: it can be sold, transferred, licensed or exchanged",
                    "可分离：能够出售、转移、授予许可或者交换",
                ),
                (false, true) => reason(
                    "arises from contractual or other legal rights",
                    "源自合同性权利或者其他法定权利",
                ),
                (false, false) => reason(
                    "neither separable nor from contractual or legal rights",
                    "既不可分离，也不源自合同性权利或者其他法定权利",
                ),
            },
            rules.definition,
        )
    }
}

fn holding_purpose_finding(government: bool, for_sale: bool) -> Finding {
    if government {
        return finding(
            Criterion::HoldingPurpose,
            FindingStatus::NotApplicable,
            reason(
                "government units recognize data assets as intangible assets only",
                "政府会计主体的数据资产只确认为无形资产",
            ),
            "政府会计准则第4号 art. 2",
        );
    }
    finding(
        Criterion::HoldingPurpose,
        FindingStatus::Met,
        if for_sale {
            reason(
                "held for sale in the ordinary course: inventory",
                "日常活动中持有以备出售：确认为存货",
            )
        } else {
            reason(
                "used by the enterprise or to serve customers: intangible asset",
                "企业内部使用或者用于对外提供服务：确认为无形资产",
            )
        },
        if for_sale {
            "企业数据资源相关会计处理暂行规定 part 2; CAS 1 art. 3"
        } else {
            "企业数据资源相关会计处理暂行规定 part 2; CAS 6 art. 3"
        },
    )
}

/// Research and development findings, and the outcome they force, if any.
fn rd_findings(facts: &RecognitionFacts, rules: &Rules) -> (Vec<Finding>, Option<Outcome>) {
    let conditions = facts.development_conditions.unmet();
    match facts.rd_stage {
        RdStage::None => (
            vec![
                finding(
                    Criterion::ResearchPhase,
                    FindingStatus::NotApplicable,
                    reason("not R&D spending", "不是研发支出"),
                    rules.research,
                ),
                finding(
                    Criterion::DevelopmentConditions,
                    FindingStatus::NotApplicable,
                    reason("not R&D spending", "不是研发支出"),
                    rules.development,
                ),
            ],
            None,
        ),
        RdStage::Research => (
            vec![
                finding(
                    Criterion::ResearchPhase,
                    FindingStatus::NotMet,
                    reason(
                        "research-phase spending is expensed when incurred",
                        "研究阶段的支出于发生时计入当期费用",
                    ),
                    rules.research,
                ),
                finding(
                    Criterion::DevelopmentConditions,
                    FindingStatus::NotApplicable,
                    reason(
                        "the project has not entered development",
                        "项目尚未进入开发阶段",
                    ),
                    rules.development,
                ),
            ],
            Some(Outcome::ExpenseNow),
        ),
        RdStage::Development => {
            let all_hold = conditions.is_empty();
            (
                vec![
                    finding(
                        Criterion::ResearchPhase,
                        FindingStatus::NotApplicable,
                        reason("development-phase spending", "开发阶段的支出"),
                        rules.research,
                    ),
                    finding(
                        Criterion::DevelopmentConditions,
                        met(all_hold),
                        if all_hold {
                            reason(
                                "all five development conditions hold",
                                "开发阶段支出资本化的五项条件均已满足",
                            )
                        } else {
                            (
                                format!(
                                    "conditions not met: {}",
                                    conditions
                                        .iter()
                                        .map(|(en, _)| *en)
                                        .collect::<Vec<_>>()
                                        .join(", ")
                                ),
                                format!(
                                    "未满足的条件：{}",
                                    conditions
                                        .iter()
                                        .map(|(_, zh)| *zh)
                                        .collect::<Vec<_>>()
                                        .join("、")
                                ),
                            )
                        },
                        rules.development,
                    ),
                ],
                Some(if all_hold {
                    Outcome::DevelopmentExpenditure
                } else {
                    Outcome::ExpenseNow
                }),
            )
        }
    }
}

fn low_value_finding(facts: &RecognitionFacts, government: bool, policy: &Policy) -> Finding {
    const RULE: &str = "政府会计准则第4号 art. 17(4); 政府会计制度 account 1701";
    let not_applicable =
        |why: Reason| finding(Criterion::LowValue, FindingStatus::NotApplicable, why, RULE);
    if !government {
        return not_applicable(reason(
            "enterprises have no low-value expensing rule for intangibles",
            "企业会计准则对无形资产没有低值一次性计入费用的规定",
        ));
    }
    let Some(price) = facts.unit_price else {
        return not_applicable(reason(
            "no unit price: not a purchase",
            "没有单价：不是外购",
        ));
    };
    if facts.rd_stage != RdStage::None {
        return not_applicable(reason("R&D spending", "研发支出"));
    }
    let threshold = policy.low_value_threshold;
    if facts.bulk_purchase {
        return finding(
            Criterion::LowValue,
            FindingStatus::NotMet,
            reason(
                "bulk purchase: the low-value option does not apply",
                "批量购入：不适用单价较低一次性计入费用的处理",
            ),
            RULE,
        );
    }
    if price >= threshold {
        return finding(
            Criterion::LowValue,
            FindingStatus::NotMet,
            (
                format!("unit price {price} is not below the threshold {threshold}"),
                format!("单价 {price} 不低于限额 {threshold}"),
            ),
            RULE,
        );
    }
    if !facts.low_value_expensing_elected {
        return finding(
            Criterion::LowValue,
            FindingStatus::NotMet,
            (
                format!("unit price {price} is below {threshold} but the unit capitalizes it"),
                format!("单价 {price} 低于限额 {threshold}，但本单位选择资本化"),
            ),
            RULE,
        );
    }
    finding(
        Criterion::LowValue,
        FindingStatus::Met,
        (
            format!("non-bulk purchase at unit price {price} below {threshold}: expensed in full"),
            format!("非批量购入，单价 {price} 低于限额 {threshold}：一次性计入当期费用"),
        ),
        RULE,
    )
}

fn previously_expensed_finding(
    facts: &RecognitionFacts,
    rules: &Rules,
    capitalizable: Amount,
) -> Finding {
    if facts.previously_expensed.is_zero() {
        return finding(
            Criterion::PreviouslyExpensed,
            FindingStatus::NotApplicable,
            reason("no spending was expensed earlier", "此前没有已费用化的支出"),
            rules.prospective,
        );
    }
    finding(
        Criterion::PreviouslyExpensed,
        met(!capitalizable.is_zero()),
        (
            format!(
                "{} already expensed is not re-capitalized; {capitalizable} can be capitalized",
                facts.previously_expensed
            ),
            format!(
                "已计入费用的 {} 不再调整资本化；可资本化金额为 {capitalizable}",
                facts.previously_expensed
            ),
        ),
        rules.prospective,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> RecognitionFacts {
        RecognitionFacts {
            asset_id: "A1".into(),
            controlled: true,
            past_transaction: true,
            separable: true,
            contractual_or_legal: false,
            probable_benefit: true,
            reliable_cost: true,
            holding_purpose: HoldingPurpose::OwnUse,
            rd_stage: RdStage::None,
            development_conditions: DevelopmentConditions::default(),
            cost: Amount::from_fen(50_000_000),
            unit_price: None,
            bulk_purchase: false,
            low_value_expensing_elected: false,
            previously_expensed: Amount::ZERO,
        }
    }

    fn status(result: &Recognition, criterion: Criterion) -> FindingStatus {
        result
            .findings
            .iter()
            .find(|f| f.criterion == criterion)
            .unwrap()
            .status
    }

    fn run(facts: &RecognitionFacts, kind: EntityKind) -> Recognition {
        recognize(facts, kind, &Policy::default()).unwrap()
    }

    #[test]
    fn one_finding_per_criterion() {
        let result = run(&facts(), EntityKind::PublicInstitution);
        let criteria: Vec<Criterion> = result.findings.iter().map(|f| f.criterion).collect();
        assert_eq!(criteria, Criterion::ALL);
        assert!(result.findings.iter().all(|f| !f.rule.is_empty()));
    }

    #[test]
    fn purchased_trademark_is_intangible() {
        let result = run(&facts(), EntityKind::PublicInstitution);
        assert_eq!(result.outcome, Outcome::IntangibleAsset);
        assert_eq!(result.capitalizable_amount, Amount::from_fen(50_000_000));
        assert_eq!(result.booking_status, BookingStatus::IntangibleAsset);
    }

    #[test]
    fn bespoke_dataset_sold_outright_is_inventory() {
        let mut f = facts();
        f.holding_purpose = HoldingPurpose::SaleInOrdinaryCourse;
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        assert_eq!(result.outcome, Outcome::Inventory);
        assert_eq!(
            status(&result, Criterion::Identifiability),
            FindingStatus::NotApplicable
        );
    }

    #[test]
    fn licensed_api_is_intangible_for_enterprise() {
        let result = run(&facts(), EntityKind::SoeSubsidiary);
        assert_eq!(result.outcome, Outcome::IntangibleAsset);
    }

    #[test]
    fn government_never_gets_inventory() {
        let mut f = facts();
        f.holding_purpose = HoldingPurpose::SaleInOrdinaryCourse;
        let result = run(&f, EntityKind::AdministrativeUnit);
        assert_eq!(result.outcome, Outcome::IntangibleAsset);
    }

    #[test]
    fn not_identifiable_is_not_an_asset() {
        let mut f = facts();
        f.separable = false;
        let result = run(&f, EntityKind::AdministrativeUnit);
        assert_eq!(result.outcome, Outcome::NotAnAsset);
        assert_eq!(result.booking_status, BookingStatus::Unbooked);
        assert_eq!(
            status(&result, Criterion::Identifiability),
            FindingStatus::NotMet
        );
    }

    #[test]
    fn contract_rights_are_identifiable() {
        let mut f = facts();
        f.separable = false;
        f.contractual_or_legal = true;
        assert_eq!(
            run(&f, EntityKind::AdministrativeUnit).outcome,
            Outcome::IntangibleAsset
        );
    }

    #[test]
    fn unreliable_cost_is_not_an_asset() {
        let mut f = facts();
        f.reliable_cost = false;
        assert_eq!(
            run(&f, EntityKind::StateOwnedEnterprise).outcome,
            Outcome::NotAnAsset
        );
    }

    #[test]
    fn research_is_expensed() {
        let mut f = facts();
        f.rd_stage = RdStage::Research;
        let result = run(&f, EntityKind::PublicInstitution);
        assert_eq!(result.outcome, Outcome::ExpenseNow);
        assert_eq!(result.capitalizable_amount, Amount::ZERO);
    }

    #[test]
    fn development_needs_all_five_conditions() {
        let mut f = facts();
        f.rd_stage = RdStage::Development;
        f.development_conditions = DevelopmentConditions {
            technically_feasible: true,
            intends_to_complete: true,
            generates_benefit: true,
            resources_available: true,
            spending_measurable: true,
        };
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        assert_eq!(result.outcome, Outcome::DevelopmentExpenditure);
        f.development_conditions.resources_available = false;
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        assert_eq!(result.outcome, Outcome::ExpenseNow);
        let finding = result
            .findings
            .iter()
            .find(|x| x.criterion == Criterion::DevelopmentConditions)
            .unwrap();
        assert_eq!(finding.reason, "conditions not met: resources available");
        // 政府会计准则制度解释第4号 §4 and CAS 6 art. 9 (4): 有足够的技术、财务资源和其他资源支持.
        assert_eq!(
            finding.reason_zh,
            "未满足的条件：有足够的技术、财务资源和其他资源支持完成开发"
        );
        f.development_conditions.technically_feasible = false;
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        let finding = &result.findings[Criterion::ALL
            .iter()
            .position(|c| *c == Criterion::DevelopmentConditions)
            .unwrap()];
        assert_eq!(
            finding.reason_zh,
            "未满足的条件：完成该资产以使其能够使用或者出售在技术上具有可行性、\
             有足够的技术、财务资源和其他资源支持完成开发"
        );
    }

    #[test]
    fn low_value_non_bulk_purchase_may_be_expensed() {
        let mut f = facts();
        f.cost = Amount::from_fen(99_999);
        f.unit_price = Some(Amount::from_fen(99_999));
        f.low_value_expensing_elected = true;
        assert_eq!(
            run(&f, EntityKind::AdministrativeUnit).outcome,
            Outcome::ExpenseNow
        );
        // Exactly 1,000.00 is not below the threshold.
        f.unit_price = Some(Amount::from_fen(100_000));
        assert_eq!(
            run(&f, EntityKind::AdministrativeUnit).outcome,
            Outcome::IntangibleAsset
        );
        f.unit_price = Some(Amount::from_fen(500));
        f.bulk_purchase = true;
        assert_eq!(
            run(&f, EntityKind::AdministrativeUnit).outcome,
            Outcome::IntangibleAsset
        );
        f.bulk_purchase = false;
        assert_eq!(
            run(&f, EntityKind::StateOwnedEnterprise).outcome,
            Outcome::IntangibleAsset,
            "no low-value rule for enterprises"
        );
    }

    #[test]
    fn previously_expensed_is_not_recapitalized() {
        let mut f = facts();
        f.cost = Amount::from_fen(1_000_000);
        f.previously_expensed = Amount::from_fen(400_000);
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        assert_eq!(result.outcome, Outcome::IntangibleAsset);
        assert_eq!(result.capitalizable_amount, Amount::from_fen(600_000));
        f.previously_expensed = Amount::from_fen(1_000_000);
        let result = run(&f, EntityKind::StateOwnedEnterprise);
        assert_eq!(result.outcome, Outcome::NotAnAsset);
        assert_eq!(
            status(&result, Criterion::PreviouslyExpensed),
            FindingStatus::NotMet
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn every_criterion_has_one_finding(
            flags in proptest::collection::vec(proptest::bool::ANY, 14),
            kind_index in 0usize..4,
            stage in 0usize..3,
            cost_fen in 0i64..1_000_000,
            expensed_fen in 0i64..1_000_000,
        ) {
            let kind = EntityKind::ALL[kind_index];
            let facts = RecognitionFacts {
                asset_id: "P".into(),
                controlled: flags[0],
                past_transaction: flags[1],
                separable: flags[2],
                contractual_or_legal: flags[3],
                probable_benefit: flags[4],
                reliable_cost: flags[5],
                holding_purpose: if flags[6] {
                    HoldingPurpose::OwnUse
                } else {
                    HoldingPurpose::SaleInOrdinaryCourse
                },
                rd_stage: RdStage::ALL[stage],
                development_conditions: DevelopmentConditions {
                    technically_feasible: flags[7],
                    intends_to_complete: flags[8],
                    generates_benefit: flags[9],
                    resources_available: flags[10],
                    spending_measurable: flags[11],
                },
                cost: Amount::from_fen(cost_fen),
                unit_price: flags[12].then(|| Amount::from_fen(cost_fen)),
                bulk_purchase: flags[13],
                low_value_expensing_elected: true,
                previously_expensed: Amount::from_fen(expensed_fen),
            };
            let result = run(&facts, kind);
            let criteria: Vec<Criterion> = result.findings.iter().map(|f| f.criterion).collect();
            proptest::prop_assert_eq!(criteria, Criterion::ALL);
            // Every finding has its reason in both languages: Chinese reports never fall back.
            for finding in &result.findings {
                proptest::prop_assert!(!finding.reason.is_empty());
                proptest::prop_assert!(
                    finding.reason_zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{:?}", finding
                );
            }
            if kind.is_government() {
                proptest::prop_assert_ne!(result.outcome, Outcome::Inventory);
            }
            // Capitalized amounts never include spending already expensed.
            let ceiling = Amount::from_fen((cost_fen - expensed_fen).max(0));
            proptest::prop_assert!(result.capitalizable_amount <= ceiling);
        }
    }

    #[test]
    fn negative_cost_rejected() {
        let mut f = facts();
        f.cost = Amount::from_fen(-1);
        let error = recognize(&f, EntityKind::AdministrativeUnit, &Policy::default()).unwrap_err();
        assert_eq!(error.code(), "recognition.invalid_amount");
        assert_eq!(error.field(), "cost");
    }
}

#[cfg(test)]
mod from_asset_tests {
    use super::*;
    use crate::asset::{AcquisitionRoute, BookingStatus, DataAsset};

    #[test]
    fn purchased_row_with_cost_is_measurable_and_held_for_use() {
        let mut asset = DataAsset::example();
        asset.acquisition_route = AcquisitionRoute::Purchased;
        asset.cost = Some(Amount::from_fen(12_000_000));
        asset.booking_status = BookingStatus::IntangibleAsset;
        let derived = RecognitionFacts::from_asset(&asset);
        let facts = &derived.facts;
        assert!(facts.controlled && facts.contractual_or_legal && facts.reliable_cost);
        assert_eq!(facts.cost, Amount::from_fen(12_000_000));
        assert_eq!(facts.rd_stage, RdStage::None);
        assert_eq!(facts.holding_purpose, HoldingPurpose::OwnUse);
        assert_eq!(derived.assumptions.len(), 3);
    }

    #[test]
    fn generated_row_has_no_measurable_cost() {
        // The example is generated in duties with no cost: not measurable, assessed at zero.
        let derived = RecognitionFacts::from_asset(&DataAsset::example());
        assert!(!derived.facts.reliable_cost);
        assert_eq!(derived.facts.cost, Amount::ZERO);
        assert!(derived.assumptions.iter().any(|a| a.contains("no cost")));
    }

    #[test]
    fn self_developed_row_assumes_the_development_phase() {
        let mut asset = DataAsset::example();
        asset.acquisition_route = AcquisitionRoute::SelfDeveloped;
        asset.cost = Some(Amount::from_fen(500_000));
        let derived = RecognitionFacts::from_asset(&asset);
        assert_eq!(derived.facts.rd_stage, RdStage::Development);
        assert!(derived.facts.development_conditions.unmet().is_empty());
        assert_eq!(derived.assumptions.len(), 4);
    }
}
