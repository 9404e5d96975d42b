"""Hostile input: cycles, deep nesting, lone surrogates and wrong container types.

Each case once crashed the interpreter or escaped as a non-library exception.
"""

from decimal import Decimal
from typing import Any

import pytest

import data_assets


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def test_cyclic_dict_raises_too_deep() -> None:
    cyclic: dict[str, Any] = {}
    cyclic["self"] = cyclic
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.Policy.from_dict({"low_value_threshold": cyclic})
    assert caught.value.code == "convert.too_deep"


def test_deeply_nested_list_raises_too_deep() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.Policy.from_dict({"low_value_threshold": _deep_list(20_000)})
    assert caught.value.code == "convert.too_deep"
    assert caught.value.field.startswith("low_value_threshold")


def test_moderate_nesting_is_not_too_deep() -> None:
    # Sixty levels stay under the limit, so the type's own check rejects the value instead.
    with pytest.raises(data_assets.DataAssetError) as caught:
        data_assets.Policy.from_dict({"low_value_threshold": _deep_list(60)})
    assert caught.value.code != "convert.too_deep"


def test_allocate_deep_nested_weight_is_library_error() -> None:
    with pytest.raises(data_assets.DataAssetError) as caught:
        data_assets.allocate(1, [_deep_list(20_000)])  # type: ignore[list-item]
    assert caught.value.code == "money.not_decimal"
    assert caught.value.field == "weights[0]"


@pytest.mark.parametrize("weights", [{Decimal(1): 1}, {Decimal(1)}, "12", frozenset({1})])
def test_allocate_rejects_unordered_or_text_weights(weights: Any) -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.allocate(Decimal(1), weights)
    assert caught.value.code == "convert.unsupported_type"
    assert caught.value.field == "weights"


def test_allocate_accepts_tuple_and_generator_weights() -> None:
    assert data_assets.allocate(Decimal(1), (1, 1)) == [Decimal("0.50"), Decimal("0.50")]
    assert data_assets.allocate(Decimal(1), (w for w in [1, 3])) == [
        Decimal("0.25"),
        Decimal("0.75"),
    ]


def test_parse_amount_lone_surrogate() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.parse_amount("\ud800")
    assert caught.value.code == "convert.invalid_text"
    assert caught.value.field == "amount"


def test_parse_term_lone_surrogate() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.parse_term("SecurityGrade", "\udcff")
    assert caught.value.code == "convert.invalid_text"
    assert caught.value.field == "text"


def test_from_dict_lone_surrogate_in_key_and_value() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.Policy.from_dict({"\ud800": 1})
    assert caught.value.code == "convert.invalid_text"
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.Policy.from_dict({"month_convention": "\ud800"})
    assert caught.value.code == "convert.invalid_text"
    assert caught.value.field == "month_convention"


def test_to_pandas_rejects_non_values() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="to_dict"):
        data_assets.to_pandas([1, 2])  # type: ignore[list-item]


def test_from_pandas_rejects_non_frame() -> None:
    pytest.importorskip("pandas")
    with pytest.raises(TypeError, match="DataFrame"):
        data_assets.from_pandas(data_assets.Policy, 5)  # type: ignore[arg-type]
