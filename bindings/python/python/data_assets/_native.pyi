"""Typed interface of the ``data_assets._native`` extension module (written by hand)."""

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import Any, ClassVar, final

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
]

__version__: str

class DataAssetError(ValueError):
    """Base of every error raised by data_assets.

    Attributes:
        code: stable code ``module.snake_case_reason``, such as ``money.not_fen``.
        field: path of the rejected field or argument, such as ``weights[1]``.
        value: rejected value as text.
        allowed: what the field accepts, in words.
    """

    code: str
    field: str
    value: str
    allowed: str

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
