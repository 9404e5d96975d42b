"""Typed interface of the ``data_assets._native`` extension module (written by hand)."""

import os
from array import array
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, final

import pandas as pd

__all__ = [
    "__version__",
    "DataAssetError",
    "MoneyError",
    "EntityError",
    "AssetError",
    "RegisterError",
    "RecognitionError",
    "AccountingError",
    "AmortizationError",
    "CalendarError",
    "RegistrationError",
    "AuthorizationError",
    "RevenueError",
    "TradingError",
    "ComplianceError",
    "SurveyError",
    "ReportError",
    "PolicyError",
    "IoError",
    "VocabError",
    "ConversionError",
    "InternalError",
    "Policy",
    "allocate",
    "allocate_many",
    "round_decimal",
    "rounding_rules",
    "parse_amount",
    "vocabulary_names",
    "vocabulary",
    "parse_term",
    "AmortizationPeriod",
    "ScheduleBasis",
    "straight_line_schedule",
    "straight_line_schedules",
    "ScheduleTable",
    "schedule_table",
    "schedule",
    "recompute_schedule",
    "stop_at_disposal",
    "YearSchedule",
    "RegionalSchedule",
    "Obligation",
    "Due",
    "Calendar",
    "is_working_day",
    "add_working_days",
    "working_days_between",
    "quarterly_report_deadline",
    "upcoming",
    "pilot_obligations",
    "Entity",
    "DataAsset",
    "ChangeMeta",
    "RegisterEntry",
    "HistoryRecord",
    "Register",
    "is_valid_uscc",
    "validate_uscc",
    "RecognitionFacts",
    "Recognition",
    "recognize",
    "DataResource",
    "Survey",
    "Assessment",
    "Readiness",
    "SurveySummary",
    "assess",
    "readiness",
    "summarize",
    "CostApproachInput",
    "IncomeApproachInput",
    "MarketApproachInput",
    "Valuation",
    "Price",
    "TradeRecord",
    "cost_approach",
    "income_approach",
    "market_approach",
    "price_by_agreement",
    "price_by_valuation",
    "public_data_fee",
    "ComplianceInput",
    "LedgerEntryView",
    "Violation",
    "check",
    "has_block",
    "ledger_entry_view",
    "authorization_risk_view",
    "trade_view",
    "AccountingEvent",
    "Voucher",
    "PostedEvent",
    "AssetBalances",
    "TrialBalance",
    "IntangibleTable",
    "InventoryTable",
    "GovernmentNote",
    "Journal",
    "amortization_events",
    "Ledger",
    "read_catalog",
    "read_ledger",
    "write_ledger",
    "run_pipeline",
    "GovernmentCard",
    "EnterpriseCard",
    "Certificate",
    "RegistrationEvent",
    "RegistrationRecord",
    "RegistrationBook",
    "certificate_number",
    "certificate_check_character",
    "parse_certificate_number",
    "issue_certificate",
    "verify_certificate",
    "AuthorizationTerms",
    "Actor",
    "AssetReadiness",
    "Authorization",
    "AuthorizationRegistry",
    "VatSplit",
    "SplitRule",
    "SplitOutcome",
    "vat_rate",
    "separate_vat",
    "split_receipt",
    "split_receipts",
    "split_vouchers",
    "routing_for",
    "ReportInput",
    "ProgressReport",
    "AssetSnapshot",
    "build_report",
    "build_report_with_calendar",
    "render_markdown",
    "asset_snapshot",
    "ledger_changes",
    "registration_events",
    "authorization_view",
    "violation_view",
    "receipt_from_split",
]

__version__: str

class DataAssetError(ValueError):
    """Base of every error raised by data_assets.

    Attributes:
        code: stable code ``module.snake_case_reason``, such as ``money.not_fen``.
        field: path of the rejected field or argument, such as ``weights[1]``.
        value: rejected value as text.
        allowed: what the field accepts, in words.
        errors: every problem when one call found several (a file with bad rows), as dicts
            with ``code``, ``field``, ``value``, ``allowed`` and ``message``; else empty.
    """

    code: str
    field: str
    value: str
    allowed: str
    errors: Sequence[dict[str, str]]

class MoneyError(DataAssetError):
    """Money arithmetic, rounding or allocation rejected its input (codes ``money.*``)."""

class EntityError(DataAssetError):
    """An entity or its unified social credit code is invalid (codes ``entity.*``)."""

class AssetError(DataAssetError):
    """A data asset record is invalid (codes ``asset.*``)."""

class RegisterError(DataAssetError):
    """A ledger (台账) operation was rejected (codes ``register.*``)."""

class RecognitionError(DataAssetError):
    """A recognition decision could not be made (codes ``recognition.*``)."""

class AccountingError(DataAssetError):
    """A voucher, posting or disclosure was rejected (codes ``accounting.*``)."""

class AmortizationError(DataAssetError):
    """An amortization schedule could not be built (codes ``amortization.*``)."""

class CalendarError(DataAssetError):
    """A working-day or deadline computation was rejected (codes ``calendar.*``)."""

class RegistrationError(DataAssetError):
    """An info card or certificate was rejected (codes ``registration.*``)."""

class AuthorizationError(DataAssetError):
    """An authorized-operation request was rejected (codes ``authorization.*``)."""

class RevenueError(DataAssetError):
    """A revenue split or remittance was rejected (codes ``revenue.*``)."""

class TradingError(DataAssetError):
    """A valuation, price or trade record was rejected (codes ``trading.*``)."""

class ComplianceError(DataAssetError):
    """A risk rule could not be evaluated (codes ``compliance.*``)."""

