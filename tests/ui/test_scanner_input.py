"""Scanned text in Qt: the keyboard-wedge filter and the serial scanner worker."""

from __future__ import annotations

import os
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
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
