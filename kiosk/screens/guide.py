"""What to bring (办事指南): browse any of the 36 transactions by category or search, see the materials —
the ones always needed, then the ones needed only in some cases ("如…则需") — and print the list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desk.domain.catalog import Transaction
from desk.domain.catalog_words import MaterialLine, materials_to_bring
from kiosk.context import KioskContext
from kiosk.said import QT_TRANSLATE_NOOP, Data, Said, says
from kiosk.screens.base import Screen
from kiosk.screens.picker import TransactionPicker
from kiosk.style import Metrics
from kiosk.widgets import Pager, big_button, card_frame, text_label

# How much of the list fits on one page, in lines of large text (a condition line counts less).
PAGE_BUDGET = 8.0
ELDERS_PAGE_BUDGET = 5.5
HEADING_COST, ITEM_COST, CONDITION_COST = 1.0, 1.0, 0.8


MAX_ROWS = int(PAGE_BUDGET)  # every material costs at least one line


class MaterialRow(QWidget):
    """One material of the list (with its section heading when a section starts); made once, refilled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lbl_heading = text_label("", "state")
        self.lbl_item = text_label("", "large")
        self.lbl_condition = text_label("", "note")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for label in (self.lbl_heading, self.lbl_item, self.lbl_condition):
            layout.addWidget(label)

    def show_row(self, heading: str, item: str, condition: str) -> None:
        for label, text in ((self.lbl_heading, heading), (self.lbl_item, item), (self.lbl_condition, condition)):
            label.setText(text)
            label.setVisible(bool(text))
        self.show()

    def clear(self) -> None:
        for label in (self.lbl_heading, self.lbl_item, self.lbl_condition):
            label.clear()
        self.hide()