class SurveyError(DataAssetError):
    """A survey row or catalog import was rejected (codes ``survey.*``)."""

class ReportError(DataAssetError):
    """A progress report could not be built (codes ``report.*``)."""

class PolicyError(DataAssetError):
    """A policy value is invalid (codes ``policy.*``)."""

class IoError(DataAssetError):
    """A workbook or file could not be read or written (codes ``io.*``)."""

class VocabError(DataAssetError):
    """A term matches no code or label of its vocabulary (codes ``vocab.*``)."""

class ConversionError(DataAssetError):
    """A Python value has no counterpart in the core types (codes ``convert.*``)."""

class InternalError(DataAssetError):
    """A defect inside data_assets (code ``internal.panic``), to be reported with the input."""

@final
class Policy:
    """Every number and switch a jurisdiction may change, with Guangxi defaults.

    Construct with keyword arguments (``Policy(low_value_threshold=Decimal("500"))``) or
    ``Policy.from_dict``; missing fields take their defaults and unknown fields raise
    ``PolicyError``.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Policy: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Policy:
        """Build the policy from its dict form; missing fields take their defaults."""
    def to_dict(self) -> dict[str, Any]:
        """Return the dict form, with decimals as ``Decimal`` and dates as ``date``."""
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Policy], tuple[dict[str, Any]]]: ...

def allocate(total: Decimal | int, weights: Iterable[Decimal | int]) -> list[Decimal]:
    """Split ``total`` over ``weights`` exactly to the fen by the largest-remainder method.

    Each share is first truncated to the fen. The fen left over then go one at a time to the
    largest remainders, and the earlier weight wins a tie. The shares sum exactly to ``total``.

    Raises:
        MoneyError: ``money.float_rejected`` for a float, ``money.not_fen`` for a total with
            more than two decimal places, ``money.negative`` for a negative weight,
            ``money.no_positive_weight`` when no weight is above zero.
    """

def allocate_many(
    totals: Iterable[Decimal | int], weights: Iterable[Decimal | int]
) -> list[list[Decimal]]:
    """Split each total over the same weights, naming a failing row ``totals[i]``."""

def round_decimal(value: Decimal | int, rule: str = "half_up", scale: int = 2) -> Decimal:
    """Round ``value`` to ``scale`` decimal places with a named rule from ``rounding_rules()``."""

def rounding_rules() -> list[str]:
    """List the codes of the named rounding rules, the default ``half_up`` (四舍五入) first."""

def parse_amount(text: str, field: str = "amount") -> Decimal:
    """Parse an amount written as text, such as ``"1,234.56"``, naming ``field`` in errors."""

def vocabulary_names() -> list[str]:
    """List the names of the controlled vocabularies, such as ``EntityKind``."""

def vocabulary(name: str) -> list[tuple[str, str]]:
    """List the ``(code, Chinese label)`` pairs of one vocabulary in declaration order."""

def parse_term(vocabulary: str, text: str) -> str:
    """Return the code of the term given by its code or Chinese label."""

@final
class AmortizationPeriod:
    """One month of a schedule.

    ``period`` is the first day of the month; ``amount`` is charged in it; ``accumulated`` and
    ``carrying_amount`` are the totals at its end.
    """

    period: date
    amount: Decimal
    accumulated: Decimal
    carrying_amount: Decimal
    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AmortizationPeriod: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AmortizationPeriod: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(
        self,
    ) -> tuple[Callable[[dict[str, Any]], AmortizationPeriod], tuple[dict[str, Any]]]: ...

@final
class ScheduleBasis:
    """Inputs of a schedule: cost, amortization accumulated before, the ready-for-use date, the
    useful life (`{"kind": "straight_line", "months": 120}`, units of production or
    indefinite) and whether the asset is carried at the nominal one yuan."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> ScheduleBasis: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ScheduleBasis: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ScheduleBasis], tuple[dict[str, Any]]]: ...

@final
class YearSchedule:
    """The national holiday schedule of one year, from the State Council General Office notice."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> YearSchedule: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> YearSchedule: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], YearSchedule], tuple[dict[str, Any]]]: ...

@final
class RegionalSchedule:
    """Extra holidays of one region (by administrative division code prefix) in one year."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> RegionalSchedule: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RegionalSchedule: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], RegionalSchedule], tuple[dict[str, Any]]]: ...

@final
class Obligation:
    """A recurring or one-off duty of a pilot unit, with the rule that sets its due date."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Obligation: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Obligation: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Obligation], tuple[dict[str, Any]]]: ...

@final
class Due:
    """An obligation and its due date (`{"status": "known", ...}`) or why that is unknown."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Due: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Due: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Due], tuple[dict[str, Any]]]: ...

@final
class Entity:
    """A reporting unit: credit code, name, kind and administrative division code."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Entity: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Entity: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Entity], tuple[dict[str, Any]]]: ...
    def validate(self) -> None:
        """Check the credit code against the kind and the region, raising ``EntityError``."""

@final
class DataAsset:
    """A data asset as the ledger records it (数据资产台账 fields)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> DataAsset: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> DataAsset: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], DataAsset], tuple[dict[str, Any]]]: ...
    @staticmethod
    def example() -> DataAsset:
        """Return a complete, valid example asset."""
    def validate(self) -> None:
        """Check every field, raising ``AssetError`` for the first problem."""
    def problems(self) -> list[dict[str, str]]:
        """List every problem as dicts with ``code``, ``field``, ``value``, ``allowed``, ``message``."""

