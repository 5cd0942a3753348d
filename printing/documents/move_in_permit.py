"""准予迁入证明 — the move-in permit, laid out as the national form (A4).

Issued by the registration authority of the destination; the persons moving (with their full
ID numbers, as the form requires), origin and destination, reason and period of validity.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from printing.documents.common import Paper, Rule, Writer, build_a4, zh_date
from printing.fonts import FontSet
from printing.models import MoveInPermitData

TITLE = "准予迁入证明"
NOTES = (
    "一、迁移人员须在有效期内持本证明到迁出地户口登记机关办理户口迁出手续，逾期作废。",
    "二、本证明涂改无效；迁入时须与迁出地出具的户口迁移信息一并使用。",
)


def _form(data: MoveInPermitData, w: Writer) -> Table:
    width = w.frame_width

    def cell(text: str, style: str = "cell") -> Paragraph:
        return w.p(text, style)

    def label(text: str) -> Paragraph:
        return w.p(text, "cell_head")

    cols = [34 * mm, 21 * mm, 11 * mm, 31 * mm, width - 117 * mm, 20 * mm]
    rows: list[list[object]] = [
        [label(t) for t in ("迁移人员", "姓名", "性别", "出生日期", "公民身份号码", "与申请人关系")]
    ]
    for person in data.persons:
        rows.append(["", cell(person.name, "cell_center"), cell(person.sex, "cell_center"),
                     cell(zh_date(person.birth_date), "cell_center"), cell(person.id_number, "cell_center"),
                     cell(person.relationship_zh, "cell_center")])
    first_fact = len(rows)
    facts = [
        ("迁移原因", data.reason_zh),
        *([("准予迁入证明", data.permit_reference_zh)] if data.permit_reference_zh else []),
        *([("补发", data.reissue_of_zh)] if data.reissue_of_zh else []),
        ("迁出地", data.from_address_zh),
        ("迁出地户口登记机关", data.from_authority_zh),
        ("迁入地详细地址", data.to_address_zh),
        ("迁入地户口登记机关", data.to_authority_zh),
        ("有效期", f"自{zh_date(data.issued_on)}起至{zh_date(data.valid_until)}止"),
        ("承办人", data.clerk_name),
        ("受理编号", data.case_number),
    ]
    for name, value in facts:
        rows.append([label(name), cell(value), "", "", "", ""])
    commands: list[tuple[object, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BOX", (0, 0), (-1, -1), 1.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("SPAN", (0, 0), (0, len(data.persons))),
    ]
    for r in range(first_fact, len(rows)):
        commands.append(("SPAN", (1, r), (-1, r)))
    return w.grid(rows, cols, commands)


def build_pdf(data: MoveInPermitData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    return build_move_form(data, TITLE, NOTES, data.to_authority_zh, paper, fonts=fonts)


def build_move_form(data: MoveInPermitData, title: str, notes: tuple[str, ...], issuer_zh: str,
                    paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    """The national move form: 准予迁入证明 (issued by the destination) or 户口迁移证 (by the origin)."""
    if paper is not Paper.A4:
        raise ValueError(f"{title}只印在A4纸上 / the move forms are printed on A4 only")
    w = Writer(Paper.A4, fonts, base_size=13.0)
    if data.reissue_of_zh:
        title = f"{title}（补发）"  # a re-issued paper says so where the eye lands first
    story: list[Flowable] = [
        w.p(title, w.style("title", fontSize=26, leading=36)),
        w.p(f"编号：{data.permit_number}", "number"),
        Rule(1.5, 2),
        Spacer(1, 4 * mm),
        _form(data, w),
        Spacer(1, 12 * mm),
        w.signature_block(issuer_zh, data.issued_on, seal="（签发机关印章）"),
        Spacer(1, 8 * mm),
        w.p("注意事项：", "small"),
        *[w.p(note, "small") for note in notes],
        w.p(f"{'一二三四五'[len(notes)]}、咨询电话：{data.station.phone}；地址：{data.station.address}。", "small"),
    ]
    return build_a4(story, title=f"{title} {data.permit_number}", author=data.station.name_zh, fonts=w.fonts,
                    margins_mm=(28, 26, 20, 28))
