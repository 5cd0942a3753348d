"""Finding cases: by number, lookup code, applicant, day and state; due today, due soon, overdue."""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from desk.domain.clock import CHINA_TZ, Clock
from desk.domain.errors import NotFound
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import OPEN_STATES, Actor, CaseState
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.cases import user_names
from desk.store.database import Store
from desk.store.models import Case, Citizen, User


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
                raise NotFound(f"找不到申请 {number}。", f"No case {number}.")
            label = kiosk_code or "system"
            if actor is not None:
                user = session.get(User, actor.user_id)
                label = user.username if user is not None else f"user#{actor.user_id}"
            audit.append(session, at=self.clock.now(), actor=label, action="case.viewed", entity_type="case",
                         entity_id=number, details={"purpose": purpose, "applicant": case.applicant.id_number})
            return CaseView.of(case, user_names(session))

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

    def open_cases(self, station_code: str | None = None) -> builtins.list[CaseView]:
        query = select(Case).where(Case.state.in_([s.value for s in OPEN_STATES]))
        if station_code is not None:
            query = query.where(Case.station_code == station_code)
        return self._many(query.order_by(Case.due_date, Case.id))

    def by_due_status(self, status: DueStatus, station_code: str | None = None,
                      soon_days: int = 2) -> builtins.list[CaseView]:
        today = self.clock.today()
        return [
            case for case in self.open_cases(station_code)
            if case.due_date is not None
            and self.calendar.due_status(case.due_date, today, soon_days) is status
        ]

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
                raise NotFound(f"找不到申请 {label}。", f"No case {label}.")
            return CaseView.of(case, user_names(session))

    def _many(self, query: Select[Case]) -> builtins.list[CaseView]:
        with self.store.read() as session:
            names = user_names(session)
            return [CaseView.of(c, names) for c in session.execute(_with_children(query)).unique().scalars()]


def _with_children(query: Select[Case]) -> Select[Case]:
    return query.options(selectinload(Case.events), selectinload(Case.materials))


def load_case(session: Session, number: str) -> Case | None:
    return session.execute(select(Case).where(Case.number == number)).unique().scalar_one_or_none()
