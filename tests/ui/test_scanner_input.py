"""Scanned text in Qt: the keyboard-wedge filter and the serial scanner worker."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desk.devices.scanner import SerialScanner
from desk.devices.transport import Backoff
from desk.qt.scanner_input import SerialScannerWorker, WedgeScanFilter


class FakeClock:
    """Keystroke times: a scanner types every `gap` seconds."""

    def __init__(self, gap: float) -> None:
        self.now, self.gap = 1000.0, gap

    def __call__(self) -> float:
        self.now += self.gap
        return self.now


@pytest.fixture
def form(qtbot: QtBot) -> Iterator[tuple[QWidget, QLineEdit]]:
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit()
    layout.addWidget(edit)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edit.setFocus()
    yield window, edit


def install(gap: float) -> WedgeScanFilter:
    scan_filter = WedgeScanFilter(clock=FakeClock(gap))
    QApplication.instance().installEventFilter(scan_filter)  # type: ignore[union-attr]
    return scan_filter


def test_fast_keystrokes_become_one_scan_and_the_enter_is_swallowed(
    qtbot: QtBot, form: tuple[QWidget, QLineEdit]
) -> None:
    _window, edit = form
    scan_filter = install(gap=0.005)
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    scans: list[str] = []
    scan_filter.scanned.connect(scans.append)
    try:
        with qtbot.waitSignal(scan_filter.scanned, timeout=2000) as blocker:
            qtbot.keyClicks(edit, "SD-2026-000123")
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        assert blocker.args == ["SD-2026-000123"]
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert scans == ["SD-2026-000123"]  # seen once although the key event visits several objects
    assert returns == []


def test_slow_typing_is_left_alone(qtbot: QtBot, form: tuple[QWidget, QLineEdit]) -> None:
    _window, edit = form
    scan_filter = install(gap=0.2)
    scans: list[str] = []
    scan_filter.scanned.connect(scans.append)
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    try:
        qtbot.keyClicks(edit, "zhang san")  # QTest can only type Latin-1
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert scans == [] and returns == [True]
    assert edit.text() == "zhang san"


def test_serial_scanner_worker_emits_scans_on_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    master, slave = os.openpty()
    tty.setraw(slave)
    link = tmp_path / "scanner"
    link.symlink_to(os.ttyname(slave))
    worker = SerialScannerWorker(SerialScanner(str(link), backoff=Backoff(0.05, 0.1)))
    try:
        with qtbot.waitSignal(worker.status_changed, timeout=5000):
            worker.start()
        with qtbot.waitSignal(worker.scanned, timeout=5000) as blocker:
            os.write(master, "受理编号 SD-2026-7\r\n".encode())
        assert blocker.args == ["受理编号 SD-2026-7"]
    finally:
        assert worker.stop()
        os.close(master)
        os.close(slave)


def post_keys(widget: QWidget, keys: list[tuple[str, int]]) -> None:
    """Keys as the window system queues them while the GUI is busy: each (text, pressed at ms) is
    posted with its own timestamp and all are processed together afterwards."""
    for text, at in keys:
        key = Qt.Key.Key_Return if text == "\r" else Qt.Key(ord(text.upper()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, "" if text == "\r" else text)
            event.setTimestamp(at)
            QApplication.postEvent(widget, event)


def typed(text: str, start: int, gap: int) -> list[tuple[str, int]]:
    return [(char, start + i * gap) for i, char in enumerate(text)]


def test_keys_queued_during_a_stall_keep_their_own_times(qtbot: QtBot, form: tuple[QWidget, QLineEdit]) -> None:
    """A clerk types "csdj" + Enter at ~60 ms a key while the GUI is busy: processed as one burst,
    the keys still carry the times they were pressed, so it is typing — the Enter reaches the field."""
    _window, edit = form
    scan_filter = WedgeScanFilter(clock=FakeClock(0.001))  # processing time would look like a scanner
    QApplication.instance().installEventFilter(scan_filter)  # type: ignore[union-attr]
    scans: list[str] = []
    scan_filter.scanned.connect(scans.append)
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    try:
        post_keys(edit, typed("csdj\r", 5_000, 60))
        qtbot.waitUntil(lambda: returns == [True], timeout=2000)
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert scans == [] and edit.text() == "csdj"


def test_fast_typing_that_is_not_shaped_like_a_code_is_typing(qtbot: QtBot, form: tuple[QWidget, QLineEdit]) -> None:
    """A password typed at scanner speed (or replayed after a stall) is not a scan: its Enter signs in."""
    _window, edit = form
    scan_filter = WedgeScanFilter()
    QApplication.instance().installEventFilter(scan_filter)  # type: ignore[union-attr]
    scans: list[str] = []
    scan_filter.scanned.connect(scans.append)
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    try:
        post_keys(edit, typed("csdj1234\r", 9_000, 8))
        qtbot.waitUntil(lambda: returns == [True], timeout=2000)
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert scans == [] and edit.text() == "csdj1234"


def test_a_real_scan_in_queued_keys_is_still_a_scan(qtbot: QtBot, form: tuple[QWidget, QLineEdit]) -> None:
    _window, edit = form
    scan_filter = WedgeScanFilter(clock=FakeClock(1.0))  # processing time would look like typing
    QApplication.instance().installEventFilter(scan_filter)  # type: ignore[union-attr]
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    try:
        with qtbot.waitSignal(scan_filter.scanned, timeout=2000) as blocker:
            post_keys(edit, typed("HP01-20261125-0007\r", 20_000, 4))
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert blocker.args == ["HP01-20261125-0007"] and returns == []


def test_scans_are_not_taken_while_nobody_may_take_them(qtbot: QtBot, form: tuple[QWidget, QLineEdit]) -> None:
    """At the sign-in screen the filter is told scans are not wanted: even a scan's Enter goes on."""
    _window, edit = form
    scan_filter = WedgeScanFilter(accepting=lambda: False)
    QApplication.instance().installEventFilter(scan_filter)  # type: ignore[union-attr]
    scans: list[str] = []
    scan_filter.scanned.connect(scans.append)
    returns: list[bool] = []
    edit.returnPressed.connect(lambda: returns.append(True))
    try:
        post_keys(edit, typed("HP01-20261125-0007\r", 30_000, 4))
        qtbot.waitUntil(lambda: returns == [True], timeout=2000)
    finally:
        QApplication.instance().removeEventFilter(scan_filter)  # type: ignore[union-attr]
    assert scans == []
