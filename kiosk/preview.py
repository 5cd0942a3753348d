"""A printed document's first page as a picture, for the kiosk to show before it prints (the 户籍证明's
preview). Rendered by poppler's `pdftoppm` (Debian package poppler-utils, also used for thermal
printing) in a child process with a time limit — QtPdf is not part of PySide6-Essentials.

No Qt here: `preview_of` runs on a worker thread (through the kiosk's TaskRunner); the GUI thread only
turns the PNG bytes into a pixmap. A preview that cannot be made (no pdftoppm, a hung or failed
render) is no reason to refuse the paper: the result then carries no picture and the screen says so.
"""

from __future__ import annotations

import io
import logging
import shutil
import subprocess
from dataclasses import dataclass

from PIL import Image, ImageOps

from desk.services.documents import IssuedPaper

log = logging.getLogger(__name__)

RENDER_SECONDS = 15.0  # well inside the busy screen's own limit (90 s)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The page's white margins are cut off (keeping a little), so the words get the screen's room.
OVERSAMPLE = 1.5
MARGIN_KEPT = 0.03


@dataclass(frozen=True)
class Preview:
    paper: IssuedPaper
    png: bytes | None  # the first page, `height` pixels high; None: no preview could be made


def render_first_page(pdf: bytes, height: int, *, timeout: float = RENDER_SECONDS,
                      program: str = "pdftoppm") -> bytes | None:
    """The PDF's first page as PNG bytes, `height` pixels high; None when it cannot be rendered in time."""
    if shutil.which(program) is None:
        log.warning("no %s: the certificate is printed without a preview", program)
        return None
    args = [program, "-png", "-f", "1", "-l", "1", "-scale-to-x", "-1", "-scale-to-y", str(max(16, height)), "-"]
    try:
        done = subprocess.run(args, input=pdf, capture_output=True, check=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        log.error("preview: %s gave no page within %.0f s", program, timeout)
        return None
    except (subprocess.CalledProcessError, OSError) as exc:
        log.error("preview: %s failed (%s)", program, type(exc).__name__)  # never the document's text
        return None
    return done.stdout if done.stdout.startswith(PNG_SIGNATURE) else None


def trim_margins(png: bytes) -> bytes:
    """The page without its blank margins (a thin white edge kept): what is printed, as large as it goes."""
    page = Image.open(io.BytesIO(png))
    ink = ImageOps.invert(page.convert("L")).point(lambda v: 255 if v > 24 else 0).getbbox()
    if ink is None:  # an empty page: shown as it is
        return png
    edge = round(MARGIN_KEPT * page.width)
    left, top, right, bottom = ink
    box = (max(0, left - edge), max(0, top - edge), min(page.width, right + edge), min(page.height, bottom + edge))
    out = io.BytesIO()
    page.crop(box).save(out, "PNG")
    return out.getvalue()


def preview_of(paper: IssuedPaper, height: int, *, timeout: float = RENDER_SECONDS) -> Preview:
    png = render_first_page(paper.pdf, round(height * OVERSAMPLE), timeout=timeout)
    return Preview(paper, trim_margins(png) if png is not None else None)
