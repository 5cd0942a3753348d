"""Qt inputs for scanned text: a keyboard-wedge event filter and a serial scanner worker.

Both emit `scanned(str)` on the GUI thread, so the desk and the kiosk handle a receipt QR code
the same way whichever scanner is attached.

Thread contract: `WedgeScanFilter` lives on the GUI thread (install it on the QApplication or on
a window). `SerialScannerWorker` follows `DeviceLoopWorker`'s contract: created, started and
stopped on the GUI thread; the port is read on its own QThread.

The wedge filter lets the scanner's keystrokes through (they cannot be told from typing until the
Enter arrives) but swallows the Enter that ends a scan, so it does not press a default button,
and puts the focused line edit back as it was before the scan's first key.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from desk.devices.scanner import ScannedText, SerialScanner, WedgeDetector
from desk.domain.scan_shape import looks_like_scan
from desk.qt.reader_worker import DeviceLoopWorker

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class WedgeScanFilter(QObject):
    """Event filter: fast keystrokes ending in Enter, shaped like a code the desk prints, become
    one `scanned(str)` signal.

    Keys are timed by the event's own timestamp (when the key was pressed; keys queued during a
    GUI stall keep their gaps); `clock` is used only for events that carry none (synthesised ones).
    `accepting` says whether scans are wanted now (not at the sign-in screen): when it is false,
    even a scan's Enter goes on to the focused widget.
    """

    scanned = Signal(str)

    def __init__(
        self,
        detector: WedgeDetector | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QObject | None = None,
        accepting: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self._detector = detector or WedgeDetector(shaped=looks_like_scan)
        self._clock = clock
        self._accepting = accepting
        self._field_before: tuple[QObject, str] | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # Each keystroke is seen once: at the widget it was sent to (the focus widget). Copies
        # propagated to parent widgets are neither spontaneous nor at the focus widget, and the
        # QWindow that relays it first is not a widget.
        if not watched.isWidgetType():
            return False
        if not event.spontaneous() and watched is not QApplication.focusWidget():
            return False
        char = "\r" if event.key() in _ENTER_KEYS else event.text()
        stamp = event.timestamp()
        before = watched.text() if isinstance(watched, QLineEdit) else None
        result = self._detector.feed(char, stamp / 1000.0 if stamp else self._clock())
        if self._detector.burst_length == 1:  # this key may start a scan: remember the field as it was
            self._field_before = (watched, before) if before is not None else None
        if result is None:
            return False
        if self._accepting is not None and not self._accepting():
            return False
        if self._field_before is not None:  # the scanner "typed" into the focused field: undo that
            field, text = self._field_before
            if field is watched and isinstance(field, QLineEdit):
                field.setText(text)
            self._field_before = None
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
