"""Background work for the GUI: run a plain callable on a worker thread, get the result on the GUI thread.

Thread contract: `TaskRunner` lives on the GUI thread. `run(fn, on_done, on_error)` executes `fn()` on
a QThreadPool worker; `fn` must not touch widgets. `on_done(result)` / `on_error(exception)` are
called on the GUI thread (delivered through a queued signal to this object). The GUI thread never
waits on the store, a printer or a device.

`SynchronousTaskRunner` runs everything at once on the caller's thread (for deterministic tests of
screen logic only; integration tests use the real runner and wait on signals).
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries a worker's outcome across threads: emitted on the worker, received on the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._task_id, self._fn, self._relay = task_id, fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # every failure must reach the GUI; none may kill the pool
            log.debug("background task failed:\n%s", traceback.format_exc())
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.finished.emit(self._task_id, result)


class TaskRunner(QObject):
    """Runs callables off the GUI thread; `busy_changed(bool)` tells a window to show a busy cursor."""

    busy_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._pending: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}

    def run(self, fn: Callable[[], Any], on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> int:
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error)
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(task_id, fn, self._relay))
        return task_id

    @property
    def pending(self) -> int:
        return len(self._pending)

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Shutdown helper: let running jobs end (their callbacks are then dropped)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: object) -> None:
        on_done, _ = self._take(task_id)
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, error: object) -> None:
        _, on_error = self._take(task_id)
        if on_error is not None:
            on_error(error)  # type: ignore[arg-type]
        else:
            log.error("background task failed with nobody listening: %r", error)

    def _take(self, task_id: int) -> tuple[DoneCallback | None, ErrorCallback | None]:
        callbacks = self._pending.pop(task_id, (None, None))
        if not self._pending:
            self.busy_changed.emit(False)
        return callbacks


class SynchronousTaskRunner(TaskRunner):
    """Same interface, no threads: for unit tests of screen logic."""

    def run(self, fn: Callable[[], Any], on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> int:
        try:
            result = fn()
        except Exception as exc:
            if on_error is None:
                raise
            on_error(exc)
        else:
            if on_done is not None:
                on_done(result)
        return 0
