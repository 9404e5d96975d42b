"""Notebook-style walk through the Guilin open data catalog and a small ledger.

Each block below is one notebook cell: read the catalog survey, look at its quality, keep a
ledger of booked assets, amortize them, split a licence receipt, and print a summary table.
Run with ``python examples/python/guilin_survey.py`` after ``maturin develop`` or
``pip install ./bindings/python``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

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


def ledger_cell() -> data_assets.Register:
    """Keep a ledger of two booked assets with an append-only history."""
    register = data_assets.Register()
    meta = {"actor": "财务科", "at": "2025-04-01T09:00:00", "reason": "首次入账"}
    template = data_assets.DataAsset.example().to_dict()
    for asset_id, name, cost in [
        ("GL-2025-001", "不动产登记数据", Decimal("500000.00")),
        ("GL-2025-002", "公积金缴存数据", Decimal("4800.00")),
    ]:
        register.add({**template, "id": asset_id, "name": name, "cost": cost}, meta)
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
    """Split a licence receipt of 10,000.00 between the unit (70%) and the operator (30%)."""
    return data_assets.allocate(Decimal("10000.00"), [Decimal("0.7"), Decimal("0.3")])


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
            f"{asset.id:<14}{asset.cost:>14,}{periods[0].amount:>12,}"
            f"{periods[-1].amount:>12,}{in_2025:>12,}"
        )
    print(f"receipt 10,000.00 split: unit {split[0]:,}, operator {split[1]:,}")
    deadline = data_assets.quarterly_report_deadline(AS_OF.year, 2)
    print(f"Q2 progress report due: {deadline.isoformat()}")


def main() -> None:
    """Run the cells in order."""
    survey_cell()
    register = ledger_cell()
    schedules = schedule_cell(register)
    summary_cell(register, schedules, split_cell())


if __name__ == "__main__":
    main()
