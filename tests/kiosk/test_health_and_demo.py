"""The kiosk's heartbeat reaches the manager's kiosk list; spoken prompts only where text-to-speech
exists; the demo mode's hidden test control drives the simulated reader."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_fixtures import KioskUnderTest, make_kiosk
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kiosk.demo_panel import DemoPanel
from kiosk.speech import Speaker


def test_heartbeat_reports_reader_printer_and_sessions(kiosk: KioskUnderTest) -> None:
    kiosks = kiosk.kiosk.core.kiosks
    kiosk.qtbot.waitUntil(lambda: any(view.code == "K01" for view in kiosks.kiosks()), timeout=5000)
    kiosk.start_card_session("zhang-wei")
    kiosk.kiosk.window.btn_end.click()
    kiosk.sim.remove()
    kiosk.wait_screen("attract")
    kiosk.start_card_session("li-xiulan")

    def beat_seen() -> bool:
        view = next(view for view in kiosks.kiosks() if view.code == "K01")
        return view.sessions_today == 2 and view.reader_state == "ready" and view.printer_state == "ready"

    kiosk.qtbot.waitUntil(beat_seen, timeout=5000)
    [view] = kiosks.kiosks()
    assert view.online and view.last_seen is not None
    # Out of paper: the next beats say so.
    kiosk.printer.paper_out = True
    kiosk.kiosk.print_adapter.refresh_state()
    kiosk.qtbot.waitUntil(lambda: kiosks.kiosks()[0].printer_state == "paper_out", timeout=5000)
    assert kiosks.kiosks()[0].sessions_today == 2  # sessions are counted once


class _FakeEngine:
    """Stands in for QTextToSpeech where PySide6-Addons is installed."""

    def __init__(self) -> None:
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        pass


def test_spoken_prompts_are_optional_and_off_by_default(kiosk: KioskUnderTest) -> None:
    # This project's PySide6-Essentials has no QtTextToSpeech: the switch is simply not offered.
    assert not Speaker().available
    assert kiosk.kiosk.window.btn_speech.isHidden()
    speaker = Speaker(engine_class=_FakeEngine)
    assert speaker.available and not speaker.enabled
    speaker.say("请将身份证放在读卡区")
    assert speaker.spoken == []
    speaker.set_enabled(True)
    speaker.say("请将身份证放在读卡区")
    assert speaker.spoken == ["请将身份证放在读卡区"]


@pytest.fixture
def demo_kiosk(qtbot: QtBot, tmp_path: Path, seeded_database: Path) -> Iterator[KioskUnderTest]:
    yield from make_kiosk(qtbot, tmp_path, seeded_database, demo=True)


def test_demo_control_places_a_card_and_scans_a_receipt(demo_kiosk: KioskUnderTest) -> None:
    kiosk = demo_kiosk
    panel = kiosk.kiosk.demo_panel
    assert isinstance(panel, DemoPanel) and panel.isHidden()
    QTest.keySequence(kiosk.kiosk.window, QKeySequence("F12"))
    assert panel.isVisible()
    buttons = {button.text(): button for button in panel.findChildren(QPushButton)}
    buttons["放置：张伟\nzhang-wei"].click()
    assert panel.isHidden()  # out of the way of the screen the card opens
    kiosk.wait_screen("home")
    buttons["取走证件"].click()
    kiosk.kiosk.window.btn_end.click()
    kiosk.wait_screen("attract")
    buttons["扫描回执二维码"].click()
    kiosk.wait_screen("cases")
    assert kiosk.flow.cases.lbl_title.text() == "办理进度"


def test_demo_control_buttons_show_their_whole_text_at_1366(demo_kiosk: KioskUnderTest) -> None:
    """At 1366×768 the card buttons cut their first character ("t置：张伟…"): too wide for a third."""
    window = demo_kiosk.kiosk.window
    window.resize(1366, 768)
    demo_kiosk.qtbot.waitUntil(lambda: window.width() == 1366)
    panel = demo_kiosk.kiosk.demo_panel
    assert panel is not None
    panel.toggle()
    panel.layout().activate()
    buttons = panel.findChildren(QPushButton)
    assert len(buttons) >= 10
    for button in buttons:
        assert button.sizeHint().width() <= button.width(), button.text()
        assert panel.rect().contains(button.geometry()), button.text()
