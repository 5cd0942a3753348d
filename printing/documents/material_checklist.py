"""办事材料清单 — the what-to-bring checklist a kiosk prints for one transaction (A4 or an 80 mm roll).

Built from plain data (`MaterialChecklistData`, filled from the catalog by the documents service) with
printing's font helpers (`Writer`), so a rare character prints from a fallback font like on every
other document. The checklist names no citizen: anybody may print it.

Printed in the language the citizen chose at the kiosk. The English checklist is English first and keeps
each material's Chinese name under its English one: the papers the citizen brings carry Chinese names
(《出生医学证明》) and the clerk at the window reads Chinese, so the list must match both. The station's
name stays its official Chinese name.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.documents.common import Paper, Rule, Writer, build_a4, build_roll, working_days_zh, zh_datetime
from printing.fonts import FontSet, default_fonts
from printing.models import ChecklistItem, MaterialChecklistData

TITLE = "办事材料清单"
TITLE_EN = "Checklist of materials"


@dataclass(frozen=True)
class _Language:
    """The checklist's fixed words in one language; the catalog's words come with the data."""

    english: bool
    title: str
    always: str
    sometimes: str
    nothing_more: str
    header: tuple[str, str, str, str, str]
    needed_always: str
    tip: str

    def limit(self, days: int) -> str:
        if self.english:
            return "on the spot" if days <= 0 else f"{days} working day{'s' if days > 1 else ''}"
        return working_days_zh(days)


_ZH = _Language(
    english=False, title=TITLE, always="一、必须带齐的材料", sometimes="二、视情况需要的材料",
    nothing_more="无需额外材料，带本人居民身份证即可。", header=("序号", "材料", "形式", "份数", "何时需要"),
    needed_always="必须", tip="温馨提示：请带本人居民身份证原件。本清单由自助终端打印，仅供参考，以窗口民警告知为准。",
)
_EN = _Language(
    english=True, title=f"{TITLE_EN}　{TITLE}", always="1. Always bring", sometimes="2. Needed in some cases",
    nothing_more="Nothing else is needed: bring your own resident identity card.",
    header=("No.", "Material", "Form", "Copies", "When needed"), needed_always="Always",
    tip="Please bring your own resident identity card (the original). This list was printed at the self-service "
        "kiosk for reference; the police officer at the window has the final word.",
)


def _caption(line: ChecklistItem, english: bool) -> str:
    if english:
        copies = f", {line.copies} copies" if line.copies > 1 else ""
        form = line.form_en[:1].lower() + line.form_en[1:] if line.form_en else line.form_zh
        return f"{line.name_en or line.name_zh} ({form}{copies})"
    copies = f"，{line.copies}份" if line.copies > 1 else ""
    return f"{line.name_zh}（{line.form_zh}{copies}）"


def build_pdf(data: MaterialChecklistData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    english = data.language == "en"
    words = _EN if english else _ZH
    if english:  # English text in a proportional face
        fonts = (fonts or default_fonts()).led_by_heading()
    w = Writer(paper, fonts, base_size=(11.0 if english else 12.0) if paper is Paper.A4 else None)
    always, sometimes, station = list(data.always), list(data.sometimes), data.station
    width = w.frame_width
    name = data.transaction_name_en if english and data.transaction_name_en else data.transaction_name_zh
    story: list[Flowable] = [
        w.fitted(station.name_zh, "station"),
        w.p(words.title.replace("　", "\n") if paper.is_roll else words.title, "title"),  # a roll: one per line
        w.p(name, w.style("center", fontName=w.fonts.heading.name, fontSize=w.size * 1.25, leading=w.size * 1.8)),
    ]
    if english:
        story += [
            w.p(data.transaction_name_zh, "center"),
            w.p(f"Time limit: {words.limit(data.time_limit_days)}  ·  "
                f"Decided by: {data.approval_en or data.approval_zh}", "center"),
        ]
    else:
        story.append(w.p(f"办理时限：{words.limit(data.time_limit_days)}　　办理方式：{data.approval_zh}", "center"))
    story += [
        Rule(0.8, 3),
        w.p(data.description_en if english and data.description_en else data.description_zh, "body"),
        w.p(words.always, "heading"),
    ]
    story.append(_table(w, always, width, paper, words, english) if always else w.p(words.nothing_more))
    if sometimes:
        story += [w.p(words.sometimes, "heading"), _table(w, sometimes, width, paper, words, english)]
    notes = [_note(line, english) for line in always + sometimes if line.note_zh]
    if notes:
        story += [Spacer(1, 2 * mm), *[w.p(note, "small") for note in notes]]
    story += [Rule(0.5, 3, dash=(2, 2)), w.p(words.tip, "small")]
    if english:
        story += [w.p(f"Enquiries: {station.phone}  ·  Address: {station.address}", "small"),
                  w.p(f"Printed: {data.printed_at:%Y-%m-%d %H:%M}", "small")]
    else:
        story += [w.p(f"咨询电话：{station.phone}　　地址：{station.address}", "small"),
                  w.p(f"打印时间：{zh_datetime(data.printed_at)}", "small")]
    title = f"{TITLE_EN if english else TITLE} {name}"
    author = station.name_zh
    if paper.is_roll:
        return build_roll(story, paper, title=title, author=author, fonts=w.fonts)
    return build_a4(story, title=title, author=author, fonts=w.fonts)


def _note(line: ChecklistItem, english: bool) -> str:
    if english:
        return f"· {line.name_en or line.name_zh}: {line.note_en or line.note_zh}"
    return f"· {line.name_zh}：{line.note_zh}"


def _when(line: ChecklistItem, words: _Language, english: bool) -> str:
    if line.condition_zh is None:
        return words.needed_always
    if english and line.condition_en:
        return line.condition_en[:1].upper() + line.condition_en[1:]
    return line.condition_zh


def _table(w: Writer, lines: list[ChecklistItem], width: float, paper: Paper, words: _Language,
           english: bool) -> Flowable:
    if paper.is_roll:
        # A roll is too narrow for columns: one numbered line per material, its condition beneath.
        rows = []
        for index, line in enumerate(lines, start=1):
            text = f"{index}. □ {_caption(line, english)}"
            if english:
                text += f"\n　　{line.name_zh}"
            if line.condition_zh is not None:
                text += f"\n　　{_when(line, words, english)}"
            rows.append([w.p(text, "left")])
        return w.grid(rows, [width], [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)])
    if english:
        rows = [[str(i), f"{line.name_en or line.name_zh}\n{line.name_zh}", line.form_en or line.form_zh,
                 str(line.copies), _when(line, words, english)] for i, line in enumerate(lines, start=1)]
        widths = [11 * mm, width * 0.42, 24 * mm, 13 * mm, width * 0.58 - 48 * mm]
    else:
        rows = [[str(i), line.name_zh, line.form_zh, str(line.copies), _when(line, words, english)]
                for i, line in enumerate(lines, start=1)]
        widths = [11 * mm, width * 0.38, 20 * mm, 11 * mm, width * 0.62 - 42 * mm]
    return w.table(list(words.header), rows, widths,
                   align=["cell_center", "cell", "cell_center", "cell_center", "cell"])
