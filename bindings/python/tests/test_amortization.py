"""Amortization schedules, with expected values worked out by hand from the worked examples."""

import pickle
from datetime import date, datetime
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


def test_schedule_table_rows_and_columns() -> None:
    # Trademark: 500,000.00 over 120 months, 4,166.67 a month and 4,166.27 in the last month.
    # The nominal one yuan has no schedule. Software: 4,800.00 over 24 months, 200.00 a month.
    costs = [Decimal("500000.00"), Decimal("1.00"), Decimal("4800.00")]
    table = data_assets.schedule_table(
        costs, [120, 12, 24], [date(2025, 1, 15), date(2025, 1, 1), date(2025, 3, 1)]
    )
    assert len(table) == 144
    assert table.asset_count == 3
    assert repr(table) == "ScheduleTable(3 assets, 144 rows)"
    assert table[0].amount == Decimal("4166.67")
    assert table[119].amount == Decimal("4166.27")
    assert table[119].carrying_amount == Decimal("0")
    assert table[120].period == date(2025, 3, 1)
    assert table[-1].period == date(2027, 2, 1)
    assert table[-1].accumulated == Decimal("4800.00")
    assert table.periods_of(1) == []
    assert table.periods_of(-1)[0].amount == Decimal("200.00")
    amounts = table.amounts_fen()
    assert amounts.typecode == "q"
    assert list(amounts[:2]) == [416_667, 416_667]
    assert amounts[119] == 416_627
    assert list(amounts[120:]) == [20_000] * 24
    assert table.accumulated_fen()[119] == 50_000_000
    assert table.carrying_amounts_fen()[0] == 49_583_333
    assert table.asset_positions().tolist() == [0] * 120 + [2] * 24
    assert table.periods()[120] == date(2025, 3, 1)
    assert table.total_amount() == Decimal("504800.00")


def test_schedule_table_matches_schedule_lists() -> None:
    costs = [Decimal("1234.56"), Decimal("99.99"), Decimal("0")]
    months = [7, 36, 12]
    starts = [date(2024, 12, 31), date(2025, 2, 28), date(2025, 6, 1)]
    table = data_assets.schedule_table(costs, months, starts)
    lists = data_assets.straight_line_schedules(costs, months, starts)
    assert table.to_lists() == lists
    flat = [period for periods in lists for period in periods]
    assert [table[row] for row in range(len(table))] == flat
    assert table.amounts_fen().tolist() == [int(p.amount * 100) for p in flat]
    assert table.carrying_amounts_fen().tolist() == [int(p.carrying_amount * 100) for p in flat]


def test_schedule_table_index_errors() -> None:
    table = data_assets.schedule_table([Decimal("4800.00")], [24], [date(2025, 1, 1)])
    with pytest.raises(IndexError):
        table[24]
    with pytest.raises(IndexError):
        table[-25]
    with pytest.raises(IndexError):
        table.periods_of(1)
    empty = data_assets.schedule_table([], [], [])
    assert len(empty) == 0
    assert empty.amounts_fen().tolist() == []
    assert empty.total_amount() == Decimal("0")


def test_schedule_table_errors_name_the_row() -> None:
    with pytest.raises(data_assets.MoneyError) as money:
        data_assets.schedule_table(
            [Decimal(1200), 3.5], [12, 12], [date(2025, 1, 1)] * 2  # type: ignore[list-item]
        )
    assert money.value.code == "money.float_rejected"
    assert money.value.field == "costs[1]"
    with pytest.raises(data_assets.AmortizationError) as rule:
        data_assets.schedule_table([Decimal(1200), Decimal(-5)], [12, 12], [date(2025, 1, 1)] * 2)
    assert rule.value.code == "amortization.invalid_amount"
    assert rule.value.field == "rows[1].cost"
    with pytest.raises(data_assets.ConversionError) as length:
        data_assets.schedule_table([Decimal(1200)], [12, 24], [date(2025, 1, 1)])
    assert length.value.code == "convert.length_mismatch"


