"""排队号 — the queue ticket on a 58/80 mm roll: the number large, the wait below it — in the citizen's
language (the kiosk's current one). In English the staff's Chinese stays where the window needs it: the
title and the transaction's Chinese name under its English one."""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.documents.common import Paper, Rule, Writer, build_roll, zh_datetime
from printing.fonts import FontSet
from printing.models import QueueTicketData

TITLE = "排队号"
TITLE_EN = "Queue ticket"
NOTE_EN = "Please watch the calling screen and listen for your number; a missed number needs a new ticket."


def people_ahead_zh(people: int) -> str:
    # "您前面还有 0 人等候" read like a fault; the kiosk's screen says the same in words.
    return "您前面没有人等候，请留意叫号" if people <= 0 else f"您前面还有 {people} 人等候"


def people_ahead_en(people: int) -> str:
    if people <= 0:
        return "No one is waiting ahead of you: watch for your number"
    return "1 person is waiting ahead of you" if people == 1 else f"{people} people are waiting ahead of you"


def build_pdf(data: QueueTicketData, paper: Paper = Paper.ROLL_58, *, fonts: FontSet | None = None) -> bytes:
    if not paper.is_roll:
        raise ValueError("排队号只印在热敏卷纸上 / the queue ticket is printed on a roll")
    english = data.language == "en"
    w = Writer(paper, fonts)
    big = w.size * (4.6 if paper is Paper.ROLL_58 else 5.2)
    transaction = w.style("center", fontSize=w.size * 1.15, leading=w.size * 1.6)
    story: list[Flowable] = [w.fitted(data.station.name_zh, "station")]
    if english and data.station.name_en:
        story.append(w.p(data.station.name_en, "small_center"))
    story += [
        w.p(f"{TITLE_EN} · {TITLE}" if english else TITLE, "title"),
        Rule(0.8, 2),
        w.p(data.number, w.style("center", fontName=w.fonts.heading.name, fontSize=big, leading=big * 1.15)),
    ]
    if english and data.transaction_name_en:
        story += [w.p(data.transaction_name_en, transaction), w.p(data.transaction_name_zh, "small_center")]
    else:
        story.append(w.p(data.transaction_name_zh, transaction))
    story += [Rule(0.5, 2, dash=(2, 2)),
              w.p(people_ahead_en(data.people_ahead) if english else people_ahead_zh(data.people_ahead), "center")]
    if data.estimated_wait_minutes is not None and data.people_ahead > 0:  # "about 0 minutes" said nothing
        minutes = data.estimated_wait_minutes
        story.append(w.p(f"Estimated wait: about {minutes} min" if english else f"预计等待约 {minutes} 分钟",
                         "center"))
    issued = zh_datetime(data.issued_at)
    if english:
        issued = f"{data.issued_at:%Y-%m-%d %H:%M}"
    story += [
        w.p(f"Taken at {issued}" if english else f"取号时间：{issued}", "small_center"),
        Rule(0.5, 2, dash=(2, 2)),
        w.p(NOTE_EN if english else data.note_zh, "small"),
        w.p(f"Enquiries: {data.station.phone}" if english else f"咨询电话：{data.station.phone}", "small"),
    ]
    return build_roll(story, paper, title=f"{TITLE} {data.number}", author=data.station.name_zh, fonts=w.fonts)
