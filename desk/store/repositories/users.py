"""The station's users: found by name or id, listed, added."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import User

_USERS_READ = "users_read"


@dataclass(frozen=True)
class UserRepository:
    session: Session

    def get(self, user_id: int) -> User | None:
        user = self.session.get(User, user_id)
        if user is not None:  # held for the transaction: `display_names` finds it (the identity map is weak)
            self.session.info.setdefault(_USERS_READ, {})[user_id] = user
        return user

    def by_username(self, username: str) -> User | None:
        """The user of that name, active or not."""
        return self.session.execute(select(User).where(User.username == username)).scalar_one_or_none()

    def active_by_username(self, username: str) -> User | None:
        return self.session.execute(
            select(User).where(User.username == username, User.active.is_(True))).scalar_one_or_none()

    def active(self) -> list[User]:
        """Every active user, by user name."""
        return list(self.session.execute(
            select(User).where(User.active.is_(True)).order_by(User.username)).scalars())

    def display_names(self, user_ids: Iterable[int] | None = None) -> dict[int, str]:
        """Display names by user id: of the users given, or of every user when `user_ids` is None. A user
        this transaction has read by id already (the actor, whom the audit entry names) is not read again."""
        query = select(User.id, User.display_name)
        if user_ids is None:
            return {uid: name for uid, name in self.session.execute(query)}
        names: dict[int, str] = {}
        read: dict[int, User] = self.session.info.get(_USERS_READ, {})
        for user_id in set(user_ids):
            known = read.get(user_id)
            if known is not None and "display_name" in known.__dict__:  # not expired by a commit
                names[user_id] = known.display_name
        unknown = sorted(set(user_ids) - names.keys())
        if unknown:
            names.update((uid, name) for uid, name in self.session.execute(query.where(User.id.in_(unknown))))
        return names

    def badges(self) -> dict[int, str]:
        """Recorded badge numbers (警号) by user id; users without one are left out."""
        query = select(User.id, User.badge_number).where(User.badge_number != "")
        return {uid: badge for uid, badge in self.session.execute(query)}

    def add(self, user: User) -> User:
        """Add a new user and flush, so that its id is known."""
        self.session.add(user)
        self.session.flush()
        return user
