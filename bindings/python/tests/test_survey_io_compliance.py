"""The Guilin catalog survey, file errors and the risk rules."""

import pickle
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import data_assets

CATALOG = Path(__file__).parents[3] / "crates/io/data/guilin-open-data-catalog-2024.csv"


def test_read_guilin_catalog_and_summarize() -> None:
    resources = data_assets.read_catalog(CATALOG)
    assert len(resources) == 150
    summary, assessments = data_assets.summarize(resources, date(2025, 6, 30))
    assert summary.resources == 150
    assert len(assessments) == 150
    assert summary.by_open_type["unconditional"] + summary.by_open_type["conditional"] == 150
    assert sum(d["resources"] for d in summary.by_department.values()) == 150
    assert pickle.loads(pickle.dumps(resources[0])) == resources[0]


def test_assess_and_readiness() -> None:
    resource = data_assets.read_catalog(CATALOG)[0]
    assessment = data_assets.assess(resource, date(2025, 6, 30))
    assert assessment.to_dict()
    readiness = data_assets.readiness(resource)
    assert readiness.to_dict()


def test_catalog_errors_listed_together(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "seq,dataset_name,department,published_date,updated_date,open_type,record_count,"
        "update_frequency,formats,has_api,description\n"
        "1,a,b,not-a-date,2023-03-04,无条件开放,1,每天,csv,N,x\n"
        "2,a,b,2021-01-01,2023-03-04,无条件开放,-1,每天,csv,N,x\n",
        encoding="utf-8",
    )
    with pytest.raises(data_assets.IoError) as caught:
        data_assets.read_catalog(bad)
    assert len(caught.value.errors) >= 2
    assert caught.value.code == caught.value.errors[0]["code"]


def test_missing_file() -> None:
    with pytest.raises(data_assets.IoError) as caught:
        data_assets.read_catalog("/nonexistent/catalog.csv")
    assert caught.value.code.startswith("io.")


def test_government_pledge_is_blocked() -> None:
    violations = data_assets.check(
        {
            "financings": [
                {
                    "financing_id": "F-1",
                    "kind": "pledge",
                    "pledgor_id": "city-water-bureau",
                    "pledgor_kind": "administrative_unit",
                    "asset_id": "A-1",
                    "appraised_value": Decimal("1000000"),
                    "pledge_amount": Decimal("300000"),
                }
            ]
        }
    )
    assert violations[0].code == "compliance.government_asset_pledge"
    assert data_assets.has_block(violations)
    assert not data_assets.has_block([])


def test_ledger_entry_view() -> None:
    view = data_assets.ledger_entry_view(
        data_assets.DataAsset.example(), "administrative_unit", False
    )
    violations = data_assets.check(data_assets.ComplianceInput(ledger=[view]))
    assert any(v.code == "compliance.important_data_without_assessment" for v in violations)
