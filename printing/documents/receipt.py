"""受理回执 — the acceptance receipt, on a 58/80 mm roll or on A4.

Proves the application was accepted and says when it will be finished; the ID number is
masked (first four, last four) and a QR code carries the case number and lookup code for
progress queries at the kiosk.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from printing.documents.common import (
    Paper,
    Rule,
    Writer,
    build_a4,
    build_roll,
    check_lengths,
    mask_id_number,
    roll_qr_size_mm,
    working_days_zh,
    zh_date,
    zh_datetime,
)
from printing.fonts import FontSet
from printing.models import ReceiptData
from printing.qr import qr_drawing, receipt_qr_text

TITLE = "受理回执"


def _facts(data: ReceiptData, *, with_number: bool = True) -> list[tuple[str, str]]:
    facts = [
        ("办理事项：", data.transaction_name_zh),
        ("申 请 人：", data.applicant_name),
        *((f"{label}：", name) for label, name in data.roles_zh),
        ("身份证号：", mask_id_number(data.applicant_id_number)),
        ("受理时间：", zh_datetime(data.accepted_at)),
        ("办理时限：", working_days_zh(data.time_limit_days)),
        ("承诺办结：", f"{zh_date(data.promised_date)}前"),
        ("审批层级：", data.approval_level),
        ("收费标准：", data.fee_zh),
        ("受 理 人：", data.clerk_name),
    ]
    return [("受理编号：", data.case_number), *facts] if with_number else facts


def _roll_story(data: ReceiptData, w: Writer) -> list[Flowable]:
    width = w.frame_width
    qr_size = roll_qr_size_mm(w.paper)
    story: list[Flowable] = [
        w.fitted(data.station.name_zh, "station"),
        w.p(TITLE, "title"),
        Rule(0.8, 2),
        w.key_values(_facts(data), width, w.size * 5.2),
        Rule(0.5, 2, dash=(2, 2)),
        w.p("已收材料：", "left", heading=True),
    ]
    if data.materials_received:
        # Name left, form and copies in their own right-hand column: nothing breaks mid-bracket.
        side = w.size * 4.6
        rows = [[w.p(f"{i}. {m.name_zh}", "left"), w.p(f"{m.form}{m.copies}份", w.style("right"))]
                for i, m in enumerate(data.materials_received, start=1)]
        story.append(w.grid(rows, [width - side, side], [
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]))
    else:
        story.append(w.p("（无）", "left"))
    story += [
        Rule(0.5, 2, dash=(2, 2)),
        Spacer(1, 1 * mm),
        _centered(w, w.drawing(qr_drawing(receipt_qr_text(data.case_number, data.lookup_code), qr_size)), width),
        w.p(f"查询码：{data.lookup_code}", "center"),
        w.p("凭此码在自助终端或微信扫码查询办理进度", "small_center"),
        Rule(0.5, 2, dash=(2, 2)),
        w.p(f"受理单位：{data.station.name_zh}（盖章）", "small"),
        w.p(f"地址：{data.station.address}", "small"),
        w.p(f"咨询电话：{data.station.phone}", "small"),
        w.p("请妥善保管本回执，领取结果时出示。", "small"),
    ]
    if data.decided_above_zh:
        story[-4:-4] = [w.p(data.decided_above_zh, "small"), Rule(0.5, 2, dash=(2, 2))]
    return story


def _centered(w: Writer, flowable: Flowable, width: float) -> Table:
    return w.grid([[flowable]], [width], [
        ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])


def _a4_story(data: ReceiptData, w: Writer) -> list[Flowable]:
    width = w.frame_width
    materials = [[str(i), m.name_zh, m.form, str(m.copies)] for i, m in enumerate(data.materials_received, 1)]
    qr = w.drawing(qr_drawing(receipt_qr_text(data.case_number, data.lookup_code), 32))
    facts = _facts(data, with_number=False)
    fact_table = w.key_values(facts, width - 40 * mm, w.size * 6)
    top = w.grid([[fact_table, qr]], [width - 40 * mm, 40 * mm],
                 [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                  ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
    return [
        w.p(data.station.name_zh, "station"),
        w.p(TITLE, "title"),
        w.p(f"受理编号：{data.case_number}", "number"),
        Rule(1.2, 3),
        Spacer(1, 3 * mm),
        top,
        w.p(f"查询码：{data.lookup_code}（可在自助终端扫描右上角二维码查询办理进度）", "small"),
        w.p("已收材料", "heading"),
        w.table(["序号", "材料名称", "形式", "份数"], materials,
                [14 * mm, width - 60 * mm, 26 * mm, 20 * mm],
                align=["cell_center", "cell", "cell_center", "cell_center"]),
        Spacer(1, 4 * mm),
        w.p(f"您的申请已于{zh_datetime(data.accepted_at)}受理，承诺于{zh_date(data.promised_date)}前办结"
            f"（{working_days_zh(data.time_limit_days)}）。办理进度可凭受理编号和查询码查询，"
            f"咨询电话：{data.station.phone}。", "indent"),
        *([w.p(data.decided_above_zh, "indent")] if data.decided_above_zh else []),
        Spacer(1, 10 * mm),
        w.signature_block(data.station.name_zh, data.accepted_at.date()),
        Spacer(1, 6 * mm),
        w.p(f"地址：{data.station.address}　　受理人：{data.clerk_name}", "small"),
    ]


# Longest texts a receipt lays out (the register's own limits, with room to spare).
LIMITS = {"applicant_name": 60, "transaction_name_zh": 80, "clerk_name": 40, "approval_level": 80}


def build_pdf(data: ReceiptData, paper: Paper = Paper.ROLL_80, *, fonts: FontSet | None = None) -> bytes:
    """The receipt as PDF; DocumentTooLong (before any layout) when a text is longer than any real one."""
    check_lengths([
        ("word.paper.applicant_name", data.applicant_name, LIMITS["applicant_name"]),
        ("word.paper.transaction_name", data.transaction_name_zh, LIMITS["transaction_name_zh"]),
        ("word.paper.clerk_name", data.clerk_name, LIMITS["clerk_name"]),
        ("word.paper.approval_level", data.approval_level, LIMITS["approval_level"]),
        ("word.paper.decided_above", data.decided_above_zh, 300),
        *(("word.paper.material_name", m.name_zh, 200) for m in data.materials_received),
    ])
    w = Writer(paper, fonts, base_size=12.0 if paper is Paper.A4 else None)
    title, author = f"{TITLE} {data.case_number}", data.station.name_zh
    if paper.is_roll:
        return build_roll(_roll_story(data, w), paper, fonts=w.fonts, title=title, author=author)
    return build_a4(_a4_story(data, w), fonts=w.fonts, title=title, author=author)
