"""Server sessions (city mode): password sign-in that issues an opaque token bound to one user and one
device, idle expiry, revocation, and lock-out throttled per user name AND device.

- The token is 256 random bits; only its SHA-256 is stored, so reading the database gives no session.
- An unknown user name, a deactivated user and a wrong password get the same answer after the same
  work (a password hash is always computed), so the answer says nothing about who exists.
- Wrong passwords lock the (user name, device) pair, not the account: a passer-by at one kiosk cannot
  lock the administrator out city-wide.
- A hash made with an older KDF cost is replaced on the next successful sign-in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from desk.domain.badges import shown_badge
from desk.domain.clock import Clock, local_datetime
from desk.domain.errors import DeskError, InvalidInput
from desk.domain.workflow import Role
from desk.services import audit
from desk.services.passwords import hash_password, needs_rehash, verify_password
from desk.store.database import Store
from desk.store.models import ServerSession, SignInThrottle, User
from desk.store.repositories.server_sessions import ServerSessionRepository
from desk.store.repositories.users import UserRepository

SESSION_KINDS = ("desk", "kiosk")
MAX_FAILURES = 5
LOCK_DURATION = timedelta(minutes=15)
DEFAULT_IDLE = timedelta(minutes=15)


class SignInRefused(DeskError):
    code = "sign_in_failed"


class SessionRefused(DeskError):
    """The call carries no valid session (none, unknown, expired, revoked, another device)."""

    code = "unauthenticated"


@dataclass(frozen=True)
class SessionIssued:
    token: str
    user_id: int
    username: str
    display_name: str
    role: Role
    station_code: str
    device_id: str
    kind: str
    idle_seconds: int
    badge: str = ""  # 工号 as printed: the user's 警号, else the row id (desk.domain.badges.shown_badge)


@dataclass(frozen=True)
class SessionUser:
    """Who a valid session belongs to, as the database says now (reloaded on every call)."""

    user_id: int
    username: str
    display_name: str
    role: Role
    station_code: str
    active: bool
    device_id: str
    kind: str
    idle_expires_at: datetime


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass
class SessionService:
    store: Store
    clock: Clock
    idle: timedelta = DEFAULT_IDLE

    def __post_init__(self) -> None:
        # Verified against when the user is unknown, so that answer costs what a real check costs.
        self._decoy_hash = hash_password(secrets.token_urlsafe(16))

    def sign_in(self, username: str, password: str, device_id: str, kind: str = "desk") -> SessionIssued:
        device_id, kind = _clean_device(device_id), kind.strip()
        if kind not in SESSION_KINDS:
            raise InvalidInput.say("session.unknown_kind", kind=kind)
        username = username.strip()[:40]
        now = self.clock.now()
        failure: SignInRefused | None = None
        with self.store.write() as session:
            throttle = ServerSessionRepository(session).throttle_locked(username, device_id)
            if throttle is not None and throttle.locked_until is not None and throttle.locked_until > now:
                until = local_datetime(throttle.locked_until).strftime("%H:%M")
                audit.append(session, at=now, actor=username or "-", action="session.sign_in_locked",
                             entity_type="device", entity_id=device_id, details={})
                failure = SignInRefused.say("session.device_locked", code="account_locked", until=until)
            else:
                user = UserRepository(session).by_username(username)
                ok = verify_password(password, user.password_hash if user is not None else self._decoy_hash)
                if user is not None and user.active and ok and user.kiosk_only and kind != "kiosk":
                    # The password of a kiosk's account lies in a file on a public machine: it opens no desk.
                    audit.append(session, at=now, actor=user.username, action="session.kiosk_account_refused",
                                 entity_type="device", entity_id=device_id, details={"kind": kind})
                    failure = SignInRefused.say("session.kiosk_account", code="kiosk_account",
                                                username=user.username)
                elif user is not None and user.active and ok:
                    return self._issue(session, user, password, device_id, kind, throttle, now)
                else:
                    failure = self._count_failure(session, throttle, username, device_id, now)
        raise failure

    def check(self, token: str, device_id: str) -> SessionUser:
        """The session behind a token, touched (its idle clock restarts); raise SessionRefused if none."""
        now = self.clock.now()
        with self.store.write() as session:
            sessions = ServerSessionRepository(session)
            row = sessions.by_token_hash(token_digest(token))
            problem = self._problem(row, device_id, now)
            if problem is not None:
                raise problem
            assert row is not None
            user = UserRepository(session).get(row.user_id)
            assert user is not None
            sessions.touch(row.token_hash, now)
            return SessionUser(user.id, user.username, user.display_name, Role(user.role), user.station_code,
                               user.active, row.device_id, row.kind, now + self.idle)

    def revoke(self, token: str, reason: str = "signed_out") -> None:
        with self.store.write() as session:
            row = ServerSessionRepository(session).by_token_hash(token_digest(token))
            if row is None or row.revoked_at is not None:
                return
            self._revoke(session, row, reason)

    def revoke_user(self, username: str, reason: str = "revoked", *, by: str = "admin") -> int:
        """End every session of a user (deactivation, a lost device); returns how many."""
        with self.store.write() as session:
            user = UserRepository(session).by_username(username)
            if user is None:
                raise InvalidInput.say("user.not_found", username=username)
            rows = ServerSessionRepository(session).open_of_user(user.id)
            for row in rows:
                self._revoke(session, row, reason, by=by)
            return len(rows)

    # ---- helpers -------------------------------------------------------------------------------

    def _issue(self, session: Session, user: User, password: str, device_id: str, kind: str,
               throttle: SignInThrottle | None, now: datetime) -> SessionIssued:
        if throttle is not None:
            throttle.failures, throttle.locked_until = 0, None
        if needs_rehash(user.password_hash):
            user.password_hash = hash_password(password)
            audit.append(session, at=now, actor=user.username, action="user.password_rehashed",
                         entity_type="user", entity_id=user.username, details={})
        token = secrets.token_urlsafe(32)
        ServerSessionRepository(session).add(ServerSession(
            token_hash=token_digest(token), user_id=user.id, device_id=device_id, kind=kind, created_at=now,
            last_seen=now))
        audit.append(session, at=now, actor=user.username, action="session.signed_in", entity_type="device",
                     entity_id=device_id, details={"kind": kind})
        return SessionIssued(token, user.id, user.username, user.display_name, Role(user.role), user.station_code,
                             device_id, kind, int(self.idle.total_seconds()),
                             shown_badge(user.badge_number, user.id))

    def _count_failure(self, session: Session, throttle: SignInThrottle | None, username: str, device_id: str,
                       now: datetime) -> SignInRefused:
        if throttle is None:
            throttle = SignInThrottle(username=username, device_id=device_id, failures=0)
            ServerSessionRepository(session).add_throttle(throttle)
        throttle.failures += 1
        left = MAX_FAILURES - throttle.failures
        if left <= 0:
            throttle.failures, throttle.locked_until = 0, now + LOCK_DURATION
        audit.append(session, at=now, actor=username or "-", action="session.sign_in_failed", entity_type="device",
                     entity_id=device_id, details={"locked": left <= 0})
        if left > 0:
            return SignInRefused.say("session.wrong_tries_left", left=left)
        return SignInRefused.say("session.wrong_now_locked")

    def _problem(self, row: ServerSession | None, device_id: str, now: datetime) -> SessionRefused | None:
        if row is None:
            return SessionRefused.say("session.unauthenticated", code="unauthenticated")
        if row.revoked_at is not None:
            return SessionRefused.say("session.revoked", code="session_revoked")
        if row.device_id != device_id:
            return SessionRefused.say("session.wrong_device", code="session_wrong_device")
        if row.last_seen + self.idle <= now:
            return SessionRefused.say("session.expired", code="session_expired")
        return None

    def _revoke(self, session: Session, row: ServerSession, reason: str, *, by: str | None = None) -> None:
        now = self.clock.now()
        row.revoked_at, row.revoked_reason = now, reason[:40]
        user = UserRepository(session).get(row.user_id)
        name = user.username if user is not None else f"user#{row.user_id}"
        audit.append(session, at=now, actor=by or name, action="session.revoked", entity_type="device",
                     entity_id=row.device_id, details={"user": name, "reason": reason})


def _clean_device(device_id: str) -> str:
    device_id = device_id.strip()
    if not device_id or len(device_id) > 64:
        raise InvalidInput.say("session.bad_device_id", code="bad_device_id")
    return device_id
