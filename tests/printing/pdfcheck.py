"""Reading documents back: text, fonts, page sizes, rendered pages and the QR codes on them."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pdfminer.high_level import extract_text
from PIL import Image
from pypdf import PdfReader
from pyzbar.pyzbar import decode

PT_PER_MM = 72 / 25.4


def pdf_text(pdf: bytes) -> str:
    return extract_text(io.BytesIO(pdf))


def page_sizes_mm(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width) / PT_PER_MM, float(p.mediabox.height) / PT_PER_MM) for p in reader.pages]


def fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont name → whether its descriptor embeds a TrueType program (/FontFile2)."""
    reader = PdfReader(io.BytesIO(pdf))
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        if not font_dict:
            continue
        for ref in font_dict.get_object().values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return found


def render_pngs(pdf: bytes, folder: Path, dpi: int = 150, first: int = 1, last: int = 1) -> list[Path]:
    """Rasterise pages with poppler's pdftoppm (what a viewer would show)."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(first), "-l", str(last), "-png", str(source),
                    str(folder / "page")], check=True, timeout=60)
    return sorted(folder.glob("page*.png"))


def qr_codes(png: Path) -> list[str]:
    with Image.open(png) as image:
        return [symbol.data.decode("utf-8") for symbol in decode(image.convert("L")) if symbol.type == "QRCODE"]
