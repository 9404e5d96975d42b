//! Errors of the working-day calendar and of deadline computation.

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

use crate::error::ErrorDetail;

/// Instructions for loading a missing year, the allowed value of [`CalendarError::YearNotLoaded`].
pub(crate) const HOW_TO_LOAD: &str = "a year whose State Council holiday schedule is loaded: \
     pass its JSON to Calendar::load_year or a YearSchedule to Calendar::add_year";

/// Errors of the working-day calendar, its schedules and the deadlines computed from them.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A question needs a year whose holiday schedule is not loaded; the calendar never falls
    /// back to counting weekdays only.
    #[error(
        "no holiday schedule loaded for {year} (needed for {date}): load the State Council \
         notice for {year} with Calendar::load_year or Calendar::add_year"
    )]
    YearNotLoaded {
        /// Year whose schedule is missing.
        year: i32,
        /// Date whose status was needed.
        date: NaiveDate,
        /// The year as text.
        value: String,
    },
    /// A schedule for a year that is already loaded was added without asking to replace it.
    #[error(
        "holiday schedule for {year} is already loaded: use Calendar::replace_year to replace it"
    )]
    YearAlreadyLoaded {
        /// Year loaded twice.
        year: i32,
        /// The year as text.
        value: String,
    },
    /// A regional schedule for a region and year that is already loaded was added again.
    #[error("regional holidays for region {region_code} in {year} are already loaded")]
    RegionalAlreadyLoaded {
        /// Region code of the duplicate.
        region_code: String,
        /// Year of the duplicate.
        year: i32,
    },
    /// A date of a schedule lies outside the schedule's year.
    #[error("{field}: {value} lies outside the schedule year {year}")]
    DateOutsideYear {
        /// Path of the date, such as `holidays[2].last_day`.
        field: String,
        /// Rejected date.
        value: String,
        /// Year of the schedule.
        year: i32,
    },
    /// A holiday range ends before it starts.
    #[error("{field}: holiday range {value} ends before it starts")]
    RangeReversed {
        /// Path of the range, such as `holidays[1]`.
        field: String,
        /// Rejected range, as `first_day to last_day`.
        value: String,
    },
    /// Two holiday ranges of one schedule share a day.
    #[error("{field}: holiday range overlaps {other} on {value}")]
    OverlappingRanges {
        /// Path of the later range.
        field: String,
        /// Path of the earlier range.
        other: String,
        /// First shared day.
        value: String,
    },
    /// A make-up working day lies inside a holiday range.
    #[error("{field}: make-up working day {value} is also a holiday")]
    MakeUpDayIsHoliday {
        /// Path of the make-up day.
        field: String,
        /// Rejected date.
        value: String,
    },
    /// A make-up working day (调休上班日) falls on a weekday, which is a working day anyway.
    #[error("{field}: make-up working day {value} is a weekday, not a saturday or sunday")]
    MakeUpDayNotWeekend {
        /// Path of the make-up day.
        field: String,
        /// Rejected date.
        value: String,
    },
    /// A region code is not a six-digit administrative division code (行政区划代码).
    #[error("{field}: region code {value:?} is not a six-digit administrative division code")]
    InvalidRegionCode {
        /// Path of the code.
        field: String,
        /// Rejected text.
        value: String,
    },
    /// A schedule document is not valid JSON of the documented shape.
    #[error("invalid schedule JSON: {message}")]
    InvalidJson {
        /// Parser message, with line and column.
        message: String,
    },
    /// A count of working days is zero; the n-th working day after a date needs n ≥ 1.
    #[error("count of working days must be at least 1, got 0")]
    ZeroWorkingDays,
    /// A quarter is not 1 to 4.
    #[error("quarter {quarter} is not 1, 2, 3 or 4")]
    InvalidQuarter {
        /// Rejected quarter.
        quarter: u8,
        /// The quarter as text.
        value: String,
    },
    /// A computed date lies beyond the dates the calendar can represent.
    #[error("date out of range: {value}")]
    DateOutOfRange {
        /// The computation that overflowed.
        value: String,
    },
}

impl CalendarError {
    /// Builds [`CalendarError::YearNotLoaded`] for a date whose year has no schedule.
    pub(crate) fn year_not_loaded(date: NaiveDate) -> CalendarError {
        let year = date.year();
        CalendarError::YearNotLoaded {
            year,
            date,
            value: year.to_string(),
        }
    }

    /// Builds [`CalendarError::YearAlreadyLoaded`].
    pub(crate) fn year_already_loaded(year: i32) -> CalendarError {
        CalendarError::YearAlreadyLoaded {
            year,
            value: year.to_string(),
        }
    }

