"""What a case means for the citizen, in plain words: its state, what happens next, what is missing.
(What to bring and a catalog condition in plain words: `desk/domain/catalog_words.py`.)

Pure functions over the service views and the catalog (no Qt): every text comes as a `Words` pair
(Chinese first, English beside it) and the screen picks one by its language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.domain.catalog import Approval, IssuedDocument, Transaction
from desk.domain.catalog_words import Words
from desk.domain.workflow import CaseState
from desk.services.case_views import CaseView


@dataclass(frozen=True)
class CaseSummary:
    """One case as the kiosk shows it: nothing here names the applicant."""

    number: str
    transaction: Words
    state: Words
    next_step: Words
    promised: Words | None
    missing: tuple[Words, ...]
    reason: str | None  # the clerk's or leader's reason for a refusal, as written (Chinese)
    finished: bool


_STATE_WORDS: dict[CaseState, Words] = {
    CaseState.DRAFT: Words("正在登记，还没有受理", "Being recorded, not yet accepted"),
    CaseState.ACCEPTED: Words("已受理，正在办理", "Accepted and in progress"),
    CaseState.SUPPLEMENT_REQUESTED: Words("材料不齐，需要补交", "Some papers are missing"),
    CaseState.UNDER_REVIEW: Words("正在审核", "Being reviewed"),
    CaseState.APPROVED: Words("已批准，正在办结", "Approved, being finished"),
    CaseState.COMPLETED: Words("已经办好", "Done"),
    CaseState.NOT_ACCEPTED: Words("没有受理", "Not accepted"),
    CaseState.DENIED: Words("没有批准", "Not approved"),
    CaseState.WITHDRAWN: Words("已撤回", "Withdrawn"),
}

_COLLECT: dict[IssuedDocument, Words] = {
    IssuedDocument.MOVE_IN_PERMIT: Words("请带身份证到窗口领取《准予迁入证明》。",
                                         "Collect the move-in permit at the counter with your ID card."),
    IssuedDocument.HOUSEHOLD_CERTIFICATE: Words("请带身份证到窗口领取户籍证明，也可在本机自助打印。",
                                                "Collect the certificate at the counter, or print it here."),
    IssuedDocument.BOOKLET: Words("请带户口簿到窗口领取或更新户口簿。",
                                  "Bring the household booklet to the counter to collect or update it."),
    IssuedDocument.DEREGISTRATION_CERTIFICATE: Words("请带身份证到窗口领取注销户口证明。",
                                                     "Collect the deregistration certificate at the counter."),
}


def state_words(state: CaseState) -> Words:
    return _STATE_WORDS[state]


def next_step(case: CaseView, transaction: Transaction | None) -> Words:
    """What the citizen should expect or do next."""
    state = case.state
    if state is CaseState.DRAFT:
        return Words("请带齐材料到窗口，由民警受理。", "Bring the papers to the counter to have it accepted.")
    if state is CaseState.SUPPLEMENT_REQUESTED:
        return Words("请带齐下面列出的材料到窗口补交，补齐后即可受理。",
                     "Bring the papers listed below to the counter; then it can be accepted.")
    if state is CaseState.ACCEPTED:
        if case.approval is Approval.CLERK:
            return Words("窗口民警正在办理，办好后会通知您。",
                         "The counter is handling it and will tell you when done.")
        return Words("材料将交领导审核，审核后通知您。",
                     "It goes to the leader for review; you will be told the result.")
    if state is CaseState.UNDER_REVIEW:
        who = {Approval.BRANCH: "分局", Approval.CITY: "市公安局"}.get(case.approval, "所领导")
        who_en = {"分局": "the branch office", "市公安局": "the city bureau"}.get(who, "the station leader")
        return Words(f"{who}正在审核，无需您做什么，请等候通知。", f"{who_en} is reviewing it; nothing to do but wait.")
    if state is CaseState.APPROVED:
        return Words("已经批准，窗口办结后通知您。", "Approved; the counter will finish it and tell you.")
    if state is CaseState.COMPLETED:
        document = transaction.issues_document if transaction is not None else IssuedDocument.RECEIPT_ONLY
        return _COLLECT.get(document, Words("已经全部办完，无需再做什么。", "All done; nothing more to do."))
    if state is CaseState.NOT_ACCEPTED:
        return Words("原因见下方。如有疑问，请到窗口咨询。", "See the reason below; ask at the counter if unsure.")
    if state is CaseState.DENIED:
        return Words("原因见下方。不服的，可依法申请行政复议或提起行政诉讼，详见决定书。",
                     "See the reason below. You may appeal; the decision letter says how.")
    return Words("这件申请已经撤回，无需再办。", "This application was withdrawn; nothing more to do.")


def summarise(case: CaseView, transaction: Transaction | None) -> CaseSummary:
    name = Words(transaction.name_zh, transaction.name_en) if transaction else Words(
        case.transaction_code, case.transaction_code)
    promised: Words | None = None
    if case.state is CaseState.COMPLETED and case.completed_on is not None:
        promised = Words(f"{zh_date(case.completed_on)}办结", f"finished on {case.completed_on:%d %b %Y}")
    elif case.due_date is not None and not case.state.is_final:
        promised = Words(f"承诺{zh_date(case.due_date)}前办结", f"promised by {case.due_date:%d %b %Y}")
    missing: tuple[Words, ...] = ()
    if case.state is CaseState.SUPPLEMENT_REQUESTED:
        missing = tuple(_material_words(item) for item in case.missing_materials)
    reason = case.decision_reason if case.state in (CaseState.NOT_ACCEPTED, CaseState.DENIED) else None
    return CaseSummary(case.number, name, state_words(case.state), next_step(case, transaction), promised, missing,
                       reason, case.state.is_final)


def _material_words(item: dict[str, Any]) -> Words:
    copies = int(item.get("copies") or 1)
    zh = str(item.get("name_zh", ""))
    en = str(item.get("name_en") or zh)
    return Words(zh + (f" {copies}份" if copies > 1 else ""), en + (f" ×{copies}" if copies > 1 else ""))


def zh_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
