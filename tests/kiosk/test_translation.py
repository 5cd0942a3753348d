"""The kiosk's English catalog (resources/i18n/kiosk_en.ts) covers every text in kiosk/ and leaves none
unfinished; switching language changes fixed and worded texts alike."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from kiosk_fixtures import KioskUnderTest

from desk.domain.catalog import Category
from desk.domain.errors import NotFound
from desk.services.ratings import RatingLevel
from kiosk.said import error_said, says
from kiosk.screens.picker import CATEGORY_BUTTONS
from kiosk.screens.rating import LEVEL_STYLE

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "kiosk_en.ts"


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def test_every_text_is_translated() -> None:
    for (context, source), translation in _messages(TS).items():
        assert translation is not None and (translation.text or "").strip(), (context, source)
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"


def test_the_catalog_matches_the_code(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.fail("pyside6-lupdate is missing from the virtualenv (PySide6-Essentials installs it)")
    fresh = tmp_path / "kiosk_en.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(path) for path in (ROOT / "kiosk").rglob("*.py"))
    subprocess.run([str(lupdate), "-source-language", "zh_CN", "-target-language", "en", *sources,
                    "-ts", str(fresh), "-no-obsolete"], check=True, capture_output=True, timeout=120)
    assert set(_messages(fresh)) == set(_messages(TS)), "run scripts/build-translations.sh --update and translate"


def test_english_reaches_the_case_cards(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.kiosk.window.btn_language.click()
    assert kiosk.kiosk.ctx.english
    kiosk.flow.home.btn_cases.click()
    kiosk.wait_screen("cases")
    card = kiosk.flow.cases.cards[0]
    assert card.lbl_state.text() == "Now: Some papers are missing"
    assert card.lbl_missing.text().startswith("Still to bring: 1. Household booklet")
    assert kiosk.flow.cases.lbl_title.text() == "My cases (3)"


def test_the_kiosk_starts_with_qts_own_chinese_strings(kiosk: KioskUnderTest) -> None:
    assert kiosk.kiosk.languages.language == "zh_CN"
    assert any(t.translate("QPlatformTheme", "Cancel") == "取消" for t in kiosk.kiosk.languages._translators)


def test_a_message_on_screen_follows_the_language_button(kiosk: KioskUnderTest) -> None:
    """An error and a kiosk sentence are kept as meaning, and said again in the new language."""
    kiosk.start_card_session("zhang-wei")
    flow = kiosk.flow
    flow.show_message(error_said(NotFound.say("kiosk.online_not_found")), title=says("没有找到"), kind="warning")
    assert flow.message.lbl_text.text() == "没有找到您的这份网上申请。"
    assert flow.message.lbl_title.text() == "没有找到"
    kiosk.kiosk.window.btn_language.click()
    assert kiosk.kiosk.ctx.english
    assert flow.message.lbl_text.text() == "No online application of yours has that number."
    assert flow.message.lbl_title.text() == "Not found"


def test_the_kiosks_words_for_levels_and_categories_are_their_chinese_labels() -> None:
    assert {level: words.source for level, (_, words) in LEVEL_STYLE.items()} == {
        level: level.label_zh for level in RatingLevel}
    assert {category: words.source for category, words in CATEGORY_BUTTONS.items()} == {
        category: category.label_zh for category in Category}


def _full_width(text: str) -> list[str]:
    return [char for char in text if char in "（）；，："]


def test_english_screens_use_english_punctuation(kiosk: KioskUnderTest) -> None:
    """Full-width brackets and semicolons around English words ("（Original）", "old address；2.",
    "张伟（2101…）") — found driving the kiosk in English."""
    kiosk.start_card_session("zhang-wei")
    kiosk.kiosk.window.btn_language.click()
    flow = kiosk.flow
    flow.home.btn_cases.click()
    kiosk.wait_screen("cases")
    missing = flow.cases.cards[0].lbl_missing.text()
    assert "2. " in missing and not _full_width(missing), missing
    flow.cases.btn_back.click()
    flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    assert flow.certificate.lbl_for.text().startswith("Household certificate for 张伟 (2101")
    assert not _full_width(flow.certificate.lbl_for.text())
    flow.certificate.btn_back.click()
    flow.home.btn_guide.click()
    kiosk.wait_screen("guide")
    flow.guide.picker.click_tile("Birth registration")
    texts = [label.text() for label in flow.guide.findChildren(type(flow.guide.lbl_title)) if label.isVisible()]
    lines = [text for text in texts if text[:2] in {"1.", "2.", "3."}]
    assert lines and all(not _full_width(line) and line.endswith(")") for line in lines), lines


def test_the_english_header_names_the_station_in_english(kiosk: KioskUnderTest) -> None:
    """The header said "太原街派出所 · Self-service" in English: a station's English name (in data) now."""
    window = kiosk.kiosk.window
    kiosk.qtbot.waitUntil(lambda: window.lbl_station.text() == "太原街派出所 · 自助服务", timeout=5000)
    window.btn_language.click()
    assert window.lbl_station.text() == "Taiyuan Street Police Station · Self-service"
    # A station without an English name: its Chinese name, in the English words around it.
    window.set_station("沈阳市公安局和平分局南市场派出所", "024-1", "")
    assert window.lbl_station.text() == "南市场派出所 · Self-service"
    window.btn_language.click()
    assert window.lbl_station.text() == "南市场派出所 · 自助服务"
