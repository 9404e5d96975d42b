"""Plain-Python versions of the rules that bench_binding.py times against the binding.

Each function is written from the rules as the domain notes state them, using only ``decimal``
and integers, so that the benchmark compares the binding with what a Python developer would
write by hand. The rules:

- Allocation: the largest-remainder method. Every share is floored to the fen, then the fen
  left over go one at a time to the largest fractional parts, and the earlier weight wins a tie.
- Straight-line amortization: monthly, from the first day of the month the asset is ready for
  use. Each month is ``cost / months`` rounded half away from zero (四舍五入) to the fen. The last
  month takes the remainder, so the schedule sums to the cost. An asset carried at the nominal
  amount of 1.00 yuan is not amortized.
- Revenue split: the output VAT comes off the tax-inclusive receipt first (net is
  ``gross / (1 + rate)`` rounded half up to the fen, VAT is ``gross - net``), then the net is
  allocated over the agreed ratios as above. A 行政单位's share is non-tax revenue remitted to the
  treasury, and an enterprise's share is its revenue.

NOTE: these versions cover only the inputs that the benchmark generates: non-negative totals,
agreement splits between 行政单位 and enterprises, and costs above one yuan. They raise
ValueError for anything else instead of guessing.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

FEN = Decimal("0.01")
NOMINAL_AMOUNT = Decimal("1.00")

# Decimal's default 28 significant digits could round a quotient before it is rounded to the
# fen, so every division here runs with more digits than any amount has.
_CONTEXT = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP)

_ROUTING_BY_KIND = {
    "administrative_unit": "remit_to_treasury",
    "state_owned_enterprise": "enterprise_revenue",
    "soe_subsidiary": "enterprise_revenue",
}


def _fen_count(amount: Decimal, field: str) -> int:
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{field} {amount} has more than two decimal places")
    return int(fen)


def _from_fen(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def _integer_weights(weights: list[Decimal]) -> list[int]:
    # Scaling every weight by the same power of ten keeps their proportions exact.
    exponents = [w.as_tuple().exponent for w in weights]
    places = max([0] + [-exponent for exponent in exponents if isinstance(exponent, int)])
    return [int(w.scaleb(places)) for w in weights]


def allocate(total: Decimal, weights: list[Decimal]) -> list[Decimal]:
    """Split ``total`` over ``weights`` exactly to the fen by the largest-remainder method."""
    if total < 0:
        raise ValueError(f"total {total} is negative, and only non-negative totals are covered")
    if not all(w.is_finite() for w in weights):
        raise ValueError(f"weights {weights} contain a value that is not a finite number")
    if any(w < 0 for w in weights):
        raise ValueError(f"weights {weights} contain a negative weight")
    total_fen = _fen_count(total, "total")
    integer_weights = _integer_weights(weights)
    weight_sum = sum(integer_weights)
    if weight_sum == 0:
        raise ValueError(f"weights {weights} have no positive weight")

    floors = []
    remainders = []
    for weight in integer_weights:
        quotient, remainder = divmod(total_fen * weight, weight_sum)
        floors.append(quotient)
        remainders.append(remainder)

    leftover = total_fen - sum(floors)
    # Largest remainder first, and on a tie the earlier weight comes first.
    order = sorted(range(len(weights)), key=lambda index: (-remainders[index], index))
    for index in order[:leftover]:
        floors[index] += 1
    return [_from_fen(fen) for fen in floors]


@dataclass(frozen=True)
class Period:
    """One month of an amortization schedule."""

    period: date
    amount: Decimal
    accumulated: Decimal
    carrying_amount: Decimal


def _add_months(first_of_month: date, months: int) -> date:
    index = first_of_month.year * 12 + first_of_month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def straight_line_schedule(cost: Decimal, months: int, start: date) -> list[Period]:
    """Build the monthly straight-line schedule of ``cost`` over ``months`` from ``start``."""
    if months <= 0:
        raise ValueError(f"months {months} is not positive")
    if cost < 0:
        raise ValueError(f"cost {cost} is negative")
    _fen_count(cost, "cost")
    if cost == NOMINAL_AMOUNT:
        return []

    monthly = _CONTEXT.divide(cost, Decimal(months)).quantize(FEN, rounding=decimal.ROUND_HALF_UP)
    if monthly * (months - 1) > cost:
        raise ValueError(f"cost {cost} is too small to spread over {months} months")
    first = date(start.year, start.month, 1)
    periods = []
    accumulated = Decimal("0.00")
    for index in range(months):
        amount = monthly if index < months - 1 else cost - accumulated
        accumulated += amount
        periods.append(Period(_add_months(first, index), amount, accumulated, cost - accumulated))
    return periods


@dataclass(frozen=True)
class Share:
    """One party's share of a split receipt."""

    name: str
    amount: Decimal
    routing: str


@dataclass(frozen=True)
class Split:
    """A receipt with its VAT separated and the net divided among the parties."""

    gross: Decimal
    net: Decimal
    vat: Decimal
    shares: list[Share]


def separate_vat(gross: Decimal, rate: Decimal) -> tuple[Decimal, Decimal]:
    """Return ``(net, vat)`` of a tax-inclusive receipt at ``rate``."""
    _fen_count(gross, "gross")
    net = _CONTEXT.divide(gross, 1 + rate).quantize(FEN, rounding=decimal.ROUND_HALF_UP)
    return net, gross - net


def split_receipt(gross: Decimal, rate: Decimal, parties: list[tuple[str, str, Decimal]]) -> Split:
    """Split a receipt among ``parties``, each ``(name, entity kind code, agreed ratio)``."""
    if sum(ratio for _, _, ratio in parties) != 1:
        raise ValueError(f"ratios of {parties} do not sum to 1")
    net, vat = separate_vat(gross, rate)
    amounts = allocate(net, [ratio for _, _, ratio in parties])
    shares = []
    for (name, kind, _), amount in zip(parties, amounts, strict=True):
        if kind not in _ROUTING_BY_KIND:
            raise ValueError(f"entity kind {kind} is not covered by this reference")
        shares.append(Share(name, amount, _ROUTING_BY_KIND[kind]))
    return Split(gross, net, vat, shares)
