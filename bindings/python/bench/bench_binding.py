"""Time the data_assets binding against plain Python and the chinese-calendar package.

Batch money rules (schedules, allocation, revenue split) run through the binding and through
reference.py, which implements the same rules with ``decimal``. The working-day functions run
through the binding and through ``chinese_calendar``. Before anything is timed, each pair must
give identical results (amounts compared as text, so 1.00 and 1 differ), and the script exits
with status 1 if any pair disagrees.

Run from the repository root, after ``scripts/test-python`` has built the binding into .venv:

    .venv/bin/pip install -r bindings/python/bench/requirements.txt
    .venv/bin/python bindings/python/bench/bench_binding.py

The output is a Markdown table. Times are the minimum and the median of ``--repeat`` runs of the
whole workload, and the ratio is the other implementation's median over the binding's median,
so a ratio above 1 means the binding is faster. This script is not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from importlib import metadata
from pathlib import Path
from typing import Any

import chinese_calendar

import data_assets

sys.path.insert(0, str(Path(__file__).resolve().parent))
import reference  # noqa: E402

# 2025 and 2026 are the years whose holiday schedules both the binding and chinese-calendar
# 1.11.0 contain.
FIRST_DAY = date(2025, 1, 1)
LAST_DAY = date(2026, 12, 31)
QUARTER_ENDS = [
    date(2025, 3, 31),
    date(2025, 6, 30),
    date(2025, 9, 30),
    date(2025, 12, 31),
    date(2026, 3, 31),
    date(2026, 6, 30),
    date(2026, 9, 30),
]
DEADLINE_WORKING_DAYS = 10


@dataclass
class Row:
    """One timed comparison: the binding's call against another implementation's."""

    task: str
    binding: str
    other: str
    binding_times: list[float]
    other_times: list[float]


def time_runs(function: Callable[[], object], repeat: int) -> list[float]:
    """Run ``function`` ``repeat`` times and return each run's wall time in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return times


def require_equal(task: str, binding: Sequence[Any], other: Sequence[Any]) -> None:
    """Exit with status 1 unless both implementations gave the same results for ``task``."""
    if len(binding) != len(other):
        sys.exit(f"{task}: binding gave {len(binding)} results, the other {len(other)}")
    for index, (got, want) in enumerate(zip(binding, other, strict=True)):
        if got != want:
            sys.exit(f"{task}: result {index} differs: binding {got!r}, other {want!r}")


# Workloads --------------------------------------------------------------------------------------


def make_costs(count: int, generator: random.Random) -> list[Decimal]:
    # Costs from 1,000.00 to 5,000,000.00 yuan with random fen, like purchased datasets.
    return [Decimal(generator.randint(100_000, 500_000_000)).scaleb(-2) for _ in range(count)]


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


def nth_working_day_after(day: date, n: int) -> date:
    """Return the ``n``th working day after ``day`` with chinese-calendar.

    ``find_workday(k, d)`` starts from the first working day on or after ``d`` and moves ``k``
    working days on, so starting from the next day with ``k = n - 1`` counts the days after
    ``day`` whether or not ``day`` itself is a working day.
    """
    return chinese_calendar.find_workday(n - 1, day + timedelta(days=1))  # type: ignore[no-any-return]


# Comparisons ------------------------------------------------------------------------------------


def schedule_batch(count: int) -> tuple[list[Decimal], list[int], list[date]]:
    """Return the batch of the criterion benchmark ``schedule_batch_2000``, row for row.

    crates/core/benches/main_job.rs builds the same costs, lives and start dates with the same
    arithmetic, so the binding's time can be set against the Rust time for the same work.
    """
    lives = [24, 36, 60, 120]
    costs = [Decimal(100_000 + (i * 2_654_435_761) % 499_900_001).scaleb(-2) for i in range(count)]
    months = [lives[i % 4] for i in range(count)]
    starts = [date(2025, i % 12 + 1, i % 28 + 1) for i in range(count)]
    return costs, months, starts


