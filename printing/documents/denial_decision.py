"""不予许可决定书 — the accepted application is refused: reason, legal basis, rights (A4).

Administrative Licensing Law art. 38(2): a refusal is written, gives the reasons and tells
the applicant of the right to reconsideration and to sue.
"""

from __future__ import annotations

from printing.documents.common import Paper, appeal_rights_text, mask_id_number, zh_date
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import DenialDecisionData


def build_pdf(data: DenialDecisionData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    # 行政许可 is refused (不予许可); most 户籍 items are 行政确认 (不予登记) or a service (不予办理): the
    # title comes with the data (the document service reads the table the case view reads).
    title = data.title_zh
    if paper is not Paper.A4:
        raise ValueError(f"{title}只印在A4纸上 / the denial decision is printed on A4 only")
    w = letter_writer(fonts)
    verb = title.removesuffix("决定书")
    accepted = (f"经{data.accepted_by_zh}受理，报本机关审查" if data.accepted_by_zh
                and data.accepted_by_zh != data.station.name_zh else "本机关已依法受理")
    reason = data.reason_zh.strip().rstrip("。；;.")
    bases = "、".join(dict.fromkeys((data.legal_basis_zh, *data.rule_bases_zh)))
    article = ("根据《中华人民共和国行政许可法》第三十八条第二款的规定，" if data.power_type == "licensing"
               else "")
    story = [
        *letter_head(w, data.station, title, data.document_number),
        w.p(f"申请人：{data.applicant_name}　　公民身份号码：{mask_id_number(data.applicant_id_number)}", "left"),
        w.p(
            f"申请人于{zh_date(data.applied_at.date())}提出{data.transaction_name_zh}申请"
            f"（受理编号：{data.case_number}），{accepted}。经审查，{reason}，"
            f"不符合{bases}的规定。{article}决定{verb}。",
            "indent",
        ),
        w.p(appeal_rights_text(data.rights, "决定"), "indent"),
        w.p(f"承办民警：{data.clerk_name}", "indent"),
        *letter_close(w, data.station, data.decided_at.date(),
                      copies_note="本决定书一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=title, number=data.document_number, author=data.station.name_zh)
