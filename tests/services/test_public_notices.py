"""The 30-day 注销公告 for a duplicate registration, on SQLite and PostgreSQL: posted and printed (PDF
read back), listed among the clocks, refused as a decision before the 30 days are over, then the
duplicate cancelled (case completed) — or, on an objection, kept (case withdrawn)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from desk_fixtures import make_id
from pypdf import PdfReader

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.errors import InvalidInput
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, CaseState, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store

PERSON = make_id("21010219800315001")
NOW = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 2 November 2026, 10:00 in Shenyang


@pytest.fixture
def station(database_url: str) -> Iterator[tuple[Core, FixedClock, Actor, Actor]]:
    store = Store(database_url)
    clock = FixedClock(NOW)
    core = Core(store, shipped_catalog(), WorkingCalendar(), clock, Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    leader = Actor(core.users.create_user("leader", "王建国", Role.LEADER, "HP01", "secret-pass"), Role.LEADER,
                   "王建国")
    core.citizens.register_card(clerk, CardFacts(PERSON, "赵明", "male", "汉", date(1980, 3, 15), "沈阳市和平区"))
    yield core, clock, clerk, leader
    store.dispose()


def _approved_duplicate(core: Core, clerk: Actor, leader: Actor) -> str:
    values = {"duplicate_address": "铁岭市银州区红旗街5号", "cause": "migration_not_cancelled",
              "kept_registration": "elsewhere", "details_differ": False}
    draft = core.cases.open_draft(clerk, PERSON, "duplicate_deregistration", values)
    accepted = core.decisions.accept_and_route(clerk, draft.number, draft.version, [
        "written_application", "household_booklets", "resident_id_cards"]).case
    assert accepted.state is CaseState.UNDER_REVIEW
    return core.cases.approve(leader, accepted.number, accepted.version, "同意公告注销").number


def test_the_notice_runs_thirty_days_then_the_duplicate_is_cancelled(
        station: tuple[Core, FixedClock, Actor, Actor]) -> None:
    core, clock, clerk, leader = station
    number = _approved_duplicate(core, clerk, leader)
    issued = core.notices.publish(clerk, number)
    assert (issued.notice.published_on, issued.notice.ends_on) == (date(2026, 11, 2), date(2026, 12, 2))
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(issued.paper.pdf)).pages).replace(" ", "")
    flat = text.replace("\n", "")
    assert "注销户口公告" in flat and "赵明" in flat and "铁岭市银州区红旗街5号" in flat
    assert "2026年12月2日止" in flat and PERSON not in flat  # posted in public: the number masked
    with pytest.raises(InvalidInput, match="正在公告期内"):
        core.notices.publish(clerk, number)

    [running] = core.clocks.notices()
    assert running.days_left == 30 and not running.due
    clock.advance(timedelta(days=30))  # the last day of the notice
    with pytest.raises(InvalidInput, match="期满后"):
        core.notices.decide(clerk, issued.notice.serial)
    assert core.queries.get(number).state is CaseState.APPROVED
    clock.advance(timedelta(days=1))
    [due] = core.clocks.notices()
    assert due.due and due.days_left == -1
    decided = core.notices.decide(clerk, issued.notice.serial)
    assert decided.state == "cancelled" and decided.decided_on == date(2026, 12, 3)
    assert core.queries.get(number).state is CaseState.COMPLETED
    assert core.clocks.notices() == []
    with pytest.raises(InvalidInput, match="已作出决定"):
        core.notices.decide(clerk, issued.notice.serial)


def test_an_objection_keeps_the_registration(station: tuple[Core, FixedClock, Actor, Actor]) -> None:
    core, clock, clerk, leader = station
    number = _approved_duplicate(core, clerk, leader)
    issued = core.notices.publish(clerk, number)
    clock.advance(timedelta(days=31))
    kept = core.notices.decide(clerk, issued.notice.serial, objection="本人提交了在本辖区经常居住的证明")
    assert kept.state == "kept"
    case = core.queries.get(number)
    assert case.state is CaseState.WITHDRAWN and "经常居住" in (case.decision_reason or "")
    assert [n.state for n in core.notices.for_case(number)] == ["kept"]


def test_only_a_duplicate_registration_case_is_cancelled_by_notice(
        station: tuple[Core, FixedClock, Actor, Actor]) -> None:
    core, _clock, clerk, _leader = station
    draft = core.cases.open_draft(clerk, PERSON, "household_certificate", {})
    with pytest.raises(InvalidInput, match="只有重复户口注销"):
        core.notices.publish(clerk, draft.number)
