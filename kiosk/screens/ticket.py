"""Queue ticket (排队号): choose the transaction, confirm, and the ticket prints — number, people ahead,
estimated wait. The number is also shown on screen, so a ticket that did not print (out of paper)
still gets the citizen served."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desk.domain.errors import DeskError
from kiosk.backend import TicketResult
from kiosk.context import KioskContext
from kiosk.said import QT_TRANSLATE_NOOP, Said, says
from kiosk.screens.base import Screen
from kiosk.screens.picker import GENERAL, TransactionPicker
from kiosk.style import Metrics
from kiosk.widgets import ToggleButton, big_button, card_frame, text_label


class TicketScreen(Screen):
    name = "ticket"
    back_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._code: str | None = None
        self._case_number: str | None = None  # 取号补交: the ticket is for this case
        self._for_case = False  # the next showing goes straight to the confirmation
        self.lbl_title = text_label("", "title")
        self.lbl_notice = text_label("", "warning")
        self.steps = QStackedWidget()
        # The picker's pages are turned from the bottom row, beside 返回: the tiles keep that row's room.
        self.picker = TransactionPicker(ctx, ctx.catalog, pager_outside=True)
        confirm = QWidget()
        self.frm_choice, choice_layout = card_frame()
        self.lbl_chosen_caption = text_label("", "large")
        self.lbl_chosen = text_label("", "title")
        choice_layout.addWidget(self.lbl_chosen_caption)
        choice_layout.addWidget(self.lbl_chosen)
        # 优先办理: ticked for a card holder of sixty and over; anyone may tick it (checked at the window).
        self.btn_priority = ToggleButton()
        choice_layout.addWidget(self.btn_priority)
        self.btn_print = big_button("")
        self.btn_again = big_button("", "secondary")
        confirm_layout = QVBoxLayout(confirm)
        confirm_layout.setContentsMargins(0, 0, 0, 0)
        confirm_layout.addWidget(self.frm_choice)
        confirm_layout.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.btn_again)
        row.addWidget(self.btn_print)
        confirm_layout.addLayout(row)
        self.steps.addWidget(self.picker)
        self.steps.addWidget(confirm)
        self.btn_back = big_button("", "secondary")
        # Not knowing which transaction is the commonest case of all: its own button, always in view.
        self.btn_general = big_button("", "secondary")

        self.picker.picked.connect(self._on_picked)
        self.btn_general.clicked.connect(lambda: self._on_picked(GENERAL))
        self.btn_again.clicked.connect(self._choose_again)
        self.btn_print.clicked.connect(self._take_ticket)
        # Spoken only when the citizen switches it (not when it is ticked for a card holder of sixty).
        self.btn_priority.clicked.connect(lambda _checked: self.ctx.speaker.say(self.btn_priority.spoken))
        self.btn_back.clicked.connect(self.back_requested)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_notice)
        self.body.addWidget(self.steps, 1)
        # The pager in a frame of the screen's: the frame is hidden on the confirmation, whatever the pager
        # (which shows itself with more than one page) does on a language change there.
        self.frm_pager = QWidget()
        pager_box = QVBoxLayout(self.frm_pager)
        pager_box.setContentsMargins(0, 0, 0, 0)
        pager_box.addWidget(self.picker.pager)
        self.lay_bottom = QGridLayout()
        self.lay_bottom.setSpacing(20)
        self._place_bottom(portrait=False)
        self.body.addLayout(self.lay_bottom)
        self.retranslate_ui()

    def _place_bottom(self, *, portrait: bool) -> None:
        """返回, the picker's pages and 取咨询号 in one row; on a portrait screen the pages get a row of their own."""
        pager = self.frm_pager
        for widget in (self.btn_back, pager, self.btn_general):
            self.lay_bottom.removeWidget(widget)
        if portrait:
            self.lay_bottom.addWidget(pager, 0, 0, 1, 2)
            self.lay_bottom.addWidget(self.btn_back, 1, 0)
            self.lay_bottom.addWidget(self.btn_general, 1, 1)
            stretches = (0, 1, 0)
        else:
            self.lay_bottom.addWidget(self.btn_back, 0, 0)
            self.lay_bottom.addWidget(pager, 0, 1)
            self.lay_bottom.addWidget(self.btn_general, 0, 2)
            stretches = (0, 1, 0)  # the two buttons as wide as their words, the pages take the rest
        for column, stretch in enumerate(stretches):
            self.lay_bottom.setColumnStretch(column, stretch)

    def _show_pager(self, shown: bool) -> None:
        """The pages belong to the choosing step: hidden on the confirmation."""
        self.frm_pager.setVisible(shown)

    def for_case(self, case_number: str, transaction_code: str) -> None:
        """取号补交: the next showing asks only to confirm a ticket for this case's transaction."""
        self._for_case = True
        self._case_number = case_number
        self._code = transaction_code

    def on_shown(self) -> None:
        self.picker.reset()
        if self._for_case and self._code is not None:
            self._for_case = False
            self._on_picked(self._code, case_number=self._case_number)
        else:
            self._choose_again()
        self._show_health()

    def wipe(self) -> None:
        self._code = None
        self._case_number = None
        self._for_case = False
        self.btn_priority.setChecked(False)
        self.lbl_chosen.clear()
        self.picker.reset()
        self.steps.setCurrentIndex(0)
        self._show_title()

    def retranslate_ui(self) -> None:
        self._show_title()
        self.lbl_chosen_caption.setText(self.tr("您要办理："))
        self.btn_print.setText(self.tr("打印排队号"))
        self.btn_priority.set_choice_texts(self.tr("优先办理（老年人、残疾人、军人、孕妇）"),
                                           self.tr("已选择：窗口将优先叫您的号（到窗口出示证件）"),
                                           self.tr("未选择（点按选择）"))
        self.btn_again.setText(self.tr("重新选择"))
        self.btn_back.setText(self.tr("返回"))
        self.btn_general.setText(self.tr("不确定办什么？取咨询号"))
        self._show_chosen()
        self._show_health()

    def _show_title(self) -> None:
        """What this step asks: choose the business, then (the confirmation) check it and print."""
        if self.steps.currentIndex() == 1:
            self.lbl_title.setText(self.tr("取排队号：请确认办理的业务，然后打印"))
        else:
            self.lbl_title.setText(self.tr("取排队号：请选择要办理的业务"))

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        self._place_bottom(portrait=metrics.portrait)
        self.picker.apply_metrics(metrics)

    def _show_health(self) -> None:
        ok = self.ctx.health.printer_ok
        self.lbl_notice.setVisible(not ok)
        self.lbl_notice.setText(self.ctx.say(self.ctx.health.printer_notice))
        self.btn_print.setEnabled(ok)

    def _on_picked(self, code: str, *, case_number: str | None = None) -> None:
        self._code = code
        self._case_number = case_number
        session = self.ctx.sessions.current
        elder = session is not None and session.has_citizen and self.ctx.backend.is_elder(session.id_number)
        self.btn_priority.setChecked(elder)
        self._show_chosen()
        self.steps.setCurrentIndex(1)
        self._show_title()
        self.btn_general.hide()
        self._show_pager(False)

    def _show_chosen(self) -> None:
        if self._code is None:
            return
        if self._code == GENERAL:
            self.lbl_chosen.setText(self.tr("其他业务或咨询"))
            return
        transaction = self.ctx.catalog.get(self._code)
        if transaction is not None:
            name = self.ctx.pick_pair(transaction.name_zh, transaction.name_en)
            if self._case_number is not None:
                name = self.tr("{transaction}：补交材料（编号 {number}）").format(transaction=name,
                                                                          number=self._case_number)
            self.lbl_chosen.setText(name)

    def _choose_again(self) -> None:
        self._code = None
        self._case_number = None
        self.steps.setCurrentIndex(0)
        self._show_title()
        self.btn_general.show()
        self._show_pager(True)

    def _take_ticket(self) -> None:
        if self._code is None:
            return
        code = self._code or None
        session = self.ctx.sessions.current
        id_number = session.id_number if session is not None and session.has_citizen else None
        backend = self.ctx.backend
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在出号，请稍候…")))
        priority, case_number = self.btn_priority.isChecked(), self._case_number
        language = "en" if self.ctx.english else "zh"  # the slip in the citizen's language
        self.ctx.call(lambda: backend.take_ticket(code, id_number, priority=priority, case_number=case_number,
                                                  language=language),
                      self._print, self._refused)

    def _print(self, ticket: TicketResult) -> None:
        if ticket.people_ahead > 0:
            ahead = says(QT_TRANSLATE_NOOP("KioskSays", "您前面还有 {people} 人，预计等待约 {minutes} 分钟。"),
                         people=ticket.people_ahead, minutes=ticket.estimated_wait_minutes)
        else:  # "0 people ahead of you; about 0 minutes" read like a fault
            ahead = says(QT_TRANSLATE_NOOP("KioskSays", "您前面没有人在等候，窗口很快就会叫您的号。"))
        your_number = says(QT_TRANSLATE_NOOP("KioskSays", "您的号码"))

        def printed() -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP("KioskSays", "{ahead}请取走排队号，留意叫号。"), ahead=ahead),
                                  title=your_number, big_text=ticket.number, kind="done")

        def not_printed(reason: Said) -> None:
            # The ticket exists and the counter will call it: the number on screen is enough.
            self.nav.show_message(
                says(QT_TRANSLATE_NOOP("KioskSays", "排队号没有打印出来（{reason}）。请记住您的号码，{ahead}"),
                     reason=reason, ahead=ahead),
                title=your_number, big_text=ticket.number, kind="warning")

        self.ctx.printer.print_pdf(ticket.pdf, f"ticket-{ticket.number}", printed, not_printed)

    def _refused(self, error: DeskError) -> None:
        self.nav.show_message(self.ctx.error_said(error), kind="warning")
