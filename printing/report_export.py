"""The daily report's figures as tables, and those tables as CSV and XLSX.

`report_tables` is the one place that turns `DailyReportData` into rows; the PDF, the CSV and
the XLSX all print these rows, so the three can never disagree. Values stay numbers (shares as
fractions rounded to 4 places, working days to 2) so a spreadsheet can compute with them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from printing.models import DailyReportData, FigureRow

Value = str | int | float | None


@dataclass(frozen=True)
class ReportTable:
    key: str  # also the XLSX sheet name
    title_zh: str
    title_en: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    percent_columns: tuple[int, ...] = ()  # columns holding fractions (shown as %)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _days(value: float | None) -> float | None:
    return round(value, 2) if value is not None else None


_FIGURE_HEADERS = ("受理", "办结", "超期", "按时办结", "按时办结率", "平均办理时长（工作日）")


def _figure_cells(row: FigureRow) -> tuple[Value, ...]:
    return (row.accepted, row.completed, row.overdue, row.completed_within_limit,
            _on_time(row), _days(row.average_working_days))


def _on_time(row: FigureRow) -> float | None:
    """按时办结率 over the cases that were due: completed, and open past their due date."""
    share = row.within_limit_share
    return round(share, 4) if share is not None else None


def report_tables(data: DailyReportData) -> list[ReportTable]:
    totals = data.totals
    kiosk_sessions = sum(k.sessions for k in data.kiosk_use)
    ratings = data.ratings
    summary = ReportTable(
        "summary", "核心指标", "Key figures", ("指标", "数值"),
        (
            ("统计日期", data.report_date.isoformat()),
            ("受理件数", totals.accepted),
            ("办结件数", totals.completed),
            ("超期件数", totals.overdue),
            ("按时办结件数", totals.completed_within_limit),
            ("按时办结率", _on_time(totals)),
            ("未办结超期件数", totals.open_overdue),
            ("一次性告知件数", data.supplement_notices),
            ("不予受理件数", data.not_accepted),
            ("平均办理时长（工作日）", _days(totals.average_working_days)),
            ("目标办理时长（工作日）", data.target_working_days),
            ("评价总数", ratings.total),
            ("满意率", _share(ratings.satisfied, ratings.total)),
            ("差评新增件数", data.follow_ups.opened),
            ("差评回访办结件数", data.follow_ups.closed),
            ("差评待回访件数", data.follow_ups.open_at_end),
            ("差评回访超期件数", data.follow_ups.overdue_at_end),
            ("自助终端使用人次", kiosk_sessions),
        ),
    )
    by_transaction = ReportTable(
        "by_transaction", "按业务事项统计", "By transaction", ("业务代码", "业务事项", *_FIGURE_HEADERS),
        (*((r.key, r.label_zh, *_figure_cells(r)) for r in data.by_transaction), ("", "合计", *_figure_cells(totals))),
        percent_columns=(6,),
    )
    by_clerk = ReportTable(
        "by_clerk", "按经办人统计", "By clerk", ("工号", "经办人", *_FIGURE_HEADERS),
        (*((r.key, r.label_zh, *_figure_cells(r)) for r in data.by_clerk), ("", "合计", *_figure_cells(totals))),
        percent_columns=(6,),
    )
    overdue = ReportTable(
        "overdue", "超期案件清单", "Overdue cases",
        ("受理编号", "业务事项", "申请人", "经办人", "受理日期", "应办结日期", "超期（工作日）", "状态",
         "当前处理人/环节"),
        tuple((o.case_number, o.transaction_name_zh, o.applicant_name, o.clerk_name, o.accepted_on.isoformat(),
               o.due_on.isoformat(), o.overdue_working_days, o.status_zh, o.pending_with_zh or "—")
              for o in data.overdue),
    )
    kiosks = ReportTable(
        "kiosk_use", "自助终端使用情况", "Kiosk use",
        ("终端编号", "设置地点", "使用人次", "取号", "进度查询", "打印文件"),
        tuple((k.kiosk_code, k.location_zh, k.sessions, k.tickets_issued, k.progress_queries, k.documents_printed)
              for k in data.kiosk_use),
    )
    rating_table = ReportTable(
        "ratings", "服务评价（好差评）", "Service ratings", ("评价等级", "件数", "占比"),
        (
            *((level.label_zh, count, _share(count, ratings.total)) for level, count in ratings.items()),
            ("合计", ratings.total, 1.0 if ratings.total else None),
        ),
        percent_columns=(2,),
    )
    return [summary, by_transaction, by_clerk, overdue, kiosks, rating_table]


def _csv_value(value: Value) -> str:
    return "" if value is None else str(value)


def report_csv(data: DailyReportData) -> bytes:
    """All tables in one CSV, one section after another (title row, header, rows, blank line).

    UTF-8 with a byte-order mark: Excel on a Chinese Windows opens it as UTF-8 only then.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([f"{data.station.name_zh} 户籍业务日报", data.report_date.isoformat()])
    writer.writerow([])
    for table in report_tables(data):
        writer.writerow([f"# {table.title_zh}", table.key])
        writer.writerow(table.headers)
        writer.writerows([[_csv_value(v) for v in row] for row in table.rows])
        writer.writerow([])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def parse_report_csv(content: bytes) -> dict[str, list[list[str]]]:
    """Section key → rows (header first); the inverse of `report_csv`, for tests and imports."""
    reader = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    sections: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for row in reader:
        if row and row[0].startswith("# ") and len(row) > 1:
            current = sections.setdefault(row[1], [])
        elif not row or not any(row):
            current = None
        elif current is not None:
            current.append(row)
    return sections


def report_xlsx(data: DailyReportData) -> bytes:
    """One sheet per table, numbers as numbers, shares formatted as percentages."""
    book = Workbook()
    book.remove(book.active)
    for table in report_tables(data):
        sheet = book.create_sheet(table.key)
        sheet.append([f"{data.station.name_zh} {table.title_zh}（{_zh_date(data.report_date)}）"])
        sheet["A1"].font = Font(bold=True, size=12)
        sheet.append(list(table.headers))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center", wrap_text=True)
        for row in table.rows:
            sheet.append(list(row))
        for col in table.percent_columns:
            for (cell,) in sheet.iter_rows(min_row=3, min_col=col + 1, max_col=col + 1):
                cell.number_format = "0.0%"
        if table.key == "summary":  # the summary mixes kinds; format its share rows only
            for row in sheet.iter_rows(min_row=3):
                if str(row[0].value).endswith("率"):
                    row[1].number_format = "0.0%"
        for index, header in enumerate(table.headers, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = max(10, min(40, len(header) * 2.2 + 4))
        sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
