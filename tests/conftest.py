"""Test-wide setup: Qt offscreen, every path of the app redirected to a temporary folder, and a store
on SQLite and on a real PostgreSQL server that this test run starts itself."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from desk.message_catalog import install_english
from desk.shipped import use_shipped_regions

# Qt aborts the whole process without a display unless told to render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test may touch the user's real data directory.
os.environ["DESK_DATA_DIR"] = tempfile.mkdtemp(prefix="desk-test-data-")
# Nor the user's settings and logs, nor a machine-wide /etc/station-desk/settings.toml.
os.environ["DESK_CONFIG_DIR"] = tempfile.mkdtemp(prefix="desk-test-config-")
os.environ["DESK_LOG_DIR"] = tempfile.mkdtemp(prefix="desk-test-logs-")
os.environ["DESK_SYSTEM_SETTINGS"] = os.path.join(os.environ["DESK_CONFIG_DIR"], "no-system-settings.toml")
os.environ.pop("DESK_DATABASE_URL", None)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from postgres_server import PostgresServer, PostgresUnavailable

# Property tests count examples, not milliseconds: on a shared two-core machine one example can take
# longer than hypothesis's default 200 ms deadline without anything being wrong (timing is measured
# in bench/, never asserted in a unit test).
hypothesis_settings.register_profile("station-desk", deadline=None)
hypothesis_settings.load_profile("station-desk")

# Every composition root (CLI, desk, kiosk, server) installs the English of the error messages; so do the tests.
install_english()
# And name the shipped region table for ID-number checks, as they do.
use_shipped_regions()

# Set DESK_TEST_POSTGRES=0 on a developer machine without PostgreSQL; CI never does, and an
# unavailable server there is an error, not a skip.
_POSTGRES_WANTED = os.environ.get("DESK_TEST_POSTGRES", "1") != "0" or os.environ.get("CI") == "true"
_database_names = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    if not _POSTGRES_WANTED:
        pytest.skip("PostgreSQL tests switched off by DESK_TEST_POSTGRES=0")
    server = PostgresServer()
    try:
        server.start()
    except PostgresUnavailable as exc:
        pytest.fail(f"cannot start the PostgreSQL test server: {exc}")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_template(postgres_server: PostgresServer) -> str:
    """A database migrated once; each test gets a fresh copy (CREATE DATABASE … TEMPLATE is fast)."""
    from sqlalchemy import create_engine, text

    from desk.store.database import Store
    from desk.store.migrate import upgrade_to_head

    admin = create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE desk_template"))
    admin.dispose()
    store = Store(postgres_server.url("desk_template"), upgrade=False)
    upgrade_to_head(store)  # what `desk db upgrade` does: nothing migrates PostgreSQL on start
    store.dispose()
    return "desk_template"


def _fresh_postgres_url(server: PostgresServer, template: str) -> str:
    return server.create_database(f"desk_test_{next(_database_names)}", template=template)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, migrated database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    server = request.getfixturevalue("postgres_server")
    template = request.getfixturevalue("postgres_template")
    return _fresh_postgres_url(server, template)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"
