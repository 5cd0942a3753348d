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
