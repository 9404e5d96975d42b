//! The reporting period and the reporting unit.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::ReportError;
use crate::calendar::UnitKind;

/// The dates a report covers, both inclusive.
///
/// A period is either a calendar quarter ([`ReportingPeriod::quarter`]) or any range of dates
/// ([`ReportingPeriod::new`]). It is validated on construction and on deserialization, so its
/// start is never after its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(try_from = "PeriodFields", into = "PeriodFields")]
pub struct ReportingPeriod {
    start: NaiveDate,
    end: NaiveDate,
    quarter: Option<(i32, u8)>,
}

/// Serialized form of [`ReportingPeriod`]: `{"start", "end"}` for a range, or
/// `{"year", "quarter"}` for a quarter, which also carries its start and end on output.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, schemars::JsonSchema)]
struct PeriodFields {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    quarter: Option<u8>,
    #[serde(default)]
    start: Option<NaiveDate>,
    #[serde(default)]
    end: Option<NaiveDate>,
}

impl TryFrom<PeriodFields> for ReportingPeriod {
    type Error = ReportError;

    fn try_from(fields: PeriodFields) -> Result<Self, ReportError> {
        match (fields.year, fields.quarter, fields.start, fields.end) {
            (Some(year), Some(quarter), start, end) => {
                let period = ReportingPeriod::quarter(year, quarter)?;
                let start_matches = start.is_none_or(|start| start == period.start);
                let end_matches = end.is_none_or(|end| end == period.end);
                if start_matches && end_matches {
                    Ok(period)
                } else {
                    Err(ReportError::InvalidPeriod {
                        value: format!("{year}-Q{quarter} with start {start:?} and end {end:?}"),
                    })
                }
            }
            (None, None, Some(start), Some(end)) => ReportingPeriod::new(start, end),
            (year, quarter, start, end) => Err(ReportError::InvalidPeriod {
                value: format!("year {year:?}, quarter {quarter:?}, start {start:?}, end {end:?}"),
            }),
        }
    }
}

impl From<ReportingPeriod> for PeriodFields {
    fn from(period: ReportingPeriod) -> Self {
        PeriodFields {
            year: period.quarter.map(|(year, _)| year),
            quarter: period.quarter.map(|(_, quarter)| quarter),
            start: Some(period.start),
            end: Some(period.end),
        }
    }
}

impl ReportingPeriod {
    /// Creates a period from `start` to `end`, both inclusive.
    ///
    /// # Errors
    ///
    /// [`ReportError::PeriodReversed`] if `start` is after `end`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, ReportError> {
        if start > end {
            return Err(ReportError::PeriodReversed {
                value: format!("{start}..={end}"),
            });
        }
        Ok(ReportingPeriod {
            start,
            end,
            quarter: None,
        })
    }

    /// Creates the period of a calendar quarter: Q1 is January to March, Q4 October to
    /// December.
    ///
    /// # Errors
    ///
    /// [`ReportError::InvalidQuarter`] unless `quarter` is 1 to 4 and the year's dates exist.
    ///
    /// ```
    /// use data_assets_core::report::ReportingPeriod;
    /// let q1 = ReportingPeriod::quarter(2026, 1)?;
    /// assert_eq!(q1.start().to_string(), "2026-01-01");
    /// assert_eq!(q1.end().to_string(), "2026-03-31");
    /// # Ok::<(), data_assets_core::report::ReportError>(())
    /// ```
    pub fn quarter(year: i32, quarter: u8) -> Result<Self, ReportError> {
        let invalid = || ReportError::InvalidQuarter {
            value: format!("{year}-Q{quarter}"),
        };
        let (first_month, last_month, last_day) = match quarter {
            1 => (1, 3, 31),
            2 => (4, 6, 30),
            3 => (7, 9, 30),
            4 => (10, 12, 31),
            _ => return Err(invalid()),
        };
        let start = NaiveDate::from_ymd_opt(year, first_month, 1).ok_or_else(invalid)?;
        let end = NaiveDate::from_ymd_opt(year, last_month, last_day).ok_or_else(invalid)?;
        Ok(ReportingPeriod {
            start,
            end,
            quarter: Some((year, quarter)),
        })
    }

    /// First day of the period.
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// Last day of the period.
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// Year and quarter number, when the period was created as a quarter.
    pub fn as_quarter(&self) -> Option<(i32, u8)> {
        self.quarter
    }

    /// Tells whether `date` lies in the period, ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Chinese label of the period: `2026年第1季度`, or `2026年1月1日至2026年2月15日` for a range.
    pub fn label_zh(&self) -> String {
        match self.quarter {
            Some((year, quarter)) => format!("{year}年第{quarter}季度"),
            None => format!("{}至{}", date_zh(self.start), date_zh(self.end)),
        }
    }
}

/// Formats a date as `2026年3月31日`.
pub(super) fn date_zh(date: NaiveDate) -> String {
    format!("{}年{}月{}日", date.year(), date.month(), date.day())
}

/// The unit that reports.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ReportUnit {
    /// Name of the unit, such as 桂林市大数据和行政审批局.
    pub name: String,
    /// Kind of pilot unit, which decides its obligations.
    pub kind: UnitKind,
    /// Six-digit administrative division code (行政区划代码), such as 450300 for 桂林市; it
    /// selects regional holidays when deadlines are computed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_code: Option<String>,
}

impl ReportUnit {
    /// Checks the name and the region code.
    ///
    /// # Errors
    ///
    /// - [`ReportError::EmptyUnitName`] if the name is blank;
    /// - [`ReportError::InvalidRegionCode`] unless the region code is six ASCII digits.
    pub fn validate(&self) -> Result<(), ReportError> {
        if crate::text::is_blank(&self.name) {
            return Err(ReportError::EmptyUnitName);
        }
        if let Some(code) = &self.region_code
            && (code.len() != 6 || !code.bytes().all(|byte| byte.is_ascii_digit()))
        {
            return Err(ReportError::InvalidRegionCode {
                field: "unit.region_code".into(),
                value: code.clone(),
            });
        }
        Ok(())
    }
}
