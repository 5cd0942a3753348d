"""Self-print the household certificate (户籍证明) for the card holder: choose what it is for, look at
it (kiosk/screens/preview.py), and it prints with its verifiable QR code. A register entry the kiosk
cannot certify sends the citizen to the counter, politely."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from desk.domain.errors import DeskError
from kiosk.context import KioskContext
from kiosk.preview import Preview, preview_of
from kiosk.said import QT_TRANSLATE_NOOP, Phrase, says
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import TileButton, big_button, text_label

# The purposes offered (the printed certificate states the purpose in Chinese: the phrase's source).
PURPOSES: tuple[Phrase, ...] = (
    says(QT_TRANSLATE_NOOP("KioskSays", "入学")),
    says(QT_TRANSLATE_NOOP("KioskSays", "就业")),
    says(QT_TRANSLATE_NOOP("KioskSays", "出国（境）")),
    says(QT_TRANSLATE_NOOP("KioskSays", "社保")),
    says(QT_TRANSLATE_NOOP("KioskSays", "其他")),
)


class CertificateScreen(Screen):
    name = "certificate"
    back_requested = Signal()
    preview_ready = Signal(object)  # Preview: the issued certificate and its first page

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._who: tuple[str, str] = ("", "")  # the card holder's name and masked ID number
        self.lbl_title = text_label("", "title")
        self.lbl_for = text_label("", "large")
        self.lbl_ask = text_label("", "large")
        self.lbl_notice = text_label("", "warning")
        self.purpose_tiles: list[TileButton] = []
        grid = QGridLayout()
        grid.setSpacing(24)
        for index, purpose in enumerate(PURPOSES):
            tile = TileButton()
            tile.clicked.connect(lambda _=False, words=purpose: self._print(words))
            grid.addWidget(tile, index // 3, index % 3)
            self.purpose_tiles.append(tile)
        self.lbl_note = text_label("", "note")
        self.btn_back = big_button("", "secondary")

        self.btn_back.clicked.connect(self.back_requested)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_for)
        self.body.addWidget(self.lbl_notice)
        self.body.addWidget(self.lbl_ask)
        self.body.addLayout(grid)
        self.body.addWidget(self.lbl_note)
        self.body.addStretch(1)
        self.body.addWidget(self.btn_back)
        self.retranslate_ui()

    def on_shown(self) -> None:
        session = self.ctx.sessions.current
        self._who = (session.name, session.masked_id) if session is not None and session.has_citizen else ("", "")
        self.retranslate_ui()

    def wipe(self) -> None:
        self._who = ("", "")
        self.lbl_for.clear()

    def retranslate_ui(self) -> None:
        self.lbl_title.setText(self.tr("打印户籍证明"))
        name, masked_id = self._who
        # The brackets around the ID number are the language's (full-width ones in English read oddly).
        who = self.tr("{name}（{id_number}）").format(name=name, id_number=masked_id)
        self.lbl_for.setText(self.tr("为 {who} 出具户籍证明").format(who=who) if name else "")
        self.lbl_ask.setText(self.tr("请选择证明的用途："))
        self.lbl_note.setText(self.tr("证明上印有二维码，单位可扫码核验真伪；有效期 90 天。"))
        self.btn_back.setText(self.tr("返回"))
        for tile, purpose in zip(self.purpose_tiles, PURPOSES, strict=True):
            tile.set_texts(self.ctx.say(purpose))
        self._show_health()

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        for tile in self.purpose_tiles:
            tile.set_height(metrics.tile_height)

    def _show_health(self) -> None:
        ok = self.ctx.health.printer_ok
        self.lbl_notice.setVisible(not ok)
        self.lbl_notice.setText(self.ctx.say(self.ctx.health.printer_notice))
        for tile in self.purpose_tiles:
            tile.setEnabled(ok)

    def _print(self, purpose: Phrase) -> None:
        session = self.ctx.sessions.current
        if session is None or not session.has_citizen:
            return
        id_number = session.id_number
        backend = self.ctx.backend
        # The page is drawn as tall as this screen (the preview screen shares its size), off the GUI thread.
        height = round(self.height() * self.devicePixelRatioF())
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在生成户籍证明，请稍候…")))
        self.ctx.call(lambda: preview_of(backend.household_certificate(id_number, purpose.source), height),
                      self._issued, self._refused)

    def _issued(self, preview: Preview) -> None:
        self.preview_ready.emit(preview)

    def _refused(self, error: DeskError) -> None:
        self.nav.show_message(self.ctx.error_said(error), title=says(QT_TRANSLATE_NOOP(
            "KioskSays", "请到窗口办理")), kind="warning")
