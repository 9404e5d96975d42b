//! Working-day calendar, reporting deadlines and pilot obligations.
//!
//! Chinese working days follow the State Council General Office's yearly holiday notice. A date
//! is a working day if the notice lists it as a make-up working day (调休上班). Otherwise it is a
//! working day only if it is Monday to Friday outside every holiday range. The official 2025 and 2026 schedules are
//! embedded ([`Calendar::official`]); later years and regional holidays load at run time from
//! JSON ([`YearSchedule`], [`RegionalSchedule`]). A question about a year with no loaded schedule
//! is [`CalendarError::YearNotLoaded`], never a weekday-only guess.
//!
//! # Errors
//!
//! Every fallible function returns [`CalendarError`]; its variants carry a stable code, the
//! field, the rejected value and what is allowed, through [`ErrorDetail`](crate::ErrorDetail).

mod error;
mod obligation;
mod schedule;

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, Weekday};

pub use error::CalendarError;
pub use obligation::{
    Due, DueDate, DueRule, Obligation, UnitKind, pilot_obligations, quarterly_report_deadline,
    upcoming,
};
pub use schedule::{HolidayRange, RegionalSchedule, YearSchedule};

use schedule::{DaySets, region_prefix};

/// JSON of the 2025 schedule: 国办发明电〔2024〕12号, issued 2024-11-12.
const OFFICIAL_2025: &str = include_str!("official/2025.json");
/// JSON of the 2026 schedule: State Council General Office notice issued 2025-11-04.
const OFFICIAL_2026: &str = include_str!("official/2026.json");

/// A working-day calendar: national schedules by year plus regional holidays.
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::calendar::Calendar;
///
/// let calendar = Calendar::official();
/// // 2026-01-04 is a Sunday made a working day by the 2026 notice.
/// let sunday = NaiveDate::from_ymd_opt(2026, 1, 4).unwrap();
/// assert!(calendar.is_working_day(sunday, None)?);
/// // The 10th working day after 2025-12-31 counts that Sunday.
/// let quarter_end = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let deadline = calendar.add_working_days(quarter_end, 10, None)?;
/// assert_eq!(deadline, NaiveDate::from_ymd_opt(2026, 1, 15).unwrap());
/// # Ok::<(), data_assets_core::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Calendar {
    years: BTreeMap<i32, (YearSchedule, DaySets)>,
    regional: Vec<RegionalEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct RegionalEntry {
    prefix: String,
    schedule: RegionalSchedule,
    days: DaySets,
}

impl Calendar {
    /// Creates a calendar with no schedule loaded; every question is an error until one is.
    pub fn empty() -> Calendar {
        Calendar::default()
    }

    /// Creates a calendar with the official 2025 and 2026 national schedules.
    pub fn official() -> Calendar {
        let mut calendar = Calendar::empty();
        for json in [OFFICIAL_2025, OFFICIAL_2026] {
            // Tests check the embedded documents, so this cannot fail on user input. A failure
            // would leave the year unloaded, and questions about it would return YearNotLoaded.
            let _ = calendar.load_year(json);
        }
        calendar
    }

    /// Creates the official calendar plus the regional holidays a policy carries.
    ///
    /// # Errors
    ///
    /// The errors of [`Calendar::add_regional`] for the first invalid regional schedule.
    pub fn for_policy(policy: &crate::policy::Policy) -> Result<Calendar, CalendarError> {
        let mut calendar = Calendar::official();
        for schedule in &policy.regional_holidays {
            calendar.add_regional(schedule.clone())?;
        }
        Ok(calendar)
    }

    /// Parses a [`YearSchedule`] from JSON and adds it.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::InvalidJson`] if the text is not a schedule document;
    /// - the errors of [`Calendar::add_year`].
    pub fn load_year(&mut self, json: &str) -> Result<(), CalendarError> {
        let schedule: YearSchedule = parse_json(json)?;
        self.add_year(schedule)
    }

    /// Adds the national schedule of a year that is not loaded yet.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearAlreadyLoaded`] if the year is loaded (see [`Calendar::replace_year`]);
    /// - [`CalendarError::DateOutsideYear`], [`CalendarError::RangeReversed`],
    ///   [`CalendarError::OverlappingRanges`], [`CalendarError::MakeUpDayIsHoliday`] or
    ///   [`CalendarError::MakeUpDayNotWeekend`] if the schedule is malformed.
    pub fn add_year(&mut self, schedule: YearSchedule) -> Result<(), CalendarError> {
        if self.years.contains_key(&schedule.year) {
            return Err(CalendarError::year_already_loaded(schedule.year));
        }
        self.replace_year(schedule).map(|_| ())
    }

    /// Adds the national schedule of a year, replacing any loaded one, which it returns.
    ///
    /// # Errors
    ///
    /// The validation errors of [`Calendar::add_year`]; the loaded schedule stays on error.
    pub fn replace_year(
        &mut self,
        schedule: YearSchedule,
    ) -> Result<Option<YearSchedule>, CalendarError> {
        let days = DaySets::build(
            schedule.year,
            &schedule.holidays,
            &schedule.make_up_working_days,
        )?;
        let previous = self.years.insert(schedule.year, (schedule, days));
        Ok(previous.map(|(schedule, _)| schedule))
    }

    /// Parses a [`RegionalSchedule`] from JSON and adds it.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::InvalidJson`] if the text is not a regional schedule document;
    /// - the errors of [`Calendar::add_regional`].
    pub fn load_regional(&mut self, json: &str) -> Result<(), CalendarError> {
        let schedule: RegionalSchedule = parse_json(json)?;
        self.add_regional(schedule)
    }

