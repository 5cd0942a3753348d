"""Shared layout for every document: papers, styles, Chinese dates, masking, page builders.

All text goes through `Writer.p` (the font runs of `printing.fonts`), so a rare character in a
name prints from a fallback font wherever it appears. A4 documents follow the proportions of
official documents (GB/T 9704 margins, a Hei title, Ming body text with a two-character
indent, a signature block with 「（公章）」 and the date at the lower right); roll documents are
one page as tall as their content.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib import textsplit as _textsplit
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus import paragraph as _paragraph
from reportlab.platypus.doctemplate import LayoutError

from printing.fonts import FontSet, default_fonts
from printing.models import AppealRights

CREATOR = "Station Desk 派出所户籍综合窗口"

# reportlab's CJK line breaking knows Japanese punctuation but lets the full-width comma,
# semicolon, colon, question and exclamation marks and closing book-title marks start a line,
# which Chinese typesetting (GB/T 15834) forbids. Adding them only changes where lines break.
_CHINESE_CANNOT_START = "\uff0c\uff1b\uff1a\uff1f\uff01\u300b\u3009\u201d\u2019\uff0e"
for _module in (_textsplit, _paragraph):  # each keeps its own copy of the list
    if not all(ch in _module.ALL_CANNOT_START for ch in _CHINESE_CANNOT_START):
        _module.ALL_CANNOT_START += _CHINESE_CANNOT_START


class Paper(StrEnum):
    ROLL_58 = "58mm"
    ROLL_80 = "80mm"
    A4 = "a4"

    @property
    def is_roll(self) -> bool:
        return self is not Paper.A4

    @property
    def width_mm(self) -> float:
        return {"58mm": 58.0, "80mm": 80.0, "a4": 210.0}[self.value]

    @property
    def printable_width_mm(self) -> float:
        """What the head prints: 48 mm (384 dots) on 58 mm rolls, 72 mm (576 dots) on 80 mm."""
        return {"58mm": 48.0, "80mm": 72.0, "a4": 156.0}[self.value]


def zh_date(day: date) -> str:
    """2026年11月25日 — the date format of official documents."""
    return f"{day.year}年{day.month}月{day.day}日"


def zh_datetime(moment: datetime) -> str:
    return f"{zh_date(moment.date())} {moment:%H:%M}"


def mask_id_number(id_number: str) -> str:
    """Keep the first and last four characters: `2101**********123X`."""
    text = id_number.strip()
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def working_days_zh(days: int) -> str:
    return "当场办结" if days <= 0 else f"{days}个工作日"


def appeal_rights_text(rights: AppealRights, document_word: str) -> str:
    """The rights paragraph with the statutory periods (行政复议法 art. 20, 行政诉讼法 art. 46)."""
    return (
        f"如不服本{document_word}，可以自收到本{document_word}之日起{_zh_number(rights.reconsideration_days)}日内"
        f"向{rights.reconsideration_body}申请行政复议，或者自收到本{document_word}之日起"
        f"{_zh_number(rights.lawsuit_months)}个月内依法向{rights.court}提起行政诉讼。"
    )


def _zh_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)


class Writer:
    """Styles for one paper size, and paragraphs/tables whose text runs through the font chain."""

    def __init__(
        self,
        paper: Paper,
        fonts: FontSet | None = None,
        *,
        base_size: float | None = None,
        frame_width_mm: float | None = None,
    ) -> None:
        self.paper = paper
        self._frame_width_mm = frame_width_mm or paper.printable_width_mm
        self.fonts = fonts or default_fonts()
        size = base_size or {Paper.ROLL_58: 8.5, Paper.ROLL_80: 10.0, Paper.A4: 15.0}[paper]
        body, head = self.fonts.body.name, self.fonts.heading.name

        def style(name: str, **kw: object) -> ParagraphStyle:
            base: dict[str, object] = {
                "fontName": body, "fontSize": size, "leading": size * 1.45, "wordWrap": "CJK",
                "textColor": colors.black,
            }
            base.update(kw)
            return ParagraphStyle(name, **base)  # type: ignore[arg-type]

        self.styles: dict[str, ParagraphStyle] = {
            "station": style("station", fontName=head, fontSize=size * 1.1, leading=size * 1.5, alignment=TA_CENTER),
            "title": style("title", fontName=head, fontSize=size * 1.6, leading=size * 2.2, alignment=TA_CENTER,
                           spaceBefore=size * 0.3, spaceAfter=size * 0.3),
            "number": style("number", fontSize=size * 0.9, alignment=TA_CENTER, spaceAfter=size * 0.4),
            "body": style("body", alignment=TA_JUSTIFY),
            "indent": style("indent", alignment=TA_JUSTIFY, firstLineIndent=size * 2),
            "left": style("left", alignment=TA_LEFT),
            "center": style("center", alignment=TA_CENTER),
            "right": style("right", alignment=TA_RIGHT),
            "heading": style("heading", fontName=head, fontSize=size * 1.05, spaceBefore=size * 0.6,
                             spaceAfter=size * 0.3),
            "small": style("small", fontSize=size * 0.8, leading=size * 1.15),
            "small_center": style("small_center", fontSize=size * 0.8, leading=size * 1.15, alignment=TA_CENTER),
            "cell": style("cell", fontSize=size * 0.8, leading=size * 1.1),
            "cell_center": style("cell_center", fontSize=size * 0.8, leading=size * 1.1, alignment=TA_CENTER),
            "cell_right": style("cell_right", fontSize=size * 0.8, leading=size * 1.1, alignment=TA_RIGHT),
            "cell_head": style("cell_head", fontName=head, fontSize=size * 0.8, leading=size * 1.1,
                               alignment=TA_CENTER),
        }
        self.size = size

    def fitted(self, text: str, style: str, *, min_scale: float = 0.75) -> Paragraph:
        """One line if the text fits at down to `min_scale` of the style's size (station names on rolls)."""
        base = self.styles[style]
        width = stringWidth(text, base.fontName, base.fontSize)
        if width <= self.frame_width:
            return self.p(text, style)
        scale = max(min_scale, self.frame_width / width * 0.98)
        return self.p(text, self.style(style, fontSize=base.fontSize * scale, leading=base.leading * scale))

    def style(self, name: str, **overrides: object) -> ParagraphStyle:
        base = self.styles[name]
        if not overrides:
            return base
        return ParagraphStyle(f"{name}-x", parent=base, **overrides)  # type: ignore[arg-type]

    def p(self, text: str, style: str | ParagraphStyle = "body", *, heading: bool | None = None) -> Paragraph:
        st = self.styles[style] if isinstance(style, str) else style
        use_heading = heading if heading is not None else st.fontName == self.fonts.heading.name
        return Paragraph(self.fonts.markup(text, heading=use_heading), st)

    def table(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        *,
        align: Sequence[str] | None = None,
        grid: bool = True,
        repeat_header: bool = True,
        fast: bool = False,
    ) -> Table:
        """A table whose cells get the per-character fonts.

        `fast`: a cell the main font prints completely is drawn as a plain string (no wrapping,
        several times cheaper than a paragraph) — for long lists with short cells; any cell with
        a rare character still becomes a paragraph with its fallback font.
        """
        align = align or ["cell"] * len(col_widths)
        data: list[list[Paragraph | str]] = []
        if header is not None:
            data.append([self.p(h, "cell_head") for h in header])
        body_face = self.fonts.body
        cell_size = self.styles["cell"].fontSize
        for row in rows:
            cells: list[Paragraph | str] = []
            for i, value in enumerate(row):
                text = str(value)
                if (fast and all(body_face.has(ch) or ch == " " for ch in text)
                        and stringWidth(text, body_face.name, cell_size) <= col_widths[i] - 6):
                    cells.append(text)
                else:
                    cells.append(self.p(text, align[i]))
            data.append(cells)
        cell_style = self.styles["cell"]
        commands: list[tuple[object, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("FONT", (0, 0), (-1, -1), body_face.name, cell_style.fontSize, cell_style.leading),
        ]
        for i, name in enumerate(align):
            if name in ("cell_center", "cell_right"):
                commands.append(("ALIGN", (i, 0), (i, -1), "CENTER" if name == "cell_center" else "RIGHT"))
        if grid:
            commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        if header is not None and grid:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.9, 0.9, 0.9)))
        return self.grid(data, col_widths, commands,
                         repeat_rows=1 if (header is not None and repeat_header) else 0)

    def grid(
        self,
        data: Sequence[Sequence[object]],
        col_widths: Sequence[float],
        commands: Sequence[tuple[object, ...]] = (),
        *,
        repeat_rows: int = 0,
    ) -> Table:
        """A layout table. Its text style names our font: reportlab's default is Helvetica, which
        would then appear (unembedded) in the PDF even where no cell uses it."""
        table = Table([list(row) for row in data], colWidths=list(col_widths), repeatRows=repeat_rows)
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), self.fonts.body.name, self.size * 0.8),
                                   *commands]))
        return table

    def drawing(self, drawing: Drawing) -> Drawing:
        """Give a drawing our font as its initial font (same reason as `grid`)."""
        drawing.initialFontName = self.fonts.body.name
        return drawing

    def key_values(self, pairs: Sequence[tuple[str, str]], width: float, key_width: float) -> Table:
        """Label：value lines without a grid (receipts, tickets)."""
        data = [[self.p(k, "left"), self.p(v, "left")] for k, v in pairs]
        return self.grid(data, [key_width, width - key_width], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0.6),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.6),
        ])

    def signature_block(self, organ: str, when: date, *, seal: str = "（公章）") -> Table:
        """Organ name, seal mark and date, right-aligned as on official documents."""
        style = self.style("center")
        block = self.grid(
            [[Paragraph(self.fonts.markup(organ), style)],
             [Paragraph(self.fonts.markup(seal), style)],
             [Paragraph(self.fonts.markup(zh_date(when)), style)]],
            [min(self.frame_width * 0.62, self.size * 18)],
            [("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)],
        )
        block.hAlign = "RIGHT"
        return block

    @property
    def frame_width(self) -> float:
        return self._frame_width_mm * mm


class Rule(Flowable):
    """A horizontal line across the frame (the separator under an official heading)."""

    def __init__(self, thickness: float = 1.0, space: float = 4.0, dash: Sequence[float] | None = None) -> None:
        super().__init__()
        self.thickness = thickness
        self.space = space
        self.dash = dash

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.thickness + 2 * self.space

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setLineWidth(self.thickness)
        if self.dash:
            canvas.setDash(list(self.dash))
        y = self.space + self.thickness / 2
        canvas.line(0, y, self.width, y)
        canvas.restoreState()


def _metadata(title: str, author: str, fonts: FontSet) -> dict[str, object]:
    # invariant: the same data gives the same bytes (no timestamps or random ids in the file).
    # initialFontName: otherwise reportlab references Helvetica, a font nobody embeds.
    return {"title": title, "author": author, "creator": CREATOR, "producer": CREATOR, "invariant": True,
            "lang": "zh-CN", "initialFontName": fonts.body.name}


class DocumentTooLong(ValueError):
    """The data cannot be laid out (a text far longer than any real one): refused, nothing printed.

    Said as a message key and parameters like every error (the templates live in `desk.domain.messages`,
    "document.*_too_long"); printing imports nothing of desk, so a parameter that is a word of that
    table is written as the city server writes it on the wire (`{"term": key}`) and the screens read it
    with `messages.params_from_wire`."""

    code = "document_too_long"

    def __init__(self, what: str | None = None, *, length: int = 0, most: int = 0) -> None:
        """`what`: the word (a "word.paper.*" key) naming the text too long; None: the whole content."""
        if what is None:
            self.message_key, self.params = "document.content_too_long", {}
        else:
            self.message_key = "document.text_too_long"
            self.params = {"what": {"term": what}, "length": length, "most": most}
        super().__init__(f"{self.message_key} {self.params}")


def check_lengths(fields: Iterable[tuple[str, str, int]]) -> None:
    """(the text's word key, text, max characters) each: refuse before layout rather than fail inside it."""
    for what, text, limit in fields:
        if len(text) > limit:
            raise DocumentTooLong(what, length=len(text), most=limit)


def _build(doc: BaseDocTemplate, story: list[Flowable], **kwargs: Any) -> None:
    try:
        doc.build(story, **kwargs)
    except LayoutError as exc:  # a flowable taller than the page: the data, not the printer, is wrong
        raise DocumentTooLong() from exc


def build_roll(story: list[Flowable], paper: Paper, *, title: str, author: str, fonts: FontSet) -> bytes:
    """One roll-width page exactly as tall as the content (thermal printers cut after it)."""
    if not paper.is_roll:
        raise ValueError(f"{paper} is not a roll paper")
    width = paper.width_mm * mm
    side = (paper.width_mm - paper.printable_width_mm) / 2 * mm
    top = bottom = 4 * mm
    avail = width - 2 * side
    height = 0.0
    for flowable in story:
        _, h = flowable.wrap(avail, 100_000)
        height += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    page_height = height + top + bottom + 3 * mm  # slack for rounding inside platypus
    buffer = io.BytesIO()
    frame = Frame(side, bottom, avail, page_height - top - bottom, 0, 0, 0, 0, id="roll")
    doc = BaseDocTemplate(buffer, pagesize=(width, page_height), leftMargin=side, rightMargin=side,
                          topMargin=top, bottomMargin=bottom, **_metadata(title, author, fonts))
    doc.addPageTemplates([PageTemplate(id="roll", frames=[frame])])
    _build(doc, story)
    return buffer.getvalue()


def _numbered_canvas(fonts: FontSet, footer: Callable[[int, int], str]) -> type[Canvas]:
    """A canvas that knows the page count, for 「第 1 页 共 3 页」 footers."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(fonts.body.name, 9)
                self.drawCentredString(A4[0] / 2, 14 * mm, footer(number, total))
                super().showPage()
            super().save()

    return NumberedCanvas


def build_a4(
    story: list[Flowable],
    *,
    title: str,
    author: str,
    fonts: FontSet,
    footer: Callable[[int, int], str] | None = None,
    margins_mm: tuple[float, float, float, float] = (37, 26, 35, 28),
) -> bytes:
    """A4 portrait with official-document margins (top, right, bottom, left in mm)."""
    top, right, bottom, left = (m * mm for m in margins_mm)
    buffer = io.BytesIO()
    frame = Frame(left, bottom, A4[0] - left - right, A4[1] - top - bottom, 0, 0, 0, 0, id="a4")
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                          bottomMargin=bottom, **_metadata(title, author, fonts))
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])
    if footer is None:
        _build(doc, story)
    else:
        _build(doc, story, canvasmaker=_numbered_canvas(fonts, footer))
    return buffer.getvalue()


def roll_qr_size_mm(paper: Paper) -> float:
    return 30.0 if paper is Paper.ROLL_58 else 36.0
