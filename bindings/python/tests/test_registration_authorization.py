"""Info cards, certificates, the registration book and the authorization workflow."""

import pickle
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest

import data_assets

HOLDER = {"name": "桂林市交通运输局", "credit_code": "11450300MB0000000X"}


def card_fields(**changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "asset_id": "GL-001",
        "name": "交通流量数据",
        "summary": "主要路口分时段车流量",
        "holder": HOLDER,
        "category": "public",
        "rights_registration": "registered",
        "booking_status": "intangible_asset",
        "table_count": 12,
        "field_count": 340,
        "record_count": 5_000_000,
        "open_type": "conditional",
        "open_conditions": "签订数据使用协议",
        "sharing_type": "unconditional",
        "sharing_conditions": None,
        "security_grade": "general",
        "update_frequency": "daily",
        "source_systems": ["交通信号控制系统"],
        "operation_status": "not_authorized",
        "book_value": Decimal("800000.00"),
        "contains_personal_data": False,
        "personal_data_basis": "none",
    }
    fields.update(changes)
    return fields


def test_card_valid_and_schema() -> None:
    card = data_assets.GovernmentCard.from_dict(card_fields())
    assert card.problems() == []
    card.validate()
    schema = data_assets.GovernmentCard.json_schema()
    assert "asset_id" in schema["properties"]
    assert data_assets.GovernmentCard.from_json(card.canonical_json()) == card
    assert "basic" in data_assets.EnterpriseCard.json_schema()["properties"]


def test_card_lists_every_problem() -> None:
    card = data_assets.GovernmentCard.from_dict(card_fields(name="", summary="", source_systems=[]))
    fields = [problem["field"] for problem in card.problems()]
    assert len(fields) >= 3
    with pytest.raises(data_assets.RegistrationError) as caught:
        card.validate()
    assert [problem["field"] for problem in caught.value.errors] == fields


def test_certificate_issue_and_verify() -> None:
    number = data_assets.certificate_number("450300", 2026, 1)
    assert number.startswith("DA-450300-2026-000001-")
    card = data_assets.GovernmentCard.from_dict(card_fields())
    certificate = data_assets.issue_certificate(number, card, date(2026, 3, 2))
    assert certificate.fingerprint == card.fingerprint()
    data_assets.verify_certificate(certificate, card)
    changed = data_assets.GovernmentCard.from_dict(card_fields(record_count=5_000_001))
    with pytest.raises(data_assets.RegistrationError) as caught:
        data_assets.verify_certificate(certificate, changed)
    assert caught.value.code == "registration.fingerprint_mismatch"
    assert pickle.loads(pickle.dumps(certificate)) == certificate


def test_mistyped_certificate_number() -> None:
    number = data_assets.certificate_number("450300", 2026, 1)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    card = data_assets.GovernmentCard.from_dict(card_fields())
    with pytest.raises(data_assets.RegistrationError) as caught:
        data_assets.issue_certificate(wrong, card, date(2026, 3, 2))
    assert caught.value.code == "registration.check_character_mismatch"


def test_certificate_number_parts() -> None:
    # Worked by hand: the digits 4503002025000123 weighted 2 to 17 sum to 227, 227 mod 31 is
    # 10, and (31 - 10) mod 31 = 21 is "M" in the check alphabet 0-9, A-X without I, O, S.
    assert data_assets.certificate_check_character("4503002025000123") == "M"
    assert data_assets.certificate_check_character("450300202500012") is None
    parts = data_assets.parse_certificate_number("DA-450300-2025-000123-M")
    assert parts == ("450300", 2025, 123)
    with pytest.raises(data_assets.RegistrationError) as caught:
        data_assets.parse_certificate_number("DA-450300-2025-000123-N")
    assert caught.value.code == "registration.check_character_mismatch"
    assert caught.value.value == "DA-450300-2025-000123-N"
    with pytest.raises(data_assets.RegistrationError) as caught:
        data_assets.parse_certificate_number("DA-450300-2025-123-M")
    assert caught.value.code == "registration.invalid_certificate_number"


def test_registration_book_events_and_pickle() -> None:
    card = data_assets.GovernmentCard.from_dict(card_fields())
    number = data_assets.certificate_number("450300", 2026, 1)
    certificate = data_assets.issue_certificate(number, card, date(2026, 3, 2))
    book = data_assets.RegistrationBook()
    record = book.register_certificate(certificate, "登记机构")
    assert record.certificate_number == number
    new_holder = {"name": "桂林市大数据发展局", "credit_code": "11450300MB0000001X"}
    events: list[dict[str, Any]] = [
        {"kind": {"kind": "change", "fingerprint": card.fingerprint(), "description": "更新字段"}},
        {"kind": {"kind": "transfer", "new_holder": new_holder}},
        {"kind": {"kind": "renewal", "certificate_number": data_assets.certificate_number("450300", 2027, 1)}},
        {"kind": {"kind": "cancellation", "reason": "数据停止更新"}},
    ]
    for offset, event in enumerate(events):
        book.record("GL-001", {**event, "actor": "登记机构", "date": date(2026, 4, 1 + offset)})
    final = book.get("GL-001")
    assert final is not None
    assert final.cancelled
    assert final.holder == new_holder
    assert len(final.events) == 5
    copy = pickle.loads(pickle.dumps(book))
    assert copy == book
    assert len(copy) == 1
    with pytest.raises(data_assets.RegistrationError):
        book.record("GL-001", {"kind": {"kind": "cancellation", "reason": "再次注销"}, "actor": "x", "date": date(2026, 5, 1)})


