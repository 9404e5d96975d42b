"""Policy as a frozen value type: defaults, dict round trip, repr, equality and pickling."""

import copy
import pickle
from datetime import date
from decimal import Decimal

import pytest

import data_assets
from data_assets import Policy, PolicyError


def test_policy_defaults() -> None:
    policy = Policy().to_dict()
    # 政府会计准则第4号 art. 16: non-bulk intangibles under 1000 yuan may be expensed.
    assert policy["low_value_threshold"] == Decimal("1000.00")
    assert policy["vat_general_rate"] == Decimal("0.06")
    assert policy["vat_small_scale_reduced_until"] == date(2027, 12, 31)
    assert policy["rounding"] == "half_up"
    assert policy["month_convention"] == "same_month"
    assert policy["authorization_approver_role"] == "finance_bureau"


def test_policy_dict_types() -> None:
    policy = Policy().to_dict()
    assert isinstance(policy["low_value_threshold"], Decimal)
    assert isinstance(policy["pledge_ratio_cap"], Decimal)
    assert isinstance(policy["vat_small_scale_reduced_until"], date)
    assert isinstance(policy["authorization_approver_role"], str)


def test_policy_partial_dict_takes_defaults() -> None:
    policy = Policy.from_dict({"low_value_threshold": Decimal("500")})
    assert policy.to_dict()["low_value_threshold"] == Decimal("500")
    assert policy.to_dict()["rounding"] == "half_up"


def test_policy_round_trip() -> None:
    original = Policy(
        low_value_threshold=Decimal("800.00"),
        rounding="half_even",
        vat_small_scale_reduced_until=date(2028, 6, 30),
        institution_fee_treatment="retain_as_core_revenue",
    )
    again = Policy.from_dict(original.to_dict())
    assert again == original
    assert again.to_dict() == original.to_dict()


def test_policy_equality() -> None:
    assert Policy() == Policy()
    assert Policy() != Policy(low_value_threshold=Decimal("500"))
    assert Policy() != "Policy()"


def test_policy_repr_reads_like_constructor() -> None:
    text = repr(Policy())
    assert text.startswith("Policy(")
    assert "low_value_threshold=Decimal('1000.00')" in text
    assert "vat_small_scale_reduced_until=datetime.date(2027, 12, 31)" in text


def test_policy_repr_evaluates_back() -> None:
    import datetime

    namespace = {"Policy": Policy, "Decimal": Decimal, "datetime": datetime}
    assert eval(repr(Policy()), namespace) == Policy()


def test_policy_pickles() -> None:
    policy = Policy(low_value_threshold=Decimal("500"))
    assert pickle.loads(pickle.dumps(policy)) == policy
    assert copy.deepcopy(policy) == policy


def test_policy_is_frozen() -> None:
    policy = Policy()
    with pytest.raises(AttributeError):
        policy.rounding = "half_even"  # type: ignore[attr-defined]


def test_policy_rejects_unknown_field() -> None:
    with pytest.raises(PolicyError) as caught:
        Policy.from_dict({"low_value_treshold": Decimal("500")})
    assert caught.value.code == "policy.invalid_field"
    assert "low_value_treshold" in str(caught.value)


def test_policy_rejects_float_amount() -> None:
    with pytest.raises(data_assets.MoneyError) as caught:
        Policy(low_value_threshold=500.0)
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "low_value_threshold"


def test_policy_rejects_bad_value_with_field() -> None:
    with pytest.raises(PolicyError) as caught:
        Policy(rounding="bankers")
    assert caught.value.code == "policy.invalid_field"
    assert caught.value.field == "rounding"
    assert caught.value.value == "bankers"


def test_policy_rejects_negative_rate() -> None:
    with pytest.raises(PolicyError) as caught:
        Policy(vat_general_rate=Decimal("-0.06"))
    assert caught.value.field == "vat_general_rate"
    assert caught.value.value == "-0.06"


def test_policy_rejects_unsupported_type() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        Policy(authorization_approver_role=object())
    assert caught.value.code == "convert.unsupported_type"
    assert caught.value.field == "authorization_approver_role"


def test_policy_from_dict_requires_dict() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        Policy.from_dict([("rounding", "half_up")])  # type: ignore[arg-type]
    assert caught.value.code == "convert.not_a_dict"


def test_invalid_policy_rejected_on_use() -> None:
    bad = Policy(low_value_threshold=Decimal("-1"), pledge_ratio_cap=Decimal("2"))
    facts = {
        "asset_id": "A1",
        "controlled": True,
        "past_transaction": True,
        "separable": True,
        "contractual_or_legal": False,
        "probable_benefit": True,
        "reliable_cost": True,
        "holding_purpose": "own_use",
        "rd_stage": "none",
        "development_conditions": {
            "technically_feasible": False,
            "intends_to_complete": False,
            "generates_benefit": False,
            "resources_available": False,
            "spending_measurable": False,
        },
        "cost": Decimal("100.00"),
    }
    with pytest.raises(PolicyError) as caught:
        data_assets.recognize(facts, "public_institution", policy=bad)
    assert caught.value.code == "policy.invalid_value"
    assert caught.value.field == "low_value_threshold"
    assert [error["field"] for error in caught.value.errors] == [
        "low_value_threshold",
        "pledge_ratio_cap",
    ]
