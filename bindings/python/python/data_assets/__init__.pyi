"""Typed interface of the data_assets package (written by hand)."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any, Protocol, TypeVar, overload

import pandas as pd

from data_assets._native import (
    AccountingError as AccountingError,
    AccountingEvent as AccountingEvent,
    AmortizationError as AmortizationError,
    AmortizationPeriod as AmortizationPeriod,
    Assessment as Assessment,
    AssetBalances as AssetBalances,
    AssetError as AssetError,
    AuthorizationError as AuthorizationError,
    Calendar as Calendar,
    CalendarError as CalendarError,
    ChangeMeta as ChangeMeta,
    ComplianceError as ComplianceError,
    ComplianceInput as ComplianceInput,
    ConversionError as ConversionError,
    CostApproachInput as CostApproachInput,
    DataAsset as DataAsset,
    DataAssetError as DataAssetError,
    DataResource as DataResource,
    Due as Due,
    Entity as Entity,
    EntityError as EntityError,
    GovernmentNote as GovernmentNote,
    HistoryRecord as HistoryRecord,
    IncomeApproachInput as IncomeApproachInput,
    IntangibleTable as IntangibleTable,
    InternalError as InternalError,
    InventoryTable as InventoryTable,
    IoError as IoError,
    Journal as Journal,
    LedgerEntryView as LedgerEntryView,
    MarketApproachInput as MarketApproachInput,
    MoneyError as MoneyError,
    Obligation as Obligation,
    Policy as Policy,
    PolicyError as PolicyError,
    PostedEvent as PostedEvent,
    Price as Price,
    Readiness as Readiness,
    Recognition as Recognition,
    RecognitionError as RecognitionError,
    RecognitionFacts as RecognitionFacts,
    RegionalSchedule as RegionalSchedule,
    Register as Register,
    RegisterEntry as RegisterEntry,
    RegisterError as RegisterError,
    RegistrationError as RegistrationError,
    ReportError as ReportError,
    RevenueError as RevenueError,
    ScheduleBasis as ScheduleBasis,
    Survey as Survey,
    SurveyError as SurveyError,
    SurveySummary as SurveySummary,
    TradeRecord as TradeRecord,
    TradingError as TradingError,
    TrialBalance as TrialBalance,
    Valuation as Valuation,
    Violation as Violation,
    VocabError as VocabError,
    Voucher as Voucher,
    YearSchedule as YearSchedule,
    __version__ as __version__,
    add_working_days as add_working_days,
    allocate as allocate,
    amortization_events as amortization_events,
    assess as assess,
    check as check,
    cost_approach as cost_approach,
    has_block as has_block,
    income_approach as income_approach,
    is_valid_uscc as is_valid_uscc,
    is_working_day as is_working_day,
    ledger_entry_view as ledger_entry_view,
    market_approach as market_approach,
    parse_amount as parse_amount,
    parse_term as parse_term,
    pilot_obligations as pilot_obligations,
    price_by_agreement as price_by_agreement,
    price_by_valuation as price_by_valuation,
    public_data_fee as public_data_fee,
    quarterly_report_deadline as quarterly_report_deadline,
    read_catalog as read_catalog,
    readiness as readiness,
    recognize as recognize,
    recompute_schedule as recompute_schedule,
    round_decimal as round_decimal,
    rounding_rules as rounding_rules,
    schedule as schedule,
    stop_at_disposal as stop_at_disposal,
    straight_line_schedule as straight_line_schedule,
    summarize as summarize,
    upcoming as upcoming,
    validate_uscc as validate_uscc,
    vocabulary as vocabulary,
    vocabulary_names as vocabulary_names,
)

__all__ = [
    "AccountingError",
    "AccountingEvent",
    "AmortizationError",
    "AmortizationPeriod",
    "Assessment",
    "AssetBalances",
    "AssetError",
    "AuthorizationError",
    "Calendar",
    "CalendarError",
    "ChangeMeta",
    "ComplianceError",
    "ComplianceInput",
    "ConversionError",
    "CostApproachInput",
    "DataAsset",
    "DataAssetError",
    "DataResource",
    "Due",
    "Entity",
    "EntityError",
    "GovernmentNote",
    "HistoryRecord",
    "IncomeApproachInput",
    "IntangibleTable",
    "InternalError",
    "InventoryTable",
    "IoError",
    "Journal",
    "LedgerEntryView",
    "MarketApproachInput",
    "MoneyError",
    "Obligation",
    "Policy",
    "PolicyError",
    "PostedEvent",
    "Price",
    "Readiness",
    "Recognition",
    "RecognitionError",
    "RecognitionFacts",
    "RegionalSchedule",
    "Register",
    "RegisterEntry",
    "RegisterError",
    "RegistrationError",
    "ReportError",
    "RevenueError",
    "ScheduleBasis",
    "Survey",
    "SurveyError",
    "SurveySummary",
    "TradeRecord",
    "TradingError",
    "TrialBalance",
    "Valuation",
    "Violation",
    "VocabError",
    "Voucher",
    "YearSchedule",
    "__version__",
    "add_working_days",
    "allocate",
    "allocate_many",
    "amortization_events",
    "assess",
    "check",
    "cost_approach",
    "from_pandas",
    "has_block",
    "income_approach",
    "is_valid_uscc",
    "is_working_day",
    "ledger_entry_view",
    "market_approach",
    "parse_amount",
    "parse_term",
    "pilot_obligations",
    "price_by_agreement",
    "price_by_valuation",
    "public_data_fee",
    "quarterly_report_deadline",
    "read_catalog",
    "readiness",
    "recognize",
    "recompute_schedule",
    "round_decimal",
    "rounding_rules",
    "schedule",
    "stop_at_disposal",
    "straight_line_schedule",
    "straight_line_schedules",
    "summarize",
    "to_pandas",
    "upcoming",
    "validate_uscc",
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

@overload
def straight_line_schedules(
    costs: pd.Series[Any],
    months: int | Iterable[int] | pd.Series[Any],
    starts: date | Iterable[date] | pd.Series[Any],
) -> pd.DataFrame: ...
@overload
def straight_line_schedules(
    costs: Iterable[Decimal | int],
    months: int | Iterable[int],
    starts: date | Iterable[date],
) -> list[list[AmortizationPeriod]]:
    """Build one straight-line schedule per cost.

    ``months`` and ``starts`` are one value for every cost or one value per cost. A list returns
    one list of periods per cost; a pandas Series returns a long DataFrame with columns ``key``
    (the Series' index label), ``period``, ``amount``, ``accumulated`` and ``carrying_amount``.
    """
