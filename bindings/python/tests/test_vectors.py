"""Runs the shared test vectors of tests/vectors/ through the Python binding.

tests/vectors/README.md gives the format. A family this runner expresses is run case by case
and compared with the same containment rule as the Rust runner. A family the binding cannot
express yet is listed in SKIPPED with the reason, and a family in neither table fails, so no
vector file is dropped silently.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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


HANDLERS: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "allocation": _allocation,
}

# Families the Python binding cannot express yet, each with the reason.
SKIPPED: dict[str, str] = {
    "amortization": "the binding exposes no amortization schedule function",
    "posting_government": "the binding exposes no journal or event posting",
    "posting_enterprise": "the binding exposes no journal or event posting",
    "recognition": "the binding exposes no recognition function",
    "certificate": "the binding exposes no certificate numbers, fingerprints or verification",
    "revenue_split": "the binding exposes no revenue split",
    "valuation": "the binding exposes no valuation approaches",
    "calendar": "the binding exposes no working-day calendar",
    "uscc": "the binding exposes no credit-code validation",
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
