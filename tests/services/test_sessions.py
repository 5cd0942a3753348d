"""Server sessions: bound to user and device, idle expiry, revocation, lock-out per user and device,
the same answer for unknown and known users (on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desk_fixtures import Desk
from sqlalchemy import select

from desk.services.sessions import MAX_FAILURES, SessionRefused, SessionService, SignInRefused, token_digest
from desk.store.models import AuditEntry, ServerSession


def _sessions(desk: Desk) -> SessionService:
    return SessionService(desk.core.store, desk.clock, timedelta(minutes=15))


def test_a_session_is_bound_to_its_device_and_only_its_digest_is_stored(desk: Desk) -> None:
    sessions = _sessions(desk)
    issued = sessions.sign_in("clerk", "secret-pass", "desk-07")
    assert sessions.check(issued.token, "desk-07").username == "clerk"
    with pytest.raises(SessionRefused) as other:
        sessions.check(issued.token, "desk-08")
    assert other.value.code == "session_wrong_device"
    with desk.core.store.read() as session:
        rows = session.execute(select(ServerSession)).scalars().all()
    assert [r.token_hash for r in rows] == [token_digest(issued.token)] and issued.token not in rows[0].token_hash


def test_idle_expiry_restarts_on_every_call_and_revocation_ends_the_session(desk: Desk) -> None:
    sessions = _sessions(desk)
    token = sessions.sign_in("clerk", "secret-pass", "desk-07").token
    desk.clock.advance(timedelta(minutes=14))
    sessions.check(token, "desk-07")
    desk.clock.advance(timedelta(minutes=14))
    sessions.check(token, "desk-07")  # 28 minutes after sign-in, but never 15 idle
    desk.clock.advance(timedelta(minutes=15))
    with pytest.raises(SessionRefused) as expired:
        sessions.check(token, "desk-07")
    assert expired.value.code == "session_expired"
    second = sessions.sign_in("clerk", "secret-pass", "desk-07").token
    assert sessions.revoke_user("clerk") == 2
    with pytest.raises(SessionRefused) as revoked:
        sessions.check(second, "desk-07")
    assert revoked.value.code == "session_revoked"
    with pytest.raises(SessionRefused):
        sessions.check("made-up-token", "desk-07")


def test_lock_out_is_per_user_and_device_and_says_nothing_about_who_exists(desk: Desk) -> None:
    sessions = _sessions(desk)
    answers = {}
    for name in ("clerk", "no-such-user"):
        for _ in range(MAX_FAILURES - 1):
            with pytest.raises(SignInRefused) as wrong:
                sessions.sign_in(name, "wrong-password", "kiosk-01", "kiosk")
        answers[name] = (wrong.value.code, wrong.value.message_zh)
        with pytest.raises(SignInRefused):
            sessions.sign_in(name, "wrong-password", "kiosk-01", "kiosk")
        with pytest.raises(SignInRefused) as locked:
            sessions.sign_in(name, "secret-pass", "kiosk-01", "kiosk")
        answers[name + " locked"] = (locked.value.code, locked.value.message_zh)
    assert answers["clerk"] == answers["no-such-user"]
    assert answers["clerk locked"] == answers["no-such-user locked"] and answers["clerk locked"][0] == "account_locked"
    # The passer-by at the kiosk has not locked the clerk out of her own desk.
    assert sessions.sign_in("clerk", "secret-pass", "desk-07").username == "clerk"
    desk.clock.advance(timedelta(minutes=16))
    assert sessions.sign_in("clerk", "secret-pass", "kiosk-01", "kiosk").kind == "kiosk"
    with desk.core.store.read() as session:
        actions = list(session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == "kiosk-01")).scalars())
    assert actions.count("session.sign_in_failed") == 2 * MAX_FAILURES and "session.sign_in_locked" in actions


def test_a_deactivated_user_cannot_sign_in_and_gets_the_wrong_password_answer(desk: Desk) -> None:
    sessions = _sessions(desk)
    desk.core.users.set_active("clerk2", False)
    with pytest.raises(SignInRefused) as refused:
        sessions.sign_in("clerk2", "secret-pass", "desk-07")
    assert refused.value.message_zh.startswith("用户名或密码错误")
