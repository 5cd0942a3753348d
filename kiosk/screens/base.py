"""What every kiosk screen has: its context, retranslation on a language change, a size update for the
elders' mode, a hook when it is shown, and `wipe()` — forget everything about the citizen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from kiosk.context import KioskContext, Navigator
from kiosk.style import Metrics
from kiosk.widgets import Pictogram


class Screen(QWidget):
    """Base of the screens. Subclasses build their widgets in `__init__` and override the hooks."""

    name = ""

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        # A hidden page of the stack must not make the window taller than the screen: each screen is
        # designed to fit 1920×1080 (tests/kiosk/test_accessibility.py checks nothing is cut off).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(60, 30, 60, 30)
        self.body.setSpacing(20)

    @property
    def nav(self) -> Navigator:
        return self.ctx.navigator()

    def retranslate_ui(self) -> None:
        """Set every text again in the current language (fixed texts through tr, data through pick)."""

    def apply_metrics(self, metrics: Metrics) -> None:
        """The text size changed (elders' mode): resize what the style sheet does not."""
        for pictogram in self.findChildren(Pictogram):
            pictogram.set_size(metrics.sized(pictogram.design_size))

    def on_shown(self) -> None:
        """The screen became the current one."""

    def on_hidden(self) -> None:
        """Another screen replaced this one (stop what only this screen's presence justified)."""

    def wipe(self) -> None:
        """Forget the citizen: clear every label, field and list that showed their data."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
