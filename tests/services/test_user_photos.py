"""A photo per user for the citizen-facing evaluator: a fitting JPEG or PNG ID photo is stored (and
replaced), audited; anything else is refused with what is wrong and nothing stored."""

from __future__ import annotations

import io

import pytest
from desk_fixtures import Desk
from PIL import Image
from sqlalchemy import select

from desk.domain.errors import InvalidInput, NotFound
from desk.domain.staff_photos import MAX_PHOTO_BYTES
from desk.store.models import AuditEntry


def image_bytes(width: int = 264, height: int = 336, kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(out, kind)
    return out.getvalue()


def test_a_photo_is_stored_replaced_and_audited(desk: Desk) -> None:
    photos = desk.core.user_photos
    assert photos.photo(desk.clerk.user_id) is None
    stored = photos.set_photo("clerk", image_bytes(), file_name="zhangli.png")
    assert (stored.user_id, stored.content_type, stored.width, stored.height) == (
        desk.clerk.user_id, "image/png", 264, 336)
    jpeg = image_bytes(300, 400, "JPEG")
    photos.set_photo("clerk", jpeg, file_name="zhangli.jpg", by="admin-cli")
    again = photos.photo(desk.clerk.user_id)
    assert again is not None and again.data == jpeg and again.content_type == "image/jpeg"
    assert photos.photo(desk.clerk2.user_id) is None
    with desk.core.store.read() as session:
        entries = session.execute(select(AuditEntry.actor, AuditEntry.entity_id, AuditEntry.details)
                                  .where(AuditEntry.action == "user.photo_set")).all()
    assert [(e.actor, e.entity_id, e.details["type"]) for e in entries] == [
        ("admin", "clerk", "image/png"), ("admin-cli", "clerk", "image/jpeg")]


@pytest.mark.parametrize(("data", "said"), [
    (b"", "是空的"),
    (b"GIF89a" + b"\0" * 200, "不是 JPEG 或 PNG"),
    (b"%PDF-1.4 a pdf is not a photo", "不是 JPEG 或 PNG"),
    (image_bytes()[:300], "已损坏"),
    (image_bytes(60, 80), "每边应在"),
    (image_bytes(400, 300), "竖幅"),
    (b"\xff\xd8\xff" + b"\0" * (MAX_PHOTO_BYTES + 1), "太大"),
], ids=["empty", "gif", "pdf", "truncated", "tiny", "landscape", "too-large"])
def test_a_file_that_is_not_a_fitting_photo_is_refused(desk: Desk, data: bytes, said: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        desk.core.user_photos.set_photo("clerk", data, file_name="photo.png")
    assert said in refused.value.message_zh and "photo.png" in refused.value.message_zh + refused.value.message_en
    assert desk.core.user_photos.photo(desk.clerk.user_id) is None


def test_an_unknown_user_gets_no_photo(desk: Desk) -> None:
    with pytest.raises(NotFound):
        desk.core.user_photos.set_photo("nobody", image_bytes())
