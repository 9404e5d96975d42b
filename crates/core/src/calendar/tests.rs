//! Tests of the calendar against the official 2025 and 2026 schedules.
//!
//! Expected dates come from the State Council notices (国办发明电〔2024〕12号 for 2025, the notice
//! of 2025-11-04 for 2026), counted by hand, never from this code's output.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

use super::*;
use crate::ErrorDetail;

fn date(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// Every day off of 2025 (国办发明电〔2024〕12号), holiday by holiday.
const HOLIDAYS_2025: &[(&str, &str)] = &[
    ("2025-01-01", "2025-01-01"),
    ("2025-01-28", "2025-02-04"),
    ("2025-04-04", "2025-04-06"),
    ("2025-05-01", "2025-05-05"),
    ("2025-05-31", "2025-06-02"),
    ("2025-10-01", "2025-10-08"),
];
const MAKE_UP_2025: &[&str] = &[
    "2025-01-26",
    "2025-02-08",
    "2025-04-27",
    "2025-09-28",
    "2025-10-11",
];

/// Every day off of 2026 (State Council General Office notice of 2025-11-04).
const HOLIDAYS_2026: &[(&str, &str)] = &[
    ("2026-01-01", "2026-01-03"),
    ("2026-02-15", "2026-02-23"),
    ("2026-04-04", "2026-04-06"),
    ("2026-05-01", "2026-05-05"),
    ("2026-06-19", "2026-06-21"),
    ("2026-09-25", "2026-09-27"),
    ("2026-10-01", "2026-10-07"),
];
const MAKE_UP_2026: &[&str] = &[
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
];

/// Holiday lengths the notices state, in the order of the tables above.
const HOLIDAY_LENGTHS_2025: &[i64] = &[1, 8, 3, 5, 3, 8];
const HOLIDAY_LENGTHS_2026: &[i64] = &[3, 9, 3, 5, 3, 3, 7];

/// An illustrative 2027 schedule for tests only: NOT the State Council's 2027 notice, which
/// the tests must not assume. It has a New Year holiday and one make-up Saturday.
const FIXTURE_2027: &str = r#"{
  "year": 2027,
  "notice": "illustrative test fixture, not an official notice",
  "issued_on": "2026-11-01",
  "holidays": [{ "name": "元旦", "first_day": "2027-01-01", "last_day": "2027-01-03" }],
  "make_up_working_days": ["2027-01-09"]
}"#;

/// An illustrative Guangxi 壮族三月三 holiday for tests only. The real 2026 dates are not
/// confirmed; these two days are chosen to fall inside the count after the first quarter.
const FIXTURE_GUANGXI_2026: &str = r#"{
  "region_code": "450000",
  "region_name": "广西壮族自治区",
  "year": 2026,
  "source": "illustrative test fixture, not a published regional notice",
  "holidays": [{ "name": "壮族三月三（示例日期）", "first_day": "2026-04-09", "last_day": "2026-04-10" }]
}"#;

fn days_of(ranges: &[(&str, &str)]) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    for (first, last) in ranges {
        let last = date(last);
        days.extend(date(first).iter_days().take_while(|day| *day <= last));
    }
    days
}

#[test]
fn official_holidays_are_off() {
    let calendar = Calendar::official();
    for day in days_of(HOLIDAYS_2025)
        .into_iter()
        .chain(days_of(HOLIDAYS_2026))
    {
        assert!(
            !calendar.is_working_day(day, None).unwrap(),
            "{day} is a holiday"
        );
    }
}

#[test]
fn official_holiday_lengths_match_notices() {
    for (ranges, lengths) in [
        (HOLIDAYS_2025, HOLIDAY_LENGTHS_2025),
        (HOLIDAYS_2026, HOLIDAY_LENGTHS_2026),
    ] {
        for ((first, last), length) in ranges.iter().zip(lengths) {
            assert_eq!(
                (date(last) - date(first)).num_days() + 1,
                *length,
                "{first}"
            );
        }
    }
}

#[test]
fn official_make_up_days_are_working() {
    let calendar = Calendar::official();
    for day in MAKE_UP_2025.iter().chain(MAKE_UP_2026) {
        let day = date(day);
        assert!(
            matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun),
            "{day}"
        );
        assert!(
            calendar.is_working_day(day, None).unwrap(),
            "{day} is a make-up day"
        );
    }
}

