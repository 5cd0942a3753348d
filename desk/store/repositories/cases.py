"""Cases (申请): found by number or lookup code, listed by day, state, station and applicant, the open ones
by due date; the counts the hall and the picker show. The bounded, index-served statements of the
performance work (#19) live here unchanged."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, Select, String, cast, func, select
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session, selectinload

from desk.domain.workdays import DueStatus
from desk.domain.workflow import OPEN_STATES, CaseState
from desk.store.models import Case, CaseEvent, Citizen


@dataclass(frozen=True)
class CaseRepository:
    session: Session

    def by_number(self, number: str) -> Case | None:
        """The case (its applicant joined; events and materials loaded when first used)."""
        return self.session.execute(select(Case).where(Case.number == number)).unique().scalar_one_or_none()

    def by_id(self, case_id: int) -> Case | None:
        """The case a row elsewhere points at (a paper's register row)."""
        return self.session.execute(select(Case).where(Case.id == case_id)).unique().scalar_one_or_none()

    def by_number_with_history(self, number: str) -> Case | None:
        """The case with its events and materials loaded up front (a case's view shows both)."""
        return self._one(select(Case).where(Case.number == number))

    def by_lookup_code_with_history(self, lookup_code: str) -> Case | None:
        return self._one(select(Case).where(Case.lookup_code == lookup_code))

    def matching(self, *, created_from: datetime | None = None, created_before: datetime | None = None,
                 state: str | None = None, station_code: str | None = None,
                 applicant_id_number: str | None = None, limit: int | None = None) -> list[Case]:
        """Cases matching every filter given, newest first, with their history."""
        query = select(Case)
        if applicant_id_number is not None:
            query = query.join(Citizen, Case.applicant_id == Citizen.id)
        query = _matching(query, created_from=created_from, created_before=created_before, state=state,
                          station_code=station_code, applicant_id_number=applicant_id_number)
        return self._many(query.order_by(*_NEWEST).limit(limit))

    def rows_matching(self, *, created_from: datetime | None = None, created_before: datetime | None = None,
                      state: str | None = None, station_code: str | None = None,
                      applicant_id_number: str | None = None, limit: int | None = None,
                      offset: int = 0, soonest_due: bool = False) -> Sequence[Row[*tuple[Any, ...]]]:
        """The same cases as `matching`, newest first (`soonest_due`: soonest due first, as approvers work
        down them — the station's index on state and due date serves it), as rows of the list columns."""
        ids = select(Case.id)
        if applicant_id_number is not None:
            ids = ids.join(Citizen, Case.applicant_id == Citizen.id)
        ids = _matching(ids, created_from=created_from, created_before=created_before, state=state,
                        station_code=station_code, applicant_id_number=applicant_id_number)
        return self.session.execute(_rows_of(ids, _SOONEST if soonest_due else _NEWEST, limit, offset)).all()

    def open_by_due_date(self, station_code: str | None = None, *,
                         due_before: date | None = None, due_on: date | None = None, due_after: date | None = None,
                         due_until: date | None = None, limit: int | None = None, offset: int = 0) -> list[Case]:
        """Open cases (with a due date), soonest due first, a page at a time; the due-date
        bounds given go into the query (the station's index on state and due date serves it)."""
        query = _open(select(Case), station_code, due_before=due_before, due_on=due_on, due_after=due_after,
                      due_until=due_until)
        return self._many(query.order_by(*_SOONEST).limit(limit).offset(offset or None))

    def open_rows_by_due_date(self, station_code: str | None = None, *,
                              due_before: date | None = None, due_on: date | None = None,
                              due_after: date | None = None, due_until: date | None = None,
                              limit: int | None = None, offset: int = 0) -> Sequence[Row[*tuple[Any, ...]]]:
        """The same cases as `open_by_due_date`, as rows of the list columns (`ROW_COLUMNS`)."""
        ids = _open(select(Case.id), station_code, due_before=due_before, due_on=due_on, due_after=due_after,
                    due_until=due_until)
        return self.session.execute(_rows_of(ids, _SOONEST, limit, offset)).all()

    def count_open_by_due_status(self, station_code: str | None, *, today: date,
                                 last_soon: date) -> dict[DueStatus, int]:
        """How many open cases are in each due status (due soon: up to `last_soon`), counted by the
        database; a status no case is in is left out."""
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
        return {DueStatus(value): count for value, count in self.session.execute(query.group_by(bucket))}

    def usage_counts(self, station_code: str, recent: int) -> dict[str, int]:
        """How often each transaction was opened among the station's `recent` newest cases, counted by the
        database over the station's creation-time index."""
        newest = (select(Case.transaction_code).where(Case.station_code == station_code)
                  .order_by(Case.created_at.desc(), Case.id.desc()).limit(recent).subquery())
        return {code: count for code, count in self.session.execute(
            select(newest.c.transaction_code, func.count()).group_by(newest.c.transaction_code))}

    def completed_mentioning(self, transaction_codes: Iterable[str], text: str, limit: int = 20) -> list[Case]:
        """Completed cases of these transactions whose form values contain `text` (an ID number), latest
        completed first: narrowed by the database, confirmed field by field by the caller (a 注销户口证明
        finds the cancellation it certifies)."""
        query = (select(Case)
                 .where(Case.transaction_code.in_(list(transaction_codes)), Case.state == CaseState.COMPLETED.value,
                        cast(Case.form_values, String).contains(text))
                 .order_by(Case.completed_at.desc(), Case.id.desc()).limit(limit))
        return list(self.session.execute(query).unique().scalars().all())

    def count(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(Case)).scalar_one())

    def actors_of_action(self, case_id: int, action: str) -> set[int | None]:
        """The users who took `action` on the case (e.g. who submitted it for review)."""
        return set(self.session.execute(select(CaseEvent.actor_id).where(
            CaseEvent.case_id == case_id, CaseEvent.action == action)).scalars())

    def add(self, case: Case) -> Case:
        """Add a new case and flush, so that its id is known."""
        self.session.add(case)
        self.session.flush()
        return case

    def add_event(self, event: CaseEvent) -> None:
        self.session.add(event)

    def _one(self, query: Select[Case]) -> Case | None:
        return self.session.execute(_with_history(query)).unique().scalar_one_or_none()

    def _many(self, query: Select[Case]) -> list[Case]:
        return list(self.session.execute(_with_history(query)).unique().scalars().all())


