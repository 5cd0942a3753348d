"""My cases: each case in plain words — what it is, where it stands, what happens next, the promised
date, and what is still missing — as many to a page as the screen holds at the chosen text size (one
only when a single card needs the whole screen); in elders' mode on a landscape screen two cards
share a row where both fit, so the large text does not leave half the screen empty.

A case still missing papers offers two actions on its card: 打印补交清单 (the case's 一次性告知书 from
the document service, for the card holder only: it names the applicant) and 取号补交 (a queue ticket
for the case's transaction, linked to the case). The same screen shows the one case a scanned
receipt code opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from desk.domain.errors import DeskError
from desk.services.documents import IssuedPaper
from kiosk.context import KioskContext
from kiosk.plain_words import CaseSummary
from kiosk.said import QT_TRANSLATE_NOOP, Said, says
from kiosk.screens.base import Screen
from kiosk.style import Metrics
from kiosk.widgets import Pager, big_button, text_label

MAX_CARDS = 4  # the most cases one page shows (a portrait totem in normal text holds about that many)
SLACK_PX = 2  # rounding in the layouts' own arithmetic: a page is cut a little short rather than overfull


class CaseCard(QFrame):
    """One case on the screen; made once and refilled (`show_case`), emptied by `clear`.
    `supplement_print_requested(number)` / `supplement_ticket_requested(number)` are its two actions."""

    supplement_print_requested = Signal(str)
    supplement_ticket_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = ""
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
        self.lbl_held_by = text_label("", "body")
        self.btn_print_supplement = big_button("", "secondary")
        self.btn_ticket_supplement = big_button("")
        self.btn_print_supplement.clicked.connect(lambda: self.supplement_print_requested.emit(self.number))
        self.btn_ticket_supplement.clicked.connect(lambda: self.supplement_ticket_requested.emit(self.number))
        head = QHBoxLayout()
        head.addWidget(self.lbl_transaction, 1)
        head.addWidget(self.lbl_number)
        layout.addLayout(head)
        for label in (self.lbl_held_by, self.lbl_state, self.lbl_next, self.lbl_promised, self.lbl_missing,
                      self.lbl_reason):
            layout.addWidget(label)
        actions = QHBoxLayout()
        actions.setSpacing(20)
        actions.addWidget(self.btn_print_supplement)
        actions.addWidget(self.btn_ticket_supplement)
        layout.addLayout(actions)
        layout.addStretch(1)  # a card beside a taller one keeps its lines together at the top

    def show_case(self, case: CaseSummary, pick: Callable[[Said], str], *, can_print: bool,
                  printer_ok: bool) -> None:
        self.fill(case, pick, can_print=can_print, printer_ok=printer_ok)
        self.show()

    def fill(self, case: CaseSummary, pick: Callable[[Said], str], *, can_print: bool, printer_ok: bool) -> None:
        """The texts and actions of `case`, without showing the card (the screen measures with it)."""
        self.number = case.number
        self.lbl_transaction.setText(pick(case.transaction))
        self.lbl_number.setText(self.tr("编号 {number}").format(number=case.number))
        self._optional(self.lbl_held_by, self.tr("受理单位：{station}").format(station=pick(case.held_by))
                       if case.held_by is not None else "")
        self.lbl_state.setText(self.tr("现在：{state}").format(state=pick(case.state)))
        self.lbl_next.setText(self.tr("下一步：{step}").format(step=pick(case.next_step)))
        self._optional(self.lbl_promised, self.tr("时间：{when}").format(when=pick(case.promised))
                       if case.promised is not None else "")
        # The list's separator is the language's: "；" between English names read as a stray character.
        separator = self.tr("；")
        missing = separator.join(f"{index}. {pick(item)}" for index, item in enumerate(case.missing, start=1))
        self._optional(self.lbl_missing, self.tr("还需补交：{items}").format(items=missing) if missing else "")
        self._optional(self.lbl_reason, self.tr("原因：{reason}").format(reason=case.reason) if case.reason else "")
        self.btn_print_supplement.setText(self.tr("打印补交清单"))
        self.btn_ticket_supplement.setText(self.tr("取号补交"))
        # Another station's case: this kiosk can take neither (the server refuses both); the card says where.
        self.btn_print_supplement.setVisible(case.supplement_here and can_print)
        self.btn_ticket_supplement.setVisible(case.supplement_here)
        # Both print (the ticket too): without paper the card says so in the screen's notice.
        self.btn_print_supplement.setEnabled(printer_ok)
        self.btn_ticket_supplement.setEnabled(printer_ok)

    @staticmethod
    def _optional(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def clear(self) -> None:
        self.number = ""
        for label in self.findChildren(QLabel):
            label.clear()
        for button in (self.btn_print_supplement, self.btn_ticket_supplement):
            button.setText("")
            button.hide()
        self.hide()


class CasesScreen(Screen):
    name = "cases"
    back_requested = Signal()
    rating_requested = Signal()
    supplement_ticket_requested = Signal(str, str)  # case number, transaction code

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._cases: list[CaseSummary] = []
        self._receipt = False
        # Each page: its rows, each row one or two (side by side) indices into the cases.
        self._pages: list[list[list[int]]] = [[]]
        self.lbl_title = text_label("", "title")
        self.lbl_empty = text_label("", "large")
        self.lbl_notice = text_label("", "warning")
        # Children of the screen from the start: the window scales their layouts for its size (fit_layouts).
        self.cards = [CaseCard(self) for _ in range(MAX_CARDS)]
        # Never shown: filled with a case to measure how tall its card would be at this width.
        self._ruler = CaseCard(self)
        self._ruler.hide()
        # Once the layouts settled after a change of text size or screen: the pages again.
        self._settled = QTimer(self)
        self._settled.setSingleShot(True)
        self._settled.setInterval(0)
        self._settled.timeout.connect(lambda: self._repaginate(keep_first=self._first_shown()))
        self.pager = Pager()
        self.btn_back = big_button("", "secondary")
        self.btn_rate = big_button("")

        self.pager.page_changed.connect(self._show_page)
        self.btn_back.clicked.connect(self.back_requested)
        self.btn_rate.clicked.connect(self.rating_requested)
        for card in self.cards:
            card.supplement_print_requested.connect(self._print_supplement)
            card.supplement_ticket_requested.connect(self._ticket_for)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.lbl_notice)
        self.body.addWidget(self.lbl_empty)
        self.lay_cards = QGridLayout()
        self.lay_cards.setSpacing(20)
        for column in (0, 1):  # two cards side by side share the width equally (as they were measured)
            self.lay_cards.setColumnStretch(column, 1)
        for card in self.cards:
            card.hide()
        self.body.addLayout(self.lay_cards)
        self.body.addStretch(1)
        self.lay_buttons = QGridLayout()
        self.lay_buttons.setSpacing(20)
        self._place_buttons(portrait=False)
        self.body.addLayout(self.lay_buttons)
        self.retranslate_ui()

    # ---- what is shown ----------------------------------------------------------------------------

    def show_cases(self, cases: list[CaseSummary], *, receipt: bool = False) -> None:
        self._cases = list(cases)
        self._receipt = receipt
        self._repaginate(keep_first=None)
        self.retranslate_ui()

    def wipe(self) -> None:
        self._cases = []
        for card in self.cards:
            card.clear()
        self._ruler.clear()
        self._pages = [[]]
        self.pager.reset(0, 1)
        self.lbl_title.clear()

    def page_sizes(self) -> list[int]:
        """How many cases each page shows (for the tests and the screenshot tour)."""
        return [sum(len(row) for row in rows) for rows in self._pages]

    def page_rows(self) -> list[list[int]]:
        """How many cases each row of each page shows (two: side by side)."""
        return [[len(row) for row in rows] for rows in self._pages]

    def retranslate_ui(self) -> None:
        if self._receipt:
            self.lbl_title.setText(self.tr("办理进度"))
        else:
            self.lbl_title.setText(self.tr("我的办件（共 {count} 件）").format(count=len(self._cases)))
        self.lbl_empty.setText(self.tr("没有查到您的办件。如果您刚刚申请，请稍后再查，或到窗口咨询。"))
        self.btn_back.setText(self.tr("返回"))
        self.btn_rate.setText(self.tr("评价服务"))
        self._show_health()
        # Texts of another length (a language change) may need other pages.
        self._repaginate(keep_first=self._first_shown())

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
        self._repaginate(keep_first=None)
        self._settled.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width() or event.size().height() != event.oldSize().height():
            self._repaginate(keep_first=self._first_shown())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:  # elders' mode: other text sizes, other pages
            self._settled.start()

    # ---- pages ------------------------------------------------------------------------------------

    def _first_shown(self) -> int | None:
        page = self.pager.page
        rows = self._pages[page] if 0 <= page < len(self._pages) else []
        return rows[0][0] if rows else None

    def _repaginate(self, *, keep_first: int | None) -> None:
        """Cut the cases into pages that fit the room between the title and the buttons, measuring
        each card at the screen's width and text size; at least one case a page. In elders' mode on a
        landscape screen, two cases in a row share it side by side when both fit at half the width."""
        pages: list[list[list[int]]] = []
        if self._cases:
            room, gap, width = self._room()
            pages = self._pack(self._rows(room, gap, width), room, gap)
            self._ruler.clear()
        self._pages = pages or [[]]
        page = next((i for i, rows in enumerate(self._pages) if keep_first is not None
                     and any(keep_first in row for row in rows)), 0)
        self.pager.set_pages(len(self._pages), page)
        self._show_page(page)

    def _two_columns(self) -> bool:
        metrics = self.ctx.metrics
        return metrics.elders and not metrics.portrait

    def _rows(self, room: int, gap: int, width: int) -> list[tuple[list[int], int]]:
        """The cases in rows with each row's height: side by side where that is allowed and both fit."""
        rows: list[tuple[list[int], int]] = []
        full = [self._card_height(case, width) for case in self._cases]
        half_width = max(1, (width - max(0, self.lay_cards.horizontalSpacing())) // 2)
        index = 0
        while index < len(self._cases):
            if self._two_columns() and index + 1 < len(self._cases):
                pair = max(self._card_height(self._cases[index], half_width),
                           self._card_height(self._cases[index + 1], half_width))
                # Side by side only when the pair is shorter than the two stacked would be.
                if pair <= room and pair < full[index] + gap + full[index + 1]:
                    rows.append(([index, index + 1], pair))
                    index += 2
                    continue
            rows.append(([index], full[index]))
            index += 1
        return rows

    @staticmethod
    def _pack(rows: list[tuple[list[int], int]], room: int, gap: int) -> list[list[list[int]]]:
        pages: list[list[list[int]]] = []
        page: list[list[int]] = []
        used = 0
        for cases, height in rows:
            needed = height if not page else used + gap + height
            if page and (needed > room or sum(len(r) for r in page) + len(cases) > MAX_CARDS):
                pages.append(page)
                page, used = [cases], height
            else:
                page.append(cases)
                used = needed
        if page:
            pages.append(page)
        return pages

    def _room(self) -> tuple[int, int, int]:
        """(height the cards may take, the gap between two cards, a card's width) on this screen."""
        margins, gap = self.body.contentsMargins(), max(0, self.body.spacing())
        width = max(1, self.width() - margins.left() - margins.right())
        used = margins.top() + margins.bottom() + self.lbl_title.heightForWidth(width) + gap
        if not self.lbl_notice.isHidden():
            used += self.lbl_notice.heightForWidth(width) + gap
        rows = 2 if self.ctx.metrics.portrait else 1  # the pager's own row on a portrait screen
        row = max(self.btn_back.sizeHint().height(), self.pager.sizeHint().height())
        used += rows * row + (rows - 1) * max(0, self.lay_buttons.verticalSpacing()) + gap
        return self.height() - used - SLACK_PX, gap, width

    def _card_height(self, case: CaseSummary, width: int) -> int:
        self._ruler.fill(case, self.ctx.say, can_print=self._can_print(), printer_ok=True)
        self._ruler.ensurePolished()
        # A hidden widget's layouts are not told that a child was hidden or shown: their cached
        # height-for-width would still count the previous case's rows.
        for layout in [self._ruler.layout(), *self._ruler.findChildren(QLayout)]:
            if layout is not None:
                layout.invalidate()
        height = self._ruler.heightForWidth(width)
        return height if height > 0 else self._ruler.sizeHint().height()

    def _show_page(self, page: int) -> None:
        self.lbl_empty.setVisible(not self._cases)
        rows = self._pages[page] if 0 <= page < len(self._pages) else []
        can_print, printer_ok = self._can_print(), self.ctx.health.printer_ok
        for card in self.cards:
            self.lay_cards.removeWidget(card)
        cards = iter(self.cards)
        for row, cases in enumerate(rows):
            for column, index in enumerate(cases):
                card = next(cards)
                self.lay_cards.addWidget(card, row, column, 1, 2 if len(cases) == 1 else 1)
                card.show_case(self._cases[index], self.ctx.say, can_print=can_print, printer_ok=printer_ok)
        for card in cards:
            card.clear()

    def _can_print(self) -> bool:
        """The 一次性告知书 names the applicant: printed for the card holder, not for a receipt code."""
        session = self.ctx.sessions.current
        return session is not None and session.has_citizen and not self._receipt

    def _show_health(self) -> None:
        ok = self.ctx.health.printer_ok
        needs = any(case.supplement_here for case in self._cases)
        was_hidden = self.lbl_notice.isHidden()
        self.lbl_notice.setText(self.ctx.say(self.ctx.health.printer_notice) if needs and not ok else "")
        self.lbl_notice.setVisible(needs and not ok)
        for card in self.cards:
            card.btn_print_supplement.setEnabled(ok)
            card.btn_ticket_supplement.setEnabled(ok)
        if was_hidden != self.lbl_notice.isHidden() and self._cases:
            self._repaginate(keep_first=self._first_shown())

    # ---- the two actions of a case missing papers ------------------------------------------------

    def _case(self, number: str) -> CaseSummary | None:
        return next((case for case in self._cases if case.number == number), None)

    def _print_supplement(self, number: str) -> None:
        session = self.ctx.sessions.current
        case = self._case(number)
        if session is None or not session.has_citizen or case is None or not case.supplement_here:
            return
        id_number, backend = session.id_number, self.ctx.backend
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在打印补交清单，请稍候…")))
        self.ctx.call(lambda: backend.supplement_notice(id_number, number), self._supplement_ready,
                      self._refused)

    def _supplement_ready(self, paper: IssuedPaper) -> None:
        def printed() -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP(
                "KioskSays", "请在出纸口取走补交清单，带齐清单上的材料到窗口补交。")),
                                  title=says(QT_TRANSLATE_NOOP("KioskSays", "打印完成")), kind="done",
                                  back_to=self.name)

        def not_printed(reason: Said) -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP(
                "KioskSays", "补交清单没有打印出来（{reason}）。还需补交的材料列在办件上，也可到窗口领取。"),
                reason=reason), kind="warning", back_to=self.name)

        self.ctx.printer.print_pdf(paper.pdf, f"supplement-{paper.serial}", printed, not_printed)

    def _ticket_for(self, number: str) -> None:
        case = self._case(number)
        if case is not None and case.supplement_here:
            self.supplement_ticket_requested.emit(case.number, case.transaction_code)

    def _refused(self, error: DeskError) -> None:
        self.nav.show_message(self.ctx.error_said(error), title=says(QT_TRANSLATE_NOOP("KioskSays", "请到窗口办理")),
                              kind="warning")
