"""办事指南 — the public service guide of the catalog: one section per transaction with its six
elements (受理部门, 办理条件, 办理流程, 申请材料, 办理时限, 收费及依据) and its sources (A4).

Fed plain data: the pages `desk.domain.service_guide.guide_page` makes (dicts of text), so anything
that can describe a transaction can print it. Names no citizen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from printing.documents.common import Paper, Rule, Writer, build_a4
from printing.fonts import FontSet

TITLE = "户籍业务办事指南"


def build_pdf(pages: Sequence[Mapping[str, Any]], *, issuer_zh: str, printed_on: date,
              fonts: FontSet | None = None) -> bytes:
    w = Writer(Paper.A4, fonts, base_size=11.0)
    delegated = sum(1 for page in pages if page.get("delegated"))
    story: list[Flowable] = [
        w.p(issuer_zh, "station"), w.p(TITLE, "title"),
        w.p(f"共{len(pages)}项；其中{delegated}项为下放派出所的审批权限（标“★”）。"
            f"编印日期：{printed_on.year}年{printed_on.month}月{printed_on.day}日", "center"),
        Rule(0.8, 3),
    ]
    for index, page in enumerate(pages, start=1):
        story += [CondPageBreak(60 * mm), *_section(w, index, page)]
    return build_a4(story, title=TITLE, author=issuer_zh, fonts=w.fonts,
                    footer=lambda page, total: f"第 {page} 页 / 共 {total} 页")


def _section(w: Writer, index: int, page: Mapping[str, Any]) -> list[Flowable]:
    width = w.frame_width
    star = "★" if page.get("delegated") else ""
    out: list[Flowable] = [
        w.p(f"{index}. {page['name_zh']}{star}（{page['power_type_zh']}）", "heading"),
        w.p(f"一、受理部门：{page['department_zh']}", "body"),
        w.p(f"二、办理条件：{page['conditions_zh']}", "body"),
        w.p("三、办理流程：" + "；".join(f"（{i}）{step}" for i, step in enumerate(page["procedure_zh"], 1)), "body"),
        w.p("四、申请材料：", "body"),
    ]
    rows = [[str(i), m["name_zh"], m["form_zh"], str(m["copies"]), m["when_zh"] or "必须"]
            for i, m in enumerate(page["materials"], start=1)]
    out.append(w.table(["序号", "材料", "形式", "份数", "何时需要"], rows,
                       [10 * mm, width * 0.40, 20 * mm, 10 * mm, width * 0.60 - 40 * mm],
                       align=["cell_center", "cell", "cell_center", "cell_center", "cell"]))
    limit = f"五、办理时限：{page['time_limit_zh']}（{page['approval_zh']}）"
    for tier in page["tiers"]:
        days = "当场办结" if tier["time_limit_days"] == 0 else f"{tier['time_limit_days']}个工作日"
        limit += f"；{tier['when_zh']}的，{tier['approval_zh']}，{days}"
    fee = f"六、收费标准：{page['fee_zh']}"
    if page.get("fee_basis_zh"):
        fee += f"（依据：{page['fee_basis_zh']}）"
    out += [w.p(limit, "body"), w.p(fee, "body"), w.p(f"设定依据：{page['legal_basis_zh']}", "body")]
    sources = [f"{s['title_zh']}，{s['issuer_zh']}，{s['date'] or '日期不详'}，{s['address']}"
               for s in page["sources"]]
    out.append(w.p("信息来源：" + ("；".join(sources) if sources else f"{page['source_zh']}（未核对到公开原文）"),
                   "small"))
    out.append(Spacer(1, 3 * mm))
    return out
