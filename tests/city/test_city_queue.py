"""The hall's queue keys at a city desk (重呼 F4, 过号 F6, 转窗口, the ticket linked to its case) go through
the city server like the rest: a real server over TLS, the desk's own remote core."""

from __future__ import annotations

from collections.abc import Callable

from city_desk import CityDesk
from city_server import City
from sqlalchemy import select

from desk.domain.clock import Clock
from desk.services.queue import QueueService
from desk.shipped import shipped_catalog
from desk.store.models import Citizen


def test_recall_transfer_no_show_and_link_through_the_server(open_city_desk: Callable[[str], CityDesk],
                                                             demo_city: City) -> None:
    hall = QueueService(demo_city.store, shipped_catalog(), Clock(), "HP01")
    hall.set_counter(1, "1号窗口")
    hall.set_counter(2, "2号窗口")
    first = hall.take_ticket("household_certificate")
    second = hall.take_ticket(None)
    desk = open_city_desk("queue")
    desk.sign_in("clerk")
    core, clerk = desk.app.context.core, desk.app.context.actor
    assert [c.number for c in core.queue.counters()][:2] == [1, 2]
    called = core.queue.call_next(clerk, 1)
    assert called is not None and called.number == first.number
    assert core.queue.recall(clerk, called.id).number == first.number
    moved = core.queue.transfer(clerk, called.id, 2)
    assert moved.number == first.number and moved.state == "waiting"
    again = core.queue.call_next(clerk, 1)  # window 1 now takes the next one; the moved ticket waits for 2
    assert again is not None and again.number == second.number
    assert core.queue.no_show(clerk, again.id).state == "no_show"
    at_two = core.queue.call_next(clerk, 2)
    assert at_two is not None and at_two.number == first.number
    with demo_city.store.read() as session:
        resident = session.execute(select(Citizen.id_number).order_by(Citizen.id).limit(1)).scalar_one()
    draft = core.cases.open_draft(clerk, resident, "household_certificate", {})
    linked = core.queue.link_case(clerk, at_two.id, draft.number)
    assert linked.number == first.number and linked.case_number == draft.number
