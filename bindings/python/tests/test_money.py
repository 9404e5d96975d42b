"""Money at the boundary: allocation worked examples, float rejection and error attributes."""

from decimal import Decimal

import pytest

import data_assets
from data_assets import DataAssetError, MoneyError


def test_allocate_three_equal_parts() -> None:
    # 100.00 / 3 = 33.333...: every share truncates to 33.33 and the one leftover fen goes to
    # the first share, because all remainders tie and the earlier weight wins.
    shares = data_assets.allocate(Decimal("100.00"), [Decimal(1), Decimal(1), Decimal(1)])
    assert shares == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert all(isinstance(share, Decimal) for share in shares)


def test_allocate_small_amount_seventy_thirty() -> None:
    # 0.05 × 0.7 = 0.035 and 0.05 × 0.3 = 0.015 truncate to 0.03 and 0.01; both remainders are
    # half a fen, so the leftover fen goes to the earlier weight.
    shares = data_assets.allocate(Decimal("0.05"), [Decimal("0.7"), Decimal("0.3")])
    assert shares == [Decimal("0.04"), Decimal("0.01")]


def test_allocate_accepts_int_and_tuple() -> None:
    assert data_assets.allocate(10, (1, 3)) == [Decimal("2.50"), Decimal("7.50")]


def test_allocate_shares_print_at_fen() -> None:
    shares = data_assets.allocate(Decimal("10"), [Decimal(1), Decimal(3)])
    assert [str(share) for share in shares] == ["2.50", "7.50"]


def test_allocate_rejects_float_total() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(100.0, [Decimal(1)])  # type: ignore[arg-type]
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "total"
    assert caught.value.value == "100.0"
    assert "Decimal" in str(caught.value)


def test_allocate_rejects_float_weight() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("0.05"), [Decimal("0.7"), 0.3])  # type: ignore[list-item]
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "weights[1]"


def test_allocate_rejects_string_total() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate("100.00", [Decimal(1)])  # type: ignore[arg-type]
    assert caught.value.code == "money.not_decimal"
    assert caught.value.value == "'100.00'"


def test_allocate_rejects_not_a_number() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("NaN"), [Decimal(1)])
    assert caught.value.code == "money.invalid_number"


def test_allocate_rejects_sub_fen_total() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("1.001"), [Decimal(1)])
    assert caught.value.code == "money.not_fen"
    assert caught.value.field == "total"
    assert caught.value.value == "1.001"
    assert caught.value.allowed == "at most two decimal places (fen)"


def test_allocate_rejects_negative_weight() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("1.00"), [Decimal(1), Decimal(-1)])
    assert caught.value.code == "money.negative"
    assert caught.value.field == "weights[1]"
    assert caught.value.value == "-1"


def test_allocate_rejects_zero_weights() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("1.00"), [])
    assert caught.value.code == "money.no_positive_weight"


def test_allocate_rejects_total_beyond_limit() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal("1E+17"), [Decimal(1)])
    assert caught.value.code == "money.overflow"
    assert caught.value.field == "total"


def test_money_error_is_value_error() -> None:
    with pytest.raises(ValueError):
        data_assets.allocate(Decimal("1.001"), [Decimal(1)])
    assert issubclass(MoneyError, DataAssetError)
    assert issubclass(DataAssetError, ValueError)


def test_allocate_many_lists() -> None:
    rows = data_assets.allocate_many(
        [Decimal("100.00"), Decimal("0.05")], [Decimal("0.7"), Decimal("0.3")]
    )
    assert rows == [
        [Decimal("70.00"), Decimal("30.00")],
        [Decimal("0.04"), Decimal("0.01")],
    ]


def test_allocate_many_names_failing_row() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate_many([Decimal("1.00"), Decimal("2.005")], [Decimal(1)])
    assert caught.value.code == "money.not_fen"
    assert caught.value.field == "totals[1]"
    assert caught.value.value == "2.005"


def test_allocate_many_rejects_float_row() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate_many([Decimal("1.00"), 2.5], [Decimal(1)])  # type: ignore[list-item]
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "totals[1]"


def test_round_decimal_named_rules() -> None:
    value = Decimal("2.345")
    assert data_assets.round_decimal(value) == Decimal("2.35")
    assert data_assets.round_decimal(-value) == Decimal("-2.35")
    assert data_assets.round_decimal(value, "half_even") == Decimal("2.34")
    assert data_assets.round_decimal(Decimal("2.349"), "toward_zero") == Decimal("2.34")
    assert data_assets.round_decimal(Decimal("2.341"), "away_from_zero") == Decimal("2.35")
    assert data_assets.round_decimal(Decimal("4166.6666"), scale=0) == Decimal("4167")


def test_round_decimal_unknown_rule() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.round_decimal(Decimal("1"), "bankers")
    assert caught.value.code == "money.unknown_rounding_rule"
    assert caught.value.field == "rule"
    assert "half_up" in caught.value.allowed


def test_rounding_rules_lists_codes() -> None:
    assert data_assets.rounding_rules() == ["half_up", "half_even", "toward_zero", "away_from_zero"]


def test_parse_amount_with_separators() -> None:
    assert data_assets.parse_amount("1,234.56") == Decimal("1234.56")


def test_parse_amount_names_field() -> None:
    with pytest.raises(MoneyError) as caught:
        data_assets.parse_amount("12a", field="cost")
    assert caught.value.code == "money.invalid_number"
    assert caught.value.field == "cost"
    assert caught.value.value == "12a"


def test_allocate_rejects_precision_beyond_28_places() -> None:
    # rust_decimal holds at most 28 decimal places, so this value is rejected, not rounded.
    with pytest.raises(MoneyError) as caught:
        data_assets.allocate(Decimal(1), [Decimal("1E-29")])
    assert caught.value.code == "money.invalid_number"
    assert caught.value.field == "weights[0]"
