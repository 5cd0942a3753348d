"""`desk hall`: the calling screen on the hall's TV (叫号屏) — each window's current number, the newest
call large, the next numbers, a notice — with every new call (and every recall) spoken aloud.

The screen shows at once, in a loading state: the store (or, in city mode, the server's session) is
opened on a worker thread (`HallStarter`) — a first start migrates the database and, with `--demo`,
builds the demo data, which took 10–20 s of black screen while it ran before the window existed.
Then the screen asks the queue service for its board once a second on a worker thread (`TaskRunner`),
so the GUI thread never waits on the database (or, in city mode, the server). A call is announced
when it first appears on the board or is recalled; what was already on the board when the screen
started is shown but not spoken. Where no speech engine is installed the screen chimes instead.

Thread contract: `HallScreen`, `HallStarter` and `HallController` live on the GUI thread; the store is
opened and the board is read on a worker; the announcer speaks on its own thread.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desk.domain.clock import CHINA_TZ
from desk.qt.tasks import TaskRunner
from kiosk.lockdown import fill_screen

if TYPE_CHECKING:
    # Types only: the queue service pulls in the store (SQLAlchemy, ~1.5 s to import), which must not
    # delay the screen's first paint; the worker that opens the store imports it.
    from desk.core import Core
    from desk.services.queue import HallBoard, HallCall, HallWindow
    from desk.settings import Settings

log = logging.getLogger(__name__)

POLL_MS = 1000
RETRY_MS = 10_000  # a store or server that could not be opened is tried again this often
LOADING_ZH = "叫号屏正在启动，请稍候…"
LOADING_EN = "Starting…"
NOW_CALLING = "正在呼叫  Now calling"
# What the hall reads when the board cannot be read; the cause (a database URL, a server's error) is
# for the log, not the TV — a long one also widened the screen past its edge.
UNREADABLE = "叫号数据暂时无法读取，请留意窗口呼叫 · Please listen for your number at the windows"
SHOWN_WINDOWS = 8  # the grid of current calls (the newest is also shown large)
NOTICE_ZH = "请留意叫号屏幕和语音提示；过号请到服务台重新取号。老年人、残疾人、现役军人可优先办理。"
# The CJK font the project declares (scripts/debian-packages.txt; the kiosk's style sheet names the same
# list) for Latin digits and Han alike: left to the system's default, "3号窗口" took its 3 from DejaVu Sans
# and 号窗口 from a fallback CJK font — two designs and weights in one line on the hall's TV.
FONT_FAMILIES = ["Noto Sans CJK SC", "WenQuanYi Zen Hei", "HanaMinA", "HanaMinB", "BabelStone Han"]
_STYLE = """
QWidget#hall { background: #0b2545; color: #ffffff; }
QLabel { color: #ffffff; font-family: @FAMILIES@; }
QLabel#station { font-size: 40px; font-weight: bold; }
QLabel#clock { font-size: 32px; color: #b8d4f5; }
QLabel#now_caption { font-size: 30px; color: #ffd166; }
QLabel#now_call { font-size: 120px; font-weight: bold; color: #ffd166; }
QFrame#window_cell { background: #13315c; border-radius: 12px; }
QLabel#cell_number { font-size: 56px; font-weight: bold; }
QLabel#cell_window { font-size: 28px; color: #b8d4f5; }
QLabel#next_caption { font-size: 28px; color: #b8d4f5; }
QLabel#next_numbers { font-size: 44px; font-weight: bold; }
QLabel#notice { font-size: 26px; color: #ffffff; background: #134074; padding: 10px; }
""".replace("@FAMILIES@", ", ".join(f'"{family}"' for family in FONT_FAMILIES))


class Speaker(Protocol):
    @property
    def available(self) -> bool: ...

    def say(self, text: str) -> bool: ...


@dataclass(frozen=True)
class _Heard:
    """A call as the announcer knows it: a new number, window, time or recall count is a new call."""

    number: str
    counter_number: int
    called_at: datetime
    recalls: int

    @classmethod
    def of(cls, call: HallCall) -> _Heard:
        return cls(call.number, call.counter_number, call.called_at, call.recalls)


class _WindowCell(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("window_cell")
        self.lbl_number = QLabel(self)
        self.lbl_number.setObjectName("cell_number")
        self.lbl_window = QLabel(self)
        self.lbl_window.setObjectName("cell_window")
        for label in (self.lbl_number, self.lbl_window):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.addWidget(self.lbl_number)
        column.addWidget(self.lbl_window)

    def show_window(self, window: HallWindow | None) -> None:
        self.setVisible(window is not None)
        if window is not None:
            self.lbl_number.setText(window.serving or "—")
            self.lbl_window.setText(window.name_zh)


class HallScreen(QWidget):
    """The calling screen's widgets; `show_board` puts a board on it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hall")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(_STYLE)
        self.setWindowTitle("叫号屏 · Calling screen")
        # create
        self.lbl_station = QLabel(self)
        self.lbl_station.setObjectName("station")
        self.lbl_clock = QLabel(self)
        self.lbl_clock.setObjectName("clock")
        self.lbl_now_caption = QLabel(NOW_CALLING, self)
        self.lbl_now_caption.setObjectName("now_caption")
        self.lbl_now = QLabel("—", self)
        self.lbl_now.setObjectName("now_call")
        self.cells = [_WindowCell(self) for _ in range(SHOWN_WINDOWS)]
        self.lbl_next_caption = QLabel("请以下号码做好准备  Next", self)
        self.lbl_next_caption.setObjectName("next_caption")
        self.lbl_next = QLabel("—", self)
        self.lbl_next.setObjectName("next_numbers")
        self.lbl_waiting = QLabel(self)
        self.lbl_waiting.setObjectName("next_caption")
        self.lbl_waiting.setWordWrap(True)
        self.lbl_notice = QLabel(NOTICE_ZH, self)
        self.lbl_notice.setObjectName("notice")
        # configure
        for label in (self.lbl_now_caption, self.lbl_now, self.lbl_next_caption, self.lbl_next, self.lbl_waiting,
                      self.lbl_notice):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lbl_notice.setWordWrap(True)
        self.lbl_station.setWordWrap(True)  # a long English name wraps under the Chinese, the clock stays on
        # assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_station, 1)
        top.addWidget(self.lbl_clock)
        grid = QGridLayout()
        grid.setSpacing(16)
        for index, cell in enumerate(self.cells):
            grid.addWidget(cell, index // 4, index % 4)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(12)
        column.addLayout(top)
        column.addWidget(self.lbl_now_caption)
        column.addWidget(self.lbl_now, 1)
        column.addLayout(grid, 2)
        column.addWidget(self.lbl_next_caption)
        column.addWidget(self.lbl_next)
        column.addWidget(self.lbl_waiting)
        column.addWidget(self.lbl_notice)
        self.lbl_station.setText("派出所服务大厅")
        self.show_clock(datetime.now(CHINA_TZ))
        self._loading = False
        self.show_loading()

    @property
    def loading(self) -> bool:
        """Shown, with no board yet: the store is being opened (or could not be)."""
        return self._loading

    def show_loading(self, problem: str = "") -> None:
        """The screen before its first board: the hall sees a screen that is starting, not a black one."""
        self._loading = True
        self.lbl_now_caption.setText(f"{LOADING_ZH}  {LOADING_EN}")
        self.lbl_now.setText("—")
        for cell in self.cells:
            cell.show_window(None)
        self.lbl_next.setText("—")
        self.lbl_waiting.setText(problem or "正在读取叫号数据 · Loading the queue")

    def show_board(self, board: HallBoard) -> None:
        from desk.services.queue import HallWindow

        self._loading = False
        self.lbl_now_caption.setText(NOW_CALLING)
        self.lbl_station.setText(station_heading(board.station_name, board.station_name_en))
        newest = board.calls[0] if board.calls else None
        self.lbl_now.setText(f"{newest.number}  →  {newest.counter_name}" if newest else "—")
        # Every open window in a fixed place; a station without windows set up shows its calls.
        windows = board.windows or tuple(HallWindow(c.counter_number, c.counter_name, c.number) for c in board.calls)
        for index, cell in enumerate(self.cells):
            cell.show_window(windows[index] if index < len(windows) else None)
        self.lbl_next.setText("   ".join(board.upcoming) if board.upcoming else "—")
        self.lbl_waiting.setText(f"等候人数 {board.waiting} · Waiting {board.waiting}")

    def show_clock(self, now: datetime) -> None:
        self.lbl_clock.setText(f"{now:%Y-%m-%d  %H:%M}")


def station_heading(name_zh: str, name_en: str) -> str:
    """The header names the station in both of the hall's languages where it has an English name (the
    hall screen speaks both at once: every caption is Chinese and English)."""
    name_zh = name_zh or "派出所服务大厅"
    return f"{name_zh}  ·  {name_en}" if name_en.strip() else name_zh


class HallController(QObject):
    """Polls the board, shows it, and announces each new call once (and each recall again)."""

    board_shown = Signal(object)  # HallBoard
    failed = Signal(str)

    def __init__(self, screen: HallScreen, read_board: Callable[[], HallBoard], speaker: Speaker,
                 runner: TaskRunner, *, poll_ms: int = POLL_MS, chime: Callable[[], None] | None = None) -> None:
        super().__init__(screen)
        self.screen, self._read_board, self.speaker, self._runner = screen, read_board, speaker, runner
        self._chime = chime or QApplication.beep
        self._heard: set[_Heard] | None = None  # None until the first board: what was there is not spoken
        self._reading = False
        self._last_error = ""
        self.announced: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        if self._reading:  # a slow database: never pile up reads
            return
        self._reading = True
        self._runner.run(self._read_board, self._on_board, self._on_error)

    def _on_board(self, board: HallBoard) -> None:
        self._reading = False
        self._last_error = ""
        self.screen.show_board(board)
        self.screen.show_clock(datetime.now(CHINA_TZ))
        now_heard = {_Heard.of(call) for call in board.calls}
        if self._heard is not None:
            # Oldest first, so two windows calling at once are spoken in the order they called.
            for call in sorted(board.calls, key=lambda c: c.called_at):
                if _Heard.of(call) not in self._heard:
                    self._announce(call)
        self._heard = now_heard if self._heard is None else self._heard | now_heard
        self.board_shown.emit(board)

    def _announce(self, call: HallCall) -> None:
        text = call.announcement_zh
        self.announced.append(text)
        if not self.speaker.say(text):
            self._chime()

    def _on_error(self, error: BaseException) -> None:
        self._reading = False
        message = getattr(error, "message_zh", None) or f"{type(error).__name__}: {error}"
        if message != self._last_error:  # once per cause, not once a second
            log.warning("hall: the board could not be read: %s", message)
        self._last_error = message
        self.screen.lbl_waiting.setText(UNREADABLE)
        self.failed.emit(str(message))


@dataclass(frozen=True)
class HallSource:
    """Where the boards come from, once opened: the reader of the board and what closes it."""

    read_board: Callable[[], HallBoard]
    close: Callable[[], None]


class HallStarter(QObject):
    """Shows the screen's loading state at once, opens the board's source on a worker (a first start
    migrates the store and may build the demo data), then hands the screen to a `HallController`.
    A source that cannot be opened is said on the screen and tried again every `retry_ms`."""

    board_shown = Signal(object)  # HallBoard, every board the controller shows
    failed = Signal(str)  # the source could not be opened (it is tried again)
    board_failed = Signal(str)  # the source is open but a board could not be read (it is read again)

    def __init__(self, screen: HallScreen, open_source: Callable[[], HallSource], speaker: Speaker,
                 runner: TaskRunner, *, poll_ms: int = POLL_MS, retry_ms: int = RETRY_MS,
                 chime: Callable[[], None] | None = None) -> None:
        super().__init__(screen)
        self.screen, self._open_source, self.speaker, self._runner = screen, open_source, speaker, runner
        self._poll_ms, self._chime = poll_ms, chime
        self.source: HallSource | None = None
        self.controller: HallController | None = None
        self._stopped = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.start)

    def start(self) -> None:
        if self._stopped:
            return
        self.screen.show_loading(self.screen.lbl_waiting.text() if self.screen.loading else "")
        self._runner.run(self._open_source, self._on_open, self._on_open_failed)

    def stop(self) -> None:
        self._stopped = True
        self._retry.stop()
        if self.controller is not None:
            self.controller.stop()

    def close(self) -> None:
        """After `stop` and once the runner is done: close the source (the store's connections)."""
        if self.source is not None:
            self.source.close()
            self.source = None

    def _on_open(self, source: HallSource) -> None:
        self.source = source
        if self._stopped:
            return
        self.controller = HallController(self.screen, source.read_board, self.speaker, self._runner,
                                         poll_ms=self._poll_ms, chime=self._chime)
        self.controller.board_shown.connect(self.board_shown)
        self.controller.failed.connect(self.board_failed)
        self.controller.start()

    def _on_open_failed(self, error: BaseException) -> None:
        message = getattr(error, "message_zh", None) or f"{type(error).__name__}: {error}"
        log.warning("hall: the store could not be opened (tried again in %d ms): %s", self._retry.interval(),
                    message)
        self.screen.show_loading(UNREADABLE)
        self.failed.emit(str(message))
        if not self._stopped:
            self._retry.start()


def open_hall_source(database_url: str | None, demo: bool, settings: Settings | None = None) -> HallSource:
    """The board's source (on a worker thread): the station's store, or in city mode a kiosk device
    session of its station. With `demo` the demo data and a few calls are made first. `settings`: the
    command line's (`desk --set …`), else the settings files'."""
    from desk.core import Core, build_core, ensure_demo_data
    from desk.settings import load_settings

    settings = settings or load_settings()
    if settings.server_url and not database_url:
        from desk.core import build_remote_core
        from desk.paths import data_dir
        from kiosk.remote_backend import build_remote_backend

        remote = cast(Core, build_remote_core(settings, kind="kiosk"))
        return HallSource(build_remote_backend(remote, settings, data_dir() / "keys").hall_board, remote.close)
    core = build_core(database_url, settings=settings)
    try:
        if demo:
            ensure_demo_data(core)
            _demo_calls(core)
    except BaseException:
        core.close()
        raise
    return HallSource(core.queue.hall_board, core.close)


def run_hall(*, database_url: str | None = None, demo: bool = False, windowed: bool = False,
             screenshot: Path | None = None, settings: Settings | None = None) -> int:
    """The hall's calling screen until it is closed (a TV usually never closes it)."""
    from kiosk.announcer import Announcer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    screen = HallScreen()
    runner = TaskRunner(parent=screen)
    announcer = Announcer()
    starter = HallStarter(screen, lambda: open_hall_source(database_url, demo, settings), announcer, runner)
    screen.resize(1920, 1080)
    if screenshot is not None:
        return _screenshot(screen, starter, runner, screenshot)
    if windowed:
        screen.show()
    else:
        fill_screen(screen)
    # The first paint before the store is opened: the hall sees the screen starting at once.
    QTimer.singleShot(0, starter.start)
    try:
        return int(app.exec())
    finally:
        starter.stop()
        announcer.close()
        runner.wait_for_done()
        starter.close()


def _screenshot(screen: HallScreen, starter: HallStarter, runner: TaskRunner, path: Path) -> int:
    """`--screenshot`: the first board (not the loading state) rendered to `path`; a source that cannot
    be opened or a board that cannot be read ends it with the cause on stderr and status 1 (a TV retries;
    a one-shot command must not wait forever)."""
    loop = QEventLoop()
    problems: list[str] = []
    starter.board_shown.connect(lambda _board: loop.quit())
    for failure in (starter.failed, starter.board_failed):
        failure.connect(problems.append)
        failure.connect(lambda _message: loop.quit())
    starter.start()
    loop.exec()
    starter.stop()
    if not problems:
        screen.grab().save(str(path))
    runner.wait_for_done()
    starter.close()
    if problems:
        print(f"叫号数据无法读取：{problems[0]}", file=sys.stderr)
        return 1
    return 0


def _demo_calls(core: Core) -> None:
    """The demo hall: three windows, a few numbers called, some waiting (only on a quiet demo day)."""
    from desk.services.demo import DEMO_PASSWORD

    queue = core.queue
    if queue.counters():
        return
    for number, letters in ((1, "AB"), (2, "CDE"), (3, "")):
        queue.set_counter(number, f"{number}号窗口", letters)
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    for code in ("birth_registration", "household_certificate", "spouse_joins_spouse", None, None):
        queue.take_ticket(code, kiosk_code=core.settings.kiosk_code)
    for counter in (1, 3, 2):
        queue.call_next(clerk, counter=counter)
