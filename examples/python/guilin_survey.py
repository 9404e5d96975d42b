"""Notebook-style walk through the Guilin open data catalog and a small ledger.

Each block below is one notebook cell: read the catalog survey, look at its quality, keep a
ledger of booked assets, amortize them, split a licence receipt, and print a summary table.
Run with ``python examples/python/guilin_survey.py`` after ``maturin develop`` or
``pip install ./bindings/python``.
"""

from __future__ import annotations

import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import data_assets

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "crates" / "io" / "data" / "guilin-open-data-catalog-2024.csv"
AS_OF = date(2025, 6, 30)


def survey_cell() -> list[data_assets.DataResource]:
    """Read the 2024 catalog (150 datasets) and print what the survey found."""
    resources = data_assets.read_catalog(CATALOG)
    summary, _ = data_assets.summarize(resources, AS_OF)
    print(f"catalog: {summary.resources} datasets, {summary.records:,} records")
    print(f"open unconditionally: {summary.by_open_type.get('unconditional', 0)}")
    departments = sorted(
        summary.by_department.items(), key=lambda item: item[1]["resources"], reverse=True
    )
    for name, counts in departments[:3]:
        print(f"  {name}: {counts['resources']} datasets")
    return resources


def ledger_cell(folder: Path) -> data_assets.Register:
    """Save a two-asset ledger workbook, read it back, and keep its assets in a register."""
    template = data_assets.DataAsset.example().to_dict()
    unit_uscc = "12450300000000035A"
    assets: list[dict[str, Any]] = []
    for asset_id, name, cost in [
        ("GL-2025-001", "不动产登记数据", Decimal("500000.00")),
        ("GL-2025-002", "公积金缴存数据", Decimal("4800.00")),
    ]:
        holder = {"uscc": unit_uscc, "name": "桂林市大数据发展中心"}
        assets.append({**template, "id": asset_id, "name": name, "cost": cost, "holder": holder})
    unit = {
        "name": "桂林市大数据发展中心",
        "uscc": unit_uscc,
        "kind": "public_institution",
        "region_code": "450300",
        "vat_status": "not_taxpayer",
        "note": "",
    }
    workbook = folder / "ledger.xlsx"
    data_assets.write_ledger({"unit": unit, "assets": assets}, workbook)
    ledger = data_assets.read_ledger(workbook)

    register = data_assets.Register()
    meta = {"actor": "财务科", "at": "2025-04-01T09:00:00", "reason": "首次入账"}
    for asset in ledger.assets:
        register.add(asset, meta)
    register.verify()
    return register


def schedule_cell(register: data_assets.Register) -> dict[str, list[data_assets.AmortizationPeriod]]:
    """Amortize every booked asset straight line over ten years from April 2025."""
    schedules: dict[str, list[data_assets.AmortizationPeriod]] = {}
    for asset in register.active():
        cost: Decimal = asset.cost
        schedules[asset.id] = data_assets.straight_line_schedule(cost, 120, date(2025, 4, 1))
    return schedules


def split_cell() -> list[Decimal]:
    """Split a licence receipt of 10,600.00 (6% VAT) between the unit (70%) and the operator."""
    rule = {
        "kind": "agreement",
        "parties": [
            {"party": {"name": "大数据局", "kind": "administrative_unit"}, "ratio": Decimal("0.7")},
            {"party": {"name": "运营公司", "kind": "state_owned_enterprise"}, "ratio": Decimal("0.3")},
        ],
    }
    outcome = data_assets.split_receipt(Decimal("10600.00"), Decimal("0.06"), rule)
    return [share["amount"] for share in outcome.shares]


def summary_cell(
    register: data_assets.Register,
    schedules: dict[str, list[data_assets.AmortizationPeriod]],
    split: list[Decimal],
) -> None:
    """Print one row per asset: cost, first and last month, and the 2025 charge."""
    header = f"{'asset':<14}{'cost':>14}{'monthly':>12}{'last':>12}{'2025':>12}"
    print(header)
    print("-" * len(header))
    for asset in register.active():
        periods = schedules[asset.id]
        in_2025 = sum((p.amount for p in periods if p.period.year == 2025), Decimal("0"))
        print(
            f"{asset.id:<14}{asset.cost:>14,.2f}{periods[0].amount:>12,.2f}"
            f"{periods[-1].amount:>12,.2f}{in_2025:>12,.2f}"
        )
    print(f"receipt 10,600.00 net of VAT: unit {split[0]:,.2f}, operator {split[1]:,.2f}")
    deadline = data_assets.quarterly_report_deadline(AS_OF.year, 2)
    print(f"Q2 progress report due: {deadline.isoformat()}")


def main() -> None:
    """Run the cells in order."""
    survey_cell()
    with tempfile.TemporaryDirectory() as folder:
        register = ledger_cell(Path(folder))
    schedules = schedule_cell(register)
    summary_cell(register, schedules, split_cell())


if __name__ == "__main__":
    main()
