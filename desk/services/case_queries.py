"""Finding cases: by number, lookup code, applicant, day and state; due today, due soon, overdue."""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, TypedDict

from desk.domain.clock import CHINA_TZ, Clock
from desk.domain.errors import NotFound
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import OPEN_STATES, Actor, Approval, CaseState
from desk.services import audit
from desk.services.case_views import CaseLists, CaseRow, CaseView
from desk.services.cases import user_names
from desk.store.database import Store
from desk.store.models import Case
from desk.store.repositories.cases import CaseRepository

DRAFTS_PAGE = 100  # drafts, and cases awaiting supplements, the Today screen lists (newest first)


class _DueBounds(TypedDict, total=False):
    """`CaseRepository.open_by_due_date`'s due-date bounds of one due status."""

    due_before: date
    due_on: date
    due_after: date
    due_until: date


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
        start, end = _day_bounds(day)
        return self._many(lambda cases: cases.matching(
            created_from=start, created_before=end, state=state.value if state is not None else None,
            station_code=station_code, applicant_id_number=applicant_id_number, limit=limit))

    def rows(
        self, *, day: date | None = None, state: CaseState | None = None, station_code: str | None = None,
        applicant_id_number: str | None = None, limit: int | None = None, offset: int = 0,
    ) -> builtins.list[CaseRow]:
        """The cases `list` gives, as list rows (no form, materials or history), a page at a time."""
        start, end = _day_bounds(day)
        with self.store.read() as session:
            found = CaseRepository(session).rows_matching(
                created_from=start, created_before=end, state=state.value if state is not None else None,
                station_code=station_code, applicant_id_number=applicant_id_number, limit=limit, offset=offset)
            return self._rows(found)

    def open_cases(self, station_code: str | None = None, *, limit: int | None = None,
                   offset: int = 0) -> builtins.list[CaseView]:
        """Open cases, soonest due first, a page at a time when `limit` is given."""
        return self._many(lambda cases: cases.open_by_due_date(station_code, limit=limit, offset=offset))

    def by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                      limit: int | None = None, offset: int = 0) -> builtins.list[CaseView]:
        """Open cases overdue / due today / due soon / on track, soonest due first; the due-date range
        of each status goes into the query (the station's index on state and due date serves it)."""
        bounds = self._due_bounds(status, soon_days)
        return self._many(lambda cases: cases.open_by_due_date(station_code, **bounds, limit=limit, offset=offset))

    def rows_by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                           limit: int | None = None, offset: int = 0) -> builtins.list[CaseRow]:
        """The cases `by_due_status` gives, as list rows (the Today screen's and the overdue lists)."""
        bounds = self._due_bounds(status, soon_days)
        with self.store.read() as session:
            found = CaseRepository(session).open_rows_by_due_date(station_code, **bounds, limit=limit, offset=offset)
            return self._rows(found, soon_days)

    def today_lists(self, station_code: str, *, page: int = 200, soon_days: int = 2) -> CaseLists:
        """The Today screen's case lists of a station in one read: drafts and cases awaiting supplements
        (`DRAFTS_PAGE` of each, newest first), overdue, due today and due soon (`page` of each, soonest
        due first, with the count of each), and cases under review (`page`, soonest due first)."""
        with self.store.read() as session:
            cases = CaseRepository(session)

            def in_state(state: CaseState, limit: int, *, soonest_due: bool = False) -> builtins.list[CaseRow]:
                return self._rows(cases.rows_matching(state=state.value, station_code=station_code, limit=limit,
                                                      soonest_due=soonest_due), soon_days)

            def due(status: DueStatus) -> builtins.list[CaseRow]:
                return self._rows(cases.open_rows_by_due_date(station_code, **self._due_bounds(status, soon_days),
                                                              limit=page), soon_days)

            today = self.clock.today()
            counts = cases.count_open_by_due_status(station_code, today=today,
                                                    last_soon=self._last_due_soon(today, soon_days))
            return CaseLists(
                drafts=in_state(CaseState.DRAFT, DRAFTS_PAGE) + in_state(CaseState.SUPPLEMENT_REQUESTED, DRAFTS_PAGE),
                overdue=due(DueStatus.OVERDUE), due_today=due(DueStatus.DUE_TODAY), due_soon=due(DueStatus.DUE_SOON),
                review=in_state(CaseState.UNDER_REVIEW, page, soonest_due=True),  # an overdue one on the page
                overdue_count=counts.get(DueStatus.OVERDUE, 0), due_today_count=counts.get(DueStatus.DUE_TODAY, 0),
                due_soon_count=counts.get(DueStatus.DUE_SOON, 0))

    def _due_bounds(self, status: DueStatus, soon_days: int) -> _DueBounds:
        """The due-date range of a status as `open_by_due_date`'s bounds."""
        today = self.clock.today()
        if status is DueStatus.OVERDUE:
            return {"due_before": today}
        if status is DueStatus.DUE_TODAY:
            return {"due_on": today}
        last_soon = self._last_due_soon(today, soon_days)
        if status is DueStatus.DUE_SOON:
            return {"due_after": today, "due_until": last_soon}
        return {"due_after": last_soon}

    def _rows(self, found: Iterable[Sequence[Any]], soon_days: int = 2) -> builtins.list[CaseRow]:
        """Repository rows (`ROW_COLUMNS`) as `CaseRow`s, each open one with its due status as of today
        (worked out once a due date: a list's cases share a few dozen)."""
        today, rows = self.clock.today(), []
        status_on: dict[date, DueStatus] = {}
        for (number, station_code, transaction_code, state, approval, applicant_name, applicant_id_number,
             created_at, accepted_at, due_date, completed_on) in found:
            case_state = CaseState(state)
            status = None
            if due_date is not None and case_state in OPEN_STATES:
                status = status_on.get(due_date)
                if status is None:
                    status = status_on[due_date] = self.calendar.due_status(due_date, today, soon_days)
            rows.append(CaseRow(number=number, station_code=station_code, transaction_code=transaction_code,
                                state=case_state, approval=Approval(approval), applicant_name=applicant_name,
                                applicant_id_number=applicant_id_number, created_at=created_at,
                                accepted_at=accepted_at, due_date=due_date, completed_on=completed_on,
                                due_status=status))
        return rows

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


def _day_bounds(day: date | None) -> tuple[datetime | None, datetime | None]:
    """The local day as [start, end) instants, or no bounds."""
    if day is None:
        return None, None
    start = datetime.combine(day, time.min, CHINA_TZ)
    return start, start + timedelta(days=1)
