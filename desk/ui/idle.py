"""Idle lock: after a quiet spell a warning counts down, then the screen locks.

Thread contract: GUI thread only. While it runs (`start()` to `stop()`), `IdleWatcher` listens for
activity — a key press, mouse press, wheel, mouse move or touch anywhere in the app — as an
application-wide event filter installed through `filters` (the app's `AppEventFilters`).
`warning_changed(seconds_left)` is emitted every second of the warning period (0 when the warning
ends because someone touched the desk); `lock_requested` once when the time is up.

Why it listens only now and then: an application-wide filter written in Python is called for every
event of every object (paints, layouts, timers …), which slows every screen down. Once it has heard
activity it goes quiet until its next tick (a second), and counts that second as active: the lock
comes at most one tick later than it would if every event were watched, never earlier.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from desk.qt.app_filters import AppEventFilters

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    warning_changed = Signal(int)
    lock_requested = Signal()

    def __init__(self, idle_ms: int, warning_ms: int = 30_000, tick_ms: int = 1000,
                 parent: QObject | None = None, *, filters: AppEventFilters | None = None) -> None:
        super().__init__(parent)
        self._filters = filters
        self.idle_ms = idle_ms
        self.warning_ms = min(warning_ms, idle_ms)
        self._since = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._check)
        self._warning = False
        self._listening = False

    def start(self) -> None:
        self._since.start()
        self._warning = False
        self._tick.start()
        self._listen(True)

    def stop(self) -> None:
        self._listen(False)
        self._tick.stop()
        if self._warning:
            self._warning = False
            self.warning_changed.emit(0)

    @property
    def active(self) -> bool:
        return self._tick.isActive()

    def touch(self) -> None:
        """Activity: the countdown starts again (and a shown warning goes away)."""
        self._since.restart()
        if self._warning:
            self._warning = False
            self.warning_changed.emit(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._listening and event.type() in _ACTIVITY:
            self.touch()
            self._listen(False)  # heard: quiet until the next tick
        return False

    def _listen(self, on: bool) -> None:
        if self._filters is None or on == self._listening:
            return
        self._listening = on
        if on:
            self._filters.install(self)
        else:
            self._filters.remove(self)

    def _check(self) -> None:
        if self._filters is not None and not self._listening:
            # Activity was heard since the last tick and anything after it went unheard: count the
            # time up to now as active, and listen again.
            self._since.restart()
            self._listen(True)
        elapsed = self._since.elapsed()
        if elapsed >= self.idle_ms:
            self.stop()
            self.lock_requested.emit()
            return
        left = self.idle_ms - elapsed
        if left <= self.warning_ms:
            self._warning = True
            self.warning_changed.emit(max(1, round(left / 1000)))