#[test]
fn official_schedules_match_test_tables() {
    let calendar = Calendar::official();
    for (year, ranges, make_up) in [
        (2025, HOLIDAYS_2025, MAKE_UP_2025),
        (2026, HOLIDAYS_2026, MAKE_UP_2026),
    ] {
        let schedule = calendar.schedule(year).unwrap();
        let loaded: Vec<(NaiveDate, NaiveDate)> = schedule
            .holidays
            .iter()
            .map(|r| (r.first_day, r.last_day))
            .collect();
        let expected: Vec<(NaiveDate, NaiveDate)> =
            ranges.iter().map(|(a, b)| (date(a), date(b))).collect();
        assert_eq!(loaded, expected, "{year}");
        let expected: Vec<NaiveDate> = make_up.iter().map(|d| date(d)).collect();
        assert_eq!(schedule.make_up_working_days, expected, "{year}");
    }
    assert!(
        calendar
            .schedule(2025)
            .unwrap()
            .notice
            .contains("国办发明电〔2024〕12号")
    );
    assert_eq!(
        calendar.schedule(2025).unwrap().issued_on,
        date("2024-11-12")
    );
    assert_eq!(
        calendar.schedule(2026).unwrap().issued_on,
        date("2025-11-04")
    );
    assert_eq!(calendar.loaded_years(), vec![2025, 2026]);
}

#[test]
fn each_official_year_has_248_working_days() {
    let calendar = Calendar::official();
    for year in [2025, 2026] {
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(year, 12, 31).unwrap();
        let count = first
            .iter_days()
            .take_while(|day| *day <= last)
            .filter(|day| calendar.is_working_day(*day, None).unwrap())
            .count();
        assert_eq!(count, 248, "{year}");
    }
}

#[test]
fn working_days_between_counts_whole_year() {
    // (2024-12-31, 2025-12-31] is all of 2025, but 2024 is not needed: the start is excluded.
    let calendar = Calendar::official();
    let count = calendar.working_days_between(date("2024-12-31"), date("2025-12-31"), None);
    assert_eq!(count.unwrap(), 248);
    let count = calendar.working_days_between(date("2025-12-31"), date("2026-12-31"), None);
    assert_eq!(count.unwrap(), 248);
}

#[test]
fn quarterly_deadlines_match_official_dates() {
    let calendar = Calendar::official();
    let expected = [
        (2025, 1, "2025-04-15"),
        (2025, 2, "2025-07-14"),
        (2025, 3, "2025-10-21"),
        (2025, 4, "2026-01-15"),
        (2026, 1, "2026-04-15"),
        (2026, 2, "2026-07-14"),
        (2026, 3, "2026-10-20"),
    ];
    for (year, quarter, deadline) in expected {
        let computed = quarterly_report_deadline(&calendar, year, quarter, None).unwrap();
        assert_eq!(computed, date(deadline), "{year} Q{quarter}");
    }
}

#[test]
fn quarter_after_holiday_counts_make_up_saturday() {
    // After 2025-09-30: Oct 1–8 off, Oct 9 and 10 count, Sat Oct 11 is a make-up day and counts.
    let calendar = Calendar::official();
    assert_eq!(
        calendar
            .add_working_days(date("2025-09-30"), 3, None)
            .unwrap(),
        date("2025-10-11")
    );
    assert_eq!(
        calendar
            .add_working_days(date("2025-09-30"), 4, None)
            .unwrap(),
        date("2025-10-13")
    );
}

#[test]
fn fourth_quarter_2026_needs_2027() {
    let calendar = Calendar::official();
    let error = quarterly_report_deadline(&calendar, 2026, 4, None).unwrap_err();
    assert_eq!(error.code(), "calendar.year_not_loaded");
    assert_eq!(error, CalendarError::year_not_loaded(date("2027-01-01")));
    assert_eq!(error.field(), "year");
    assert_eq!(error.value(), "2027");
    assert!(
        error.allowed().contains("Calendar::load_year"),
        "{}",
        error.allowed()
    );
    assert_eq!(
        error.to_string(),
        "no holiday schedule loaded for 2027 (needed for 2027-01-01): load the State Council \
         notice for 2027 with Calendar::load_year or Calendar::add_year"
    );
}

