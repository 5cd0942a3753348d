"""The daily report's files and on-screen tables, from the figures `ReportService.daily` gathered.

The screen shows the same tables (`printing.report_export.report_tables`) the PDF, CSV and XLSX
print, so the figures cannot disagree; the screens and the CLI get both from here, not from
printing directly.
"""

from __future__ import annotations

from enum import StrEnum

from printing.models import DailyReportData
from printing.report_export import ReportTable, report_csv, report_tables, report_xlsx


class ReportFormat(StrEnum):
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"


def daily_report_tables(data: DailyReportData) -> list[ReportTable]:
    return report_tables(data)


def daily_report_file(data: DailyReportData, kind: ReportFormat | str) -> bytes:
    """The report as a PDF (with charts), CSV or XLSX file."""
    chosen = ReportFormat(kind)
    if chosen is ReportFormat.PDF:
        from printing.documents import daily_report  # reportlab and the charts: only when a PDF is asked for

        return daily_report.build_pdf(data)
    return report_csv(data) if chosen is ReportFormat.CSV else report_xlsx(data)
