//! Holiday schedules read from files: the State Council notice of a year the library does not
//! embed yet, or a region's own holidays, added to a [`Calendar`].
//!
//! A file contains one JSON document or an array of them. A document with a `region_code` is a
//! [`RegionalSchedule`]; any other is a national [`YearSchedule`]. The formats are those of the
//! core calendar (docs/deadlines.md); the embedded 2025 and 2026 notices are examples.

use std::path::Path;

use data_assets_core::ErrorDetail;
use data_assets_core::calendar::{Calendar, RegionalSchedule, YearSchedule};
use serde_json::Value;

use crate::error::IoError;
use crate::limits::Limits;

/// One schedule a holiday file added to a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadedSchedule {
    /// Year of the schedule.
    pub year: i32,
    /// Region code of a regional schedule, or `None` for a national one.
    pub region_code: Option<String>,
    /// Notice or document that sets the schedule.
    pub source: String,
    /// Origin of the national schedule this one replaced, if any.
    pub replaced: Option<Replaced>,
}

/// Origin of a national schedule replaced by a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replaced {
    /// The schedule built into the library.
    BuiltIn,
    /// A schedule loaded before, such as from an earlier file.
    LoadedBefore,
}

/// Maximum number of characters of a notice's title that a description quotes.
const SOURCE_SHOWN: usize = 200;

impl LoadedSchedule {
    /// Returns the notice's title, cut to [`SOURCE_SHOWN`] characters so that a huge title does
    /// not flood the output.
    fn source_shown(&self) -> String {
        if self.source.chars().count() <= SOURCE_SHOWN {
            return self.source.clone();
        }
        let head: String = self.source.chars().take(SOURCE_SHOWN).collect();
        format!("{head}…")
    }

    /// Describes the schedule in English, such as `2027 national schedule (notice)`.
    pub fn describe(&self) -> String {
        let source = self.source_shown();
        let mut line = match &self.region_code {
            Some(region) => format!("{} {region} regional holidays ({source})", self.year),
            None => format!("{} national schedule ({source})", self.year),
        };
        match self.replaced {
            Some(Replaced::BuiltIn) => line.push_str(", replacing the one built in"),
            Some(Replaced::LoadedBefore) => line.push_str(", replacing the one loaded before"),
            None => {}
        }
        line
    }

    /// Describes the schedule in Chinese, for the Chinese workbook and report.
    pub fn describe_zh(&self) -> String {
        let source = self.source_shown();
        let mut line = match &self.region_code {
            Some(region) => format!("{}年{region}地区假日安排（{source}）", self.year),
            None => format!("{}年全国节假日安排（{source}）", self.year),
        };
        match self.replaced {
            Some(Replaced::BuiltIn) => line.push_str("，替换内置安排"),
            Some(Replaced::LoadedBefore) => line.push_str("，替换此前加载的安排"),
            None => {}
        }
        line
    }
}

/// The schedules a holiday file added, in file order.
pub type Loaded = Vec<LoadedSchedule>;

/// Reads a holiday file and adds its schedules to `calendar`.
///
/// # Errors
///
/// The errors of [`Limits::read_file`], then those of [`load_holidays`].
pub fn load_holiday_file(
    calendar: &mut Calendar,
    path: &Path,
    limits: &Limits,
) -> Result<Loaded, IoError> {
    let bytes = limits.read_file(path)?;
    load_holidays(calendar, &bytes, &path.display().to_string())
}

/// Adds the schedules of a holiday file's bytes to `calendar`; `file` names it in errors.
///
/// A national schedule for a year already in the calendar replaces it, so a corrected notice
/// can be given, and the returned line reports the replacement. Nothing is added unless every
/// schedule is valid.
///
/// # Errors
///
/// [`IoError::InvalidFile`] when the bytes are not JSON, [`IoError::InvalidValue`] naming the
/// document and field when a schedule is malformed (a date outside its year, overlapping
/// ranges, a make-up day on a weekday, a region code that is not six digits, a region and year
/// given twice).
pub fn load_holidays(calendar: &mut Calendar, bytes: &[u8], file: &str) -> Result<Loaded, IoError> {
    // Windows editors often save UTF-8 with a byte order mark, which JSON does not allow.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: Value = serde_json::from_slice(bytes).map_err(|error| IoError::InvalidFile {
        field: file.to_owned(),
        value: error.to_string(),
        allowed: "a JSON holiday schedule, or an array of them".into(),
    })?;
    let documents = match value {
        Value::Array(items) => items,
        other => vec![other],
    };
    // Work on a copy, so a bad document leaves the caller's calendar as it was.
    let mut updated = calendar.clone();
    let mut loaded = Vec::with_capacity(documents.len());
    for (index, document) in documents.into_iter().enumerate() {
        let at = |field: &str| format!("{file}, document {}, {field}", index + 1);
        let regional = document
            .as_object()
            .is_some_and(|object| object.contains_key("region_code"));
        if regional {
            let schedule: RegionalSchedule =
                serde_json::from_value(document).map_err(|error| IoError::InvalidValue {
                    field: at("regional schedule"),
                    value: error.to_string(),
                    allowed: "region_code, region_name, year, source, holidays and optional \
                              make_up_working_days"
                        .into(),
                })?;
            let line = LoadedSchedule {
                year: schedule.year,
                region_code: Some(schedule.region_code.clone()),
                source: schedule.source.clone(),
                replaced: None,
            };
            updated
                .add_regional(schedule)
                .map_err(|error| invalid(&at(error.field()), &error))?;
            loaded.push(line);
        } else {
            let schedule: YearSchedule =
                serde_json::from_value(document).map_err(|error| IoError::InvalidValue {
                    field: at("national schedule"),
                    value: error.to_string(),
                    allowed: "year, notice, issued_on, holidays and optional \
                              make_up_working_days, or a regional schedule with region_code"
                        .into(),
                })?;
            let mut line = LoadedSchedule {
                year: schedule.year,
                region_code: None,
                source: schedule.notice.clone(),
                replaced: None,
            };
            let year = schedule.year;
            let replaced = updated
                .replace_year(schedule)
                .map_err(|error| invalid(&at(error.field()), &error))?;
            line.replaced = replaced.map(|old| {
                if Calendar::official().schedule(year) == Some(&old) {
                    Replaced::BuiltIn
                } else {
                    Replaced::LoadedBefore
                }
            });
            loaded.push(line);
        }
    }
    *calendar = updated;
    Ok(loaded)
}