@final
class ChangeMeta:
    """The author, time (a naive local date-time) and reason of a ledger change."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> ChangeMeta: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ChangeMeta: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ChangeMeta], tuple[dict[str, Any]]]: ...

@final
class RegisterEntry:
    """One ledger entry: the asset as last recorded and its disposal date, if any."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> RegisterEntry: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RegisterEntry: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], RegisterEntry], tuple[dict[str, Any]]]: ...

@final
class HistoryRecord:
    """One append-only, hash-chained record of the ledger history."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> HistoryRecord: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> HistoryRecord: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], HistoryRecord], tuple[dict[str, Any]]]: ...

@final
class RecognitionFacts:
    """Facts about one data resource that the recognition criteria test."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> RecognitionFacts: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RecognitionFacts: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], RecognitionFacts], tuple[dict[str, Any]]]: ...
    @staticmethod
    def from_asset(asset: _Asset) -> tuple[RecognitionFacts, list[str]]:
        """Derive the facts a ledger asset implies, with the assumptions made, in words."""

@final
class Recognition:
    """The outcome of recognition with one finding per criterion, each citing its rule."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Recognition: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Recognition: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Recognition], tuple[dict[str, Any]]]: ...

@final
class DataResource:
    """One data resource found by the survey, such as a row of a public data catalog."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> DataResource: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> DataResource: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], DataResource], tuple[dict[str, Any]]]: ...

@final
class Survey:
    """The survey: information systems and data resources found."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Survey: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Survey: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Survey], tuple[dict[str, Any]]]: ...

@final
class Assessment:
    """Quality flags and scores of one resource on an as-of date."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Assessment: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Assessment: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Assessment], tuple[dict[str, Any]]]: ...

@final
class Readiness:
    """The items a resource still lacks before it can enter the ledger."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Readiness: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Readiness: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Readiness], tuple[dict[str, Any]]]: ...

@final
class SurveySummary:
    """Counts of the survey by department, format, openness and quality."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> SurveySummary: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> SurveySummary: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], SurveySummary], tuple[dict[str, Any]]]: ...

@final
class CostApproachInput:
    """Inputs of the cost approach: cost components, recurring years, the adjustment δ and
    the rounding rule."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> CostApproachInput: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> CostApproachInput: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], CostApproachInput], tuple[dict[str, Any]]]: ...

@final
class IncomeApproachInput:
    """Inputs of the income approach: forecast incomes, discount rate and periods."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> IncomeApproachInput: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> IncomeApproachInput: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], IncomeApproachInput], tuple[dict[str, Any]]]: ...

@final
class MarketApproachInput:
    """Inputs of the market approach: comparable trades and their adjustments."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> MarketApproachInput: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> MarketApproachInput: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], MarketApproachInput], tuple[dict[str, Any]]]: ...

@final
class Valuation:
    """A valuation by one of the three approaches, tagged by `approach`, with its working."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Valuation: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Valuation: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Valuation], tuple[dict[str, Any]]]: ...
    def value(self) -> Decimal:
        """Return the rounded value."""
    def approach_code(self) -> str:
        """Return ``cost``, ``income`` or ``market``."""

@final
class Price:
    """A price in CNY with the basis on which it was formed."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Price: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Price: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Price], tuple[dict[str, Any]]]: ...

@final
class TradeRecord:
    """A trade of rights in a data asset."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> TradeRecord: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> TradeRecord: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], TradeRecord], tuple[dict[str, Any]]]: ...
    def validate(self) -> None:
        """Check the record, raising ``TradingError`` for the first problem."""
    def problems(self) -> list[dict[str, str]]:
        """List every problem as dicts with ``code``, ``field``, ``value``, ``allowed``, ``message``."""

@final
class ComplianceInput:
    """The input of the risk rules: units, ledger entries, authorizations, trades, financings,
    payment obligations and licence receipts, each as a small view."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> ComplianceInput: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ComplianceInput: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ComplianceInput], tuple[dict[str, Any]]]: ...

@final
class LedgerEntryView:
    """The risk view of one ledger asset."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> LedgerEntryView: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> LedgerEntryView: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], LedgerEntryView], tuple[dict[str, Any]]]: ...

@final
class Violation:
    """One broken risk rule: rule code, severity, citation, subject and message."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Violation: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Violation: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Violation], tuple[dict[str, Any]]]: ...

@final
class AccountingEvent:
    """An accounting event of a data asset: id, asset id, date and the kind with its amounts,
    such as `{"type": "purchase", ...}`."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AccountingEvent: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AccountingEvent: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], AccountingEvent], tuple[dict[str, Any]]]: ...

@final
class Voucher:
    """A voucher: the financial lines and, for a government unit, the budget lines."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Voucher: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Voucher: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Voucher], tuple[dict[str, Any]]]: ...
    def is_balanced(self) -> bool:
        """Tell whether each side's debits equal its credits."""
    def totals(self, side: str = "financial") -> tuple[Decimal, Decimal]:
        """Return the total debits and credits of ``financial`` or ``budget``."""

@final
class PostedEvent:
    """An event as posted with its voucher."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> PostedEvent: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> PostedEvent: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], PostedEvent], tuple[dict[str, Any]]]: ...

@final
class AssetBalances:
    """Running balances of one asset's accounts."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AssetBalances: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AssetBalances: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], AssetBalances], tuple[dict[str, Any]]]: ...

@final
class TrialBalance:
    """A trial balance of one side over a period."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> TrialBalance: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> TrialBalance: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], TrialBalance], tuple[dict[str, Any]]]: ...

@final
class IntangibleTable:
    """Disclosure table A: intangible data assets (无形资产类数据资源)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> IntangibleTable: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> IntangibleTable: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], IntangibleTable], tuple[dict[str, Any]]]: ...
    def check(self) -> list[dict[str, Any]]:
        """List the failed tie-out checks; empty when the table ties out."""

