"""Every value type and stateful class: dict form, equality, repr, pickling and immutability."""

import pickle
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

import data_assets
from test_recognition_trading import cost_input, facts
from test_registration_authorization import APPLICANT, READY, card_fields, terms
from test_revenue_report import RULE, report_input
from test_survey_io_compliance import CATALOG
from test_ledger_pipeline import ledger_fields

META = {"actor": "财务科", "at": "2025-04-01T09:00:00", "reason": "首次入账"}


def journal() -> data_assets.Journal:
    books = data_assets.Journal("public_institution")
    books.post(
        {
            "id": "e1",
            "asset_id": "software-1",
            "date": date(2025, 3, 1),
            "type": "purchase",
            "cost": Decimal("4800.00"),
            "funding": "bank_deposit",
        }
    )
    return books


def register() -> data_assets.Register:
    ledger = data_assets.Register()
    ledger.add(data_assets.DataAsset.example(), META)
    return ledger


def book() -> data_assets.RegistrationBook:
    card = data_assets.GovernmentCard.from_dict(card_fields())
    number = data_assets.certificate_number("450300", 2026, 1)
    registrations = data_assets.RegistrationBook()
    registrations.register_certificate(
        data_assets.issue_certificate(number, card, date(2026, 3, 2)), "登记机构"
    )
    return registrations


def registry() -> data_assets.AuthorizationRegistry:
    grants = data_assets.AuthorizationRegistry()
    grants.insert(data_assets.Authorization.draft(terms(), APPLICANT, datetime(2026, 1, 5, 9)))
    return grants


def survey() -> tuple[data_assets.SurveySummary, list[data_assets.Assessment]]:
    return data_assets.summarize([survey_resource()], date(2025, 6, 30))


EXAMPLES: dict[str, Callable[[], Any]] = {
    "Policy": data_assets.Policy,
    "AmortizationPeriod": lambda: data_assets.straight_line_schedule(
        Decimal("4800.00"), 24, date(2025, 1, 1)
    )[0],
    "ScheduleBasis": lambda: data_assets.ScheduleBasis(
        cost=Decimal("4800.00"),
        accumulated_before=Decimal(0),
        ready_for_use=date(2025, 1, 1),
        life={"kind": "straight_line", "months": 24},
        nominal_amount=False,
    ),
    "YearSchedule": lambda: data_assets.Calendar().schedule(2025),
    "RegionalSchedule": lambda: data_assets.RegionalSchedule(
        region_code="450000", region_name="广西壮族自治区", year=2026, source="test", holidays=[]
    ),
    "Obligation": lambda: data_assets.pilot_obligations()[0],
    "Due": lambda: data_assets.upcoming(date(2025, 3, 1), "city_soe")[0],
    "Entity": lambda: data_assets.Entity(
        uscc="91350100M000100Y43", name="某企业", kind="国有企业", region_code="350100"
    ),
    "DataAsset": data_assets.DataAsset.example,
    "ChangeMeta": lambda: data_assets.ChangeMeta(**META),
    "RegisterEntry": lambda: register().entries()[0],
    "HistoryRecord": lambda: register().history()[0],
    "RecognitionFacts": lambda: data_assets.RecognitionFacts.from_dict(facts()),
    "Recognition": lambda: data_assets.recognize(facts(), "state_owned_enterprise"),
    "DataResource": lambda: survey_resource(),
    "Survey": lambda: data_assets.Survey(systems=[], resources=[]),
    "Assessment": lambda: survey()[1][0],
    "Readiness": lambda: data_assets.readiness(survey_resource()),
    "SurveySummary": lambda: survey()[0],
    "CostApproachInput": lambda: data_assets.CostApproachInput.from_dict(cost_input()),
    "IncomeApproachInput": lambda: data_assets.IncomeApproachInput(
        forecast={"variant": "direct", "income": [Decimal("110.00")]},
        discount_rate=Decimal("0.1"),
    ),
    "MarketApproachInput": lambda: data_assets.MarketApproachInput.from_dict(market_input()),
    "Valuation": lambda: data_assets.cost_approach(cost_input()),
    "Price": lambda: data_assets.price_by_agreement(Decimal("5000.00")),
    "TradeRecord": lambda: data_assets.TradeRecord.from_dict(trade_fields()),
    "ComplianceInput": lambda: data_assets.ComplianceInput(),
    "LedgerEntryView": lambda: data_assets.ledger_entry_view(
        data_assets.DataAsset.example(), "administrative_unit", True
    ),
    "Violation": lambda: data_assets.check(
        {"ledger": [data_assets.ledger_entry_view(data_assets.DataAsset.example(), "administrative_unit", False)]}
    )[0],
    "AccountingEvent": lambda: data_assets.AccountingEvent.from_dict(journal().posted()[0].event),
    "Voucher": lambda: journal().vouchers()[0],
    "PostedEvent": lambda: journal().posted()[0],
    "AssetBalances": lambda: journal().balances("software-1"),
    "TrialBalance": lambda: journal().trial_balance(date(2025, 1, 1), date(2025, 12, 31)),
    "IntangibleTable": lambda: data_assets.Journal("国有企业").intangible_table(
        date(2025, 1, 1), date(2025, 12, 31)
    ),
    "InventoryTable": lambda: data_assets.Journal("国有企业").inventory_table(
        date(2025, 1, 1), date(2025, 12, 31)
    ),
    "GovernmentNote": lambda: journal().government_note(
        date(2025, 1, 1), date(2025, 12, 31), {}, Decimal("100000.00")
    ),
    "GovernmentCard": lambda: data_assets.GovernmentCard.from_dict(card_fields()),
    "EnterpriseCard": lambda: data_assets.EnterpriseCard.from_asset(
        data_assets.DataAsset.example(), Decimal("1000.00")
    ),
    "Certificate": lambda: data_assets.issue_certificate(
        data_assets.certificate_number("450300", 2026, 2),
        data_assets.GovernmentCard.from_dict(card_fields()),
        date(2026, 3, 2),
    ),
    "RegistrationEvent": lambda: data_assets.RegistrationEvent(
        kind={"kind": "cancellation", "reason": "停止"}, actor="x", date=date(2026, 1, 1)
    ),
    "RegistrationRecord": lambda: book().records()[0],
    "AuthorizationTerms": lambda: data_assets.AuthorizationTerms.from_dict(terms()),
    "Actor": lambda: data_assets.Actor(**APPLICANT),
    "AssetReadiness": lambda: data_assets.AssetReadiness.from_dict(READY),
    "Authorization": lambda: registry().grants()[0],
    "VatSplit": lambda: data_assets.separate_vat(Decimal("106.00"), Decimal("0.06")),
    "SplitRule": lambda: data_assets.SplitRule.from_dict(RULE),
    "SplitOutcome": lambda: data_assets.split_receipt(Decimal("0.05"), Decimal(0), RULE),
    "ReportInput": lambda: data_assets.ReportInput.from_dict(report_input()),
    "ProgressReport": lambda: data_assets.build_report(report_input()),
    "Ledger": lambda: data_assets.Ledger.from_dict(ledger_fields()),
    "AssetSnapshot": lambda: data_assets.asset_snapshot(register().entries()[0], Decimal(0)),
}

