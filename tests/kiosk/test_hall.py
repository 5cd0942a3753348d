"""The hall's calling screen follows the queue and speaks each new call once (a recall again), on
SQLite and PostgreSQL; the speech engine (espeak-ng) really records a call."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import wave
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from desk_fixtures import Desk
from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desk.qt.tasks import TaskRunner
from desk.services.queue import HallBoard
from kiosk.announcer import Announcer
from kiosk.hall import (
    FONT_FAMILIES,
    LOADING_ZH,
    NOW_CALLING,
    UNREADABLE,
    HallController,
    HallScreen,
    HallSource,
    HallStarter,
)


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


# ---- the start: the screen at once, the store opened on a worker ---------------------------------


def _starter(qtbot: QtBot, open_source: Callable[[], HallSource], *, retry_ms: int = 10_000) -> HallStarter:
    screen = HallScreen()
    qtbot.addWidget(screen)
    runner = TaskRunner(parent=screen)
    starter = HallStarter(screen, open_source, RecordingSpeaker(), runner, poll_ms=30, retry_ms=retry_ms,
                          chime=lambda: None)
    screen.show()
    return starter


def _stop(starter: HallStarter) -> None:
    starter.stop()
    starter._runner.wait_for_done()
    starter.close()


def test_the_screen_shows_and_stays_live_while_the_store_opens(qtbot: QtBot, desk: Desk) -> None:
    """A first start migrates the store and builds the demo data (10–20 s): the screen was black all
    that time. Now it shows its loading state at once and its GUI thread keeps running."""
    desk.core.queue.set_counter(1, "1号窗口")
    desk.core.queue.take_ticket(None)
    desk.core.queue.call_next(desk.clerk, counter=1)
    opened = threading.Event()
    release = threading.Event()
    closed: list[int] = []

    def slow_open() -> HallSource:
        opened.set()
        assert release.wait(30)
        return HallSource(desk.core.queue.hall_board, lambda: closed.append(1))

    starter = _starter(qtbot, slow_open)
    boards: list[HallBoard] = []
    starter.board_shown.connect(boards.append)
    starter.start()
    qtbot.waitUntil(opened.is_set, timeout=10_000)
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)  # the event loop runs while the store opens
    timer.stop()
    screen = starter.screen
    assert screen.loading and screen.isVisible()
    assert LOADING_ZH in screen.lbl_now_caption.text() and not any(cell.isVisible() for cell in screen.cells)
    release.set()
    qtbot.waitUntil(lambda: bool(boards), timeout=10_000)
    assert not screen.loading and screen.lbl_now.text() == "G001  →  1号窗口"
    assert screen.lbl_now_caption.text() == NOW_CALLING
    _stop(starter)
    assert closed == [1]


def test_a_store_that_cannot_be_opened_is_said_and_tried_again(qtbot: QtBot, desk: Desk) -> None:
    attempts: list[int] = []

    def flaky_open() -> HallSource:
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("无法打开数据库：postgresql+psycopg://nobody:***@127.0.0.1:1/none。" * 3)
        return HallSource(desk.core.queue.hall_board, lambda: None)

    starter = _starter(qtbot, flaky_open, retry_ms=50)
    failures: list[str] = []
    boards: list[HallBoard] = []
    starter.failed.connect(failures.append)
    starter.board_shown.connect(boards.append)
    starter.start()
    screen = starter.screen
    screen.resize(1366, 768)
    qtbot.waitUntil(lambda: bool(failures), timeout=10_000)
    assert "postgresql" in failures[0]  # the cause goes to the log; the hall reads a plain sentence
    assert screen.lbl_waiting.text() == UNREADABLE and screen.loading
    # A long cause widened the screen past its edge (the clock went off the TV).
    screen.layout().activate()
    assert screen.width() == 1366 and screen.rect().contains(screen.lbl_clock.geometry())
    qtbot.waitUntil(lambda: bool(boards), timeout=10_000)
    assert len(attempts) == 2 and not starter.screen.loading
    _stop(starter)


def test_the_screen_module_does_not_load_the_store(tmp_path: Path) -> None:
    """Importing the store (SQLAlchemy, the models) took ~1.5 s before the first paint."""
    probe = ("import sys, kiosk.hall; "
             "print(sorted(m for m in ('sqlalchemy', 'desk.store.database') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _fonts_drawing(label: QLabel, text: str) -> set[str]:
    label.ensurePolished()
    layout = QTextLayout(text, label.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_digits_and_han_are_drawn_in_the_one_declared_font(qtbot: QtBot) -> None:
    """“3号窗口” took its 3 from DejaVu Sans and 号窗口 from another CJK font (found on the hall's TV)."""
    screen = HallScreen()
    qtbot.addWidget(screen)
    screen.show()
    labels = screen.findChildren(QLabel)
    assert len(labels) > 10
    for label in labels:
        assert _fonts_drawing(label, "F001 → 3号窗口") == {FONT_FAMILIES[0]}, label.objectName()


def _desk_command(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DESK_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "desk", *args], capture_output=True, text=True, timeout=90,
                          env=env, cwd=data_dir)