# The columns a case list shows, in this order (desk.services.case_views.CaseRow reads them).
ROW_COLUMNS = (Case.number, Case.station_code, Case.transaction_code, Case.state, Case.approval, Citizen.name,
               Citizen.id_number, Case.created_at, Case.accepted_at, Case.due_date, Case.completed_on)


_NEWEST = (Case.created_at.desc(), Case.id.desc())
_SOONEST = (Case.due_date, Case.id)


def _rows_of(ids: Select[Any], order: tuple[Any, ...], limit: int | None,
             offset: int) -> Select[*tuple[Any, ...]]:
    """The list columns of a page of `ids` in `order`. The page is chosen from the cases' index alone and
    only its cases are read and joined to their applicants (not every case matching before the cut)."""
    page = ids.order_by(*order).limit(limit).offset(offset or None)
    return (select(*ROW_COLUMNS).join(Citizen, Case.applicant_id == Citizen.id)
            .where(Case.id.in_(page)).order_by(*order))


def _matching(query: Select[Any], *, created_from: datetime | None, created_before: datetime | None,
              state: str | None, station_code: str | None, applicant_id_number: str | None) -> Select[Any]:
    """`query` (joined to the applicant when filtering by one) filtered."""
    if created_from is not None:
        query = query.where(Case.created_at >= created_from)
    if created_before is not None:
        query = query.where(Case.created_at < created_before)
    if state is not None:
        query = query.where(Case.state == state)
    if station_code is not None:
        query = query.where(Case.station_code == station_code)
    if applicant_id_number is not None:
        query = query.where(Citizen.id_number == applicant_id_number)
    return query


def _open(query: Select[Any], station_code: str | None, *, due_before: date | None, due_on: date | None,
          due_after: date | None, due_until: date | None) -> Select[Any]:
    """`query` narrowed to open cases with a due date in the bounds given."""
    query = query.where(Case.state.in_([s.value for s in OPEN_STATES]), Case.due_date.is_not(None))
    if station_code is not None:
        query = query.where(Case.station_code == station_code)
    if due_before is not None:
        query = query.where(Case.due_date < due_before)
    if due_on is not None:
        query = query.where(Case.due_date == due_on)
    if due_after is not None:
        query = query.where(Case.due_date > due_after)
    if due_until is not None:
        query = query.where(Case.due_date <= due_until)
    return query


def _with_history(query: Select[Case]) -> Select[Case]:
    return query.options(selectinload(Case.events), selectinload(Case.materials))