@final
class InventoryTable:
    """Disclosure table B: inventory data assets (存货类数据资源)."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> InventoryTable: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> InventoryTable: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], InventoryTable], tuple[dict[str, Any]]]: ...
    def check(self) -> list[dict[str, Any]]:
        """List the failed tie-out checks; empty when the table ties out."""

@final
class GovernmentNote:
    """The note on data assets in a government unit's financial report."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> GovernmentNote: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> GovernmentNote: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], GovernmentNote], tuple[dict[str, Any]]]: ...


@final
class Calendar:
    """A working-day calendar: national schedules by year plus regional holidays.

    ``Calendar()`` contains the official 2025 and 2026 schedules, and ``Calendar.empty()`` none.
    """

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls) -> Calendar: ...
    @staticmethod
    def empty() -> Calendar: ...
    @staticmethod
    def for_policy(policy: Policy | Mapping[str, Any]) -> Calendar: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Calendar: ...
    def to_dict(self) -> dict[str, Any]: ...
    def load_year(self, json: str) -> None: ...
    def add_year(self, schedule: YearSchedule | Mapping[str, Any]) -> None: ...
    def replace_year(self, schedule: YearSchedule | Mapping[str, Any]) -> YearSchedule | None: ...
    def load_regional(self, json: str) -> None: ...
    def add_regional(self, schedule: RegionalSchedule | Mapping[str, Any]) -> None: ...
    def loaded_years(self) -> list[int]: ...
    def schedule(self, year: int) -> YearSchedule | None: ...
    def regional_schedules(self) -> list[RegionalSchedule]: ...
    def is_working_day(self, day: date, region: str | None = None) -> bool: ...
    def add_working_days(self, day: date, n: int, region: str | None = None) -> date: ...
    def working_days_between(self, start: date, end: date, region: str | None = None) -> int: ...
    def quarterly_report_deadline(
        self, year: int, quarter: int, region: str | None = None
    ) -> date: ...
    def upcoming(self, as_of: date, unit_kind: str, region: str | None = None) -> list[Due]: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Calendar], tuple[dict[str, Any]]]: ...

@final
class Register:
    """The data asset ledger (数据资产台账) with an append-only, hash-chained history."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls) -> Register: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Register: ...
    def to_dict(self) -> dict[str, Any]: ...
    def add(self, asset: _Asset, meta: _Meta) -> None: ...
    def change(self, id: str, asset: _Asset, meta: _Meta) -> None: ...
    def dispose(self, id: str, date: date, meta: _Meta) -> None: ...
    def get(self, id: str) -> DataAsset | None: ...
    def entry(self, id: str) -> RegisterEntry | None: ...
    def entries(self) -> list[RegisterEntry]: ...
    def active(self) -> list[DataAsset]: ...
    def by_holder(self, uscc: str) -> list[DataAsset]: ...
    def by_booking_status(self, status: str) -> list[DataAsset]: ...
    def by_category(self, category: str) -> list[DataAsset]: ...
    def history(self) -> list[HistoryRecord]: ...
    def head(self) -> tuple[int, str]: ...
    def verify(self) -> None: ...
    def to_pandas(self) -> pd.DataFrame: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Register], tuple[dict[str, Any]]]: ...

@final
class Journal:
    """The books of one unit for its data assets."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(
        cls,
        entity_kind: str,
        policy: Policy | Mapping[str, Any] | None = None,
        vat: str = "not_taxpayer",
    ) -> Journal: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Journal: ...
    def to_dict(self) -> dict[str, Any]: ...
    @property
    def entity_kind(self) -> str: ...
    def post(self, event: AccountingEvent | Mapping[str, Any]) -> Voucher: ...
    def post_all(self, events: Iterable[AccountingEvent | Mapping[str, Any]]) -> list[Voucher]: ...
    def posted(self) -> list[PostedEvent]: ...
    def vouchers(self) -> list[Voucher]: ...
    def balances(self, asset_id: str) -> AssetBalances | None: ...
    def trial_balance(self, start: date, end: date, side: str = "financial") -> TrialBalance: ...
    def intangible_table(self, start: date, end: date) -> IntangibleTable: ...
    def inventory_table(self, start: date, end: date) -> InventoryTable: ...
    def government_note(
        self,
        start: date,
        end: date,
        life_basis: Mapping[str, str],
        major_disposal_threshold: Decimal | int,
    ) -> GovernmentNote: ...
    def carrying_amount(self, asset_id: str, day: date) -> Decimal: ...
    def vouchers_to_pandas(self) -> pd.DataFrame: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Journal], tuple[dict[str, Any]]]: ...

_Money = Decimal | int
_Asset = DataAsset | Mapping[str, Any]
_Meta = ChangeMeta | Mapping[str, Any]
_PolicyArg = Policy | Mapping[str, Any] | None

def straight_line_schedule(cost: _Money, months: int, start: date) -> list[AmortizationPeriod]:
    """Build the straight-line monthly schedule of ``cost`` over ``months`` from ``start``.

    Each month is ``cost / months`` rounded half up to the fen; the last month takes the
    remainder. A cost of exactly one yuan (the nominal amount) gets no schedule.

    Raises:
        AmortizationError: ``amortization.invalid_life`` for 0 or too many months,
            ``amortization.invalid_amount`` for a negative or sub-fen cost.
        MoneyError: ``money.float_rejected`` for a float.
    """

