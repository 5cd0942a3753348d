"""Queue tickets, service ratings with follow-ups, kiosk heartbeats."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from desk_fixtures import OLD_MAN, Desk

from desk.domain.errors import NotFound
from desk.services.kiosks import KioskService
from desk.services.queue import QueueService
from desk.services.ratings import RatingLevel, RatingService


def _queue(desk: Desk) -> QueueService:
    return QueueService(desk.core.store, desk.core.catalog, desk.clock, "HP01")


def test_tickets_number_per_category_and_count_people_ahead(desk: Desk) -> None:
    queue = _queue(desk)
    first = queue.take_ticket("leader_item", citizen_id_number=OLD_MAN, kiosk_code="K01")
    second = queue.take_ticket("spot_item")
    third = queue.take_ticket(None)
    assert [first.number, second.number, third.number] == ["A001", "F001", "G001"]
    assert [first.people_ahead, second.people_ahead, third.people_ahead] == [0, 1, 2]
    assert third.estimated_wait_minutes > 0
    assert [t.number for t in queue.waiting()] == ["A001", "F001", "G001"]


def test_call_next_takes_the_oldest_and_then_nobody(desk: Desk) -> None:
    queue = _queue(desk)
    queue.take_ticket("spot_item")
    desk.clock.advance(timedelta(minutes=1))
    queue.take_ticket("leader_item")
    called = queue.call_next(desk.clerk)
    assert called is not None and called.number == "F001" and called.state == "called"
    assert queue.call_next(desk.clerk2).number == "A001"  # type: ignore[union-attr]
    assert queue.call_next(desk.clerk) is None


def test_unknown_transaction_ticket_refused(desk: Desk) -> None:
    with pytest.raises(NotFound) as refused:
        _queue(desk).take_ticket("no_such_thing")
    # The transaction is a parameter of the message, not the error's code (a `code=` would be taken as one).
    assert refused.value.code == "not_found"
    assert refused.value.message_zh == "事项目录中没有“no_such_thing”。"


def test_bad_rating_opens_a_follow_up_due_in_15_working_days(desk: Desk) -> None:
    case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    other = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "leader_item")
    ratings = RatingService(desk.core.store, desk.core.calendar, desk.clock, "HP01")
    good = ratings.rate(RatingLevel.VERY_SATISFIED, case_number=case.number, kiosk_code="K01")
    assert good.follow_up_due is None
    bad = ratings.rate(RatingLevel.DISSATISFIED, case_number=other.number, reason=" 等待时间太长 ")
    assert bad.follow_up_due == date(2026, 3, 23)  # 15 working days after Monday 2 March 2026
    assert bad.reason == "等待时间太长" and bad.follow_up_id is not None
    assert [r.id for r in ratings.open_follow_ups()] == [bad.id]
    with pytest.raises(NotFound):
        ratings.rate(RatingLevel.SATISFIED, case_number="HP01-20990101-0001")
    assert RatingLevel.VERY_DISSATISFIED.label_zh == "非常不满意"


def test_kiosk_heartbeat_and_sessions_reset_each_day(desk: Desk) -> None:
    kiosks = KioskService(desk.core.store, desk.clock, "HP01")
    kiosks.heartbeat("K01", name_zh="南市场社区自助警务站", reader_state="ready", printer_state="ready",
                     sessions_started=2)
    kiosks.heartbeat("K01", reader_state="ready", printer_state="paper_out", sessions_started=1)
    [view] = kiosks.kiosks()
    assert (view.sessions_today, view.printer_state, view.online) == (3, "paper_out", True)
    desk.clock.advance(timedelta(days=1))
    [view] = kiosks.kiosks()
    assert (view.sessions_today, view.online) == (0, False)