    /// Adds the extra holidays of a region in a year.
    ///
    /// A regional make-up day makes a date a working day in the region, and a regional holiday
    /// makes it a day off there, whatever the national schedule lists. When several loaded
    /// regions cover a code, the one with the longest prefix (the smallest region) decides.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::InvalidRegionCode`] unless `region_code` is six digits;
    /// - [`CalendarError::RegionalAlreadyLoaded`] if the region and year are loaded;
    /// - the validation errors of [`Calendar::add_year`].
    pub fn add_regional(&mut self, schedule: RegionalSchedule) -> Result<(), CalendarError> {
        let prefix = region_prefix("region_code", &schedule.region_code)?.to_owned();
        let duplicate = self.regional.iter().any(|entry| {
            entry.schedule.region_code == schedule.region_code
                && entry.schedule.year == schedule.year
        });
        if duplicate {
            return Err(CalendarError::RegionalAlreadyLoaded {
                region_code: schedule.region_code,
                year: schedule.year,
            });
        }
        let days = DaySets::build(
            schedule.year,
            &schedule.holidays,
            &schedule.make_up_working_days,
        )?;
        self.regional.push(RegionalEntry {
            prefix,
            schedule,
            days,
        });

        // Longest prefix first, so the smallest covering region is consulted first.
        self.regional
            .sort_by_key(|entry| std::cmp::Reverse(entry.prefix.len()));
        Ok(())
    }

    /// Returns the loaded national schedule of a year.
    pub fn schedule(&self, year: i32) -> Option<&YearSchedule> {
        self.years.get(&year).map(|(schedule, _)| schedule)
    }

    /// Returns the years whose national schedule is loaded, in ascending order.
    pub fn loaded_years(&self) -> Vec<i32> {
        self.years.keys().copied().collect()
    }

    /// Returns the loaded regional schedules, smallest region first.
    pub fn regional_schedules(&self) -> impl Iterator<Item = &RegionalSchedule> {
        self.regional.iter().map(|entry| &entry.schedule)
    }

    /// Tells whether `date` is a working day, nationally or in `region` (a six-digit
    /// administrative division code).
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearNotLoaded`] if the national schedule of `date`'s year is missing;
    /// - [`CalendarError::InvalidRegionCode`] unless `region` is six digits.
    pub fn is_working_day(
        &self,
        date: NaiveDate,
        region: Option<&str>,
    ) -> Result<bool, CalendarError> {
        let Some((_, national)) = self.years.get(&date.year()) else {
            return Err(CalendarError::year_not_loaded(date));
        };

        // A covering regional schedule of the year decides first.
        if let Some(code) = region {
            region_prefix("region", code)?;
            let covering = self.regional.iter().filter(|entry| {
                entry.schedule.year == date.year() && code.starts_with(&entry.prefix)
            });
            for entry in covering {
                if entry.days.on.contains(&date) {
                    return Ok(true);
                }
                if entry.days.off.contains(&date) {
                    return Ok(false);
                }
            }
        }

        // Then the national schedule, then the weekday.
        if national.on.contains(&date) {
            return Ok(true);
        }
        if national.off.contains(&date) {
            return Ok(false);
        }
        Ok(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun))
    }

    /// Returns the `n`-th working day after `date`, counting from the next day: holidays are
    /// skipped and make-up working days count.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::ZeroWorkingDays`] if `n` is 0;
    /// - [`CalendarError::YearNotLoaded`] if the count reaches a year with no schedule, such as
    ///   the days after a fourth quarter before next year's notice is loaded;
    /// - [`CalendarError::InvalidRegionCode`] unless `region` is six digits;
    /// - [`CalendarError::DateOutOfRange`] past the last representable date.
    pub fn add_working_days(
        &self,
        date: NaiveDate,
        n: u32,
        region: Option<&str>,
    ) -> Result<NaiveDate, CalendarError> {
        if n == 0 {
            return Err(CalendarError::ZeroWorkingDays);
        }
        let mut day = date;
        let mut counted = 0;
        while counted < n {
            day = next_day(day)?;
            if self.is_working_day(day, region)? {
                counted += 1;
            }
        }
        Ok(day)
    }

    /// Counts the working days after `start` up to and including `end`: the days of the
    /// half-open range (`start`, `end`]. The count is negative when `end` is before `start`, and
    /// zero when they are equal, so `working_days_between(d, add_working_days(d, n))` is `n`.
    ///
    /// # Errors
    ///
    /// - [`CalendarError::YearNotLoaded`] if the range touches a year with no schedule;
    /// - [`CalendarError::InvalidRegionCode`] unless `region` is six digits.
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
        region: Option<&str>,
    ) -> Result<i64, CalendarError> {
        let (low, high, sign) = if start <= end {
            (start, end, 1)
        } else {
            (end, start, -1)
        };
        let mut count: i64 = 0;
        for day in low.iter_days().skip(1).take_while(|day| *day <= high) {
            if self.is_working_day(day, region)? {
                count += 1;
            }
        }
        Ok(sign * count)
    }
}

fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, CalendarError> {
    serde_json::from_str(json).map_err(|error| CalendarError::InvalidJson {
        message: error.to_string(),
    })
}

fn next_day(day: NaiveDate) -> Result<NaiveDate, CalendarError> {
    day.succ_opt().ok_or_else(|| CalendarError::DateOutOfRange {
        value: format!("{day} + 1 day"),
    })
}

#[cfg(test)]
mod tests;
