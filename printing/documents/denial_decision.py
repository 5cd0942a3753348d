"""不予许可决定书 — the accepted application is refused: reason, legal basis, rights (A4).

Administrative Licensing Law art. 38(2): a refusal is written, gives the reasons and tells
the applicant of the right to reconsideration and to sue.
"""

from __future__ import annotations

from printing.documents.common import Paper, appeal_rights_text, mask_id_number, zh_date
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import DenialDecisionData

TITLE = "不予许可决定书"


def build_pdf(data: DenialDecisionData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("不予许可决定书只印在A4纸上 / the denial decision is printed on A4 only")
    w = letter_writer(fonts)
    story = [
        *letter_head(w, data.station, TITLE, data.document_number),
        w.p(f"申请人：{data.applicant_name}　　公民身份号码：{mask_id_number(data.applicant_id_number)}", "left"),
        w.p(
            f"申请人于{zh_date(data.applied_at.date())}提出{data.transaction_name_zh}申请"
            f"（受理编号：{data.case_number}），本所已依法受理。经审查，{data.reason_zh}，"
            f"不符合{data.legal_basis_zh}的规定。根据《中华人民共和国行政许可法》第三十八条第二款的规定，"
            "决定不予许可。",
            "indent",
        ),
        w.p(appeal_rights_text(data.rights, "决定"), "indent"),
        w.p(f"承办民警：{data.clerk_name}", "indent"),
        *letter_close(w, data.station, data.decided_at.date(),
                      copies_note="本决定书一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=TITLE, number=data.document_number, author=data.station.name_zh)
