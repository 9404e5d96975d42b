//! Input views of the report: plain records that the register, journal, registration,
//! authorization, revenue and compliance modules map into.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ReportUnit, ReportingPeriod};
use crate::asset::{BookingStatus, DataCategory};
use crate::calendar::Due;
pub use crate::compliance::Severity;
use crate::money::Amount;
pub use crate::register::ChangeKind;
use crate::revenue::{Routing, SplitOutcome};

/// Everything a progress report is built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportInput {
    /// Unit that reports.
    pub unit: ReportUnit,
    /// Period covered.
    pub period: ReportingPeriod,
    /// Every asset on the ledger at the period end, disposed ones included.
    pub assets: Vec<AssetSnapshot>,
    /// Ledger changes; those dated outside the period are ignored.
    #[serde(default)]
    pub changes: Vec<LedgerChange>,
    /// Registration events; those dated outside the period are ignored.
    #[serde(default)]
    pub registrations: Vec<RegistrationEvent>,
    /// Authorizations of any date.
    #[serde(default)]
    pub authorizations: Vec<AuthorizationView>,
    /// Receipts; those dated outside the period are ignored.
    #[serde(default)]
    pub receipts: Vec<Receipt>,
    /// Violations found by the compliance rules, open and closed.
    #[serde(default)]
    pub violations: Vec<ViolationView>,
    /// Obligations due next, as [`crate::calendar::upcoming`] lists them.
    #[serde(default)]
    pub deadlines: Vec<Due>,
}

/// An asset as the ledger records it at the period end.
#[allow(
    clippy::struct_excessive_bools,
    reason = "the four flags are independent ledger facts, not states of one machine"
)]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetSnapshot {
    /// Ledger id, unique in the input.
    pub id: String,
    /// Asset name.
    pub name: String,
    /// Origin of the data.
    pub category: DataCategory,
    /// Financial booking status.
    pub booking_status: BookingStatus,
    /// Book value (账面价值) at the period end, exact to the fen; zero when unbooked.
    pub book_value: Amount,
    /// Whether an information card is registered (已登记).
    pub registered: bool,
    /// Whether a data-asset certificate was issued (已取得证书).
    pub certified: bool,
    /// Whether the asset is under authorized operation (授权运营).
    pub authorized: bool,
    /// Whether the asset was disposed (已处置) by the period end; disposed assets are left out
    /// of the holdings.
    pub disposed: bool,
}

/// A change of the ledger, as the register's history records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerChange {
    /// Asset changed.
    pub asset_id: String,
    /// Kind of change.
    pub kind: ChangeKind,
    /// Date of the change.
    pub date: NaiveDate,
    /// Description of the change.
    pub summary: String,
}

crate::vocab! {
    /// Kind of a registration event (数据资产登记).
    pub enum RegistrationKind {
        /// 初始登记: first registration of an information card.
        Initial = ("initial", "初始登记"),
        /// 变更登记: registration of changed facts.
        Change = ("change", "变更登记"),
        /// 注销登记: cancellation.
        Cancellation = ("cancellation", "注销登记"),
    }
}

/// A registration, with the certificate issued for it if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationEvent {
    /// Asset registered.
    pub asset_id: String,
    /// Kind of registration.
    pub kind: RegistrationKind,
    /// Date of the registration or of the certificate.
    pub date: NaiveDate,
    /// Number of the data-asset certificate (数据资产证书) issued, if one was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_number: Option<String>,
}

crate::vocab! {
    /// Mode of authorized operation (授权运营方式).
    pub enum AuthorizationMode {
        /// 整体授权: one operator for all the data of a body.
        Whole = ("whole", "整体授权"),
        /// 分领域授权: by domain or sector.
        ByDomain = ("by_domain", "分领域授权"),
        /// 依场景授权: for a given application scenario.
        ByScenario = ("by_scenario", "依场景授权"),
    }
}

crate::vocab! {
    /// Approval status of an authorization.
    pub enum AuthorizationStatus {
        /// 待审批: awaiting approval.
        Pending = ("pending", "待审批"),
        /// 已批准: approved; in force during its term.
        Approved = ("approved", "已批准"),
        /// 已驳回: rejected.
        Rejected = ("rejected", "已驳回"),
        /// 已撤销: revoked.
        Revoked = ("revoked", "已撤销"),
    }
}

/// An authorization of use or operation rights over an asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizationView {
    /// Authorization id, unique in the input.
    pub id: String,
    /// Asset authorized.
    pub asset_id: String,
    /// Mode of authorization.
    pub mode: AuthorizationMode,
    /// Purpose or scenario, in words, such as 普惠金融; the report groups by the exact text.
    pub purpose: String,
    /// Approval status when the report is built.
    ///
    /// NOTE: the view has no status history, so an authorization revoked after the period end
    /// is not counted as active at the period end.
    pub status: AuthorizationStatus,
    /// First day of the term; an approved authorization counts as granted on this day.
    pub start: NaiveDate,
    /// Last day of the term, or none for an open term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
}

impl AuthorizationView {
    /// Tells whether the authorization is approved and its term covers `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.status == AuthorizationStatus::Approved
            && self.start <= date
            && self.end.is_none_or(|end| date <= end)
    }
}

/// One party's share of a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptShare {
    /// Receiving party.
    pub party: String,
    /// Routing of the share in the party's books.
    pub routing: Routing,
    /// Share of the net amount, exact to the fen.
    pub amount: Amount,
}

/// Revenue received from an asset: the gross amount, its output VAT and the split of the net.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Receipt {
    /// Date received.
    pub date: NaiveDate,
    /// Asset that earned it.
    pub asset_id: String,
    /// Tax-inclusive amount received (含税收入).
    pub gross: Amount,
    /// Output VAT (销项税额).
    pub vat: Amount,
    /// Shares of the net amount (gross − VAT); they must sum to it exactly.
    pub shares: Vec<ReceiptShare>,
}

impl Receipt {
    /// Creates a receipt from the outcome of [`crate::revenue::split_receipt`].
    pub fn from_split(date: NaiveDate, asset_id: &str, outcome: &SplitOutcome) -> Receipt {
        Receipt {
            date,
            asset_id: asset_id.to_owned(),
            gross: outcome.vat.gross,
            vat: outcome.vat.vat,
            shares: outcome
                .shares
                .iter()
                .map(|share| ReceiptShare {
                    party: share.party.name.clone(),
                    routing: share.routing,
                    amount: share.amount,
                })
                .collect(),
        }
    }
}

crate::vocab! {
    /// Whether a violation still needs remedy.
    pub enum ViolationStatus {
        /// 未整改: open.
        Open = ("open", "未整改"),
        /// 已整改: closed.
        Closed = ("closed", "已整改"),
    }
}

/// A violation of a risk rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViolationView {
    /// Stable code of the rule broken, such as `compliance.guarantee_with_asset`.
    pub code: String,
    /// Severity.
    pub severity: Severity,
    /// Description of the violation.
    pub message: String,
    /// Regulation and article the rule applies.
    pub rule: String,
    /// Asset, contract or entry concerned.
    pub subject: String,
    /// Open or closed.
    pub status: ViolationStatus,
}
