"""Step 4 of a new case: why the accept button is (not) enabled, and the work each decision does.

`accept_blockers` turns the form's problems, the eligibility rules and the missing materials into
the sentences shown under the disabled accept button. The `run_*` functions are what the worker
thread does for a decision: change the case through the service, then render the paper to print.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desk.domain.catalog import EligibilityResult, FieldProblem, MaterialSpec
from desk.domain.workflow import Actor
from desk.ui.context import DeskContext

if TYPE_CHECKING:
    from desk.services.case_views import CaseView


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


@dataclass(frozen=True)
class Decided:
    case: CaseView
    kind: str  # the document printed
    title_zh: str
    serial: str
    pdf: bytes


def _with_paper(context: DeskContext, actor: Actor, case: CaseView, kind: str) -> Decided:
    paper = context.core.documents.case_document(kind, case.number, actor=actor)
    return Decided(case, kind, paper.title_zh, paper.serial, paper.pdf)


def run_accept(context: DeskContext, actor: Actor, number: str, version: int, received: list[str],
               values: dict[str, Any]) -> Decided:
    case = context.core.cases.accept(actor, number, version, received, values)
    return _with_paper(context, actor, case, "receipt")


def run_supplement(context: DeskContext, actor: Actor, number: str, version: int, received: list[str],
                   values: dict[str, Any]) -> Decided:
    case = context.core.cases.request_supplement(actor, number, version, received, values)
    return _with_paper(context, actor, case, "supplement_notice")


def run_not_accept(context: DeskContext, actor: Actor, number: str, version: int, reason: str,
                   values: dict[str, Any]) -> Decided:
    # The form as typed is kept with the case (what was asked for), then the refusal recorded.
    case = context.core.cases.save_draft(actor, number, values, version)
    case = context.core.cases.not_accept(actor, number, case.version, reason)
    return _with_paper(context, actor, case, "not_accepted_notice")


def run_complete(context: DeskContext, actor: Actor, number: str, version: int) -> Decided:
    case = context.core.cases.complete(actor, number, version)
    return _with_paper(context, actor, case, "completion_notice")
