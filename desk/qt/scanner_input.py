"""Qt inputs for scanned text: a keyboard-wedge event filter and a serial scanner worker.

Both emit `scanned(str)` on the GUI thread, so the desk and the kiosk handle a receipt QR code
the same way whichever scanner is attached.

Thread contract: `WedgeScanFilter` lives on the GUI thread (install it on the QApplication or on
a window). `SerialScannerWorker` follows `DeviceLoopWorker`'s contract: created, started and
stopped on the GUI thread; the port is read on its own QThread.

The wedge filter lets the scanner's keystrokes through (they cannot be told from typing until the
Enter arrives) but swallows the Enter that ends a scan, so it does not press a default button;
a screen that does not want the scanned characters in its focused field clears them on `scanned`.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from desk.devices.scanner import ScannedText, SerialScanner, WedgeDetector
from desk.qt.reader_worker import DeviceLoopWorker

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WedgeScanFilter(QObject):
    """Event filter: fast keystrokes ending in Enter become one `scanned(str)` signal."""

    scanned = Signal(str)

    def __init__(
        self,
        detector: WedgeDetector | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector = detector or WedgeDetector()
        self._clock = clock

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # Each keystroke is seen once: at the widget it was sent to. Copies propagated to parent
        # widgets are not spontaneous, and the QWindow that relays it first is not a widget.
        if not watched.isWidgetType() or not event.spontaneous():
            return False
        char = "\r" if event.key() in _ENTER_KEYS else event.text()
        result = self._detector.feed(char, self._clock())
        if result is None:
            return False
        self.scanned.emit(result.text)
        return True  # the Enter that ended the scan goes no further


class SerialScannerWorker(DeviceLoopWorker):
    """A serial scanner read on its own thread: `scanned(str)`, `status_changed(ReaderStatus)`."""

    scanned = Signal(str)

    def __init__(self, scanner: SerialScanner, parent: QObject | None = None) -> None:
        super().__init__(scanner.run, "serial-scanner", parent)  # type: ignore[arg-type]
        self.scanner = scanner

    def _emit_item(self, item: object) -> None:
        if isinstance(item, ScannedText):
            self.scanned.emit(item.text)
