"""The kiosk's one window: a top bar (station, language, elders' mode, spoken prompts, the idle
countdown and 结束), a "still there?" banner, the stacked screens, and a bottom help line.

The window only shows; `KioskFlow` (kiosk/flow.py) decides what to show. `wipe()` clears every
screen's citizen data — called when a session ends. Closing is refused until the staff exit has
unlocked the kiosk (`allow_close`); the application-wide `LockdownFilter` refuses it as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.context import KioskContext
from kiosk.screens.base import Screen
from kiosk.style import Metrics, style_sheet
from kiosk.widgets import big_button, fit_layouts, text_label

COUNTDOWN_SHOWN_SECONDS = 15


class KioskWindow(QWidget):
    language_requested = Signal()
    elders_requested = Signal(bool)
    speech_requested = Signal(bool)
    end_requested = Signal()
    continue_requested = Signal()
    resized = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.allow_close = False
        self.screens: dict[str, Screen] = {}
        self.setObjectName("kiosk_window")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setWindowTitle("Station Desk — 自助服务")

        self.top_bar = QWidget()
        self.top_bar.setObjectName("top_bar")
        self.top_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.lbl_station = text_label("")  # wraps on a narrow (portrait) screen
        self.lbl_station.setObjectName("lbl_station")
        self.lbl_station.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.lbl_countdown = text_label("", wrap=False)
        self.lbl_countdown.setObjectName("lbl_countdown")
        self.btn_speech = big_button("", "bar", checkable=True)
        self.btn_elders = big_button("", "bar", checkable=True)
        self.btn_language = big_button("", "bar")
        self.btn_end = big_button("", "bar")
        for button in (self.btn_speech, self.btn_elders, self.btn_language, self.btn_end):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.btn_speech.setVisible(ctx.speaker.available)

        self.banner = QFrame()
        self.banner.setObjectName("banner")
        self.banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.lbl_still_there = text_label("", "state")
        self.btn_continue = big_button("")

        self.stack = QStackedWidget()
        self.bottom_bar = QWidget()
        self.bottom_bar.setObjectName("bottom_bar")
        self.bottom_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.lbl_help = text_label("", wrap=False)

        self.btn_language.clicked.connect(self.language_requested)
        self.btn_elders.toggled.connect(self.elders_requested)
        self.btn_speech.toggled.connect(self.speech_requested)
        self.btn_end.clicked.connect(self.end_requested)
        self.btn_continue.clicked.connect(self.continue_requested)

        # One row on a landscape screen; on a portrait one the buttons go under the station's name.
        self.lay_top = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.top_bar)
        self.lay_top.setContentsMargins(24, 8, 24, 8)
        self.lay_top.setSpacing(16)
        title_row = QHBoxLayout()
        title_row.setSpacing(16)
        title_row.addWidget(self.lbl_station, 1)
        title_row.addWidget(self.lbl_countdown)
        button_row = QHBoxLayout()
        button_row.setSpacing(16)
        button_row.addStretch(1)
        for button in (self.btn_speech, self.btn_elders, self.btn_language, self.btn_end):
            button_row.addWidget(button)
        self.lay_top.addLayout(title_row, 1)
        self.lay_top.addLayout(button_row)
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(40, 12, 40, 12)
        banner.addWidget(self.lbl_still_there, 1)
        banner.addWidget(self.btn_continue)
        bottom = QHBoxLayout(self.bottom_bar)
        bottom.setContentsMargins(24, 6, 24, 6)
        bottom.addWidget(self.lbl_help)
        outer = QVBoxLayout(self)
        # The screen decides the window's size, never its content (which is made to fit 1920×1080).
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.top_bar)
        outer.addWidget(self.banner)
        outer.addWidget(self.stack, 1)
        outer.addWidget(self.bottom_bar)
        self.banner.hide()
        self._station = ""
        self._station_en = ""
        self._phone = ""
        self._seconds = -1
        self.set_session_controls(False)
        self.apply_metrics(ctx.metrics)
        self.retranslate_ui()

    # ---- screens ------------------------------------------------------------------------------------

    def add_screen(self, screen: Screen) -> None:
        self.screens[screen.name] = screen
        self.stack.addWidget(screen)
        screen.apply_metrics(self.ctx.metrics)

    def show_screen(self, name: str) -> Screen:
        screen = self.screens[name]
        previous = self.stack.currentWidget()
        if isinstance(previous, Screen) and previous is not screen:
            previous.on_hidden()
        self.stack.setCurrentWidget(screen)
        screen.on_shown()
        return screen

    @property
    def current_name(self) -> str:
        current = self.stack.currentWidget()
        return current.name if isinstance(current, Screen) else ""

    def wipe(self) -> None:
        """Forget the citizen in every screen (and in the bar)."""
        for screen in self.screens.values():
            screen.wipe()
        self.banner.hide()
        self._seconds = -1
        self.lbl_countdown.clear()

    # ---- bar ----------------------------------------------------------------------------------------

    def set_station(self, name: str, phone: str, name_en: str = "") -> None:
        # "沈阳市公安局和平分局太原街派出所" → "太原街派出所": the hall knows its city and branch.
        self._station, self._phone = name.rsplit("分局", 1)[-1] or name, phone
        self._station_en = name_en.strip()  # the English header's name; none: the Chinese one
        self.retranslate_ui()

    def set_session_controls(self, active: bool) -> None:
        self.btn_end.setVisible(active)
        self.lbl_countdown.setVisible(active)

    def set_countdown(self, seconds: int) -> None:
        """The seconds left, shown only near the end: a clock ticking all the time hurries people."""
        self._seconds = seconds
        shown = 0 <= seconds <= COUNTDOWN_SHOWN_SECONDS
        self.lbl_countdown.setText(self.tr("{seconds} 秒后自动退出").format(seconds=seconds) if shown else "")

    def set_warning(self, shown: bool) -> None:
        self.banner.setVisible(shown)

    def apply_metrics(self, metrics: Metrics) -> None:
        self.ctx.metrics = metrics
        self.lay_top.setDirection(QBoxLayout.Direction.TopToBottom if metrics.portrait
                                  else QBoxLayout.Direction.LeftToRight)
        self.setStyleSheet(style_sheet(metrics))
        for screen in self.screens.values():
            screen.apply_metrics(metrics)
        fit_layouts(self, metrics.screen)

    def retranslate_ui(self) -> None:
        station = (self._station_en if self.ctx.english and self._station_en else self._station) \
            or self.tr("户籍自助服务")
        self.lbl_station.setText(self.tr("{station} · 自助服务").format(station=station) if self._station else station)
        self.btn_language.setText("English" if not self.ctx.english else "中文")
        self.btn_elders.setText(self.tr("大字模式"))
        self.btn_speech.setText(self.tr("语音提示"))
        self.btn_end.setText(self.tr("结束服务"))
        self.lbl_still_there.setText(self.tr("您还在使用吗？如不操作，将自动退出并清除您的信息。"))
        self.btn_continue.setText(self.tr("继续使用"))
        help_text = self.tr("需要帮助？请到窗口咨询")
        if self._phone:
            help_text += self.tr("，或拨打 {phone}").format(phone=self._phone)
        self.lbl_help.setText(help_text)
        self.set_countdown(self._seconds)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fitted = self.ctx.metrics.on_screen(self.width(), self.height())
        if fitted != self.ctx.metrics:  # another screen size: the same design at its pixel size
            self.apply_metrics(fitted)
        self.resized.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