    /// Builds [`CalendarError::InvalidQuarter`].
    pub(crate) fn invalid_quarter(quarter: u8) -> CalendarError {
        CalendarError::InvalidQuarter {
            quarter,
            value: quarter.to_string(),
        }
    }
}

impl ErrorDetail for CalendarError {
    fn code(&self) -> &'static str {
        match self {
            CalendarError::YearNotLoaded { .. } => "calendar.year_not_loaded",
            CalendarError::YearAlreadyLoaded { .. } => "calendar.year_already_loaded",
            CalendarError::RegionalAlreadyLoaded { .. } => "calendar.regional_already_loaded",
            CalendarError::DateOutsideYear { .. } => "calendar.date_outside_year",
            CalendarError::RangeReversed { .. } => "calendar.range_reversed",
            CalendarError::OverlappingRanges { .. } => "calendar.overlapping_ranges",
            CalendarError::MakeUpDayIsHoliday { .. } => "calendar.make_up_day_is_holiday",
            CalendarError::MakeUpDayNotWeekend { .. } => "calendar.make_up_day_not_weekend",
            CalendarError::InvalidRegionCode { .. } => "calendar.invalid_region_code",
            CalendarError::InvalidJson { .. } => "calendar.invalid_json",
            CalendarError::ZeroWorkingDays => "calendar.zero_working_days",
            CalendarError::InvalidQuarter { .. } => "calendar.invalid_quarter",
            CalendarError::DateOutOfRange { .. } => "calendar.date_out_of_range",
        }
    }

    fn field(&self) -> &str {
        match self {
            CalendarError::YearNotLoaded { .. } | CalendarError::YearAlreadyLoaded { .. } => "year",
            CalendarError::RegionalAlreadyLoaded { .. } => "region_code",
            CalendarError::DateOutsideYear { field, .. }
            | CalendarError::RangeReversed { field, .. }
            | CalendarError::OverlappingRanges { field, .. }
            | CalendarError::MakeUpDayIsHoliday { field, .. }
            | CalendarError::MakeUpDayNotWeekend { field, .. }
            | CalendarError::InvalidRegionCode { field, .. } => field,
            CalendarError::InvalidJson { .. } | CalendarError::DateOutOfRange { .. } => "",
            CalendarError::ZeroWorkingDays => "working_days",
            CalendarError::InvalidQuarter { .. } => "quarter",
        }
    }

    fn value(&self) -> &str {
        match self {
            CalendarError::YearNotLoaded { value, .. }
            | CalendarError::YearAlreadyLoaded { value, .. }
            | CalendarError::DateOutsideYear { value, .. }
            | CalendarError::RangeReversed { value, .. }
            | CalendarError::OverlappingRanges { value, .. }
            | CalendarError::MakeUpDayIsHoliday { value, .. }
            | CalendarError::MakeUpDayNotWeekend { value, .. }
            | CalendarError::InvalidRegionCode { value, .. }
            | CalendarError::InvalidQuarter { value, .. }
            | CalendarError::DateOutOfRange { value } => value,
            CalendarError::RegionalAlreadyLoaded { region_code, .. } => region_code,
            CalendarError::InvalidJson { message } => message,
            CalendarError::ZeroWorkingDays => "0",
        }
    }

    fn allowed(&self) -> &str {
        match self {
            CalendarError::YearNotLoaded { .. } => HOW_TO_LOAD,
            CalendarError::YearAlreadyLoaded { .. } => {
                "a year not loaded yet, or Calendar::replace_year to replace it"
            }
            CalendarError::RegionalAlreadyLoaded { .. } => "one schedule per region and year",
            CalendarError::DateOutsideYear { .. } => {
                "dates within the schedule year; split a range that runs across New Year and put \
                 the days of the other year in that year's schedule"
            }
            CalendarError::RangeReversed { .. } => "first_day on or before last_day",
            CalendarError::OverlappingRanges { .. } => "holiday ranges that share no day",
            CalendarError::MakeUpDayIsHoliday { .. } => "make-up days outside every holiday range",
            CalendarError::MakeUpDayNotWeekend { .. } => "a saturday or sunday",
            CalendarError::InvalidRegionCode { .. } => "six ASCII digits, such as 450000",
            CalendarError::InvalidJson { .. } => {
                "a schedule document as described in docs/deadlines.md"
            }
            CalendarError::ZeroWorkingDays => "1 or more",
            CalendarError::InvalidQuarter { .. } => "1, 2, 3 or 4",
            CalendarError::DateOutOfRange { .. } => "dates chrono::NaiveDate can represent",
        }
    }
}
