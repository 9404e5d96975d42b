//! Obligations of the Guilin pilot (市财资〔2025〕12号) and the deadlines computed from them.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{Calendar, CalendarError};
use crate::ErrorDetail;

crate::vocab! {
    /// Kind of pilot unit an obligation applies to (市财资〔2025〕12号 part 一, 试点范围).
    pub enum UnitKind {
        /// 市直部门: a department directly under the city government.
        CityDepartment = ("city_department", "市直部门"),
        /// 县（区）财政局: the finance bureau of a district or county (七星区, 兴安县).
        DistrictFinanceBureau = ("district_finance_bureau", "县（区）财政局"),
        /// 市属国有企业: a state-owned enterprise owned by the city.
        CitySoe = ("city_soe", "市属国有企业"),
    }
}

/// Rule that sets the due date of an obligation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum DueRule {
    /// Due on a fixed date (…前 in the plan: the date itself is the last day).
    OnDate {
        /// Last day.
        date: NaiveDate,
    },
    /// Due on the n-th working day after a date (…后n个工作日内), counted with
    /// [`Calendar::add_working_days`].
    WorkingDaysAfter {
        /// Day the count starts after, such as a quarter end.
        after: NaiveDate,
        /// Number of working days.
        working_days: u32,
    },
    /// Due a number of calendar months after a date (…后n个月内): the same day of the month,
    /// or the month's last day when that month is shorter, so 2026-12-31 plus one month is
    /// 2027-01-31 and 2026-01-31 plus one month is 2026-02-28. The date is not moved off a
    /// weekend or holiday, which keeps it on the early side.
    MonthsAfter {
        /// Day the period starts after.
        after: NaiveDate,
        /// Number of months.
        months: u32,
    },
}

impl DueRule {
    /// Computes the due date.
    ///
    /// # Errors
    ///
    /// The errors of [`Calendar::add_working_days`] for [`DueRule::WorkingDaysAfter`], and
    /// [`CalendarError::DateOutOfRange`] if a month count passes the last representable date.
    pub fn due_date(
        &self,
        calendar: &Calendar,
        region: Option<&str>,
    ) -> Result<NaiveDate, CalendarError> {
        match *self {
            DueRule::OnDate { date } => Ok(date),
            DueRule::WorkingDaysAfter {
                after,
                working_days,
            } => calendar.add_working_days(after, working_days, region),
            DueRule::MonthsAfter { after, months } => after
                .checked_add_months(Months::new(months))
                .ok_or_else(|| CalendarError::DateOutOfRange {
                    value: format!("{after} + {months} months"),
                }),
        }
    }
}

/// Something a pilot unit must do or report by a due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    /// Stable snake_case identifier, such as `quarterly_report_2026_q1`.
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

/// The due date of an obligation, or why it cannot be computed yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DueDate {
    /// The due date is known.
    Known {
        /// Last day to fulfil the obligation.
        due_date: NaiveDate,
        /// Calendar days from the as-of date to the due date; 0 means due today.
        days_left: i64,
    },
    /// The due date needs a schedule or input the calendar lacks, such as next year's holiday
    /// notice. The error names what is missing and how to supply it.
    Unknown {
        /// Stable error code, such as `calendar.year_not_loaded`.
        code: String,
        /// Year whose schedule is missing, when that is the cause.
        missing_year: Option<i32>,
        /// Error message.
        message: String,
    },
}

/// An obligation with its due date, as [`upcoming`] lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Due {
    /// Obligation due.
    pub obligation: Obligation,
    /// When it is due, or why that is unknown.
    pub due: DueDate,
}

const PLAN: &str = "市财资〔2025〕12号";

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    // Only called with the literal dates below, which all exist.
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn obligation(
    id: &str,
    title_zh: &str,
    unit_kinds: &[UnitKind],
    rule: DueRule,
    part: &str,
) -> Obligation {
    Obligation {
        id: id.to_owned(),
        title_zh: title_zh.to_owned(),
        unit_kinds: unit_kinds.to_vec(),
        rule,
        source: format!("{PLAN} {part}"),
    }
}

