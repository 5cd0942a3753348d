"""Idle lock: after a quiet spell a warning counts down, then the screen locks.

Thread contract: GUI thread only. `IdleWatcher` is an event filter on `activity_source` (the
QApplication, given by the composition root) while it runs — from `start()` to `stop()`; any key
press, mouse press, wheel or mouse move counts as activity. It is not installed while nobody is
signed in: an application-wide Python event filter makes Qt hand every object that receives an
event to Python, which costs start-up time (each new class is looked up by the bindings) and a
little on every event.
`warning_changed(seconds_left)` is emitted every second of the warning period (0 when the warning
ends because someone touched the desk); `lock_requested` once when the time is up.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})


class IdleWatcher(QObject):
    warning_changed = Signal(int)
    lock_requested = Signal()

    def __init__(self, idle_ms: int, warning_ms: int = 30_000, tick_ms: int = 1000,
                 parent: QObject | None = None, *, activity_source: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = activity_source
        self.idle_ms = idle_ms
        self.warning_ms = min(warning_ms, idle_ms)
        self._since = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self._check)
        self._warning = False

    def start(self) -> None:
        self._since.start()
        self._warning = False
        if self._source is not None and not self._tick.isActive():
            self._source.installEventFilter(self)
        self._tick.start()

    def stop(self) -> None:
        if self._source is not None and self._tick.isActive():
            self._source.removeEventFilter(self)
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
        if self._tick.isActive() and event.type() in _ACTIVITY:
            self.touch()
        return False

    def _check(self) -> None:
        elapsed = self._since.elapsed()
        if elapsed >= self.idle_ms:
            self.stop()
            self.lock_requested.emit()
            return
        left = self.idle_ms - elapsed
        if left <= self.warning_ms:
            self._warning = True
            self.warning_changed.emit(max(1, round(left / 1000)))
