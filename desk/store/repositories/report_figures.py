"""The figures the reports count, read by bounded statements (the performance work of #19, moved here
unchanged): the station's day (cases that matter on the day, cases entering a state, kiosk use, ratings,
follow-ups) and the city's month (one GROUP BY over the month's cases).

Each query reads only the rows the day or month holds (indexes by station and day, migration 0004),
never a station's whole history; the use cases turn the rows into figures."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Row, and_, case, func, or_, select
from sqlalchemy.orm import Session

from desk.domain.workflow import CaseState
from desk.store.models import (
    AuditEntry,
    BundleFollowUp,
    BundleRecord,
    Case,
    CaseEvent,
    Citizen,
    DocumentIssued,
    QueueTicket,
    RatingFollowUp,
    ServiceRating,
    Station,
)

_CHUNK = 500
_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class ReportFigureRepository:
    session: Session

    # ---- the station's day -------------------------------------------------------------------------

    def cases_of_day(self, station_code: str, day: date, next_day_start: datetime, open_states: Collection[str],
                     final_states: Collection[str]) -> Sequence[Row[*tuple[Any, ...]]]:
        """Every case that may matter on `day`, with only the columns the report prints: accepted that day,
        completed that day, open past its due date, or closed after the day while past due then."""
        return self.session.execute(
            select(Case.id, Case.number, Case.transaction_code, Case.state, Case.accepted_on, Case.due_date,
                   Case.completed_on, Case.accepted_by, Case.created_by, Case.updated_at, Case.approval, Citizen.name)
            .join(Citizen, Case.applicant_id == Citizen.id)
            .where(Case.station_code == station_code, Case.accepted_on.is_not(None), Case.accepted_on <= day)
            .where(or_(
                Case.accepted_on == day,
                and_(Case.state == CaseState.COMPLETED.value, Case.completed_on == day),
                and_(Case.state.in_(open_states), Case.due_date < day),
                # Closed after the day (a report of a past day): it was still open on the day.
                and_(Case.state.in_(final_states), Case.due_date < day, Case.updated_at >= next_day_start),
            ))
            .order_by(Case.id)
        ).all()

    def final_event_times(self, case_ids: Sequence[int], final_states: Collection[str]) -> list[tuple[int, datetime]]:
        """(case id, time) of every event that moved one of the cases into a final state, by case then
        event (so a case's last one comes last); read 500 cases at a time."""
        times: list[tuple[int, datetime]] = []
        for offset in range(0, len(case_ids), _CHUNK):
            chunk = case_ids[offset:offset + _CHUNK]
            times.extend((case_id, at) for case_id, at in self.session.execute(
                select(CaseEvent.case_id, CaseEvent.at)
                .where(CaseEvent.case_id.in_(chunk), CaseEvent.to_state.in_(final_states))
                .order_by(CaseEvent.case_id, CaseEvent.id)
            ))
        return times

    def cases_entering(self, station_code: str, state: str, start: datetime, end: datetime) -> int:
        """How many of the station's cases moved into `state` between `start` and `end`."""
        return int(self.session.execute(
            select(func.count(func.distinct(CaseEvent.case_id))).select_from(CaseEvent)
            .join(Case, CaseEvent.case_id == Case.id)
            .where(Case.station_code == station_code, CaseEvent.to_state == state,
                   CaseEvent.at >= start, CaseEvent.at < end)
        ).scalar_one())

    def open_bundle_follow_ups(self, station_code: str) -> int:
        return int(self.session.execute(
            select(func.count()).select_from(BundleFollowUp).join(BundleRecord)
            .where(BundleRecord.station_code == station_code, BundleFollowUp.state == "open")
        ).scalar_one())

    def rating_follow_ups_around(self, station_code: str, day: date) -> Sequence[Row[date, date, date | None]]:
        """(opened_on, due_date, closed_on) of the station's rating follow-ups opened by `day` and not
        closed before it (or opened on it)."""
        return self.session.execute(
            select(RatingFollowUp.opened_on, RatingFollowUp.due_date, RatingFollowUp.closed_on)
            .where(RatingFollowUp.station_code == station_code, RatingFollowUp.opened_on <= day)
            .where(or_(RatingFollowUp.closed_on.is_(None), RatingFollowUp.closed_on >= day,
                       RatingFollowUp.opened_on == day))
        ).all()

    def kiosk_events(self, kiosk_code: str, action: str, start: datetime, end: datetime) -> int:
        """How many audited `action` events the kiosk had between `start` and `end`."""
        return int(self.session.execute(
            select(func.count()).select_from(AuditEntry).where(
                AuditEntry.entity_type == "kiosk", AuditEntry.entity_id == kiosk_code, AuditEntry.action == action,
                AuditEntry.at >= start, AuditEntry.at < end)
        ).scalar_one())

    def kiosk_tickets(self, kiosk_code: str, day: date) -> int:
        return int(self.session.execute(select(func.count()).select_from(QueueTicket).where(
            QueueTicket.kiosk_code == kiosk_code, QueueTicket.day == day)).scalar_one())

    def kiosk_papers(self, kiosk_code: str, start: datetime, end: datetime) -> int:
        return int(self.session.execute(select(func.count()).select_from(DocumentIssued).where(
            DocumentIssued.kiosk_code == kiosk_code, DocumentIssued.issued_at >= start,
            DocumentIssued.issued_at < end)).scalar_one())

    def ratings_by_level(self, station_code: str, start: datetime, end: datetime) -> list[tuple[str, int]]:
        return [(level, count) for level, count in self.session.execute(
            select(ServiceRating.level, func.count()).where(
                ServiceRating.station_code == station_code, ServiceRating.at >= start,
                ServiceRating.at < end).group_by(ServiceRating.level)
        )]

    # ---- the city's month --------------------------------------------------------------------------

    def stations(self, branch: str | None) -> Sequence[Row[str, str, str]]:
        """(code, name_zh, branch_name) of every station, or of one branch's, by code."""
        query = select(Station.code, Station.name_zh, Station.branch_name).order_by(Station.code)
        if branch:
            query = query.where(Station.branch_name == branch)
        return self.session.execute(query).all()

    def branch_names(self) -> list[str]:
        return list(self.session.execute(select(Station.branch_name).distinct().order_by(Station.branch_name))
                    .scalars())

    def month_cells(self, first: date, last: date, today: date, branch: str | None,
                    open_states: Collection[str]) -> Sequence[Row[*tuple[Any, ...]]]:
        """(station, transaction, accepted, on time, late completed, late open) of the month, one GROUP BY
        over the month's cases (see `desk/services/city_reports.py` for what each count means)."""
        accepted = and_(Case.accepted_on >= first, Case.accepted_on <= last)
        completed = and_(Case.state == CaseState.COMPLETED.value, Case.completed_on >= first,
                         Case.completed_on <= last)
        # Past due means due before today; in a month still running, only its past days count.
        due_until = min(last, today - _ONE_DAY)
        late_open = and_(Case.state.in_(open_states), Case.accepted_on.is_not(None), Case.due_date >= first,
                         Case.due_date <= due_until)

        def count_if(condition: Any) -> Any:
            return func.sum(case((condition, 1), else_=0))

        query = (
            select(Case.station_code, Case.transaction_code, count_if(accepted),
                   count_if(and_(completed, Case.completed_on <= Case.due_date)),
                   count_if(and_(completed, Case.completed_on > Case.due_date)), count_if(late_open))
            .where(or_(accepted, completed, late_open))
            .group_by(Case.station_code, Case.transaction_code)
            .order_by(Case.station_code, Case.transaction_code)
        )
        if branch:
            query = query.where(Case.station_code.in_(select(Station.code).where(Station.branch_name == branch)))
        return self.session.execute(query).all()
