"""Case workflow through the real services and store, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk

from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound
from desk.domain.workflow import CaseState, WorkflowError
from desk.services import audit
from desk.services.cases import FormIncomplete, MaterialsMissing, NotEligible

PHONE = "13912345678"


def _leader_values() -> dict[str, object]:
    return {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}


def test_on_the_spot_item_accepted_and_completed(desk: Desk) -> None:
    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    assert draft.state is CaseState.DRAFT
    assert draft.number == "HP01-20260302-0001"
    draft = cases.save_draft(desk.clerk, draft.number, {"lost": True, "contact_phone": PHONE}, draft.version)
    accepted = cases.accept(desk.clerk, draft.number, draft.version, ["id_card", "loss_statement"])
    assert accepted.state is CaseState.ACCEPTED
    assert accepted.due_date == date(2026, 3, 2)  # 0 working days: the same day
    done = cases.complete(desk.clerk, accepted.number, accepted.version)
    assert done.state is CaseState.COMPLETED
    assert [e.action for e in done.events] == ["open", "accept", "complete"]
    assert {m.key for m in done.materials} == {"id_card", "loss_statement"}


def test_case_numbers_count_per_station_and_day(desk: Desk) -> None:
    first = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    second = desk.core.cases.open_draft(desk.clerk2, YOUNG_WOMAN, "spot_item")
    desk.clock.advance(timedelta(days=1))
    third = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    assert [first.number, second.number, third.number] == [
        "HP01-20260302-0001", "HP01-20260302-0002", "HP01-20260303-0001"]
    assert len({first.lookup_code, second.lookup_code, third.lookup_code}) == 3


def test_accept_refuses_incomplete_form_and_names_each_field(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": "123"})
    with pytest.raises(FormIncomplete) as info:
        desk.core.cases.accept(desk.clerk, draft.number, draft.version, ["id_card", "loss_statement"])
    assert [p.key for p in info.value.problems] == ["contact_phone"]
    # Each field's problem inside the summary, the field's label (catalog data) in the line's language.
    assert info.value.message_zh == ("表单有 1 处需要修改：联系电话："
                                     "应为11位手机号码（1开头）或“区号-号码”形式的固定电话。")
    assert info.value.message_en == ("The form has 1 problem(s): Phone: must be an 11-digit mobile number "
                                     "(starting 13-19) or a landline like 024-12345678.")
    assert desk.core.queries.get(draft.number).state is CaseState.DRAFT
    empty = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {})
    with pytest.raises(FormIncomplete) as both:
        desk.core.cases.accept(desk.clerk, empty.number, empty.version, ["id_card"])
    assert both.value.message_zh == "表单有 2 处需要修改：请填写“户口簿遗失”。；请填写“联系电话”。"
    assert both.value.message_en == "The form has 2 problem(s): Booklet lost is required.; Phone is required."


def test_supplement_notice_lists_every_missing_material_at_once(desk: Desk) -> None:
    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, OLD_MAN, "leader_item", _leader_values())
    with pytest.raises(MaterialsMissing) as info:
        cases.accept(desk.clerk, draft.number, draft.version, ["booklet"])
    assert {m["key"] for m in info.value.missing} == {"relationship_proof", "marriage_certificate"}
    assert info.value.message_zh == "还缺少 2 项材料：亲属关系证明、结婚证。可出具一次性告知书。"
    assert info.value.message_en == ("2 material(s) missing: Proof of relationship, Marriage certificate; "
                                     "issue a one-time supplement notice instead.")
    asked = cases.request_supplement(desk.clerk, draft.number, draft.version, ["booklet"])
    assert asked.state is CaseState.SUPPLEMENT_REQUESTED
    assert [m["key"] for m in asked.missing_materials] == ["relationship_proof", "marriage_certificate"]
    assert all(m["why_zh"] for m in asked.missing_materials)
    # The citizen comes back with everything: acceptance now works; materials accumulate.
    accepted = cases.accept(desk.clerk, asked.number, asked.version, ["relationship_proof", "marriage_certificate"])
    assert accepted.state is CaseState.ACCEPTED
    assert accepted.missing_materials == []
    assert {m.key for m in accepted.materials} == {"booklet", "relationship_proof", "marriage_certificate"}


def test_conditional_material_follows_the_form(desk: Desk) -> None:
    values = _leader_values() | {"marital_status": "widowed"}
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "leader_item", values)
    accepted = desk.core.cases.accept(desk.clerk, draft.number, draft.version, ["booklet", "relationship_proof"])
    assert accepted.state is CaseState.ACCEPTED


def test_ineligible_applicant_is_refused_with_the_published_reason(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "leader_item", _leader_values())
    with pytest.raises(NotEligible) as info:
        desk.core.cases.accept(desk.clerk, draft.number, draft.version,
                               ["booklet", "relationship_proof", "marriage_certificate"])
    assert info.value.message_zh == "不符合办理条件：投靠子女须男满 60 周岁、女满 55 周岁。"
    assert info.value.message_en == "Not eligible: Men must be 60 and women 55 to join a child."
    refused = desk.core.cases.not_accept(desk.clerk, draft.number, draft.version, "年龄不符合投靠条件")
    assert refused.state is CaseState.NOT_ACCEPTED
    assert refused.decision_reason == "年龄不符合投靠条件"


def _accepted_leader_case(desk: Desk):
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "leader_item", _leader_values())
    return desk.core.cases.accept(desk.clerk, draft.number, draft.version,
                                  ["booklet", "relationship_proof", "marriage_certificate"])


def test_leader_item_needs_review_and_a_leader(desk: Desk) -> None:
    cases = desk.core.cases
    accepted = _accepted_leader_case(desk)
    assert accepted.due_date == date(2026, 3, 4)  # 2 working days after Monday
    with pytest.raises(WorkflowError, match="审批"):
        cases.complete(desk.clerk, accepted.number, accepted.version)
    review = cases.submit_for_review(desk.clerk, accepted.number, accepted.version)
    with pytest.raises(WorkflowError) as info:
        cases.approve(desk.clerk2, review.number, review.version)
    assert info.value.code == "leader_only"
    approved = cases.approve(desk.leader, review.number, review.version)
    assert approved.state is CaseState.APPROVED and approved.decided_by == desk.leader.user_id
    done = cases.complete(desk.clerk, approved.number, approved.version)
    assert done.state is CaseState.COMPLETED


def test_the_leader_who_accepted_cannot_approve(desk: Desk) -> None:
    cases = desk.core.cases
    draft = cases.open_draft(desk.leader, OLD_MAN, "leader_item", _leader_values())
    accepted = cases.accept(desk.leader, draft.number, draft.version,
                            ["booklet", "relationship_proof", "marriage_certificate"])
    review = cases.submit_for_review(desk.leader, accepted.number, accepted.version)
    with pytest.raises(WorkflowError) as info:
        cases.approve(desk.leader, review.number, review.version)
    assert info.value.code == "same_person"
    assert cases.approve(desk.leader2, review.number, review.version).state is CaseState.APPROVED


def test_denial_needs_a_reason_and_is_final(desk: Desk) -> None:
    cases = desk.core.cases
    review = cases.submit_for_review(desk.clerk, *_number_version(_accepted_leader_case(desk)))
    with pytest.raises(WorkflowError) as info:
        cases.deny(desk.leader, review.number, review.version, "  ")
    assert info.value.code == "reason_required"
    denied = cases.deny(desk.leader, review.number, review.version, "亲属关系证明与档案不符")
    assert denied.state is CaseState.DENIED
    with pytest.raises(WorkflowError):
        cases.complete(desk.clerk, denied.number, denied.version)


def test_manager_may_not_decide_cases(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    with pytest.raises(WorkflowError) as info:
        desk.core.cases.withdraw(desk.manager, draft.number, draft.version, "test")
    assert info.value.code == "not_permitted"


def test_branch_item_records_the_branch_decision(desk: Desk) -> None:
    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, OLD_MAN, "branch_item", {"correct_birth_date": "1953-01-16"})
    accepted = cases.accept(desk.clerk, draft.number, draft.version, ["birth_medical_certificate"])
    assert accepted.due_date == date(2026, 3, 9)  # 5 working days after Monday 2 March
    review = cases.submit_for_review(desk.clerk, accepted.number, accepted.version)
    approved = cases.approve(desk.clerk2, review.number, review.version, "分局批复：同意更正")
    assert approved.state is CaseState.APPROVED


def test_two_clerks_on_one_case_second_write_fails_and_loses_nothing(desk: Desk) -> None:
    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True})
    loaded_by_second = desk.core.queries.get(draft.number)
    saved = cases.save_draft(desk.clerk, draft.number, {"lost": True, "contact_phone": PHONE}, draft.version)
    with pytest.raises(ConcurrentChange) as info:
        cases.save_draft(desk.clerk2, loaded_by_second.number, {"lost": False}, loaded_by_second.version)
    assert "其他人修改" in info.value.message_zh
    assert desk.core.queries.get(draft.number).form_values == saved.form_values


def test_unknown_case_and_unknown_applicant(desk: Desk) -> None:
    with pytest.raises(NotFound):
        desk.core.queries.get("HP01-20260302-9999")
    with pytest.raises(NotFound, match="刷身份证"):
        desk.core.cases.open_draft(desk.clerk, "110105194912310029", "spot_item")


def test_due_queries_and_working_days_taken(desk: Desk) -> None:
    accepted = _accepted_leader_case(desk)  # due Wednesday 4 March
    queries = desk.core.queries
    from desk.domain.workdays import DueStatus

    assert [c.number for c in queries.by_due_status(DueStatus.DUE_SOON)] == [accepted.number]
    desk.clock.advance(timedelta(days=2))
    assert [c.number for c in queries.by_due_status(DueStatus.DUE_TODAY)] == [accepted.number]
    desk.clock.advance(timedelta(days=1))
    overdue = queries.by_due_status(DueStatus.OVERDUE)
    assert [c.number for c in overdue] == [accepted.number]
    assert queries.working_days_taken(overdue[0]) == 3


def test_every_change_is_audited_and_the_chain_verifies(desk: Desk) -> None:
    accepted = _accepted_leader_case(desk)
    desk.core.citizens.view(desk.clerk, OLD_MAN)
    with desk.core.store.read() as session:
        report = audit.verify(session)
        from sqlalchemy import select

        from desk.store.models import AuditEntry

        actions = [e.action for e in session.execute(
            select(AuditEntry).where(AuditEntry.entity_id == accepted.number).order_by(AuditEntry.seq)).scalars()]
    assert report.ok, report.problem_en
    assert actions == ["case.opened", "case.accept"]


def test_viewing_a_case_is_audited(desk: Desk) -> None:
    case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    viewed = desk.core.queries.view(desk.clerk2, case.number)
    assert viewed.number == case.number
    from sqlalchemy import select

    from desk.store.models import AuditEntry

    with desk.core.store.read() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.action == "case.viewed")).scalar_one()
    assert (entry.actor, entry.entity_id, entry.details["applicant"]) == ("clerk2", case.number, OLD_MAN)
    with pytest.raises(NotFound):
        desk.core.queries.view(desk.clerk, "nope")


def test_list_filters(desk: Desk) -> None:
    first = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    desk.clock.advance(timedelta(days=1))
    desk.core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "spot_item")
    queries = desk.core.queries
    assert len(queries.list()) == 2
    assert [c.number for c in queries.list(day=date(2026, 3, 2))] == [first.number]
    assert len(queries.list(state=CaseState.DRAFT)) == 2
    assert [c.applicant.name for c in queries.list(applicant_id_number=YOUNG_WOMAN)] == ["王𠮷"]


def _number_version(case) -> tuple[str, int]:
    return case.number, case.version


def test_a_rule_that_cannot_be_decided_yet_is_said_with_its_reason_in_each_language(desk: Desk) -> None:
    (rule,) = desk.core.catalog.get("leader_item").rules
    error = NotEligible([], [rule])
    assert error.message_zh == "不符合办理条件：尚不能判断（请补全相关信息）：投靠子女须男满 60 周岁、女满 55 周岁。"
    assert error.message_en == ("Not eligible: cannot tell yet (fill in the fields): "
                                "Men must be 60 and women 55 to join a child.")


def test_materials_the_item_lacks_or_the_police_cannot_check_are_named_in_each_language(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": PHONE})
    with pytest.raises(InvalidInput) as unknown:
        desk.core.cases.accept(desk.clerk, draft.number, draft.version, ["id_card", "loss_statement", "deed"])
    assert unknown.value.message_zh == "事项“户口簿补领（测试）”没有这些材料：deed。"
    assert unknown.value.message_en == "The transaction “Booklet reissue (test)” has no materials deed."
    with pytest.raises(InvalidInput) as unchecked:
        desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"],
                                             verified=["loss_statement"])
    assert unchecked.value.message_zh == "这些材料不能由系统核验代替，须收取：遗失声明。"
    assert unchecked.value.message_en == ("These materials cannot be checked in the systems instead; "
                                          "collect them: Loss statement.")
