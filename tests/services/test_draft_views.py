"""Opening and saving a draft return the case as the store holds it without reading it back: the view each
returns equals the case read afresh, and neither reads the case, its history, its materials or the
acting clerk's name again after writing them (on SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta, timezone
from typing import Any

import pytest
from desk_fixtures import OLD_MAN, Desk
from sqlalchemy import event, func, select

from desk.domain.clock import FixedClock
from desk.store.database import Store
from desk.store.models import AuditEntry, AuditHead, Case

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
    # The clerk once (for the audit entry and the history's name), in the statement that reads the chain's
    # head and the applicant; then the number, the case and its event, the entry.
    written = [s for s in seen if s.split()[0].upper() not in ("BEGIN", "COMMIT")]
    assert all(table in written[0] for table in ("FROM users", "audit_head", "FROM citizens")), written[0]
    assert not [s for s in written[1:] for table in ("users", "citizens") if f"FROM {table}" in s]
    assert len(written) == (4 if desk.core.store.engine.dialect.name == "postgresql" else 6), written


def test_a_saved_draft_is_returned_as_stored_without_reading_it_back(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    with statements(desk.core.store) as seen:
        saved = desk.core.cases.save_draft(desk.clerk2, draft.number, TYPED, draft.version)
    assert saved == desk.core.queries.get(draft.number)
    assert saved.version == draft.version + 1
    assert [(e.action, e.actor_name) for e in saved.events] == [("open", "张丽")]
    # The clerk, the chain's head, the case and its applicant in one statement; the form written; the
    # history (with its actors' names) and the materials read for the view; the entry.
    written = [s for s in seen if s.split()[0].upper() not in ("BEGIN", "COMMIT")]
    assert all(table in written[0] for table in ("FROM users", "audit_head", "FROM cases", "citizens")), written[0]
    assert written[1].startswith("UPDATE cases")
    assert len(_reads_of(seen, "cases")) == 0 and len(_reads_of(seen, "case_events")) == 1
    assert len(written) == (5 if desk.core.store.engine.dialect.name == "postgresql" else 6), written


def test_a_case_awaiting_papers_saved_is_returned_with_its_history_and_materials(desk: Desk) -> None:
    from desk_fixtures import YOUNG_WOMAN

    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, YOUNG_WOMAN, "leader_item", {"relationship": "spouse"})
    asked = cases.request_supplement(desk.clerk, draft.number, draft.version, ["booklet"])
    saved = cases.save_draft(desk.clerk2, asked.number, {**asked.form_values, **TYPED}, asked.version)
    assert saved == desk.core.queries.get(draft.number)
    assert [m.key for m in saved.materials] == ["booklet"] and len(saved.events) == 2
    assert {e.actor_name for e in saved.events} == {"张丽"}


def test_a_stale_or_closed_save_writes_nothing(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save at an old version is a ConcurrentChange, of a case past its draft an InvalidInput, of an unknown
    number a NotFound — each writes neither the form nor an entry. Another desk saving between the read
    and the write (PostgreSQL; SQLite's write lock keeps them apart) is a ConcurrentChange too."""
    from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound
    from desk.store.repositories.audit_chain import AuditChainRepository, ReadHead, RecordRead

    cases, store = desk.core.cases, desk.core.store
    draft = cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    saved = cases.save_draft(desk.clerk, draft.number, {"lost": False}, draft.version)

    def entries() -> int:
        with store.read() as session:
            return int(session.execute(select(func.count()).select_from(AuditEntry)).scalar_one())

    before = entries()
    with pytest.raises(ConcurrentChange):
        cases.save_draft(desk.clerk2, draft.number, {"lost": True}, draft.version)
    with pytest.raises(NotFound):
        cases.save_draft(desk.clerk2, "HP01-20260302-9999", {"lost": True}, 1)
    assert entries() == before and desk.core.queries.get(draft.number).form_values == {"lost": False}

    if not store.is_sqlite:
        original = AuditChainRepository.head_for_user

        def _another_desk_saves_after_the_read(self: AuditChainRepository, user_id: int,
                                               row: RecordRead | None = None,
                                               ) -> tuple[ReadHead | None, dict[str, Any] | None]:
            found = original(self, user_id, row)
            monkeypatch.undo()
            cases.save_draft(desk.clerk, draft.number, {"lost": "theirs"}, saved.version)
            return found

        monkeypatch.setattr(AuditChainRepository, "head_for_user", _another_desk_saves_after_the_read)
        with pytest.raises(ConcurrentChange):
            cases.save_draft(desk.clerk2, draft.number, {"lost": "mine"}, saved.version)
        assert desk.core.queries.get(draft.number).form_values == {"lost": "theirs"}
        before = entries()

    completed = desk.core.queries.get(draft.number)
    accepted = cases.accept(desk.clerk, completed.number, completed.version, ["id_card", "loss_statement"],
                            {"lost": True, "contact_phone": "13912345678"})
    before = entries()
    with pytest.raises(InvalidInput):
        cases.save_draft(desk.clerk, accepted.number, {"lost": True}, accepted.version)
    assert entries() == before
    with store.read() as session:
        assert audit_ok(session)


