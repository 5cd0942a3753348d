"""Search: by ID number, name, case number, lookup code, or a scanned receipt QR code
(`HJCX1:<case number>:<lookup code>`); one result opens the case at once (a scan means "show me").
The query runs on a worker thread; name and ID-number searches are audited by the service.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desk.domain.errors import NotFound
from desk.domain.idnumber import mask_id_number
from desk.domain.workflow import Actor
from desk.ui.context import DeskContext
from desk.ui.widgets import banner, fill_table, fmt_date, fmt_time, make_table, row_key, show_banner

if TYPE_CHECKING:
    from desk.services.case_views import CaseRow, CaseView

_CASE_NUMBER = re.compile(r"^[A-Z0-9]+-\d{8}-\d{4}$")
_LOOKUP_CODE = re.compile(r"^[2-9A-HJKMNP-Z]{8}$")
_ID_NUMBER = re.compile(r"^(\d{17}[\dX]|\d{15}|[A-Z]{3}\d{12})$")


def shown_id_number(number: str, query: str) -> str:
    """The applicant's ID number as a result row shows it: masked as elsewhere (`2101**********3029`), but
    the part the clerk typed, when the search was by the number's start (210104…), is shown — it says
    which number matched."""
    typed = query.strip().upper()
    masked = mask_id_number(number)
    if len(typed) < 4 or not number.upper().startswith(typed):
        return masked
    return number[:len(typed)] + masked[len(typed):]


def search_cases(context: DeskContext, actor: Actor, text: str) -> list[CaseView | CaseRow]:
    """Worker thread: every case the text names, newest first — a person's cases as list rows (a case
    is loaded whole when opened), a case number or lookup code as its case."""
    from printing.qr import parse_receipt_qr_text

    queries = context.core.queries
    text = text.strip()
    scanned = parse_receipt_qr_text(text)
    if scanned is not None:
        text = scanned[0]
    upper = text.upper()
    try:
        if _CASE_NUMBER.match(upper):
            return [queries.get(upper)]
        if _LOOKUP_CODE.match(upper):
            return [queries.by_lookup_code(upper)]
    except NotFound:
        return []
    if _ID_NUMBER.match(upper):
        return list(queries.rows(applicant_id_number=upper, limit=200))
    found: list[CaseView | CaseRow] = []
    for citizen in context.core.citizens.search(actor, text, limit=30):
        found += queries.rows(applicant_id_number=citizen.id_number, limit=50)
    found.sort(key=lambda case: case.created_at, reverse=True)
    return found


class SearchView(QWidget):
    open_case_requested = Signal(str)
    searched = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.results: list[CaseView | CaseRow] = []
        self._open_single = False

        # create
        self.lbl_hint = QLabel(self)
        self.edt_query = QLineEdit(self)
        self.btn_search = QPushButton(self)
        self.lbl_message = banner(self)
        self.lbl_count = QLabel(self)
        self.tbl_results = make_table(self, stretch_column=3)
        self._query = ""  # the text the results shown were found by

        # configure
        self.lbl_hint.setObjectName("subtle")
        self.lbl_count.setObjectName("subtle")
        self.lbl_count.hide()
        self.edt_query.setObjectName("search")
        self.btn_search.setObjectName("primary")

        # connect
        self.edt_query.returnPressed.connect(self.search)
        self.btn_search.clicked.connect(self.search)
        self.tbl_results.cellDoubleClicked.connect(lambda row, _c: self._open(row))
        self.tbl_results.activated.connect(lambda index: self._open(index.row()))

        # assemble
        row = QHBoxLayout()
        row.addWidget(self.edt_query, 1)
        row.addWidget(self.btn_search)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        hint = QHBoxLayout()
        hint.addWidget(self.lbl_hint, 1)
        hint.addWidget(self.lbl_count)
        layout.addLayout(hint)
        layout.addWidget(self.lbl_message)
        layout.addWidget(self.tbl_results, 1)
        self.retranslate_ui()

    def focus_query(self) -> None:
        self.edt_query.setFocus()
        self.edt_query.selectAll()

    @Slot()
    def search(self, text: str | None = None, *, open_single: bool = False) -> None:
        if text is not None:
            self.edt_query.setText(text)
        query = self.edt_query.text().strip()
        if not query:
            return
        self._open_single = open_single
        context, actor = self._context, self._context.actor
        context.runner.run(lambda: search_cases(context, actor, query),
                           lambda results: self._on_results(results, query), self._on_error)

    def scanned(self, text: str) -> None:
        """A receipt's QR code (or a typed code) from a scanner: search and open a single hit."""
        self.search(text, open_single=True)

    def _on_results(self, results: list[CaseView | CaseRow], query: str = "") -> None:
        self.results, self._query = results, query
        self._show()
        if not results:
            show_banner(self.lbl_message, self.tr("没有找到符合条件的申请。"), "info")
        else:
            show_banner(self.lbl_message, None)
        self.searched.emit(len(results))
        if self._open_single and len(results) == 1:
            self.open_case_requested.emit(results[0].number)

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    def _show(self) -> None:
        pick = self._context.pick
        rows = []
        for case in self.results:
            transaction = self._context.core.catalog.get(case.transaction_code)
            name = pick(transaction.name_zh, transaction.name_en) if transaction else case.transaction_code
            state = self._context.state_text(case.state)
            number = case.applicant.id_number if hasattr(case, "applicant") else case.applicant_id_number
            rows.append((case.number, case.applicant_name, shown_id_number(number, self._query), name, state,
                         fmt_time(case.created_at), fmt_date(case.due_date)))
        fill_table(self.tbl_results, [self.tr("受理编号"), self.tr("申请人"), self.tr("身份证号"), self.tr("事项"),
                                      self.tr("状态"), self.tr("建立时间"), self.tr("应办结日期")], rows,
                   [case.number for case in self.results])
        self.lbl_count.setText(self.tr("共 %1 条").replace("%1", str(len(self.results))))
        self.lbl_count.setVisible(bool(self.results))

    def _open(self, row: int) -> None:
        number = row_key(self.tbl_results, row)
        if number:
            self.open_case_requested.emit(number)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.edt_query.setPlaceholderText(self.tr("身份证号、姓名、受理编号或查询码；也可直接扫描回执二维码"))
        self.btn_search.setText(self.tr("查询"))
        self.lbl_hint.setText(self.tr("回车查询，双击结果打开申请。"))
        self._show()
