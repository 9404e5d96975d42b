"""Typed interface of the data_assets package (written by hand)."""

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, overload

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
    "parse_amount",
    "parse_term",
    "round_decimal",
    "rounding_rules",
    "vocabulary",
    "vocabulary_names",
]

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
