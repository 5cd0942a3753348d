"""QR codes for documents: `qrcode` computes the modules, reportlab draws them as vectors.

Vector modules stay sharp at any printer resolution (a 203 dpi thermal head included), and a
4-module quiet zone is kept so phone cameras and the kiosk scanner find the code.

Also the text of the receipt's QR code (case number + lookup code), which the kiosk parses.
"""

from __future__ import annotations

import qrcode
import qrcode.constants
from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm

_LEVELS = {
    "L": qrcode.constants.ERROR_CORRECT_L,
    "M": qrcode.constants.ERROR_CORRECT_M,
    "Q": qrcode.constants.ERROR_CORRECT_Q,
    "H": qrcode.constants.ERROR_CORRECT_H,
}
QUIET_ZONE_MODULES = 4
RECEIPT_QR_PREFIX = "HJCX1"  # 户籍查询, version 1


def qr_matrix(text: str, error_correction: str = "M") -> list[list[bool]]:
    """The module matrix including the quiet zone (True = dark)."""
    code = qrcode.QRCode(error_correction=_LEVELS[error_correction], border=QUIET_ZONE_MODULES)
    code.add_data(text.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def qr_drawing(text: str, size_mm: float, error_correction: str = "M") -> Drawing:
    """A square reportlab Drawing (a platypus flowable) of the QR code, quiet zone included."""
    matrix = qr_matrix(text, error_correction)
    n = len(matrix)
    size = size_mm * mm
    module = size / n
    drawing = Drawing(size, size)
    for row_index, row in enumerate(matrix):
        y = size - (row_index + 1) * module
        col = 0
        while col < n:
            if not row[col]:
                col += 1
                continue
            start = col
            while col < n and row[col]:
                col += 1
            # One rectangle per horizontal run keeps the PDF small and fast to render.
            drawing.add(
                Rect(start * module, y, (col - start) * module, module,
                     fillColor=colors.black, strokeColor=None, strokeWidth=0)
            )
    return drawing


def receipt_qr_text(case_number: str, lookup_code: str) -> str:
    """What the receipt's QR code says: `HJCX1:<case number>:<lookup code>`."""
    if ":" in case_number or ":" in lookup_code:
        raise ValueError("case number and lookup code must not contain ':'")
    return f"{RECEIPT_QR_PREFIX}:{case_number}:{lookup_code}"


def parse_receipt_qr_text(text: str) -> tuple[str, str] | None:
    """(case number, lookup code) from a scanned receipt code, or None if it is not one."""
    parts = text.strip().split(":")
    if len(parts) != 3 or parts[0] != RECEIPT_QR_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]
