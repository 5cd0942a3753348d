"""“一件事”受理回执 — one A4 paper for a bundle: every member case with its number, state and
promised date, the materials taken, and how many follow-ups the separate list names.

The number the citizen is told is the bundle's (套餐编号), printed where a letter's number stands; the
paper's own serial (the register's, for a reprint or an audit) is in the small print, labelled as such."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from printing.bundle_models import BundleReceiptData
from printing.documents.common import Paper, mask_id_number, zh_date, zh_datetime
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet

TITLE = "“一件事”受理回执"


def build_pdf(data: BundleReceiptData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("“一件事”受理回执只印在A4纸上 / the bundle receipt is printed on A4 only")
    w = letter_writer(fonts)
    width = w.frame_width
    rows = [[str(i), m.case_number, m.transaction_name_zh, m.state_zh,
             zh_date(m.promised_date) if m.promised_date else "—"]
            for i, m in enumerate(data.members, start=1)]
    who = f"{data.applicant_name}（{mask_id_number(data.applicant_id_number)}）"
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, f"套餐编号：{data.bundle_number}"),
        w.key_values([("套餐：", data.bundle_name_zh + (f"（{data.subject_zh}）" if data.subject_zh else "")),
                      ("申请人：", who),
                      ("受理时间：", zh_datetime(data.accepted_at)), ("受理民警：", data.clerk_name)],
                     width, 28 * mm),
        w.p(f"本次一并受理以下 {len(data.members)} 个事项。查询办理进度，请报上方的套餐编号"
            "（单个事项也可用其受理编号）：", "indent"),
        w.table(["序号", "受理编号", "事项", "状态", "承诺办结"], rows,
                [10 * mm, 52 * mm, width - 120 * mm, 22 * mm, 36 * mm],
                align=["cell_center", "cell", "cell", "cell_center", "cell"]),
        w.p("已收材料：", "left"),
        *(w.p(f"{i}. {m.transaction_name_zh}：{m.materials_zh or '—'}", "left")
          for i, m in enumerate(data.members, start=1)),
    ]
    if data.follow_up_count:
        story.append(w.p(f"需到其他部门办理的后续事项共 {data.follow_up_count} 项，另见《后续事项告知单》。", "indent"))
    story += letter_close(w, data.station, data.accepted_at.date(),
                          copies_note=f"本回执一式两份，一份交申请人，一份存档。回执登记号：{data.serial}"
                                      "（本所文书登记用，查询进度请用套餐编号）。")
    return build_letter(w, story, title=TITLE, number=data.serial, author=data.station.name_zh)
