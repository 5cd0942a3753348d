"""The station's daily figures, computed from the store: what each case means for the report day
(accepted that day? completed within its limit? overdue?), kiosk use and service ratings.
`printing.report_figures` then only counts, so screen, PDF, CSV and XLSX show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from desk.domain.catalog import Catalog
from desk.domain.clock import CHINA_TZ, Clock, local_date
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.ratings import RatingLevel
from desk.store.database import Store
from desk.store.models import AuditEntry, Case, DocumentIssued, Kiosk, QueueTicket, ServiceRating, Station, User
from printing.models import DailyReportData, KioskUseRow, RatingCounts, StationInfo
from printing.models import RatingLevel as PrintedRatingLevel
from printing.report_figures import CaseFigure, build_daily_report

_FINAL = {CaseState.COMPLETED.value, CaseState.DENIED.value, CaseState.NOT_ACCEPTED.value, CaseState.WITHDRAWN.value}


@dataclass
class ReportService:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock

    def daily(self, day: date, station_code: str) -> DailyReportData:
        with self.store.read() as session:
            station = session.get(Station, station_code)
            if station is None:
                from desk.domain.errors import NotFound

                raise NotFound(f"没有编码为 {station_code} 的派出所。", f"No station {station_code}.")
            info = StationInfo(station.code, station.name_zh, station.address, station.phone, station.branch_name)
            figures = self.case_figures(session, day, station_code)
            return build_daily_report(
                info, day, figures, kiosk_use=self._kiosk_use(session, day, station_code),
                ratings=self._ratings(session, day, station_code), generated_at=self.clock.now().astimezone(CHINA_TZ),
            )

    def case_figures(self, session: Session, day: date, station_code: str) -> list[CaseFigure]:
        """Every case that matters on `day`: accepted or completed that day, or open past its due date."""
        names = {uid: name for uid, name in session.execute(select(User.id, User.display_name))}
        cases = session.execute(
            select(Case)
            .where(Case.station_code == station_code, Case.accepted_on.is_not(None), Case.accepted_on <= day)
            .options(selectinload(Case.events))
        ).unique().scalars().all()
        figures = []
        for case in cases:
            assert case.accepted_on is not None and case.due_date is not None
            closed_on = _closed_on(case)
            open_on_day = closed_on is None or closed_on > day
            accepted_today = case.accepted_on == day
            completed_today = case.state == CaseState.COMPLETED.value and case.completed_on == day
            late_open = open_on_day and case.due_date < day
            late_done = completed_today and case.due_date < day
            if not (accepted_today or completed_today or late_open):
                continue
            transaction = self.catalog.get(case.transaction_code)
            taken = (self.calendar.working_days_between(case.accepted_on, day) if completed_today else None)
            clerk_id = case.accepted_by or case.created_by
            figures.append(CaseFigure(
                case_number=case.number, transaction_code=case.transaction_code,
                transaction_name_zh=transaction.name_zh if transaction else case.transaction_code,
                clerk_id=str(clerk_id), clerk_name=names.get(clerk_id, str(clerk_id)),
                applicant_name=case.applicant.name, accepted_on=case.accepted_on, due_on=case.due_date,
                accepted_today=accepted_today, completed_today=completed_today, overdue=late_open or late_done,
                completed_within_limit=completed_today and case.due_date >= day,
                working_days_taken=float(taken) if taken is not None else None,
                overdue_working_days=self.calendar.working_days_between(case.due_date, day) if late_open else 0,
                status_zh=CaseState(case.state).label_zh if not open_on_day or case.state not in _FINAL
                else "处理中",
            ))
        return figures

    def _kiosk_use(self, session: Session, day: date, station_code: str) -> list[KioskUseRow]:
        start = datetime.combine(day, time.min, CHINA_TZ)
        end = start + timedelta(days=1)

        def audit_count(code: str, action: str) -> int:
            return session.execute(
                select(func.count()).select_from(AuditEntry).where(
                    AuditEntry.entity_type == "kiosk", AuditEntry.entity_id == code, AuditEntry.action == action,
                    AuditEntry.at >= start, AuditEntry.at < end)
            ).scalar_one()

        rows = []
        for kiosk in session.execute(select(Kiosk).where(Kiosk.station_code == station_code)
                                     .order_by(Kiosk.code)).scalars():
            tickets = session.execute(select(func.count()).select_from(QueueTicket).where(
                QueueTicket.kiosk_code == kiosk.code, QueueTicket.day == day)).scalar_one()
            printed = session.execute(select(func.count()).select_from(DocumentIssued).where(
                DocumentIssued.kiosk_code == kiosk.code, DocumentIssued.issued_at >= start,
                DocumentIssued.issued_at < end)).scalar_one()
            rows.append(KioskUseRow(kiosk.code, kiosk.name_zh, audit_count(kiosk.code, "kiosk.session_started"),
                                    tickets, audit_count(kiosk.code, "kiosk.progress_query"), printed))
        return rows

    def _ratings(self, session: Session, day: date, station_code: str) -> RatingCounts:
        start = datetime.combine(day, time.min, CHINA_TZ)
        counts: dict[PrintedRatingLevel, int] = {}
        for level, count in session.execute(
            select(ServiceRating.level, func.count()).where(
                ServiceRating.station_code == station_code, ServiceRating.at >= start,
                ServiceRating.at < start + timedelta(days=1)).group_by(ServiceRating.level)
        ):
            counts[PrintedRatingLevel(RatingLevel(level).label_zh)] = count
        return RatingCounts(counts)


def _closed_on(case: Case) -> date | None:
    """The local day the case reached a final state, or None while it is open."""
    if case.state not in _FINAL:
        return None
    for event in reversed(case.events):
        if event.to_state in _FINAL:
            return local_date(event.at)
    return local_date(case.updated_at)
