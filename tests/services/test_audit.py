"""The audit chain: verification passes on an honest log and names the first altered or missing entry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desk_fixtures import OLD_MAN, Desk
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from desk.cli import main
from desk.services import audit


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
