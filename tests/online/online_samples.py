"""Files and form values the online tests upload and fill."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from PIL import Image

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store

PHONE = "13812345678"
# A tiny real PDF (header, one empty page, trailer) and real JPEG and PNG images.
PDF_BYTES = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
             b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
# An ELF executable's first bytes: renamed to .pdf it must still be refused.
ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + bytes(200)


def image_bytes(kind: str, size: tuple[int, int] = (120, 80)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=kind)
    return buffer.getvalue()


def shipped_core(store: Store, clock: FixedClock, max_kb: int = 64) -> Core:
    """A core on the test's store with the shipped catalog (household_certificate is `online = "full"`)."""
    return Core(store, shipped_catalog(), WorkingCalendar(), clock,
                Settings(station_code="HP01", online_upload_max_kb=max_kb))


# 户籍证明 for a close relative: the conditional fields shown, and a material (亲属关系证明) to upload.
RELATIVE_CERTIFICATE = {
    "for_self": False,
    "subject": {"name": "李建国", "id_number": "210102195301150038"},
    "relationship": "close_relative",
    "purpose": "employment",
    "copies": "1",
}
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
