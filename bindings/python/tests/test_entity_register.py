"""Credit codes, entities, data assets and the ledger."""

import pickle
from datetime import date

import pytest

import data_assets

META = {"actor": "张三", "at": "2025-04-01T09:30:00", "reason": "首次登记"}


def test_valid_uscc() -> None:
    assert data_assets.is_valid_uscc("91350100M000100Y43")
    assert data_assets.validate_uscc("91350100M000100Y43") == "91350100M000100Y43"


def test_bad_check_character() -> None:
    assert not data_assets.is_valid_uscc("91350100M000100Y44")
    with pytest.raises(data_assets.EntityError) as caught:
        data_assets.validate_uscc("91350100M000100Y44")
    assert caught.value.code == "entity.uscc_check_character"
    assert caught.value.field == "uscc"
    assert caught.value.value == "91350100M000100Y44"


def test_short_uscc() -> None:
    with pytest.raises(data_assets.EntityError) as caught:
        data_assets.validate_uscc("9135")
    assert caught.value.code.startswith("entity.")
    assert caught.value.field == "uscc"


def test_entity_value_type() -> None:
    entity = data_assets.Entity(
        uscc="91350100M000100Y43", name="某国有企业", kind="国有企业", region_code="350100"
    )
    assert entity.kind == "state_owned_enterprise"
    assert pickle.loads(pickle.dumps(entity)) == entity
    with pytest.raises(data_assets.EntityError):
        data_assets.Entity(
            uscc="91350100M000100Y44", name="x", kind="state_owned_enterprise", region_code="350100"
        )


def test_unknown_vocabulary_label_in_asset() -> None:
    fields = data_assets.DataAsset.example().to_dict()
    fields["security_grade"] = "绝密"
    with pytest.raises(data_assets.AssetError) as caught:
        data_assets.DataAsset.from_dict(fields)
    assert caught.value.field == "security_grade"


def test_asset_accepts_chinese_label() -> None:
    fields = data_assets.DataAsset.example().to_dict()
    fields["security_grade"] = "核心数据"
    assert data_assets.DataAsset.from_dict(fields).security_grade == "core"


def test_asset_problems() -> None:
    asset = data_assets.DataAsset.example()
    asset.validate()
    assert asset.problems() == []
    fields = asset.to_dict()
    fields["name"] = " "
    broken = data_assets.DataAsset.from_dict(fields)
    problems = broken.problems()
    assert problems and problems[0]["field"] == "name"
    with pytest.raises(data_assets.AssetError):
        broken.validate()


def test_register_workflow() -> None:
    asset = data_assets.DataAsset.example()
    register = data_assets.Register()
    register.add(asset, META)
    assert len(register) == 1
    assert register.get(asset.id) == asset
    changed = asset.to_dict()
    changed["name"] = "不动产登记数据（2025版）"
    register.change(asset.id, changed, {**META, "reason": "更名"})
    assert register.get(asset.id).name == "不动产登记数据（2025版）"  # type: ignore[union-attr]
    assert register.by_category("公共数据") == register.active()
    assert register.by_holder(asset.holder["uscc"]) == register.active()
    assert register.by_booking_status("unbooked") == register.active()
    register.dispose(asset.id, date(2025, 12, 31), {**META, "reason": "处置"})
    assert register.active() == []
    entry = register.entry(asset.id)
    assert entry is not None and entry.disposal_date == date(2025, 12, 31)
    history = register.history()
    assert [record.kind for record in history] == ["added", "changed", "disposed"]
    assert register.head()[0] == 3
    register.verify()


def test_register_duplicate_and_pickle() -> None:
    asset = data_assets.DataAsset.example()
    register = data_assets.Register()
    register.add(asset, META)
    with pytest.raises(data_assets.RegisterError) as caught:
        register.add(asset, META)
    assert caught.value.code.startswith("register.")
    copy = pickle.loads(pickle.dumps(register))
    assert copy == register
    copy.verify()
    assert data_assets.Register.from_dict(register.to_dict()) == register


def test_register_tampered_history_fails_verify() -> None:
    register = data_assets.Register()
    register.add(data_assets.DataAsset.example(), META)
    data = register.to_dict()
    data["history"][0]["hash"] = "0" * len(data["history"][0]["hash"])
    with pytest.raises(data_assets.RegisterError):
        data_assets.Register.from_dict(data).verify()


def test_register_to_pandas() -> None:
    pytest.importorskip("pandas")
    register = data_assets.Register()
    register.add(data_assets.DataAsset.example(), META)
    frame = register.to_pandas()
    assert frame.loc[0, "id"] == "GL-2025-001"
    assert frame.loc[0, "holder.uscc"] == "11450300MB12345628"
    assert frame.loc[0, "disposal_date"] is None