/// Returns the milestones and reports of the Guilin data-asset pilot plan (桂林市数据资产全过程管理
/// 试点实施方案, 市财资〔2025〕12号), in the plan's order.
///
/// The pilot runs until 2026-12-31. Units report progress to the city finance bureau by
/// 2025-12-10, within 10 working days after each quarter of 2026 ends, and send a summary
/// within one month after the pilot ends (part 四(一)).
pub fn pilot_obligations() -> Vec<Obligation> {
    use UnitKind::{CityDepartment, DistrictFinanceBureau};
    let all = UnitKind::ALL;
    let on = |date| DueRule::OnDate { date };
    let mut list = vec![
        obligation(
            "pilot_start",
            "启动试点工作，选取试点主要内容，开展数据资产入表前期相关工作",
            all,
            on(day(2025, 10, 17)),
            "part 二",
        ),
        obligation(
            "system_survey",
            "完成本单位信息化项目系统清查",
            all,
            on(day(2025, 10, 17)),
            "part 三(一)",
        ),
        obligation(
            "liaison_list",
            "填写《试点单位联络员名单》并发送至市财政局资产管理科",
            all,
            on(day(2025, 10, 18)),
            "part 四",
        ),
        obligation(
            "ledger",
            "编制数据资产台账",
            all,
            on(day(2025, 11, 14)),
            "part 三(二)",
        ),
        obligation(
            "initial_registration",
            "在广西预算管理一体化系统中进行数据资产初始登记，填列数据资产信息卡",
            &[CityDepartment, DistrictFinanceBureau],
            on(day(2025, 11, 28)),
            "part 三(三)",
        ),
        obligation(
            "first_progress_report",
            "向市财政局报送试点工作进展情况",
            all,
            on(day(2025, 12, 10)),
            "part 四(一)",
        ),
        // NOTE: the plan sets this milestone for the pilot as a whole without naming who writes
        // the templates and manuals, so every kind of unit is listed.
        obligation(
            "templates_and_manuals",
            "形成电子化数据资产台账模板及编制指南、数据资产登记与入账操作手册",
            all,
            on(day(2025, 12, 31)),
            "part 二",
        ),
        obligation(
            "pilot_tasks_done",
            "完成试点任务",
            all,
            on(day(2026, 12, 15)),
            "part 二",
        ),
    ];
    for quarter in 1..=4 {
        let end = quarter_end(2026, quarter).unwrap_or(NaiveDate::MIN);
        list.push(obligation(
            &format!("quarterly_report_2026_q{quarter}"),
            &format!("报送2026年第{quarter}季度试点工作进展情况"),
            all,
            DueRule::WorkingDaysAfter {
                after: end,
                working_days: QUARTERLY_REPORT_WORKING_DAYS,
            },
            "part 四(一)",
        ));
    }
    list.push(obligation(
        "pilot_summary",
        "报送试点工作总结",
        all,
        DueRule::MonthsAfter {
            after: day(2026, 12, 31),
            months: 1,
        },
        "part 四(一)",
    ));
    list
}

/// Working days a unit has to report after a quarter ends (市财资〔2025〕12号 part 四(一):
/// 每个季度结束后10个工作日内).
pub const QUARTERLY_REPORT_WORKING_DAYS: u32 = 10;

/// Returns the quarterly progress report deadline: the 10th working day after the quarter's
/// last day (市财资〔2025〕12号 part 四(一)), counted from the next day, skipping holidays and
/// counting make-up working days.
///
/// # Errors
///
/// - [`CalendarError::InvalidQuarter`] unless `quarter` is 1 to 4;
/// - [`CalendarError::YearNotLoaded`] if the count needs a year with no schedule (a fourth
///   quarter needs the next year's);
/// - the other errors of [`Calendar::add_working_days`].
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::calendar::{Calendar, quarterly_report_deadline};
///
/// let calendar = Calendar::official();
/// let deadline = quarterly_report_deadline(&calendar, 2025, 3, None)?;
/// assert_eq!(deadline, NaiveDate::from_ymd_opt(2025, 10, 21).unwrap());
/// # Ok::<(), data_assets_core::calendar::CalendarError>(())
/// ```
pub fn quarterly_report_deadline(
    calendar: &Calendar,
    year: i32,
    quarter: u8,
    region: Option<&str>,
) -> Result<NaiveDate, CalendarError> {
    let end = quarter_end(year, quarter)?;
    calendar.add_working_days(end, QUARTERLY_REPORT_WORKING_DAYS, region)
}

