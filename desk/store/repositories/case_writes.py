"""The draft's writes as prepared Core statements: a new case with its opening event, and the form saved
as typed (#19).

Opening a draft and saving its form are the busiest writes of a city (every citizen at every window
starts one; the desk saves the form while the clerk types). Through the ORM's unit of work they cost
the client about a millisecond of CPU each in the flush alone: its dependency sort, attribute events
and statements built and keyed afresh each time. Here the statements are built once with named
parameters, so each write only binds values. A new case: on PostgreSQL one statement writes both rows
(the event's INSERT reads the case's id from a data-modifying CTE); SQLite, which has no such CTE,
takes two. Every column is bound explicitly — a column added to the model and not given here is a
`KeyError` naming it, found by the tests that compare a draft with the case read back. A save: the
case and its applicant are read with the audit head (`for_saving`), the form written only if the
version is still the one read, then the history and materials read for the view it returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import BindParameter, Insert, Integer, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk.store.models import Case, CaseEvent, Citizen, MaterialReceived, User
from desk.store.repositories.audit_chain import RecordRead
from desk.store.repositories.citizen_lookup import VIEW_COLUMNS

_CASES = cast(Table, Case.__table__)
_EVENTS = cast(Table, CaseEvent.__table__)
_CITIZENS = cast(Table, Citizen.__table__)
_MATERIALS = cast(Table, MaterialReceived.__table__)
_USERS = cast(Table, User.__table__)
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

APPLICANT_PREFIX = "applicant__"  # not "applicant_": the case has an applicant_id
# The case (every column) and its applicant's shown columns, by number; `id` first (never NULL when found).
_FOR_SAVING = (select(_CASES.c.id, *(_CASES.c[name] for name in CASE_COLUMNS),
                      *(_CITIZENS.c[name].label(APPLICANT_PREFIX + name) for name in VIEW_COLUMNS))
               .join_from(_CASES, _CITIZENS, _CASES.c.applicant_id == _CITIZENS.c.id)
               .where(_CASES.c.number == bindparam("saved_case_number")))
_SAVE_FORM = (update(_CASES)
              .where(_CASES.c.id == bindparam("saved_case_id"), _CASES.c.version == bindparam("read_version"))
              .values(form_values=bindparam("new_form_values", type_=_CASES.c.form_values.type),
                      updated_at=bindparam("new_updated_at", type_=_CASES.c.updated_at.type),
                      version=_CASES.c.version + 1))
_HISTORY = (select(*(_EVENTS.c[name] for name in EVENT_COLUMNS), _USERS.c.display_name.label("actor_name"))
            .join_from(_EVENTS, _USERS, _EVENTS.c.actor_id == _USERS.c.id, isouter=True)
            .where(_EVENTS.c.case_id == bindparam("history_case_id")).order_by(_EVENTS.c.id))
_MATERIALS_OF = (select(_MATERIALS.c.material_key, _MATERIALS.c.name_zh, _MATERIALS.c.form, _MATERIALS.c.copies)
                 .where(_MATERIALS.c.case_id == bindparam("materials_case_id")).order_by(_MATERIALS.c.id))


@dataclass(frozen=True)
class CaseWrites:
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

    @staticmethod
    def for_saving(number: str) -> RecordRead:
        """The case of that number with its applicant (columns `APPLICANT_PREFIX` + a shown column), read
        in the statement that reads the audit head (`audit.head_for_write`)."""
        return RecordRead(_FOR_SAVING, {"saved_case_number": number})

    def case_for_saving(self, number: str) -> dict[str, Any] | None:
        """`for_saving`'s columns read on their own (when the head's statement cannot serve)."""
        row = self.session.connection().execute(_FOR_SAVING, {"saved_case_number": number}).first()
        return None if row is None else dict(row._mapping)

    def save_form(self, case_id: int, read_version: int, values: Mapping[str, Any], now: datetime) -> bool:
        """Store the form and move the version on, only if the case is still at the version read; False
        (nothing written) when another desk changed it first. A case object this transaction loaded
        earlier is expired, so its next use reads what is stored."""
        written = self.session.connection().execute(_SAVE_FORM, {
            "saved_case_id": case_id, "read_version": read_version, "new_form_values": dict(values),
            "new_updated_at": now}).rowcount == 1
        for loaded in list(self.session.identity_map.values()):
            if isinstance(loaded, Case) and vars(loaded).get("id") == case_id:
                self.session.expire(loaded)
        return written

    def history(self, case_id: int) -> list[dict[str, Any]]:
        """The case's events in order, each with its actor's display name (`actor_name`, None for none)."""
        return [dict(row._mapping) for row in self.session.connection().execute(_HISTORY, {"history_case_id": case_id})]

    def materials(self, case_id: int) -> list[dict[str, Any]]:
        """The materials received for the case, in order (key, name, form, copies)."""
        return [dict(row._mapping)
                for row in self.session.connection().execute(_MATERIALS_OF, {"materials_case_id": case_id})]
