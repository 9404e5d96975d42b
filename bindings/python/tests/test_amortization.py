"""Amortization schedules, with expected values worked out by hand from the worked examples."""

import pickle
from datetime import date
from decimal import Decimal

import pytest

import data_assets


def test_trademark_ten_years_last_month_takes_remainder() -> None:
    # 500,000.00 / 120 = 4,166.666…, 四舍五入 4,166.67; 119 × 4,166.67 = 495,833.73, so the
    # last month is 500,000.00 − 495,833.73 = 4,166.27.
    periods = data_assets.straight_line_schedule(Decimal("500000.00"), 120, date(2025, 1, 15))
    assert len(periods) == 120
    assert all(p.amount == Decimal("4166.67") for p in periods[:119])
    assert periods[119].amount == Decimal("4166.27")
    assert sum(p.amount for p in periods) == Decimal("500000.00")
    assert periods[0].period == date(2025, 1, 1)
    assert periods[119].period == date(2034, 12, 1)
    assert periods[0].accumulated == Decimal("4166.67")
    assert periods[0].carrying_amount == Decimal("495833.33")
    assert periods[119].carrying_amount == Decimal("0")


def test_software_two_years_is_two_hundred_a_month() -> None:
    periods = data_assets.straight_line_schedule(Decimal("4800.00"), 24, date(2025, 3, 1))
    assert [p.amount for p in periods] == [Decimal("200.00")] * 24


def test_enterprise_intangible_from_2005() -> None:
    # 5,000,000.00 / 120 = 41,666.67; last = 5,000,000.00 − 119 × 41,666.67 = 41,666.27.
    periods = data_assets.straight_line_schedule(Decimal("5000000.00"), 120, date(2005, 1, 1))
    assert periods[0].period == date(2005, 1, 1)
    assert periods[0].amount == Decimal("41666.67")
    assert periods[-1].amount == Decimal("41666.27")


def test_nominal_amount_has_no_schedule() -> None:
    assert data_assets.straight_line_schedule(Decimal("1.00"), 12, date(2025, 1, 1)) == []


def test_float_cost_rejected() -> None:
    with pytest.raises(data_assets.MoneyError) as caught:
        data_assets.straight_line_schedule(4800.0, 24, date(2025, 1, 1))  # type: ignore[arg-type]
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "cost"


def test_zero_months_rejected() -> None:
    with pytest.raises(data_assets.AmortizationError) as caught:
        data_assets.straight_line_schedule(Decimal("4800.00"), 0, date(2025, 1, 1))
    assert caught.value.code == "amortization.invalid_life"


def test_sub_fen_cost_rejected() -> None:
    with pytest.raises(data_assets.AmortizationError) as caught:
        data_assets.straight_line_schedule(Decimal("4800.001"), 24, date(2025, 1, 1))
    assert caught.value.code == "amortization.invalid_amount"
    assert caught.value.field == "cost"


def test_batch_schedules_and_row_in_error() -> None:
    rows = data_assets.straight_line_schedules(
        [Decimal("4800.00"), Decimal("500000.00")], [24, 120], [date(2025, 1, 1)] * 2
    )
    assert [len(row) for row in rows] == [24, 120]
    assert rows[1][-1].amount == Decimal("4166.27")
    shared = data_assets.straight_line_schedules([Decimal("4800.00")], 24, date(2025, 1, 1))
    assert shared == rows[:1]
    with pytest.raises(data_assets.AmortizationError) as caught:
        data_assets.straight_line_schedules([Decimal(1200), Decimal(-5)], 12, date(2025, 1, 1))
    assert caught.value.field.startswith("rows[1]")


def test_batch_length_mismatch() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.straight_line_schedules([Decimal(1200)], [12, 24], [date(2025, 1, 1)])
    assert caught.value.code == "convert.length_mismatch"


def test_units_of_production() -> None:
    # 9,000.00 over 900 units used 300, 300, 300: 3,000.00 each month.
    basis = data_assets.ScheduleBasis(
        cost=Decimal("9000.00"),
        accumulated_before=Decimal("0"),
        ready_for_use=date(2025, 1, 10),
        life={
            "kind": "units_of_production",
            "total": Decimal(900),
            "per_period": [Decimal(300)] * 3,
        },
        nominal_amount=False,
    )
    periods = data_assets.schedule(basis)
    assert [p.amount for p in periods] == [Decimal("3000.00")] * 3
    assert periods[-1].carrying_amount == Decimal("0")


def test_indefinite_life_not_amortized() -> None:
    basis = {
        "cost": Decimal("9000.00"),
        "accumulated_before": Decimal("0"),
        "ready_for_use": date(2025, 1, 10),
        "life": {"kind": "indefinite"},
        "nominal_amount": False,
    }
    assert data_assets.schedule(basis) == []


def test_recompute_after_subsequent_expenditure() -> None:
    # 2,400.00 over 24 months is 100.00 a month; after 12 months 1,200.00 remains. Adding
    # 1,200.00 and 12 more months from 2026-01 gives 2,400.00 / 12 = 200.00 a month.
    current = data_assets.straight_line_schedule(Decimal("2400.00"), 24, date(2025, 1, 1))
    periods = data_assets.recompute_schedule(
        current, Decimal("2400.00"), date(2026, 1, 5), Decimal("1200.00"), 12
    )
    assert [p.amount for p in periods[:12]] == [Decimal("100.00")] * 12
    assert [p.amount for p in periods[12:]] == [Decimal("200.00")] * 12
    assert periods[-1].accumulated == Decimal("3600.00")


def test_stop_at_disposal_conventions() -> None:
    periods = data_assets.straight_line_schedule(Decimal("1200.00"), 12, date(2025, 1, 1))
    same = data_assets.stop_at_disposal(periods, date(2025, 4, 20))
    following = data_assets.stop_at_disposal(periods, date(2025, 4, 20), "next_month")
    assert len(same) == 3
    assert len(following) == 4
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.stop_at_disposal(periods, date(2025, 4, 20), "whenever")
    assert caught.value.code == "convert.unknown_code"


def test_period_value_type() -> None:
    period = data_assets.straight_line_schedule(Decimal("4800.00"), 24, date(2025, 1, 1))[0]
    assert pickle.loads(pickle.dumps(period)) == period
    assert data_assets.AmortizationPeriod.from_dict(period.to_dict()) == period
    assert repr(period).startswith("AmortizationPeriod(")
    with pytest.raises(AttributeError):
        period.missing  # noqa: B018
    with pytest.raises(data_assets.MoneyError) as caught:
        data_assets.AmortizationPeriod.from_dict({**period.to_dict(), "amount": 200.0})
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "amount"


def test_schedules_frame() -> None:
    pd = pytest.importorskip("pandas")
    costs = pd.Series([Decimal("4800.00"), Decimal("2400.00")], index=["software", "map"])
    frame = data_assets.straight_line_schedules(costs, pd.Series([24, 12]), date(2025, 1, 1))
    assert list(frame.columns) == ["key", "period", "amount", "accumulated", "carrying_amount"]
    assert len(frame) == 36
    by_key = frame.groupby("key")["amount"].sum()
    assert by_key["software"] == Decimal("4800.00")
    assert by_key["map"] == Decimal("2400.00")
    assert isinstance(frame.loc[0, "amount"], Decimal)
    back = data_assets.from_pandas(
        data_assets.AmortizationPeriod, frame.drop(columns=["key"])
    )
    assert back[0] == data_assets.straight_line_schedule(Decimal("4800.00"), 24, date(2025, 1, 1))[0]