/// Returns the last day of a quarter.
fn quarter_end(year: i32, quarter: u8) -> Result<NaiveDate, CalendarError> {
    let (month, last_day) = match quarter {
        1 => (3, 31),
        2 => (6, 30),
        3 => (9, 30),
        4 => (12, 31),
        _ => return Err(CalendarError::invalid_quarter(quarter)),
    };
    NaiveDate::from_ymd_opt(year, month, last_day).ok_or_else(|| CalendarError::DateOutOfRange {
        value: format!("end of quarter {quarter} of {year}"),
    })
}

/// Maximum calendar days from one working day to the next, an estimate with a margin. The
/// longest run of days off in the built-in notices is the nine days of 春节 2026 (02-15 to
/// 02-23), and a gap of 12 days allows for a run of 11.
pub const MAX_GAP_DAYS: i64 = 12;

/// Tells whether a working-day rule falls due before `as_of` whatever the holiday schedule:
/// `n` working days after a date come within `n × MAX_GAP_DAYS` calendar days of it.
fn certainly_past(rule: &DueRule, as_of: NaiveDate) -> bool {
    match *rule {
        DueRule::WorkingDaysAfter {
            after,
            working_days,
        } => {
            let latest = after.checked_add_signed(chrono::TimeDelta::days(
                i64::from(working_days) * MAX_GAP_DAYS,
            ));
            latest.is_some_and(|latest| latest < as_of)
        }
        _ => false,
    }
}

/// Lists the pilot obligations a kind of unit still has on or after `as_of`, soonest first.
///
/// An obligation is listed when its due date is `as_of` or later. One whose due date cannot be
/// computed (a missing holiday schedule) is listed after the dated ones, with
/// [`DueDate::Unknown`], so a missing schedule is visible instead of dropping the obligation,
/// unless it certainly fell due before `as_of` (see [`MAX_GAP_DAYS`]).
///
/// # Example
///
/// ```
/// use chrono::NaiveDate;
/// use data_assets_core::calendar::{Calendar, DueDate, UnitKind, upcoming};
///
/// let as_of = NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
/// let due = upcoming(&Calendar::official(), as_of, UnitKind::CitySoe, None);
/// assert_eq!(due[0].obligation.id, "quarterly_report_2026_q3");
/// assert!(matches!(due.last().unwrap().due, DueDate::Unknown { .. }));
/// ```
pub fn upcoming(
    calendar: &Calendar,
    as_of: NaiveDate,
    unit_kind: UnitKind,
    region: Option<&str>,
) -> Vec<Due> {
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for obligation in pilot_obligations() {
        if !obligation.unit_kinds.contains(&unit_kind) {
            continue;
        }
        match obligation.rule.due_date(calendar, region) {
            Ok(due_date) if due_date >= as_of => {
                let days_left = (due_date - as_of).num_days();
                known.push(Due {
                    obligation,
                    due: DueDate::Known {
                        due_date,
                        days_left,
                    },
                });
            }
            Ok(_) => {}
            Err(_) if certainly_past(&obligation.rule, as_of) => {}
            Err(error) => {
                let missing_year = match error {
                    CalendarError::YearNotLoaded { year, .. } => Some(year),
                    _ => None,
                };
                let due = DueDate::Unknown {
                    code: error.code().to_owned(),
                    missing_year,
                    message: error.to_string(),
                };
                unknown.push(Due { obligation, due });
            }
        }
    }

    // Sorting is stable, so obligations due the same day keep the plan's order.
    known.sort_by_key(|due| match due.due {
        DueDate::Known { due_date, .. } => due_date,
        DueDate::Unknown { .. } => NaiveDate::MAX,
    });
    known.extend(unknown);
    known
}
