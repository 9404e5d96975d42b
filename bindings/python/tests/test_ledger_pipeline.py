"""Ledger files in their three forms and the whole pipeline on a small ledger."""

import pickle
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import data_assets

UNIT_USCC = "12450300000000035A"


def ledger_fields() -> dict[str, Any]:
    asset = data_assets.DataAsset.example().to_dict()
    asset.update(
        {
            "id": "A1",
            "holder": {"uscc": UNIT_USCC, "name": "桂林市大数据发展中心"},
            "acquisition_route": "purchased",
            "booking_status": "intangible_asset",
            "cost": Decimal("12000.00"),
            "ready_date": date(2025, 1, 10),
            "useful_life_months": 60,
        }
    )
    return {
        "unit": {
            "name": "桂林市大数据发展中心",
            "uscc": UNIT_USCC,
            "kind": "public_institution",
            "region_code": "450300",
            "vat_status": "not_taxpayer",
            "note": "",
        },
        "assets": [asset],
        "events": [
            {
                "id": "E1",
                "asset_id": "A1",
                "date": date(2025, 1, 10),
                "type": "purchase",
                "cost": Decimal("12000.00"),
                "funding": "direct_treasury",
            }
        ],
        "receipts": [
            {
                "id": "R1",
                "date": date(2025, 6, 30),
                "asset_id": "A1",
                "gross": Decimal("1060.00"),
                "vat_status": "general",
                "parties": [
                    {"party": {"name": "大数据局", "kind": "administrative_unit"}, "ratio": Decimal("0.7")},
                    {"party": {"name": "运营公司", "kind": "state_owned_enterprise"}, "ratio": Decimal("0.3")},
                ],
            }
        ],
    }


@pytest.mark.parametrize("name", ["ledger.xlsx", "ledger.json", "csv"])
def test_ledger_round_trip(tmp_path: Path, name: str) -> None:
    ledger = data_assets.Ledger.from_dict(ledger_fields())
    path = tmp_path / name
    if name == "csv":
        path.mkdir()
    data_assets.write_ledger(ledger, path)
    assert data_assets.read_ledger(path) == ledger


def test_ledger_value_type() -> None:
    ledger = data_assets.Ledger.from_dict(ledger_fields())
    assert pickle.loads(pickle.dumps(ledger)) == ledger
    assert ledger.unit["uscc"] == UNIT_USCC


def test_invalid_ledger_lists_problems(tmp_path: Path) -> None:
    fields = ledger_fields()
    fields["events"][0]["asset_id"] = "missing"
    fields["receipts"][0]["asset_id"] = "missing"
    path = tmp_path / "bad.json"
    data_assets.write_ledger(fields, path)
    with pytest.raises(data_assets.DataAssetError) as caught:
        data_assets.read_ledger(path)
    assert len(caught.value.errors) >= 2


def test_run_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    data_assets.write_ledger(ledger_fields(), path)
    result = data_assets.run_pipeline(path, date(2025, 6, 30))
    # 12,000.00 over 60 months is 200.00 a month, January to June under the same-month rule.
    assert result["amortization"][0]["months"] == 6
    assert result["amortization"][0]["amount"] == Decimal("1200.00")
    # 1,060.00 at 6%: VAT 60.00, then 700.00 and 300.00 of the net 1,000.00.
    outcome = result["splits"][0]["outcome"]
    assert outcome["vat"]["vat"] == Decimal("60.00")
    assert [share["amount"] for share in outcome["shares"]] == [Decimal("700.00"), Decimal("300.00")]
    assert result["as_of"] == date(2025, 6, 30)
    voucher = next(v for v in result["vouchers"] if v["id"] == "E1")
    assert [line["account_code"] for line in voucher["budget"]] == ["7201", "6001"]


def test_missing_ledger_file() -> None:
    with pytest.raises(data_assets.IoError) as caught:
        data_assets.run_pipeline("/nonexistent/ledger.xlsx", date(2025, 6, 30))
    assert caught.value.code.startswith("io.")