STATEFUL: dict[str, Callable[[], Any]] = {
    "Calendar": data_assets.Calendar,
    "Register": register,
    "Journal": journal,
    "RegistrationBook": book,
    "AuthorizationRegistry": registry,
}


def survey_resource() -> data_assets.DataResource:
    return data_assets.read_catalog(CATALOG)[0]


def comparable(price: str, quality: str) -> dict[str, Any]:
    factors = ["supply_demand_factor", "date_factor", "capacity_factor", "other_factor"]
    return {
        "price": Decimal(price),
        "quality_factor": Decimal(quality),
        **{factor: Decimal(1) for factor in factors},
    }


def market_input() -> dict[str, Any]:
    return {"comparables": [comparable("100000.00", "1"), comparable("120000.00", "0.9")]}


def trade_fields() -> dict[str, Any]:
    return {
        "trade_id": "T-1",
        "asset_id": "GL-001",
        "buyer_id": "91350100M000100Y43",
        "seller_id": "11450300MB12345628",
        "price": Decimal("5000.00"),
        "trade_date": date(2026, 2, 1),
        "rights_transferred": ["processing_use"],
        "includes_core_data": False,
        "venue": {"venue": "on_exchange", "exchange_name": "北部湾大数据交易中心"},
    }


def test_market_approach_mean_of_adjusted_prices() -> None:
    # (100,000.00 × 1 + 120,000.00 × 0.9) / 2 = (100,000 + 108,000) / 2 = 104,000.00.
    valuation = data_assets.market_approach(market_input())
    assert valuation.value() == Decimal("104000.00")


def test_trade_record_problems() -> None:
    record = data_assets.TradeRecord.from_dict(trade_fields())
    record.validate()
    assert record.problems() == []
    broken = data_assets.TradeRecord.from_dict({**trade_fields(), "rights_transferred": []})
    assert broken.problems()
    with pytest.raises(data_assets.TradingError):
        broken.validate()
    view = data_assets.trade_view(record)
    assert view["asset_id"] == "GL-001"


def test_every_class_has_an_example() -> None:
    classes = {
        name
        for name in data_assets.__all__
        if isinstance(getattr(data_assets, name), type)
        and hasattr(getattr(data_assets, name), "from_dict")
    }
    assert classes == set(EXAMPLES) | set(STATEFUL)


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_value_type(name: str) -> None:
    value = EXAMPLES[name]()
    cls = getattr(data_assets, name)
    assert type(value) is cls
    data = value.to_dict()
    assert cls.from_dict(data) == value
    assert pickle.loads(pickle.dumps(value)) == value
    assert repr(value).startswith(f"{name}(")
    assert value != object()
    with pytest.raises(AttributeError):
        value.some_field = 1
    with pytest.raises(data_assets.ConversionError):
        cls.from_dict([1])


@pytest.mark.parametrize("name", sorted(STATEFUL))
def test_stateful_class(name: str) -> None:
    value = STATEFUL[name]()
    cls = getattr(data_assets, name)
    copy = pickle.loads(pickle.dumps(value))
    assert copy == value
    assert copy is not value
    assert cls.from_dict(value.to_dict()) == value
    assert repr(value).startswith(f"{name}(")
