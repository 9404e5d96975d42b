"""The error hierarchy, the version command and the controlled vocabularies."""

import subprocess
import sys

import pytest

import data_assets
from data_assets import DataAssetError, VocabError

MODULE_ERRORS = [
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
]


@pytest.mark.parametrize("name", MODULE_ERRORS)
def test_module_error_subclasses_base(name: str) -> None:
    error_class = getattr(data_assets, name)
    assert issubclass(error_class, DataAssetError)
    assert error_class.__module__ == "data_assets"


def test_error_raised_from_python_has_attributes() -> None:
    error = DataAssetError("raised by caller")
    assert error.code == ""
    assert error.field == ""


def test_version_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "data_assets", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == f"data_assets {data_assets.__version__}"
    assert data_assets.__version__.count(".") == 2


def test_vocabulary_entity_kind() -> None:
    assert data_assets.vocabulary("EntityKind") == [
        ("administrative_unit", "行政单位"),
        ("public_institution", "事业单位"),
        ("state_owned_enterprise", "国有企业"),
        ("soe_subsidiary", "国有企业子公司"),
    ]


def test_vocabulary_names_cover_asset_vocabularies() -> None:
    names = data_assets.vocabulary_names()
    for name in ["EntityKind", "DataCategory", "SecurityGrade", "RightKind", "BookingStatus"]:
        assert name in names
    for name in names:
        assert data_assets.vocabulary(name)


def test_parse_term_accepts_code_or_label() -> None:
    assert data_assets.parse_term("SecurityGrade", "核心数据") == "core"
    assert data_assets.parse_term("SecurityGrade", "core") == "core"
    assert data_assets.parse_term("RightKind", "数据资源持有权") == "holding"


def test_parse_term_unknown_term() -> None:
    with pytest.raises(VocabError) as caught:
        data_assets.parse_term("SecurityGrade", "绝密")
    assert caught.value.code == "vocab.unknown_term"
    assert caught.value.field == "SecurityGrade"
    assert caught.value.value == "绝密"
    assert "core (核心数据)" in caught.value.allowed


def test_vocabulary_unknown_name() -> None:
    with pytest.raises(VocabError) as caught:
        data_assets.vocabulary("Colour")
    assert caught.value.code == "vocab.unknown_vocabulary"
    assert "EntityKind" in caught.value.allowed
