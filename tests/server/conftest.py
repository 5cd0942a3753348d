"""A city for the server tests: one PostgreSQL database (from the run's migrated template) with four
stations in two branches and their people, and one real `desk server` over TLS in front of it.

The server connects as the city's server role (`city_server.SERVER_ROLE`, given its rights by `desk db
grant-server-role`, no DDL, audit log INSERT-only), exactly as a city runs it; the test's own look
at the database (`City.store`) is the owner's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from city_server import PASSWORD, City, CityServer, make_test_ca, resources_with_test_catalog, server_role_url
from desk_fixtures import OLD_MAN, YOUNG_WOMAN
from postgres_server import PostgresServer

from desk.domain.clock import Clock
from desk.domain.workflow import Role
from desk.services.citizens import CardFacts, CitizenService
from desk.services.users import UserService
from desk.store.database import Store

HEPING, SHENHE = "沈阳市公安局和平分局", "沈阳市公安局沈河分局"
STATIONS = (
    ("HP01", "沈阳市公安局和平分局太原街派出所", HEPING),
    ("HP02", "沈阳市公安局和平分局南市场派出所", HEPING),
    ("HPFJ", "沈阳市公安局和平分局户政科", HEPING),
    ("SH01", "沈阳市公安局沈河分局北站派出所", SHENHE),
)
PEOPLE = (
    ("clerk", "张丽", Role.CLERK, "HP01"),
    ("clerk2", "刘洋", Role.CLERK, "HP01"),
    ("leader", "王建国", Role.LEADER, "HP01"),
    ("leader2", "赵振华", Role.LEADER, "HP01"),
    ("clerk_nsc", "孙悦", Role.CLERK, "HP02"),
    ("leader_sh", "周平", Role.LEADER, "SH01"),
    ("branch", "钱户政", Role.BRANCH, "HPFJ"),
    ("retired", "吴退休", Role.LEADER, "HP01"),
)


@pytest.fixture(scope="module")
def city(postgres_server: PostgresServer, postgres_template: str,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[City]:
    work = tmp_path_factory.mktemp("city")
    name = f"desk_city_{work.name.replace('-', '_')}"
    url = postgres_server.create_database(name, template=postgres_template)
    server_url = server_role_url(postgres_server, name)
    store = Store(url)
    users = UserService(store, Clock())
    for code, name, branch in STATIONS:
        users.ensure_station(code, name, branch)
    for username, name, role, station in PEOPLE:
        users.create_user(username, name, role, station, PASSWORD)
    citizens = CitizenService(store, Clock())
    for number, name, sex, birth in [(OLD_MAN, "李建国", "male", date(1953, 1, 15)),
                                     (YOUNG_WOMAN, "王𠮷", "female", date(1998, 5, 20))]:
        citizens.register_card(None, CardFacts(number, name, sex, "汉", birth, "辽宁省沈阳市和平区"))
    server = CityServer(server_url, make_test_ca(work / "tls"), work,
                        resources=resources_with_test_catalog(work / "resources"))
    server.start()
    yield City(server, store, users)
    server.stop()
    store.dispose()
