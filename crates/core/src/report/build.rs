//! Validation of the input and assembly of the report.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;

use super::input::{AssetSnapshot, AuthorizationStatus, ChangeKind, ReportInput};
use super::{
    AuthorizationMode, AuthorizationSection, AuthorizationTally, ChangeLine, ChangeSection,
    Holdings, ProgressReport, ROUTINGS, RegistrationKind, RegistrationLine, RegistrationSection,
    ReportError, RevenueSection, RiskSection, RoutingAmount, Severity, Tally, ViolationStatus,
};
use crate::asset::{BookingStatus, DataCategory};
use crate::calendar::{Calendar, upcoming};
use crate::money::Amount;
use crate::revenue::Routing;

/// Builds the progress report of `input.unit` for `input.period`.
///
/// Changes, registrations and receipts dated outside the period are left out. The deadlines are
/// taken from `input.deadlines` as given; [`build_report_with_calendar`] computes them instead.
///
/// # Errors
///
/// - [`ReportError::EmptyUnitName`] or [`ReportError::InvalidRegionCode`] for a malformed unit;
/// - [`ReportError::EmptyId`] or [`ReportError::DuplicateId`] for a blank or repeated asset or
///   authorization id;
/// - [`ReportError::UnknownAssetId`] when a change, registration, authorization or receipt
///   names an asset that has no snapshot;
/// - [`ReportError::NegativeAmount`] or [`ReportError::AmountNotFen`] for a book value, gross,
///   VAT or share below zero or finer than the fen;
/// - [`ReportError::VatExceedsGross`] or [`ReportError::SharesNotNet`] for a receipt whose
///   shares do not sum exactly to gross − VAT;
/// - [`ReportError::TermReversed`] for an authorization that ends before it starts;
/// - [`ReportError::DisposalNotInSnapshot`] when a disposal dated by the period end belongs to
///   an asset whose snapshot is not marked disposed;
/// - [`ReportError::Money`] if a sum overflows.
///
/// Dates outside the period are not errors, because the ledger's history spans many periods.
///
/// # Example
///
/// ```
/// use data_assets_core::asset::{BookingStatus, DataCategory};
/// use data_assets_core::calendar::UnitKind;
/// use data_assets_core::money::Amount;
/// use data_assets_core::report::{
///     AssetSnapshot, ReportInput, ReportUnit, ReportingPeriod, build_report, render_markdown,
/// };
///
/// let input = ReportInput {
///     unit: ReportUnit {
///         name: "桂林市自然资源局".into(),
///         kind: UnitKind::CityDepartment,
///         region_code: Some("450300".into()),
///     },
///     period: ReportingPeriod::quarter(2026, 1)?,
///     assets: vec![AssetSnapshot {
///         id: "ZY-001".into(),
///         name: "不动产登记数据".into(),
///         category: DataCategory::Public,
///         booking_status: BookingStatus::IntangibleAsset,
///         book_value: Amount::from_fen(123_456_789),
///         registered: true,
///         certified: true,
///         authorized: false,
///         disposed: false,
///     }],
///     changes: vec![],
///     registrations: vec![],
///     authorizations: vec![],
///     receipts: vec![],
///     violations: vec![],
///     deadlines: vec![],
/// };
/// let report = build_report(&input)?;
/// assert_eq!(report.holdings.total.count, 1);
/// assert!(render_markdown(&report).contains("1,234,567.89"));
/// # Ok::<(), data_assets_core::report::ReportError>(())
/// ```
pub fn build_report(input: &ReportInput) -> Result<ProgressReport, ReportError> {
    input.unit.validate()?;
    let assets = index_assets(&input.assets)?;
    Ok(ProgressReport {
        unit: input.unit.clone(),
        period: input.period,
        holdings: holdings(&input.assets)?,
        changes: changes(input, &assets)?,
        registrations: registrations(input, &assets)?,
        authorizations: authorizations(input, &assets)?,
        revenue: revenue(input, &assets)?,
        risks: risks(input),
        deadlines: input.deadlines.clone(),
    })
}

