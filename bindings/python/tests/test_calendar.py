"""Working days and deadlines against the official 2025 and 2026 holiday notices."""

import pickle
from datetime import date

import pytest

import data_assets

DEADLINES = [
    (2025, 1, date(2025, 4, 15)),
    (2025, 2, date(2025, 7, 14)),
    (2025, 3, date(2025, 10, 21)),
    (2025, 4, date(2026, 1, 15)),
    (2026, 1, date(2026, 4, 15)),
    (2026, 2, date(2026, 7, 14)),
    (2026, 3, date(2026, 10, 20)),
]


@pytest.mark.parametrize(("year", "quarter", "expected"), DEADLINES)
def test_quarterly_deadlines(year: int, quarter: int, expected: date) -> None:
    assert data_assets.quarterly_report_deadline(year, quarter) == expected
    assert data_assets.Calendar().quarterly_report_deadline(year, quarter) == expected


def test_q4_2026_needs_2027_schedule() -> None:
    with pytest.raises(data_assets.CalendarError) as caught:
        data_assets.quarterly_report_deadline(2026, 4)
    assert caught.value.code == "calendar.year_not_loaded"
    assert caught.value.value == "2027"


def test_make_up_sunday_is_working_day() -> None:
    # The 2026 notice makes Sunday 2026-01-04 a working day; 2025-10-01 is National Day.
    assert data_assets.is_working_day(date(2026, 1, 4))
    assert not data_assets.is_working_day(date(2025, 10, 1))
    assert data_assets.add_working_days(date(2025, 12, 31), 10) == date(2026, 1, 15)


def test_working_days_between_counts_after_start() -> None:
    # The Q4 2025 deadline 2026-01-15 is the 10th working day after 2025-12-31.
    assert data_assets.working_days_between(date(2025, 12, 31), date(2026, 1, 15)) == 10
    assert data_assets.working_days_between(date(2026, 1, 15), date(2025, 12, 31)) == -10
    assert data_assets.working_days_between(date(2025, 12, 31), date(2025, 12, 31)) == 0
    with pytest.raises(data_assets.CalendarError) as caught:
        data_assets.working_days_between(date(2026, 12, 31), date(2027, 1, 8))
    assert caught.value.code == "calendar.year_not_loaded"


def test_year_not_loaded_for_working_day() -> None:
    with pytest.raises(data_assets.CalendarError) as caught:
        data_assets.is_working_day(date(2030, 1, 2))
    assert caught.value.code == "calendar.year_not_loaded"


def test_empty_calendar_and_loading_a_year() -> None:
    empty = data_assets.Calendar.empty()
    assert empty.loaded_years() == []
    with pytest.raises(data_assets.CalendarError):
        data_assets.is_working_day(date(2025, 1, 2), calendar=empty)
    official = data_assets.Calendar()
    schedule = official.schedule(2025)
    assert schedule is not None
    empty.add_year(schedule)
    assert empty.loaded_years() == [2025]
    assert data_assets.is_working_day(date(2025, 1, 2), calendar=empty)
    with pytest.raises(data_assets.CalendarError) as caught:
        empty.add_year(schedule)
    assert caught.value.code == "calendar.year_already_loaded"


def test_regional_holiday() -> None:
    calendar = data_assets.Calendar()
    calendar.add_regional(
        {
            "region_code": "450000",
            "region_name": "广西壮族自治区",
            "year": 2026,
            "source": "test schedule",
            "holidays": [
                {"name": "三月三", "first_day": date(2026, 4, 20), "last_day": date(2026, 4, 21)}
            ],
        }
    )
    assert calendar.is_working_day(date(2026, 4, 20))
    assert not calendar.is_working_day(date(2026, 4, 20), "450300")
    assert len(calendar.regional_schedules()) == 1
    copy = pickle.loads(pickle.dumps(calendar))
    assert copy == calendar
    assert not copy.is_working_day(date(2026, 4, 21), "450300")


def test_upcoming_obligations() -> None:
    due = data_assets.upcoming(date(2025, 3, 1), "city_soe")
    assert due
    assert all("city_soe" in item.obligation["unit_kinds"] for item in due)
    with pytest.raises(data_assets.VocabError):
        data_assets.upcoming(date(2025, 3, 1), "ministry")
    assert data_assets.pilot_obligations()[0] == data_assets.Obligation.from_dict(
        data_assets.pilot_obligations()[0].to_dict()
    )


def test_working_days_between() -> None:
    # 2025-10-01..08 is the National Day holiday; 2025-10-11 (Saturday) is a make-up day.
    assert data_assets.Calendar().working_days_between(date(2025, 9, 30), date(2025, 10, 10)) == 2
