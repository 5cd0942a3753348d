"""The 办事指南 of a transaction — its six published elements — and the evaluation of one case's
values, as plain data for `desk catalog show | evaluate | guide`, the printed guide and any script.

The six elements (受理部门, 办理条件, 办理流程, 申请材料, 办理时限, 收费及依据) come from the catalog;
where a file does not state the department or the steps, the guide says what the approval level
implies (a station-level item is accepted and decided at the station …), never something invented.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Approval, Transaction
from desk.domain.catalog_words import materials_to_bring

DEFAULT_DEPARTMENT_ZH = "常住户口所在地或拟迁入地公安派出所户籍窗口"
_DECIDER_ZH = {Approval.CLERK: "窗口民警当场办结", Approval.LEADER: "派出所所领导审批",
               Approval.BRANCH: "派出所受理后报分局审批", Approval.CITY: "派出所受理后报市公安局审批"}


def time_limit_zh(days: int) -> str:
    return "当场办结" if days == 0 else f"{days}个工作日"


def procedure_steps(transaction: Transaction) -> list[str]:
    """The catalog's steps, or the ones the approval levels imply (申请 → 受理 → 审核/审批 → 办结)."""
    if transaction.procedure_zh:
        return list(transaction.procedure_zh)
    steps = ["申请：申请人持申请材料到户籍窗口提出申请",
             "受理：材料齐全、符合法定形式的当场受理并出具受理回执；材料不全的一次性告知需补正的全部材料；"
             "不予受理的出具不予受理通知书"]
    levels = [transaction.approval, *(tier.approval for tier in transaction.tiers)]
    if any(level is not Approval.CLERK for level in levels):
        deciders = "；".join(dict.fromkeys(_DECIDER_ZH[level] for level in levels if level is not Approval.CLERK))
        steps.append(f"审核审批：{deciders}")
    steps.append("办结：办结后出具办结通知书及相关证件证明；不予办理的书面说明理由并告知救济途径")
    return steps


def guide_page(transaction: Transaction) -> dict[str, Any]:
    """The 办事指南 page of one transaction (the six elements and their sources) as plain data."""
    tiers = [{"when_zh": tier.label_zh, "approval": str(tier.approval), "approval_zh": tier.approval.label_zh,
              "time_limit_days": tier.time_limit_days} for tier in transaction.tiers]
    materials = [{"name_zh": line.name.zh, "form_zh": line.form.zh, "copies": line.copies,
                  "when_zh": line.condition.zh if line.condition else None, "note_zh": line.note_zh}
                 for line in materials_to_bring(transaction)]
    fee = transaction.fee_yuan
    return {
        "code": transaction.code, "name_zh": transaction.name_zh, "name_en": transaction.name_en,
        "power_type_zh": transaction.power_type.label_zh, "delegated": transaction.delegated,
        "replaced_by": list(transaction.replaced_by),
        "department_zh": transaction.department_zh or DEFAULT_DEPARTMENT_ZH,
        "conditions_zh": transaction.conditions_zh,
        "procedure_zh": procedure_steps(transaction),
        "materials": materials,
        "time_limit_zh": time_limit_zh(transaction.time_limit_days),
        "approval_zh": transaction.approval.label_zh,
        "tiers": tiers,
        "fee_zh": "不收费" if not fee else f"{fee}元",
        "fee_basis_zh": transaction.fee_basis_zh,
        "legal_basis_zh": transaction.legal_basis_zh,
        "source_zh": transaction.source,
        "sources": [source.to_json_dict() for source in transaction.sources],
    }


@dataclass(frozen=True)
class Evaluation:
    """What the catalog says about one set of field values (`desk catalog evaluate`)."""

    eligible: bool
    reasons: list[str]
    approval: str
    time_limit_days: int
    materials: list[dict[str, Any]]

    def to_json_dict(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "reasons": self.reasons, "approval": self.approval,
                "time_limit_days": self.time_limit_days, "materials": self.materials}


class UnknownFields(ValueError):
    def __init__(self, keys: list[str], known: list[str]) -> None:
        super().__init__(f"unknown field(s) {', '.join(keys)}; this transaction's fields: {', '.join(known)}")
        self.keys = keys


def evaluate(transaction: Transaction, values: Mapping[str, object], applicant: ApplicantFacts | None = None,
             today: date | None = None) -> Evaluation:
    """Eligibility, tier and materials for these values. A rule that needs a value not given is a
    reason too ("尚不能判断"), so `eligible` is true only when every rule is decided and holds."""
    unknown = sorted(set(values) - {spec.key for spec in transaction.fields})
    if unknown:
        raise UnknownFields(unknown, [spec.key for spec in transaction.fields])
    result = transaction.check_eligibility(values, applicant, today)
    reasons = [rule.reason_zh for rule in result.failed]
    reasons += [f"尚不能判断（缺少所需信息）：{rule.reason_zh}" for rule in result.pending]
    tier = transaction.resolve_tier(values, applicant, today)
    required = {m.key for m in transaction.required_materials(values, applicant, today)}
    materials = [{"name_zh": m.name_zh, "required": m.key in required} for m in transaction.materials]
    return Evaluation(result.eligible, reasons, str(tier.approval), tier.time_limit_days, materials)
