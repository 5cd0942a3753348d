"""What a scanned code is: a receipt's progress code, a bare lookup code, a household certificate's
signed payload, or something the kiosk does not know. Pure parsing; no store, no Qt.

A case is shown only to whoever holds its lookup code (on the receipt, in its QR code): a case
number alone is sequential and guessable, so it never opens a case at the kiosk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desk.domain.online import ONLINE_QR_PREFIX
from printing.qr import parse_receipt_qr_text
from printing.signing import PAYLOAD_PREFIXES, payload_in

# Lookup codes: 8 characters without 0/O, 1/I/L (desk.services.numbering).
_LOOKUP = re.compile(r"^[2-9A-HJKMNP-Z]{8}$")
_ONLINE_NUMBER = re.compile(r"^WS-[A-Z0-9]{1,16}-\d{8}-\d{4,}$")  # WS-HP01-20261204-0001
MAX_SCAN_LENGTH = 2000  # a certificate payload is ~300 characters; anything far longer is noise


@dataclass(frozen=True)
class ProgressCode:
    """A receipt QR code (case number + lookup code) or a typed lookup code (case number unknown)."""

    lookup_code: str
    case_number: str | None = None


@dataclass(frozen=True)
class CertificateCode:
    payload: str


@dataclass(frozen=True)
class OnlineCode:
    """A 网上办 application's QR code (`HJWS1:<application number>`). Its number is sequential, so the
    kiosk shows the application only to the citizen whose card is on the reader."""

    number: str


@dataclass(frozen=True)
class UnknownCode:
    length: int  # the text itself is not kept: it may be anything, including personal data


ScannedCode = ProgressCode | CertificateCode | OnlineCode | UnknownCode


def classify(text: str) -> ScannedCode:
    text = text.strip()
    if not text or len(text) > MAX_SCAN_LENGTH:
        return UnknownCode(len(text))
    if text.upper().startswith(ONLINE_QR_PREFIX):
        number = text[len(ONLINE_QR_PREFIX):].strip().upper()
        return OnlineCode(number) if _ONLINE_NUMBER.match(number) else UnknownCode(len(text))
    receipt = parse_receipt_qr_text(text)
    if receipt is not None:
        number, lookup = receipt
        lookup = lookup.upper()
        return ProgressCode(lookup, number) if _LOOKUP.match(lookup) else UnknownCode(len(text))
    payload = payload_in(text)  # a bare payload, or the city's verification address carrying one
    if payload.startswith(tuple(f"{prefix}." for prefix in PAYLOAD_PREFIXES)):
        return CertificateCode(payload)
    if _LOOKUP.match(text.upper()):
        return ProgressCode(text.upper())
    return UnknownCode(len(text))
