"""The workspace's navigation list on the left: one row per screen the signed-in role may use.

Each row keeps its screen's value under `Qt.ItemDataRole.UserRole`. Choosing a row emits
`screen_chosen(value)`; `select()` marks a row without emitting (the window shows the screen itself).
The window builds the list with the work screens, once the core is ready.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from desk.ui.permissions import Screen

ROLE_SCREEN = Qt.ItemDataRole.UserRole


class NavList(QListWidget):
    screen_chosen = Signal(str)  # the chosen Screen's value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nav")
        self.setFixedWidth(170)
        # The platform's general font, which the list had when it was built with the window, before
        # the style was loaded: widgets built after the application font was set take that font, a
        # different look (the other widgets the window builds first keep this one too).
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.currentItemChanged.connect(self._on_current)

    def set_screens(self, screens: Sequence[Screen], label: Callable[[Screen], str],
                    shortcuts: Mapping[Screen, str]) -> None:
        """One row per screen, in order (none selected); no `screen_chosen` is emitted."""
        self.blockSignals(True)
        self.clear()
        for screen in screens:
            item = QListWidgetItem(label(screen))
            item.setToolTip(shortcuts[screen])
            item.setData(ROLE_SCREEN, screen.value)
            self.addItem(item)
        self.blockSignals(False)

    def select(self, screen: Screen) -> None:
        """Mark the row of `screen` as current, without emitting `screen_chosen`."""
        self.blockSignals(True)
        for row in range(self.count()):
            if self.item(row).data(ROLE_SCREEN) == screen.value:
                self.setCurrentRow(row)
        self.blockSignals(False)

    def release(self) -> None:
        """No row current, without emitting: the window shows a screen the list has no row for (a case).
        A click on the row last chosen then changes the current row and so reaches the window — it did
        nothing while that row stayed current (a manager in a case opened from the daily report clicked
        统计日报 in vain)."""
        self.blockSignals(True)
        self.setCurrentRow(-1)
        self.blockSignals(False)

    def retranslate(self, label: Callable[[Screen], str]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            item.setText(label(Screen(item.data(ROLE_SCREEN))))

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.screen_chosen.emit(str(current.data(ROLE_SCREEN)))
