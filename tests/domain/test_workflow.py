"""The case state machine as pure rules: every action from every state, for every role."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.workflow import (
    FINAL_STATES,
    RULES,
    Action,
    Actor,
    Approval,
    CaseFacts,
    CaseState,
    Role,
    WorkflowError,
    allowed_actions,
    check,
)

CLERK = Actor(1, Role.CLERK)
OTHER_CLERK = Actor(2, Role.CLERK)
LEADER = Actor(3, Role.LEADER)
MANAGER = Actor(4, Role.MANAGER)
ADMIN = Actor(5, Role.ADMIN)


def facts(state: CaseState, approval: Approval = Approval.LEADER, accepted_by: int | None = 1) -> CaseFacts:
    return CaseFacts(state, approval, accepted_by)


def test_happy_path_leader_item() -> None:
    state = CaseState.DRAFT
    for action, actor in [(Action.ACCEPT, CLERK), (Action.SUBMIT_FOR_REVIEW, CLERK),
                          (Action.APPROVE, LEADER), (Action.COMPLETE, CLERK)]:
        state = check(facts(state), action, actor).target
    assert state is CaseState.COMPLETED


def test_clerk_item_completes_without_review() -> None:
    accepted = facts(CaseState.ACCEPTED, Approval.CLERK)
    assert check(accepted, Action.COMPLETE, CLERK).target is CaseState.COMPLETED
    with pytest.raises(WorkflowError) as info:
        check(accepted, Action.SUBMIT_FOR_REVIEW, CLERK)
    assert info.value.code == "no_review_needed"


def test_final_states_allow_nothing() -> None:
    for state, actor in itertools.product(FINAL_STATES, [CLERK, LEADER, MANAGER, ADMIN]):
        assert allowed_actions(facts(state), actor) == []


@pytest.mark.parametrize("actor", [MANAGER, ADMIN])
def test_manager_and_admin_take_no_case_decisions(actor: Actor) -> None:
    for state in CaseState:
        assert allowed_actions(facts(state), actor) == []


def test_reasons_required_for_refusals() -> None:
    for action, state in [(Action.NOT_ACCEPT, CaseState.DRAFT), (Action.DENY, CaseState.UNDER_REVIEW),
                          (Action.WITHDRAW, CaseState.ACCEPTED)]:
        actor = LEADER if action is Action.DENY else CLERK
        with pytest.raises(WorkflowError) as info:
            check(facts(state, accepted_by=9), action, actor, reason=" ")
        assert info.value.code == "reason_required"
        assert check(facts(state, accepted_by=9), action, actor, reason="理由").reason == "理由"


def test_separation_of_duties() -> None:
    review = facts(CaseState.UNDER_REVIEW, Approval.LEADER, accepted_by=LEADER.user_id)
    with pytest.raises(WorkflowError) as info:
        check(review, Action.APPROVE, LEADER)
    assert info.value.code == "same_person"
    branch = facts(CaseState.UNDER_REVIEW, Approval.BRANCH, accepted_by=CLERK.user_id)
    assert check(branch, Action.APPROVE, OTHER_CLERK).target is CaseState.APPROVED
    with pytest.raises(WorkflowError):
        check(branch, Action.APPROVE, CLERK)


def test_whoever_submitted_for_review_never_decides() -> None:
    submitted = CaseFacts(CaseState.UNDER_REVIEW, Approval.LEADER, accepted_by=CLERK.user_id,
                          submitted_by=LEADER.user_id)
    for action in (Action.APPROVE, Action.DENY):
        with pytest.raises(WorkflowError) as info:
            check(submitted, action, LEADER, reason="同意")
        assert info.value.code == "same_person"
    assert Action.APPROVE not in allowed_actions(submitted, LEADER)


def test_messages_are_for_people() -> None:
    with pytest.raises(WorkflowError) as info:
        check(facts(CaseState.COMPLETED), Action.ACCEPT, CLERK)
    assert "已办结" in info.value.message_zh and "受理" in info.value.message_zh
    assert "completed" in info.value.message_en


@given(
    state=st.sampled_from(list(CaseState)),
    action=st.sampled_from(list(Action)),
    role=st.sampled_from(list(Role)),
    approval=st.sampled_from(list(Approval)),
    accepted_by=st.one_of(st.none(), st.integers(1, 3)),
    user_id=st.integers(1, 3),
)
def test_any_allowed_transition_follows_the_rule_table(
    state: CaseState, action: Action, role: Role, approval: Approval, accepted_by: int | None, user_id: int
) -> None:
    actor = Actor(user_id, role)
    try:
        transition = check(CaseFacts(state, approval, accepted_by), action, actor, reason="r")
    except WorkflowError as error:
        assert error.message_zh and error.message_en
        return
    rule = RULES[action]
    assert state in rule.sources and role in rule.roles
    assert transition.target is rule.target
    assert state not in FINAL_STATES
