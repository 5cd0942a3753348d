"""Screens that only tell: a calm message (done, information, or "please go to the counter") that
returns by itself, the busy screen while something runs, and "please take your card"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.context import KioskContext
from kiosk.said import NOTHING, Said
from kiosk.screens.base import Screen
from kiosk.widgets import Pictogram, big_button, text_label

CENTER = Qt.AlignmentFlag.AlignCenter


class MessageScreen(Screen):
    """`show(...)`, then after `seconds` (or the button) `closed(end_session)` is emitted."""

    name = "message"
    closed = Signal(bool)

    def __init__(self, ctx: KioskContext, *, seconds: int = 12, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.seconds = seconds
        self._left = 0
        self._end_session = False
        self._words: Said = NOTHING
        self._title: Said | None = None
        self.pic = Pictogram("info", 130)
        self.lbl_title = text_label("", "title", align=CENTER)
        self.lbl_big = text_label("", "huge", align=CENTER)
        self.lbl_text = text_label("", "large", align=CENTER)
        self.lbl_countdown = text_label("", "note", align=CENTER)
        self.btn_ok = big_button("")
        self.btn_ok.setObjectName("btn_ok")  # its width is in the style sheet (which wins over code)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)

        self._timer.timeout.connect(self._tick)
        self.btn_ok.clicked.connect(self._close)

        self.body.addStretch(1)
        self.body.addWidget(self.pic, 0, CENTER)
        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_big)
        self.body.addWidget(self.lbl_text)
        self.body.addStretch(1)
        self.body.addWidget(self.lbl_countdown)
        self.body.addWidget(self.btn_ok, 0, CENTER)
        self.retranslate_ui()

    def show_message(self, words: Said, *, title: Said | None, big_text: str, kind: str,
                     end_session: bool) -> None:
        self._words, self._title, self._end_session = words, title, end_session
        self.pic.set_kind(kind if kind in Pictogram.KINDS else "info")
        self.lbl_big.setText(big_text)
        self.lbl_big.setVisible(bool(big_text))
        self._left = self.seconds
        self._timer.start()
        self.retranslate_ui()
        self.ctx.speaker.say(" ".join(part for part in (self.lbl_title.text(), big_text, self.lbl_text.text())
                                      if part))

    def on_hidden(self) -> None:
        # A message left behind (a new card, a scan) must not close itself later over the next screen.
        self._timer.stop()

    def wipe(self) -> None:
        self._timer.stop()
        self._words, self._title = NOTHING, None
        for label in (self.lbl_title, self.lbl_big, self.lbl_text):
            label.clear()

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.ctx.say(self._title) if self._title else "")
        self.lbl_title.setVisible(self._title is not None)
        self.lbl_text.setText(self.ctx.say(self._words))
        self.btn_ok.setText(self.tr("好的") if not self._end_session else self.tr("完成"))
        self._show_left()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self._close()
        else:
            self._show_left()

    def _show_left(self) -> None:
        self.lbl_countdown.setText(self.tr("{seconds} 秒后自动返回").format(seconds=max(self._left, 0)))

    def _close(self) -> None:
        if not self._timer.isActive():
            return
        self._timer.stop()
        self.closed.emit(self._end_session)


class BusyScreen(Screen):
    """Shown while a task or a print job runs; no buttons. `timed_out` if it runs far too long."""

    name = "busy"
    timed_out = Signal()

    def __init__(self, ctx: KioskContext, *, timeout_ms: int = 90_000, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._words: Said = NOTHING
        self.pic = Pictogram("wait", 160)
        self.lbl_text = text_label("", "title", align=CENTER)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.timed_out)
        self.body.addStretch(1)
        self.body.addWidget(self.pic, 0, CENTER)
        self.body.addWidget(self.lbl_text)
        self.body.addStretch(2)

    def show_busy(self, words: Said) -> None:
        self._words = words
        self._timer.start()
        self.retranslate_ui()

    def stop(self) -> None:
        self._timer.stop()

    def on_hidden(self) -> None:
        self._timer.stop()

    def retranslate_ui(self) -> None:
        self.lbl_text.setText(self.ctx.say(self._words))


class TakeCardScreen(Screen):
    """After 结束: please take your card. `closed` when it is taken, or after `seconds` anyway."""

    name = "take_card"
    closed = Signal()

    def __init__(self, ctx: KioskContext, *, seconds: int = 15, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.pic = Pictogram("card", 180)
        self.lbl_text = text_label("", "title", align=CENTER)
        self.lbl_thanks = text_label("", "large", align=CENTER)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(seconds * 1000)
        self._timer.timeout.connect(self.closed)
        self.body.addStretch(1)
        self.body.addWidget(self.pic, 0, CENTER)
        self.body.addWidget(self.lbl_text)
        self.body.addWidget(self.lbl_thanks)
        self.body.addStretch(2)
        self.retranslate_ui()

    def on_shown(self) -> None:
        self._timer.start()
        self.ctx.speaker.say(self.lbl_text.text())

    def stop(self) -> None:
        self._timer.stop()

    def on_hidden(self) -> None:
        self._timer.stop()

    def retranslate_ui(self) -> None:
        self.lbl_text.setText(self.tr("请取走您的身份证"))
        self.lbl_thanks.setText(self.tr("您的信息已清除，谢谢使用。"))

