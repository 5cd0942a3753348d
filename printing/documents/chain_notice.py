"""连锁变更告知单 — after a change of a person's basic facts: what changed (and the new resident ID
number where it changed), and every record elsewhere that must follow, with the agency that keeps it
(A4). The citizen takes it to those agencies, so both ID numbers are printed in full.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from printing.documents.common import Paper, zh_datetime
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet
from printing.models import ChainNoticeData

TITLE = "公民信息连锁变更告知单"


def build_pdf(data: ChainNoticeData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("连锁变更告知单只印在A4纸上 / the chained-change notice is printed on A4 only")
    w = letter_writer(fonts)
    changed = [["变更事项", data.fact_zh], ["变更前", data.old_value or "—"], ["变更后", data.new_value or "—"]]
    if data.new_id_number is not None:
        changed += [["原公民身份号码", data.old_id_number], ["新公民身份号码", data.new_id_number]]
    else:
        changed += [["公民身份号码", f"{data.old_id_number}（不变）"]]
    width = w.frame_width
    rows = [[str(i), r.name_zh, r.agency_zh, r.how_zh] for i, r in enumerate(data.records, start=1)]
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, data.document_number),
        w.p(f"{data.person_name}：", "left"),
        w.p(f"您申请的{data.transaction_name_zh}（受理编号：{data.case_number}）已于{zh_datetime(data.completed_at)}办结，"
            "户籍登记信息变更如下：", "indent"),
        w.table(None, changed, [40 * mm, width - 40 * mm], align=["cell", "cell"]),
        w.p("以下证件和记录登记的仍是原信息，请您持新居民身份证（或本告知单）和原证件，到相关部门办理变更：", "indent"),
        w.table(["序号", "证件或记录", "办理部门", "办理说明"], rows,
                [12 * mm, 45 * mm, 48 * mm, width - 105 * mm], align=["cell_center", "cell", "cell", "cell"]),
        Spacer(1, 4 * mm),
        w.p("本告知单可作为户籍登记信息已变更的证明，供上述部门核对；各部门以其规定为准。", "indent"),
        *letter_close(w, data.station, data.completed_at.date(),
                      copies_note="本告知单一式两份，一份交申请人，一份存档。"),
    ]
    return build_letter(w, story, title=TITLE, number=data.document_number, author=data.station.name_zh)
