"""排队号 — the queue ticket on a 58/80 mm roll: the number large, the wait below it."""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.documents.common import Paper, Rule, Writer, build_roll, zh_datetime
from printing.fonts import FontSet
from printing.models import QueueTicketData

TITLE = "排队号"


def build_pdf(data: QueueTicketData, paper: Paper = Paper.ROLL_58, *, fonts: FontSet | None = None) -> bytes:
    if not paper.is_roll:
        raise ValueError("排队号只印在热敏卷纸上 / the queue ticket is printed on a roll")
    w = Writer(paper, fonts)
    big = w.size * (4.6 if paper is Paper.ROLL_58 else 5.2)
    story: list[Flowable] = [
        w.fitted(data.station.name_zh, "station"),
        w.p(TITLE, "title"),
        Rule(0.8, 2),
        w.p(data.number, w.style("center", fontName=w.fonts.heading.name, fontSize=big, leading=big * 1.15)),
        w.p(data.transaction_name_zh, w.style("center", fontSize=w.size * 1.15, leading=w.size * 1.6)),
        Rule(0.5, 2, dash=(2, 2)),
        w.p(f"您前面还有 {data.people_ahead} 人等候", "center"),
    ]
    if data.estimated_wait_minutes is not None:
        story.append(w.p(f"预计等待约 {data.estimated_wait_minutes} 分钟", "center"))
    story += [
        w.p(f"取号时间：{zh_datetime(data.issued_at)}", "small_center"),
        Rule(0.5, 2, dash=(2, 2)),
        w.p(data.note_zh, "small"),
        w.p(f"咨询电话：{data.station.phone}", "small"),
    ]
    return build_roll(story, paper, title=f"{TITLE} {data.number}", author=data.station.name_zh, fonts=w.fonts)