def bench_schedules(assets: int, repeat: int) -> list[Row]:
    costs, months, starts = schedule_batch(assets)

    def binding_table() -> data_assets.ScheduleTable:
        return data_assets.schedule_table(costs, months, starts)

    def binding_batch() -> list[list[data_assets.AmortizationPeriod]]:
        return data_assets.straight_line_schedules(costs, months, starts)

    def binding_per_call() -> list[list[data_assets.AmortizationPeriod]]:
        return [
            data_assets.straight_line_schedule(cost, life, start)
            for cost, life, start in zip(costs, months, starts, strict=True)
        ]

    def plain() -> list[list[reference.Period]]:
        return [
            reference.straight_line_schedule(cost, life, start)
            for cost, life, start in zip(costs, months, starts, strict=True)
        ]

    def binding_rows(schedules: list[list[data_assets.AmortizationPeriod]]) -> list[tuple[str, ...]]:
        rows: list[tuple[str, ...]] = []
        for periods in schedules:
            for period in periods:
                entry = period.to_dict()
                rows.append(
                    (
                        entry["period"].isoformat(),
                        str(entry["amount"]),
                        str(entry["accumulated"]),
                        str(entry["carrying_amount"]),
                    )
                )
        return rows

    def plain_rows(schedules: list[list[reference.Period]]) -> list[tuple[str, ...]]:
        return [
            (p.period.isoformat(), str(p.amount), str(p.accumulated), str(p.carrying_amount))
            for periods in schedules
            for p in periods
        ]

    def table_columns(table: data_assets.ScheduleTable) -> list[tuple[int, ...]]:
        columns = (table.amounts_fen(), table.accumulated_fen(), table.carrying_amounts_fen())
        return list(zip(*columns, strict=True))

    def plain_columns(schedules: list[list[reference.Period]]) -> list[tuple[int, ...]]:
        return [
            (int(p.amount * 100), int(p.accumulated * 100), int(p.carrying_amount * 100))
            for periods in schedules
            for p in periods
        ]

    task = f"straight-line schedules, {assets:,} assets ({sum(months):,} months)"
    expected = plain()
    require_equal(task, binding_rows(binding_table().to_lists()), plain_rows(expected))
    require_equal(task, table_columns(binding_table()), plain_columns(expected))
    require_equal(task, binding_rows(binding_batch()), plain_rows(expected))
    require_equal(task, binding_rows(binding_per_call()), plain_rows(expected))
    plain_times = time_runs(plain, repeat)
    return [
        Row(task, "schedule_table", "reference.py", time_runs(binding_table, repeat), plain_times),
        Row(task, "straight_line_schedules", "reference.py",
            time_runs(binding_batch, repeat), plain_times),
        Row(task, "straight_line_schedule per asset", "reference.py",
            time_runs(binding_per_call, repeat), plain_times),
    ]


def bench_allocation(totals_count: int, repeat: int, generator: random.Random) -> list[Row]:
    totals = make_costs(totals_count, generator)
    weights = [Decimal("0.35"), Decimal("0.25"), Decimal("0.2"), Decimal("0.15"), Decimal("0.05")]

    def binding_batch() -> list[list[Decimal]]:
        return data_assets.allocate_many(totals, weights)

    def binding_per_call() -> list[list[Decimal]]:
        return [data_assets.allocate(total, weights) for total in totals]

    def plain() -> list[list[Decimal]]:
        return [reference.allocate(total, weights) for total in totals]

    def as_text(rows: list[list[Decimal]]) -> list[list[str]]:
        return [[str(share) for share in row] for row in rows]

    task = f"allocation, {totals_count:,} totals over {len(weights)} weights"
    require_equal(task, as_text(binding_batch()), as_text(plain()))
    require_equal(task, as_text(binding_per_call()), as_text(plain()))
    plain_times = time_runs(plain, repeat)
    return [
        Row(task, "allocate_many", "reference.py", time_runs(binding_batch, repeat), plain_times),
        Row(task, "allocate per total", "reference.py",
            time_runs(binding_per_call, repeat), plain_times),
    ]


