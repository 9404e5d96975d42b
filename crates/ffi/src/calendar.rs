//! The working-day calendar and the deadlines of the Guilin pilot (市财资〔2025〕12号).
//!
//! A [`Calendar`] object contains the national schedules by year and any regional holidays; the
//! deadline functions take it as their first argument. A region is passed as its six-digit
//! 行政区划代码 text, or none for the national calendar only.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use data_assets_core::calendar::{
    self as core_calendar, DueDate, HolidayRange, RegionalSchedule, UnitKind, YearSchedule,
};
use data_assets_core::policy::Policy;

use crate::error::{ConversionError, DataAssetsError};
use crate::vocab::vocabulary;

vocabulary! {
    /// Kind of pilot unit an obligation applies to (市财资〔2025〕12号 part 一).
    UnitKind {
        /// 市直部门.
        CityDepartment,
        /// 县（区）财政局.
        DistrictFinanceBureau,
        /// 市属国有企业.
        CitySoe,
    }
    code: unit_kind_code,
    label: unit_kind_label_zh,
    parse: parse_unit_kind,
}

/// The national holiday schedule of one year, from the State Council notice.
#[uniffi::remote(Record)]
pub struct YearSchedule {
    /// Calendar year the schedule covers.
    pub year: i32,
    /// Title and document number of the notice.
    pub notice: String,
    /// Date the notice was issued.
    pub issued_on: NaiveDate,
    /// Holiday ranges (放假).
    pub holidays: Vec<HolidayRange>,
    /// Saturdays and Sundays that are working days (调休上班).
    pub make_up_working_days: Vec<NaiveDate>,
}

/// Rule that sets the due date of an obligation. Mirrors the core's `DueRule` with a signed
/// working-day count, since Java has no unsigned integers.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum DueRule {
    /// Due on a fixed date.
    OnDate {
        /// Last day.
        date: NaiveDate,
    },
    /// Due on the n-th working day after a date.
    WorkingDaysAfter {
        /// Day the count starts after.
        after: NaiveDate,
        /// Number of working days.
        working_days: i64,
    },
    /// Due a number of calendar months after a date.
    MonthsAfter {
        /// Day the period starts after.
        after: NaiveDate,
        /// Number of months.
        months: i64,
    },
}

impl From<core_calendar::DueRule> for DueRule {
    fn from(rule: core_calendar::DueRule) -> Self {
        match rule {
            core_calendar::DueRule::OnDate { date } => DueRule::OnDate { date },
            core_calendar::DueRule::WorkingDaysAfter {
                after,
                working_days,
            } => DueRule::WorkingDaysAfter {
                after,
                working_days: i64::from(working_days),
            },
            core_calendar::DueRule::MonthsAfter { after, months } => DueRule::MonthsAfter {
                after,
                months: i64::from(months),
            },
        }
    }
}

impl DueRule {
    fn into_core(self) -> Result<core_calendar::DueRule, DataAssetsError> {
        Ok(match self {
            DueRule::OnDate { date } => core_calendar::DueRule::OnDate { date },
            DueRule::WorkingDaysAfter {
                after,
                working_days,
            } => core_calendar::DueRule::WorkingDaysAfter {
                after,
                working_days: ConversionError::int(working_days, "rule.working_days")?,
            },
            DueRule::MonthsAfter { after, months } => core_calendar::DueRule::MonthsAfter {
                after,
                months: ConversionError::int(months, "rule.months")?,
            },
        })
    }
}

/// Something a pilot unit must do or report by a due date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Obligation {
    /// Stable identifier, such as `quarterly_report_2026_q1`.
    pub id: String,
    /// Task or report due, in the plan's Chinese wording.
    pub title_zh: String,
    /// Kinds of unit that owe it.
    pub unit_kinds: Vec<UnitKind>,
    /// Rule that sets the due date.
    pub rule: DueRule,
    /// Document and part that sets it.
    pub source: String,
}

impl From<core_calendar::Obligation> for Obligation {
    fn from(obligation: core_calendar::Obligation) -> Self {
        Obligation {
            id: obligation.id,
            title_zh: obligation.title_zh,
            unit_kinds: obligation.unit_kinds,
            rule: obligation.rule.into(),
            source: obligation.source,
        }
    }
}

