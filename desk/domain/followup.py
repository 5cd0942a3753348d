"""The closed loop for a bad rating (差评整改闭环), as the 政务服务"好差评" rules set it out:
a rating of 不满意 or 非常不满意 is a 差评; the office that served the citizen verifies it (核实),
rectifies what was wrong (整改), calls the citizen back with the result (回访) within 15 working
days; a rating found to be mistaken or untrue goes to an appeal review (申诉复核) instead.

Plain data and rules: which step may follow which, and what each result means. No store, no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desk.domain.errors import InvalidInput
from desk.domain.messages import Term

# The rules give the office 15 working days from the rating to rectify and call back.
FOLLOW_UP_WORKING_DAYS = 15


class FollowUpStep(StrEnum):
    VERIFY = "verify"  # 核实
    RECTIFY = "rectify"  # 整改
    REVISIT = "revisit"  # 回访
    APPEAL_REVIEW = "appeal_review"  # 申诉复核
    CLOSED = "closed"

    @property
    def label_zh(self) -> str:
        return _STEP_ZH[self]


_STEP_ZH = {FollowUpStep.VERIFY: "核实", FollowUpStep.RECTIFY: "整改", FollowUpStep.REVISIT: "回访",
            FollowUpStep.APPEAL_REVIEW: "申诉复核", FollowUpStep.CLOSED: "已办结"}


class StepOutcome(StrEnum):
    """What one step found; decides the next step."""

    FOUNDED = "founded"  # 核实：情况属实 → 整改
    UNFOUNDED = "unfounded"  # 核实：误评或不实 → 申诉复核
    RECTIFIED = "rectified"  # 整改完成 → 回访
    SATISFIED = "satisfied"  # 回访：群众满意 → 办结
    BASICALLY_SATISFIED = "basically_satisfied"  # 回访：基本满意 → 办结
    DISSATISFIED = "dissatisfied"  # 回访：仍不满意 → 再整改
    APPEAL_UPHELD = "appeal_upheld"  # 申诉成立：差评不计 → 办结
    APPEAL_REJECTED = "appeal_rejected"  # 申诉不成立 → 整改

    @property
    def label_zh(self) -> str:
        return _OUTCOME_ZH[self]


_OUTCOME_ZH = {StepOutcome.FOUNDED: "情况属实", StepOutcome.UNFOUNDED: "误评或不实，提出申诉",
               StepOutcome.RECTIFIED: "已整改", StepOutcome.SATISFIED: "回访满意",
               StepOutcome.BASICALLY_SATISFIED: "回访基本满意", StepOutcome.DISSATISFIED: "回访仍不满意",
               StepOutcome.APPEAL_UPHELD: "申诉成立", StepOutcome.APPEAL_REJECTED: "申诉不成立"}

# step → the outcomes it may record → the step that follows.
NEXT_STEP: dict[FollowUpStep, dict[StepOutcome, FollowUpStep]] = {
    FollowUpStep.VERIFY: {StepOutcome.FOUNDED: FollowUpStep.RECTIFY,
                          StepOutcome.UNFOUNDED: FollowUpStep.APPEAL_REVIEW},
    FollowUpStep.RECTIFY: {StepOutcome.RECTIFIED: FollowUpStep.REVISIT},
    FollowUpStep.REVISIT: {StepOutcome.SATISFIED: FollowUpStep.CLOSED,
                           StepOutcome.BASICALLY_SATISFIED: FollowUpStep.CLOSED,
                           StepOutcome.DISSATISFIED: FollowUpStep.RECTIFY},
    FollowUpStep.APPEAL_REVIEW: {StepOutcome.APPEAL_UPHELD: FollowUpStep.CLOSED,
                                 StepOutcome.APPEAL_REJECTED: FollowUpStep.RECTIFY},
}


@dataclass(frozen=True)
class StepRecord:
    step: FollowUpStep
    outcome: StepOutcome
    next_step: FollowUpStep


def record_step(current: FollowUpStep, step: FollowUpStep, outcome: StepOutcome) -> StepRecord:
    """Check that `step` is the one due now and `outcome` one it may record; the step that follows."""
    if current is FollowUpStep.CLOSED:
        raise InvalidInput.say("follow_up.closed")
    if step is not current:
        raise InvalidInput.say("follow_up.wrong_step", current=Term(f"follow_up_step.{current.value}"),
                               step=Term(f"follow_up_step.{step.value}"))
    allowed = NEXT_STEP[current]
    if outcome not in allowed:
        names = "、".join(o.label_zh for o in allowed)
        # The outcomes are named as the clerk's form lists them (in Chinese, as the rules word them).
        raise InvalidInput.say("follow_up.wrong_outcome", step=Term(f"follow_up_step.{current.value}"), outcomes=names)
    return StepRecord(step, outcome, allowed[outcome])
