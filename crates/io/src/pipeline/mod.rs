//! The whole run on a ledger: validation, recognition, info cards and certificates, vouchers
//! and amortization through the as-of date, the trial balance, disclosures, the authorization
//! registry, revenue splits, compliance violations, the quarterly progress report and the
//! deadlines still due.
//!
//! [`run_pipeline`] is a deterministic function of the ledger, the as-of date and the policy:
//! it reads no clock and sorts every list it builds. A stage that cannot run is listed in
//! [`RunResult::stages_omitted`], and a row a stage rejects in [`RunResult::issues`], so nothing
//! is skipped silently.
//!
//! # Errors
//!
//! [`run_pipeline`] fails only when the ledger itself is invalid ([`check_ledger`]).

mod books;
pub mod cards;
mod funds;
mod grants;
pub mod progress;
pub mod render;

use chrono::{Datelike, NaiveDate};
use data_assets_core::ErrorDetail;
use data_assets_core::accounting::disclosure::{
    GovernmentNote, IntangibleTable, InventoryTable, government_note, intangible_table,
    inventory_table,
};
use data_assets_core::accounting::trial_balance::{TrialBalance, trial_balance};
use data_assets_core::accounting::{Side, Voucher};
use data_assets_core::authorization::Authorization;
use data_assets_core::calendar::{Calendar, Due, UnitKind, upcoming};
use data_assets_core::compliance::{
    AuthorizationView, ComplianceInput, LedgerEntryView, Violation, check,
};
use data_assets_core::entity::EntityKind;
use data_assets_core::money::Amount;
use data_assets_core::policy::Policy;
use data_assets_core::registration::Certificate;
use data_assets_core::report::ProgressReport;
use data_assets_core::revenue::SplitOutcome;
use serde::{Deserialize, Serialize};

pub use books::AMORTIZATION_USE;

use crate::ledger::{Ledger, LedgerError, LedgerUnit, Origin, check_ledger};

/// Something a stage could not do for one row, named by its id.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct Issue {
    /// Stage, such as `vouchers` or `certificates`.
    pub stage: String,
    /// Id of the row or record concerned.
    pub subject: String,
    /// Stable code of the error, such as `accounting.insufficient_balance`.
    pub code: String,
    /// Message with the accepted values.
    pub message: String,
}

/// A stage that did not run at all, with the reason.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema,
)]
pub struct StageNote {
    /// Stage name.
    pub stage: String,
    /// Reason it did not run.
    pub reason: String,
}

/// Amortization of one asset posted through the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct AmortizationTotal {
    /// Asset id.
    pub asset_id: String,
    /// Months amortized.
    pub months: u32,
    /// Amount amortized.
    pub amount: Amount,
}

/// Disclosure tables: the enterprise tables A (intangibles) and B (inventory), or the
/// government note, for the year to the as-of date.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Disclosures {
    /// Enterprise table A: intangible data resources.
    pub intangible: Option<IntangibleTable>,
    /// Enterprise table B: data resources held as inventory.
    pub inventory: Option<InventoryTable>,
    /// Government note on intangible data assets.
    pub government_note: Option<GovernmentNote>,
}

/// A receipt split among its parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SplitRecord {
    /// Receipt id.
    pub receipt_id: String,
    /// Asset id.
    pub asset_id: String,
    /// Date received.
    pub date: NaiveDate,
    /// VAT separated and the shares with their routing.
    pub outcome: SplitOutcome,
    /// Each party's licence-fee voucher for its share, in the party's own books.
    pub vouchers: Vec<Voucher>,
}

