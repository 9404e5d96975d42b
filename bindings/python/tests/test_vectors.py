"""Runs the shared test vectors of tests/vectors/ through the Python binding.

tests/vectors/README.md gives the format. A family this runner expresses is run case by case
and compared with the same containment rule as the Rust runner. A family the binding cannot
express yet is listed in SKIPPED with the reason, and a family in neither table fails, so no
vector file is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import data_assets
from data_assets import DataAssetError

VECTORS = Path(__file__).resolve().parents[3] / "tests" / "vectors"


def _allocation(case_input: dict[str, Any]) -> dict[str, Any]:
    shares = data_assets.allocate(
        Decimal(case_input["total"]), [Decimal(w) for w in case_input["weights"]]
    )
    return {"shares": [str(share) for share in shares]}


def _uscc(case_input: dict[str, Any]) -> dict[str, Any]:
    # GB 32100-2015: two-character registration prefix, six-digit division code, nine-character
    # organization code, one check character. The binding validates and returns the code.
    code = data_assets.validate_uscc(case_input["text"])
    return {"prefix": code[:2], "region_code": code[2:8], "organization_code": code[8:17]}


def _calendar(case_input: dict[str, Any]) -> dict[str, Any]:
    region = case_input.get("region")
    op = case_input["op"]
    if op == "quarterly_deadline":
        due = data_assets.quarterly_report_deadline(
            case_input["year"], case_input["quarter"], region
        )
        return {"date": due.isoformat()}
    if op == "add_working_days":
        start = date.fromisoformat(case_input["from"])
        return {"date": data_assets.add_working_days(start, case_input["days"], region).isoformat()}
    if op == "is_working_day":
        day = date.fromisoformat(case_input["date"])
        return {"working": data_assets.is_working_day(day, region)}
    pytest.skip(f"calendar op {op}: the binding exposes no working-day count between two dates")


def _full_precision(value: Decimal, amount: bool) -> str:
    # The vector format writes full-precision values without trailing zeros, and amounts with
    # at least two decimals.
    text = format(value.normalize(), "f")
    if amount:
        whole, _, fraction = text.partition(".")
        text = f"{whole}.{fraction.ljust(2, '0')}"
    return text


def _valuation(case_input: dict[str, Any]) -> dict[str, Any]:
    approach = case_input["approach"]
    result = getattr(data_assets, f"{approach}_approach")(case_input["input"]).to_dict()
    output: dict[str, Any] = {"value": str(result["value"])}
    if approach == "cost":
        output["replacement_cost"] = str(result["replacement_cost"])
        output["adjustment_factor"] = _full_precision(result["adjustment_factor"], amount=False)
    if approach == "income":
        output["incomes"] = [_full_precision(p["income"], amount=True) for p in result["periods"]]
    return output


def _revenue_split(case_input: dict[str, Any]) -> dict[str, Any]:
    policy = case_input.get("policy")
    outcome = data_assets.split_receipt(
        Decimal(case_input["gross"]),
        Decimal(case_input["rate"]),
        case_input["rule"],
        data_assets.Policy.from_dict(policy) if policy is not None else None,
    )
    return {
        "net": str(outcome.vat["net"]),
        "vat": str(outcome.vat["vat"]),
        "shares": [
            {
                "name": share["party"]["name"],
                "amount": str(share["amount"]),
                "routing": share["routing"],
            }
            for share in outcome.shares
        ],
    }


def _recognition(case_input: dict[str, Any]) -> dict[str, Any]:
    policy = case_input.get("policy")
    result = data_assets.recognize(
        case_input["facts"],
        case_input["entity_kind"],
        data_assets.Policy.from_dict(policy) if policy is not None else None,
    ).to_dict()
    amount = result["capitalizable_amount"]
    return {
        "outcome": result["outcome"],
        "booking_status": result["booking_status"],
        # Amounts in the canonical output have exactly two decimals.
        "capitalizable_amount": None if amount is None else f"{amount:.2f}",
        "findings": {f["criterion"]: f["status"] for f in result["findings"]},
    }


def _period(period: Any) -> dict[str, Any]:
    entry = period.to_dict()
    return {
        "period": entry["period"].strftime("%Y-%m"),
        "amount": str(entry["amount"]),
        "accumulated": str(entry["accumulated"]),
        "carrying_amount": str(entry["carrying_amount"]),
    }


def _amortization(case_input: dict[str, Any]) -> dict[str, Any]:
    policy = data_assets.Policy.from_dict(case_input.get("policy", {}))
    periods = data_assets.schedule(case_input["basis"], policy)
    if "disposal" in case_input:
        periods = data_assets.stop_at_disposal(
            periods,
            date.fromisoformat(case_input["disposal"]),
            policy.to_dict()["month_convention"],
        )
    amounts = [period.to_dict()["amount"] for period in periods]
    output: dict[str, Any] = {
        "count": len(periods),
        "total": f"{sum(amounts, Decimal(0)):.2f}",
        "amounts": [str(amount) for amount in amounts],
    }
    if periods:
        output["first"] = _period(periods[0])
        output["last"] = _period(periods[-1])
    return output


def _certificate(case_input: dict[str, Any]) -> dict[str, Any]:
    op = case_input["op"]
    if op == "number":
        number = data_assets.certificate_number(
            case_input["region_code"], case_input["year"], case_input["sequence"]
        )
        return {"number": number}
    if op in ("check_character", "parse_number"):
        pytest.skip(f"certificate op {op}: the binding exposes no check-character or parse function")
    pytest.skip(f"certificate op {op}: no handler yet building the card classes from the input")


HANDLERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "allocation": _allocation,
    "calendar": _calendar,
    "uscc": _uscc,
    "valuation": _valuation,
    "revenue_split": _revenue_split,
    "recognition": _recognition,
    "amortization": _amortization,
    "certificate": _certificate,
}

# Families this runner has no handler for yet, each with the reason. The binding exposes the
# functions; what is missing is the mapping from the vector's canonical input and output.
SKIPPED: dict[str, str] = {
    "posting_government": "no handler yet posting events through one journal",
    "posting_enterprise": "no handler yet posting events through one journal",
}


def _load() -> list[dict[str, Any]]:
    files = sorted(VECTORS.glob("*.json"))
    assert files, f"no vector files in {VECTORS}"
    loaded = []
    for path in files:
        content = json.loads(path.read_text(encoding="utf-8"))
        assert content["family"] == path.stem, f"{path}: family must match the file name"
        loaded.append(content)
    return loaded


FILES = _load()
CASES = [
    pytest.param(f["family"], case, id=f"{f['family']}/{case['name']}")
    for f in FILES
    if f["family"] in HANDLERS
    for case in f["cases"]
]


def _contains(actual: Any, expected: Any, path: str) -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: got {actual!r}, expected an object"
        for key, want in expected.items():
            assert key in actual, f"{path}.{key}: missing from output"
            _contains(actual[key], want, f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: got {actual!r}, expected an array"
        assert len(actual) == len(expected), f"{path}: {len(actual)} elements, expected {len(expected)}"
        for index, (got, want) in enumerate(zip(actual, expected)):
            _contains(got, want, f"{path}[{index}]")
    else:
        assert actual == expected, f"{path}: got {actual!r}, expected {expected!r}"


def test_every_family_known() -> None:
    families = {f["family"] for f in FILES}
    unknown = families - HANDLERS.keys() - SKIPPED.keys()
    assert not unknown, f"vector families with neither a handler nor a skip reason: {unknown}"
    assert not HANDLERS.keys() & SKIPPED.keys(), "a family is both run and skipped"


@pytest.mark.parametrize("family", sorted(SKIPPED))
def test_skipped_family(family: str) -> None:
    pytest.skip(f"{family}: {SKIPPED[family]}")


@pytest.mark.parametrize(("family", "case"), CASES)
def test_vector(family: str, case: dict[str, Any]) -> None:
    handler = HANDLERS[family]
    if "expected_error" in case:
        with pytest.raises(DataAssetError) as caught:
            handler(case["input"])
        assert caught.value.code == case["expected_error"]
    else:
        _contains(handler(case["input"]), case["expected"], "$")