/// The due date of an obligation, or why it cannot be computed yet.
#[uniffi::remote(Enum)]
pub enum DueDate {
    /// The due date is known.
    Known {
        /// Last day to fulfil the obligation.
        due_date: NaiveDate,
        /// Calendar days from the as-of date to the due date; 0 means due today.
        days_left: i64,
    },
    /// The due date needs a schedule the calendar lacks, such as next year's holiday notice.
    Unknown {
        /// Stable error code, such as `calendar.year_not_loaded`.
        code: String,
        /// Year whose schedule is missing, when that is the cause.
        missing_year: Option<i32>,
        /// Error message.
        message: String,
    },
}

/// An obligation with its due date.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Due {
    /// Obligation due.
    pub obligation: Obligation,
    /// When it is due, or why that is unknown.
    pub due: DueDate,
}

impl From<core_calendar::Due> for Due {
    fn from(due: core_calendar::Due) -> Self {
        Due {
            obligation: due.obligation.into(),
            due: due.due,
        }
    }
}

/// A working-day calendar: national schedules by year plus regional holidays. Safe to share
/// between threads.
#[derive(Debug, uniffi::Object)]
pub struct Calendar {
    inner: Mutex<core_calendar::Calendar>,
}

impl Calendar {
    fn wrap(calendar: core_calendar::Calendar) -> Arc<Self> {
        Arc::new(Calendar {
            inner: Mutex::new(calendar),
        })
    }