def audit_ok(session: Any) -> bool:
    from desk.services import audit

    return audit.verify(session).ok


def test_a_draft_opened_at_a_clock_outside_utc_reads_back_equal(desk: Desk) -> None:
    east = desk.clock.now().astimezone(timezone(timedelta(hours=8)))
    desk.core.cases.clock = FixedClock(east)
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    stored = desk.core.queries.get(draft.number)
    assert draft == stored
    assert draft.created_at.utcoffset() == stored.created_at.utcoffset() == timedelta(0)
    assert draft.events[0].at.isoformat() == stored.events[0].at.isoformat()


def test_a_draft_whose_chain_moved_before_its_entry_chains_the_entry_after_the_other(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The draft reads its chain's head without a lock; another desk of the station appending between that
    read and the draft's entry makes the compare-and-set write nothing, and the entry takes the locking
    path after the other's: the chain never forks (PostgreSQL; SQLite's write lock keeps the head still)."""
    from desk.services import audit
    from desk.store.repositories.audit_chain import AuditChainRepository, ReadHead, RecordRead

    store = desk.core.store
    original = AuditChainRepository.head_for_user
    raced: list[ReadHead | None] = []

    def _another_desk_appends_after_the_read(self: AuditChainRepository, user_id: int,
                                             row: RecordRead | None = None,
                                             ) -> tuple[ReadHead | None, dict[str, Any] | None]:
        found = original(self, user_id, row)
        raced.append(found[0])
        if not store.is_sqlite:
            with store.write() as other:
                audit.append(other, at=desk.clock.now(), actor="clerk2", action="test", entity_type="x",
                             entity_id="racing")
        return found

    monkeypatch.setattr(AuditChainRepository, "head_for_user", _another_desk_appends_after_the_read)
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", TYPED)
    monkeypatch.undo()
    assert draft == desk.core.queries.get(draft.number)
    with store.read() as session:
        opened = session.execute(select(AuditEntry).where(AuditEntry.action == "case.opened")).scalar_one()
        racing = session.execute(select(AuditEntry).where(AuditEntry.action == "test")).scalar_one_or_none()
        report = audit.verify(session)
    assert report.ok and opened.entity_id == draft.number and opened.chain == "HP01"
    assert opened.details == {"transaction": "spot_item"}
    head = raced[0]
    assert head is not None
    if store.is_sqlite:
        assert racing is None and opened.seq == head.seq and opened.chain_seq == head.last_seq + 1
    else:
        assert racing is not None and racing.chain_seq == head.last_seq + 1
        assert opened.chain_seq == head.last_seq + 2 and opened.seq > racing.seq  # numbers grow along a chain


def test_a_draft_of_a_station_whose_chain_has_no_head_yet_is_opened_and_chained(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new station's first entry makes its chain's head: the one-statement read finds none, so the
    draft reads its applicant apart and appends with the locking path (which makes the head)."""
    from desk.domain.workflow import Actor, Role
    from desk.services import audit, passwords

    desk.core.users.ensure_station("SH02", "沈阳市公安局沈河分局测试派出所", "沈河分局")
    monkeypatch.setattr(passwords, "SCRYPT_N", 2**14)
    clerk = Actor(desk.core.users.create_user("sh02clerk", "周敏", Role.CLERK, "SH02", "secret-pass"), Role.CLERK,
                  "周敏")
    with desk.core.store.read() as session:
        fresh = session.execute(select(AuditHead).where(AuditHead.chain == "SH02")).scalar_one_or_none()
    desk.core.cases.station_code = "SH02"
    draft = desk.core.cases.open_draft(clerk, OLD_MAN, "spot_item")
    assert draft == desk.core.queries.get(draft.number)
    assert draft.number.startswith("SH02-") and [(e.action, e.actor_name) for e in draft.events] == [("open", "周敏")]
    with desk.core.store.read() as session:
        opened = session.execute(select(AuditEntry).where(AuditEntry.action == "case.opened")).scalar_one()
        assert audit.verify(session).ok
    assert fresh is None  # the path under test: no head to read in one statement
    assert opened.chain == "SH02" and opened.actor == "sh02clerk" and opened.chain_seq == 1


def test_a_draft_for_a_person_not_in_the_register_writes_nothing(desk: Desk) -> None:
    from desk.domain.errors import NotFound

    with desk.core.store.read() as session:
        before = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    with pytest.raises(NotFound) as raised:
        desk.core.cases.open_draft(desk.clerk, "110101199003070011", "spot_item")
    assert raised.value.code == "not_found"
    with desk.core.store.read() as session:
        assert session.execute(select(func.count()).select_from(AuditEntry)).scalar_one() == before
        assert session.execute(select(func.count()).select_from(Case)).scalar_one() == 0