def straight_line_schedules(
    costs: Iterable[_Money], months: Iterable[int], starts: Iterable[date]
) -> list[list[AmortizationPeriod]]:
    """Build one straight-line schedule per row; an error names the row as ``rows[i]``."""

@final
class ScheduleTable:
    """The schedules of a batch, one row per asset and month, kept in Rust.

    Rows run asset by asset in input order, then month by month. Nothing is built in Python
    until asked for: a row, one asset's periods, or a whole column. The amount columns come as
    ``array.array('q')`` of whole fen (``numpy.frombuffer(column, "int64")`` shares its memory),
    so 1,234.56 yuan reads as 123456.
    """

    @property
    def asset_count(self) -> int:
        """Count the assets, those with an empty schedule included."""
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> AmortizationPeriod:
        """Return the row at ``index``, counting from the end when negative; ``IndexError`` outside."""
    def periods_of(self, asset: int) -> list[AmortizationPeriod]:
        """Return the schedule of the asset at position ``asset`` of the input."""
    def to_lists(self) -> list[list[AmortizationPeriod]]:
        """Return one list of periods per asset, as ``straight_line_schedules`` does."""
    def asset_positions(self) -> array[int]:
        """Return the input position of each row's asset."""
    def periods(self) -> list[date]:
        """Return the first day of each row's month."""
    def amounts_fen(self) -> array[int]:
        """Return each row's amortization for the month, in fen."""
    def accumulated_fen(self) -> array[int]:
        """Return each row's accumulated amortization at the end of the month, in fen."""
    def carrying_amounts_fen(self) -> array[int]:
        """Return each row's carrying amount at the end of the month, in fen."""
    def total_amount(self) -> Decimal:
        """Sum every row's amortization exactly."""

def schedule_table(
    costs: Iterable[_Money], months: Iterable[int], starts: Iterable[date]
) -> ScheduleTable:
    """Build one straight-line schedule per row into a ``ScheduleTable``.

    The rules and errors are those of ``straight_line_schedules``: a bad cost is named
    ``costs[i]`` and a failing schedule ``rows[i]``. Use it for large batches: it makes no
    Python object per month.
    """

def schedule(
    basis: ScheduleBasis | Mapping[str, Any], policy: _PolicyArg = None
) -> list[AmortizationPeriod]:
    """Build the schedule of ``basis``: straight line, units of production or none."""

def recompute_schedule(
    current: Iterable[AmortizationPeriod | Mapping[str, Any]],
    cost: _Money,
    start: date,
    added_cost: _Money,
    remaining_months: int,
    policy: _PolicyArg = None,
) -> list[AmortizationPeriod]:
    """Recompute a schedule prospectively from the month of ``start``."""

def stop_at_disposal(
    periods: Iterable[AmortizationPeriod | Mapping[str, Any]],
    disposal: date,
    convention: str = "same_month",
) -> list[AmortizationPeriod]:
    """Cut a schedule at disposal under ``same_month`` or ``next_month``."""

def is_working_day(
    day: date, region: str | None = None, *, calendar: Calendar | None = None
) -> bool:
    """Tell whether ``day`` is a working day, nationally or in ``region`` (a division code).

    Raises:
        CalendarError: ``calendar.year_not_loaded`` for a year without a schedule.
    """

def add_working_days(
    day: date, n: int, region: str | None = None, *, calendar: Calendar | None = None
) -> date:
    """Return the ``n``th working day after ``day``."""

def working_days_between(
    start: date, end: date, region: str | None = None, *, calendar: Calendar | None = None
) -> int:
    """Count the working days after ``start`` up to and including ``end``.

    The count is negative when ``end`` is before ``start`` and zero when they are equal.

    Raises:
        CalendarError: ``calendar.year_not_loaded`` when the range touches a year without a
            schedule; ``calendar.invalid_region_code`` unless ``region`` is six digits.
    """

def quarterly_report_deadline(
    year: int, quarter: int, region: str | None = None, *, calendar: Calendar | None = None
) -> date:
    """Return the due date of a quarterly progress report: the 10th working day after the
    quarter ends.

    Raises:
        CalendarError: ``calendar.year_not_loaded`` when the next year's schedule is needed
            and not loaded; ``calendar.invalid_quarter`` for a quarter outside 1..4.
    """

def upcoming(
    as_of: date, unit_kind: str, region: str | None = None, *, calendar: Calendar | None = None
) -> list[Due]:
    """List the pilot obligations of ``unit_kind`` due on or after ``as_of``, soonest first."""

def pilot_obligations() -> list[Obligation]:
    """List the obligations of the pilot plan."""

def is_valid_uscc(code: str) -> bool:
    """Tell whether ``code`` is a valid unified social credit code (GB 32100-2015)."""

def validate_uscc(code: str) -> str:
    """Return ``code`` if it is a valid credit code, else raise ``EntityError`` with the reason."""

def recognize(
    facts: RecognitionFacts | Mapping[str, Any], entity_kind: str, policy: _PolicyArg = None
) -> Recognition:
    """Decide whether and how a data resource is recognized, with one finding per criterion."""

def assess(resource: DataResource | Mapping[str, Any], as_of: date) -> Assessment:
    """Assess the quality of one resource on ``as_of``."""

def readiness(resource: DataResource | Mapping[str, Any]) -> Readiness:
    """Tell what a resource still lacks before it can enter the ledger."""

def summarize(
    survey: Survey | Mapping[str, Any] | list[DataResource], as_of: date
) -> tuple[SurveySummary, list[Assessment]]:
    """Summarize a survey, returning the summary and one assessment per resource."""

