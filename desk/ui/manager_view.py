"""Manager view: the daily report on screen — the same tables (`desk.services.report_files`)
the PDF, CSV and XLSX print, so the figures cannot disagree — with the overdue list, and buttons
to print the report or export it as PDF, CSV or XLSX. Building and writing happen on a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk.ui.context import DeskContext
from desk.ui.dialogs import Asker
from desk.ui.followups_view import FollowUpsView
from desk.ui.kiosk_status_view import KioskStatusView
from desk.ui.report_words import report_word
from desk.ui.widgets import banner, fill_table, make_table, row_key, show_banner

NAME_FIRST = frozenset({"by_transaction", "by_clerk"})  # tables whose first column is a code
_WORD_COLUMNS = frozenset({("overdue", 7), ("overdue", 8), ("ratings", 0)})  # a state, who holds it, a level
_NAMED_HOLDERS = ("窗口办结：", "窗口：")  # 当前处理人/环节 that name the clerk: 窗口：张丽

TILES = ("受理件数", "办结件数", "超期件数", "按时办结率", "平均办理时长（工作日）", "一次性告知件数", "不予受理件数",
         "满意率", "评价总数", "自助终端使用人次")
TILES_PER_ROW = 5


TOTAL_LABEL = "合计"  # the label of a table's last, summing row (printing.report_export)


def tab_count(table: Any) -> int:
    """The (N) on a report table's tab: its entries, not the 合计 row; for the ratings table (one row
    per level) the number of ratings, as the 评价总数 tile shows it."""
    totals = [row for row in table.rows if TOTAL_LABEL in row[:2]]
    if table.key == "ratings" and totals and isinstance(totals[0][1], int):
        return totals[0][1]
    return len(table.rows) - len(totals)


def fmt_value(value: object, percent: bool = False) -> str:
    """As the printed report shows it (printing.documents.daily_report): — for none, 1 decimal %."""
    if value is None:
        return "—"
    if percent and isinstance(value, int | float):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


@dataclass(frozen=True)
class Report:
    data: Any  # printing.models.DailyReportData
    tables: list[Any]  # printing.report_export.ReportTable

    def summary(self) -> dict[str, str]:
        table = self.tables[0]
        return {str(row[0]): fmt_value(row[1], str(row[0]).endswith("率")) for row in table.rows}


def load_report(context: DeskContext, day: date) -> Report:
    from desk.services.report_files import daily_report_tables

    data = context.core.reports.daily(day, context.core.station_code)
    return Report(data, daily_report_tables(data))


def render(report: Report, kind: str) -> bytes:
    """Worker thread: the report as a PDF, CSV or XLSX file."""
    from desk.services.report_files import daily_report_file

    return daily_report_file(report.data, kind)


class ManagerView(QWidget):
    loaded = Signal()
    exported = Signal(str)
    open_case_requested = Signal(str)  # a case of the overdue list, double-clicked or Enter

    def __init__(self, context: DeskContext, asker: Asker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._asker = asker
        self.report: Report | None = None

        # create
        self.lbl_date = QLabel(self)
        self.edt_date = QDateEdit(self)
        self.btn_load = QPushButton(self)
        self.btn_print = QPushButton(self)
        self.btn_pdf = QPushButton(self)
        self.btn_csv = QPushButton(self)
        self.btn_xlsx = QPushButton(self)
        self.lbl_message = banner(self)
        self.frm_tiles = QFrame(self)
        self.lbl_tiles: dict[str, tuple[QLabel, QLabel]] = {
            key: (QLabel(self.frm_tiles), QLabel(self.frm_tiles)) for key in TILES}
        self.tab_tables = QTabWidget(self)
        self.tab_sections = QTabWidget(self)
        self.wdg_report = QWidget(self.tab_sections)
        self.follow_ups = FollowUpsView(context, asker, self.tab_sections)
        self.kiosk_status = KioskStatusView(context, self.tab_sections)

        # configure
        self.edt_date.setCalendarPopup(True)
        self.edt_date.setDisplayFormat("yyyy-MM-dd")
        self._date_set = False
        self.btn_load.setObjectName("primary")
        self.frm_tiles.setObjectName("tiles")
        for caption, value in self.lbl_tiles.values():
            caption.setObjectName("tile_caption")
            value.setObjectName("tile_value")
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)

        # connect
        self.btn_load.clicked.connect(self.refresh)
        self.edt_date.dateChanged.connect(lambda _d: self.refresh())
        self.btn_print.clicked.connect(self.print_report)
        self.btn_pdf.clicked.connect(lambda: self.export("pdf"))
        self.btn_csv.clicked.connect(lambda: self.export("csv"))
        self.btn_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.tab_sections.currentChanged.connect(lambda _i: self._refresh_section())

        # assemble
        top = QHBoxLayout()
        top.addWidget(self.lbl_date)
        top.addWidget(self.edt_date)
        top.addWidget(self.btn_load)
        top.addStretch(1)
        for button in (self.btn_print, self.btn_pdf, self.btn_csv, self.btn_xlsx):
            top.addWidget(button)
        tiles = QGridLayout(self.frm_tiles)
        for index, (caption, value) in enumerate(self.lbl_tiles.values()):
            row, column = divmod(index, TILES_PER_ROW)
            tiles.addWidget(value, 2 * row, column)
            tiles.addWidget(caption, 2 * row + 1, column)
        report = QVBoxLayout(self.wdg_report)
        report.addLayout(top)
        report.addWidget(self.lbl_message)
        report.addWidget(self.frm_tiles)
        report.addWidget(self.tab_tables, 1)
        self.tab_sections.addTab(self.wdg_report, "")
        self.tab_sections.addTab(self.follow_ups, "")
        self.tab_sections.addTab(self.kiosk_status, "")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tab_sections)
        self.retranslate_ui()

    def _refresh_section(self) -> None:
        if self.tab_sections.currentWidget() is self.follow_ups:
            self.follow_ups.refresh()

    def day(self) -> date:
        value = self.edt_date.date()
        return date(value.year(), value.month(), value.day())

    @Slot()
    def refresh(self) -> None:
        if self._context.session is None:
            return
        today = self._context.today()
        self.edt_date.blockSignals(True)
        # No day after today (the desk may run past midnight: set at each refresh): a slip of the keys gave
        # “2027-12-04” and a report of 51 overdue cases counted against a day not yet come.
        self.edt_date.setMaximumDate(QDate(today.year, today.month, today.day))
        if not self._date_set:  # the station's "today" (the core's clock), once the core is there
            self._date_set = True
            self.edt_date.setDate(QDate(today.year, today.month, today.day))
        self.edt_date.blockSignals(False)
        context, day = self._context, self.day()
        context.runner.run(lambda: load_report(context, day), self._on_loaded, self._on_error)
        # The section on show is read again too: a manager signing in (or coming back) to 差评回访 saw the
        # list of the last visit — “暂无差评回访” beside a bad rating given since.
        self._refresh_section()

    def _on_loaded(self, report: Report) -> None:
        self.report = report
        show_banner(self.lbl_message, None)
        self._show()
        self.loaded.emit()

    def _on_error(self, error: BaseException) -> None:
        show_banner(self.lbl_message, self._context.error_text(error), "problem")

    @Slot()
    def print_report(self) -> None:
        report = self.report
        if report is None:
            return

        def done(pdf: bytes) -> None:
            if self._context.printer is not None:
                self._context.printer.print_pdf(pdf, f"户籍业务日报 {report.data.report_date.isoformat()}")
            show_banner(self.lbl_message, self.tr("日报已送打印机。"), "ok")

        self._context.runner.run(lambda: render(report, "pdf"), done, self._on_error)

    def export(self, kind: str) -> None:
        report = self.report
        if report is None:
            return
        filters = {"pdf": "PDF (*.pdf)", "csv": "CSV (*.csv)", "xlsx": "Excel (*.xlsx)"}
        suggested = f"daily-report-{report.data.report_date.isoformat()}.{kind}"
        path = self._asker.save_path(self, self.tr("导出日报"), suggested, filters[kind])
        if path is None:
            return

        def work() -> Path:
            path.write_bytes(render(report, kind))
            return path

        def done(written: Path) -> None:
            show_banner(self.lbl_message, self.tr("已导出：%1").replace("%1", str(written)), "ok")
            self.exported.emit(str(written))

        self._context.runner.run(work, done, self._on_error)

    def _show(self) -> None:
        report = self.report
        if report is None:
            for _caption, value in self.lbl_tiles.values():
                value.setText("—")
            return
        summary = report.summary()
        for key, (_caption, value) in self.lbl_tiles.items():
            value.setText(summary.get(key, "—"))
        current = self.tab_tables.currentIndex()
        self.tab_tables.clear()
        names = self._names_by_zh()  # the overdue list names its transactions in Chinese only
        for table in report.tables[1:]:
            widget = make_table(self.tab_tables, stretch_column=0 if table.key in NAME_FIRST else 1)
            rows = [[self._cell(table.key, row, i, fmt_value(v, i in table.percent_columns), names)
                     for i, v in enumerate(row)] for row in table.rows]
            headers = [report_word(header) for header in table.headers]
            if table.key in NAME_FIRST:
                # On screen the name leads; the code (业务代码, 工号) is for the exported files, not the manager.
                headers, rows = headers[1:], [row[1:] for row in rows]
            keys = [str(row[0]) for row in table.rows] if table.key == "overdue" else None
            fill_table(widget, headers, rows, keys)
            if keys is not None:
                widget.setToolTip(self.tr("双击打开这件申请"))
                widget.cellDoubleClicked.connect(lambda row, _col, widget=widget: self._open(widget, row))
                widget.activated.connect(lambda index, widget=widget: self._open(widget, index.row()))
            title = table.title_zh if self._context.is_chinese else table.title_en
            self.tab_tables.addTab(widget, f"{title}（{tab_count(table)}）")
        if current >= 0:
            self.tab_tables.setCurrentIndex(current)

    def _open(self, table: QTableWidget, row: int) -> None:
        number = row_key(table, row)
        if number:
            self.open_case_requested.emit(number)

    def _cell(self, table: str, row: tuple[object, ...], column: int, text: str, names: dict[str, str]) -> str:
        """A report cell in the screen's language: a transaction's name from the catalog by its code,
        a state, a rating level or 合计 as words; names, places and figures as they are."""
        if table == "by_transaction" and column == 1 and row[0]:
            transaction = self._context.core.catalog.get(str(row[0]))
            return self._context.pick(transaction.name_zh, transaction.name_en) if transaction else text
        if table == "overdue" and column == 1:
            return names.get(text, text)
        if (table, column) in _WORD_COLUMNS or text == "合计":
            for prefix in _NAMED_HOLDERS:
                if text.startswith(prefix):  # 窗口：张丽 — the words translated, the name as it is
                    return report_word(prefix + "%1").replace("%1", text[len(prefix):])
            return report_word(text)
        return text

    def _names_by_zh(self) -> dict[str, str]:
        return {t.name_zh: self._context.pick(t.name_zh, t.name_en) for t in self._context.core.catalog.transactions()}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.tab_sections.setTabText(0, self.tr("统计日报"))
        self.tab_sections.setTabText(1, self.tr("差评回访"))
        self.tab_sections.setTabText(2, self.tr("自助终端"))
        self.lbl_date.setText(self.tr("统计日期"))
        self.btn_load.setText(self.tr("生成日报(&G)"))
        self.btn_print.setText(self.tr("打印(&P)"))
        self.btn_pdf.setText(self.tr("导出 PDF(&D)"))
        self.btn_csv.setText(self.tr("导出 CSV(&C)"))
        self.btn_xlsx.setText(self.tr("导出 XLSX(&X)"))
        for key, (caption, _value) in self.lbl_tiles.items():
            caption.setText(report_word(key))
        self._show()