/// Everything a run produces, as written to `result.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RunResult {
    /// Date the run is as of.
    pub as_of: NaiveDate,
    /// The unit whose ledger was run.
    pub unit: LedgerUnit,
    /// Assumptions the run made where the ledger is silent.
    pub assumptions: Vec<String>,
    /// Stages that did not run, with the reason.
    pub stages_omitted: Vec<StageNote>,
    /// Rows a stage rejected, sorted by stage and subject.
    pub issues: Vec<Issue>,
    /// Recognition of every asset, in ledger order.
    pub recognitions: Vec<cards::RecognitionRecord>,
    /// Info card of every asset, by asset id.
    pub cards: Vec<cards::Card>,
    /// Certificates issued for registered assets with a valid card, by asset id.
    pub certificates: Vec<Certificate>,
    /// Every voucher posted, by date then id; amortization included.
    pub vouchers: Vec<Voucher>,
    /// Amortization per asset through the as-of date, by asset id.
    pub amortization: Vec<AmortizationTotal>,
    /// Trial balances from the first voucher to the as-of date: 财务会计, then 预算会计 for
    /// government units.
    pub trial_balances: Vec<TrialBalance>,
    /// Disclosure tables for the year to the as-of date.
    pub disclosures: Disclosures,
    /// Authorizations as replayed through their workflow, by id.
    pub authorizations: Vec<Authorization>,
    /// Receipts split among their parties, by date then id.
    pub splits: Vec<SplitRecord>,
    /// Compliance violations.
    pub violations: Vec<Violation>,
    /// Pilot obligations due on or after the as-of date.
    pub deadlines: Vec<Due>,
    /// Progress report of the quarter that ends on the as-of date, or else of the last quarter
    /// that ended before it.
    pub progress_report: Option<ProgressReport>,
}

/// Runs every stage on a valid ledger as of `as_of`.
///
/// # Errors
///
/// Every error of [`check_ledger`] when the ledger is invalid; nothing is computed then.
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::policy::Policy;
/// use data_assets_io::ledger::read_ledger_json;
/// use data_assets_io::pipeline::run_pipeline;
///
/// let json = r#"{"unit": {"name": "桂林市市场监督管理局", "uscc": "11450300000000019P",
///     "kind": "administrative_unit", "region_code": "450300"}}"#;
/// let ledger = read_ledger_json(json.as_bytes(), "unit.json").unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
/// let result = run_pipeline(&ledger, as_of, &Policy::default()).unwrap();
/// // With no events there is nothing to balance, and the run says so.
/// assert!(result.vouchers.is_empty());
/// assert_eq!(result.stages_omitted[0].stage, "compliance.units");
/// assert_eq!(result.stages_omitted[2].stage, "trial_balance");
/// // The pilot's quarterly report for 2026 Q3 is due ten working days after September 30.
/// assert_eq!(result.deadlines[0].obligation.id, "quarterly_report_2026_q3");
/// ```
pub fn run_pipeline(
    ledger: &Ledger,
    as_of: NaiveDate,
    policy: &Policy,
) -> Result<RunResult, Vec<LedgerError>> {
    let calendar = Calendar::for_policy(policy).map_err(|error| error.to_string());
    run(ledger, as_of, policy, calendar)
}

/// Runs every stage like [`run_pipeline`], with the deadlines and the progress report counted
/// on `calendar` in place of the official calendar and the policy's regional holidays. Use it to
/// add the holiday notice of a year the library does not embed
/// ([`load_holiday_file`](crate::holidays::load_holiday_file)).
///
/// # Errors
///
/// Every error of [`check_ledger`] when the ledger is invalid; nothing is computed then.
pub fn run_pipeline_with_calendar(
    ledger: &Ledger,
    as_of: NaiveDate,
    policy: &Policy,
    calendar: &Calendar,
) -> Result<RunResult, Vec<LedgerError>> {
    run(ledger, as_of, policy, Ok(calendar.clone()))
}