/// Builds the report like [`build_report`], with the deadlines computed by
/// [`upcoming`] from `calendar` for the unit's kind and region on `as_of`, in place of
/// `input.deadlines`.
///
/// # Errors
///
/// The errors of [`build_report`]. A deadline the calendar cannot compute, such as one in a year
/// with no loaded holiday schedule, is not an error: it is listed as
/// [`DueDate::Unknown`](crate::calendar::DueDate::Unknown).
pub fn build_report_with_calendar(
    input: &ReportInput,
    calendar: &Calendar,
    as_of: NaiveDate,
) -> Result<ProgressReport, ReportError> {
    let region = input.unit.region_code.as_deref();
    let mut report = build_report(input)?;
    report.deadlines = upcoming(calendar, as_of, input.unit.kind, region);
    Ok(report)
}

/// Indexes the snapshots by id, rejecting blank and repeated ids.
fn index_assets(assets: &[AssetSnapshot]) -> Result<HashMap<&str, &AssetSnapshot>, ReportError> {
    let mut index = HashMap::with_capacity(assets.len());
    for (position, asset) in assets.iter().enumerate() {
        let field = format!("assets[{position}].id");
        if crate::text::is_blank(&asset.id) {
            return Err(ReportError::EmptyId { field });
        }
        if index.insert(asset.id.as_str(), asset).is_some() {
            return Err(ReportError::DuplicateId {
                field,
                value: asset.id.clone(),
            });
        }
        check_amount(asset.book_value, &format!("assets[{position}].book_value"))?;
    }
    Ok(index)
}

/// Rejects a negative amount or one finer than the fen.
fn check_amount(amount: Amount, field: &str) -> Result<(), ReportError> {
    if amount.is_negative() {
        return Err(ReportError::NegativeAmount {
            field: field.to_owned(),
            value: amount.to_string(),
        });
    }
    if !amount.is_fen() {
        return Err(ReportError::AmountNotFen {
            field: field.to_owned(),
            value: amount.to_string(),
        });
    }
    Ok(())
}

/// Looks up the asset an input record names.
fn asset_named<'a>(
    assets: &HashMap<&str, &'a AssetSnapshot>,
    id: &str,
    field: String,
) -> Result<&'a AssetSnapshot, ReportError> {
    assets
        .get(id)
        .copied()
        .ok_or_else(|| ReportError::UnknownAssetId {
            field,
            value: id.to_owned(),
        })
}

/// Creates a map with a default value for every key, so that empty groups still show.
fn zero_map<K: Ord + Copy, V: Default>(keys: &[K]) -> BTreeMap<K, V> {
    keys.iter().map(|key| (*key, V::default())).collect()
}

/// Counts the items of each key, with a zero for every key that has none.
fn count_by<K: Ord + Copy, T>(
    keys: &[K],
    items: &[T],
    key_of: impl Fn(&T) -> K,
) -> BTreeMap<K, usize> {
    let mut counts = zero_map(keys);
    for item in items {
        *counts.entry(key_of(item)).or_default() += 1;
    }
    counts
}

fn add_to(tally: &mut Tally, value: Amount) -> Result<(), ReportError> {
    tally.count += 1;
    tally.book_value = tally.book_value.checked_add(value)?;
    Ok(())
}

fn holdings(assets: &[AssetSnapshot]) -> Result<Holdings, ReportError> {
    let mut by_status: BTreeMap<BookingStatus, Tally> = zero_map(BookingStatus::ALL);
    let mut by_category: BTreeMap<DataCategory, Tally> = zero_map(DataCategory::ALL);
    let mut total = Tally::default();
    let (mut registered_count, mut certified_count, mut authorized_count) = (0, 0, 0);
    let mut disposed_count = 0;
    for asset in assets {
        if asset.disposed {
            disposed_count += 1;
            continue;
        }
        add_to(
            by_status.entry(asset.booking_status).or_default(),
            asset.book_value,
        )?;
        add_to(
            by_category.entry(asset.category).or_default(),
            asset.book_value,
        )?;
        add_to(&mut total, asset.book_value)?;
        registered_count += usize::from(asset.registered);
        certified_count += usize::from(asset.certified);
        authorized_count += usize::from(asset.authorized);
    }
    Ok(Holdings {
        by_status,
        by_category,
        total,
        registered_count,
        certified_count,
        authorized_count,
        disposed_count,
    })
}

