//! The quarterly progress report (试点工作进展情况) that pilot units send to the city finance
//! bureau (市财资〔2025〕12号 part 四(一)).
//!
//! The input gathers assets, ledger changes, registrations, authorizations, receipts and
//! violations, so it crosses as JSON in the core's serde form. The built report is an object
//! that writes itself as JSON or as Markdown with Chinese headings, and gives its deadlines as
//! typed records.

use std::sync::Arc;

use chrono::NaiveDate;
use data_assets_core::money::Amount;
use data_assets_core::report::{self as core_report, ReportInput};

use crate::calendar::{Calendar, Due};
use crate::error::{ConversionError, DataAssetsError};

const INPUT_JSON: &str = "a report input as JSON: unit, period and assets, with any of changes, \
                          registrations, authorizations, receipts, violations and deadlines";

/// Number and book value of a group of assets.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Tally {
    /// Number of assets.
    pub count: i64,
    /// Their book value.
    pub book_value: Amount,
}

/// A built progress report.
#[derive(Debug, uniffi::Object)]
pub struct ProgressReport {
    inner: core_report::ProgressReport,
}

#[uniffi::export]
impl ProgressReport {
    /// Renders the report as Markdown with Chinese headings.
    pub fn to_markdown(&self) -> String {
        core_report::render_markdown(&self.inner)
    }

    /// Writes the report as JSON.
    ///
    /// # Errors
    ///
    /// `ffi.invalid_json` only if serialization fails.
    pub fn to_json(&self) -> Result<String, DataAssetsError> {
        ConversionError::to_json(&self.inner, "report")
    }

    /// Returns the reporting period in words, such as `2026年第1季度`.
    pub fn period_label_zh(&self) -> String {
        self.inner.period.label_zh()
    }

    /// Returns the number and book value of every asset held.
    pub fn total_holdings(&self) -> Tally {
        let total = self.inner.holdings.total;
        Tally {
            count: i64::try_from(total.count).unwrap_or(i64::MAX),
            book_value: total.book_value,
        }
    }

    /// Returns the next deadlines the report lists.
    pub fn deadlines(&self) -> Vec<Due> {
        self.inner
            .deadlines
            .iter()
            .cloned()
            .map(Due::from)
            .collect()
    }
}

fn parse_input(json: &str) -> Result<ReportInput, DataAssetsError> {
    ConversionError::from_json(json, "input_json", INPUT_JSON)
}

/// Builds the progress report from its input, given as JSON; the deadlines are those of the
/// input.
///
/// # Errors
///
/// `ffi.invalid_json` for text that is not a report input; `report.*` for inconsistent input
/// (a change naming an unknown asset, a period that does not match, …).
#[uniffi::export]
pub fn build_progress_report(input_json: String) -> Result<Arc<ProgressReport>, DataAssetsError> {
    let inner = core_report::build_report(&parse_input(&input_json)?)?;
    Ok(Arc::new(ProgressReport { inner }))
}

/// Builds the progress report and lists the unit's deadlines from `calendar` as of `as_of`.
///
/// # Errors
///
/// The errors of [`build_progress_report`].
#[uniffi::export]
pub fn build_progress_report_with_calendar(
    input_json: String,
    calendar: Arc<Calendar>,
    as_of: NaiveDate,
) -> Result<Arc<ProgressReport>, DataAssetsError> {
    let input = parse_input(&input_json)?;
    let inner = calendar
        .with(|calendar| core_report::build_report_with_calendar(&input, calendar, as_of))?;
    Ok(Arc::new(ProgressReport { inner }))
}
