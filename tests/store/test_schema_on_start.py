"""Nothing migrates PostgreSQL on start: the desk, the kiosk and the server stop on a schema behind
their code with an error naming `desk db upgrade`; that command migrates under an advisory lock, so
two upgrades cannot race. Embedded SQLite keeps migrating itself."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from postgres_server import PostgresServer
from sqlalchemy import create_engine, text

from desk.cli import main
from desk.core import build_core
from desk.store.database import SchemaMismatch, Store
from desk.store.migrate import MIGRATION_LOCK_KEY, alembic_config, current_revision, head_revision

pytestmark = pytest.mark.postgres
_names = iter(range(1, 10_000))


@pytest.fixture
def empty_postgres(postgres_server: PostgresServer) -> Iterator[str]:
    """A new, empty PostgreSQL database (not from the migrated template)."""
    name = f"desk_empty_{next(_names)}_{int(time.time() * 1000) % 100000}"
    admin = create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    yield postgres_server.url(name)


def _revision(url: str) -> str | None:
    store = Store(url, upgrade=False)
    try:
        return current_revision(store)
    finally:
        store.dispose()


def test_a_schema_behind_stops_every_program_naming_the_command(empty_postgres: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    store = Store(empty_postgres, upgrade=False)
    command.upgrade(alembic_config(store), "0003")  # an older release's schema
    store.dispose()
    with pytest.raises(SchemaMismatch) as caught:
        Store(empty_postgres)
    assert caught.value.code == "store_schema_behind"
    assert "desk db upgrade" in caught.value.message_zh and "desk db upgrade" in caught.value.message_en
    with pytest.raises(SchemaMismatch):
        build_core(empty_postgres)  # the desk's and the kiosk's composition root
    assert main(["--db", empty_postgres, "server", "--no-tls", "--port", "1"]) == 1  # the city server
    assert "desk db upgrade" in capsys.readouterr().err
    assert _revision(empty_postgres) == "0003"  # nobody migrated it

    assert main(["--db", empty_postgres, "db", "upgrade"]) == 0
    store = Store(empty_postgres)  # now current: opens
    assert current_revision(store) == head_revision(store)
    store.dispose()


def test_an_empty_postgres_database_is_not_migrated_on_start(empty_postgres: str) -> None:
    with pytest.raises(SchemaMismatch):
        Store(empty_postgres)
    assert _revision(empty_postgres) is None


def test_a_schema_newer_than_the_program_is_named_so(empty_postgres: str) -> None:
    assert main(["--db", empty_postgres, "db", "upgrade"]) == 0
    engine = create_engine(empty_postgres)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0099_from_the_future'"))
    engine.dispose()
    with pytest.raises(SchemaMismatch) as caught:
        Store(empty_postgres)
    assert caught.value.code == "store_schema_newer"


def test_embedded_sqlite_still_migrates_itself(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    assert current_revision(store) == head_revision(store)
    store.dispose()


def _upgrade_process(url: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "desk", "--db", url, "db", "upgrade"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def test_upgrade_waits_for_the_advisory_lock(empty_postgres: str) -> None:
    """Someone else upgrading (here: the test holding the lock) makes `desk db upgrade` wait, untouched."""
    engine = create_engine(empty_postgres)
    with engine.connect() as holder:
        holder.execute(text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
        holder.commit()
        upgrading = _upgrade_process(empty_postgres)
        try:
            waiting = 0
            for _ in range(600):  # until the upgrade process queues on the lock (not a timing assertion)
                waiting = holder.execute(text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).scalar_one()
                holder.commit()
                if waiting or upgrading.poll() is not None:
                    break
                time.sleep(0.1)
            assert waiting == 1, upgrading.communicate()[0] if upgrading.poll() is not None else "not waiting"
            assert upgrading.poll() is None
            assert _revision(empty_postgres) is None  # nothing migrated while the lock is held elsewhere
        finally:
            holder.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": MIGRATION_LOCK_KEY})
            holder.commit()
        output = upgrading.communicate(timeout=120)[0].decode()
    engine.dispose()
    assert upgrading.returncode == 0, output
    assert _revision(empty_postgres) == head_revision(Store(empty_postgres, upgrade=False))


def test_two_upgrades_at_once_both_succeed(empty_postgres: str) -> None:
    first, second = _upgrade_process(empty_postgres), _upgrade_process(empty_postgres)
    outputs = [process.communicate(timeout=180)[0].decode() for process in (first, second)]
    assert (first.returncode, second.returncode) == (0, 0), outputs
    store = Store(empty_postgres)
    assert current_revision(store) == head_revision(store)
    store.dispose()