def bench_revenue_split(receipts: int, repeat: int, generator: random.Random) -> list[Row]:
    grosses = make_costs(receipts, generator)
    rate = Decimal("0.06")
    parties = [
        ("大数据发展局", "administrative_unit", Decimal("0.5")),
        ("数据运营公司", "state_owned_enterprise", Decimal("0.3")),
        ("技术服务公司", "soe_subsidiary", Decimal("0.2")),
    ]
    rule = {
        "kind": "agreement",
        "parties": [
            {"party": {"name": name, "kind": kind}, "ratio": ratio} for name, kind, ratio in parties
        ],
    }

    def binding_batch() -> list[data_assets.SplitOutcome]:
        return data_assets.split_receipts(grosses, rate, rule)

    def binding_per_call() -> list[data_assets.SplitOutcome]:
        return [data_assets.split_receipt(gross, rate, rule) for gross in grosses]

    def plain() -> list[reference.Split]:
        return [reference.split_receipt(gross, rate, parties) for gross in grosses]

    def binding_rows(outcomes: list[data_assets.SplitOutcome]) -> list[tuple[str, ...]]:
        rows = []
        for outcome in outcomes:
            entry = outcome.to_dict()
            row = [str(entry["vat"]["gross"]), str(entry["vat"]["net"]), str(entry["vat"]["vat"])]
            for share in entry["shares"]:
                row += [share["party"]["name"], str(share["amount"]), share["routing"]]
            rows.append(tuple(row))
        return rows

    def plain_rows(splits: list[reference.Split]) -> list[tuple[str, ...]]:
        rows = []
        for split in splits:
            row = [str(split.gross), str(split.net), str(split.vat)]
            for share in split.shares:
                row += [share.name, str(share.amount), share.routing]
            rows.append(tuple(row))
        return rows

    task = f"revenue split, {receipts:,} receipts among {len(parties)} parties"
    require_equal(task, binding_rows(binding_batch()), plain_rows(plain()))
    require_equal(task, binding_rows(binding_per_call()), plain_rows(plain()))
    plain_times = time_runs(plain, repeat)
    return [
        Row(task, "split_receipts", "reference.py", time_runs(binding_batch, repeat), plain_times),
        Row(task, "split_receipt per receipt", "reference.py",
            time_runs(binding_per_call, repeat), plain_times),
    ]


