"""The life of a case (申请): states, actions, who may take them, and the rules between them.

Pure functions over plain values; the services apply a `Transition` to the store and audit it.

    draft ─accept──────────────▶ accepted ─submit_for_review─▶ under_review ─approve─▶ approved ─complete─▶ completed
      │  ─request_supplement─▶ supplement_requested ─accept─▶ …                  └─deny──▶ denied
      └─not_accept─▶ not_accepted          accepted ─complete─▶ completed  (clerk-level items, on the spot)
    draft | supplement_requested | accepted | under_review | approved ─withdraw─▶ withdrawn
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Protocol, TypeVar

from desk.domain.catalog import Approval
from desk.domain.errors import DeskError
from desk.domain.messages import Term


class CaseState(StrEnum):
    DRAFT = "draft"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    DENIED = "denied"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"

    @property
    def label_zh(self) -> str:
        return STATE_LABELS_ZH[self]

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATES


STATE_LABELS_ZH: dict[CaseState, str] = {
    CaseState.DRAFT: "草稿",
    CaseState.ACCEPTED: "已受理",
    CaseState.NOT_ACCEPTED: "不予受理",
    CaseState.SUPPLEMENT_REQUESTED: "待补正",
    CaseState.UNDER_REVIEW: "审核中",
    CaseState.APPROVED: "已批准",
    CaseState.DENIED: "不予批准",
    CaseState.COMPLETED: "已办结",
    CaseState.WITHDRAWN: "已撤回",
}

FINAL_STATES = frozenset({CaseState.NOT_ACCEPTED, CaseState.DENIED, CaseState.COMPLETED, CaseState.WITHDRAWN})
# States in which the promised completion date is running (for due / overdue queries).
OPEN_STATES = frozenset({CaseState.ACCEPTED, CaseState.UNDER_REVIEW, CaseState.APPROVED})


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    MANAGER = "manager"
    ADMIN = "admin"
    # 分局户政: decides branch-level cases for every station of its branch (city mode).
    BRANCH = "branch"

    @property
    def label_zh(self) -> str:
        return {"clerk": "窗口民警", "leader": "所领导", "manager": "管理员（所长）", "admin": "系统管理员",
                "branch": "分局户政"}[self]


class Action(StrEnum):
    ACCEPT = "accept"
    NOT_ACCEPT = "not_accept"
    REQUEST_SUPPLEMENT = "request_supplement"
    SUBMIT_FOR_REVIEW = "submit_for_review"
    APPROVE = "approve"
    DENY = "deny"
    COMPLETE = "complete"
    WITHDRAW = "withdraw"

    @property
    def label_zh(self) -> str:
        return ACTION_LABELS_ZH[self]


ACTION_LABELS_ZH: dict[Action, str] = {
    Action.ACCEPT: "受理",
    Action.NOT_ACCEPT: "不予受理",
    Action.REQUEST_SUPPLEMENT: "一次性告知补正",
    Action.SUBMIT_FOR_REVIEW: "提交审核",
    Action.APPROVE: "批准",
    Action.DENY: "不予批准",
    Action.COMPLETE: "办结",
    Action.WITHDRAW: "撤回申请",
}


@dataclass(frozen=True)
class _Rule:
    sources: frozenset[CaseState]
    target: CaseState
    roles: frozenset[Role]
    needs_reason: bool = False


_DESK = frozenset({Role.CLERK, Role.LEADER})
_DECIDERS = frozenset({Role.CLERK, Role.LEADER, Role.BRANCH})

RULES: dict[Action, _Rule] = {
    Action.ACCEPT: _Rule(frozenset({CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED}), CaseState.ACCEPTED, _DESK),
    Action.NOT_ACCEPT: _Rule(
        frozenset({CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED}), CaseState.NOT_ACCEPTED, _DESK, True
    ),
    Action.REQUEST_SUPPLEMENT: _Rule(
        frozenset({CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED}), CaseState.SUPPLEMENT_REQUESTED, _DESK
    ),
    Action.SUBMIT_FOR_REVIEW: _Rule(frozenset({CaseState.ACCEPTED}), CaseState.UNDER_REVIEW, _DESK),
    Action.APPROVE: _Rule(frozenset({CaseState.UNDER_REVIEW}), CaseState.APPROVED, _DECIDERS),
    Action.DENY: _Rule(frozenset({CaseState.UNDER_REVIEW}), CaseState.DENIED, _DECIDERS, True),
    Action.COMPLETE: _Rule(frozenset({CaseState.ACCEPTED, CaseState.APPROVED}), CaseState.COMPLETED, _DESK),
    Action.WITHDRAW: _Rule(
        frozenset(
            {
                CaseState.DRAFT,
                CaseState.SUPPLEMENT_REQUESTED,
                CaseState.ACCEPTED,
                CaseState.UNDER_REVIEW,
                CaseState.APPROVED,
            }
        ),
        CaseState.WITHDRAWN,
        _DESK,
        True,
    ),
}


class WorkflowError(DeskError):
    """An action that the rules do not allow (`WorkflowError.say(key, code=…)`)."""


@dataclass(frozen=True)
class CaseFacts:
    """What the workflow needs to know about a case to judge an action."""

    state: CaseState
    approval: Approval
    accepted_by: int | None  # user id of the clerk who accepted it
    submitted_by: int | None = None  # user id of whoever last submitted it for review


@dataclass(frozen=True)
class Actor:
    user_id: int
    role: Role
    display_name: str = ""


@dataclass(frozen=True)
class Transition:
    action: Action
    source: CaseState
    target: CaseState
    reason: str | None


def allowed_actions(case: CaseFacts, actor: Actor) -> list[Action]:
    """The actions this actor may take on this case now, in a sensible order for buttons."""
    allowed = []
    for action in Action:
        try:
            check(case, action, actor, reason="-")
        except WorkflowError:
            continue
        allowed.append(action)
    return allowed


def check(case: CaseFacts, action: Action, actor: Actor, reason: str | None = None) -> Transition:
    """Return the transition `action` makes, or raise WorkflowError saying why it is not allowed."""
    rule = RULES[action]
    if case.state not in rule.sources:
        raise WorkflowError.say("workflow.invalid_state", code="invalid_state",
                                state=Term(f"state.{case.state.value}"), action=Term(f"action.{action.value}"))
    if actor.role not in rule.roles:
        raise WorkflowError.say("workflow.not_permitted", code="not_permitted",
                                role=Term(f"role.{actor.role.value}"), action=Term(f"action.{action.value}"))
    _check_approval_path(case, action, actor)
    clean_reason = (reason or "").strip() or None
    if rule.needs_reason and clean_reason is None:
        raise WorkflowError.say("workflow.reason_required", code="reason_required",
                                action=Term(f"action.{action.value}"))
    return Transition(action, case.state, rule.target, clean_reason)


def _check_approval_path(case: CaseFacts, action: Action, actor: Actor) -> None:
    needs_review = case.approval.needs_review
    if action is Action.SUBMIT_FOR_REVIEW and not needs_review:
        raise WorkflowError.say("workflow.no_review_needed", code="no_review_needed")
    if action is Action.COMPLETE and case.state is CaseState.ACCEPTED and needs_review:
        raise WorkflowError.say("workflow.review_required", code="review_required")
    if action in (Action.APPROVE, Action.DENY):
        # A leader decides leader-level items; branch-level decisions are the branch's, recorded at
        # the station by a clerk or leader. Either way the person who accepted does not decide.
        if case.approval is Approval.LEADER and actor.role is not Role.LEADER:
            raise WorkflowError.say("workflow.leader_only", code="leader_only")
        if case.accepted_by is not None and case.accepted_by == actor.user_id:
            raise WorkflowError.say("workflow.accepted_by_decider", code="same_person")
        if case.submitted_by is not None and case.submitted_by == actor.user_id:
            raise WorkflowError.say("workflow.submitted_by_decider", code="same_person")


class _Waiting(Protocol):
    @property
    def due_date(self) -> date | None: ...

    @property
    def number(self) -> str: ...


_W = TypeVar("_W", bound=_Waiting)


def soonest_due_first(cases: Iterable[_W]) -> list[_W]:
    """Approvals as an approver works down them — Today's list and the case view's 下一件待审批 alike: the
    soonest due first, so one already overdue is at the top, not under the day's new ones."""
    return sorted(cases, key=lambda case: (case.due_date or date.max, case.number))
