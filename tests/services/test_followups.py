"""一次一评 bound to the case and clerk, and the closed loop a bad rating opens: 核实 → 整改 → 回访 or
申诉复核, each step one audited use case, the 15-working-day deadline, the counts, rankings and the
export for the provincial platform."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from sqlalchemy import select

from desk.domain.errors import ConcurrentChange, InvalidInput, PermissionDenied
from desk.domain.followup import FollowUpStep, StepOutcome
from desk.services.followups import PLATFORM_FIELDS
from desk.services.ratings import RatingLevel
from desk.store.models import AuditEntry

PHONE = "13912345678"


def _completed(desk: Desk, who: str = OLD_MAN, clerk: str = "clerk") -> str:
    actor = getattr(desk, clerk)
    draft = desk.core.cases.open_draft(actor, who, "spot_item", {"lost": False, "contact_phone": PHONE})
    return desk.core.decisions.accept_and_complete(actor, draft.number, draft.version, ["id_card"]).case.number


def _actions(desk: Desk, entity_type: str, entity_id: str) -> list[str]:
    with desk.core.store.read() as session:
        return list(session.execute(select(AuditEntry.action).where(
            AuditEntry.entity_type == entity_type, AuditEntry.entity_id == entity_id)
            .order_by(AuditEntry.seq)).scalars())


def test_a_desk_rating_is_bound_to_the_case_and_its_clerk_and_given_once(desk: Desk) -> None:
    number = _completed(desk, clerk="clerk2")
    subject = desk.core.ratings.subject(number)
    assert (subject.clerk_name, subject.clerk_badge, subject.already_rated) == ("刘洋", str(desk.clerk2.user_id),
                                                                                False)
    given = desk.core.ratings.rate(RatingLevel.SATISFIED, case_number=number, counter_number=3)
    assert given.follow_up_id is None
    assert desk.core.ratings.subject(number).already_rated
    with pytest.raises(InvalidInput, match="一次一评"):
        desk.core.ratings.rate(RatingLevel.VERY_DISSATISFIED, case_number=number)
    [record] = desk.core.follow_ups.platform_records(date(2026, 3, 2), date(2026, 3, 2))
    assert (record["staff_name"], record["window_number"], record["channel"], record["level_code"]) == (
        "刘洋", 3, "desk", 4)
    assert _actions(desk, "rating", str(given.id)) == ["rating.given"]


def test_bad_input_to_a_rating_is_refused_and_nothing_is_kept(desk: Desk) -> None:
    number = _completed(desk)
    with pytest.raises(InvalidInput, match="联系电话"):
        desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=number, phone="12345")
    with pytest.raises(InvalidInput, match="原因"):
        desk.core.ratings.rate(RatingLevel.SATISFIED, case_number=number, reasons=("多次跑腿",))
    with pytest.raises(InvalidInput, match="未知"):
        desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=number, reasons=("不喜欢",))
    assert not desk.core.ratings.subject(number).already_rated


def test_the_loop_verify_rectify_revisit_closes_on_time_each_step_audited(desk: Desk) -> None:
    number = _completed(desk)
    bad = desk.core.ratings.rate(RatingLevel.VERY_DISSATISFIED, case_number=number, reasons=("多次跑腿",),
                                 phone="139 1234 5678", counter_number=2)
    assert bad.follow_up_id is not None
    follow_ups = desk.core.follow_ups
    [listed] = follow_ups.overview()
    assert (listed.step, listed.phone, listed.due_date, listed.case_number, listed.clerk_name) == (
        FollowUpStep.VERIFY, "13912345678", date(2026, 3, 23), number, "张丽")
    assert listed.working_days_left == 15 and not listed.overdue

    with pytest.raises(PermissionDenied):
        follow_ups.record(desk.clerk, listed.id, FollowUpStep.VERIFY, StepOutcome.FOUNDED, "x", listed.version)
    with pytest.raises(InvalidInput, match="当前环节"):
        follow_ups.record(desk.manager, listed.id, FollowUpStep.REVISIT, StepOutcome.SATISFIED, "x", listed.version)
    with pytest.raises(InvalidInput, match="写明"):
        follow_ups.record(desk.manager, listed.id, FollowUpStep.VERIFY, StepOutcome.FOUNDED, " ", listed.version)

    verified = follow_ups.record(desk.manager, listed.id, FollowUpStep.VERIFY, StepOutcome.FOUNDED,
                                 "调取录像，确有让群众两次往返", listed.version)
    assert verified.step is FollowUpStep.RECTIFY and verified.owner_name == "陈所长"
    with pytest.raises(ConcurrentChange):
        follow_ups.record(desk.leader, listed.id, FollowUpStep.RECTIFY, StepOutcome.RECTIFIED, "x", listed.version)
    desk.clock.advance(timedelta(days=7))
    rectified = follow_ups.record(desk.leader, listed.id, FollowUpStep.RECTIFY, StepOutcome.RECTIFIED,
                                  "窗口一次性告知清单补全", verified.version)
    assert rectified.step is FollowUpStep.REVISIT
    closed = follow_ups.record(desk.manager, listed.id, FollowUpStep.REVISIT, StepOutcome.SATISFIED,
                               "电话回访，群众表示满意", rectified.version)
    assert closed.step is FollowUpStep.CLOSED and closed.closed_on == date(2026, 3, 9) and not closed.overdue
    assert closed.result == "回访满意：电话回访，群众表示满意"
    assert [s.step for s in closed.steps] == [FollowUpStep.VERIFY, FollowUpStep.RECTIFY, FollowUpStep.REVISIT]
    assert follow_ups.overview() == [] and desk.core.ratings.open_follow_ups() == []
    with pytest.raises(InvalidInput, match="已办结"):
        follow_ups.record(desk.manager, listed.id, FollowUpStep.REVISIT, StepOutcome.SATISFIED, "x", closed.version)
    assert _actions(desk, "follow_up", str(listed.id)) == [
        "follow_up.opened", "follow_up.verify", "follow_up.rectify", "follow_up.revisit"]
    counts = follow_ups.counts(date(2026, 3, 1), date(2026, 3, 31))
    assert (counts.opened, counts.closed, counts.closed_on_time, counts.open_at_end) == (1, 1, 1, 0)


def test_an_unfounded_rating_goes_to_appeal_review_and_a_late_one_is_overdue(desk: Desk) -> None:
    first = desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=_completed(desk))
    second = desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=_completed(desk, YOUNG_WOMAN))
    follow_ups = desk.core.follow_ups
    assert first.follow_up_id is not None and second.follow_up_id is not None
    view = follow_ups.get(first.follow_up_id)
    view = follow_ups.record(desk.manager, view.id, FollowUpStep.VERIFY, StepOutcome.UNFOUNDED,
                             "群众误点评价器", view.version)
    assert view.step is FollowUpStep.APPEAL_REVIEW
    view = follow_ups.record(desk.leader, view.id, FollowUpStep.APPEAL_REVIEW, StepOutcome.APPEAL_UPHELD,
                             "录像显示办理顺利，申诉成立", view.version)
    assert view.step is FollowUpStep.CLOSED
    # 16 working days later (Monday 2 March + 3 weeks and a day): the second is one working day overdue.
    desk.clock.advance(timedelta(days=22))
    [late] = follow_ups.overview()
    assert late.id == second.follow_up_id and late.overdue and late.working_days_left == -1
    counts = follow_ups.counts(date(2026, 3, 1), date(2026, 3, 31))
    assert (counts.opened, counts.closed, counts.open_at_end, counts.overdue_at_end) == (2, 1, 1, 1)


def test_monthly_rankings_by_window_and_clerk(desk: Desk) -> None:
    ratings = desk.core.ratings
    ratings.rate(RatingLevel.VERY_SATISFIED, case_number=_completed(desk), counter_number=1)
    ratings.rate(RatingLevel.DISSATISFIED, case_number=_completed(desk), counter_number=1)
    ratings.rate(RatingLevel.SATISFIED, case_number=_completed(desk, clerk="clerk2"), counter_number=2)
    month = desk.core.follow_ups.monthly(2026, 3)
    assert month.levels["非常满意"] == 1 and month.levels["不满意"] == 1 and sum(month.levels.values()) == 3
    assert [(r.label, r.ratings, r.bad, r.satisfaction_rate) for r in month.by_counter] == [
        ("2号窗口", 1, 0, 1.0), ("1号窗口", 2, 1, 0.5)]
    assert [(r.label, r.ratings) for r in month.by_clerk] == [("刘洋", 1), ("张丽", 2)]
    assert (month.counts.opened, month.counts.open_at_end, month.counts.overdue_at_end) == (1, 1, 0)  # due 23 March
    assert desk.core.follow_ups.monthly(2026, 4).by_clerk == ()


def test_platform_export_as_csv_and_json_reads_back(desk: Desk) -> None:
    number = _completed(desk)
    desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=number, reasons=("服务态度不好", "其他"),
                           reason="窗口说话冲", phone="024-23456789", counter_number=1)
    desk.core.ratings.rate(RatingLevel.SATISFIED, kiosk_code="K01")
    day = date(2026, 3, 2)
    rows = list(csv.DictReader(io.StringIO(desk.core.follow_ups.platform_export(day, day, "csv")
                                           .decode("utf-8-sig"))))
    assert tuple(rows[0]) == PLATFORM_FIELDS and len(rows) == 2
    bad = rows[0]
    assert (bad["case_number"], bad["level"], bad["level_code"], bad["is_bad"], bad["reasons"]) == (
        number, "不满意", "2", "1", "服务态度不好；其他")
    assert (bad["contact_phone"], bad["rectify_state"], bad["rectify_deadline"]) == (
        "024-23456789", "核实", "2026-03-23")
    assert rows[1]["channel"] == "kiosk" and rows[1]["case_number"] == ""
    document = json.loads(desk.core.follow_ups.platform_export(day, day, "json"))
    assert document["fields"] == list(PLATFORM_FIELDS) and len(document["records"]) == 2
    with pytest.raises(InvalidInput):
        desk.core.follow_ups.platform_export(day, day, "xml")


def test_only_a_leader_or_the_manager_may_be_named_owner(desk: Desk) -> None:
    """指派 offers the station's leaders and manager (`owners`); the use case refuses anyone else — the clerk
    rated first of all — and nothing changes."""
    bad = desk.core.ratings.rate(RatingLevel.DISSATISFIED, case_number=_completed(desk), phone=PHONE)
    assert bad.follow_up_id is not None
    follow_ups = desk.core.follow_ups
    before = follow_ups.get(bad.follow_up_id)
    assert {o.user_id for o in follow_ups.owners()} == {desk.leader.user_id, desk.leader2.user_id,
                                                         desk.manager.user_id}
    for clerk in (desk.clerk, desk.clerk2):
        with pytest.raises(InvalidInput) as refused:
            follow_ups.assign(desk.manager, before.id, clerk.user_id, before.version)
        assert refused.value.message_key == "follow_up.owner_not_leader"
    unchanged = follow_ups.get(before.id)
    assert (unchanged.owner_id, unchanged.version) == (before.owner_id, before.version)
    assert "follow_up.assigned" not in _actions(desk, "follow_up", str(before.id))
    assigned = follow_ups.assign(desk.manager, before.id, desk.leader.user_id, before.version)
    assert (assigned.owner_name, assigned.version) == ("王建国", before.version + 1)
    assert _actions(desk, "follow_up", str(before.id)).count("follow_up.assigned") == 1
