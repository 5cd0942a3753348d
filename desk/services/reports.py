"""The station's daily figures, computed from the store: what each case means for the report day
(accepted that day? completed within its limit? overdue?), kiosk use and service ratings.
`printing.report_figures` then only counts, so screen, PDF, CSV and XLSX show the same numbers."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from desk.domain.badges import shown_badge
from desk.domain.catalog import Catalog
from desk.domain.clock import CHINA_TZ, Clock, local_date
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.clocks import LegalClocks
from desk.services.ratings import RatingLevel
from desk.store.database import Store
from desk.store.repositories.kiosks import KioskRepository
from desk.store.repositories.report_figures import ReportFigureRepository
from desk.store.repositories.stations import StationRepository
from desk.store.repositories.users import UserRepository
from printing.models import (
    DailyReportData,
    FollowUpFigures,
    KioskUseRow,
    LegalClockCounts,
    RatingCounts,
    StationInfo,
)
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
            station = StationRepository(session).get(station_code)
            if station is None:
                from desk.domain.errors import NotFound

                raise NotFound.say("station.not_found", station=station_code)
            info = StationInfo(station.code, station.name_zh, station.address, station.phone, station.branch_name)
            figures = self.case_figures(session, day, station_code)
            report = build_daily_report(
                info, day, figures, kiosk_use=self._kiosk_use(session, day, station_code),
                ratings=self._ratings(session, day, station_code), generated_at=self.clock.now().astimezone(CHINA_TZ),
                supplement_notices=self._entered(session, day, station_code, CaseState.SUPPLEMENT_REQUESTED),
                not_accepted=self._entered(session, day, station_code, CaseState.NOT_ACCEPTED),
                follow_ups=self._follow_ups(session, day, station_code),
            )
            bundle_follow_ups = ReportFigureRepository(session).open_bundle_follow_ups(station_code)
        return replace(report, legal_clocks=self.legal_clock_counts(day, station_code, bundle_follow_ups))

    def legal_clock_counts(self, day: date, station_code: str, follow_ups_open: int = 0) -> LegalClockCounts:
        """The clocks the law starts, counted for the report (deemed acceptances as of `day`)."""
        clocks = LegalClocks(self.store, self.calendar, self.clock, station_code)
        notices = clocks.notices()
        return LegalClockCounts(
            deemed_accepted=len(clocks.deemed_accepted(as_of=day)),
            notices_due=sum(1 for n in notices if n.due), notices_running=sum(1 for n in notices if not n.due),
            permits_expiring=len(clocks.expiring_permits()), follow_ups_open=follow_ups_open,
        )

    def _follow_ups(self, session: Session, day: date, station_code: str) -> FollowUpFigures:
        rows = ReportFigureRepository(session).rating_follow_ups_around(station_code, day)
        still_open = [r for r in rows if r.closed_on is None or r.closed_on > day]
        return FollowUpFigures(sum(1 for r in rows if r.opened_on == day), sum(1 for r in rows if r.closed_on == day),
                               len(still_open), sum(1 for r in still_open if r.due_date < day))

    def _entered(self, session: Session, day: date, station_code: str, state: CaseState) -> int:
        """How many of the station's cases moved into `state` on `day` (一次性告知, 不予受理 …)."""
        start = datetime.combine(day, time.min, CHINA_TZ)
        return ReportFigureRepository(session).cases_entering(station_code, state.value, start,
                                                              start + timedelta(days=1))

    def case_figures(self, session: Session, day: date, station_code: str) -> list[CaseFigure]:
        """Every case that matters on `day`: accepted or completed that day, or open past its due date.

        Only those rows are read, and only the columns the report prints: the WHERE clause bounds the
        read by the day's work and the station's backlog (indexes by station and day, migration 0004),
        never by the station's history."""
        names = UserRepository(session).display_names()
        badges = UserRepository(session).badges()
        next_day_start = datetime.combine(day + timedelta(days=1), time.min, CHINA_TZ)
        open_states = [state.value for state in CaseState if state.value not in _FINAL]
        rows = ReportFigureRepository(session).cases_of_day(station_code, day, next_day_start, open_states, _FINAL)
        closed = _closed_on_days(session, [row.id for row in rows if row.state in _FINAL])
        figures = []
        for row in rows:
            assert row.accepted_on is not None and row.due_date is not None
            closed_on = closed.get(row.id, local_date(row.updated_at)) if row.state in _FINAL else None
            open_on_day = closed_on is None or closed_on > day
            accepted_today = row.accepted_on == day
            completed_today = row.state == CaseState.COMPLETED.value and row.completed_on == day
            late_open = open_on_day and row.due_date < day
            late_done = completed_today and row.due_date < day
            if not (accepted_today or completed_today or late_open):
                continue
            transaction = self.catalog.get(row.transaction_code)
            taken = (self.calendar.working_days_between(row.accepted_on, day) if completed_today else None)
            clerk_id = row.accepted_by or row.created_by
            figures.append(CaseFigure(
                case_number=row.number, transaction_code=row.transaction_code,
                transaction_name_zh=transaction.name_zh if transaction else row.transaction_code,
                clerk_id=shown_badge(badges.get(clerk_id), clerk_id), clerk_name=names.get(clerk_id, str(clerk_id)),
                applicant_name=row.name, accepted_on=row.accepted_on, due_on=row.due_date,
                accepted_today=accepted_today, completed_today=completed_today, overdue=late_open or late_done,
                completed_within_limit=completed_today and row.due_date >= day,
                working_days_taken=float(taken) if taken is not None else None,
                overdue_working_days=self.calendar.working_days_between(row.due_date, day) if late_open else 0,
                status_zh=CaseState(row.state).label_zh if not open_on_day or row.state not in _FINAL
                else "处理中",
                pending_with_zh=_pending_with(CaseState(row.state), row.approval, names.get(clerk_id, str(clerk_id)))
                if row.state not in _FINAL else "",
            ))
        return figures

    def _kiosk_use(self, session: Session, day: date, station_code: str) -> list[KioskUseRow]:
        start = datetime.combine(day, time.min, CHINA_TZ)
        end = start + timedelta(days=1)

        figures = ReportFigureRepository(session)

        def audit_count(code: str, action: str) -> int:
            return figures.kiosk_events(code, action, start, end)

        rows = []
        for kiosk in KioskRepository(session).of_station(station_code):
            tickets = figures.kiosk_tickets(kiosk.code, day)
            printed = figures.kiosk_papers(kiosk.code, start, end)
            rows.append(KioskUseRow(kiosk.code, kiosk.name_zh, audit_count(kiosk.code, "kiosk.session_started"),
                                    tickets, audit_count(kiosk.code, "kiosk.progress_query"), printed))
        return rows

    def _ratings(self, session: Session, day: date, station_code: str) -> RatingCounts:
        start = datetime.combine(day, time.min, CHINA_TZ)
        counts: dict[PrintedRatingLevel, int] = {}
        for level, count in ReportFigureRepository(session).ratings_by_level(station_code, start,
                                                                             start + timedelta(days=1)):
            counts[PrintedRatingLevel(RatingLevel(level).label_zh)] = count
        return RatingCounts(counts)


def _pending_with(state: CaseState, approval: str, clerk_name: str) -> str:
    """当前处理人/环节: who holds an open case now — the window clerk, the approvers or the citizen."""
    if state is CaseState.UNDER_REVIEW:
        return "分局审批" if approval == "branch" else "所领导审批"
    if state is CaseState.SUPPLEMENT_REQUESTED:
        return "待群众补正材料"
    if state is CaseState.APPROVED:
        return f"窗口办结：{clerk_name}"
    return f"窗口：{clerk_name}"


def _closed_on_days(session: Session, case_ids: list[int]) -> dict[int, date]:
    """The local day each (final) case reached its final state: its last event into one."""
    days: dict[int, date] = {}
    for case_id, at in ReportFigureRepository(session).final_event_times(case_ids, _FINAL):
        days[case_id] = local_date(at)  # ordered by id: the last one wins
    return days
