"""Vouchers, the journal, trial balances and the disclosure tables."""

import pickle
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import data_assets


def purchase(event_id: str, cost: str, *, funding: str = "bank_deposit", vat: str = "0") -> dict[str, Any]:
    return {
        "id": event_id,
        "asset_id": "software-1",
        "date": date(2025, 3, 1),
        "type": "purchase",
        "cost": Decimal(cost),
        "input_vat": Decimal(vat),
        "funding": funding,
    }


def test_public_institution_software_has_both_sides() -> None:
    # A 事业单位 buys software for 4,800.00: Dr 无形资产 / Cr 银行存款 on the financial side and
    # Dr 事业支出 / Cr 资金结存—货币资金 on the budget side.
    journal = data_assets.Journal("事业单位")
    voucher = journal.post(purchase("e1", "4800.00"))
    assert voucher.is_balanced()
    assert voucher.totals("financial") == (Decimal("4800.00"), Decimal("4800.00"))
    assert voucher.totals("budget") == (Decimal("4800.00"), Decimal("4800.00"))
    budget_names = [line["account_name"] for line in voucher.budget]
    assert any("事业支出" in name for name in budget_names)
    assert any("资金结存" in name for name in budget_names)
    assert journal.entity_kind == "public_institution"


def test_enterprise_purchase_with_input_vat() -> None:
    journal = data_assets.Journal("state_owned_enterprise", vat="general")
    voucher = journal.post(purchase("e1", "100000.00", vat="6000.00"))
    debits = {line["account_code"]: line["debit"] for line in voucher.financial}
    assert debits["1701"] == Decimal("100000.00")
    assert debits["2221"] == Decimal("6000.00")
    assert voucher.budget == []
    balances = journal.balances("software-1")
    assert balances is not None
    assert journal.balances("unknown") is None


def test_amortization_events_post_monthly() -> None:
    journal = data_assets.Journal("public_institution")
    journal.post(purchase("e1", "4800.00"))
    periods = data_assets.straight_line_schedule(Decimal("4800.00"), 24, date(2025, 3, 1))
    events = data_assets.amortization_events("software-1", periods[:3], "operating")
    vouchers = journal.post_all(events)
    assert len(vouchers) == 3
    assert all(v.totals("financial")[0] == Decimal("200.00") for v in vouchers)
    names = [line["account_name"] for line in vouchers[0].financial]
    assert not any(name == "管理费用" for name in names)
    trial = journal.trial_balance(date(2025, 1, 1), date(2025, 12, 31))
    assert trial.balanced
    assert len(journal.posted()) == 4
    assert [v.id for v in journal.vouchers()][0] == "e1"


def test_rejected_event_leaves_books_unchanged() -> None:
    journal = data_assets.Journal("administrative_unit")
    with pytest.raises(data_assets.AccountingError) as caught:
        journal.post(purchase("e1", "-5.00"))
    assert caught.value.code.startswith("accounting.")
    assert journal.posted() == []


def test_unknown_vat_status() -> None:
    with pytest.raises(data_assets.ConversionError) as caught:
        data_assets.Journal("state_owned_enterprise", vat="exempt")
    assert caught.value.field == "vat"


def test_disclosure_tables_tie_out() -> None:
    journal = data_assets.Journal("state_owned_enterprise")
    journal.post(purchase("e1", "12000.00"))
    table = journal.intangible_table(date(2025, 1, 1), date(2025, 12, 31))
    assert table.check() == []
    inventory = journal.inventory_table(date(2025, 1, 1), date(2025, 12, 31))
    assert inventory.check() == []
    assert pickle.loads(pickle.dumps(table)) == table


def test_government_note() -> None:
    journal = data_assets.Journal("public_institution")
    journal.post(purchase("e1", "4800.00"))
    note = journal.government_note(
        date(2025, 1, 1), date(2025, 12, 31), {"software-1": "合同约定"}, Decimal("100000.00")
    )
    assert note.to_dict()
    assert data_assets.GovernmentNote.from_dict(note.to_dict()) == note


def test_journal_pickles_and_vouchers_frame() -> None:
    journal = data_assets.Journal("public_institution")
    journal.post(purchase("e1", "4800.00"))
    copy = pickle.loads(pickle.dumps(journal))
    assert copy == journal
    copy.post(purchase("e2", "100.00"))
    assert copy != journal
    pytest.importorskip("pandas")
    frame = journal.vouchers_to_pandas()
    assert set(frame["side"]) == {"financial", "budget"}
    assert frame["debit"].sum() == frame["credit"].sum() == Decimal("9600.00")


def test_carrying_amount_after_amortization() -> None:
    # 4,800.00 less three months of 200.00 is 4,200.00 at the end of May 2025.
    journal = data_assets.Journal("public_institution")
    journal.post(purchase("e1", "4800.00"))
    periods = data_assets.straight_line_schedule(Decimal("4800.00"), 24, date(2025, 3, 1))
    journal.post_all(data_assets.amortization_events("software-1", periods[:3], "operating"))
    assert journal.carrying_amount("software-1", date(2025, 5, 31)) == Decimal("4200.00")
    assert journal.carrying_amount("software-1", date(2025, 2, 28)) == Decimal("0")
