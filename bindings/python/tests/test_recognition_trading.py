"""Recognition outcomes, valuation approaches, pricing and trade records."""

import pickle
from decimal import Decimal
from typing import Any

import pytest

import data_assets


def facts(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "asset_id": "api-1",
        "controlled": True,
        "past_transaction": True,
        "separable": True,
        "contractual_or_legal": True,
        "probable_benefit": True,
        "reliable_cost": True,
        "holding_purpose": "own_use",
        "rd_stage": "none",
        "cost": Decimal("100000.00"),
    }
    base.update(changes)
    return base


def test_bespoke_dataset_for_sale_is_inventory() -> None:
    result = data_assets.recognize(
        facts(holding_purpose="sale_in_ordinary_course"), "state_owned_enterprise"
    )
    assert result.outcome == "inventory"
    assert result.findings
    assert all(finding["rule"] for finding in result.findings)


def test_licensed_api_is_intangible() -> None:
    result = data_assets.recognize(facts(), "国有企业")
    assert result.outcome == "intangible_asset"
    assert pickle.loads(pickle.dumps(result)) == result


def test_recognition_error_codes() -> None:
    with pytest.raises(data_assets.RecognitionError) as caught:
        data_assets.recognize(facts(cost=Decimal("-1.00")), "state_owned_enterprise")
    assert caught.value.field == "cost"
    with pytest.raises(data_assets.VocabError) as vocab:
        data_assets.recognize(facts(), "合作社")
    assert vocab.value.code == "vocab.unknown_term"
    with pytest.raises(data_assets.MoneyError) as money:
        data_assets.recognize(facts(cost=100000.0), "state_owned_enterprise")
    assert money.value.code == "money.float_rejected"
    assert money.value.field == "facts.cost"


def cost_input() -> dict[str, Any]:
    def line(kind: str, amount: str, recurrence: str) -> dict[str, Any]:
        return {"kind": kind, "description": "", "amount": Decimal(amount), "recurrence": recurrence}

    return {
        "components": [
            line("direct", "500000", "one_off"),
            line("direct", "300000", "one_off"),
            line("direct", "100000", "per_year"),
            line("indirect", "150000", "per_year"),
        ],
        "recurring_years": 3,
        "adjustment": {"basis": "factor", "factor": Decimal("0.7")},
    }


def test_cost_approach_worked_example() -> None:
    # 500,000 + 300,000 + (100,000 + 150,000) × 3 = 1,550,000; × 0.7 = 1,085,000.00.
    valuation = data_assets.cost_approach(cost_input())
    assert valuation.approach_code() == "cost"
    assert valuation.replacement_cost == Decimal("1550000")
    assert valuation.value() == Decimal("1085000.00")
    assert pickle.loads(pickle.dumps(valuation)) == valuation


def test_cost_approach_without_lines() -> None:
    with pytest.raises(data_assets.TradingError) as caught:
        data_assets.cost_approach({**cost_input(), "components": []})
    assert caught.value.code == "trading.no_cost_components"


def test_income_approach_direct() -> None:
    # 110.00 / 1.1 + 121.00 / 1.21 = 100.00 + 100.00 = 200.00.
    valuation = data_assets.income_approach(
        {
            "forecast": {"variant": "direct", "income": [Decimal("110.00"), Decimal("121.00")]},
            "discount_rate": Decimal("0.1"),
        }
    )
    assert valuation.value() == Decimal("200.00")


def test_price_by_valuation_and_agreement() -> None:
    valuation = data_assets.cost_approach(cost_input())
    price = data_assets.price_by_valuation(valuation, Decimal("1.1"))
    assert price.amount == Decimal("1193500.00")
    assert data_assets.price_by_agreement(Decimal("5000.00")).amount == Decimal("5000.00")
    with pytest.raises(data_assets.MoneyError):
        data_assets.price_by_agreement(5000.0)  # type: ignore[arg-type]


def test_facts_from_ledger_asset() -> None:
    asset = data_assets.DataAsset.example()
    facts_of_asset, assumptions = data_assets.RecognitionFacts.from_asset(asset)
    # The example asset records no cost, so the cost cannot be measured reliably.
    assert not facts_of_asset.reliable_cost
    assert any("0.00" in text for text in assumptions)
    result = data_assets.recognize(facts_of_asset, "public_institution")
    assert result.outcome != "intangible_asset"
