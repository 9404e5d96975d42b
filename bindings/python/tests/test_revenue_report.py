"""Revenue splits and VAT, and the progress report built from module records."""

import pickle
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import data_assets

RULE: dict[str, Any] = {
    "kind": "agreement",
    "parties": [
        {"party": {"name": "大数据局", "kind": "administrative_unit"}, "ratio": Decimal("0.7")},
        {"party": {"name": "运营公司", "kind": "state_owned_enterprise"}, "ratio": Decimal("0.3")},
    ],
}


def test_five_fen_split_seven_to_three() -> None:
    # 0.05 × 0.7 = 0.035 and 0.05 × 0.3 = 0.015 truncate to 0.03 and 0.01; the fen left over
    # goes to the larger remainder (0.005 against 0.005, the earlier party wins): 0.04 / 0.01.
    outcome = data_assets.split_receipt(Decimal("0.05"), Decimal(0), RULE)
    assert [share["amount"] for share in outcome.shares] == [Decimal("0.04"), Decimal("0.01")]
    assert outcome.shares[0]["routing"] == "remit_to_treasury"
    assert outcome.shares[1]["routing"] == "enterprise_revenue"
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_vat_separated_before_split() -> None:
    # 106.00 at 6%: net 106.00 / 1.06 = 100.00, VAT 6.00; 70 / 30 of the net.
    outcome = data_assets.split_receipt(Decimal("106.00"), Decimal("0.06"), RULE)
    assert outcome.vat["vat"] == Decimal("6.00")
    assert [share["amount"] for share in outcome.shares] == [Decimal("70.00"), Decimal("30.00")]
    split = data_assets.separate_vat(Decimal("106.00"), Decimal("0.06"))
    assert split.net == Decimal("100.00")
    assert split.vat == Decimal("6.00")


def test_vat_rates() -> None:
    assert data_assets.vat_rate("general", date(2026, 1, 1)) == Decimal("0.06")
    assert data_assets.vat_rate("小规模纳税人", date(2027, 12, 31)) == Decimal("0.01")
    assert data_assets.vat_rate("not_taxpayer", date(2026, 1, 1)) == Decimal(0)
    with pytest.raises(data_assets.VocabError):
        data_assets.vat_rate("exempt", date(2026, 1, 1))


def test_routing() -> None:
    assert data_assets.routing_for("administrative_unit") == "remit_to_treasury"
    assert data_assets.routing_for("国有企业") == "enterprise_revenue"


def test_split_errors() -> None:
    with pytest.raises(data_assets.MoneyError) as caught:
        data_assets.split_receipt(0.05, Decimal(0), RULE)  # type: ignore[arg-type]
    assert caught.value.code == "money.float_rejected"
    assert caught.value.field == "gross"
    with pytest.raises(data_assets.DataAssetError) as row:
        data_assets.split_receipts([Decimal("1.00"), Decimal("0.001")], Decimal(0), RULE)
    assert row.value.field.startswith("rows[1]")


def test_split_vouchers() -> None:
    outcome = data_assets.split_receipt(Decimal("106.00"), Decimal("0.06"), RULE)
    vouchers = data_assets.split_vouchers(
        outcome, date(2026, 3, 31), "GL-001", "R1", invoicing_party="运营公司"
    )
    assert [party for party, _ in vouchers] == ["大数据局", "运营公司"]
    assert [voucher.id for _, voucher in vouchers] == ["R1:大数据局", "R1:运营公司"]
    assert all(voucher.is_balanced() for _, voucher in vouchers)
    with pytest.raises(data_assets.RevenueError) as caught:
        data_assets.split_vouchers(outcome, date(2026, 3, 31), "GL-001", "R1")
    assert caught.value.code == "revenue.unknown_invoicing_party"


def test_split_receipts_frame() -> None:
    pd = pytest.importorskip("pandas")
    grosses = pd.Series([Decimal("0.05"), Decimal("100.00")], index=["Q1", "Q2"])
    frame = data_assets.split_receipts(grosses, Decimal(0), RULE)
    assert list(frame.columns) == ["gross", "net", "vat", "大数据局", "运营公司"]
    assert frame.loc["Q1", "大数据局"] == Decimal("0.04")
    assert frame.loc["Q2", "运营公司"] == Decimal("30.00")


META = {"actor": "财务科", "at": "2026-01-05T09:00:00", "reason": "首次入账"}


def report_input() -> dict[str, Any]:
    register = data_assets.Register()
    asset = data_assets.DataAsset.example().to_dict()
    asset["cost"] = Decimal("500000.00")
    register.add(asset, META)
    entry = register.entry(asset["id"])
    assert entry is not None
    outcome = data_assets.split_receipt(Decimal("0.05"), Decimal(0), RULE)
    return {
        "unit": {"name": "桂林市自然资源局", "kind": "city_department", "region_code": "450300"},
        "period": {"year": 2026, "quarter": 1},
        "assets": [data_assets.asset_snapshot(entry, Decimal("487500.00"))],
        "changes": data_assets.ledger_changes(register.history()),
        "receipts": [data_assets.receipt_from_split(date(2026, 3, 1), asset["id"], outcome)],
    }


def test_progress_report_from_records() -> None:
    report = data_assets.build_report(report_input())
    text = report.render_markdown()
    assert "桂林市自然资源局" in text
    assert "487,500.00" in text
    assert data_assets.render_markdown(report) == text
    assert pickle.loads(pickle.dumps(report)) == report


def test_progress_report_with_calendar() -> None:
    report = data_assets.build_report_with_calendar(report_input(), date(2026, 3, 31))
    assert report.to_dict()
    with pytest.raises(data_assets.ReportError) as caught:
        data_assets.build_report({**report_input(), "period": {"year": 2026, "quarter": 5}})
    assert caught.value.code.startswith("report.")