#[test]
fn loading_2027_makes_fourth_quarter_computable() {
    let mut calendar = Calendar::official();
    calendar.load_year(FIXTURE_2027).unwrap();
    // Jan 1–3 off; Jan 4–8 count 1–5; Sat Jan 9 (make-up) is 6; Jan 11–14 are 7–10.
    let deadline = quarterly_report_deadline(&calendar, 2026, 4, None).unwrap();
    assert_eq!(deadline, date("2027-01-14"));
}

#[test]
fn year_not_loaded_before_2025() {
    let calendar = Calendar::official();
    let error = calendar
        .is_working_day(date("2024-12-31"), None)
        .unwrap_err();
    assert_eq!(error.code(), "calendar.year_not_loaded");
    let error = Calendar::empty()
        .is_working_day(date("2025-03-03"), None)
        .unwrap_err();
    assert_eq!(error.code(), "calendar.year_not_loaded");
}

#[test]
fn loading_loaded_year_is_rejected() {
    let mut calendar = Calendar::official();
    let json = include_str!("official/2026.json");
    let error = calendar.load_year(json).unwrap_err();
    assert_eq!(error, CalendarError::year_already_loaded(2026));
    assert_eq!(error.code(), "calendar.year_already_loaded");
}

#[test]
fn replace_year_swaps_schedule() {
    let mut calendar = Calendar::official();
    let mut schedule = calendar.schedule(2026).unwrap().clone();
    schedule.make_up_working_days.clear();
    let previous = calendar.replace_year(schedule).unwrap().unwrap();
    assert_eq!(previous.make_up_working_days.len(), 6);
    assert!(!calendar.is_working_day(date("2026-01-04"), None).unwrap());
}

#[test]
fn failed_replace_keeps_schedule() {
    let mut calendar = Calendar::official();
    let mut schedule = calendar.schedule(2026).unwrap().clone();
    schedule.make_up_working_days.push(date("2026-02-15"));
    let error = calendar.replace_year(schedule).unwrap_err();
    assert_eq!(error.code(), "calendar.make_up_day_is_holiday");
    assert!(calendar.is_working_day(date("2026-01-04"), None).unwrap());
}

#[test]
fn load_year_rejects_malformed_json() {
    let mut calendar = Calendar::empty();
    let error = calendar.load_year("{\"year\": 2027}").unwrap_err();
    assert_eq!(error.code(), "calendar.invalid_json");
    let unknown_field = FIXTURE_2027.replace("\"notice\"", "\"notise\"");
    assert_eq!(
        calendar.load_year(&unknown_field).unwrap_err().code(),
        "calendar.invalid_json"
    );
    let bad_date = FIXTURE_2027.replace("2027-01-09", "2027-02-30");
    assert_eq!(
        calendar.load_year(&bad_date).unwrap_err().code(),
        "calendar.invalid_json"
    );
    assert!(calendar.loaded_years().is_empty());
}

#[test]
fn load_year_rejects_date_of_other_year() {
    let mut calendar = Calendar::empty();
    let json = FIXTURE_2027.replace("\"year\": 2027", "\"year\": 2028");
    let error = calendar.load_year(&json).unwrap_err();
    assert_eq!(error.code(), "calendar.date_outside_year");
    assert_eq!(error.field(), "holidays[0].first_day");
}

#[test]
fn schedule_json_round_trips() {
    let official = Calendar::official();
    let mut reloaded = Calendar::empty();
    for year in [2025, 2026] {
        let json = serde_json::to_string(official.schedule(year).unwrap()).unwrap();
        reloaded.load_year(&json).unwrap();
    }
    assert_eq!(reloaded, official);
}

#[test]
fn validation_errors_carry_value() {
    let mut calendar = Calendar::empty();
    let json = FIXTURE_2027.replace("2027-01-09", "2027-01-02");
    let error = calendar.load_year(&json).unwrap_err();
    assert_eq!(error.code(), "calendar.make_up_day_is_holiday");
    assert_eq!(error.field(), "make_up_working_days[0]");
    assert_eq!(error.value(), "2027-01-02");
    assert_eq!(error.allowed(), "make-up days outside every holiday range");
}

