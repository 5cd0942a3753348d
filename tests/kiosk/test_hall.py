"""The hall's calling screen follows the queue and speaks each new call once (a recall again), on
SQLite and PostgreSQL; the speech engine (espeak-ng) really records a call."""

from __future__ import annotations

import os
import shutil
import wave
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desk_fixtures import Desk
from pytestqt.qtbot import QtBot

from desk.qt.tasks import TaskRunner
from desk.services.queue import HallBoard
from kiosk.announcer import Announcer
from kiosk.hall import HallController, HallScreen


class RecordingSpeaker:
    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.said: list[str] = []

    def say(self, text: str) -> bool:
        if self.available:
            self.said.append(text)
        return self.available


class Hall:
    def __init__(self, qtbot: QtBot, desk: Desk, speaker: RecordingSpeaker) -> None:
        self.qtbot, self.desk, self.speaker = qtbot, desk, speaker
        self.queue = desk.core.queue
        self.screen = HallScreen()
        qtbot.addWidget(self.screen)
        self.runner = TaskRunner(parent=self.screen)
        self.chimes: list[int] = []
        self.boards: list[HallBoard] = []
        self.controller = HallController(self.screen, self.queue.hall_board, speaker, self.runner, poll_ms=30,
                                         chime=lambda: self.chimes.append(1))
        self.controller.board_shown.connect(self.boards.append)

    def start(self) -> None:
        self.controller.start()
        self.qtbot.waitUntil(lambda: bool(self.boards), timeout=10_000)

    def next_board(self) -> HallBoard:
        """Wait for a board read after now (the screen then shows what the store holds now)."""
        seen = len(self.boards)
        self.qtbot.waitUntil(lambda: len(self.boards) > seen + 1, timeout=10_000)
        return self.boards[-1]


@pytest.fixture
def hall(qtbot: QtBot, desk: Desk) -> Iterator[Hall]:
    desk.core.queue.set_counter(1, "1号窗口", "A")
    desk.core.queue.set_counter(2, "2号窗口")
    hall = Hall(qtbot, desk, RecordingSpeaker())
    yield hall
    hall.controller.stop()
    hall.runner.wait_for_done()


def test_screen_follows_calls_and_speaks_each_once(hall: Hall) -> None:
    queue, desk = hall.queue, hall.desk
    earlier = queue.take_ticket(None)
    queue.call_next(desk.clerk, counter=2)  # called before the screen started: shown, not spoken
    hall.start()
    assert hall.screen.lbl_now.text() == f"{earlier.number}  →  2号窗口"
    assert hall.speaker.said == []
    ticket = queue.take_ticket("leader_item")
    board = hall.next_board()
    assert ticket.number in hall.screen.lbl_next.text() and board.waiting == 1
    desk.clock.advance(timedelta(minutes=1))
    queue.call_next(desk.clerk, counter=1)
    hall.next_board()
    assert hall.screen.lbl_now.text() == "A001  →  1号窗口"
    assert hall.speaker.said == ["请 A零零一 号，到 1号窗口 办理。"]
    assert [cell.lbl_number.text() for cell in hall.screen.cells[:2]] == ["A001", earlier.number]
    hall.next_board()
    assert hall.speaker.said == ["请 A零零一 号，到 1号窗口 办理。"]  # the same call is not repeated
    desk.clock.advance(timedelta(minutes=1))
    queue.recall(desk.clerk, ticket.id)
    hall.next_board()
    assert hall.speaker.said == ["请 A零零一 号，到 1号窗口 办理。"] * 2  # a recall is spoken again
    queue.finish(ticket.id)
    hall.next_board()
    assert hall.screen.cells[0].lbl_number.text() == "—"


def test_without_a_speech_engine_the_screen_chimes(qtbot: QtBot, desk: Desk) -> None:
    desk.core.queue.set_counter(1, "1号窗口")
    hall = Hall(qtbot, desk, RecordingSpeaker(available=False))
    hall.start()
    desk.core.queue.take_ticket(None)
    desk.core.queue.call_next(desk.clerk, counter=1)
    hall.next_board()
    assert hall.chimes == [1] and hall.controller.announced == ["请 G零零一 号，到 1号窗口 办理。"]
    hall.controller.stop()
    hall.runner.wait_for_done()


@pytest.mark.skipif(shutil.which("espeak-ng") is None and os.environ.get("CI") != "true",
                    reason="espeak-ng not installed on this developer machine (scripts/setup.sh installs it)")
def test_espeak_records_a_spoken_call(tmp_path: Path) -> None:
    announcer = Announcer()
    assert announcer.available
    wav = announcer.to_wav("请 A零零一 号，到 1号窗口 办理。", tmp_path / "call.wav")
    with wave.open(str(wav)) as audio:
        seconds = audio.getnframes() / audio.getframerate()
    assert 1.0 < seconds < 10.0
