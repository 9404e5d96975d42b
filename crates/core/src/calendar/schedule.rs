//! Holiday schedules as data: one national year, or one region's extra holidays in a year.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::error::CalendarError;

/// A named range of consecutive days off, both ends included.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HolidayRange {
    /// Name of the holiday as the notice gives it, such as 春节.
    pub name: String,
    /// First day off.
    pub first_day: NaiveDate,
    /// Last day off (included).
    pub last_day: NaiveDate,
}

/// The national holiday schedule of one year, as the State Council General Office publishes it
/// (国务院办公厅关于某年部分节假日安排的通知).
///
/// Every date lies within `year`. A range that the notice runs across New Year is split: its days
/// of the other year go into that year's schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearSchedule {
    /// Calendar year the schedule covers.
    pub year: i32,
    /// Title and document number of the notice that sets the schedule.
    pub notice: String,
    /// Date the notice was issued.
    pub issued_on: NaiveDate,
    /// Holiday ranges (放假), which must not share a day.
    pub holidays: Vec<HolidayRange>,
    /// Saturdays and Sundays that are working days (调休上班).
    #[serde(default)]
    pub make_up_working_days: Vec<NaiveDate>,
}

/// Extra holidays of one region in one year, such as Guangxi's 壮族三月三.
///
/// They apply to every region code that starts with the code's prefix: the six-digit code with
/// its trailing `00` pairs removed, so `450000` (广西壮族自治区) covers `450300` (桂林市) and
/// `450322`, and `450300` covers only codes starting with `4503`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionalSchedule {
    /// Six-digit administrative division code (行政区划代码) of the region, such as `450000`.
    pub region_code: String,
    /// Name of the region, such as 广西壮族自治区.
    pub region_name: String,
    /// Calendar year the schedule covers.
    pub year: i32,
    /// Document that sets the regional holidays.
    pub source: String,
    /// Regional holiday ranges, which must not share a day.
    pub holidays: Vec<HolidayRange>,
    /// Saturdays and Sundays that are working days in the region because of its holidays.
    #[serde(default)]
    pub make_up_working_days: Vec<NaiveDate>,
}

/// The days of one schedule, checked and indexed for lookup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct DaySets {
    /// Days off.
    pub off: BTreeSet<NaiveDate>,
    /// Make-up working days.
    pub on: BTreeSet<NaiveDate>,
}

impl DaySets {
    /// Checks the holidays and make-up days of a schedule for `year` and indexes them.
    pub(crate) fn build(
        year: i32,
        holidays: &[HolidayRange],
        make_up_working_days: &[NaiveDate],
    ) -> Result<DaySets, CalendarError> {
        let mut sets = DaySets::default();

        // Each range lies in the year, runs forward and shares no day with an earlier range.
        for (index, range) in holidays.iter().enumerate() {
            let field = format!("holidays[{index}]");
            check_in_year(&format!("{field}.first_day"), range.first_day, year)?;
            check_in_year(&format!("{field}.last_day"), range.last_day, year)?;
            if range.last_day < range.first_day {
                let value = format!("{} to {}", range.first_day, range.last_day);
                return Err(CalendarError::RangeReversed { field, value });
            }
            for day in range
                .first_day
                .iter_days()
                .take_while(|day| *day <= range.last_day)
            {
                if !sets.off.insert(day) {
                    let other = holidays
                        .iter()
                        .position(|r| r.first_day <= day && day <= r.last_day)
                        .unwrap_or(index);
                    return Err(CalendarError::OverlappingRanges {
                        field,
                        other: format!("holidays[{other}]"),
                        value: day.to_string(),
                    });
                }
            }
        }

        // Each make-up day is a weekend day of the year outside every holiday.
        for (index, &day) in make_up_working_days.iter().enumerate() {
            let field = format!("make_up_working_days[{index}]");
            check_in_year(&field, day, year)?;
            if sets.off.contains(&day) {
                return Err(CalendarError::MakeUpDayIsHoliday {
                    field,
                    value: day.to_string(),
                });
            }
            if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::MakeUpDayNotWeekend {
                    field,
                    value: day.to_string(),
                });
            }
            sets.on.insert(day);
        }
        Ok(sets)
    }
}

