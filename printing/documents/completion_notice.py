"""办结通知书 — the case is finished: the result, what to collect, where and when (A4)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from printing.documents.common import Paper, zh_date, zh_datetime
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import CompletionNoticeData

TITLE = "办结通知书"


def build_pdf(data: CompletionNoticeData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("办结通知书只印在A4纸上 / the completion notice is printed on A4 only")
    w = letter_writer(fonts)
    items = "、".join(f"（{i}）{item}" for i, item in enumerate(data.items_to_collect, start=1))
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, data.document_number),
        w.p(f"{data.applicant_name}：", "left"),
        w.p(
            f"您于{zh_date(data.accepted_at.date())}申请办理的{data.transaction_name_zh}"
            f"（受理编号：{data.case_number}），已于{zh_datetime(data.completed_at)}办结。办理结果：{data.result_zh}",
            "indent",
        ),
    ]
    if data.items_to_collect:
        story.append(w.p(
            f"请您携带本通知书、受理回执和本人居民身份证，到{data.collect_place_zh}领取：{items}。"
            f"领取时间：{data.collect_hours_zh}。委托他人领取的，受托人须同时携带委托书及本人居民身份证。",
            "indent",
        ))
    story += [
        w.p(f"承办民警：{data.clerk_name}", "indent"),
        *letter_close(w, data.station, data.completed_at.date(),
                      copies_note="本通知书一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=TITLE, number=data.document_number, author=data.station.name_zh)
