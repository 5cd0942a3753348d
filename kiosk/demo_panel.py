"""The hidden test control of `desk kiosk --demo`: place or take away a demo card on the simulated
reader, scan a receipt code, unplug the reader. Opened with F12 or by tapping the bottom-right
corner; never present outside demo mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QWidget

from desk.devices.simulator import ReaderSimulator
from kiosk.widgets import big_button, text_label

CORNER_PX = 60


class DemoCorner(QWidget):
    """An invisible square in the bottom-right corner; a tap there opens the demo panel."""

    tapped = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFixedSize(CORNER_PX, CORNER_PX)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.tapped.emit()
        event.accept()


class DemoPanel(QFrame):
    """Buttons that act on the simulator and the scanner input; `scan_requested(text)` feeds a code."""

    scan_requested = Signal(str)

    def __init__(self, simulator: ReaderSimulator, receipt_code: Callable[[], str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._simulator = simulator
        self._receipt_code = receipt_code
        layout = QGridLayout(self)
        layout.setSpacing(10)
        layout.addWidget(text_label("演示控制（仅演示模式）", "large"), 0, 0, 1, 3)
        row = 1
        for index, card in enumerate(simulator.cards):
            name = card.fields.get("name", card.label)
            # Two lines: "放置：张伟（zhang-wei）" on one line was wider than a third of the panel at
            # 1366×768 and lost its first and last characters ("t置：张伟…").
            button = big_button(f"放置：{name}\n{card.label}", "secondary")
            button.setAccessibleName(f"放置：{name}（{card.label}）")
            button.clicked.connect(lambda _=False, label=card.label: self._then_close(simulator.place, label))
            layout.addWidget(button, row + index // 3, index % 3)
        row += (len(simulator.cards) + 2) // 3
        actions: list[tuple[str, Callable[[], None]]] = [
            ("取走证件", simulator.remove),
            ("扫描回执二维码", lambda: self.scan_requested.emit(self._receipt_code())),
            ("扫描无法识别的码", lambda: self.scan_requested.emit("https://example.com/not-ours")),
            ("拔掉读卡器 3 秒", lambda: simulator.unplug(3.0)),
            ("关闭", self.hide),
        ]
        for index, (text, action) in enumerate(actions):
            button = big_button(text, "secondary")
            button.clicked.connect(lambda _=False, act=action: self._then_close(act))
            layout.addWidget(button, row + index // 3, index % 3)
        self.hide()

    def _then_close(self, action: Callable[..., object], *args: object) -> None:
        """Act, then get out of the way: the panel covered the screen the card or code had just opened."""
        action(*args)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        parent = self.parentWidget()
        if parent is not None:
            self.setFixedWidth(int(parent.width() * 0.8))
            self.adjustSize()
            self.move((parent.width() - self.width()) // 2, (parent.height() - self.height()) // 2)
        self.show()
        self.raise_()
