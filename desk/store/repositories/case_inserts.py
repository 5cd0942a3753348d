"""A new case and its opening event, written as prepared Core statements — the draft path (#19).

Opening a draft is the busiest write of a city (every citizen at every window starts one). Through the
ORM's unit of work it cost the client about a millisecond of CPU for two rows: the flush's dependency
sort, attribute events and a statement built and keyed afresh each time. Here the two INSERTs are
built once with named parameters, so each draft only binds values: on PostgreSQL one statement writes
both rows (the event's INSERT reads the case's id from a data-modifying CTE); SQLite, which has no such
CTE, takes two. Every column is bound explicitly — a column added to the model and not given here is a
`KeyError` naming it, found by the test that compares a draft with the case read back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import BindParameter, Insert, Integer, Table, bindparam, insert, select
from sqlalchemy.orm import Session

from desk.store.models import Case, CaseEvent

_CASES = cast(Table, Case.__table__)
_EVENTS = cast(Table, CaseEvent.__table__)
CASE_COLUMNS = tuple(column.name for column in _CASES.c if column.name != "id")
EVENT_COLUMNS = tuple(column.name for column in _EVENTS.c if column.name not in ("id", "case_id"))


def _binds(table: Table, names: tuple[str, ...], prefix: str) -> dict[str, BindParameter[Any]]:
    return {name: bindparam(prefix + name, type_=table.c[name].type) for name in names}


_INSERT_CASE = insert(_CASES).values(_binds(_CASES, CASE_COLUMNS, "case_")).returning(_CASES.c.id)
_INSERT_EVENT = insert(_EVENTS).values(
    {"case_id": bindparam("event_case_id", type_=Integer), **_binds(_EVENTS, EVENT_COLUMNS, "event_")})


def _insert_case_and_event() -> Insert:
    new_case = _INSERT_CASE.cte("new_case")
    event_values = select(new_case.c.id, *_binds(_EVENTS, EVENT_COLUMNS, "event_").values())
    return (insert(_EVENTS).from_select(["case_id", *EVENT_COLUMNS], event_values).add_cte(new_case)
            .returning(_EVENTS.c.case_id))


_INSERT_CASE_AND_EVENT = _insert_case_and_event()


@dataclass(frozen=True)
class CaseInserts:
    session: Session

    def new_case(self, case: Mapping[str, Any], opening_event: Mapping[str, Any]) -> int:
        """Write a case (every column but `id`) and the event that opens it (every column but `id` and
        `case_id`); return the case's id. Nothing is read back: the caller knows what it wrote."""
        params = {f"case_{name}": case[name] for name in CASE_COLUMNS}
        params.update({f"event_{name}": opening_event[name] for name in EVENT_COLUMNS})
        connection = self.session.connection()
        if connection.dialect.name == "postgresql":
            return int(connection.execute(_INSERT_CASE_AND_EVENT, params).scalar_one())
        case_id = int(connection.execute(_INSERT_CASE, params).scalar_one())
        connection.execute(_INSERT_EVENT, {**params, "event_case_id": case_id})
        return case_id
