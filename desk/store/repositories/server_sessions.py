"""The city server's sessions and its sign-in throttles (per user name and device)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from desk.store.models import ServerSession, SignInThrottle


@dataclass(frozen=True)
class ServerSessionRepository:
    session: Session

    def by_token_hash(self, token_hash: str) -> ServerSession | None:
        return self.session.get(ServerSession, token_hash)

    def open_of_user(self, user_id: int) -> list[ServerSession]:
        """The user's sessions not revoked (expired ones included)."""
        return list(self.session.execute(select(ServerSession).where(
            ServerSession.user_id == user_id, ServerSession.revoked_at.is_(None))).scalars().all())

    def touch(self, token_hash: str, now: datetime) -> None:
        """Restart a session's idle clock, in one UPDATE (no ORM flush of the row)."""
        self.session.execute(update(ServerSession).where(ServerSession.token_hash == token_hash)
                             .values(last_seen=now))

    def add(self, row: ServerSession) -> None:
        self.session.add(row)

    def throttle_locked(self, username: str, device_id: str) -> SignInThrottle | None:
        """The throttle of (user name, device), locked for this transaction (two wrong passwords at
        once both count)."""
        return self.session.get(SignInThrottle, (username, device_id), with_for_update=True)

    def add_throttle(self, throttle: SignInThrottle) -> None:
        self.session.add(throttle)