#[test]
fn working_days_between_is_half_open() {
    let calendar = Calendar::official();
    // (Fri 2025-04-03, Mon 2025-04-07]: Apr 4–6 off, Apr 7 counts.
    assert_eq!(
        calendar.working_days_between(date("2025-04-03"), date("2025-04-07"), None),
        Ok(1)
    );
    assert_eq!(
        calendar.working_days_between(date("2025-04-07"), date("2025-04-03"), None),
        Ok(-1)
    );
    assert_eq!(
        calendar.working_days_between(date("2025-04-07"), date("2025-04-07"), None),
        Ok(0)
    );
}

#[test]
fn add_zero_working_days_is_rejected() {
    let error = Calendar::official()
        .add_working_days(date("2025-04-03"), 0, None)
        .unwrap_err();
    assert_eq!(error.code(), "calendar.zero_working_days");
}

#[test]
fn invalid_quarter_is_rejected() {
    let error = quarterly_report_deadline(&Calendar::official(), 2025, 5, None).unwrap_err();
    assert_eq!(error, CalendarError::invalid_quarter(5));
}

fn guangxi_calendar() -> Calendar {
    let mut calendar = Calendar::official();
    calendar.load_regional(FIXTURE_GUANGXI_2026).unwrap();
    calendar
}

#[test]
fn regional_holiday_moves_guilin_deadline() {
    let calendar = guangxi_calendar();
    // Apr 1–3 count 1–3, Apr 4–6 off, Apr 7–8 are 4–5, Apr 9–10 off in Guangxi, Apr 13–17 are 6–10.
    for region in ["450300", "450000", "450322"] {
        let deadline = quarterly_report_deadline(&calendar, 2026, 1, Some(region)).unwrap();
        assert_eq!(deadline, date("2026-04-17"), "{region}");
    }
}

#[test]
fn regional_holiday_leaves_other_regions() {
    let calendar = guangxi_calendar();
    for region in [Some("440300"), Some("460000"), None] {
        let deadline = quarterly_report_deadline(&calendar, 2026, 1, region).unwrap();
        assert_eq!(deadline, date("2026-04-15"), "{region:?}");
    }
    assert!(
        calendar
            .is_working_day(date("2026-04-09"), Some("440300"))
            .unwrap()
    );
    assert!(
        !calendar
            .is_working_day(date("2026-04-09"), Some("450300"))
            .unwrap()
    );
}

#[test]
fn regional_holiday_needs_national_year() {
    let mut calendar = Calendar::empty();
    calendar.load_regional(FIXTURE_GUANGXI_2026).unwrap();
    let error = calendar
        .is_working_day(date("2026-04-09"), Some("450300"))
        .unwrap_err();
    assert_eq!(error.code(), "calendar.year_not_loaded");
}

#[test]
fn regional_loaded_twice_is_rejected() {
    let mut calendar = guangxi_calendar();
    let error = calendar.load_regional(FIXTURE_GUANGXI_2026).unwrap_err();
    assert_eq!(error.code(), "calendar.regional_already_loaded");
    assert_eq!(calendar.regional_schedules().count(), 1);
}

#[test]
fn regional_rejects_bad_codes() {
    let mut calendar = Calendar::official();
    let json = FIXTURE_GUANGXI_2026.replace("450000", "45");
    assert_eq!(
        calendar.load_regional(&json).unwrap_err().code(),
        "calendar.invalid_region_code"
    );
    let calendar = guangxi_calendar();
    let error = calendar
        .is_working_day(date("2026-04-09"), Some("4503"))
        .unwrap_err();
    assert_eq!(error.code(), "calendar.invalid_region_code");
}

#[test]
fn smaller_region_decides_first() {
    // A city make-up Saturday beats a province-wide holiday on the same day.
    let mut calendar = Calendar::official();
    let mut province: RegionalSchedule = serde_json::from_str(FIXTURE_GUANGXI_2026).unwrap();
    province.holidays[0].last_day = date("2026-04-11");
    calendar.add_regional(province).unwrap();
    let city = RegionalSchedule {
        region_code: "450300".to_owned(),
        region_name: "桂林市".to_owned(),
        year: 2026,
        source: "illustrative test fixture".to_owned(),
        holidays: Vec::new(),
        make_up_working_days: vec![date("2026-04-11")],
    };
    calendar.add_regional(city).unwrap();
    assert!(
        calendar
            .is_working_day(date("2026-04-11"), Some("450321"))
            .unwrap()
    );
    assert!(
        !calendar
            .is_working_day(date("2026-04-11"), Some("450100"))
            .unwrap()
    );
}