def test_a_screenshot_of_a_board_that_cannot_be_read_ends_with_an_error(tmp_path: Path) -> None:
    """`desk hall --screenshot FILE` waited forever when the store opened but its board could not be read
    (a damaged store, a server that refuses the board): it ends with the cause and status 1."""
    import sqlite3

    store = tmp_path / "hall.db"
    url = f"sqlite:///{store}"
    shot = tmp_path / "board.png"
    made = _desk_command(tmp_path, "--db", url, "hall", "--screenshot", str(shot))
    assert made.returncode == 0, made.stderr
    assert shot.stat().st_size > 0  # a readable store: its board
    shot.unlink()
    with sqlite3.connect(store) as db:  # the store still opens (its schema is at head); its board does not
        db.execute("DROP TABLE queue_tickets")
    failed = _desk_command(tmp_path, "--db", url, "hall", "--screenshot", str(shot))
    assert failed.returncode == 1
    assert "叫号数据无法读取" in failed.stderr and "queue_tickets" in failed.stderr
    assert not shot.exists()  # no picture of a loading screen passed off as the board


def test_the_hall_command_takes_the_command_lines_settings(tmp_path: Path) -> None:
    """`desk --set server_url=… hall` read the settings files only: the hall showed the local store."""
    password = tmp_path / "kiosk-password"
    password.write_text("secret", encoding="utf-8")
    password.chmod(0o600)
    done = _desk_command(tmp_path, "--set", "server_url=https://127.0.0.1:9", "--set", "kiosk_user=hall01",
                         "--set", f"kiosk_password_file={password}", "hall", "--screenshot",
                         str(tmp_path / "board.png"))
    assert done.returncode == 1 and "城市服务器" in done.stderr


def test_the_header_names_the_station_in_english_too(hall: Hall) -> None:
    """The header showed the station's Chinese name only, though every caption is Chinese and English."""
    from desk.services.demo import DEMO_STATION_EN

    hall.start()
    assert hall.screen.lbl_station.text() == "沈阳市公安局和平分局太原街派出所"  # no English name: Chinese only
    hall.desk.core.users.save_station("HP01", "沈阳市公安局和平分局太原街派出所", name_en=DEMO_STATION_EN)
    board = hall.next_board()
    assert board.station_name_en == DEMO_STATION_EN
    assert hall.screen.lbl_station.text() == f"沈阳市公安局和平分局太原街派出所  ·  {DEMO_STATION_EN}"
    screen = hall.screen
    screen.resize(1366, 768)
    screen.show()
    screen.layout().activate()
    # The long two-language name wraps; the clock stays on the screen.
    assert screen.width() == 1366 and screen.rect().contains(screen.lbl_clock.geometry())