def bench_working_days(rounds: int, repeat: int) -> list[Row]:
    days = every_day(FIRST_DAY, LAST_DAY) * rounds
    # Every start date of 2025, so that the tenth working day after it stays inside 2026.
    starts = every_day(FIRST_DAY, date(2025, 12, 31)) * rounds
    # chinese_calendar.get_workdays walks the range a day at a time (about 8 ms per one-year
    # range on the machine in docs/benchmarks.md), so the range workload uses each start date
    # of 2025 once, whatever ``rounds`` is.
    range_starts = every_day(FIRST_DAY, date(2025, 12, 31))
    ends = [start + timedelta(days=365) for start in range_starts]
    quarter_ends = QUARTER_ENDS * (rounds * 50)
    calendar = data_assets.Calendar()

    def is_working_module() -> list[bool]:
        return [data_assets.is_working_day(day) for day in days]

    def is_working_method() -> list[bool]:
        return [calendar.is_working_day(day) for day in days]

    def is_working_package() -> list[bool]:
        return [chinese_calendar.is_workday(day) for day in days]

    def add_module() -> list[date]:
        return [data_assets.add_working_days(day, DEADLINE_WORKING_DAYS) for day in starts]

    def add_method() -> list[date]:
        return [calendar.add_working_days(day, DEADLINE_WORKING_DAYS) for day in starts]

    def add_package() -> list[date]:
        return [nth_working_day_after(day, DEADLINE_WORKING_DAYS) for day in starts]

    def deadline_module() -> list[date]:
        return [
            data_assets.quarterly_report_deadline(end.year, (end.month - 1) // 3 + 1)
            for end in quarter_ends
        ]

    def deadline_method() -> list[date]:
        return [
            calendar.quarterly_report_deadline(end.year, (end.month - 1) // 3 + 1)
            for end in quarter_ends
        ]

    def deadline_package() -> list[date]:
        return [nth_working_day_after(end, DEADLINE_WORKING_DAYS) for end in quarter_ends]

    def between_module() -> list[int]:
        return [
            data_assets.working_days_between(start, end)
            for start, end in zip(range_starts, ends, strict=True)
        ]

    def between_method() -> list[int]:
        return [
            calendar.working_days_between(start, end)
            for start, end in zip(range_starts, ends, strict=True)
        ]

    def between_package() -> list[int]:
        # get_workdays counts both ends, but working_days_between counts the days after start.
        return [
            len(chinese_calendar.get_workdays(start + timedelta(days=1), end))
            for start, end in zip(range_starts, ends, strict=True)
        ]

    Calls = list[tuple[str, Callable[[], Sequence[Any]]]]
    cases: list[tuple[str, Calls, str, Callable[[], Sequence[Any]]]] = [
        (
            f"is_working_day, {len(days):,} dates",
            [("is_working_day", is_working_module), ("Calendar.is_working_day", is_working_method)],
            "chinese_calendar.is_workday",
            is_working_package,
        ),
        (
            f"add 10 working days, {len(starts):,} dates",
            [("add_working_days", add_module), ("Calendar.add_working_days", add_method)],
            "chinese_calendar.find_workday",
            add_package,
        ),
        (
            f"quarterly deadline, {len(quarter_ends):,} quarters",
            [
                ("quarterly_report_deadline", deadline_module),
                ("Calendar.quarterly_report_deadline", deadline_method),
            ],
            "chinese_calendar.find_workday",
            deadline_package,
        ),
        (
            f"working days in one year, {len(range_starts):,} ranges",
            [
                ("working_days_between", between_module),
                ("Calendar.working_days_between", between_method),
            ],
            "chinese_calendar.get_workdays",
            between_package,
        ),
    ]
    rows = []
    for task, binding_calls, other_name, other_call in cases:
        expected = other_call()
        for _, binding_call in binding_calls:
            require_equal(task, binding_call(), expected)
        other_times = time_runs(other_call, repeat)
        for binding_name, binding_call in binding_calls:
            rows.append(
                Row(task, binding_name, other_name, time_runs(binding_call, repeat), other_times)
            )
    return rows


# Report -----------------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def milliseconds(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms"


def print_report(rows: list[Row], repeat: int) -> None:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"- CPU: {cpu_model()}, {os.cpu_count()} logical CPUs; load average {load:.1f} at start")
    print(f"- Python {platform.python_version()} ({platform.python_implementation()})")
    print(f"- data-assets {data_assets.__version__}, chinese-calendar "
          f"{metadata.version('chinese-calendar')}")
    print(f"- {repeat} runs of each workload; times are min / median of the whole workload")
    print()
    print("| workload | binding call | binding min / median | other | other min / median "
          "| ratio (other / binding) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for row in rows:
        binding_median = statistics.median(row.binding_times)
        other_median = statistics.median(row.other_times)
        print(
            f"| {row.task} | `{row.binding}` | {milliseconds(min(row.binding_times))} / "
            f"{milliseconds(binding_median)} | `{row.other}` | "
            f"{milliseconds(min(row.other_times))} / {milliseconds(other_median)} | "
            f"{other_median / binding_median:.1f} |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, default=2_000,
                        help="number of assets whose schedules are built (default 2000)")
    parser.add_argument("--totals", type=int, default=20_000,
                        help="number of totals allocated and receipts split (default 20000)")
    parser.add_argument("--calendar-rounds", type=int, default=10,
                        help="how many times each calendar workload repeats its dates "
                             "(default 10)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed runs of each workload (default 5)")
    parser.add_argument("--seed", type=int, default=20250101,
                        help="seed of the generated totals and receipts (default 20250101)")
    arguments = parser.parse_args()

    generator = random.Random(arguments.seed)
    rows = [
        *bench_schedules(arguments.assets, arguments.repeat),
        *bench_allocation(arguments.totals, arguments.repeat, generator),
        *bench_revenue_split(arguments.totals, arguments.repeat, generator),
        *bench_working_days(arguments.calendar_rounds, arguments.repeat),
    ]
    print_report(rows, arguments.repeat)


if __name__ == "__main__":
    main()