    /// Runs `f` with the core calendar, locked for the duration.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&core_calendar::Calendar) -> T) -> T {
        f(&self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, core_calendar::Calendar> {
        // Loading a year checks it completely before storing it, so a poisoned lock still
        // holds a consistent calendar.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[uniffi::export]
impl Calendar {
    /// Creates a calendar with the official national schedules bundled with the library.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Self::wrap(core_calendar::Calendar::official())
    }

    /// Loads a national schedule from its JSON file.
    ///
    /// # Errors
    ///
    /// `calendar.invalid_json`, `calendar.year_already_loaded`, or the schedule's own errors
    /// (overlapping ranges, a make-up day that is not a weekend, …).
    pub fn load_year(&self, json: String) -> Result<(), DataAssetsError> {
        Ok(self.lock().load_year(&json)?)
    }

    /// Adds a national schedule.
    ///
    /// # Errors
    ///
    /// The errors of [`Calendar::load_year`] other than the JSON one.
    pub fn add_year(&self, schedule: YearSchedule) -> Result<(), DataAssetsError> {
        Ok(self.lock().add_year(schedule)?)
    }

    /// Loads a regional schedule from JSON.
    ///
    /// # Errors
    ///
    /// `calendar.invalid_json`, `calendar.regional_already_loaded`,
    /// `calendar.invalid_region_code`, or the schedule's own errors.
    pub fn load_regional(&self, json: String) -> Result<(), DataAssetsError> {
        Ok(self.lock().load_regional(&json)?)
    }

    /// Adds a regional schedule.
    ///
    /// # Errors
    ///
    /// The errors of [`Calendar::load_regional`] other than the JSON one.
    pub fn add_regional(&self, schedule: RegionalSchedule) -> Result<(), DataAssetsError> {
        Ok(self.lock().add_regional(schedule)?)
    }

    /// Returns the national schedule of `year`, if loaded.
    pub fn schedule(&self, year: i32) -> Option<YearSchedule> {
        self.lock().schedule(year).cloned()
    }

    /// Lists the years with a national schedule.
    pub fn loaded_years(&self) -> Vec<i32> {
        self.lock().loaded_years()
    }

    /// Checks whether `date` is a working day, nationally or in `region`.
    ///
    /// # Errors
    ///
    /// `calendar.year_not_loaded`, `calendar.invalid_region_code`.
    pub fn is_working_day(
        &self,
        date: NaiveDate,
        region: Option<String>,
    ) -> Result<bool, DataAssetsError> {
        Ok(self.lock().is_working_day(date, region.as_deref())?)
    }

    /// Returns the `n`-th working day after `date`.
    ///
    /// # Errors
    ///
    /// `ffi.out_of_range` for a negative count, `calendar.zero_working_days`,
    /// `calendar.year_not_loaded` when the count runs into a
    /// year without a schedule, `calendar.invalid_region_code`.
    pub fn add_working_days(
        &self,
        date: NaiveDate,
        n: i64,
        region: Option<String>,
    ) -> Result<NaiveDate, DataAssetsError> {
        let n = ConversionError::int(n, "n")?;
        Ok(self.lock().add_working_days(date, n, region.as_deref())?)
    }

    /// Counts the working days after `start` up to and including `end` (negative when `end`
    /// is before `start`).
    ///
    /// # Errors
    ///
    /// `calendar.year_not_loaded`, `calendar.invalid_region_code`.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        region: Option<String>,
    ) -> Result<i64, DataAssetsError> {
        Ok(self
            .lock()
            .working_days_between(start, end, region.as_deref())?)
    }
}

/// Creates a calendar with no schedule; every question is an error until one is loaded.
#[uniffi::export]
pub fn empty_calendar() -> Arc<Calendar> {
    Calendar::wrap(core_calendar::Calendar::empty())
}

/// Creates the official calendar plus the policy's regional holidays.
///
/// # Errors
///
/// `calendar.*` when a regional schedule of the policy is invalid.
#[uniffi::export]
pub fn calendar_for_policy(policy: Policy) -> Result<Arc<Calendar>, DataAssetsError> {
    crate::policy::check_policy(&policy)?;
    Ok(Calendar::wrap(core_calendar::Calendar::for_policy(
        &policy,
    )?))
}

/// Returns the due date of the quarterly report: the 10th working day after the quarter ends
/// (市财资〔2025〕12号).
///
/// # Errors
///
/// `calendar.invalid_quarter` unless `quarter` is 1 to 4 (`ffi.out_of_range` outside 0 to 255); `calendar.year_not_loaded` when the
/// count needs a year the calendar lacks (a fourth quarter needs the next year's schedule).
#[uniffi::export]
pub fn quarterly_report_deadline(
    calendar: Arc<Calendar>,
    year: i32,
    quarter: i32,
    region: Option<String>,
) -> Result<NaiveDate, DataAssetsError> {
    let quarter = ConversionError::int(quarter, "quarter")?;
    let calendar = calendar.lock();
    Ok(core_calendar::quarterly_report_deadline(
        &calendar,
        year,
        quarter,
        region.as_deref(),
    )?)
}

/// Lists the pilot obligations a kind of unit still has on or after `as_of`, soonest first;
/// those whose due date cannot be computed come last with [`DueDate::Unknown`].
#[uniffi::export]
pub fn upcoming_obligations(
    calendar: Arc<Calendar>,
    as_of: NaiveDate,
    unit_kind: UnitKind,
    region: Option<String>,
) -> Vec<Due> {
    let calendar = calendar.lock();
    core_calendar::upcoming(&calendar, as_of, unit_kind, region.as_deref())
        .into_iter()
        .map(Due::from)
        .collect()
}

/// Lists the obligations of the Guilin pilot plan.
#[uniffi::export]
pub fn pilot_obligations() -> Vec<Obligation> {
    core_calendar::pilot_obligations()
        .into_iter()
        .map(Obligation::from)
        .collect()
}

/// Returns the due date of `rule` on `calendar`.
///
/// # Errors
///
/// The errors of [`Calendar::add_working_days`] for a working-day rule;
/// `calendar.date_out_of_range` when a month count passes the last representable date.
#[uniffi::export]
pub fn due_date(
    rule: DueRule,
    calendar: Arc<Calendar>,
    region: Option<String>,
) -> Result<NaiveDate, DataAssetsError> {
    let rule = rule.into_core()?;
    let calendar = calendar.lock();
    Ok(rule.due_date(&calendar, region.as_deref())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn first_quarter_of_2026() {
        let deadline = quarterly_report_deadline(Calendar::new(), 2026, 1, None).unwrap();
        assert_eq!(deadline, day(2026, 4, 15));
    }

    #[test]
    fn fourth_quarter_needs_next_year() {
        let error = quarterly_report_deadline(Calendar::new(), 2026, 4, None).unwrap_err();
        assert_eq!(error.code(), "calendar.year_not_loaded");
    }
}
