"""Saving a case's form as it is typed, off the GUI thread, one save at a time.

Thread contract: a `DraftSaver` lives on the GUI thread. `save(values)` returns at once; the
write runs through the TaskRunner. Saves are serial — each carries the version the previous one
returned (the service's optimistic check) — and while one is running only the newest values
wait, so a fast typist causes at most one queued write. `after_idle(fn)` runs `fn(version)` once
nothing is pending: a decision (accept …) must use the version the last save produced.

City mode: when the server cannot be reached, the values are kept (in memory, and on disk through
`context.city`, desk/ui/city_link.py) and sent by `retry()` once it answers again — nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desk.domain.errors import ConcurrentChange
from desk.remote import SESSION_ENDED
from desk.ui.context import DeskContext


class DraftSaver(QObject):
    saved = Signal(object)  # CaseView after a save
    failed = Signal(object)  # the exception (ConcurrentChange when someone else changed the case)
    state_changed = Signal(str)  # "saving" | "saved" | "failed" | "offline"

    def __init__(self, context: DeskContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.number: str | None = None
        self.version: int | None = None
        self._pending: dict[str, Any] | None = None
        self._in_flight: dict[str, Any] | None = None
        self._running = False
        self._waiters: list[Callable[[int], None]] = []
        self.saves = 0  # completed saves (for tests and the status line)

    def attach(self, number: str, version: int) -> None:
        """The case to save into (known once open_draft returned); flushes values typed meanwhile."""
        self.number, self.version = number, version
        self._next()

    def detach(self) -> None:
        self.number, self.version, self._pending = None, None, None
        self._waiters.clear()

    @property
    def busy(self) -> bool:
        return self._running or self._pending is not None

    def save(self, values: dict[str, Any]) -> None:
        self._pending = dict(values)
        self._next()

    def after_idle(self, fn: Callable[[int], None]) -> None:
        """Call `fn(version)` when no save is running or waiting (at once if idle and attached)."""
        self._waiters.append(fn)
        self._next()

    def _next(self) -> None:
        if self._running or self.number is None or self.version is None:
            return
        if self._pending is not None:
            values, self._pending = self._pending, None
            self._in_flight = values
            number, version, actor = self.number, self.version, self._context.actor
            service = self._context.core.cases
            self._running = True
            self.state_changed.emit("saving")
            self._context.runner.run(lambda: service.save_draft(actor, number, values, version),
                                     self._on_saved, self._on_failed)
            return
        waiters, self._waiters = self._waiters, []
        for fn in waiters:
            fn(self.version)

    def _on_saved(self, view: Any) -> None:
        self._running = False
        if self.number != view.number:  # detached or moved on while the save ran
            return
        self.version = view.version
        self.saves += 1
        if self._context.city is not None:
            self._context.city.sent(view.number)
        self.state_changed.emit("saved")
        self.saved.emit(view)
        self._next()

    def retry(self) -> None:
        """The server answers again: send what waits (the newest values typed)."""
        self._next()

    def _on_failed(self, error: BaseException) -> None:
        self._running = False
        if getattr(error, "code", "") == "server_unavailable" and self.number is not None:
            # Keep the values (newer ones typed meanwhile win) until the server is back: no retry loop.
            if self._pending is None:
                self._pending = self._in_flight
            if self._context.city is not None and self._pending is not None and self.version is not None:
                self._context.city.keep(self.number, self.version, self._pending)
            self.state_changed.emit("offline")
            return
        if getattr(error, "code", "") in SESSION_ENDED and self.number is not None:
            # The server ended the session: keep the values until the clerk signs in again (retry()).
            if self._pending is None:
                self._pending = self._in_flight
            self.state_changed.emit("failed")
            self.failed.emit(error)
            return
        self.state_changed.emit("failed")
        if isinstance(error, ConcurrentChange):
            self._pending = None
            self._waiters.clear()
        self.failed.emit(error)
        self._next()