fn run(
    ledger: &Ledger,
    as_of: NaiveDate,
    policy: &Policy,
    calendar: Result<Calendar, String>,
) -> Result<RunResult, Vec<LedgerError>> {
    let errors = check_ledger(ledger, &Origin::positional("ledger", ledger));
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut result = RunResult {
        as_of,
        unit: ledger.unit.clone(),
        assumptions: assumptions(ledger),
        stages_omitted: Vec::new(),
        issues: Vec::new(),
        recognitions: Vec::new(),
        cards: Vec::new(),
        certificates: Vec::new(),
        vouchers: Vec::new(),
        amortization: Vec::new(),
        trial_balances: Vec::new(),
        disclosures: Disclosures::default(),
        authorizations: Vec::new(),
        splits: Vec::new(),
        violations: Vec::new(),
        deadlines: Vec::new(),
        progress_report: None,
    };

    let books = books::post_books(ledger, as_of, policy);
    result.issues.extend(books.issues.iter().cloned());
    let mut vouchers: Vec<Voucher> = books
        .journal
        .posted()
        .iter()
        .map(|posted| posted.voucher.clone())
        .collect();
    vouchers.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
    result.amortization = amortization_totals(&books.journal, &books.amortized);
    result.issues.extend(funds::negative_funds(&vouchers));
    result.vouchers = vouchers;
    accounting_reports(&mut result, &books.journal, as_of);

    result.recognitions = cards::recognitions(ledger, as_of, policy, &mut result.issues);
    let (cards, certificates) =
        cards::cards_and_certificates(ledger, &books.journal, as_of, &mut result.issues);
    result.cards = cards;
    result.certificates = certificates;

    let certified = |asset_id: &str| cards::has_certificate(&result.certificates, asset_id);
    let authorizations = grants::replay(ledger, policy, &certified, &mut result.issues);
    result.authorizations = authorizations;
    result.splits = grants::splits(ledger, policy, &mut result.issues);
    result.violations = violations(ledger, policy, &mut result);

    match calendar {
        Ok(calendar) => {
            result.deadlines = upcoming(
                &calendar,
                as_of,
                pilot_unit_kind(ledger.unit.kind),
                Some(ledger.unit.region_code.as_str()),
            );
            let sources = progress::ReportSources {
                ledger,
                journal: &books.journal,
                certificates: &result.certificates,
                authorizations: &result.authorizations,
                splits: &result.splits,
                violations: &result.violations,
            };
            result.progress_report = progress::progress_report(
                &sources,
                as_of,
                &calendar,
                &mut result.issues,
                &mut result.stages_omitted,
            );
        }
        Err(error) => result.stages_omitted.push(StageNote {
            stage: "deadlines".into(),
            reason: format!("政策参数中的地方假日安排无效：{error}"),
        }),
    }

    result.issues.sort();
    result.stages_omitted.sort();
    Ok(result)
}

/// The assumptions the run makes where the ledger is silent, in Chinese because they head the
/// Chinese workbook and report.
fn assumptions(ledger: &Ledger) -> Vec<String> {
    let list = vec![
        format!(
            "摊销计入 {}（台账没有记录摊销费用科目的列）",
            if ledger.unit.kind.is_government() {
                "5001 业务活动费用"
            } else {
                "6602 管理费用"
            }
        ),
        "截止日期当日或之前已结束的每个月都计提摊销".into(),
        "升级改造完成或计提减值后，按原使用年限中尚未摊销的月数摊销账面价值".into(),
        "银行存款、库存现金等货币资金科目（及资金结存—货币资金）的期初余额不在台账中，\
         试算平衡只反映台账事项的收支，贷方余额不表示透支；零余额账户用款额度须先登记额度下达"
            .into(),
        "台账没有记录数据安全风险评估，视为尚未评估".into(),
        "信息卡片载明截止日期的账面价值；权利登记为“已登记”的资产以截止日期签发证书".into(),
        "企业资产信息卡片以本单位作为责任部门".into(),
    ];
    list
}

