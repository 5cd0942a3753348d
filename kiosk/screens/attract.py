"""The attract screen: what the kiosk shows while nobody uses it — swipe your ID card (or scan the
receipt's code), or use the services that need no card."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from kiosk.context import KioskContext
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import Pictogram, TileButton, card_frame, text_label


class AttractScreen(Screen):
    name = "attract"
    ticket_requested = Signal()
    guide_requested = Signal()
    rating_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        center = Qt.AlignmentFlag.AlignCenter
        self.lbl_welcome = text_label("", "title", align=center)
        self.frm_card, card_layout = card_frame()
        self.pic_card = Pictogram("card", 150)
        self.lbl_swipe = text_label("", "title", align=center)
        self.lbl_swipe_hint = text_label("", "large", align=center)
        self.lbl_scan = text_label("", "large", align=center)
        card_layout.addWidget(self.pic_card, 0, center)
        for widget in (self.lbl_swipe, self.lbl_swipe_hint, self.lbl_scan):
            card_layout.addWidget(widget)
        self.lbl_reader_notice = text_label("", "warning", align=center)
        self.lbl_no_card = text_label("", "large", align=center)
        self.btn_ticket = TileButton()
        self.btn_guide = TileButton()
        self.btn_rating = TileButton()

        self.btn_ticket.clicked.connect(self.ticket_requested)
        self.btn_guide.clicked.connect(self.guide_requested)
        self.btn_rating.clicked.connect(self.rating_requested)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_welcome)
        self.body.addWidget(self.frm_card, 3)
        self.body.addWidget(self.lbl_reader_notice)
        self.body.addWidget(self.lbl_no_card)
        tiles = QGridLayout()
        tiles.setSpacing(24)
        for column, tile in enumerate((self.btn_ticket, self.btn_guide, self.btn_rating)):
            tiles.addWidget(tile, 0, column)
        self.body.addLayout(tiles, 1)
        self.retranslate_ui()
        self._show_health()

    def retranslate_ui(self) -> None:
        self.lbl_welcome.setText(self.tr("欢迎使用户籍自助服务"))
        self.lbl_swipe.setText(self.tr("请将身份证放在读卡区"))
        self.lbl_swipe_hint.setText(self.tr("查询办理进度 · 打印户籍证明 · 为您的办件评价"))
        self.lbl_scan.setText(self.tr("也可将受理回执上的二维码对准扫描口"))
        self.lbl_no_card.setText(self.tr("不用身份证也可以："))
        self.btn_ticket.set_texts(self.tr("取排队号"), self.tr("到窗口办理业务"))
        self.btn_guide.set_texts(self.tr("办事要带什么"), self.tr("查看并打印材料清单"))
        self.btn_rating.set_texts(self.tr("评价服务"), self.tr("好差评"))
        self._show_health()

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        for tile in (self.btn_ticket, self.btn_guide, self.btn_rating):
            tile.set_height(metrics.tile_height)

    def on_shown(self) -> None:
        self._show_health()
        self.ctx.speaker.say(self.lbl_swipe.text())

    def _show_health(self) -> None:
        reader_ok = self.ctx.health.reader_ok
        self.lbl_reader_notice.setVisible(not reader_ok)
        self.lbl_reader_notice.setText(self.ctx.say(self.ctx.health.reader_notice))
        self.lbl_swipe.setEnabled(reader_ok)
        self.lbl_swipe_hint.setEnabled(reader_ok)
