"""One citizen's visit to the kiosk, and the idle clock that ends it.

`KioskSession` holds everything the kiosk knows about the citizen in front of it; the
`SessionController` holds the only long-lived reference to it. Ending a session drops that
reference and emits `ended`, on which every screen clears its widgets (see `KioskWindow.wipe`):
after the wipe nothing of the citizen is left in the widget tree or in the kiosk's objects.

Thread contract: GUI thread only. Work started for a session carries its `generation`; a result
arriving after the session ended is dropped (`is_current(generation)` is False).
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.plain_words import CaseSummary
from printing.documents.common import mask_id_number


class SessionSource(enum.StrEnum):
    CARD = "card"  # an ID card was read: the citizen's own services
    RECEIPT = "receipt"  # a receipt code was scanned: that one case only
    GUEST = "guest"  # nobody identified: tickets, what to bring, rating


class EndReason(enum.StrEnum):
    IDLE = "idle"
    DONE = "done"  # the citizen pressed 结束
    NEW_CARD = "new_card"  # another card was placed
    READER_DOWN = "reader_down"
    FAULT = "fault"  # something failed; the kiosk resets itself
    STAFF = "staff"


@dataclass(eq=False)
class KioskSession:
    source: SessionSource
    name: str = ""
    id_number: str = ""
    cases: list[CaseSummary] = field(default_factory=list)
    receipt_case: CaseSummary | None = None

    @property
    def has_citizen(self) -> bool:
        return bool(self.id_number)

    @property
    def masked_id(self) -> str:
        return mask_id_number(self.id_number) if self.id_number else ""


class SessionController(QObject):
    """Starts and ends sessions; counts idle time down to the automatic end.

    `countdown_changed(seconds_left)` ticks while a session runs (-1 when none does);
    `warning_changed(True)` when the last `warn_seconds` begin, so the screen can ask "still there?".
    """

    started = Signal()
    ended = Signal(str)  # EndReason value
    countdown_changed = Signal(int)
    warning_changed = Signal(bool)

    def __init__(self, idle_seconds: float, *, tick_ms: int = 250, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle_seconds = max(1.0, float(idle_seconds))
        self.warn_seconds = min(15.0, self.idle_seconds / 3)
        self._clock = clock
        self._session: KioskSession | None = None
        self._deadline = 0.0
        self._warned = False
        self._last_shown = -1
        self.generation = 0
        self.sessions_started = 0  # citizen sessions (card or receipt) since the last heartbeat took them
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._on_tick)

    @property
    def current(self) -> KioskSession | None:
        return self._session

    @property
    def active(self) -> bool:
        return self._session is not None

    def is_current(self, generation: int) -> bool:
        return self._session is not None and generation == self.generation

    def begin(self, session: KioskSession) -> int:
        """Start `session` (ending any other first); returns its generation."""
        if self._session is not None:
            self.end(EndReason.NEW_CARD)
        self.generation += 1
        self._session = session
        if session.source is not SessionSource.GUEST:
            self.sessions_started += 1
        self.touch()
        self._tick.start()
        self.started.emit()
        return self.generation

    def take_started_count(self) -> int:
        count, self.sessions_started = self.sessions_started, 0
        return count

    @Slot()
    def touch(self) -> None:
        """The citizen did something: the idle clock starts again."""
        if self._session is None:
            return
        self._deadline = self._clock() + self.idle_seconds
        if self._warned:
            self._warned = False
            self.warning_changed.emit(False)
        self._emit_countdown()

    def end(self, reason: EndReason | str) -> None:
        if self._session is None:
            return
        session, self._session = self._session, None
        # Drop what the session object holds, too, in case something still points at it.
        session.cases.clear()
        session.receipt_case = None
        session.name = session.id_number = ""
        self.generation += 1
        self._tick.stop()
        if self._warned:
            self._warned = False
            self.warning_changed.emit(False)
        self._last_shown = -1
        self.countdown_changed.emit(-1)
        self.ended.emit(str(EndReason(reason)))

    def seconds_left(self) -> float:
        return max(0.0, self._deadline - self._clock()) if self._session is not None else 0.0

    @Slot()
    def _on_tick(self) -> None:
        if self._session is None:
            return
        left = self.seconds_left()
        if left <= 0:
            self.end(EndReason.IDLE)
            return
        if left <= self.warn_seconds and not self._warned:
            self._warned = True
            self.warning_changed.emit(True)
        self._emit_countdown()

    def _emit_countdown(self) -> None:
        shown = int(self.seconds_left() + 0.999)
        if shown != self._last_shown:
            self._last_shown = shown
            self.countdown_changed.emit(shown)
