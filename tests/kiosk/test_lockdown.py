"""Lockdown: close events and escape sequences have no effect; only an administrator's password opens
the staff exit, reached by holding the top-left corner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kiosk_fixtures import KioskUnderTest, make_kiosk
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.services.demo import DEMO_PASSWORD

ESCAPES = [
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Backtab, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Super_L, Qt.KeyboardModifier.NoModifier),
]


@pytest.fixture
def locked(qtbot: QtBot, tmp_path: Path, seeded_database: Path) -> Iterator[KioskUnderTest]:
    # No reader needed to prove the lockdown: do not wait for it.
    yield from make_kiosk(qtbot, tmp_path, seeded_database, wait_ready=False)


def test_close_requests_are_refused(locked: KioskUnderTest) -> None:
    window = locked.kiosk.window
    assert window.close() is False
    event = QCloseEvent()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()
    assert window.isVisible()
    assert locked.kiosk.lockdown.swallowed >= 1


@pytest.mark.parametrize(("key", "modifiers"), ESCAPES)
def test_escape_sequences_do_nothing(locked: KioskUnderTest, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    window = locked.kiosk.window
    fired: list[int] = []
    # What a shortcut to leave would do, if anything let it fire.
    shortcut = QShortcut(QKeySequence(key.value | modifiers.value), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(1))
    before = locked.kiosk.lockdown.swallowed
    QTest.keyClick(window, key, modifiers)
    assert fired == []
    assert locked.kiosk.lockdown.swallowed > before
    assert window.isVisible() and locked.screen() == "attract"


def test_the_shortcut_check_can_fail(locked: KioskUnderTest) -> None:
    """Control: with the lockdown lifted, the same Ctrl+Q shortcut does fire."""
    window = locked.kiosk.window
    fired: list[int] = []
    shortcut = QShortcut(QKeySequence("Ctrl+Q"), window)
    shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
    shortcut.activated.connect(lambda: fired.append(1))
    locked.kiosk.lockdown.unlock()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    locked.kiosk.lockdown.lock()
    assert fired == [1]


def _hold_corner(locked: KioskUnderTest) -> None:
    window = locked.kiosk.window
    with locked.qtbot.waitSignal(locked.kiosk.lockdown.staff_exit_requested, timeout=3000):
        QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    locked.wait_screen("staff")


def test_a_short_tap_or_another_corner_opens_nothing(locked: KioskUnderTest) -> None:
    window = locked.kiosk.window
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(10, 10))
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(1900, 1060))
    locked.qtbot.wait(600)  # twice the hold time: nothing may happen
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(1900, 1060))
    assert locked.screen() == "attract"


def test_staff_exit_needs_an_administrator_password(locked: KioskUnderTest) -> None:
    _hold_corner(locked)
    staff = locked.flow.staff
    quits: list[int] = []
    locked.flow.quit_requested.connect(lambda: quits.append(1))

    staff.edt_password.setText("wrong-password")
    staff.btn_exit.click()
    locked.qtbot.waitUntil(lambda: staff.lbl_error.isVisibleTo(staff))
    assert "密码错误" in staff.lbl_error.text() and quits == []
    assert locked.kiosk.lockdown.locked

    staff.edt_user.setText("clerk")  # a clerk's good password is not enough
    staff.edt_password.setText(DEMO_PASSWORD)
    staff.btn_exit.click()
    locked.qtbot.waitUntil(lambda: "管理员" in staff.lbl_error.text())
    assert quits == [] and locked.kiosk.lockdown.locked

    staff.btn_cancel.click()
    assert locked.screen() == "attract" and staff.edt_password.text() == ""
    _hold_corner(locked)
    staff.edt_password.setFocus()
    for char in DEMO_PASSWORD:  # typed on the on-screen keypad
        next(key for key in staff.keypad.keys if key.text() == char).click()
    with locked.qtbot.waitSignal(locked.flow.quit_requested, timeout=8000):
        staff.btn_exit.click()
    assert not locked.kiosk.lockdown.locked and locked.kiosk.window.allow_close


def test_the_countdown_shows_only_in_the_last_15_seconds(kiosk: KioskUnderTest) -> None:
    window = kiosk.kiosk.window
    window.set_countdown(40)
    assert window.lbl_countdown.text() == ""
    window.set_countdown(15)
    assert window.lbl_countdown.text() == "15 秒后自动退出"
    window.set_countdown(-1)
    assert window.lbl_countdown.text() == ""
