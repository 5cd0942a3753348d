"""Plain words for cases and catalog conditions; the printed checklist; what a scanned code is."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from desk.domain.catalog_words import describe_condition, materials_to_bring
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.documents import DocumentService
from desk.services.users import UserService
from desk.shipped import shipped_catalog
from desk.store.database import Store
from kiosk.payloads import CertificateCode, ProgressCode, UnknownCode, classify
from kiosk.plain_words import state_words
from kiosk.said import CHINESE, CONTEXT, Voice
from printing.documents.common import Paper
from printing.models import StationInfo
from printing.qr import receipt_qr_text

CATALOG = shipped_catalog()


def _kiosk_english() -> dict[str, str]:
    """The kiosk's own sentences ("KioskSays") and their finished English, from kiosk_en.ts."""
    root = ET.parse(Path(__file__).resolve().parents[2] / "resources" / "i18n" / "kiosk_en.ts").getroot()
    return {message.findtext("source", ""): message.findtext("translation", "")
            for context in root.iter("context") if context.findtext("name") == CONTEXT
            for message in context.iter("message")}
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
STATION = StationInfo("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市和平区太原南街 68 号", "024-23456110")


def test_every_state_has_plain_words_in_both_languages() -> None:
    english = _kiosk_english()
    for state in CaseState:
        words = state_words(state)
        chinese = words.text(CHINESE)
        assert chinese and english.get(chinese), state
        assert words.text(Voice("en", lambda context, source: english[source] if context == CONTEXT else source)) \
            == english[chinese]


def test_birth_registration_materials_split_into_always_and_if() -> None:
    lines = materials_to_bring(CATALOG["birth_registration"])
    always = [line.name.zh for line in lines if line.condition is None]
    conditional = {line.name.zh: line.condition.zh for line in lines if line.condition is not None}
    assert "《出生医学证明》" in always
    assert conditional["父母《结婚证》"] == "如父母已登记结婚则需"
    assert conditional["非婚生育说明"] == "如父母未登记结婚则需"  # the field's own "no" words (catalog data)
    assert "随父落户" in conditional["具有资质的鉴定机构出具的亲子鉴定证明"]


@pytest.mark.parametrize("code", sorted(CATALOG))
def test_no_condition_shows_code_to_the_citizen(code: str) -> None:
    """Every condition of the 36 transactions reads as words: no field keys, operators or quotes of code."""
    transaction = CATALOG[code]
    for line in materials_to_bring(transaction):
        if line.condition is None:
            continue
        text = line.condition.zh
        assert text.startswith("如") and text.endswith("则需")
        for token in ("==", "!=", "<", ">", "[", "_", "true", "false", "applicant", "符合要求"):
            assert token not in text, (code, text)
        assert line.condition.en.startswith("needed if ")


def test_unknown_condition_forms_fall_back_to_field_labels() -> None:
    fields = CATALOG["birth_registration"].fields
    words = describe_condition("filled(parents_married)", fields)
    assert "父母已登记结婚" in words.zh and "filled" not in words.zh


@pytest.mark.parametrize("paper", [Paper.A4, Paper.ROLL_80])
def test_checklist_pdf_lists_every_material(paper: Paper, tmp_path: Path) -> None:
    transaction = CATALOG["birth_registration"]
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    UserService(store, FixedClock(NOW)).ensure_station(STATION.code, STATION.name_zh, "和平分局")
    documents = DocumentService(store, CATALOG, WorkingCalendar(), FixedClock(NOW), STATION.code, tmp_path / "keys")
    pdf = documents.material_checklist(transaction.code, paper)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "")
    assert "办事材料清单" in text and "出生登记" in text and STATION.name_zh in text
    for line in materials_to_bring(transaction):
        assert line.name.zh in text
    assert "如父母已登记结婚则需" in text
    store.dispose()


def test_scanned_codes_are_classified() -> None:
    assert classify(receipt_qr_text("HP01-20260302-0001", "ABCD2345")) == ProgressCode("ABCD2345", "HP01-20260302-0001")
    assert classify(" abcd2345 ") == ProgressCode("ABCD2345")
    assert isinstance(classify("HJZM1.abc.def"), CertificateCode)
    assert classify("HJZM2.abc.def") == CertificateCode("HJZM2.abc.def")
    assert classify("https://verify.example.gov.cn/hjzm?p=HJZM2.abc.def") == CertificateCode("HJZM2.abc.def")
    assert classify("HP01-20260302-0001") == UnknownCode(18)  # a bare case number opens nothing
    assert isinstance(classify("HJCX1:HP01-1:0O1IL000"), UnknownCode)  # not a lookup alphabet
    assert isinstance(classify("https://example.com/"), UnknownCode)


@given(st.text(max_size=3000))
def test_classify_never_raises_and_keeps_no_unknown_text(text: str) -> None:
    result = classify(text)
    if isinstance(result, UnknownCode):
        assert not hasattr(result, "text")


@pytest.mark.parametrize("paper", [Paper.A4, Paper.ROLL_80])
def test_checklist_pdf_in_english_keeps_the_chinese_names(paper: Paper, tmp_path: Path) -> None:
    """For a citizen who chose English: English first, each material's Chinese name under its English one
    (the papers they bring and the clerk are Chinese); conditions and notes in English."""
    transaction = CATALOG["birth_registration"]
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    UserService(store, FixedClock(NOW)).ensure_station(STATION.code, STATION.name_zh, "和平分局")
    documents = DocumentService(store, CATALOG, WorkingCalendar(), FixedClock(NOW), STATION.code, tmp_path / "keys")
    pdf = documents.material_checklist(transaction.code, paper, language="en")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace("\n", "").replace(" ", "")
    assert "Checklistofmaterials" in text and "Birthregistration" in text and STATION.name_zh in text
    for line in materials_to_bring(transaction):
        assert line.name.en.replace(" ", "") in text and line.name.zh in text
    assert "Neededifparentsarenotmarried" in text and "Notneededwhenthepolicecancheckitintheirsystems." in text
    assert "如" not in text and "（Original）" not in text
    store.dispose()
