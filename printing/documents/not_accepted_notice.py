"""不予受理通知书 — the application is not accepted: the reason, and the applicant's rights (A4)."""

from __future__ import annotations

from printing.documents.common import Paper, appeal_rights_text, zh_date
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import NotAcceptedNoticeData

TITLE = "不予受理通知书"


def build_pdf(data: NotAcceptedNoticeData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("不予受理通知书只印在A4纸上 / the not-accepted notice is printed on A4 only")
    w = letter_writer(fonts)
    case = f"（申请编号：{data.case_number}）" if data.case_number else ""
    reason = data.reason_zh.strip().rstrip("。；;.")  # the sentence adds its own full stop
    story = [
        *letter_head(w, data.station, TITLE, data.document_number),
        w.p(f"{data.applicant_name}：", "left"),
        w.p(
            f"您于{zh_date(data.applied_at.date())}提出的{data.transaction_name_zh}申请{case}，"
            f"经审查，{reason}。根据{data.legal_basis_zh}的规定，决定不予受理。",
            "indent",
        ),
        w.p(appeal_rights_text(data.rights, "通知书"), "indent"),
        w.p(f"承办民警：{data.clerk_name}", "indent"),
        *letter_close(w, data.station, data.issued_at.date(),
                      copies_note="本通知书一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=TITLE, number=data.document_number, author=data.station.name_zh)