def cost_approach(input: CostApproachInput | Mapping[str, Any]) -> Valuation:
    """Value an asset by the cost approach (成本法)."""

def income_approach(input: IncomeApproachInput | Mapping[str, Any]) -> Valuation:
    """Value an asset by the income approach (收益法)."""

def market_approach(input: MarketApproachInput | Mapping[str, Any]) -> Valuation:
    """Value an asset by the market approach (市场法)."""

def price_by_agreement(amount: _Money) -> Price:
    """Price a trade by agreement between the parties (协议定价)."""

def price_by_valuation(
    valuation: Valuation | Mapping[str, Any], price_ratio: _Money, rounding: str = "half_up"
) -> Price:
    """Price a trade as ``price_ratio`` times a valuation."""

def public_data_fee(purpose: str, fee: _Money, fee_cap: _Money) -> Price:
    """Price the use of public data: free for a free purpose, else ``fee`` up to ``fee_cap``."""

def check(
    input: ComplianceInput | Mapping[str, Any], policy: _PolicyArg = None
) -> list[Violation]:
    """Run every risk rule over ``input``."""

def has_block(violations: Iterable[Violation | Mapping[str, Any]]) -> bool:
    """Tell whether any violation blocks the operation."""

def ledger_entry_view(
    asset: _Asset, holder_kind: str, security_assessment_done: bool
) -> LedgerEntryView:
    """Build the risk view of a ledger asset held by a unit of ``holder_kind``."""

def amortization_events(
    asset_id: str, periods: Iterable[AmortizationPeriod | Mapping[str, Any]], use_of_asset: str
) -> list[AccountingEvent]:
    """Build the monthly amortization events of one asset from its schedule."""

def read_catalog(path: str | os.PathLike[str]) -> list[DataResource]:
    """Read a public data catalog CSV as survey resources.

    Raises:
        IoError: with every bad row listed in ``errors``.
    """

@final
class GovernmentCard:
    """The info card (信息卡) of a government unit's data asset."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> GovernmentCard: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> GovernmentCard: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], GovernmentCard], tuple[dict[str, Any]]]: ...
    @staticmethod
    def from_asset(asset: _Asset, book_value: _Money) -> GovernmentCard:
        """Fill a government card from a ledger asset and its book value."""
    def problems(self) -> list[dict[str, str]]:
        """List every problem of the card; empty when it is complete."""
    def validate(self) -> None:
        """Raise ``RegistrationError`` whose ``errors`` lists every problem."""
    def fingerprint(self) -> str:
        """Return the SHA-256 fingerprint of the card's canonical JSON."""
    def canonical_json(self) -> str:
        """Return the canonical JSON text that the fingerprint covers."""
    @staticmethod
    def from_json(text: str) -> GovernmentCard:
        """Parse a card from JSON text, raising ``RegistrationError`` listing every problem."""
    @staticmethod
    def json_schema() -> dict[str, Any]:
        """Return the JSON Schema (draft 2020-12) of the card's JSON form."""

@final
class EnterpriseCard:
    """The info card of an enterprise's data asset: basic, rights, usage and management parts."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> EnterpriseCard: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> EnterpriseCard: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], EnterpriseCard], tuple[dict[str, Any]]]: ...
    @staticmethod
    def from_asset(
        asset: _Asset,
        book_value: _Money,
        *,
        registration_number: str | None = None,
        usage: Mapping[str, Any] | None = None,
        responsible_department: str = "",
        has_security_system: bool = False,
        has_emergency_plan: bool = False,
        other_holders: Iterable[Mapping[str, Any]] | None = None,
    ) -> EnterpriseCard:
        """Fill an enterprise card from a ledger asset and the facts the ledger lacks."""
    def problems(self) -> list[dict[str, str]]:
        """List every problem of the card; empty when it is complete."""
    def validate(self) -> None:
        """Raise ``RegistrationError`` whose ``errors`` lists every problem."""
    def fingerprint(self) -> str:
        """Return the SHA-256 fingerprint of the card's canonical JSON."""
    def canonical_json(self) -> str:
        """Return the canonical JSON text that the fingerprint covers."""
    @staticmethod
    def from_json(text: str) -> EnterpriseCard:
        """Parse a card from JSON text, raising ``RegistrationError`` listing every problem."""
    @staticmethod
    def json_schema() -> dict[str, Any]:
        """Return the JSON Schema (draft 2020-12) of the card's JSON form."""

@final
class Certificate:
    """A registration certificate: number, asset, holder, issue date and the card fingerprint."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Certificate: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Certificate: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Certificate], tuple[dict[str, Any]]]: ...

@final
class RegistrationEvent:
    """One registration event (initial, change, transfer, renewal or cancellation) with its
    actor and date."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> RegistrationEvent: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RegistrationEvent: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], RegistrationEvent], tuple[dict[str, Any]]]: ...

@final
class RegistrationRecord:
    """The registration record of one asset: holder, certificate number and events."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> RegistrationRecord: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RegistrationRecord: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], RegistrationRecord], tuple[dict[str, Any]]]: ...

@final
class AuthorizationTerms:
    """The terms of a grant: id, asset, licensee, mode, rights, purpose, fee, term and whether
    it is exclusive."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AuthorizationTerms: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AuthorizationTerms: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], AuthorizationTerms], tuple[dict[str, Any]]]: ...

@final
class Actor:
    """A workflow participant: an id and a role, such as the finance bureau's approver."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Actor: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Actor: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Actor], tuple[dict[str, Any]]]: ...

@final
class AssetReadiness:
    """Facts about the asset that decide whether a grant may go ahead."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AssetReadiness: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AssetReadiness: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], AssetReadiness], tuple[dict[str, Any]]]: ...

