"""What a case means for the citizen, in plain words: its state, what happens next, what is missing.
(What to bring and a catalog condition in plain words: `desk/domain/catalog_words.py`.)

Pure functions over the service views and the catalog (no Qt): the kiosk's own sentences are `Phrase`s
(Chinese source, English in kiosk_en.ts, said when shown — kiosk/said.py); the catalog's names are data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desk.domain.catalog import Approval, IssuedDocument, Transaction
from desk.domain.workflow import CaseState
from desk.services.case_views import CaseView
from kiosk.said import QT_TRANSLATE_NOOP, Data, Day, Phrase, Said, says


@dataclass(frozen=True)
class CaseSummary:
    """One case as the kiosk shows it: nothing here names the applicant."""

    number: str
    transaction: Said
    state: Said
    next_step: Said
    promised: Said | None
    missing: tuple[Said, ...]
    reason: str | None  # the clerk's or leader's reason for a refusal, as written (Chinese)
    finished: bool
    transaction_code: str = ""  # "" for a “一件事” bundle's folded item (its members have their own)
    rated: bool = False  # 一次一评: rated already (from the rating service), not offered for rating again
    # City mode: the station that holds the case when it is not this kiosk's (the kiosk cannot take its
    # papers' ticket nor reprint its notice: the card names the station to go to instead).
    held_by: Said | None = None

    @property
    def needs_supplement(self) -> bool:
        """Papers are missing and the case can take them (here or at the station holding it)."""
        return bool(self.missing) and bool(self.transaction_code) and not self.finished

    @property
    def supplement_here(self) -> bool:
        """The card offers 打印补交清单 and 取号补交: papers missing, and the case is this kiosk's station's."""
        return self.needs_supplement and self.held_by is None


_STATE_WORDS: dict[CaseState, Phrase] = {
    CaseState.DRAFT: says(QT_TRANSLATE_NOOP("KioskSays", "正在登记，还没有受理")),
    CaseState.ACCEPTED: says(QT_TRANSLATE_NOOP("KioskSays", "已受理，正在办理")),
    CaseState.SUPPLEMENT_REQUESTED: says(QT_TRANSLATE_NOOP("KioskSays", "材料不齐，需要补交")),
    CaseState.UNDER_REVIEW: says(QT_TRANSLATE_NOOP("KioskSays", "正在审核")),
    CaseState.APPROVED: says(QT_TRANSLATE_NOOP("KioskSays", "已批准，正在办结")),
    CaseState.COMPLETED: says(QT_TRANSLATE_NOOP("KioskSays", "已经办好")),
    CaseState.NOT_ACCEPTED: says(QT_TRANSLATE_NOOP("KioskSays", "没有受理")),
    CaseState.DENIED: says(QT_TRANSLATE_NOOP("KioskSays", "没有批准")),
    CaseState.WITHDRAWN: says(QT_TRANSLATE_NOOP("KioskSays", "已撤回")),
}

_COLLECT: dict[IssuedDocument, Phrase] = {
    IssuedDocument.MOVE_IN_PERMIT: says(QT_TRANSLATE_NOOP("KioskSays", "请带身份证到窗口领取《准予迁入证明》。")),
    IssuedDocument.HOUSEHOLD_CERTIFICATE: says(QT_TRANSLATE_NOOP(
        "KioskSays", "请带身份证到窗口领取户籍证明，也可在本机自助打印。")),
    IssuedDocument.BOOKLET: says(QT_TRANSLATE_NOOP("KioskSays", "请带户口簿到窗口领取或更新户口簿。")),
    IssuedDocument.DEREGISTRATION_CERTIFICATE: says(QT_TRANSLATE_NOOP(
        "KioskSays", "请带身份证到窗口领取注销户口证明。")),
}


def what_needs_the_citizen_first(items: list[CaseSummary]) -> list[CaseSummary]:
    """我的办件's order: the cases waiting for the citizen's papers first (their cards carry 打印补交清单 and
    取号补交), then those waiting for papers at another station (city mode: the card says where), then those
    still in hand, then the finished ones — each group newest first, as given. A citizen with a refusal
    newer than the case they came to complete found that case on page 2."""
    return sorted(items, key=_citizen_order)


def _citizen_order(item: CaseSummary) -> int:
    """Papers to bring here first, then papers to bring to another station (city mode), in hand, finished."""
    if item.needs_supplement:
        return 0 if item.supplement_here else 1
    return 3 if item.finished else 2


def state_words(state: CaseState) -> Phrase:
    return _STATE_WORDS[state]


def next_step(case: CaseView, transaction: Transaction | None) -> Phrase:
    """What the citizen should expect or do next."""
    state = case.state
    if state is CaseState.DRAFT:
        return says(QT_TRANSLATE_NOOP("KioskSays", "请带齐材料到窗口，由民警受理。"))
    if state is CaseState.SUPPLEMENT_REQUESTED:
        return says(QT_TRANSLATE_NOOP("KioskSays", "请带齐下面列出的材料到窗口补交，补齐后即可受理。"))
    if state is CaseState.ACCEPTED:
        if case.approval is Approval.CLERK:
            return says(QT_TRANSLATE_NOOP("KioskSays", "窗口民警正在办理，办好后会通知您。"))
        return says(QT_TRANSLATE_NOOP("KioskSays", "材料将交领导审核，审核后通知您。"))
    if state is CaseState.UNDER_REVIEW:
        if case.approval is Approval.BRANCH:
            return says(QT_TRANSLATE_NOOP("KioskSays", "分局正在审核，无需您做什么，请等候通知。"))
        if case.approval is Approval.CITY:
            return says(QT_TRANSLATE_NOOP("KioskSays", "市公安局正在审核，无需您做什么，请等候通知。"))
        return says(QT_TRANSLATE_NOOP("KioskSays", "所领导正在审核，无需您做什么，请等候通知。"))
    if state is CaseState.APPROVED:
        return says(QT_TRANSLATE_NOOP("KioskSays", "已经批准，窗口办结后通知您。"))
    if state is CaseState.COMPLETED:
        document = transaction.issues_document if transaction is not None else IssuedDocument.RECEIPT_ONLY
        return _COLLECT.get(document, says(QT_TRANSLATE_NOOP("KioskSays", "已经全部办完，无需再做什么。")))
    if state is CaseState.NOT_ACCEPTED:
        return says(QT_TRANSLATE_NOOP("KioskSays", "原因见下方。如有疑问，请到窗口咨询。"))
    if state is CaseState.DENIED:
        return says(QT_TRANSLATE_NOOP(
            "KioskSays", "原因见下方。不服的，可依法申请行政复议或提起行政诉讼，详见决定书。"))
    return says(QT_TRANSLATE_NOOP("KioskSays", "这件申请已经撤回，无需再办。"))


def summarise(case: CaseView, transaction: Transaction | None, *, rated: bool = False,
              held_by: Said | None = None) -> CaseSummary:
    """`held_by`: the station holding the case when it is not the kiosk's (city mode)."""
    name = Data.of(transaction.name_zh, transaction.name_en) if transaction else Data.of(case.transaction_code, None)
    promised: Said | None = None
    if case.state is CaseState.COMPLETED and case.completed_on is not None:
        promised = says(QT_TRANSLATE_NOOP("KioskSays", "{day}办结"), day=Day(case.completed_on))
    elif case.due_date is not None and not case.state.is_final:
        promised = says(QT_TRANSLATE_NOOP("KioskSays", "承诺{day}前办结"), day=Day(case.due_date))
    missing: tuple[Said, ...] = ()
    if case.state is CaseState.SUPPLEMENT_REQUESTED:
        missing = tuple(_material_words(item) for item in case.missing_materials)
    reason = case.decision_reason if case.state in (CaseState.NOT_ACCEPTED, CaseState.DENIED) else None
    step: Said = next_step(case, transaction)
    if held_by is not None and case.state is CaseState.SUPPLEMENT_REQUESTED:
        step = says(QT_TRANSLATE_NOOP("KioskSays", "这件申请由{station}受理，请带齐下面列出的材料到该所窗口补交。"),
                    station=held_by)
    return CaseSummary(case.number, name, state_words(case.state), step, promised, missing,
                       reason, case.state.is_final, case.transaction_code, rated, held_by)


def _material_words(item: dict[str, Any]) -> Said:
    copies = int(item.get("copies") or 1)
    name = Data.of(str(item.get("name_zh", "")), str(item.get("name_en") or ""))
    if copies > 1:
        return says(QT_TRANSLATE_NOOP("KioskSays", "{name} {copies}份"), name=name, copies=copies)
    return name
