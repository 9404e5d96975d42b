"""Typed interface of the data_assets package (written by hand)."""

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Protocol, TypeVar, overload

import pandas as pd

from data_assets._native import (
    AccountingError as AccountingError,
    AmortizationError as AmortizationError,
    AssetError as AssetError,
    AuthorizationError as AuthorizationError,
    CalendarError as CalendarError,
    ComplianceError as ComplianceError,
    ConversionError as ConversionError,
    DataAssetError as DataAssetError,
    EntityError as EntityError,
    InternalError as InternalError,
    IoError as IoError,
    MoneyError as MoneyError,
    Policy as Policy,
    PolicyError as PolicyError,
    RecognitionError as RecognitionError,
    RegisterError as RegisterError,
    RegistrationError as RegistrationError,
    ReportError as ReportError,
    RevenueError as RevenueError,
    SurveyError as SurveyError,
    TradingError as TradingError,
    VocabError as VocabError,
    __version__ as __version__,
    allocate as allocate,
    parse_amount as parse_amount,
    parse_term as parse_term,
    round_decimal as round_decimal,
    rounding_rules as rounding_rules,
    vocabulary as vocabulary,
    vocabulary_names as vocabulary_names,
)

__all__ = [
    "AccountingError",
    "AmortizationError",
    "AssetError",
    "AuthorizationError",
    "CalendarError",
    "ComplianceError",
    "ConversionError",
    "DataAssetError",
    "EntityError",
    "InternalError",
    "IoError",
    "MoneyError",
    "Policy",
    "PolicyError",
    "RecognitionError",
    "RegisterError",
    "RegistrationError",
    "ReportError",
    "RevenueError",
    "SurveyError",
    "TradingError",
    "VocabError",
    "__version__",
    "allocate",
    "allocate_many",
    "from_pandas",
    "to_pandas",
    "parse_amount",
    "parse_term",
    "round_decimal",
    "rounding_rules",
    "vocabulary",
    "vocabulary_names",
]

_Value = TypeVar("_Value", covariant=True)

class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...

class _FromDict(Protocol[_Value]):
    def from_dict(self, data: Any, /) -> _Value: ...

def to_pandas(values: Iterable[_ToDict]) -> pd.DataFrame:
    """Build a DataFrame with one row per value and one column per field of its dict form."""

def from_pandas(value_type: _FromDict[_Value], frame: pd.DataFrame) -> list[_Value]:
    """Build one value per row of ``frame``; a missing cell takes the field's default."""

@overload
def allocate_many(
    totals: pd.Series[Any],
    weights: Sequence[Decimal | int],
    *,
    columns: Sequence[str] | None = None,
) -> pd.DataFrame: ...
@overload
def allocate_many(
    totals: Sequence[Decimal | int],
    weights: Sequence[Decimal | int],
    *,
    columns: Sequence[str] | None = None,
) -> list[list[Decimal]]:
    """Split each total over the same weights exactly to the fen.

    A sequence returns one list of shares per total. A pandas Series returns a DataFrame with the
    Series' index and one ``object`` column of ``Decimal`` per weight, named by ``columns``
    (default ``share_0``, ``share_1``, ...). An error names the failing row as ``totals[i]``.
    """