def terms(grant_id: str = "A1", **changes: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "id": grant_id,
        "asset_id": "GL-001",
        "licensee": "operator",
        "mode": {"mode": "scenario", "name": "智慧停车"},
        "rights": ["use"],
        "purpose": "industry_development",
        "fee": Decimal("120000.00"),
        "term": {"start": date(2026, 3, 1), "end": date(2026, 12, 31)},
        "exclusive": False,
    }
    fields.update(changes)
    return fields


APPLICANT = {"id": "traffic-bureau", "role": "data_unit"}
APPROVER = {"id": "finance-1", "role": "finance_bureau"}
READY = {
    "asset_id": "GL-001",
    "category": "public",
    "security_grade": "general",
    "has_info_card": True,
    "compliance_review_passed": True,
    "fee_cap": Decimal("150000.00"),
}


def at(month: int, day: int) -> datetime:
    return datetime(2026, month, day, 9, 0)


def test_authorization_workflow_and_pickle() -> None:
    grant = data_assets.Authorization.draft(terms(), APPLICANT, at(1, 5))
    assert grant.state() == "draft"
    assert grant.fee_basis() == "conditionally_paid"
    registry = data_assets.AuthorizationRegistry()
    registry.insert(grant)
    registry.submit("A1", APPLICANT, at(1, 6), READY)
    with pytest.raises(data_assets.AuthorizationError) as caught:
        registry.approve("A1", APPLICANT, at(1, 7), READY)
    assert caught.value.code.startswith("authorization.")
    registry.approve("A1", APPROVER, at(1, 20), READY)
    registry.activate("A1", APPROVER, at(3, 1))
    active = registry.get("A1")
    assert active is not None
    assert active.state() == "active"
    assert active.is_live()
    copy = pickle.loads(pickle.dumps(registry))
    assert copy == registry
    copy.revoke("A1", APPROVER, at(6, 1), "违规使用")
    assert copy.get("A1").state() == "revoked"
    assert registry.get("A1").state() == "active"  # type: ignore[union-attr]


def test_exclusive_grants_cannot_overlap() -> None:
    registry = data_assets.AuthorizationRegistry()
    for grant_id in ["A1", "A2"]:
        registry.insert(data_assets.Authorization.draft(terms(grant_id, exclusive=True), APPLICANT, at(1, 5)))
        registry.submit(grant_id, APPLICANT, at(1, 6), READY)
    registry.approve("A1", APPROVER, at(1, 20), READY)
    with pytest.raises(data_assets.AuthorizationError) as caught:
        registry.approve("A2", APPROVER, at(1, 21), READY)
    assert caught.value.code == "authorization.exclusive_conflict"


def test_term_problems_listed() -> None:
    bad = terms("", licensee=" ", rights=[], fee=Decimal("-0.01"))
    fields = [p["field"] for p in data_assets.Authorization.term_problems(bad)]
    assert fields[:2] == ["id", "licensee"]
    assert "fee" in fields
    with pytest.raises(data_assets.AuthorizationError) as caught:
        data_assets.Authorization.draft(bad, APPLICANT, at(1, 5))
    assert caught.value.code == "authorization.missing_field"


def test_cards_from_ledger_asset() -> None:
    asset = data_assets.DataAsset.example()
    card = data_assets.GovernmentCard.from_asset(asset, Decimal("800000.00"))
    assert card.asset_id == asset.id
    assert card.book_value == Decimal("800000.00")
    enterprise = data_assets.EnterpriseCard.from_asset(
        asset, Decimal("800000.00"), responsible_department="数据管理部", has_security_system=True
    )
    assert enterprise.basic["asset_id"] == asset.id
    with pytest.raises(data_assets.RegistrationError) as caught:
        data_assets.EnterpriseCard.from_asset(asset, Decimal(1), other_holders=[{"name": 1}])
    assert caught.value.field.startswith("other_holders")


def test_risk_view_of_grant() -> None:
    grant = data_assets.Authorization.draft(terms(), APPLICANT, at(1, 5))
    view = data_assets.authorization_risk_view(grant)
    assert view["asset_id"] == "GL-001"
    assert data_assets.authorization_view(grant)["id"] == "A1"