#[test]
fn policy_regional_holidays_reach_calendar() {
    let json = format!("{{\"regional_holidays\": [{FIXTURE_GUANGXI_2026}]}}");
    let policy: crate::policy::Policy = serde_json::from_str(&json).unwrap();
    let calendar = Calendar::for_policy(&policy).unwrap();
    let deadline = quarterly_report_deadline(&calendar, 2026, 1, Some("450300")).unwrap();
    assert_eq!(deadline, date("2026-04-17"));
    let default = Calendar::for_policy(&crate::policy::Policy::default()).unwrap();
    assert_eq!(default, Calendar::official());
}

#[test]
fn pilot_obligation_dates() {
    let calendar = Calendar::official();
    let expected = [
        ("pilot_start", Some("2025-10-17")),
        ("system_survey", Some("2025-10-17")),
        ("liaison_list", Some("2025-10-18")),
        ("ledger", Some("2025-11-14")),
        ("initial_registration", Some("2025-11-28")),
        ("first_progress_report", Some("2025-12-10")),
        ("templates_and_manuals", Some("2025-12-31")),
        ("pilot_tasks_done", Some("2026-12-15")),
        ("quarterly_report_2026_q1", Some("2026-04-15")),
        ("quarterly_report_2026_q2", Some("2026-07-14")),
        ("quarterly_report_2026_q3", Some("2026-10-20")),
        ("quarterly_report_2026_q4", None),
        ("pilot_summary", Some("2027-01-31")),
    ];
    let obligations = pilot_obligations();
    assert_eq!(obligations.len(), expected.len());
    for (obligation, (id, due)) in obligations.iter().zip(expected) {
        assert_eq!(obligation.id, id);
        let computed = obligation.rule.due_date(&calendar, None).ok();
        assert_eq!(computed, due.map(date), "{id}");
        assert!(obligation.source.starts_with("市财资〔2025〕12号"), "{id}");
    }
}

#[test]
fn initial_registration_skips_soes() {
    let obligations = pilot_obligations();
    let registration = obligations
        .iter()
        .find(|o| o.id == "initial_registration")
        .unwrap();
    assert_eq!(
        registration.unit_kinds,
        vec![UnitKind::CityDepartment, UnitKind::DistrictFinanceBureau]
    );
    let as_of = date("2025-11-20");
    let ids = |kind| -> Vec<String> {
        upcoming(&Calendar::official(), as_of, kind, None)
            .into_iter()
            .map(|due| due.obligation.id)
            .collect()
    };
    assert!(ids(UnitKind::DistrictFinanceBureau).contains(&"initial_registration".to_owned()));
    assert!(!ids(UnitKind::CitySoe).contains(&"initial_registration".to_owned()));
}

#[test]
fn upcoming_sorts_and_counts_days() {
    let due = upcoming(
        &Calendar::official(),
        date("2025-11-14"),
        UnitKind::CityDepartment,
        None,
    );
    let first = &due[0];
    assert_eq!(first.obligation.id, "ledger");
    assert_eq!(
        first.due,
        DueDate::Known {
            due_date: date("2025-11-14"),
            days_left: 0
        }
    );
    assert_eq!(due[1].obligation.id, "initial_registration");
    assert_eq!(
        due[1].due,
        DueDate::Known {
            due_date: date("2025-11-28"),
            days_left: 14
        }
    );
    let dated: Vec<NaiveDate> = due
        .iter()
        .filter_map(|d| match d.due {
            DueDate::Known { due_date, .. } => Some(due_date),
            DueDate::Unknown { .. } => None,
        })
        .collect();
    assert!(dated.windows(2).all(|pair| pair[0] <= pair[1]), "{dated:?}");
    assert!(!due.iter().any(|d| d.obligation.id == "system_survey"));
}

#[test]
fn upcoming_reports_missing_year() {
    let due = upcoming(
        &Calendar::official(),
        date("2026-12-20"),
        UnitKind::CitySoe,
        None,
    );
    let ids: Vec<&str> = due.iter().map(|d| d.obligation.id.as_str()).collect();
    assert_eq!(ids, ["pilot_summary", "quarterly_report_2026_q4"]);
    match &due[1].due {
        DueDate::Unknown {
            code,
            missing_year,
            message,
        } => {
            assert_eq!(code, "calendar.year_not_loaded");
            assert_eq!(*missing_year, Some(2027));
            assert!(message.contains("2027"), "{message}");
        }
        other @ DueDate::Known { .. } => panic!("expected unknown, got {other:?}"),
    }
    let json = serde_json::to_value(&due[1]).unwrap();
    assert_eq!(json["due"]["status"], "unknown");
    assert_eq!(json["due"]["missing_year"], 2027);
}