fn changes(
    input: &ReportInput,
    assets: &HashMap<&str, &AssetSnapshot>,
) -> Result<ChangeSection, ReportError> {
    let mut lines = Vec::new();
    for (position, change) in input.changes.iter().enumerate() {
        let asset = asset_named(
            assets,
            &change.asset_id,
            format!("changes[{position}].asset_id"),
        )?;

        // A disposal the ledger recorded by the period end must show in the snapshot.
        let disposed_by_end =
            change.kind == ChangeKind::Disposed && change.date <= input.period.end();
        if disposed_by_end && !asset.disposed {
            return Err(ReportError::DisposalNotInSnapshot {
                field: format!("changes[{position}]"),
                value: change.asset_id.clone(),
            });
        }
        if input.period.contains(change.date) {
            lines.push(ChangeLine {
                date: change.date,
                asset_id: change.asset_id.clone(),
                asset_name: asset.name.clone(),
                kind: change.kind,
                summary: change.summary.clone(),
            });
        }
    }
    lines.sort_by(|a, b| {
        (a.date, &a.asset_id, a.kind, &a.summary).cmp(&(b.date, &b.asset_id, b.kind, &b.summary))
    });
    let by_kind = count_by(ChangeKind::ALL, &lines, |line| line.kind);
    Ok(ChangeSection { by_kind, lines })
}

fn registrations(
    input: &ReportInput,
    assets: &HashMap<&str, &AssetSnapshot>,
) -> Result<RegistrationSection, ReportError> {
    let mut lines = Vec::new();
    for (position, event) in input.registrations.iter().enumerate() {
        let field = format!("registrations[{position}].asset_id");
        let asset = asset_named(assets, &event.asset_id, field)?;
        if input.period.contains(event.date) {
            lines.push(RegistrationLine {
                date: event.date,
                asset_id: event.asset_id.clone(),
                asset_name: asset.name.clone(),
                kind: event.kind,
                certificate_number: event
                    .certificate_number
                    .clone()
                    .filter(|number| !crate::text::is_blank(number)),
            });
        }
    }
    lines.sort_by(|a, b| (a.date, &a.asset_id, a.kind).cmp(&(b.date, &b.asset_id, b.kind)));
    let by_kind = count_by(RegistrationKind::ALL, &lines, |line| line.kind);
    let certificates_issued = lines
        .iter()
        .filter(|line| line.certificate_number.is_some())
        .count();
    Ok(RegistrationSection {
        by_kind,
        certificates_issued,
        lines,
    })
}

fn authorizations(
    input: &ReportInput,
    assets: &HashMap<&str, &AssetSnapshot>,
) -> Result<AuthorizationSection, ReportError> {
    let period = input.period;
    let mut seen = HashMap::new();
    let mut by_mode: BTreeMap<AuthorizationMode, AuthorizationTally> =
        zero_map(AuthorizationMode::ALL);
    let mut by_purpose: BTreeMap<String, AuthorizationTally> = BTreeMap::new();
    let mut total = AuthorizationTally::default();
    let mut pending = 0;
    for (position, grant) in input.authorizations.iter().enumerate() {
        // Check the id, the asset and the term.
        let field = format!("authorizations[{position}].id");
        if crate::text::is_blank(&grant.id) {
            return Err(ReportError::EmptyId { field });
        }
        if seen.insert(grant.id.as_str(), position).is_some() {
            return Err(ReportError::DuplicateId {
                field,
                value: grant.id.clone(),
            });
        }
        asset_named(
            assets,
            &grant.asset_id,
            format!("authorizations[{position}].asset_id"),
        )?;
        if let Some(end) = grant.end.filter(|end| *end < grant.start) {
            return Err(ReportError::TermReversed {
                field: format!("authorizations[{position}].end"),
                value: format!("{}..={end}", grant.start),
            });
        }

        // Count it in every group it belongs to.
        pending += usize::from(grant.status == AuthorizationStatus::Pending);
        let active = usize::from(grant.is_active_on(period.end()));
        let granted = usize::from(
            grant.status == AuthorizationStatus::Approved && period.contains(grant.start),
        );
        let purpose = by_purpose
            .entry(grant.purpose.trim().to_owned())
            .or_default();
        let mode = by_mode.entry(grant.mode).or_default();
        for tally in [&mut total, purpose, mode] {
            tally.active_at_end += active;
            tally.granted_in_period += granted;
        }
    }
    let by_purpose = by_purpose
        .into_iter()
        .filter(|(_, tally)| tally.active_at_end + tally.granted_in_period > 0)
        .collect();
    Ok(AuthorizationSection {
        by_mode,
        by_purpose,
        total,
        pending,
    })
}

