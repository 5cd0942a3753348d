"""Users' photos (the evaluator's clerk photo): found by user, stored or replaced, and the user a
photo is for looked up by user name."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import User, UserPhoto


def active_user(session: Session, username: str) -> User | None:
    return session.execute(select(User).where(User.username == username, User.active.is_(True))).scalar_one_or_none()


def photo_of(session: Session, user_id: int) -> UserPhoto | None:
    return session.get(UserPhoto, user_id)


def put(session: Session, photo: UserPhoto) -> UserPhoto:
    """Store `photo` as its user's one photo (replacing the one there)."""
    return session.merge(photo)
