"""Signing in: passwords hashed with scrypt, lock-out after repeated failures, re-confirmation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desk_fixtures import Desk
from sqlalchemy import select

from desk.domain.errors import InvalidInput, PermissionDenied
from desk.domain.workflow import Role
from desk.services.passwords import check_policy, hash_password, needs_rehash, verify_password
from desk.services.users import MAX_FAILED_ATTEMPTS, SignInFailed
from desk.store.models import AuditEntry, User


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


def test_new_hashes_use_todays_cost_and_an_older_one_is_replaced_at_sign_in(desk: Desk) -> None:
    assert "$n=32768,r=8,p=3$" in hash_password("secret-pass") and not needs_rehash(hash_password("x-y-z-w"))
    with desk.core.store.read() as session:
        before = session.query(User).filter_by(username="clerk").one().password_hash
    assert needs_rehash(before)  # the fixture's users are hashed at the earlier cost (n=16384, p=1)
    desk.core.users.sign_in("clerk", "secret-pass")
    with desk.core.store.read() as session:
        after = session.query(User).filter_by(username="clerk").one().password_hash
        actions = list(session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == "clerk")).scalars())
    assert after != before and not needs_rehash(after) and verify_password("secret-pass", after)
    assert "user.password_rehashed" in actions
    desk.core.users.sign_in("clerk", "secret-pass")  # the new hash signs in too


@pytest.mark.parametrize(("password", "code"), [
    ("short", "password_too_short"), ("password1", "password_too_common"), ("aaaaaaaaaaa", "password_too_common"),
    ("my-zhangsan-pass", "password_contains_username"),
])
def test_password_policy_refuses_weak_passwords(password: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        check_policy(password, "zhangsan")
    assert refused.value.code == code
    check_policy("Taiyuan-Street-68", "zhangsan")


def test_a_hash_naming_an_absurd_cost_is_refused_not_computed() -> None:
    assert not verify_password("x", "$scrypt$n=1073741824,r=8,p=1$AAAA$AAAA")