fn revenue(
    input: &ReportInput,
    assets: &HashMap<&str, &AssetSnapshot>,
) -> Result<RevenueSection, ReportError> {
    let mut section = RevenueSection {
        receipt_count: 0,
        gross: Amount::ZERO,
        vat: Amount::ZERO,
        net: Amount::ZERO,
        remitted_to_treasury: Amount::ZERO,
        retained_by_institution: Amount::ZERO,
        enterprise_revenue: Amount::ZERO,
        by_routing: ROUTINGS
            .iter()
            .map(|routing| RoutingAmount {
                routing: *routing,
                amount: Amount::ZERO,
            })
            .collect(),
    };
    for (position, receipt) in input.receipts.iter().enumerate() {
        // Every receipt is checked, whatever its date, so bad input never hides in another period.
        let net = check_receipt(receipt, position, assets)?;
        if !input.period.contains(receipt.date) {
            continue;
        }
        section.receipt_count += 1;
        section.gross = section.gross.checked_add(receipt.gross)?;
        section.vat = section.vat.checked_add(receipt.vat)?;
        section.net = section.net.checked_add(net)?;
        for share in &receipt.shares {
            let bucket = match share.routing {
                Routing::RemitToTreasury => &mut section.remitted_to_treasury,
                Routing::InstitutionCoreRevenue
                | Routing::InstitutionBusinessRevenue
                | Routing::InstitutionOtherRevenue => &mut section.retained_by_institution,
                Routing::EnterpriseRevenue => &mut section.enterprise_revenue,
            };
            *bucket = bucket.checked_add(share.amount)?;
            for row in &mut section.by_routing {
                if row.routing == share.routing {
                    row.amount = row.amount.checked_add(share.amount)?;
                }
            }
        }
    }
    Ok(section)
}

/// Checks a receipt and returns its net amount.
fn check_receipt(
    receipt: &super::Receipt,
    position: usize,
    assets: &HashMap<&str, &AssetSnapshot>,
) -> Result<Amount, ReportError> {
    let path = format!("receipts[{position}]");
    asset_named(assets, &receipt.asset_id, format!("{path}.asset_id"))?;
    check_amount(receipt.gross, &format!("{path}.gross"))?;
    check_amount(receipt.vat, &format!("{path}.vat"))?;
    if receipt.vat > receipt.gross {
        return Err(ReportError::VatExceedsGross {
            field: format!("{path}.vat"),
            value: format!("{} > {}", receipt.vat, receipt.gross),
        });
    }
    let net = receipt.gross.checked_sub(receipt.vat)?;
    for (index, share) in receipt.shares.iter().enumerate() {
        check_amount(share.amount, &format!("{path}.shares[{index}].amount"))?;
    }
    let sum = Amount::sum(receipt.shares.iter().map(|share| share.amount))?;
    if sum != net {
        return Err(ReportError::SharesNotNet {
            field: format!("{path}.shares"),
            value: format!("{sum} ≠ {net}"),
        });
    }
    Ok(net)
}

fn risks(input: &ReportInput) -> RiskSection {
    let mut open: Vec<_> = input
        .violations
        .iter()
        .filter(|violation| violation.status == ViolationStatus::Open)
        .cloned()
        .collect();
    open.sort_by(|a, b| {
        (a.severity, &a.code, &a.subject, &a.message)
            .cmp(&(b.severity, &b.code, &b.subject, &b.message))
    });
    let open_by_severity = count_by(Severity::ALL, &open, |violation| violation.severity);
    let closed = input.violations.len() - open.len();
    RiskSection {
        open_by_severity,
        closed,
        open,
    }
}
