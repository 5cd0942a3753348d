"""Signing in: passwords hashed with scrypt, lock-out after repeated failures, re-confirmation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desk_fixtures import Desk

from desk.domain.errors import InvalidInput, PermissionDenied
from desk.domain.workflow import Role
from desk.services.passwords import hash_password, verify_password
from desk.services.users import MAX_FAILED_ATTEMPTS, SignInFailed
from desk.store.models import User


def test_password_hash_is_salted_and_verifies() -> None:
    first, second = hash_password("secret-pass"), hash_password("secret-pass")
    assert first != second and first.startswith("$scrypt$")
    assert verify_password("secret-pass", first)
    assert not verify_password("secret-pasS", first)
    assert not verify_password("x", "garbage")


def test_sign_in_and_lock_out(desk: Desk) -> None:
    users = desk.core.users
    assert users.sign_in("clerk", "secret-pass").actor.role is Role.CLERK
    for attempt in range(MAX_FAILED_ATTEMPTS):
        with pytest.raises(SignInFailed) as info:
            users.sign_in("clerk", "wrong")
        if attempt < MAX_FAILED_ATTEMPTS - 1:
            assert "再错" in info.value.message_zh
    with pytest.raises(SignInFailed) as info:
        users.sign_in("clerk", "secret-pass")
    assert info.value.code == "account_locked"
    desk.clock.advance(timedelta(minutes=16))
    assert users.sign_in("clerk", "secret-pass").username == "clerk"


def test_unknown_user_gets_the_same_message(desk: Desk) -> None:
    with pytest.raises(SignInFailed) as info:
        desk.core.users.sign_in("nobody", "secret-pass")
    assert info.value.message_zh == "用户名或密码错误。"


def test_password_not_stored_in_clear(desk: Desk) -> None:
    with desk.core.store.read() as session:
        stored = session.query(User).filter_by(username="clerk").one().password_hash
    assert "secret-pass" not in stored


def test_confirm_password_for_approval(desk: Desk) -> None:
    desk.core.users.confirm_password(desk.leader, "secret-pass")
    with pytest.raises(PermissionDenied):
        desk.core.users.confirm_password(desk.leader, "nope")


def test_short_password_and_duplicate_user_refused(desk: Desk) -> None:
    with pytest.raises(InvalidInput):
        desk.core.users.create_user("x", "X", Role.CLERK, "HP01", "short")
    with pytest.raises(InvalidInput, match="已存在"):
        desk.core.users.create_user("clerk", "X", Role.CLERK, "HP01", "long-enough")
