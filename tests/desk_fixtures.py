"""Shared by service, CLI and UI tests: a core on a fresh database (SQLite and PostgreSQL), a small
test catalog, users and citizens."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desk.core import Core
from desk.domain.catalog_loader import load_catalog
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, Role
from desk.services import passwords
from desk.services.citizens import CardFacts
from desk.settings import Settings
from desk.store.database import Store

CATALOG = Path(__file__).parent / "services" / "catalog"
# Monday 2 March 2026, 10:00 in Shenyang.
START = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)

# Valid GB 11643 numbers (checked by the ID-number tests).
OLD_MAN = "210102195301150038"  # born 1953, male
YOUNG_WOMAN = "210103199805200048"  # born 1998, female


@dataclass
class Desk:
    core: Core
    clock: FixedClock
    clerk: Actor
    clerk2: Actor
    leader: Actor
    leader2: Actor
    manager: Actor


def _check_char(first17: str) -> str:
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def make_id(first17: str) -> str:
    return first17 + _check_char(first17)


@pytest.fixture
def desk(database_url: str) -> Iterator[Desk]:
    clock = FixedClock(START)
    store = Store(database_url)
    core = Core(store, load_catalog(CATALOG), WorkingCalendar(), clock, Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "和平分局")
    actors = {}
    # Today's KDF cost makes each hash ≈0.2 s; these fixture users (made for every test) are hashed at the
    # earlier cost instead, which their first sign-in replaces (the rehash path, tested in test_users).
    with pytest.MonkeyPatch.context() as cheaper:
        cheaper.setattr(passwords, "SCRYPT_N", 2**14)
        cheaper.setattr(passwords, "SCRYPT_P", 1)
        for username, name, role in [("clerk", "张丽", Role.CLERK), ("clerk2", "刘洋", Role.CLERK),
                                     ("leader", "王建国", Role.LEADER), ("leader2", "赵振华", Role.LEADER),
                                     ("manager", "陈所长", Role.MANAGER)]:
            user_id = core.users.create_user(username, name, role, "HP01", "secret-pass")
            actors[username] = Actor(user_id, role, name)
    for number, name, sex, birth in [(OLD_MAN, "李建国", "male", date(1953, 1, 15)),
                                     (YOUNG_WOMAN, "王𠮷", "female", date(1998, 5, 20))]:
        core.citizens.register_card(actors["clerk"], CardFacts(number, name, sex, "汉", birth, "辽宁省沈阳市和平区"))
    yield Desk(core, clock, **actors)
    store.dispose()
