"""Station users: create them, sign them in (with lock-out after repeated wrong passwords)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from desk.domain.badges import checked_badge, shown_badge
from desk.domain.clock import Clock, local_datetime
from desk.domain.errors import DeskError, InvalidInput, PermissionDenied
from desk.domain.workflow import Actor, Role
from desk.services import audit
from desk.services.passwords import check_policy, hash_password, needs_rehash, verify_password
from desk.store.database import DiskFull, Store
from desk.store.models import Station, User
from desk.store.repositories.stations import StationRepository
from desk.store.repositories.users import UserRepository

log = logging.getLogger(__name__)

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)


class SignInFailed(DeskError):
    code = "sign_in_failed"


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    username: str
    display_name: str
    station_code: str
    badge: str = ""  # 工号 as printed: the user's 警号, else the row id (empty from a server that does not say)
    # The disk was full: the sign-in could not be audited (it went to the log). Every change and every
    # look at a citizen's record is still audited, so each of them fails with the disk-full message.
    audit_missing: bool = False


# What `desk station add` may set beside the code and the name (the papers print them).
STATION_FIELDS = ("branch_name", "address", "phone", "reconsideration_body", "court", "name_en")


@dataclass
class UserService:
    store: Store
    clock: Clock

    def ensure_station(self, code: str, name_zh: str, branch_name: str = "", address: str = "",
                       phone: str = "", reconsideration_body: str = "", court: str = "", *,
                       name_en: str = "") -> None:
        """Register the station once (`save_station` changes an existing one); `name_en`, optional, is the
        English name the kiosk's English header shows."""
        with self.store.write() as session:
            stations = StationRepository(session)
            if stations.get(code) is None:
                stations.add(Station(code=code, name_zh=name_zh, branch_name=branch_name, address=address,
                                    phone=phone, reconsideration_body=reconsideration_body, court=court,
                                    name_en=name_en.strip()))

    def save_station(self, code: str, name_zh: str, *, by: str = "admin", **fields: str | None) -> bool:
        """`desk station add`: a new station, or an existing one's fields changed — only those given (not
        None) among branch_name, address, phone, reconsideration_body, court and name_en (the English name
        the kiosk's English header shows); audited. True when new."""
        unknown = set(fields) - set(STATION_FIELDS)
        if unknown:
            raise ValueError(f"not a station field: {sorted(unknown)}")
        given = {name: value.strip() for name, value in fields.items() if value is not None}
        with self.store.write() as session:
            stations = StationRepository(session)
            station = stations.get(code)
            created = station is None
            if station is None:
                stations.add(Station(code=code, name_zh=name_zh.strip(),
                                     **{name: given.get(name, "") for name in STATION_FIELDS}))
                changed = ["name_zh", *given]
            else:
                wanted = {"name_zh": name_zh.strip(), **given}
                changed = [name for name, value in wanted.items() if getattr(station, name) != value]
                for name in changed:
                    setattr(station, name, wanted[name])
            audit.append(session, at=self.clock.now(), actor=by,
                         action="station.created" if created else "station.updated",
                         entity_type="station", entity_id=code, details={"changed": changed})
            return created

    def create_user(self, username: str, display_name: str, role: Role, station_code: str,
                    password: str, *, badge_number: str = "", kiosk_only: bool = False) -> int:
        """A new user; `badge_number` (警号, optional) is what papers and reports print as 工号; a
        `kiosk_only` account (a kiosk's or a hall screen's) opens kiosk sessions only, never a desk."""
        check_policy(password, username)
        badge = checked_badge(badge_number)
        with self.store.write() as session:
            users = UserRepository(session)
            if users.by_username(username):
                raise InvalidInput.say("user.taken", username=username)
            if StationRepository(session).get(station_code) is None:
                raise InvalidInput.say("station.not_found", station=station_code)
            user = User(username=username, display_name=display_name, role=role.value,
                        station_code=station_code, password_hash=hash_password(password), badge_number=badge,
                        kiosk_only=kiosk_only)
            users.add(user)
            audit.append(session, at=self.clock.now(), actor="admin", action="user.created",
                         entity_type="user", entity_id=username,
                         details={"role": role.value, "badge": badge, "kiosk_only": kiosk_only})
            return user.id

    def sign_in(self, username: str, password: str) -> SignedIn:
        """Check the password, count failures, audit the sign-in.

        On a full disk the right password still signs in (logged, not audited), so that someone can
        sign in to see the problem and act on it; nothing else is let through unaudited, because
        every change and every view of a citizen writes its audit entry or fails as a whole."""
        try:
            return self._sign_in(username, password)
        except DiskFull:
            with self.store.read() as session:
                user = UserRepository(session).by_username(username)
                now = self.clock.now()
                if (user is None or not user.active or (user.locked_until is not None and user.locked_until > now)
                        or not verify_password(password, user.password_hash)):
                    raise
                log.warning("disk full: user %s signed in without an audit entry", username)
                return SignedIn(Actor(user.id, Role(user.role), user.display_name), user.username,
                                user.display_name, user.station_code, shown_badge(user.badge_number, user.id),
                                audit_missing=True)

    def _sign_in(self, username: str, password: str) -> SignedIn:
        now = self.clock.now()
        # A wrong password must still be counted: the failure is committed, then raised.
        failure: SignInFailed | None = None
        with self.store.write() as session:
            user = UserRepository(session).by_username(username)
            if user is None or not user.active:
                raise SignInFailed.say("sign_in.wrong")
            if user.locked_until is not None and user.locked_until > now:
                until = local_datetime(user.locked_until).strftime("%H:%M")
                raise SignInFailed.say("sign_in.locked", code="account_locked", until=until)
            right = verify_password(password, user.password_hash)  # slow by design: checked once
            if right and user.kiosk_only:
                raise SignInFailed.say("session.kiosk_account", code="kiosk_account", username=user.username)
            if right:
                user.failed_attempts = 0
                user.locked_until = None
                if needs_rehash(user.password_hash):
                    user.password_hash = hash_password(password)
                    audit.append(session, at=now, actor=username, action="user.password_rehashed",
                                 entity_type="user", entity_id=username, details={})
                audit.append(session, at=now, actor=username, action="user.signed_in", entity_type="user",
                             entity_id=username, details={})
                return SignedIn(Actor(user.id, Role(user.role), user.display_name), user.username,
                                user.display_name, user.station_code, shown_badge(user.badge_number, user.id))
            user.failed_attempts += 1
            left = MAX_FAILED_ATTEMPTS - user.failed_attempts
            if left <= 0:
                user.locked_until = now + LOCK_DURATION
                user.failed_attempts = 0
            audit.append(session, at=now, actor=username, action="user.sign_in_failed",
                         entity_type="user", entity_id=username, details={"locked": left <= 0})
            failure = SignInFailed.say("sign_in.wrong_tries_left", left=left) if left > 0 else \
                SignInFailed.say("sign_in.wrong_now_locked")
        raise failure

    def users(self) -> list[tuple[str, str, Role, str, bool]]:
        """(username, display name, role, station, locked now) of every active user."""
        now = self.clock.now()
        with self.store.read() as session:
            rows = UserRepository(session).active()
            return [(u.username, u.display_name, Role(u.role), u.station_code,
                     u.locked_until is not None and u.locked_until > now) for u in rows]

    def actor_of(self, username: str) -> Actor:
        """An active user as the actor of a command run on the station's own machine (the CLI)."""
        with self.store.read() as session:
            user = UserRepository(session).active_by_username(username)
            if user is None:
                raise InvalidInput.say("user.not_found", username=username)
            return Actor(user_id=user.id, role=Role(user.role), display_name=user.display_name)

    def reset_password(self, username: str, password: str) -> None:
        """An administrator sets a new password; this also lifts a lock-out."""
        check_policy(password, username)
        with self.store.write() as session:
            user = UserRepository(session).by_username(username)
            if user is None:
                raise InvalidInput.say("user.not_found", username=username)
            user.password_hash = hash_password(password)
            user.failed_attempts, user.locked_until = 0, None
            audit.append(session, at=self.clock.now(), actor="admin", action="user.password_reset",
                         entity_type="user", entity_id=username, details={})

    def set_active(self, username: str, active: bool, *, by: str = "admin") -> None:
        """An administrator deactivates a user (who can then neither sign in nor act) or reactivates one."""
        with self.store.write() as session:
            user = UserRepository(session).by_username(username)
            if user is None:
                raise InvalidInput.say("user.not_found", username=username)
            user.active = active
            audit.append(session, at=self.clock.now(), actor=by,
                         action="user.activated" if active else "user.deactivated",
                         entity_type="user", entity_id=username, details={})

    def set_badge(self, username: str, badge_number: str, *, by: str = "admin") -> str:
        """Record (or, empty, clear) a user's 警号; audited. Returns the number as stored."""
        badge = checked_badge(badge_number)
        with self.store.write() as session:
            user = UserRepository(session).by_username(username)
            if user is None:
                raise InvalidInput.say("user.not_found", username=username)
            old, user.badge_number = user.badge_number, badge
            audit.append(session, at=self.clock.now(), actor=by, action="user.badge_set", entity_type="user",
                         entity_id=username, details={"badge": badge, "was": old})
            return badge

    def shown_badge(self, user_id: int) -> str:
        """工号 as printed for one user (the badge number, or the row id); empty for an unknown id."""
        with self.store.read() as session:
            user = UserRepository(session).get(user_id)
            return shown_badge(user.badge_number, user.id) if user is not None else ""

    def kiosk_accounts(self) -> set[str]:
        """The usernames of the active kiosk accounts (`desk user add --kiosk`)."""
        with self.store.read() as session:
            return {u.username for u in UserRepository(session).active() if u.kiosk_only}

    def badges(self) -> dict[str, str]:
        """工号 as printed, by username, for every active user (the badge number, or the row id)."""
        with self.store.read() as session:
            return {u.username: shown_badge(u.badge_number, u.id) for u in UserRepository(session).active()}

    def confirm_password(self, actor: Actor, password: str) -> None:
        """A leader's approval asks for the password again."""
        with self.store.read() as session:
            user = UserRepository(session).get(actor.user_id)
            if user is None or not verify_password(password, user.password_hash):
                raise PermissionDenied.say("user.wrong_password_decision")
