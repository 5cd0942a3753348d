"""The hall's queue: windows and what they call, priority, recall, no-show, transfer, the ticket's case,
and the board the calling screen shows — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from desk_fixtures import OLD_MAN, Desk
from sqlalchemy import select

from desk.domain.errors import InvalidInput, NotFound
from desk.services.queue import QueueService
from desk.store.models import AuditEntry


def _queue(desk: Desk, counter: int | None = None) -> QueueService:
    return QueueService(desk.core.store, desk.core.catalog, desk.clock, "HP01", counter)


def _hall(desk: Desk) -> QueueService:
    queue = _queue(desk)
    queue.set_counter(1, "1号窗口", "A")  # settlement only (A)
    queue.set_counter(2, "2号窗口")  # every kind
    return queue


def test_a_window_calls_only_its_letters_and_the_board_shows_each_window(desk: Desk) -> None:
    queue = _hall(desk)
    spot = queue.take_ticket("spot_item")  # F
    desk.clock.advance(timedelta(minutes=1))
    settle = queue.take_ticket("leader_item")  # A
    called = queue.call_next(desk.clerk, counter=1)
    assert called is not None and called.number == settle.number and called.counter_number == 1
    assert queue.call_next(desk.clerk, counter=1) is None  # nothing else with A waits
    desk.clock.advance(timedelta(seconds=30))
    assert queue.call_next(desk.clerk2, counter=2).number == spot.number  # type: ignore[union-attr]
    board = queue.hall_board()
    assert [(c.number, c.counter_name) for c in board.calls] == [(spot.number, "2号窗口"),
                                                                 (settle.number, "1号窗口")]
    assert board.calls[1].announcement_zh == "请 A零零一 号，到 1号窗口 办理。"
    assert board.station_name.endswith("派出所") and board.upcoming == () and board.waiting == 0
    assert [(w.counter_number, w.serving) for w in board.windows] == [(1, settle.number), (2, spot.number)]


def test_the_desks_own_window_is_used_when_a_call_names_none(desk: Desk) -> None:
    _hall(desk)
    queue = _queue(desk, counter=2)
    queue.take_ticket(None)
    assert queue.call_next(desk.clerk).counter_number == 2  # type: ignore[union-attr]


def test_priority_tickets_are_called_first(desk: Desk) -> None:
    queue = _hall(desk)
    queue.take_ticket("spot_item")
    desk.clock.advance(timedelta(minutes=5))
    elder = queue.take_ticket("spot_item", priority="elder")
    assert queue.waiting()[0].number == elder.number
    assert queue.call_next(desk.clerk, counter=2).number == elder.number  # type: ignore[union-attr]
    with pytest.raises(InvalidInput, match="优先原因"):
        queue.take_ticket(None, priority="vip")


def test_recall_no_show_and_transfer(desk: Desk) -> None:
    queue = _hall(desk)
    first = queue.take_ticket("leader_item", citizen_id_number=OLD_MAN)
    called = queue.call_next(desk.clerk, counter=2)
    assert called is not None and called.id == first.id
    desk.clock.advance(timedelta(minutes=1))
    again = queue.recall(desk.clerk, first.id)
    assert again.recalls == 1 and again.called_at == desk.clock.now()
    assert queue.hall_board().calls[0].recalls == 1  # the screen repeats the call
    moved = queue.transfer(desk.clerk, first.id, to_counter=1)
    assert moved.state == "waiting" and moved.counter_number is None
    assert queue.call_next(desk.clerk2, counter=2) is None  # it waits for window 1 only
    at_one = queue.call_next(desk.clerk2, counter=1)
    assert at_one is not None and at_one.id == first.id and at_one.counter_number == 1
    gone = queue.no_show(desk.clerk2, first.id)
    assert gone.state == "no_show"
    with pytest.raises(InvalidInput):
        queue.recall(desk.clerk, first.id)  # a ticket that is not being called cannot be recalled
    with pytest.raises(NotFound, match="3 号窗口"):
        queue.call_next(desk.clerk, counter=3)
    with desk.core.store.read() as session:
        actions = session.execute(select(AuditEntry.action).where(AuditEntry.entity_type == "ticket")
                                  .order_by(AuditEntry.seq)).scalars().all()
    assert actions == ["ticket.issued", "ticket.called", "ticket.recalled", "ticket.transferred",
                       "ticket.called", "ticket.no_show"]


def test_ticket_linked_to_its_case_and_served(desk: Desk) -> None:
    queue = _hall(desk)
    ticket = queue.take_ticket("spot_item")
    queue.call_next(desk.clerk, counter=2)
    case = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item")
    linked = queue.link_case(desk.clerk, ticket.id, case.number)
    assert linked.case_number == case.number
    queue.finish(ticket.id, actor=desk.clerk)
    assert queue.hall_board().calls == ()  # served: off the screen
    with pytest.raises(InvalidInput):
        queue.finish(ticket.id, "lost")


def test_window_set_up_is_checked(desk: Desk) -> None:
    queue = _queue(desk)
    for bad in ((0, "0号窗口", ""), (1, "  ", ""), (1, "1号窗口", "AZ")):
        with pytest.raises(InvalidInput):
            queue.set_counter(*bad)
    queue.set_counter(1, "1号窗口", "ba")
    assert [c.letters for c in queue.counters()] == ["AB"]
