"""Runs the shared test vectors of tests/vectors/ through the Python binding.

tests/vectors/README.md gives the format. Every case of every family is run and compared with
the same containment rule as the Rust runner (crates/core/tests/vectors.rs). A family without a
handler fails the run, so no vector file is dropped silently.
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
    if op == "working_days_between":
        start = date.fromisoformat(case_input["from"])
        end = date.fromisoformat(case_input["to"])
        return {"days": data_assets.working_days_between(start, end, region)}
    pytest.fail(f"unknown calendar op {op!r}")


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


_Card = data_assets.GovernmentCard | data_assets.EnterpriseCard


def _card(card_kind: str, card: dict[str, Any]) -> _Card:
    # As in the Rust runner, any kind other than "government" is an enterprise card, and the
    # card goes through the JSON parser so that its problems surface as they would in Rust.
    text = json.dumps(card, ensure_ascii=False)
    if card_kind == "government":
        return data_assets.GovernmentCard.from_json(text)
    return data_assets.EnterpriseCard.from_json(text)


def _patched(base: dict[str, Any], changes: dict[str, Any] | None) -> dict[str, Any]:
    # The vector's changes replace whole top-level keys, one level deep.
    return {**base, **(changes or {})}


def _issue_and_verify(case_input: dict[str, Any]) -> dict[str, Any]:
    card_kind = case_input["card_kind"]
    card = _card(card_kind, case_input["card"])
    issued = data_assets.issue_certificate(
        case_input["number"], card, date.fromisoformat(case_input["issued_on"])
    )
    certificate = data_assets.Certificate.from_dict(
        _patched(issued.to_dict(), case_input.get("certificate_changes"))
    )
    presented = _card(card_kind, _patched(case_input["card"], case_input.get("card_changes")))
    data_assets.verify_certificate(certificate, presented)
    return {"verified": True, "number": certificate.to_dict()["number"]}


def _certificate(case_input: dict[str, Any]) -> dict[str, Any]:
    op = case_input["op"]
    if op == "number":
        number = data_assets.certificate_number(
            case_input["region_code"], case_input["year"], case_input["sequence"]
        )
        return {"number": number}
    if op == "check_character":
        return {"check": data_assets.certificate_check_character(case_input["digits"])}
    if op == "parse_number":
        region_code, year, sequence = data_assets.parse_certificate_number(case_input["number"])
        return {"region_code": region_code, "year": year, "sequence": sequence}
    if op == "fingerprint":
        card = _card(case_input["card_kind"], case_input["card"])
        return {"canonical_json": card.canonical_json(), "fingerprint": card.fingerprint()}
    if op == "issue_and_verify":
        return _issue_and_verify(case_input)
    pytest.fail(f"unknown certificate op {op!r}")


def _voucher_lines(lines: list[dict[str, Any]]) -> list[dict[str, str]]:
    # One row per non-zero side of a line, sorted debits first, then by account code, name and
    # amount (compared as a number, as the Rust runner does).
    rows: list[tuple[int, str, str, Decimal]] = []
    for line in lines:
        if line["debit"] != 0:
            rows.append((0, line["account_code"], line["account_name"], line["debit"]))
        if line["credit"] != 0:
            rows.append((1, line["account_code"], line["account_name"], line["credit"]))
    rows.sort()
    return [
        {"cr" if side else "dr": code, "name": name, "amount": str(amount)}
        for side, code, name, amount in rows
    ]


def _posting(case_input: dict[str, Any]) -> dict[str, Any]:
    policy = case_input.get("policy")
    journal = data_assets.Journal(
        case_input["entity_kind"],
        data_assets.Policy.from_dict(policy) if policy is not None else None,
        case_input.get("vat", "not_taxpayer"),
    )
    vouchers = []
    for event in case_input["events"]:
        voucher = journal.post(event)
        assert voucher.is_balanced(), f"voucher {event['id']} does not balance"
        entry = voucher.to_dict()
        vouchers.append(
            {
                "id": entry["id"],
                "financial": _voucher_lines(entry["financial"]),
                "budget": _voucher_lines(entry["budget"]),
            }
        )
    return {"vouchers": vouchers, "posted": len(journal.posted())}


HANDLERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "allocation": _allocation,
    "calendar": _calendar,
    "uscc": _uscc,
    "valuation": _valuation,
    "revenue_split": _revenue_split,
    "recognition": _recognition,
    "amortization": _amortization,
    "certificate": _certificate,
    "posting_government": _posting,
    "posting_enterprise": _posting,
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
    unknown = families - HANDLERS.keys()
    assert not unknown, f"vector families without a handler: {unknown}"


@pytest.mark.parametrize(("family", "case"), CASES)
def test_vector(family: str, case: dict[str, Any]) -> None:
    handler = HANDLERS.get(family)
    assert handler is not None, f"no handler for family {family}"
    assert ("expected" in case) != ("expected_error" in case), (
        "a case has exactly one of expected and expected_error"
    )
    if "expected_error" in case:
        with pytest.raises(DataAssetError) as caught:
            handler(case["input"])
        assert caught.value.code == case["expected_error"]
    else:
        _contains(handler(case["input"]), case["expected"], "$")