def test_schedule_starts_accept_datetime_and_reject_text() -> None:
    # A datetime is a date: it starts the schedule in its month like the plain date does.
    moments = [date(2025, 3, 1), datetime(2025, 3, 31, 23, 59)]
    table = data_assets.schedule_table([Decimal("4800.00")] * 2, [24, 24], moments)
    assert table.periods_of(0) == table.periods_of(1)
    with pytest.raises(data_assets.ConversionError) as text:
        data_assets.schedule_table(
            [Decimal(1200)] * 2, [12, 12], [date(2025, 1, 1), "2025-01-01"]  # type: ignore[list-item]
        )
    assert text.value.code == "convert.unsupported_type"
    assert text.value.field == "starts[1]"
    assert text.value.value == "'2025-01-01'"
    with pytest.raises(data_assets.ConversionError) as whole:
        data_assets.schedule_table([Decimal(1200)], [12], "2025-01-01")  # type: ignore[arg-type]
    assert whole.value.field == "starts"
    with pytest.raises(data_assets.ConversionError) as unordered:
        data_assets.schedule_table(
            [Decimal(1200), Decimal(2400)], [12, 12], {date(2026, 6, 1), date(2024, 3, 1)}
        )
    assert unordered.value.field == "starts"


def test_schedule_rejects_missing_start() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.schedule_table([Decimal("4800.00")], [12], [pd.NaT])
    assert caught.value.code == "convert.unsupported_type"
    assert caught.value.field == "starts[0]"


def test_schedule_months_are_whole_lives() -> None:
    cases: list[tuple[object, str]] = [
        (-1, "amortization.invalid_life"),
        (2**40, "amortization.invalid_life"),
        (2**70, "amortization.invalid_life"),
        (12.0, "convert.unsupported_type"),
        (True, "convert.unsupported_type"),
        ("12", "convert.unsupported_type"),
        (Decimal("12.5"), "convert.unsupported_type"),
    ]
    for months, code in cases:
        for build in (data_assets.schedule_table, data_assets.straight_line_schedules):
            with pytest.raises(data_assets.DataAssetError) as caught:
                build([Decimal(1200)] * 2, [12, months], [date(2025, 1, 1)] * 2)  # type: ignore[list-item]
            assert caught.value.code == code, months
            assert caught.value.field == "months[1]", months


def test_schedule_rejects_end_after_9999() -> None:
    # Twelve months from 9999-12 would end in 10000-11, which a Python date cannot hold.
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.schedule_table([Decimal("4800.00")], [12], [date(9999, 12, 31)])
    assert caught.value.code == "convert.date_out_of_range"
    assert caught.value.field == "rows[0]"
    assert caught.value.value == "+10000-11-01"  # ISO 8601 writes a five-digit year with a sign
    last = data_assets.schedule_table([Decimal("4800.00")], [12], [date(9999, 1, 1)])
    assert last[-1].period == date(9999, 12, 1)


def test_schedule_table_one_life_and_start_for_all() -> None:
    table = data_assets.schedule_table([Decimal("4800.00"), Decimal("2400.00")], 24, date(2025, 3, 1))
    assert table.asset_count == 2
    assert table[0].amount == Decimal("200.00")
    assert table[24].amount == Decimal("100.00")


def test_schedule_table_sequence_protocol() -> None:
    table = data_assets.schedule_table([Decimal("4800.00")], [24], [date(2025, 1, 1)])
    assert [period.period for period in reversed(table)][0] == date(2026, 12, 1)
    with pytest.raises(IndexError):
        table[2**63]
    with pytest.raises(IndexError):
        table.periods_of(-(2**70))
    assert str(data_assets.schedule_table([], [], []).total_amount()) == "0.00"


def test_decimal_subclass_is_read_by_value() -> None:
    class CommaFormatted(Decimal):
        def __str__(self) -> str:
            return format(self, ",.2f")

    table = data_assets.schedule_table([CommaFormatted("4800.00")], [24], [date(2025, 1, 1)])
    assert table.total_amount() == Decimal("4800.00")


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
