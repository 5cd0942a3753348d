"""My cases: each case in plain words — what it is, where it stands, what happens next, the promised
date, and what is still missing — two to a page. The same screen shows the one case a scanned
receipt code opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.context import KioskContext
from kiosk.plain_words import CaseSummary
from kiosk.said import Said
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import Pager, big_button, text_label

PAGE_SIZE = 2  # cases per page; one in elders' mode


class CaseCard(QFrame):
    """One case on the screen; made once and refilled (`show_case`), emptied by `clear`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        self.lbl_transaction = text_label("", "large")
        self.lbl_number = text_label("", "note", wrap=False)
        self.lbl_state = text_label("", "state")
        self.lbl_next = text_label("", "body")
        self.lbl_promised = text_label("", "body")
        self.lbl_missing = text_label("", "warning")
        self.lbl_reason = text_label("", "body")
        head = QHBoxLayout()
        head.addWidget(self.lbl_transaction, 1)
        head.addWidget(self.lbl_number)
        layout.addLayout(head)
        for label in (self.lbl_state, self.lbl_next, self.lbl_promised, self.lbl_missing, self.lbl_reason):
            layout.addWidget(label)

    def show_case(self, case: CaseSummary, pick: Callable[[Said], str]) -> None:
        self.lbl_transaction.setText(pick(case.transaction))
        self.lbl_number.setText(self.tr("编号 {number}").format(number=case.number))
        self.lbl_state.setText(self.tr("现在：{state}").format(state=pick(case.state)))
        self.lbl_next.setText(self.tr("下一步：{step}").format(step=pick(case.next_step)))
        self._optional(self.lbl_promised, self.tr("时间：{when}").format(when=pick(case.promised))
                       if case.promised is not None else "")
        missing = "；".join(f"{index}. {pick(item)}" for index, item in enumerate(case.missing, start=1))
        self._optional(self.lbl_missing, self.tr("还需补交：{items}").format(items=missing) if missing else "")
        self._optional(self.lbl_reason, self.tr("原因：{reason}").format(reason=case.reason) if case.reason else "")
        self.show()

    @staticmethod
    def _optional(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def clear(self) -> None:
        for label in self.findChildren(QLabel):
            label.clear()
        self.hide()


class CasesScreen(Screen):
    name = "cases"
    back_requested = Signal()
    rating_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._cases: list[CaseSummary] = []
        self._receipt = False
        self._page_size = PAGE_SIZE
        self.lbl_title = text_label("", "title")
        self.lbl_empty = text_label("", "large")
        self.cards = [CaseCard() for _ in range(PAGE_SIZE)]
        self.pager = Pager()
        self.btn_back = big_button("", "secondary")
        self.btn_rate = big_button("")

        self.pager.page_changed.connect(self._show_page)
        self.btn_back.clicked.connect(self.back_requested)
        self.btn_rate.clicked.connect(self.rating_requested)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_empty)
        for card in self.cards:
            self.body.addWidget(card)
            card.hide()
        self.body.addStretch(1)
        self.lay_buttons = QGridLayout()
        self.lay_buttons.setSpacing(20)
        self._place_buttons(portrait=False)
        self.body.addLayout(self.lay_buttons)
        self.retranslate_ui()

    def show_cases(self, cases: list[CaseSummary], *, receipt: bool = False) -> None:
        self._cases = list(cases)
        self._receipt = receipt
        self.pager.reset(len(self._cases), self._page_size)
        self.retranslate_ui()

    def wipe(self) -> None:
        self._cases = []
        for card in self.cards:
            card.clear()
        self.pager.reset(0, self._page_size)
        self.lbl_title.clear()

    def retranslate_ui(self) -> None:
        if self._receipt:
            self.lbl_title.setText(self.tr("办理进度"))
        else:
            self.lbl_title.setText(self.tr("我的办件（共 {count} 件）").format(count=len(self._cases)))
        self.lbl_empty.setText(self.tr("没有查到您的办件。如果您刚刚申请，请稍后再查，或到窗口咨询。"))
        self.btn_back.setText(self.tr("返回"))
        self.btn_rate.setText(self.tr("评价服务"))
        self._show_page(self.pager.page)

    def _place_buttons(self, *, portrait: bool) -> None:
        """Back, pages, rate in one row; on a portrait screen the pages get a row of their own."""
        for widget in (self.btn_back, self.pager, self.btn_rate):
            self.lay_buttons.removeWidget(widget)
        if portrait:
            self.lay_buttons.addWidget(self.pager, 0, 0, 1, 2)
            self.lay_buttons.addWidget(self.btn_back, 1, 0)
            self.lay_buttons.addWidget(self.btn_rate, 1, 1)
            stretches = (1, 1, 0)
        else:
            self.lay_buttons.addWidget(self.btn_back, 0, 0)
            self.lay_buttons.addWidget(self.pager, 0, 1)
            self.lay_buttons.addWidget(self.btn_rate, 0, 2)
            stretches = (1, 2, 1)
        for column, stretch in enumerate(stretches):
            self.lay_buttons.setColumnStretch(column, stretch)

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        self._place_buttons(portrait=metrics.portrait)
        self._page_size = PAGE_SIZE if not metrics.elders else 1
        self.pager.reset(len(self._cases), self._page_size)
        self._show_page(0)

    def _show_page(self, page: int) -> None:
        self.lbl_empty.setVisible(not self._cases)
        size = self._page_size
        shown = self._cases[page * size:(page + 1) * size]
        for index, card in enumerate(self.cards):
            if index < len(shown):
                card.show_case(shown[index], self.ctx.say)
            else:
                card.clear()
