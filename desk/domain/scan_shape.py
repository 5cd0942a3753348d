"""What a scanned code looks like, so that fast typing is never taken for a scan.

A keyboard-wedge scanner "types" its code and presses Enter; a clerk typing quickly (or keys
queued during a stall of the GUI) can look just as fast. Only text shaped like something the desk
prints and reads back is a scan: a receipt's QR code (`HJCX1:<case number>:<lookup code>`), a
certificate payload (`HJZM1.` / `HJZM2.`, bare or inside the verification address), an online
application's QR code (`HJWS1:<application number>`) or a case
number (`<station>-<yyyymmdd>-<sequence>`). Anything else goes to the focused field as typed.
"""

from __future__ import annotations

import re

RECEIPT_PREFIX = "HJCX1:"  # printing.qr.RECEIPT_QR_PREFIX
CERTIFICATE_PREFIXES = ("HJZM1.", "HJZM2.")  # printing.signing.PAYLOAD_PREFIXES
ONLINE_PREFIX = "HJWS1:"  # desk.domain.online.ONLINE_QR_PREFIX: a citizen's online application
CASE_NUMBER = re.compile(r"^[A-Z0-9]{2,12}-\d{4,8}-\d{3,6}$")


def looks_like_scan(text: str) -> bool:
    """True for text shaped like a code the desk prints: receipt QR, certificate payload, case number."""
    text = text.strip()
    if text.startswith(RECEIPT_PREFIX) and text.count(":") == 2:
        return True
    if text.upper().startswith(ONLINE_PREFIX):
        return True
    if any(prefix in text for prefix in CERTIFICATE_PREFIXES):
        return True
    return bool(CASE_NUMBER.match(text.upper()))
