"""Qt adapter for the card reader: runs the driver's loop on a QThread, reports through signals.

Thread contract:
- A `ReaderWorker` is created, started, stopped and connected to on the GUI thread.
- The driver's loop runs on the worker's own QThread; it never touches a widget. What it reports
  crosses to the GUI thread through queued connections, so `card_read(IdCard)` and
  `status_changed(ReaderStatus)` are always emitted on the GUI thread and slots connected to them
  may update widgets.
- `reread_requested` (intent, e.g. F2) may be emitted from anywhere; it only sets a flag the loop
  reads at its next poll.
- `stop()` asks the loop to end and waits for the thread (the loop notices within ~50 ms, even in
  the middle of a slow read). The owner must call it before the worker is destroyed, e.g. from
  the window's closeEvent or QApplication.aboutToQuit.

`DeviceLoopWorker` is the shared machinery; the serial scanner worker uses it too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from desk.devices.reader import CardReaderDriver

log = logging.getLogger(__name__)

# A device loop: run(stop_event, on_item, on_status), returning when stop_event is set.
DeviceLoop = Callable[[threading.Event, Callable[[object], None], Callable[[object], None]], None]


class _LoopRunner(QObject):
    """Lives on the worker thread; turns the loop's callbacks into signals."""

    item = Signal(object)
    status = Signal(object)
    finished = Signal()

    def __init__(self, loop: DeviceLoop, stop_event: threading.Event) -> None:
        super().__init__()
        self._loop = loop
        self._stop_event = stop_event

    @Slot()
    def run(self) -> None:
        try:
            self._loop(self._stop_event, self.item.emit, self.status.emit)
        except Exception:  # the loops never raise; if one does, the thread must still end cleanly
            log.exception("device loop")
        finally:
            self.finished.emit()


class DeviceLoopWorker(QObject):
    """Runs a device loop on its own QThread; see the module docstring for the thread contract."""

    status_changed = Signal(object)
    stopped = Signal()

    def __init__(self, loop: DeviceLoop, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loop = loop
        self._name = name
        self._stop_event = threading.Event()
        self._thread: QThread | None = None
        self._runner: _LoopRunner | None = None

    @property
    def is_running(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def start(self) -> None:
        if self.is_running:
            return
        self._stop_event = threading.Event()
        thread = QThread()
        thread.setObjectName(self._name)
        runner = _LoopRunner(self._loop, self._stop_event)
        runner.moveToThread(thread)
        thread.started.connect(runner.run)
        runner.item.connect(self._on_item, Qt.ConnectionType.QueuedConnection)
        runner.status.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        # Direct: quit() is thread-safe, and stop() blocks the GUI thread in wait().
        runner.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
        thread.finished.connect(self._on_thread_finished, Qt.ConnectionType.QueuedConnection)
        self._thread, self._runner = thread, runner
        thread.start()

    def stop(self, timeout_ms: int = 5000) -> bool:
        """Ask the loop to end and wait for the thread; True when it has ended."""
        self._stop_event.set()
        thread = self._thread
        if thread is None:
            return True
        done = thread.wait(timeout_ms)
        if not done:
            log.error("%s did not stop within %d ms", self._name, timeout_ms)
        return bool(done)

    @Slot(object)
    def _on_item(self, item: object) -> None:
        self._emit_item(item)

    def _emit_item(self, item: object) -> None:
        """Re-emit an item as the subclass's signal (a plain method: Qt slots are not overridden)."""
        raise NotImplementedError

    @Slot(object)
    def _on_status(self, status: object) -> None:
        self.status_changed.emit(status)

    @Slot()
    def _on_thread_finished(self) -> None:
        # Queued: a restart may already have replaced the thread; forget only the one that ended.
        if self.sender() is self._thread:
            self._thread, self._runner = None, None
        self.stopped.emit()


class ReaderWorker(DeviceLoopWorker):
    """The card reader off the GUI thread: `card_read(IdCard)`, `status_changed(ReaderStatus)`."""

    card_read = Signal(object)
    reread_requested = Signal()

    def __init__(self, driver: CardReaderDriver, parent: QObject | None = None) -> None:
        super().__init__(driver.run, "card-reader", parent)  # type: ignore[arg-type]
        self.driver = driver
        # Direct: request_reread only sets a thread-safe flag, so any emitting thread is fine.
        self.reread_requested.connect(self._on_reread_requested, Qt.ConnectionType.DirectConnection)

    def _emit_item(self, item: object) -> None:
        self.card_read.emit(item)

    @Slot()
    def _on_reread_requested(self) -> None:
        self.driver.request_reread()
