"""A first session with data_assets: split a receipt, round, read the policy and a vocabulary.

Run with ``python examples/python/first_session.py`` after ``maturin develop`` or
``pip install ./bindings/python``.
"""

from decimal import Decimal

import data_assets


def main() -> None:
    """Print a split, a rounding, the default policy and the entity kinds."""
    # A 100.00 yuan receipt split in three equal parts: the leftover fen goes to the first.
    shares = data_assets.allocate(Decimal("100.00"), [Decimal(1), Decimal(1), Decimal(1)])
    print("split of 100.00:", ", ".join(str(share) for share in shares))

    # 四舍五入 (half_up) is the default rule for booked amounts.
    print("2.345 rounded:", data_assets.round_decimal(Decimal("2.345")))

    policy = data_assets.Policy(low_value_threshold=Decimal("500"))
    threshold: Decimal = policy.to_dict()["low_value_threshold"]
    print("low-value threshold:", threshold)

    for code, label in data_assets.vocabulary("EntityKind"):
        print(f"{code:<24} {label}")

    try:
        data_assets.allocate(Decimal("0.05"), [0.7, 0.3])  # type: ignore[list-item]
    except data_assets.MoneyError as error:
        print("rejected:", error.code, error.field)


if __name__ == "__main__":
    main()
