"""Aggregate per-case facts into the daily report's figures.

The services decide what each case *means* for the report day (accepted today? completed
within its limit? overdue?) using the working-day calendar; this module only counts and
averages, so the same rows give the same figures in the PDF, the CSV and the XLSX.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from printing.models import (
    TARGET_WORKING_DAYS,
    DailyReportData,
    FigureRow,
    FollowUpFigures,
    KioskUseRow,
    OverdueRow,
    RatingCounts,
    StationInfo,
)


@dataclass(frozen=True)
class CaseFigure:
    """One case as the report day sees it (flags computed by the service)."""

    case_number: str
    transaction_code: str
    transaction_name_zh: str
    clerk_id: str
    clerk_name: str
    applicant_name: str
    accepted_on: date
    due_on: date
    accepted_today: bool
    completed_today: bool
    overdue: bool  # open past its due date, or completed late today
    completed_within_limit: bool  # only meaningful when completed_today
    working_days_taken: float | None  # for cases completed today
    overdue_working_days: int = 0
    status_zh: str = ""
    pending_with_zh: str = ""  # 当前处理人/环节 of an open case


def _figure_row(key: str, label: str, cases: list[CaseFigure]) -> FigureRow:
    completed = [c for c in cases if c.completed_today]
    days = [c.working_days_taken for c in completed if c.working_days_taken is not None]
    return FigureRow(
        key=key,
        label_zh=label,
        accepted=sum(1 for c in cases if c.accepted_today),
        completed=len(completed),
        overdue=sum(1 for c in cases if c.overdue),
        completed_within_limit=sum(1 for c in completed if c.completed_within_limit),
        average_working_days=(sum(days) / len(days)) if days else None,
        open_overdue=sum(1 for c in cases if c.overdue and not c.completed_today),
    )


def _group(
    cases: Iterable[CaseFigure], key: Callable[[CaseFigure], tuple[str, str]]
) -> tuple[FigureRow, ...]:
    groups: dict[tuple[str, str], list[CaseFigure]] = {}
    for case in cases:
        groups.setdefault(key(case), []).append(case)
    return tuple(_figure_row(k, label, rows) for (k, label), rows in sorted(groups.items()))


def build_daily_report(
    station: StationInfo,
    report_date: date,
    cases: Iterable[CaseFigure],
    *,
    kiosk_use: Iterable[KioskUseRow] = (),
    ratings: RatingCounts | None = None,
    generated_at: datetime | None = None,
    target_working_days: float = TARGET_WORKING_DAYS,
    supplement_notices: int = 0,
    not_accepted: int = 0,
    follow_ups: FollowUpFigures | None = None,
) -> DailyReportData:
    """Count the cases into totals, per-transaction and per-clerk rows and the overdue list."""
    rows = list(cases)
    overdue = tuple(
        OverdueRow(
            case_number=c.case_number,
            transaction_name_zh=c.transaction_name_zh,
            applicant_name=c.applicant_name,
            clerk_name=c.clerk_name,
            accepted_on=c.accepted_on,
            due_on=c.due_on,
            overdue_working_days=c.overdue_working_days,
            status_zh=c.status_zh,
            pending_with_zh=c.pending_with_zh,
        )
        for c in sorted(rows, key=lambda c: (-c.overdue_working_days, c.due_on, c.case_number))
        if c.overdue
    )
    return DailyReportData(
        station=station,
        report_date=report_date,
        generated_at=generated_at or datetime.now(),
        totals=_figure_row("total", "合计", rows),
        by_transaction=_group(rows, lambda c: (c.transaction_code, c.transaction_name_zh)),
        by_clerk=_group(rows, lambda c: (c.clerk_id, c.clerk_name)),
        overdue=overdue,
        kiosk_use=tuple(kiosk_use),
        ratings=ratings or RatingCounts(),
        target_working_days=target_working_days,
        supplement_notices=supplement_notices,
        not_accepted=not_accepted,
        follow_ups=follow_ups or FollowUpFigures(),
    )
