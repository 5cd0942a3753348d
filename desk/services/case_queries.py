"""Finding cases: by number, lookup code, applicant, day and state; due today, due soon, overdue."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, selectinload

from desk.domain.clock import CHINA_TZ, Clock
from desk.domain.errors import NotFound
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import OPEN_STATES, Actor, CaseState
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.cases import user_names
from desk.store.database import Store
from desk.store.models import Case, Citizen


@dataclass
class CaseQueries:
    store: Store
    calendar: WorkingCalendar
    clock: Clock

    def get(self, number: str) -> CaseView:
        return self._one(select(Case).where(Case.number == number), number)

    def view(self, actor: Actor | None, number: str, *, purpose: str = "desk",
             kiosk_code: str | None = None) -> CaseView:
        """A case opened on a screen: it shows a citizen's record, so the view is audited."""
        with self.store.write() as session:
            query = _with_children(select(Case).where(Case.number == number))
            case = session.execute(query).unique().scalar_one_or_none()
            if case is None:
                raise NotFound.say("case.not_found", number=number)
            label = kiosk_code or "system"
            if actor is not None:
                label = audit.user_label(session, actor.user_id)
            audit.append(session, at=self.clock.now(), actor=label, action="case.viewed", entity_type="case",
                         entity_id=number, details={"purpose": purpose, "applicant": case.applicant.id_number})
            return CaseView.of(case, user_names(session, case))

    def by_lookup_code(self, lookup_code: str) -> CaseView:
        return self._one(select(Case).where(Case.lookup_code == lookup_code.strip().upper()), lookup_code)

    def list(
        self, *, day: date | None = None, state: CaseState | None = None, station_code: str | None = None,
        applicant_id_number: str | None = None, limit: int | None = None,
    ) -> builtins.list[CaseView]:
        """Every case matching the filters, newest first. `day` is the local day the case was opened."""
        query = select(Case)
        if day is not None:
            start = datetime.combine(day, time.min, CHINA_TZ)
            query = query.where(Case.created_at >= start, Case.created_at < start + timedelta(days=1))
        if state is not None:
            query = query.where(Case.state == state.value)
        if station_code is not None:
            query = query.where(Case.station_code == station_code)
        if applicant_id_number is not None:
            query = query.join(Citizen, Case.applicant_id == Citizen.id).where(
                Citizen.id_number == applicant_id_number
            )
        query = query.order_by(Case.created_at.desc(), Case.id.desc())
        if limit is not None:
            query = query.limit(limit)
        return self._many(query)

    def open_cases(self, station_code: str | None = None, *, limit: int | None = None,
                   offset: int = 0) -> builtins.list[CaseView]:
        """Open cases, soonest due first, a page at a time when `limit` is given."""
        return self._many(self._open_query(station_code).limit(limit).offset(offset or None))

    def by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                      limit: int | None = None, offset: int = 0) -> builtins.list[CaseView]:
        """Open cases overdue / due today / due soon / on track, soonest due first; the due-date range
        of each status goes into the query (the station's index on state and due date serves it)."""
        today = self.clock.today()
        query = self._open_query(station_code)
        if status is DueStatus.OVERDUE:
            query = query.where(Case.due_date < today)
        elif status is DueStatus.DUE_TODAY:
            query = query.where(Case.due_date == today)
        else:
            last_soon = self._last_due_soon(today, soon_days)
            if status is DueStatus.DUE_SOON:
                query = query.where(Case.due_date > today, Case.due_date <= last_soon)
            else:
                query = query.where(Case.due_date > last_soon)
        return self._many(query.limit(limit).offset(offset or None))

    def count_by_due_status(self, station_code: str | None = None, soon_days: int = 2) -> dict[DueStatus, int]:
        """How many open cases are in each due status (for headings over paged lists)."""
        today = self.clock.today()
        last_soon = self._last_due_soon(today, soon_days)
        bucket = sql_case(
            (Case.due_date < today, DueStatus.OVERDUE.value),
            (Case.due_date == today, DueStatus.DUE_TODAY.value),
            (Case.due_date <= last_soon, DueStatus.DUE_SOON.value),
            else_=DueStatus.ON_TRACK.value,
        )
        query = select(bucket, func.count()).where(Case.state.in_([s.value for s in OPEN_STATES]),
                                                   Case.due_date.is_not(None))
        if station_code is not None:
            query = query.where(Case.station_code == station_code)
        counts = dict.fromkeys(DueStatus, 0)
        with self.store.read() as session:
            for value, count in session.execute(query.group_by(bucket)):
                counts[DueStatus(value)] = count
        return counts

    def usage_counts(self, station_code: str, recent: int = 500) -> dict[str, int]:
        """How often each transaction was opened among the station's `recent` newest cases (the
        picker's ranking), counted by the database over the station's creation-time index."""
        newest = (select(Case.transaction_code).where(Case.station_code == station_code)
                  .order_by(Case.created_at.desc(), Case.id.desc()).limit(recent).subquery())
        with self.store.read() as session:
            return {code: count for code, count in session.execute(
                select(newest.c.transaction_code, func.count()).group_by(newest.c.transaction_code))}

    def _open_query(self, station_code: str | None) -> Select[Case]:
        query = select(Case).where(Case.state.in_([s.value for s in OPEN_STATES]), Case.due_date.is_not(None))
        if station_code is not None:
            query = query.where(Case.station_code == station_code)
        return query.order_by(Case.due_date, Case.id)

    def _last_due_soon(self, today: date, soon_days: int) -> date:
        """The last due date still "due soon" (working days from today ≤ soon_days)."""
        day = today
        for _ in range(366):
            following = day + timedelta(days=1)
            if self.calendar.working_days_between(today, following) > soon_days:
                break
            day = following
        return day

    def working_days_taken(self, case: CaseView) -> int | None:
        """Working days from acceptance to completion (or to today while the case is open)."""
        if case.accepted_at is None:
            return None
        start = case.accepted_at.astimezone(CHINA_TZ).date()
        end = case.completed_on or self.clock.today()
        return self.calendar.working_days_between(start, end)

    def _one(self, query: Select[Case], label: str) -> CaseView:
        with self.store.read() as session:
            case = session.execute(_with_children(query)).unique().scalar_one_or_none()
            if case is None:
                raise NotFound.say("case.not_found", number=label)
            return CaseView.of(case, user_names(session, case))

    def _many(self, query: Select[Case]) -> builtins.list[CaseView]:
        with self.store.read() as session:
            cases = session.execute(_with_children(query)).unique().scalars().all()
            names = user_names(session, *cases) if cases else {}
            return [CaseView.of(c, names) for c in cases]


def _with_children(query: Select[Case]) -> Select[Case]:
    return query.options(selectinload(Case.events), selectinload(Case.materials))


def load_case(session: Session, number: str) -> Case | None:
    return session.execute(select(Case).where(Case.number == number)).unique().scalar_one_or_none()
