//! The quarterly progress report (试点工作进展情况) that pilot units send to the city finance
//! bureau.
//!
//! 市财资〔2025〕12号 part 四(一) requires each pilot unit to report its progress by 2025-12-10
//! and within 10 working days after each quarter of 2026 ends. [`build_report`] turns plain input
//! records ([`ReportInput`]) into a [`ProgressReport`]: holdings by booking status and category,
//! ledger changes, registrations and certificates, authorizations, revenue and its routing, open
//! violations and the next deadlines. [`render_markdown`] prints it with Chinese headings.
//!
//! The input records are views: the register, journal, registration, authorization and
//! compliance modules map their own types into them; the conversions live in one place, beside
//! the views (`AssetSnapshot::from_entry`, `RegistrationEvent::from_record`, and `From` for the
//! rest).
//!
//! # Errors
//!
//! [`build_report`] returns [`ReportError`] for inconsistent input; every variant carries a
//! stable code, the field path, the rejected value and what is allowed.

mod adapt;
mod build;
mod error;
mod input;
mod markdown;
mod period;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use build::{build_report, build_report_with_calendar};
pub use error::ReportError;
pub use input::{
    AssetSnapshot, AuthorizationMode, AuthorizationStatus, AuthorizationView, ChangeKind,
    LedgerChange, Receipt, ReceiptShare, RegistrationEvent, RegistrationKind, ReportInput,
    Severity, ViolationStatus, ViolationView,
};
pub use markdown::{format_amount, render_markdown};
pub use period::{ReportUnit, ReportingPeriod};

use crate::asset::{BookingStatus, DataCategory};
use crate::calendar::Due;
use crate::money::Amount;
use crate::revenue::Routing;

/// The progress report of one unit for one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressReport {
    /// Unit that reports.
    pub unit: ReportUnit,
    /// Period covered.
    pub period: ReportingPeriod,
    /// Assets held at the period end.
    pub holdings: Holdings,
    /// Ledger changes dated in the period.
    pub changes: ChangeSection,
    /// Registrations and certificates dated in the period.
    pub registrations: RegistrationSection,
    /// Authorizations active at the period end and granted in it.
    pub authorizations: AuthorizationSection,
    /// Revenue received in the period.
    pub revenue: RevenueSection,
    /// Open violations.
    pub risks: RiskSection,
    /// Obligations due next.
    pub deadlines: Vec<Due>,
}

/// Count and book value of a group of assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Tally {
    /// Number of assets.
    pub count: usize,
    /// Sum of their book values.
    pub book_value: Amount,
}

/// Assets held at the period end: every snapshot not marked disposed.
///
/// # Guarantees
///
/// The counts and book values of `by_status` sum to `total`, and so do those of `by_category`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holdings {
    /// Tally of every booking status, in [`BookingStatus::ALL`] order, zero entries included.
    pub by_status: BTreeMap<BookingStatus, Tally>,
    /// Tally of every category, in [`DataCategory::ALL`] order, zero entries included.
    pub by_category: BTreeMap<DataCategory, Tally>,
    /// All assets held.
    pub total: Tally,
    /// Assets held with a registered information card.
    pub registered_count: usize,
    /// Assets held with a certificate.
    pub certified_count: usize,
    /// Assets held under authorized operation.
    pub authorized_count: usize,
    /// Snapshots marked disposed, which the other figures leave out.
    pub disposed_count: usize,
}

/// A ledger change with the asset's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLine {
    /// Date of the change.
    pub date: NaiveDate,
    /// Asset changed.
    pub asset_id: String,
    /// Name of the asset.
    pub asset_name: String,
    /// Kind of change.
    pub kind: ChangeKind,
    /// What changed.
    pub summary: String,
}

/// Ledger changes dated in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeSection {
    /// Number of changes of each kind, in [`ChangeKind::ALL`] order.
    pub by_kind: BTreeMap<ChangeKind, usize>,
    /// Changes sorted by date, asset id, kind and summary.
    pub lines: Vec<ChangeLine>,
}

/// A registration event with the asset's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationLine {
    /// Date of the event.
    pub date: NaiveDate,
    /// Asset registered.
    pub asset_id: String,
    /// Name of the asset.
    pub asset_name: String,
    /// Kind of registration.
    pub kind: RegistrationKind,
    /// Certificate issued, if any.
    pub certificate_number: Option<String>,
}

/// Registrations and certificates dated in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistrationSection {
    /// Number of registrations of each kind, in [`RegistrationKind::ALL`] order.
    pub by_kind: BTreeMap<RegistrationKind, usize>,
    /// Number of events that issued a certificate.
    pub certificates_issued: usize,
    /// Events sorted by date, asset id and kind.
    pub lines: Vec<RegistrationLine>,
}

/// Authorizations of one group: those in force at the period end and those granted in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AuthorizationTally {
    /// Approved authorizations whose term covers the period end.
    pub active_at_end: usize,
    /// Approved authorizations whose term starts in the period.
    pub granted_in_period: usize,
}

/// Authorizations by mode and by purpose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuthorizationSection {
    /// Tally of every mode, in [`AuthorizationMode::ALL`] order.
    pub by_mode: BTreeMap<AuthorizationMode, AuthorizationTally>,
    /// Tally of every purpose text that has a non-zero tally, sorted by the text.
    pub by_purpose: BTreeMap<String, AuthorizationTally>,
    /// All authorizations.
    pub total: AuthorizationTally,
    /// Authorizations awaiting approval at report time.
    pub pending: usize,
}

/// Revenue received in the period and where the net went.
///
/// # Guarantees
///
/// `gross = vat + net`, `net` equals the sum of `by_routing`, and `net = remitted_to_treasury +
/// retained_by_institution + enterprise_revenue`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevenueSection {
    /// Number of receipts dated in the period.
    pub receipt_count: usize,
    /// Tax-inclusive amount received.
    pub gross: Amount,
    /// Output VAT.
    pub vat: Amount,
    /// Net of VAT, split among the parties.
    pub net: Amount,
    /// Shares remitted to the treasury as non-tax revenue (应缴财政款).
    pub remitted_to_treasury: Amount,
    /// Shares a 事业单位 keeps as its own revenue.
    pub retained_by_institution: Amount,
    /// Shares booked as enterprise revenue.
    pub enterprise_revenue: Amount,
    /// Net by routing, one entry per routing in the order of [`ROUTINGS`].
    pub by_routing: Vec<RoutingAmount>,
}

/// The part of the net with one routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutingAmount {
    /// Routing of the shares.
    pub routing: Routing,
    /// Sum of the shares.
    pub amount: Amount,
}

/// Every routing in the report's order.
pub const ROUTINGS: [Routing; 5] = [
    Routing::RemitToTreasury,
    Routing::InstitutionCoreRevenue,
    Routing::InstitutionBusinessRevenue,
    Routing::InstitutionOtherRevenue,
    Routing::EnterpriseRevenue,
];

/// Open violations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskSection {
    /// Number of open violations of each severity, in [`Severity::ALL`] order.
    pub open_by_severity: BTreeMap<Severity, usize>,
    /// Number of closed violations.
    pub closed: usize,
    /// Open violations sorted by severity, code, subject and message.
    pub open: Vec<ViolationView>,
}

#[cfg(test)]
mod tests;
