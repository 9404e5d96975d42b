"""Whole-process management of data assets (数据资产全过程管理) from Python.

Money crosses as ``decimal.Decimal`` and dates as ``datetime.date``; a float passed where money
is expected raises ``MoneyError`` with code ``money.float_rejected``. Every error is a
``DataAssetError`` (a ``ValueError``) with ``code``, ``field``, ``value`` and ``allowed``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from data_assets import _native
# The extension module lists its public names in its own __all__, which this package re-exports.
from data_assets._native import *  # noqa: F403

if TYPE_CHECKING:
    import pandas as pd

__all__ = [*_native.__all__, "allocate_many"]


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
        raise ValueError(f"columns has {len(names)} names but weights has {len(weights)} entries")
    return pd.DataFrame(rows, index=series.index, columns=names, dtype=object)