class GuideScreen(Screen):
    name = "guide"
    back_requested = Signal()

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._transaction: Transaction | None = None
        self._always: list[MaterialLine] = []
        self._sometimes: list[MaterialLine] = []
        self.lbl_title = text_label("", "title")
        self.steps = QStackedWidget()
        self.picker = TransactionPicker(ctx, ctx.catalog)
        detail = QWidget()
        self.detail = detail
        self.lbl_summary = text_label("", "large")
        self.frm_list, self.lay_list = card_frame()
        self.rows = [MaterialRow() for _ in range(MAX_ROWS)]
        for row in self.rows:
            self.lay_list.addWidget(row)
            row.hide()
        self.lay_list.addStretch(1)
        # Measures a page's rows at the list's width in the current text size, never shown.
        self._ruler = MaterialRow(self.frm_list)
        self._ruler.hide()
        self.pager = Pager()
        self.lbl_notice = text_label("", "warning")
        self.btn_print = big_button("")
        self.btn_other = big_button("", "secondary")
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.lbl_summary)
        detail_layout.addWidget(self.frm_list, 1)
        detail_layout.addWidget(self.pager)
        detail_layout.addWidget(self.lbl_notice)
        self.steps.addWidget(self.picker)
        self.steps.addWidget(detail)
        self.btn_back = big_button("", "secondary")
        self._budget = PAGE_BUDGET
        self._brief = False  # the summary without the description (when the list needs the room)
        self._pages: list[list[tuple[bool, MaterialLine, int]]] = []

        self.picker.picked.connect(self.show_transaction)
        self.pager.page_changed.connect(self._show_page)
        self.btn_other.clicked.connect(lambda: self.steps.setCurrentIndex(0))
        self.btn_print.clicked.connect(self._print)
        self.btn_back.clicked.connect(self.back_requested)
        ctx.health.changed.connect(self._show_health)

        self.body.addWidget(self.lbl_title)
        self.body.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(20)
        buttons.addWidget(self.btn_back)
        buttons.addWidget(self.btn_other)
        buttons.addWidget(self.btn_print)
        self.body.addLayout(buttons)
        self.steps.currentChanged.connect(self._show_step_buttons)
        self._show_step_buttons(0)
        self.retranslate_ui()

    def _show_step_buttons(self, step: int) -> None:
        self.btn_other.setVisible(step == 1)
        self.btn_print.setVisible(step == 1)

    def on_shown(self) -> None:
        self.steps.setCurrentIndex(0)
        self.picker.reset()
        self._show_health()

    def wipe(self) -> None:
        self._transaction = None
        self.steps.setCurrentIndex(0)
        self.picker.reset()

    def show_transaction(self, code: str) -> None:
        transaction = self.ctx.catalog.get(code)
        if transaction is None:
            return
        self._transaction = transaction
        lines = materials_to_bring(transaction)
        self._always = [line for line in lines if line.condition is None]
        self._sometimes = [line for line in lines if line.condition is not None]
        self.steps.setCurrentIndex(1)
        self.pager.set_pages(1)
        self.retranslate_ui()  # the title and summary, then the pages cut to the room they leave
        self._paginate()
        self._show_page(0)

    def retranslate_ui(self) -> None:
        transaction = self._transaction
        if transaction is not None and self.steps.currentIndex() == 1:
            self.lbl_title.setText(self.ctx.pick_pair(transaction.name_zh, transaction.name_en))
            self._show_summary()
        else:
            self.lbl_title.setText(self.tr("办事要带什么：请选择业务"))
        self.btn_print.setText(self.tr("打印材料清单"))
        self.btn_other.setText(self.tr("看看别的业务"))
        self.btn_back.setText(self.tr("返回"))
        if transaction is not None and self.steps.currentIndex() == 1 and self.isVisible():
            page = self.pager.page
            self._paginate()  # the other language's words wrap differently
            self.pager.set_pages(len(self._pages), page)
        self._show_page(self.pager.page)
        self._show_health()

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        self.picker.apply_metrics(metrics)
        self._budget = PAGE_BUDGET if not metrics.elders else ELDERS_PAGE_BUDGET
        self._paginate()
        self._show_page(0)

    def _show_health(self) -> None:
        ok = self.ctx.health.printer_ok
        self.lbl_notice.setVisible(not ok)
        self.lbl_notice.setText(self.ctx.say(self.ctx.health.printer_notice))
        self.btn_print.setEnabled(ok)

    def _paginate(self) -> None:
        """Split the list (always needed, then needed in some cases) into pages that fit; a section's
        heading is repeated on each page it continues on. Rows are measured at the list's width in
        the current text size (a long material wraps to several lines, more so in large print); before
        the list is laid out, a line-count estimate stands in. When the largest row would not fit even
        alone (a two-line title in large print on a small screen), the summary keeps only the time
        limit and leaves the description to the printed list."""
        lines = [(True, line) for line in self._always] + [(False, line) for line in self._sometimes]
        self._brief = False
        self._show_summary()
        room, measure = self._room()
        largest = max((measure(always, line, number, True) for number, (always, line) in enumerate(lines, 1)),
                      default=0.0)
        if largest > room:
            self._brief = True
            self._show_summary()
            room, measure = self._room()
        pages: list[list[tuple[bool, MaterialLine, int]]] = []
        page: list[tuple[bool, MaterialLine, int]] = []
        used = 0.0
        for number, (always, line) in enumerate(lines, start=1):
            if len(page) == MAX_ROWS:
                pages.append(page)
                page, used = [], 0.0
            starts_section = not page or page[-1][0] != always
            cost = measure(always, line, number, starts_section)
            if page and used + cost > room:
                pages.append(page)
                page, used = [], 0.0
                cost = measure(always, line, number, True)  # a new page starts with its heading
            page.append((always, line, number))
            used += cost
        if page:
            pages.append(page)
        self._pages = pages
        self.pager.set_pages(len(pages))

    def _room(self) -> tuple[float, Callable[[bool, MaterialLine, int, bool], float]]:
        """How much a page holds and what a row costs of it: pixels when the list is laid out, else lines."""
        # Lay out now, outside in (the title may just have grown to two lines): the list's room is
        # what is left once the title, the summary and the pager have theirs.
        for widget in (self, self.steps, self.detail):
            layout = widget.layout()
            if layout is not None:
                layout.activate()
        margins = self.lay_list.contentsMargins()
        width = self.frm_list.contentsRect().width() - margins.left() - margins.right()
        height = self.frm_list.contentsRect().height() - margins.top() - margins.bottom()
        if not self.frm_list.isVisible() or width < 100 or height < 100:
            def in_lines(_always: bool, line: MaterialLine, _number: int, heading: bool) -> float:
                return (HEADING_COST if heading else 0.0) + ITEM_COST + \
                    (CONDITION_COST if line.condition is not None else 0.0)
            return self._budget, in_lines
        ruler, spacing = self._ruler, self.lay_list.spacing()
        for widget in (ruler, ruler.lbl_heading, ruler.lbl_item, ruler.lbl_condition):
            widget.ensurePolished()
        ruler_layout = ruler.layout()
        row_spacing = ruler_layout.spacing() if ruler_layout is not None else 0

        def in_pixels(always: bool, line: MaterialLine, number: int, heading: bool) -> float:
            texts = [(ruler.lbl_item, f"{number}. {self._caption(line)}")]
            if heading:
                texts.append((ruler.lbl_heading, self._heading(always)))
            if line.condition is not None:
                texts.append((ruler.lbl_condition, self._condition(line)))
            heights = []
            for label, text in texts:
                label.setText(text)
                heights.append(label.heightForWidth(width) if label.wordWrap() else label.sizeHint().height())
            return sum(heights) + row_spacing * (len(heights) - 1) + spacing

        return height - 4, in_pixels  # a little slack for rounding

    def _show_summary(self) -> None:
        transaction = self._transaction
        if transaction is None:
            return
        days = transaction.time_limit_days
        limit = self.tr("当场办结") if days == 0 else self.tr("{days} 个工作日办结").format(days=days)
        description = self.ctx.pick_pair(transaction.description_zh, transaction.description_en)
        self.lbl_summary.setText(limit if self._brief else f"{limit} · {description}")

    def _heading(self, always: bool) -> str:
        return self.tr("一定要带") if always else self.tr("有些情况才要带")

    def _condition(self, line: MaterialLine) -> str:
        return f"    {self.ctx.say(Data(line.condition))}" if line.condition is not None else ""

    def _show_page(self, page: int) -> None:
        entries = self._pages[page] if page < len(self._pages) else []
        section: bool | None = None
        for index, row in enumerate(self.rows):
            if index >= len(entries):
                row.clear()
                continue
            always, line, number = entries[index]
            heading = ""
            if always != section:
                section = always
                heading = self._heading(always)
            row.show_row(heading, f"{number}. {self._caption(line)}", self._condition(line))

    def _caption(self, line: MaterialLine) -> str:
        return self.ctx.say(Data(line.caption))  # each language with its own brackets

    def _print(self) -> None:
        transaction = self._transaction
        if transaction is None:
            return
        backend = self.ctx.backend
        code = transaction.code
        self.nav.show_busy(says(QT_TRANSLATE_NOOP("KioskSays", "正在打印材料清单…")))
        language = self.ctx.language  # printed in the language the citizen chose
        self.ctx.call(lambda: backend.checklist_pdf(code, language=language), lambda pdf: self._send(pdf, code))

    def _send(self, pdf: bytes, code: str) -> None:
        def printed() -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP("KioskSays", "请在出纸口取走材料清单。")),
                                  title=says(QT_TRANSLATE_NOOP("KioskSays", "打印完成")), kind="done")

        def not_printed(reason: Said) -> None:
            self.nav.show_message(says(QT_TRANSLATE_NOOP(
                "KioskSays", "材料清单没有打印出来（{reason}）。可以到窗口领取纸质清单。"),
                                       reason=reason), kind="warning")

        self.ctx.printer.print_pdf(pdf, f"checklist-{code}", printed, not_printed)
