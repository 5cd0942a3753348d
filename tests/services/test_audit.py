"""The audit chain: verification passes on an honest log and names the first altered or missing entry."""

from __future__ import annotations

import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from desk_fixtures import OLD_MAN, Desk
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desk.cli import main
from desk.services import audit
from desk.store.models import AuditEntry


def _activity(desk: Desk) -> None:
    for _ in range(3):
        case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
        desk.core.cases.save_draft(desk.clerk, case.number, {"lost": False}, case.version)
        desk.clock.advance(timedelta(minutes=5))
    desk.core.citizens.view(desk.leader, OLD_MAN)


def _verify(desk: Desk) -> audit.AuditReport:
    with desk.core.store.read() as session:
        return audit.verify(session)


def _drop_guards(desk: Desk) -> None:
    """What an attacker with database-owner rights could do; the chain must still tell."""
    with desk.core.store.engine.begin() as connection:
        if desk.core.store.is_sqlite:
            connection.execute(text("DROP TRIGGER audit_log_no_update"))
            connection.execute(text("DROP TRIGGER audit_log_no_delete"))
        else:
            connection.execute(text("DROP TRIGGER audit_log_append_only ON audit_log"))


def test_honest_log_verifies(desk: Desk) -> None:
    _activity(desk)
    report = _verify(desk)
    assert report.ok and report.entries_checked > 10


def test_database_refuses_to_edit_or_delete_entries(desk: Desk) -> None:
    _activity(desk)
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE seq = 3", "DELETE FROM audit_log WHERE seq = 3"):
        with pytest.raises(DBAPIError, match="append-only"), desk.core.store.engine.begin() as connection:
            connection.execute(text(statement))
    assert _verify(desk).ok


def test_altered_entry_is_named(desk: Desk) -> None:
    _activity(desk)
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET actor = 'intruder' WHERE seq = 7"))
    report = _verify(desk)
    assert not report.ok and report.first_bad_seq == 7
    assert "篡改" in report.problem_zh


def test_missing_entry_is_named(desk: Desk) -> None:
    _activity(desk)
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        connection.execute(text("DELETE FROM audit_log WHERE seq = 5"))
    report = _verify(desk)
    assert not report.ok and report.first_bad_seq == 5
    assert "缺失" in report.problem_zh


def test_truncated_tail_is_found(desk: Desk) -> None:
    _activity(desk)
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        last = connection.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
        connection.execute(text(f"DELETE FROM audit_log WHERE seq = {last}"))
    report = _verify(desk)
    assert not report.ok and report.first_bad_seq == last


def test_cli_verify_exit_codes(desk: Desk, capsys: pytest.CaptureFixture[str]) -> None:
    _activity(desk)
    url = desk.core.store.url
    assert main(["--db", url, "audit", "verify"]) == 0
    assert "完整" in capsys.readouterr().out
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        connection.execute(text("UPDATE audit_log SET details = '{}' WHERE seq = 4"))
    assert main(["--db", url, "audit", "verify", "--json"]) == 1
    assert '"first_bad_seq": 4' in capsys.readouterr().out


# ---- an insider with the database but not the audit key ----------------------------------------------


def _keyed(desk: Desk, folder: Path) -> audit.AuditKey:
    with desk.core.store.read() as session:
        head = audit.head_seq(session)  # the fixture's station, users and citizens came before the key
    key = audit.attach_key(desk.core.store, folder, create=True)
    assert key is not None and key.keyed_from == head + 1
    return key


def _recompute_chain_without_the_key(desk: Desk, changed_seq: int) -> None:
    """Rewrite one entry and recompute every hash after it with plain SHA-256, head included — what a
    database owner can do; only the missing audit key gives it away."""
    _drop_guards(desk)
    with desk.core.store.write() as session:
        session.execute(text(f"UPDATE audit_log SET actor = 'intruder' WHERE seq = {changed_seq}"))
        for chain in audit.chains(session):  # every station's chain, head included
            rows = session.execute(text("SELECT seq FROM audit_log WHERE chain = :c ORDER BY chain_seq"),
                                   {"c": chain}).scalars().all()
            prev = audit.GENESIS_HASH
            for seq in rows:
                entry = session.get(AuditEntry, seq)
                assert entry is not None
                session.refresh(entry)
                digest = audit.entry_hash(prev, audit.entry_canonical(entry))
                session.execute(text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE seq = :s"),
                                {"p": prev, "h": digest, "s": seq})
                prev = digest
            session.execute(text("UPDATE audit_head SET last_hash = :h WHERE chain = :c"), {"h": prev, "c": chain})


