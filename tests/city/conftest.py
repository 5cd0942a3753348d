"""A demo city for the city-mode desk and kiosk: one PostgreSQL database (from the run's migrated template)
with the demo station HP01 (its people and residents, the real catalog), a second station and the
branch office of the same branch with a branch user, a kiosk account — and one real `desk server` over
TLS (a test CA made in this run) in front of it. The desks and kiosks under test know only its URL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from city_desk import CityDesk, city_desks
from city_server import PASSWORD, City, CityServer, make_test_ca
from postgres_server import PostgresServer
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from desk.domain.clock import Clock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Role
from desk.paths import holidays_dir
from desk.services.demo import build_demo
from desk.services.users import UserService
from desk.shipped import shipped_catalog
from desk.store.database import Store

HEPING = "沈阳市公安局和平分局"
# (user, name, role, station), password PASSWORD: beside the demo station's people (password DEMO_PASSWORD).
CITY_PEOPLE = (
    ("branch", "钱户政", Role.BRANCH, "HPFJ"),
    ("leader_nsc", "孙振国", Role.LEADER, "HP02"),
    ("kiosk01", "大厅自助机一号", Role.CLERK, "HP01"),
    ("cityadmin", "市局系统管理员", Role.ADMIN, "HP01"),
)


@pytest.fixture(scope="module")
def demo_city(postgres_server: PostgresServer, postgres_template: str,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    work = tmp_path_factory.mktemp("democity")
    name = f"desk_democity_{work.name.replace('-', '_')}"
    url = postgres_server.create_database(name, template=postgres_template)
    store = Store(url)
    build_demo(store, shipped_catalog(), WorkingCalendar.from_folder(holidays_dir()), residents=20, cases=0,
               today=date.today())
    users = UserService(store, Clock())
    with store.write() as session:  # the demo station joins the branch
        session.execute(text("UPDATE stations SET branch_name = :b WHERE code = 'HP01'"), {"b": HEPING})
    users.ensure_station("HP02", "沈阳市公安局和平分局南市场派出所", HEPING)
    users.ensure_station("HPFJ", "沈阳市公安局和平分局户政科", HEPING)
    for username, display, role, station in CITY_PEOPLE:
        users.create_user(username, display, role, station, PASSWORD)
    server = CityServer(url, make_test_ca(work / "tls"), work)
    server.start()
    yield City(server, store, users)
    server.stop()
    store.dispose()


@pytest.fixture
def open_city_desk(qtbot: QtBot, tmp_path: Path, demo_city: City,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], CityDesk]]:
    yield from city_desks(qtbot, tmp_path, demo_city.server, monkeypatch)
