"""Opening and saving a draft return the case as the store holds it without reading it back: the view each
returns equals the case read afresh, and neither reads the case, its history, its materials or the
acting clerk's name again after writing them (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta, timezone
from typing import Any

from desk_fixtures import OLD_MAN, Desk
from sqlalchemy import event

from desk.domain.clock import FixedClock
from desk.store.database import Store

# A form as typed, with what JSON changes on the way back: a tuple becomes a list, a number key a string.
TYPED: dict[str, Any] = {"lost": True, "contact_phone": "13912345678", "pieces": ("a", "b"), "notes": {1: "x"}}


@contextmanager
def statements(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def capture(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(" ".join(statement.split()))

    event.listen(store.engine, "before_cursor_execute", capture)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", capture)


def _reads_of(seen: list[str], table: str) -> list[str]:
    return [s for s in seen if s.upper().startswith("SELECT") and f"FROM {table} " in f"{s} "]


def test_an_opened_draft_is_returned_as_stored_without_reading_it_back(desk: Desk) -> None:
    with statements(desk.core.store) as seen:
        draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", TYPED)
    assert draft == desk.core.queries.get(draft.number)  # the same view, read afresh
    assert draft.form_values["pieces"] == ["a", "b"] and draft.form_values["notes"] == {"1": "x"}
    assert [(e.action, e.actor_name) for e in draft.events] == [("open", "张丽")]
    assert not _reads_of(seen, "cases") and not _reads_of(seen, "case_events")
    assert not _reads_of(seen, "materials_received")
    assert len(_reads_of(seen, "users")) == 1  # the clerk, once: for the audit entry and the history's name


def test_a_saved_draft_is_returned_as_stored_without_reading_it_back(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    with statements(desk.core.store) as seen:
        saved = desk.core.cases.save_draft(desk.clerk2, draft.number, TYPED, draft.version)
    assert saved == desk.core.queries.get(draft.number)
    assert saved.version == draft.version + 1
    assert [(e.action, e.actor_name) for e in saved.events] == [("open", "张丽")]
    assert len(_reads_of(seen, "cases")) == 1  # the case, before it is changed; not again after


def test_a_draft_opened_at_a_clock_outside_utc_reads_back_equal(desk: Desk) -> None:
    east = desk.clock.now().astimezone(timezone(timedelta(hours=8)))
    desk.core.cases.clock = FixedClock(east)
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    stored = desk.core.queries.get(draft.number)
    assert draft == stored
    assert draft.created_at.utcoffset() == stored.created_at.utcoffset() == timedelta(0)
    assert draft.events[0].at.isoformat() == stored.events[0].at.isoformat()
