//! The quarterly progress report (试点工作进展情况) of the run.

use chrono::{Datelike, NaiveDate};
use data_assets_core::ErrorDetail;
use data_assets_core::accounting::{EventKind, Journal};
use data_assets_core::asset::RightsRegistration;
use data_assets_core::authorization::Authorization;
use data_assets_core::calendar::Calendar;
use data_assets_core::compliance::Violation;
use data_assets_core::registration::Certificate;
use data_assets_core::report::{
    AssetSnapshot, AuthorizationView, ProgressReport, Receipt, RegistrationEvent, RegistrationKind,
    ReportInput, ReportUnit, ReportingPeriod, ViolationStatus, ViolationView,
    build_report_with_calendar,
};

use super::{Issue, SplitRecord, StageNote, pilot_unit_kind};
use crate::ledger::Ledger;

/// Returns the quarter the report covers: the quarter that ends on `as_of`, or else the last
/// quarter that ended before it, because a progress report covers a whole quarter.
pub fn report_quarter(as_of: NaiveDate) -> (i32, u8) {
    let next_day = as_of.succ_opt().unwrap_or(as_of);
    // The quarter containing the day after as_of has not ended; the one before it has.
    let month0 = next_day.month0();
    let quarter = u8::try_from(month0 / 3).unwrap_or(0);
    if quarter == 0 {
        (next_day.year() - 1, 4)
    } else {
        (next_day.year(), quarter)
    }
}

/// Inputs gathered by the run for the report.
pub struct ReportSources<'a> {
    /// The ledger.
    pub ledger: &'a Ledger,
    /// The journal after posting.
    pub journal: &'a Journal,
    /// Certificates issued.
    pub certificates: &'a [Certificate],
    /// Authorizations replayed.
    pub authorizations: &'a [Authorization],
    /// Receipts split.
    pub splits: &'a [SplitRecord],
    /// Violations found.
    pub violations: &'a [Violation],
}

/// Builds the progress report of the quarter [`report_quarter`] picks.
pub fn progress_report(
    sources: &ReportSources<'_>,
    as_of: NaiveDate,
    calendar: &Calendar,
    issues: &mut Vec<Issue>,
    omitted: &mut Vec<StageNote>,
) -> Option<ProgressReport> {
    let ledger = sources.ledger;
    let (year, quarter) = report_quarter(as_of);
    let period = match ReportingPeriod::quarter(year, quarter) {
        Ok(period) => period,
        Err(error) => {
            issues.push(issue(&error));
            return None;
        }
    };
    let end = period.end();
    let disposed = |asset_id: &str| {
        sources.journal.posted().iter().any(|posted| {
            posted.event.asset_id == asset_id
                && posted.event.date <= end
                && matches!(
                    posted.event.kind,
                    EventKind::Sale { .. }
                        | EventKind::TransferOut { .. }
                        | EventKind::WriteOff
                        | EventKind::StocktakeLossApproved
                )
        })
    };
    let assets = ledger
        .assets
        .iter()
        .map(|asset| AssetSnapshot {
            id: asset.id.clone(),
            name: asset.name.clone(),
            category: asset.category,
            booking_status: asset.booking_status,
            book_value: sources
                .journal
                .carrying_amount(&asset.id, end)
                .unwrap_or_default(),
            registered: asset.rights_registration == RightsRegistration::Registered,
            certified: sources.certificates.iter().any(|c| c.asset_id == asset.id),
            authorized: asset.authorized_operation,
            disposed: disposed(&asset.id),
        })
        .collect();
    omitted.push(StageNote {
        stage: "report.changes".into(),
        reason: "台账工作簿不保留变更记录，进展报告不列新增和变更".into(),
    });
    let input = ReportInput {
        unit: ReportUnit {
            name: ledger.unit.name.clone(),
            kind: pilot_unit_kind(ledger.unit.kind),
            region_code: Some(ledger.unit.region_code.as_str().to_owned()),
        },
        period,
        assets,
        changes: Vec::new(),
        registrations: sources
            .certificates
            .iter()
            .map(|certificate| RegistrationEvent {
                asset_id: certificate.asset_id.clone(),
                kind: RegistrationKind::Initial,
                date: certificate.issued_on,
                certificate_number: Some(certificate.number.clone()),
            })
            .collect(),
        authorizations: sources
            .authorizations
            .iter()
            .map(AuthorizationView::from)
            .collect(),
        receipts: sources
            .splits
            .iter()
            .map(|split| Receipt::from_split(split.date, &split.asset_id, &split.outcome))
            .collect(),
        violations: sources
            .violations
            .iter()
            .map(|v| ViolationView::from_violation(v, ViolationStatus::Open))
            .collect(),
        deadlines: Vec::new(),
    };
    // Deadlines count from the as-of date, like the run's own deadline list, so the report and
    // the 报送期限 sheet give the same days left.
    match build_report_with_calendar(&input, calendar, as_of) {
        Ok(report) => Some(report),
        Err(error) => {
            issues.push(issue(&error));
            None
        }
    }
}

fn issue(error: &dyn ErrorDetail) -> Issue {
    Issue {
        stage: "report".into(),
        subject: "progress_report".into(),
        code: error.code().into(),
        message: format!("{error}; allowed: {}", error.allowed()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn quarter_end_reports_its_own_quarter() {
        assert_eq!(report_quarter(date(2026, 9, 30)), (2026, 3));
        assert_eq!(report_quarter(date(2026, 12, 31)), (2026, 4));
        assert_eq!(report_quarter(date(2026, 3, 31)), (2026, 1));
    }

    #[test]
    fn mid_quarter_reports_the_last_full_quarter() {
        assert_eq!(report_quarter(date(2026, 10, 1)), (2026, 3));
        assert_eq!(report_quarter(date(2026, 9, 29)), (2026, 2));
        assert_eq!(report_quarter(date(2026, 2, 10)), (2025, 4));
    }
}
