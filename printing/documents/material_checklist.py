"""办事材料清单 — the what-to-bring checklist a kiosk prints for one transaction (A4 or an 80 mm roll).

Built from plain data (`MaterialChecklistData`, filled from the catalog by the documents service) with
printing's font helpers (`Writer`), so a rare character prints from a fallback font like on every
other document. The checklist names no citizen: anybody may print it.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.documents.common import Paper, Rule, Writer, build_a4, build_roll, working_days_zh, zh_datetime
from printing.fonts import FontSet
from printing.models import ChecklistItem, MaterialChecklistData

TITLE = "办事材料清单"


def _caption(line: ChecklistItem) -> str:
    copies = f"，{line.copies}份" if line.copies > 1 else ""
    return f"{line.name_zh}（{line.form_zh}{copies}）"


def build_pdf(data: MaterialChecklistData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    w = Writer(paper, fonts, base_size=12.0 if paper is Paper.A4 else None)
    always, sometimes, station = list(data.always), list(data.sometimes), data.station
    width = w.frame_width
    limit = working_days_zh(data.time_limit_days)
    story: list[Flowable] = [
        w.fitted(station.name_zh, "station"),
        w.p(TITLE, "title"),
        w.p(data.transaction_name_zh, w.style("center", fontName=w.fonts.heading.name, fontSize=w.size * 1.25,
                                              leading=w.size * 1.8)),
        w.p(f"办理时限：{limit}　　办理方式：{data.approval_zh}", "center"),
        Rule(0.8, 3),
        w.p(data.description_zh, "body"),
        w.p("一、必须带齐的材料", "heading"),
    ]
    story.append(_table(w, always, width, paper) if always else w.p("无需额外材料，带本人居民身份证即可。"))
    if sometimes:
        story += [w.p("二、视情况需要的材料", "heading"), _table(w, sometimes, width, paper)]
    notes = [f"· {line.name_zh}：{line.note_zh}" for line in always + sometimes if line.note_zh]
    if notes:
        story += [Spacer(1, 2 * mm), *[w.p(note, "small") for note in notes]]
    story += [
        Rule(0.5, 3, dash=(2, 2)),
        w.p("温馨提示：请带本人居民身份证原件。本清单由自助终端打印，仅供参考，以窗口民警告知为准。", "small"),
        w.p(f"咨询电话：{station.phone}　　地址：{station.address}", "small"),
        w.p(f"打印时间：{zh_datetime(data.printed_at)}", "small"),
    ]
    title, author = f"{TITLE} {data.transaction_name_zh}", station.name_zh
    if paper.is_roll:
        return build_roll(story, paper, title=title, author=author, fonts=w.fonts)
    return build_a4(story, title=title, author=author, fonts=w.fonts)


def _table(w: Writer, lines: list[ChecklistItem], width: float, paper: Paper) -> Flowable:
    if paper.is_roll:
        # A roll is too narrow for columns: one numbered line per material, its condition beneath.
        rows = []
        for index, line in enumerate(lines, start=1):
            text = f"{index}. □ {_caption(line)}"
            if line.condition_zh is not None:
                text += f"\n　　{line.condition_zh}"
            rows.append([w.p(text, "left")])
        return w.grid(rows, [width], [("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1)])
    header = ["序号", "材料", "形式", "份数", "何时需要"]
    rows = [[str(i), line.name_zh, line.form_zh, str(line.copies), line.condition_zh or "必须"]
            for i, line in enumerate(lines, start=1)]
    return w.table(header, rows, [11 * mm, width * 0.38, 20 * mm, 11 * mm, width * 0.62 - 42 * mm],
                   align=["cell_center", "cell", "cell_center", "cell_center", "cell"])
