"""网上办 in plain terms: an online application's states, its number and QR payload, and what an
uploaded file really is (by its first bytes, never by its name).

No Qt, no SQLAlchemy: the services (desk/services/online.py), the web page and the desk ask these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from desk.domain.messages import Said

# The QR code on the citizen's page and printout: `HJWS1:<application number>` (a desk scanner reads it).
ONLINE_QR_PREFIX = "HJWS1:"
APPLICATION_NUMBER = re.compile(r"^WS-[A-Z0-9]{2,12}-\d{8}-\d{4,6}$")


class OnlineState(StrEnum):
    SUBMITTED = "submitted"  # sent by the citizen (again, after a supplement)
    UNDER_REVIEW = "under_review"  # a clerk opened it (网上预审)
    SUPPLEMENT_ASKED = "supplement_asked"  # 一次性告知 sent back online and by SMS
    VISIT_BOOKED = "visit_booked"  # the citizen comes once, on the booked day, with the originals
    DECIDED_ONLINE = "decided_online"  # 全程网办: decided without a visit
    CONVERTED = "converted"  # opened as a case at the counter

    @property
    def label_zh(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def open_for_review(self) -> bool:
        return self in (OnlineState.SUBMITTED, OnlineState.UNDER_REVIEW)


_LABELS = {
    OnlineState.SUBMITTED: ("已提交，等待预审", "Submitted, waiting for pre-review"),
    OnlineState.UNDER_REVIEW: ("预审中", "Under pre-review"),
    OnlineState.SUPPLEMENT_ASKED: ("需补充材料", "Materials to add"),
    OnlineState.VISIT_BOOKED: ("已预约到所", "Visit booked"),
    OnlineState.DECIDED_ONLINE: ("已网上办结", "Decided online"),
    OnlineState.CONVERTED: ("已到所受理", "Taken in at the station"),
}

# What each state may become (the services refuse anything else).
NEXT_STATES: dict[OnlineState, frozenset[OnlineState]] = {
    OnlineState.SUBMITTED: frozenset({OnlineState.UNDER_REVIEW, OnlineState.CONVERTED}),
    OnlineState.UNDER_REVIEW: frozenset({OnlineState.SUPPLEMENT_ASKED, OnlineState.VISIT_BOOKED,
                                         OnlineState.DECIDED_ONLINE, OnlineState.CONVERTED}),
    OnlineState.SUPPLEMENT_ASKED: frozenset({OnlineState.SUBMITTED, OnlineState.CONVERTED}),
    OnlineState.VISIT_BOOKED: frozenset({OnlineState.CONVERTED}),
    OnlineState.DECIDED_ONLINE: frozenset(),
    OnlineState.CONVERTED: frozenset(),
}


def application_number(station_code: str, day_text: str, sequence: int) -> str:
    """`WS-<station>-<yyyymmdd>-<sequence>`: four parts, so never taken for a case number."""
    return f"WS-{station_code}-{day_text}-{sequence:04d}"


def qr_payload(number: str) -> str:
    return f"{ONLINE_QR_PREFIX}{number}"


def number_from_scan(text: str) -> str | None:
    """The application number in a scanned QR payload (or a typed number), or None."""
    text = text.strip().upper()
    if text.startswith(ONLINE_QR_PREFIX):
        text = text[len(ONLINE_QR_PREFIX):]
    return text if APPLICATION_NUMBER.match(text) else None


@dataclass(frozen=True)
class FileKind:
    name: str
    content_type: str
    extension: str


PDF = FileKind("PDF", "application/pdf", ".pdf")
JPEG = FileKind("JPEG", "image/jpeg", ".jpg")
PNG = FileKind("PNG", "image/png", ".png")
ACCEPTED_KINDS = (PDF, JPEG, PNG)


def sniff_file(data: bytes) -> FileKind | None:
    """What the bytes are, by their signature: a PDF, a JPEG or a PNG, or None for anything else
    (an executable renamed to .pdf stays an executable)."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def upload_problem(file_name: str, data: bytes, max_bytes: int) -> Said | None:
    """Why an uploaded file is refused (a message key with its parameters), or None when it is accepted."""
    shown = file_name or "?"
    if not data:
        return Said("online.file_empty", {"name": shown})
    if len(data) > max_bytes:
        return Said("online.file_too_large", {"name": shown, "size": _size(len(data)), "most": _size(max_bytes)})
    if sniff_file(data) is None:
        return Said("online.file_not_accepted", {"name": shown})
    return None


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{max(1, round(count / 1024))} KB"