/// Ten working days after 2026-12-31 fall by 2027-04-30 (120 days) whatever the 2027 notice
/// contains, so on 2027-06-30 the 2026 Q4 report is past, not unknown. On 2027-04-30 it may still
/// be due and stays unknown.
#[test]
fn upcoming_drops_certainly_past_unknown() {
    let ids = |as_of: &str| -> Vec<String> {
        upcoming(&Calendar::official(), date(as_of), UnitKind::CitySoe, None)
            .into_iter()
            .map(|d| d.obligation.id)
            .collect()
    };
    assert!(!ids("2027-06-30").contains(&"quarterly_report_2026_q4".to_owned()));
    assert!(ids("2027-04-30").contains(&"quarterly_report_2026_q4".to_owned()));
}

#[test]
fn upcoming_with_2027_dates_fourth_quarter() {
    let mut calendar = Calendar::official();
    calendar.load_year(FIXTURE_2027).unwrap();
    let due = upcoming(
        &calendar,
        date("2027-01-01"),
        UnitKind::CityDepartment,
        None,
    );
    assert_eq!(due.len(), 2);
    assert_eq!(due[0].obligation.id, "quarterly_report_2026_q4");
    assert_eq!(
        due[0].due,
        DueDate::Known {
            due_date: date("2027-01-14"),
            days_left: 13
        }
    );
    assert_eq!(
        due[1].due,
        DueDate::Known {
            due_date: date("2027-01-31"),
            days_left: 30
        }
    );
}

#[test]
fn unit_kind_codes_and_labels() {
    assert_eq!(
        "district_finance_bureau".parse::<UnitKind>(),
        Ok(UnitKind::DistrictFinanceBureau)
    );
    assert_eq!("市直部门".parse::<UnitKind>(), Ok(UnitKind::CityDepartment));
    assert_eq!(UnitKind::CitySoe.code(), "city_soe");
    assert_eq!(UnitKind::ALL.len(), 3);
}

#[test]
fn months_after_clamps_to_month_end() {
    let rule = DueRule::MonthsAfter {
        after: date("2026-01-31"),
        months: 1,
    };
    assert_eq!(
        rule.due_date(&Calendar::empty(), None),
        Ok(date("2026-02-28"))
    );
}

fn start_dates() -> impl Strategy<Value = NaiveDate> {
    // 2025-01-01 plus up to 545 days ends 2026-06-30, so 120 working days stay inside 2026.
    (0u64..=545).prop_map(|offset| date("2025-01-01") + chrono::Days::new(offset))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn add_working_days_lands_on_working_day(start in start_dates(), n in 1u32..=120) {
        let calendar = Calendar::official();
        let end = calendar.add_working_days(start, n, None).unwrap();
        prop_assert!(end > start);
        prop_assert!(calendar.is_working_day(end, None).unwrap());
        prop_assert_eq!(calendar.working_days_between(start, end, None).unwrap(), i64::from(n));
        prop_assert_eq!(calendar.working_days_between(end, start, None).unwrap(), -i64::from(n));
        // The day before the result is still short of n: the result is the first such day.
        let before = end.pred_opt().unwrap();
        prop_assert_eq!(calendar.working_days_between(start, before, None).unwrap(), i64::from(n - 1));
    }

    #[test]
    fn regional_count_is_consistent(start in start_dates(), n in 1u32..=120) {
        let calendar = guangxi_calendar();
        let end = calendar.add_working_days(start, n, Some("450300")).unwrap();
        prop_assert!(calendar.is_working_day(end, Some("450300")).unwrap());
        let between = calendar.working_days_between(start, end, Some("450300")).unwrap();
        prop_assert_eq!(between, i64::from(n));
        // A region only adds days off here, so its deadline is never earlier than the national one.
        prop_assert!(end >= calendar.add_working_days(start, n, None).unwrap());
    }
}
