"""一次性告知书 — every missing material and why it is needed, in one notice (A4).

The Administrative Licensing Law (行政许可法 art. 32) requires telling the applicant *all*
corrections at once; the notice therefore also promises that nothing further will be asked.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.documents.common import Paper, zh_date
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import SupplementNoticeData

TITLE = "一次性告知书"


def build_pdf(data: SupplementNoticeData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("一次性告知书只印在A4纸上 / the supplement notice is printed on A4 only")
    w = letter_writer(fonts)
    width = w.frame_width
    rows = [[str(i), m.name_zh, m.form, m.why_zh] for i, m in enumerate(data.missing_materials, start=1)]
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, data.document_number),
        w.p(f"{data.applicant_name}：", "left"),
        w.p(
            f"您于{zh_date(data.applied_at.date())}申请办理的{data.transaction_name_zh}"
            f"（受理编号：{data.case_number}），经审查，申请材料不齐全或者不符合法定形式。"
            "根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，"
            f"现将需要补正的全部材料（共{len(rows)}项）一次性告知如下：",
            "indent",
        ),
        Spacer(1, 3 * mm),
        w.table(["序号", "需要补正的材料", "形式", "需要补正的原因"], rows,
                [12 * mm, 40 * mm, 24 * mm, width - 76 * mm],
                align=["cell_center", "cell", "cell_center", "cell"]),
        Spacer(1, 3 * mm),
        w.p(
            f"请您于{zh_date(data.supply_deadline)}前补齐上述全部材料，携带本告知书到我所户籍窗口提交。"
            "材料补齐后，我所将依法受理您的申请。除上述材料外，我所不再要求您补正其他材料。",
            "indent",
        ),
        w.p(f"承办民警：{data.clerk_name}", "indent"),
        *letter_close(w, data.station, data.issued_at.date(),
                      copies_note="本告知书一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=TITLE, number=data.document_number, author=data.station.name_zh)
