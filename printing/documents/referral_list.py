"""后续事项告知单 — the follow-ups of a “一件事” bundle at other agencies (医保参保, 社保卡, 预防接种 …):
what, where, how, and the state the station recorded (待办 / 已转介 / 已办结), with a box to tick (A4)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from printing.bundle_models import ReferralListData
from printing.documents.common import Paper
from printing.documents.letter import build_letter, letter_close, letter_head, letter_writer
from printing.fonts import FontSet

TITLE = "后续事项告知单"


def build_pdf(data: ReferralListData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    if paper is not Paper.A4:
        raise ValueError("后续事项告知单只印在A4纸上 / the referral list is printed on A4 only")
    w = letter_writer(fonts)
    width = w.frame_width
    rows = [[str(i), line.name_zh, line.agency_zh, line.how_zh, line.state_zh]
            for i, line in enumerate(data.lines, start=1)]
    about = f"（{data.subject_zh}）" if data.subject_zh else ""
    story: list[Flowable] = [
        *letter_head(w, data.station, TITLE, f"套餐编号：{data.bundle_number}"),  # the one number told
        w.p(f"{data.applicant_name}：", "left"),
        w.p(f"您在本所办理的{data.bundle_name_zh}{about}中，"
            "以下事项由其他部门办理。标“已转介”的，本所已将信息推送给该部门；标“待办”的，请您持相关证件前往办理：",
            "indent"),
        w.table(["序号", "事项", "办理部门", "办理说明", "状态"], rows,
                [10 * mm, 42 * mm, 40 * mm, width - 112 * mm, 20 * mm],
                align=["cell_center", "cell", "cell", "cell", "cell_center"]),
        w.p("各部门的办理条件和时限以其规定为准。", "indent"),
    ]
    copies = f"本告知单交申请人，存档一份。告知单登记号：{data.serial}（本所文书登记用）。"
    story += letter_close(w, data.station, data.issued_at.date(), copies_note=copies, acknowledgement=False)
    return build_letter(w, story, title=TITLE, number=data.serial, author=data.station.name_zh)