@final
class Authorization:
    """A grant with its state and workflow history. Use `Authorization.draft` to create one and
    an `AuthorizationRegistry` to move it through the workflow."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Authorization: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Authorization: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Authorization], tuple[dict[str, Any]]]: ...
    @staticmethod
    def draft(
        terms: AuthorizationTerms | Mapping[str, Any],
        applicant: _ActorArg,
        at: datetime,
    ) -> Authorization:
        """Create a draft after checking the terms."""
    @staticmethod
    def term_problems(terms: AuthorizationTerms | Mapping[str, Any]) -> list[dict[str, str]]:
        """List every problem of a set of terms."""
    def readiness_problems(
        self, asset: AssetReadiness | Mapping[str, Any]
    ) -> list[dict[str, str]]:
        """List every reason the asset is not ready for this grant."""
    def state(self) -> str:
        """Return the workflow state code, such as ``draft`` or ``active``."""
    def fee_basis(self) -> str:
        """Return ``conditionally_free`` or ``conditionally_paid``."""
    def is_live(self) -> bool:
        """Tell whether the grant is approved or active."""
    def conflicts_with(self, other: Authorization | Mapping[str, Any]) -> bool:
        """Tell whether this grant and ``other`` cannot both be live."""


_ActorArg = Actor | Mapping[str, Any]
_Card = GovernmentCard | EnterpriseCard

@final
class RegistrationBook:
    """The registration records of many assets, built from registration events."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls) -> RegistrationBook: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> RegistrationBook: ...
    def to_dict(self) -> dict[str, Any]: ...
    def record(
        self, asset_id: str, event: RegistrationEvent | Mapping[str, Any]
    ) -> RegistrationRecord: ...
    def register_certificate(
        self, certificate: Certificate | Mapping[str, Any], actor: str
    ) -> RegistrationRecord: ...
    def get(self, asset_id: str) -> RegistrationRecord | None: ...
    def records(self) -> list[RegistrationRecord]: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(
        self,
    ) -> tuple[Callable[[dict[str, Any]], RegistrationBook], tuple[dict[str, Any]]]: ...

@final
class AuthorizationRegistry:
    """Grants of many assets keyed by id, moved through the workflow with separation of duties."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls) -> AuthorizationRegistry: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AuthorizationRegistry: ...
    def to_dict(self) -> dict[str, Any]: ...
    def insert(self, grant: Authorization | Mapping[str, Any]) -> None: ...
    def get(self, id: str) -> Authorization | None: ...
    def grants(self) -> list[Authorization]: ...
    def submit(
        self,
        id: str,
        actor: _ActorArg,
        at: datetime,
        asset: AssetReadiness | Mapping[str, Any],
    ) -> None: ...
    def approve(
        self,
        id: str,
        approver: _ActorArg,
        at: datetime,
        asset: AssetReadiness | Mapping[str, Any],
        policy: _PolicyArg = None,
    ) -> None: ...
    def reject(
        self, id: str, approver: _ActorArg, at: datetime, reason: str, policy: _PolicyArg = None
    ) -> None: ...
    def activate(self, id: str, actor: _ActorArg, at: datetime) -> None: ...
    def expire(self, id: str, actor: _ActorArg, at: datetime) -> None: ...
    def revoke(
        self, id: str, approver: _ActorArg, at: datetime, reason: str, policy: _PolicyArg = None
    ) -> None: ...
    def terminate(self, id: str, actor: _ActorArg, at: datetime, reason: str) -> None: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __reduce__(
        self,
    ) -> tuple[Callable[[dict[str, Any]], AuthorizationRegistry], tuple[dict[str, Any]]]: ...

def certificate_number(region_code: str, year: int, sequence: int) -> str:
    """Build a certificate number with its check character, such as ``DA-450300-2026-000001-W``."""

def certificate_check_character(digits: str) -> str | None:
    """Compute the check character of the 16 digits of a certificate number (region, year and
    sequence without separators), or ``None`` when ``digits`` is not 16 ASCII digits."""

def parse_certificate_number(number: str) -> tuple[str, int, int]:
    """Parse ``DA-RRRRRR-YYYY-NNNNNN-C`` into ``(region_code, year, sequence)``.

    Raises:
        RegistrationError: ``registration.invalid_certificate_number`` for a malformed number;
            ``registration.check_character_mismatch`` when the check character is wrong.
    """

def issue_certificate(number: str, card: _Card, issued_on: date) -> Certificate:
    """Issue a certificate for a complete card; ``RegistrationError.errors`` lists problems."""

def verify_certificate(certificate: Certificate | Mapping[str, Any], card: _Card) -> None:
    """Raise ``RegistrationError`` unless the certificate matches the card."""

@final
class VatSplit:
    """A gross receipt separated into the net amount and the VAT at a rate."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> VatSplit: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> VatSplit: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], VatSplit], tuple[dict[str, Any]]]: ...

@final
class SplitRule:
    """The rule that splits a receipt: agreed ratios (`{"kind": "agreement", "parties": [...]}`) or
    by investment and contribution."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> SplitRule: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> SplitRule: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], SplitRule], tuple[dict[str, Any]]]: ...

@final
class SplitOutcome:
    """A split receipt: its VAT separation and each party's share with its routing."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> SplitOutcome: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> SplitOutcome: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], SplitOutcome], tuple[dict[str, Any]]]: ...

