"""Whole-process management of data assets (数据资产全过程管理) from Python.

Money crosses as ``decimal.Decimal`` and dates as ``datetime.date``; a float passed where money
is expected raises ``MoneyError`` with code ``money.float_rejected``. Every error is a
``DataAssetError`` (a ``ValueError``) with ``code``, ``field``, ``value`` and ``allowed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from data_assets import _native
# The extension module lists its public names in its own __all__, which this package re-exports.
from data_assets._native import *  # noqa: F403

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    *_native.__all__,
    "allocate_many",
    "from_pandas",
    "split_receipts",
    "schedule_table",
    "straight_line_schedules",
    "to_pandas",
]

_Value = TypeVar("_Value", covariant=True)


class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


class _FromDict(Protocol[_Value]):
    def from_dict(self, data: Any, /) -> _Value: ...


def _is_pandas(value: object) -> bool:
    # Checking the class's module avoids importing pandas when the caller does not use it.
    return type(value).__module__.split(".")[0] == "pandas"


def allocate_many(
    totals: Iterable[Decimal | int] | pd.Series[Any],
    weights: Sequence[Decimal | int],
    *,
    columns: Sequence[str] | None = None,
) -> Any:
    """Split each total over the same weights exactly to the fen.

    ``totals`` is an iterable of ``Decimal`` (or ``int``), or a pandas Series. A list input returns
    one list of shares per total. A Series returns a DataFrame with the Series' index and one
    ``object`` column of ``Decimal`` per weight, named by ``columns`` (default ``share_0``,
    ``share_1``, ...). An error names the failing row as ``totals[i]`` (its position).
    """
    if not _is_pandas(totals):
        return _native.allocate_many(totals, weights)

    import pandas as pd

    series: pd.Series[Any] = totals  # type: ignore[assignment]
    rows = _native.allocate_many(series.tolist(), weights)
    names = list(columns) if columns is not None else [f"share_{i}" for i in range(len(weights))]
    if len(names) != len(weights):
        error = _native.ConversionError(
            f"columns has {len(names)} names but weights has {len(weights)} entries"
        )
        error.code = "convert.column_count"
        error.field = "columns"
        error.value = str(names)
        error.allowed = f"{len(weights)} column names, one per weight"
        raise error
    return pd.DataFrame(rows, index=series.index, columns=names, dtype=object)


def straight_line_schedules(
    costs: Iterable[Decimal | int] | pd.Series[Any],
    months: int | Iterable[int] | pd.Series[Any],
    starts: date | Iterable[date] | pd.Series[Any],
) -> Any:
    """Build one straight-line schedule per cost.

    ``months`` and ``starts`` are either one value for every cost or one value per cost. A list
    of costs returns one list of ``AmortizationPeriod`` per cost. A pandas Series of costs
    returns a long DataFrame with one row per month: the Series' index label in ``key``, then
    ``period``, ``amount``, ``accumulated`` and ``carrying_amount`` (``Decimal`` and ``date``
    in ``object`` columns). An error names the failing row as ``rows[i]`` (its position).
    """
    cost_list, month_list, start_list = _batch_rows(costs, months, starts)
    rows = _native.straight_line_schedules(cost_list, month_list, start_list)
    if not _is_pandas(costs):
        return rows

    import pandas as pd

    series: pd.Series[Any] = costs  # type: ignore[assignment]
    records = [
        {"key": key, **period.to_dict()}
        for key, periods in zip(series.index, rows, strict=True)
        for period in periods
    ]
    columns = ["key", "period", "amount", "accumulated", "carrying_amount"]
    return pd.DataFrame(records, columns=columns, dtype=object)


def schedule_table(
    costs: Iterable[Decimal | int],
    months: int | Iterable[int],
    starts: date | Iterable[date],
) -> _native.ScheduleTable:
    """Build one straight-line schedule per cost into a ``ScheduleTable`` kept in Rust.

    The arguments and errors are those of ``straight_line_schedules``: ``months`` and ``starts``
    are one value for every cost or one value per cost. The table makes no Python object per
    month until asked, and gives the amount columns as ``array.array('q')`` of whole fen.
    """
    return _native.schedule_table(*_batch_rows(costs, months, starts))


def _batch_rows(
    costs: Iterable[Decimal | int] | pd.Series[Any],
    months: int | Iterable[int] | pd.Series[Any],
    starts: date | Iterable[date] | pd.Series[Any],
) -> tuple[list[Any], Any, Any]:
    # One month count or start date applies to every cost. Lists pass through unchanged, so the
    # extension checks each item's type and names it months[i] or starts[i].
    cost_list = list(costs)
    count = len(cost_list)
    month_list = [months] * count if isinstance(months, int) else months
    start_list = [starts] * count if isinstance(starts, date) else starts
    return cost_list, month_list, start_list


def split_receipts(
    grosses: Iterable[Decimal | int] | pd.Series[Any],
    rate: Decimal | int,
    rule: Any,
    policy: Any = None,
) -> Any:
    """Split each receipt with the same VAT rate and rule.

    A list returns one ``SplitOutcome`` per receipt. A pandas Series returns a DataFrame with
    the Series' index and the columns ``gross``, ``net``, ``vat`` and one column per party (its
    name), all ``Decimal``. An error names the failing row as ``rows[i]`` (its position).
    """
    outcomes = _native.split_receipts(list(grosses), rate, rule, policy)
    if not _is_pandas(grosses):
        return outcomes

    import pandas as pd

    series: pd.Series[Any] = grosses  # type: ignore[assignment]
    records = []
    for outcome in outcomes:
        vat = outcome.vat
        record = {"gross": vat["gross"], "net": vat["net"], "vat": vat["vat"]}
        record.update({share["party"]["name"]: share["amount"] for share in outcome.shares})
        records.append(record)
    return pd.DataFrame(records, index=series.index, dtype=object)


def to_pandas(values: Iterable[_ToDict]) -> pd.DataFrame:
    """Build a DataFrame with one row per value and one column per field of its dict form.

    Decimal and date fields stay ``Decimal`` and ``date`` in ``object`` columns, so sums stay
    exact. Requires pandas.
    """
    import pandas as pd

    rows = []
    for position, value in enumerate(values):
        if not callable(getattr(value, "to_dict", None)):
            raise TypeError(
                f"to_pandas expects data_assets values with to_dict(), "
                f"got {type(value).__name__} at position {position}"
            )
        rows.append(value.to_dict())
    return pd.DataFrame(rows, dtype=object)


def from_pandas(value_type: _FromDict[_Value], frame: pd.DataFrame) -> list[_Value]:
    """Build one value per row of ``frame`` with ``value_type.from_dict``.

    A missing cell (None, NaN, NA or NaT) leaves its field out of the row's dict, so the field
    takes its default where the type has one. An error names the field but not the row.
    """
    import pandas as pd

    if not callable(getattr(value_type, "from_dict", None)):
        raise TypeError(
            f"from_pandas expects a data_assets type with from_dict(), got {value_type!r}"
        )
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"from_pandas expects a pandas.DataFrame, got {type(frame).__name__}")
    values = []
    for position, row in enumerate(frame.to_dict("records")):
        present = {
            str(key): cell
            for key, cell in row.items()
            if not (pd.api.types.is_scalar(cell) and pd.isna(cell))
        }
        try:
            values.append(value_type.from_dict(present))
        except _native.DataAssetError as error:
            # Name the row by its position, which stays unique whatever the frame's index is.
            error.field = f"rows[{position}].{error.field}" if error.field else f"rows[{position}]"
            raise
    return values