fn check_in_year(field: &str, date: NaiveDate, year: i32) -> Result<(), CalendarError> {
    if date.year() == year {
        Ok(())
    } else {
        Err(CalendarError::DateOutsideYear {
            field: field.to_owned(),
            value: date.to_string(),
            year,
        })
    }
}

/// Returns the prefix a region code covers: the code without its trailing `00` pairs, keeping
/// at least the two province digits.
///
/// # Errors
///
/// [`CalendarError::InvalidRegionCode`] unless the code is six ASCII digits.
pub(crate) fn region_prefix<'a>(field: &str, code: &'a str) -> Result<&'a str, CalendarError> {
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CalendarError::InvalidRegionCode {
            field: field.to_owned(),
            value: code.to_owned(),
        });
    }
    let mut prefix = code;
    while let Some(shorter) = prefix.strip_suffix("00") {
        if shorter.len() < 2 {
            break;
        }
        prefix = shorter;
    }
    Ok(prefix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorDetail;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn range(first: &str, last: &str) -> HolidayRange {
        HolidayRange {
            name: "test".to_owned(),
            first_day: date(first),
            last_day: date(last),
        }
    }

    #[test]
    fn region_prefix_strips_zero_pairs() {
        assert_eq!(region_prefix("r", "450000").unwrap(), "45");
        assert_eq!(region_prefix("r", "450300").unwrap(), "4503");
        assert_eq!(region_prefix("r", "450322").unwrap(), "450322");
        assert_eq!(region_prefix("r", "000000").unwrap(), "00");
    }

    #[test]
    fn region_prefix_rejects_bad_codes() {
        for code in ["45", "4500000", "45a000", "４５００００", ""] {
            let error = region_prefix("region", code).unwrap_err();
            assert_eq!(error.code(), "calendar.invalid_region_code", "{code}");
        }
    }

    #[test]
    fn build_rejects_date_outside_year() {
        let error = DaySets::build(2025, &[range("2024-12-31", "2025-01-01")], &[]).unwrap_err();
        assert_eq!(error.code(), "calendar.date_outside_year");
        assert_eq!(error.field(), "holidays[0].first_day");
        let error = DaySets::build(2025, &[], &[date("2026-01-03")]).unwrap_err();
        assert_eq!(error.field(), "make_up_working_days[0]");
    }

    #[test]
    fn build_rejects_reversed_range() {
        let error = DaySets::build(2025, &[range("2025-05-05", "2025-05-01")], &[]).unwrap_err();
        assert_eq!(error.code(), "calendar.range_reversed");
    }

    #[test]
    fn build_rejects_overlap() {
        let ranges = [
            range("2025-05-01", "2025-05-05"),
            range("2025-05-05", "2025-05-06"),
        ];
        let error = DaySets::build(2025, &ranges, &[]).unwrap_err();
        assert_eq!(error.code(), "calendar.overlapping_ranges");
        assert_eq!(error.field(), "holidays[1]");
        assert!(
            error.to_string().contains("holidays[0] on 2025-05-05"),
            "{error}"
        );
    }

    #[test]
    fn build_rejects_make_up_day_on_holiday() {
        let ranges = [range("2025-05-01", "2025-05-05")];
        let error = DaySets::build(2025, &ranges, &[date("2025-05-03")]).unwrap_err();
        assert_eq!(error.code(), "calendar.make_up_day_is_holiday");
    }

    #[test]
    fn build_rejects_make_up_day_on_weekday() {
        // 2025-04-28 is a Monday.
        let error = DaySets::build(2025, &[], &[date("2025-04-28")]).unwrap_err();
        assert_eq!(error.code(), "calendar.make_up_day_not_weekend");
    }
}
