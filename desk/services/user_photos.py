"""A photo per user for the citizen-facing evaluator: stored by an administrator (`desk user photo NAME
FILE`, checked for type, size and shape, audited) and read when the evaluator names the clerk."""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from desk.domain.clock import Clock
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.staff_photos import PhotoFacts, photo_kind, photo_problem
from desk.services import audit
from desk.store.database import Store
from desk.store.models import UserPhoto
from desk.store.repositories import user_photos


@dataclass(frozen=True)
class StaffPhoto:
    user_id: int
    content_type: str
    width: int
    height: int
    data: bytes


@dataclass
class UserPhotoService:
    store: Store
    clock: Clock

    def set_photo(self, username: str, data: bytes, *, file_name: str = "", by: str = "admin") -> StaffPhoto:
        """Store (or replace) the user's photo; a file that is not a fitting JPEG or PNG photo is refused
        with what is wrong, and nothing is stored."""
        # Messages name the file (an administrator's command, like the data-file reports), hence zh + en.
        facts = _facts(data)
        problem = photo_problem(file_name, data, facts)
        if problem is not None:
            raise InvalidInput(*problem)
        kind = photo_kind(data)
        assert kind is not None and facts is not None  # photo_problem accepted it
        with self.store.write() as session:
            user = user_photos.active_user(session, username)
            if user is None:
                raise NotFound.say("user.no_active_user", username=username)
            now = self.clock.now()
            user_photos.put(session, UserPhoto(user_id=user.id, content_type=kind.content_type, width=facts.width,
                                               height=facts.height, data=data, updated_at=now))
            audit.append(session, at=now, actor=by, action="user.photo_set", entity_type="user", entity_id=username,
                         details={"bytes": len(data), "type": kind.content_type,
                                  "size": f"{facts.width}x{facts.height}"})
            return StaffPhoto(user.id, kind.content_type, facts.width, facts.height, data)

    def photo(self, user_id: int) -> StaffPhoto | None:
        """The user's photo, or None when none was stored."""
        with self.store.read() as session:
            row = user_photos.photo_of(session, user_id)
            if row is None:
                return None
            return StaffPhoto(row.user_id, row.content_type, row.width, row.height, row.data)


def _facts(data: bytes) -> PhotoFacts | None:
    """The image's size by its own header, fully decoded once (a truncated file is not a photo)."""
    if photo_kind(data) is None:
        return None
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return PhotoFacts(image.width, image.height)
    except (UnidentifiedImageError, OSError, ValueError):
        return None