fn amortization_totals(
    journal: &data_assets_core::accounting::Journal,
    amortized: &std::collections::BTreeMap<String, Amount>,
) -> Vec<AmortizationTotal> {
    amortized
        .iter()
        .map(|(asset_id, amount)| {
            let prefix = format!("{asset_id}:amortize:");
            let months = journal
                .posted()
                .iter()
                .filter(|posted| posted.event.id.starts_with(&prefix))
                .count();
            AmortizationTotal {
                asset_id: asset_id.clone(),
                months: u32::try_from(months).unwrap_or(u32::MAX),
                amount: *amount,
            }
        })
        .collect()
}

fn accounting_reports(
    result: &mut RunResult,
    journal: &data_assets_core::accounting::Journal,
    as_of: NaiveDate,
) {
    let Some(first) = journal.posted().iter().map(|p| p.voucher.date).min() else {
        result.stages_omitted.push(StageNote {
            stage: "trial_balance".into(),
            reason: "没有过账的凭证".into(),
        });
        return;
    };
    let government = journal.entity_kind().is_government();
    let sides: &[Side] = if government {
        &[Side::Financial, Side::Budget]
    } else {
        &[Side::Financial]
    };
    for side in sides {
        match trial_balance(journal, *side, first.min(as_of), as_of) {
            Ok(balance) => result.trial_balances.push(balance),
            Err(error) => result
                .issues
                .push(issue("trial_balance", "journal", &error)),
        }
    }
    let year_start = NaiveDate::from_ymd_opt(as_of.year(), 1, 1).unwrap_or(as_of);
    let disclosures = &mut result.disclosures;
    if government {
        let life_basis = std::collections::BTreeMap::new();
        match government_note(journal, year_start, as_of, &life_basis, Amount::ZERO) {
            Ok(note) => disclosures.government_note = Some(note),
            Err(error) => result
                .issues
                .push(issue("disclosures", "government_note", &error)),
        }
    } else {
        match intangible_table(journal, year_start, as_of) {
            Ok(table) => disclosures.intangible = Some(table),
            Err(error) => result.issues.push(issue("disclosures", "table_a", &error)),
        }
        match inventory_table(journal, year_start, as_of) {
            Ok(table) => disclosures.inventory = Some(table),
            Err(error) => result.issues.push(issue("disclosures", "table_b", &error)),
        }
    }
}

fn issue(stage: &str, subject: &str, error: &dyn ErrorDetail) -> Issue {
    Issue {
        stage: stage.into(),
        subject: subject.into(),
        code: error.code().into(),
        message: format!("{error}; allowed: {}", error.allowed()),
    }
}

fn violations(ledger: &Ledger, policy: &Policy, result: &mut RunResult) -> Vec<Violation> {
    let input = ComplianceInput {
        ledger: ledger
            .assets
            .iter()
            .map(|asset| LedgerEntryView::from_asset(asset, ledger.unit.kind, false))
            .collect(),
        authorizations: result
            .authorizations
            .iter()
            .map(AuthorizationView::from)
            .collect(),
        licence_receipts: grants::licence_receipts(ledger),
        ..ComplianceInput::default()
    };
    result.stages_omitted.push(StageNote {
        stage: "compliance.units".into(),
        reason: "台账没有记录单位的数据安全管理制度和应急预案，相关规则未检查".into(),
    });
    match check(&input, policy) {
        Ok(mut list) => {
            list.sort_by(|a, b| {
                a.code
                    .code()
                    .cmp(b.code.code())
                    .then_with(|| a.subject_ids.cmp(&b.subject_ids))
            });
            list
        }
        Err(error) => {
            result.issues.push(issue("compliance", "ledger", &error));
            Vec::new()
        }
    }
}

/// Maps the kind of unit to the pilot's kind: 行政 and 事业单位 report as 市直部门, enterprises as
/// 市属国有企业.
pub fn pilot_unit_kind(kind: EntityKind) -> UnitKind {
    if kind.is_government() {
        UnitKind::CityDepartment
    } else {
        UnitKind::CitySoe
    }
}
