"""Step 4 of a new case: why the accept button is (not) enabled, and the work each decision does.

`accept_blockers` turns the form's problems, the eligibility rules and the missing materials into
the sentences shown under the disabled accept button. The decisions themselves are use cases
(`desk/services/decisions.py`): one call, one transaction, the papers to print returned.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desk.domain.catalog import EligibilityResult, FieldProblem, MaterialSpec


@dataclass(frozen=True)
class Blocker:
    message_zh: str
    message_en: str


def accept_blockers(problems: Sequence[FieldProblem], eligibility: EligibilityResult,
                    missing: Sequence[MaterialSpec], has_case: bool) -> list[Blocker]:
    """Every reason the case cannot be accepted right now (empty: the accept button is enabled)."""
    blockers: list[Blocker] = []
    if not has_case:
        blockers.append(Blocker("正在建立申请草稿…", "Creating the draft…"))
    if problems:
        first = problems[0]
        blockers.append(Blocker(f"表单有 {len(problems)} 处需要修改，例如：{first.message_zh}",
                                f"{len(problems)} field(s) need attention, e.g. {first.message_en}"))
    for rule in eligibility.failed:
        blockers.append(Blocker(f"不符合办理条件：{rule.reason_zh}", f"Not eligible: {rule.reason_en}"))
    if eligibility.pending and not problems:
        rule = eligibility.pending[0]
        blockers.append(Blocker(f"尚不能判断：{rule.reason_zh}", f"Cannot tell yet: {rule.reason_en}"))
    if missing:
        names = "、".join(m.name_zh for m in missing)
        names_en = ", ".join(m.name_en for m in missing)
        blockers.append(Blocker(f"还缺 {len(missing)} 项材料：{names}（可出具一次性告知书）",
                                f"{len(missing)} material(s) missing: {names_en} (issue a supplement notice)"))
    return blockers