def test_recomputed_chain_passes_without_the_key_and_fails_with_it(desk: Desk, tmp_path: Path) -> None:
    key = _keyed(desk, tmp_path)
    _activity(desk)
    with desk.core.store.read() as session:
        assert audit.verify(session, key).ok
    _recompute_chain_without_the_key(desk, 6)
    with desk.core.store.read() as session:
        assert audit.verify(session).ok  # an unkeyed check is fooled …
        report = audit.verify(session, key)  # … the keyed one is not
    # Entry 6 predates the key, but recomputing it moved every later hash: the first keyed one tells.
    assert not report.ok and report.first_bad_seq == key.keyed_from


def test_anchor_catches_a_truncated_tail_with_the_head_moved_back(desk: Desk, tmp_path: Path) -> None:
    key = _keyed(desk, tmp_path / "keys")
    _activity(desk)
    with desk.core.store.read() as session:
        mark = audit.anchor(session, key, desk.clock.now())
    assert mark.seq > 5 and mark.tag
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        previous, chain, position = connection.execute(text(
            f"SELECT hash, chain, chain_seq FROM audit_log WHERE seq = {mark.seq - 2}")).one()
        # The last two entries are the station's: cut them off its chain and move its head back.
        assert connection.execute(text(f"SELECT count(*) FROM audit_log WHERE seq > {mark.seq - 2} "
                                       "AND chain = :c"), {"c": chain}).scalar_one() == 2
        connection.execute(text(f"DELETE FROM audit_log WHERE seq > {mark.seq - 2}"))
        connection.execute(text("UPDATE audit_head SET last_seq = :p, last_hash = :h, last_entry_seq = :s "
                                "WHERE chain = :c"), {"p": position, "s": mark.seq - 2, "h": previous, "c": chain})
    with desk.core.store.read() as session:
        assert audit.verify(session, key).ok  # the shorter chain is consistent in itself
        report = audit.check_anchor(session, mark, key)
        assert not report.ok and "截断" in report.problem_zh
        forged = audit.Anchor(mark.seq - 2, previous, mark.at, "0" * 64)
        assert "伪造" in audit.check_anchor(session, forged, key).problem_zh


def test_direct_update_of_a_case_is_found(desk: Desk) -> None:
    _activity(desk)
    case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False,
                                                                          "contact_phone": "13912345678"})
    desk.core.cases.accept(desk.clerk, case.number, case.version, ["id_card"])
    with desk.core.store.read() as session:
        assert audit.case_mismatches(session) == []
    with desk.core.store.engine.begin() as connection:  # no trigger guards the cases table
        connection.execute(text("UPDATE cases SET state = 'completed' WHERE number = :n"), {"n": case.number})
    with desk.core.store.read() as session:
        [mismatch] = audit.case_mismatches(session)
    assert (mismatch.number, mismatch.stored_state, mismatch.audited_state) == (case.number, "completed", "accepted")


