"""Finding cases: by number, lookup code, applicant, day and state; due today, due soon, overdue."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desk.domain.clock import CHINA_TZ, Clock
from desk.domain.errors import NotFound
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import Actor, CaseState
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.cases import user_names
from desk.store.database import Store
from desk.store.models import Case
from desk.store.repositories.cases import CaseRepository


@dataclass
class CaseQueries:
    store: Store
    calendar: WorkingCalendar
    clock: Clock

    def get(self, number: str) -> CaseView:
        return self._one(lambda cases: cases.by_number_with_history(number), number)

    def view(self, actor: Actor | None, number: str, *, purpose: str = "desk",
             kiosk_code: str | None = None) -> CaseView:
        """A case opened on a screen: it shows a citizen's record, so the view is audited."""
        with self.store.write() as session:
            case = CaseRepository(session).by_number_with_history(number)
            if case is None:
                raise NotFound.say("case.not_found", number=number)
            label = kiosk_code or "system"
            if actor is not None:
                label = audit.user_label(session, actor.user_id)
            audit.append(session, at=self.clock.now(), actor=label, action="case.viewed", entity_type="case",
                         entity_id=number, details={"purpose": purpose, "applicant": case.applicant.id_number})
            return CaseView.of(case, user_names(session, case))

    def by_lookup_code(self, lookup_code: str) -> CaseView:
        code = lookup_code.strip().upper()
        return self._one(lambda cases: cases.by_lookup_code_with_history(code), lookup_code)

    def list(
        self, *, day: date | None = None, state: CaseState | None = None, station_code: str | None = None,
        applicant_id_number: str | None = None, limit: int | None = None,
    ) -> builtins.list[CaseView]:
        """Every case matching the filters, newest first. `day` is the local day the case was opened."""
        start: datetime | None = None
        end: datetime | None = None
        if day is not None:
            start = datetime.combine(day, time.min, CHINA_TZ)
            end = start + timedelta(days=1)
        return self._many(lambda cases: cases.matching(
            created_from=start, created_before=end, state=state.value if state is not None else None,
            station_code=station_code, applicant_id_number=applicant_id_number, limit=limit))

    def open_cases(self, station_code: str | None = None, *, limit: int | None = None,
                   offset: int = 0) -> builtins.list[CaseView]:
        """Open cases, soonest due first, a page at a time when `limit` is given."""
        return self._many(lambda cases: cases.open_by_due_date(station_code, limit=limit, offset=offset))

    def by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                      limit: int | None = None, offset: int = 0) -> builtins.list[CaseView]:
        """Open cases overdue / due today / due soon / on track, soonest due first; the due-date range
        of each status goes into the query (the station's index on state and due date serves it)."""
        today = self.clock.today()
        before = on = after = until = None
        if status is DueStatus.OVERDUE:
            before = today
        elif status is DueStatus.DUE_TODAY:
            on = today
        else:
            last_soon = self._last_due_soon(today, soon_days)
            if status is DueStatus.DUE_SOON:
                after, until = today, last_soon
            else:
                after = last_soon
        return self._many(lambda cases: cases.open_by_due_date(
            station_code, due_before=before, due_on=on, due_after=after, due_until=until, limit=limit, offset=offset))

    def count_by_due_status(self, station_code: str | None = None, soon_days: int = 2) -> dict[DueStatus, int]:
        """How many open cases are in each due status (for headings over paged lists)."""
        today = self.clock.today()
        last_soon = self._last_due_soon(today, soon_days)
        counts = dict.fromkeys(DueStatus, 0)
        with self.store.read() as session:
            counts.update(CaseRepository(session).count_open_by_due_status(station_code, today=today,
                                                                           last_soon=last_soon))
        return counts

    def usage_counts(self, station_code: str, recent: int = 500) -> dict[str, int]:
        """How often each transaction was opened among the station's `recent` newest cases (the
        picker's ranking), counted by the database over the station's creation-time index."""
        with self.store.read() as session:
            return CaseRepository(session).usage_counts(station_code, recent)

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

    def _one(self, find: Callable[[CaseRepository], Case | None], label: str) -> CaseView:
        with self.store.read() as session:
            case = find(CaseRepository(session))
            if case is None:
                raise NotFound.say("case.not_found", number=label)
            return CaseView.of(case, user_names(session, case))

    def _many(self, find: Callable[[CaseRepository], builtins.list[Case]]) -> builtins.list[CaseView]:
        with self.store.read() as session:
            cases = find(CaseRepository(session))
            names = user_names(session, *cases) if cases else {}
            return [CaseView.of(c, names) for c in cases]

