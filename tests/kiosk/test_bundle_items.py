"""The kiosk's 我的办件 shows a “一件事” bundle as ONE item (its member cases folded together, with
how many are done and what is left elsewhere), beside the citizen's other cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from desk_fixtures import make_id

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, Role
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from kiosk.backend import KioskBackend
from kiosk.said import CHINESE

FATHER = make_id("21010219930301001")
DECEASED = make_id("21010219400101001")


@pytest.fixture
def station(tmp_path: Path) -> Iterator[tuple[Core, Actor]]:
    store = Store(f"sqlite:///{tmp_path / 'kiosk.sqlite3'}")
    core = Core(store, shipped_catalog(), WorkingCalendar(), FixedClock(datetime(2026, 12, 4, 2, 0, tzinfo=UTC)),
                Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    core.citizens.register_card(clerk, CardFacts(FATHER, "张伟", "male", "汉", date(1993, 3, 1), "沈阳市和平区"))
    yield core, clerk
    store.dispose()


def test_a_bundle_is_one_item_among_the_citizens_cases(station: tuple[Core, Actor], tmp_path: Path) -> None:
    core, clerk = station
    core.cases.open_draft(clerk, FATHER, "household_certificate", {})
    started = core.bundles.start(clerk, FATHER, "after_death", {"deceased": {"name": "张德厚", "id_number": DECEASED}},
                                 include=["deregistration_certificate"])
    assert len(started.members) == 2
    items = KioskBackend(core, "K01", tmp_path).my_cases(FATHER)
    assert len(items) == 2  # the bundle's two cases are one item; the certificate case is the other
    bundle_item = next(i for i in items if i.number == started.number)
    assert bundle_item.transaction.text(CHINESE) == "身后“一件事”（2项，已办好0项）"
    assert bundle_item.state.text(CHINESE) == "正在登记，还没有受理" and not bundle_item.finished
    next_step = bundle_item.next_step.text(CHINESE)
    assert "死亡注销户口" in next_step and "开具注销户口证明" in next_step
    assert {i.number for i in items} - {started.number} <= {c.number for c in core.queries.list()}
