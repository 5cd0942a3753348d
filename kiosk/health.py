"""The kiosk's devices as the citizen and the station manager need to know them.

`DeviceHealth` listens to the reader (`ReaderWorker.status_changed`) and the printer
(`PrintAdapter.printer_state_changed`) and keeps one plain answer for each: can the services that
need it be offered now? A screen asks `reader_ok` / `printer_ok` and, when not, shows the polite
`reader_notice` / `printer_notice` instead of the service; `changed` tells screens to look again.

`Heartbeat` writes the kiosk's state to the store every 30 s (through the TaskRunner, never on the
GUI thread): reader and printer state and the sessions started since the last beat — the station
manager's kiosk list (last seen, paper, reader, sessions today).

Thread contract: GUI thread only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desk.devices.reader import ReaderState, ReaderStatus
from desk.qt.tasks import TaskRunner
from kiosk.said import QT_TRANSLATE_NOOP, Said, says
from printing.printers import PrinterState, PrinterStatus

log = logging.getLogger(__name__)

# A printer that does not answer may still print; only a state that certainly stops it counts as down.
_PRINTER_DOWN = frozenset({PrinterStatus.OFFLINE, PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN})


class DeviceHealth(QObject):
    changed = Signal()
    reader_lost = Signal()  # the reader went away (unplugged, stopped, its driver failed)
    card_removed = Signal()  # the card that was read has been taken off the reader

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reader_state = ReaderState.CONNECTING
        self.reader_code = "connecting"
        self.printer: PrinterState | None = None

    @property
    def reader_ok(self) -> bool:
        return self.reader_state in (ReaderState.WAITING, ReaderState.READING, ReaderState.ERROR) and \
            self.reader_code not in ("no_answer", "internal")

    @property
    def printer_ok(self) -> bool:
        return self.printer is None or self.printer.status not in _PRINTER_DOWN

    @property
    def reader_notice(self) -> Said:
        return says(QT_TRANSLATE_NOOP(
            "KioskSays", "读卡器暂时不能使用。查办件、打印证明请到窗口办理；取号、办事指南、评价照常使用。"))

    @property
    def printer_notice(self) -> Said:
        if self.printer is not None and self.printer.status is PrinterStatus.PAPER_OUT:
            return says(QT_TRANSLATE_NOOP("KioskSays", "打印机缺纸，暂时不能打印。请到窗口办理，工作人员会尽快装纸。"))
        return says(QT_TRANSLATE_NOOP("KioskSays", "打印机暂时不能使用，需要打印的业务请到窗口办理。"))

    @property
    def reader_word(self) -> str:
        """For the heartbeat: the reader's state as the manager's list shows it."""
        return "ready" if self.reader_ok else self.reader_state.value

    @property
    def printer_word(self) -> str:
        return self.printer.status.value if self.printer is not None else "unknown"

    @Slot(object)
    def on_reader_status(self, status: ReaderStatus) -> None:
        was_ok, was_code = self.reader_ok, self.reader_code
        self.reader_state, self.reader_code = status.state, status.code
        if was_code == "card_read" and status.code == "ready":
            self.card_removed.emit()
        if was_ok != self.reader_ok:
            # However it went (unplugged, or a driver error on the way there), a reader that is no
            # longer usable ends a card session.
            if was_ok:
                self.reader_lost.emit()
            self.changed.emit()

    @Slot(object)
    def on_printer_state(self, state: PrinterState) -> None:
        was_ok = self.printer_ok
        self.printer = state
        if was_ok != self.printer_ok:
            self.changed.emit()


class Heartbeat(QObject):
    """Every `interval_ms`, writes the kiosk's state through `beat(reader, printer, sessions)` on a worker."""

    def __init__(self, runner: TaskRunner, health: DeviceHealth, beat: Callable[[str, str, int], None],
                 take_sessions: Callable[[], int], *, interval_ms: int = 30_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._health, self._beat, self._take = runner, health, beat, take_sessions
        self._unsent = 0
        self._in_flight = False
        self.beats = 0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.beat_now)

    def start(self) -> None:
        self.beat_now()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @Slot()
    def beat_now(self) -> None:
        if self._in_flight:
            return  # the last beat is still being written; its sessions must not be counted twice
        self._in_flight = True
        sessions = self._unsent + self._take()
        self._unsent = sessions
        reader, printer = self._health.reader_word, self._health.printer_word
        self._runner.run(lambda: self._beat(reader, printer, sessions), self._sent(sessions), self._failed)

    def _sent(self, sessions: int) -> Callable[[object], None]:
        def done(_: object) -> None:
            self._in_flight = False
            self._unsent = max(0, self._unsent - sessions)
            self.beats += 1
        return done

    def _failed(self, error: BaseException) -> None:
        # The store may be briefly unreachable; the sessions are counted again at the next beat.
        self._in_flight = False
        log.warning("kiosk heartbeat failed: %s", error)
