"""A database restart under a running city server fails no desk's call.

Its own PostgreSQL cluster (the test restarts it; the run's shared one stays up) and one real `desk
server` over TLS as the server role. The server runs with the idle ping switched off
(`PING_AFTER_IDLE_S` beyond the test's length), so every call after the restart meets pooled
connections the old cluster had — what a busy server meets when its calls come less than 5 s apart —
and nothing but the pool's look at a connection's socket can save them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from city_server import PASSWORD, CityServer, make_test_ca, resources_with_test_catalog, server_role_url
from desk_fixtures import OLD_MAN
from postgres_server import PostgresServer, PostgresUnavailable
from sqlalchemy import create_engine, text

from desk.domain.clock import Clock
from desk.domain.workflow import Role
from desk.services.users import UserService
from desk.store.database import Store
from desk.store.migrate import upgrade_to_head

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

NEVER_PING = ("import runpy, desk.store.database as database; database.PING_AFTER_IDLE_S = 1e9; "
              "runpy.run_module('desk', run_name='__main__')")


@pytest.fixture(scope="module")
def cluster(postgres_server: PostgresServer) -> Iterator[PostgresServer]:
    """A cluster of this module's own (asking for the run's one first: PostgreSQL tests are wanted)."""
    own = PostgresServer()
    try:
        own.start()
    except PostgresUnavailable as exc:
        pytest.fail(f"cannot start a second PostgreSQL test server: {exc}")
    yield own
    own.stop()


@pytest.fixture(scope="module")
def server(cluster: PostgresServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CityServer]:
    work = tmp_path_factory.mktemp("restart")
    admin = create_engine(cluster.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE desk_restart"))
    admin.dispose()
    store = Store(cluster.url("desk_restart"), upgrade=False)
    upgrade_to_head(store)
    users = UserService(store, Clock())
    users.ensure_station("HP01", "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局")
    users.create_user("clerk", "张丽", Role.CLERK, "HP01", PASSWORD)
    store.dispose()
    city = CityServer(server_role_url(cluster, "desk_restart"), make_test_ca(work / "tls"), work,
                      resources=resources_with_test_catalog(work / "resources"), workers=1)
    assert city.command[1:3] == ["-m", "desk"]
    city.command[1:3] = ["-c", NEVER_PING]
    city.start()
    yield city
    city.stop()


def _server_log(server: CityServer) -> str:
    return Path(server.log).read_text(encoding="utf-8", errors="replace")


def test_calls_after_a_database_restart_all_succeed(cluster: PostgresServer, server: CityServer) -> None:
    clerk = server.client("desk-restart")
    try:
        assert clerk.sign_in("clerk", PASSWORD).status_code == 200
        card = {"id_number": OLD_MAN, "name": "李建国", "sex": "male", "nation": "汉",
                "birth_date": "1953-01-15", "address": "辽宁省沈阳市和平区"}
        assert clerk.post("/citizens", card).status_code == 200, _server_log(server)
        assert clerk.get("/cases/today").status_code == 200
        for restart in range(2):
            cluster.restart()
            # A read, a write and an audited read: the first calls on the connections the old cluster had.
            today = clerk.get("/cases/today")
            assert today.status_code == 200, f"restart {restart + 1}: {today.text} {_server_log(server)[-3000:]}"
            written = clerk.post("/citizens", card)
            assert written.status_code == 200, f"restart {restart + 1}: {written.text}"
            viewed = clerk.get(f"/citizens/{OLD_MAN}")
            assert viewed.status_code == 200, f"restart {restart + 1}: {viewed.text}"
            assert viewed.json()["name"] == "李建国"
        assert "database error" not in _server_log(server)
    finally:
        clerk.close()
