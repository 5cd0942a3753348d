"""The status line's reader before its first report: starting (grey), not an error (red) — at every
start the desk showed 读卡器：未启动 in red for a few seconds before 请放置证件."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desk.devices.reader import ReaderState, ReaderStatus
from desk.ui.status_bar import DeviceStatusBar


def test_a_reader_that_has_not_reported_yet_is_starting(qtbot: QtBot) -> None:
    bar = DeviceStatusBar()
    qtbot.addWidget(bar)
    assert bar.reader_text() == "读卡器：正在启动"
    assert bar.lbl_reader.property("level") == "busy"
    bar.set_reader_status(ReaderStatus(ReaderState.WAITING, "请放置证件", "Place the card"))
    assert bar.reader_text() == "读卡器：请放置证件" and bar.lbl_reader.property("level") == "ok"