@final
class ReportInput:
    """Everything a progress report is built from: the unit, the period, asset snapshots,
    ledger changes, registrations, authorizations, receipts, violations and deadlines."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> ReportInput: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ReportInput: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ReportInput], tuple[dict[str, Any]]]: ...

@final
class ProgressReport:
    """The progress report (数据资产管理工作进展报告) of one unit for one period."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> ProgressReport: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> ProgressReport: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], ProgressReport], tuple[dict[str, Any]]]: ...
    def render_markdown(self) -> str:
        """Render the report as Markdown, with amounts grouped by thousands."""

@final
class AssetSnapshot:
    """One asset as the report counts it at the period end."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> AssetSnapshot: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> AssetSnapshot: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], AssetSnapshot], tuple[dict[str, Any]]]: ...


_Rule = SplitRule | Mapping[str, Any]

def vat_rate(status: str, day: date, policy: _PolicyArg = None) -> Decimal:
    """Return the VAT rate of ``general``, ``small_scale`` or ``not_taxpayer`` on ``day``."""

def separate_vat(gross: _Money, rate: _Money, policy: _PolicyArg = None) -> VatSplit:
    """Separate a VAT-inclusive receipt into the net amount and the VAT."""

def split_receipt(
    gross: _Money, rate: _Money, rule: _Rule, policy: _PolicyArg = None
) -> SplitOutcome:
    """Split a receipt (VAT included at ``rate``) between the parties of ``rule``.

    Raises:
        RevenueError: for a rule whose ratios do not sum to one or a receipt finer than the fen.
        MoneyError: ``money.float_rejected`` for a float.
    """

def split_receipts(
    grosses: Iterable[_Money], rate: _Money, rule: _Rule, policy: _PolicyArg = None
) -> list[SplitOutcome]:
    """Split each receipt with the same rate and rule; an error names the row ``rows[i]``."""

def split_vouchers(
    outcome: SplitOutcome | Mapping[str, Any],
    day: date,
    asset_id: str,
    id_prefix: str,
    invoicing_party: str | None = None,
    invoicing_vat: str = "general",
    policy: _PolicyArg = None,
) -> list[tuple[str, Voucher]]:
    """Book each share as its party's licence-fee voucher; return ``(party, voucher)`` pairs."""

def routing_for(entity_kind: str, policy: _PolicyArg = None) -> str:
    """Return where a share received by a unit of ``entity_kind`` goes."""

def build_report(input: ReportInput | Mapping[str, Any]) -> ProgressReport:
    """Build the progress report of ``input``."""

def build_report_with_calendar(
    input: ReportInput | Mapping[str, Any], as_of: date, *, calendar: Calendar | None = None
) -> ProgressReport:
    """Build the progress report with the deadlines computed from the calendar on ``as_of``."""

def render_markdown(report: ProgressReport | Mapping[str, Any]) -> str:
    """Render a progress report as Markdown."""

def asset_snapshot(
    entry: RegisterEntry | Mapping[str, Any],
    book_value: _Money,
    registration: RegistrationRecord | Mapping[str, Any] | None = None,
) -> AssetSnapshot:
    """Create the report's snapshot of a ledger entry with its book value at the period end."""

def ledger_changes(history: Iterable[HistoryRecord | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Convert ledger history records into the report's ledger changes."""

def registration_events(record: RegistrationRecord | Mapping[str, Any]) -> list[dict[str, Any]]:
    """List the report's registration events of one registration record."""

def authorization_view(grant: Authorization | Mapping[str, Any]) -> dict[str, Any]:
    """Convert a grant into the report's authorization view."""

def violation_view(violation: Violation | Mapping[str, Any], status: str = "open") -> dict[str, Any]:
    """Convert a violation into the report's view with its status (``open`` or ``closed``)."""

def receipt_from_split(
    day: date, asset_id: str, outcome: SplitOutcome | Mapping[str, Any]
) -> dict[str, Any]:
    """Convert a split receipt into the report's receipt."""

def authorization_risk_view(grant: Authorization | Mapping[str, Any]) -> dict[str, Any]:
    """Convert a grant into the risk rules' view of it."""

def trade_view(trade: TradeRecord | Mapping[str, Any]) -> dict[str, Any]:
    """Convert a trade record into the risk rules' view of it."""

@final
class Ledger:
    """A unit's ledger: the unit, its data assets, accounting events, authorizations and
    receipts, as the five sheets of a ledger workbook hold them."""

    __hash__: ClassVar[None]  # type: ignore[assignment]
    def __new__(cls, **fields: Any) -> Ledger: ...
    @staticmethod
    def from_dict(data: Mapping[str, Any]) -> Ledger: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __getattr__(self, name: str) -> Any: ...
    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], Ledger], tuple[dict[str, Any]]]: ...


def read_ledger(path: str | os.PathLike[str]) -> Ledger:
    """Read and check a ledger: an xlsx workbook, a ``.json`` file or a directory of CSV files.

    Raises:
        DataAssetError: a subclass for the first problem, with every bad cell and broken rule
            listed in ``errors``.
    """

def write_ledger(ledger: Ledger | Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """Write a ledger in the form its path names: a directory (which must exist) gets one CSV
    file per sheet, a ``.json`` path JSON, and any other path an xlsx workbook."""

def run_pipeline(
    path: str | os.PathLike[str], as_of: date, policy: _PolicyArg = None
) -> dict[str, Any]:
    """Run the whole pipeline on a ledger file as of ``as_of``.

    Returns what the command's ``result.json`` holds, as a dict with decimals as ``Decimal``
    and dates as ``date``: recognitions, cards, certificates, vouchers, amortization, trial
    balances, disclosures, authorizations, splits, violations, deadlines and the progress
    report, plus the stages omitted and the rows rejected.
    """