def test_cli_anchor_and_verify_with_it(desk: Desk, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _keyed(desk, tmp_path / "keys")
    _activity(desk)
    url, keys = desk.core.store.url, str(tmp_path / "keys")
    anchor_file = tmp_path / "anchor.json"
    assert main(["--db", url, "audit", "--keys", keys, "anchor", "--out", str(anchor_file)]) == 0
    assert main(["--db", url, "audit", "--keys", keys, "verify", "--anchor", str(anchor_file), "--json"]) == 0
    result = json.loads(capsys.readouterr().out.split("\n", 2)[-1])
    assert result["ok"] and result["keyed"] and result["anchors_checked"] == 1
    _recompute_chain_without_the_key(desk, 3)
    assert main(["--db", url, "audit", "--keys", keys, "verify", "--anchor", str(anchor_file)]) == 1
    assert "篡改" in capsys.readouterr().out


def test_an_embedded_store_is_keyed_from_its_first_entry_and_a_shared_one_only_on_request(
        tmp_path: Path, database_url: str) -> None:
    from desk.store.database import Store

    store = Store(database_url)
    key = audit.attach_key(store, tmp_path)
    if store.is_sqlite:
        assert key is not None and key.keyed_from == 1
        assert audit.attach_key(store, tmp_path) == key  # loaded, not made again
        [path] = tmp_path.glob("audit-key-*.json")
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    else:
        assert key is None and store.audit_key is None
    store.dispose()


def test_each_station_has_its_own_chain_and_verify_walks_them_all(desk: Desk) -> None:
    from desk.domain.workflow import Role

    desk.core.users.ensure_station("SH01", "沈阳市公安局沈河分局北站派出所", "沈河分局")
    other = desk.core.users.create_user("sh_clerk", "周敏", Role.CLERK, "SH01", "secret-pass")
    _activity(desk)
    from desk.domain.workflow import Actor

    desk.core.citizens.view(Actor(other, Role.CLERK, "周敏"), OLD_MAN)
    with desk.core.store.read() as session:
        chains = dict(session.execute(text("SELECT chain, count(*) FROM audit_log GROUP BY chain")).all())
        sh_seq = session.execute(text("SELECT seq FROM audit_log WHERE chain = 'SH01'")).scalar_one()
    assert chains["HP01"] > 5 and chains["SH01"] == 1 and "" in chains  # admin work is the city's
    report = _verify(desk)
    assert report.ok and report.entries_checked == sum(chains.values())
    _drop_guards(desk)
    with desk.core.store.engine.begin() as connection:
        connection.execute(text(f"UPDATE audit_log SET entity_id = 'x' WHERE seq = {sh_seq}"))
    report = _verify(desk)
    assert not report.ok and report.first_bad_seq == sh_seq


def test_writers_of_different_stations_do_not_wait_on_each_other(desk: Desk) -> None:
    """PostgreSQL: a station's open transaction holds only its own chain's head (SQLite has one
    writer at a time whatever the chains, so there the chains only keep the stations apart)."""
    from datetime import UTC, datetime

    store = desk.core.store
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    with store.write() as session:
        audit.append(session, at=now, actor="t", action="test", entity_type="x", entity_id="1", chain="SH01")
    if store.is_sqlite:
        assert _verify(desk).ok
        return
    with store.write() as holding:
        audit.append(holding, at=now, actor="t", action="test", entity_type="x", entity_id="2", chain="HP01")
        with store.write() as other:  # would wait (and time out) on a shared head row
            other.execute(text("SET LOCAL lock_timeout = '2s'"))
            audit.append(other, at=now, actor="t", action="test", entity_type="x", entity_id="3", chain="SH01")
        with pytest.raises(DBAPIError, match="lock timeout"), store.write() as same:
            same.execute(text("SET LOCAL lock_timeout = '200ms'"))
            audit.append(same, at=now, actor="t", action="test", entity_type="x", entity_id="4", chain="HP01")
    assert _verify(desk).ok

def test_the_face_check_is_audited_ticked_or_taken_back(desk: Desk) -> None:
    from sqlalchemy import select

    from desk.domain.errors import NotFound
    from desk.store.models import AuditEntry

    desk.core.citizens.record_face_check(desk.clerk, OLD_MAN, matches=True, photo_shown=False)
    desk.core.citizens.record_face_check(desk.clerk, OLD_MAN, matches=False, photo_shown=False)
    with desk.core.store.read() as session:
        entries = session.execute(select(AuditEntry).where(AuditEntry.action == "citizen.face_checked")
                                  .order_by(AuditEntry.seq)).scalars().all()
        assert [(e.actor, e.entity_id, e.details["matches"]) for e in entries] == [
            ("clerk", OLD_MAN, True), ("clerk", OLD_MAN, False)]
    with pytest.raises(NotFound):
        desk.core.citizens.record_face_check(desk.clerk, "110101199003070011", matches=True, photo_shown=False)


def _entries(desk: Desk, action: str) -> list[AuditEntry]:
    from sqlalchemy import select

    with desk.core.store.read() as session:
        return list(session.execute(select(AuditEntry).where(AuditEntry.action == action)
                                    .order_by(AuditEntry.seq)).scalars())


def test_a_view_is_recorded_before_the_record_is_shown_in_as_few_statements_as_the_backend_allows(
        desk: Desk) -> None:
    """A clerk's view on PostgreSQL is two statements, no transaction around them: the actor, the head,
    the number and the record in one; the entry written with the head moved (and committed) in the
    other. Its entry is in the chain like any other (verify walks it) and visible to every other
    connection the moment the view returns. On SQLite the same statements run in one write transaction."""
    from sqlalchemy import event

    from desk.domain.errors import NotFound

    store = desk.core.store
    statements: list[str] = []

    def _seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", _seen)
    try:
        view = desk.core.citizens.view(desk.clerk, OLD_MAN)
    finally:
        event.remove(store.engine, "before_cursor_execute", _seen)
    assert view.id_number == OLD_MAN and view.name == "李建国"
    if store.is_sqlite:  # its write lock taken first, then the head and the record, the head moved, the entry
        assert statements[0] == "BEGIN IMMEDIATE" and len(statements) == 4, statements
    else:
        assert len(statements) == 2 and "audit_head" in statements[0] and "audit_log" in statements[1]
    with store.engine.connect() as other:  # another connection: the entry was committed before the view returned
        actor, details = other.execute(text("SELECT actor, details FROM audit_log WHERE action = 'citizen.viewed' "
                                            "ORDER BY seq DESC LIMIT 1")).one()
    assert actor == "clerk" and (json.loads(details) if isinstance(details, str) else details) == {"purpose": "desk"}
    before = len(_entries(desk, "citizen.viewed"))
    with pytest.raises(NotFound):
        desk.core.citizens.view(desk.clerk, "110101199003070011")  # not registered: nothing recorded
    assert len(_entries(desk, "citizen.viewed")) == before
    hits = desk.core.citizens.search(desk.clerk, "李建")
    assert [c.id_number for c in hits] == [OLD_MAN]
    [searched] = _entries(desk, "citizen.searched")
    assert searched.actor == "clerk" and searched.chain == "HP01" and searched.details == {"query": "李建",
                                                                                            "results": 1}
    assert _verify(desk).ok


def test_a_read_whose_chain_moved_between_its_statements_writes_nothing_and_reads_the_head_again(
        desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    """The compare-and-set of an audited read (PostgreSQL): another append of the same chain between
    its two statements makes its write a no-op, so the chain never forks; it reads the head again."""
    from datetime import UTC, datetime
    from typing import Any

    from desk.store.repositories.audit_chain import AuditChainRepository, ReadHead, RecordRead

    store = desk.core.store
    if store.is_sqlite:  # one write transaction records a view there: no compare-and-set to race
        desk.core.citizens.view(desk.clerk, OLD_MAN)
        assert _verify(desk).ok
        return
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    with store.unbracketed() as session:
        repository = AuditChainRepository(session)
        stale, _ = repository.head_for_user(desk.clerk.user_id)
        assert stale is not None and stale.chain == "HP01" and stale.actor == "clerk"
        with store.write() as other:
            audit.append(other, at=now, actor="clerk", action="test", entity_type="x", entity_id="between")
        assert not repository.append_if_head_unmoved(stale, at=now, action="test", entity_type="x",
                                                     entity_id="stale", details={}, digest="f" * 64)
    assert [e.entity_id for e in _entries(desk, "test")] == ["between"]

    reads: list[ReadHead | None] = []
    original = AuditChainRepository.head_for_user

    def _another_desk_appends_after_the_first_read(self: AuditChainRepository, user_id: int,
                                                   row: RecordRead | None = None,
                                                   ) -> tuple[ReadHead | None, dict[str, Any] | None]:
        found = original(self, user_id, row)
        reads.append(found[0])
        if len(reads) == 1:
            with store.write() as other:
                audit.append(other, at=now, actor="clerk2", action="test", entity_type="x", entity_id="racing")
        return found

    monkeypatch.setattr(AuditChainRepository, "head_for_user", _another_desk_appends_after_the_first_read)
    view = desk.core.citizens.view(desk.clerk, OLD_MAN)
    assert view.id_number == OLD_MAN and len(reads) == 2
    assert reads[1] is not None
    [viewed] = [e for e in _entries(desk, "citizen.viewed") if e.seq == reads[1].seq]
    racing = _entries(desk, "test")[-1]
    assert racing.entity_id == "racing" and viewed.chain_seq == (racing.chain_seq or 0) + 1
    assert _verify(desk).ok
