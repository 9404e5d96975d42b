"""Batch allocation over pandas; skipped when pandas is not installed."""

from decimal import Decimal

import pytest

import data_assets

pd = pytest.importorskip("pandas")


def test_allocate_many_series_to_frame() -> None:
    totals = pd.Series([Decimal("100.00"), Decimal("0.05")], index=["a", "b"])
    frame = data_assets.allocate_many(
        totals, [Decimal("0.7"), Decimal("0.3")], columns=["unit", "operator"]
    )
    assert list(frame.columns) == ["unit", "operator"]
    assert list(frame.index) == ["a", "b"]
    assert frame.loc["b", "unit"] == Decimal("0.04")
    assert frame.loc["b", "operator"] == Decimal("0.01")
    assert isinstance(frame.loc["a", "unit"], Decimal)


def test_allocate_many_frame_rows_tie_out() -> None:
    totals = pd.Series([Decimal("100.00"), Decimal("33.33"), Decimal("0.01")])
    frame = data_assets.allocate_many(totals, [Decimal(1), Decimal(1), Decimal(1)])
    assert list(frame.columns) == ["share_0", "share_1", "share_2"]
    assert list(frame.sum(axis=1)) == list(totals)


def test_allocate_many_frame_column() -> None:
    ledger = pd.DataFrame({"total": [Decimal("10.00"), Decimal("20.00")]})
    frame = data_assets.allocate_many(ledger["total"], [Decimal(1), Decimal(3)])
    assert frame.iloc[1].tolist() == [Decimal("5.00"), Decimal("15.00")]


def test_allocate_many_series_rejects_float() -> None:
    with pytest.raises(data_assets.MoneyError) as caught:
        data_assets.allocate_many(pd.Series([1.5]), [Decimal(1)])
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "totals[0]"


def test_allocate_many_column_count_checked() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.allocate_many(pd.Series([Decimal(1)]), [Decimal(1)], columns=["a", "b"])
    assert caught.value.code == "convert.column_count"
    assert caught.value.field == "columns"


def test_policies_round_trip_through_frame() -> None:
    policies = [
        data_assets.Policy(),
        data_assets.Policy(low_value_threshold=Decimal("500"), rounding="half_even"),
    ]
    frame = data_assets.to_pandas(policies)
    assert len(frame) == 2
    assert frame.loc[1, "low_value_threshold"] == Decimal("500")
    assert isinstance(frame.loc[0, "vat_general_rate"], Decimal)
    assert data_assets.from_pandas(data_assets.Policy, frame) == policies


def test_from_pandas_missing_cell_takes_default() -> None:
    frame = pd.DataFrame(
        {"low_value_threshold": [Decimal("500"), None], "rounding": ["half_even", float("nan")]}
    )
    policies = data_assets.from_pandas(data_assets.Policy, frame)
    assert policies[0].to_dict()["rounding"] == "half_even"
    assert policies[1] == data_assets.Policy()


def test_from_pandas_rejects_float_cell() -> None:
    frame = pd.DataFrame({"low_value_threshold": [Decimal("500"), 500.5]})
    with pytest.raises(data_assets.MoneyError) as caught:
        data_assets.from_pandas(data_assets.Policy, frame)
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "rows[1].low_value_threshold"