fn invalid(field: &str, error: &dyn ErrorDetail) -> IoError {
    IoError::InvalidValue {
        field: field.to_owned(),
        value: error.value().to_owned(),
        allowed: format!("{error}; allowed: {}", error.allowed()),
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A made-up 2027 schedule with one holiday range over 2027-10-01..07 and one make-up
    /// Saturday, 2027-10-09: enough to see each kind of day.
    const YEAR_2027: &str = r#"{"year": 2027, "notice": "test notice for 2027",
        "issued_on": "2026-11-10",
        "holidays": [{"name": "国庆节", "first_day": "2027-10-01", "last_day": "2027-10-07"}],
        "make_up_working_days": ["2027-10-09"]}"#;

    /// A made-up Guangxi schedule giving 2026-04-19..20 off.
    const GUANGXI_2026: &str = r#"{"region_code": "450000", "region_name": "广西壮族自治区",
        "year": 2026, "source": "test source",
        "holidays": [{"name": "壮族三月三", "first_day": "2026-04-19", "last_day": "2026-04-20"}]}"#;

    #[test]
    fn file_adds_year_and_region() {
        let mut calendar = Calendar::official();
        let json = format!("[{YEAR_2027}, {GUANGXI_2026}]");
        let loaded = load_holidays(&mut calendar, json.as_bytes(), "h.json").unwrap();
        let lines: Vec<String> = loaded.iter().map(LoadedSchedule::describe).collect();
        assert_eq!(
            lines,
            [
                "2027 national schedule (test notice for 2027)",
                "2026 450000 regional holidays (test source)"
            ]
        );
        assert_eq!(
            loaded[0].describe_zh(),
            "2027年全国节假日安排（test notice for 2027）"
        );
        // 2027-10-04 is a Monday in the holiday range; 2027-10-09 a make-up Saturday.
        assert!(!calendar.is_working_day(date(2027, 10, 4), None).unwrap());
        assert!(calendar.is_working_day(date(2027, 10, 9), None).unwrap());
        // 2026-04-20 is a Monday: off in Guilin, a working day nationally.
        assert!(
            !calendar
                .is_working_day(date(2026, 4, 20), Some("450300"))
                .unwrap()
        );
        assert!(calendar.is_working_day(date(2026, 4, 20), None).unwrap());
    }

    #[test]
    fn byte_order_mark_and_long_title_accepted() {
        let mut calendar = Calendar::official();
        let long = YEAR_2027.replace("test notice for 2027", &"通".repeat(5_000));
        let bytes = [b"\xEF\xBB\xBF".as_slice(), long.as_bytes()].concat();
        let loaded = load_holidays(&mut calendar, &bytes, "h.json").unwrap();
        let line = loaded[0].describe();
        assert_eq!(
            line.chars().count(),
            "2027 national schedule (".len() + 200 + 2
        );
        assert!(line.ends_with("通…)"), "{line}");
    }

    #[test]
    fn built_in_year_replaced() {
        let mut calendar = Calendar::official();
        // 2026-10-10 is a Saturday.
        let json = YEAR_2027
            .replace("2027", "2026")
            .replace("2026-10-09", "2026-10-10");
        let loaded = load_holidays(&mut calendar, json.as_bytes(), "h.json").unwrap();
        assert_eq!(loaded[0].replaced, Some(Replaced::BuiltIn));
        assert!(loaded[0].describe().ends_with("replacing the one built in"));
        // Loading it again replaces the file's schedule, not the built-in one.
        let again = load_holidays(&mut calendar, json.as_bytes(), "h.json").unwrap();
        assert_eq!(again[0].replaced, Some(Replaced::LoadedBefore));
        // The replacement has no Spring Festival: 2026-02-16, a Monday, is now a working day.
        assert!(calendar.is_working_day(date(2026, 2, 16), None).unwrap());
    }

    #[test]
    fn bad_document_changes_nothing() {
        let mut calendar = Calendar::official();
        let outside = GUANGXI_2026.replace("2026-04-20", "2025-04-20");
        let json = format!("[{YEAR_2027}, {outside}]");
        let error = load_holidays(&mut calendar, json.as_bytes(), "h.json").unwrap_err();
        assert_eq!(error.code(), "io.invalid_value");
        assert!(
            error.field().starts_with("h.json, document 2, "),
            "{}",
            error.field()
        );
        assert_eq!(calendar.loaded_years(), [2025, 2026]);

        let error = load_holidays(&mut calendar, b"{\"year\": 2027}", "h.json").unwrap_err();
        assert_eq!(error.field(), "h.json, document 1, national schedule");
        let error = load_holidays(&mut calendar, b"not json", "h.json").unwrap_err();
        assert_eq!(error.code(), "io.invalid_file");
    }
}
