"""The citizen's own menu, after their ID card was read: greeting, and one big tile per service.
Services whose device is down say so on the tile and stay disabled; the others keep working."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.context import KioskContext
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import TileButton, text_label


class HomeScreen(Screen):
    name = "home"
    cases_requested = Signal()
    ticket_requested = Signal()
    certificate_requested = Signal()
    guide_requested = Signal()
    rating_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._name = self._masked = ""
        self.lbl_greeting = text_label("", "title")
        self.lbl_id = text_label("", "note")
        self.lbl_notice = text_label("", "warning")
        self.btn_cases = TileButton()
        self.btn_ticket = TileButton()
        self.btn_certificate = TileButton()
        self.btn_guide = TileButton()
        self.btn_rating = TileButton()
        for tile, icon in ((self.btn_cases, "cases"), (self.btn_certificate, "certificate"),
                           (self.btn_ticket, "ticket"), (self.btn_guide, "guide"), (self.btn_rating, "rating")):
            tile.set_icon(icon)

        self.btn_cases.clicked.connect(self.cases_requested)
        self.btn_ticket.clicked.connect(self.ticket_requested)
        self.btn_certificate.clicked.connect(self.certificate_requested)
        self.btn_guide.clicked.connect(self.guide_requested)
        self.btn_rating.clicked.connect(self.rating_requested)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_greeting)
        self.body.addWidget(self.lbl_id)
        self.body.addWidget(self.lbl_notice)
        grid = QGridLayout()
        grid.setSpacing(24)
        tiles = (self.btn_cases, self.btn_certificate, self.btn_ticket, self.btn_guide, self.btn_rating)
        for index, tile in enumerate(tiles):  # two rows of three: room for the "still there?" banner
            grid.addWidget(tile, index // 3, index % 3)
        self.body.addLayout(grid, 1)
        self.retranslate_ui()

    def show_citizen(self, name: str, masked_id: str) -> None:
        self._name, self._masked = name, masked_id
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        name, masked = self._name, self._masked
        self.lbl_greeting.setText(self.tr("您好，{name}").format(name=name) if name else "")
        self.lbl_id.setText(self.tr("身份证号：{number}").format(number=masked) if masked else "")
        self.btn_cases.set_texts(self.tr("我的办件"), self.tr("办到哪一步了、还缺什么"))
        self.btn_certificate.set_texts(self.tr("打印户籍证明"), self.tr("入学、就业、社保等用途"))
        self.btn_ticket.set_texts(self.tr("取排队号"), self.tr("到窗口办理业务"))
        self.btn_guide.set_texts(self.tr("办事要带什么"), self.tr("查看并打印材料清单"))
        self.btn_rating.set_texts(self.tr("评价服务"), self.tr("好差评"))
        self._show_health()

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        for tile in (self.btn_cases, self.btn_certificate, self.btn_ticket, self.btn_guide, self.btn_rating):
            tile.set_height(metrics.tile_height)
            tile.set_icon_size(metrics.sized(72))  # drawn, so sharp at every size (resources/icons/kiosk)

    def on_shown(self) -> None:
        self._show_health()

    def wipe(self) -> None:
        self._name = self._masked = ""
        self.lbl_greeting.clear()
        self.lbl_id.clear()

    def _show_health(self) -> None:
        printer_ok = self.ctx.health.printer_ok
        self.btn_certificate.setEnabled(printer_ok)
        self.btn_ticket.setEnabled(printer_ok)
        self.lbl_notice.setVisible(not printer_ok)
        self.lbl_notice.setText(self.ctx.say(self.ctx.health.printer_notice))
