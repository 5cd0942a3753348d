"""户口迁移证 — the migration certificate the origin issues when a person moves out on a paper
准予迁入证明: everyone moving, from and to, the permit it rests on, and its validity (A4).

The same national form as the move-in permit (`move_in_permit.build_move_form`), signed by the origin.
"""

from __future__ import annotations

from printing.documents.common import Paper
from printing.documents.move_in_permit import build_move_form
from printing.fonts import FontSet
from printing.models import MoveInPermitData

TITLE = "户口迁移证"
NOTES = (
    "一、迁移人员须在有效期内持本证到迁入地户口登记机关办理落户手续，逾期作废。",
    "二、本证涂改无效；遗失的，由迁出地户口登记机关核实后补发。",
)


def build_pdf(data: MoveInPermitData, paper: Paper = Paper.A4, *, fonts: FontSet | None = None) -> bytes:
    return build_move_form(data, TITLE, NOTES, data.from_authority_zh, paper, fonts=fonts)
