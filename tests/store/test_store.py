"""The store: migrations equal the models, SQLite pragmas, time zones, rare characters round-trip."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from postgres_server import PostgresServer
from sqlalchemy import func, select, text

from desk.store.database import Store
from desk.store.migrate import current_revision, head_revision
from desk.store.models import Base, Citizen, managed_by_models

RARE_NAMES = ["王𠮷", "𪚥𰻞", "李䶮", "赵𡒄𣲙", "欧阳𬌗"]  # Extension B, G, A, B, E


def test_migrated_schema_equals_models(database_url: str) -> None:
    store = Store(database_url)
    assert current_revision(store) == head_revision(store)
    with store.engine.connect() as connection:
        # The backend-specific search indexes (FTS5 / pg_trgm) live outside the models by design.
        context = MigrationContext.configure(connection, opts={"include_name": managed_by_models})
        assert compare_metadata(context, Base.metadata) == []
    store.dispose()


def test_rare_characters_and_times_round_trip(database_url: str) -> None:
    store = Store(database_url)
    shanghai_noon = datetime(2026, 3, 2, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=8)))
    with store.write() as session:
        for index, name in enumerate(RARE_NAMES):
            session.add(Citizen(id_number=f"21010219900101{index:03d}X"[:18], name=name, updated_at=shanghai_noon))
    with store.read() as session:
        rows = session.execute(select(Citizen).order_by(Citizen.id)).scalars().all()
        assert [c.name for c in rows] == RARE_NAMES
        assert rows[0].updated_at == shanghai_noon
        assert rows[0].updated_at.tzinfo is not None
        assert rows[0].updated_at.astimezone(UTC).hour == 4
    store.dispose()


def test_naive_datetimes_are_refused(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with pytest.raises(Exception, match="naive"), store.write() as session:
        session.add(Citizen(id_number="210102199001010000", name="x", updated_at=datetime(2026, 1, 1)))
        session.flush()


def test_sqlite_is_configured_for_safety(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with store.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
        assert connection.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
        assert connection.execute(text("PRAGMA busy_timeout")).scalar_one() >= 5000


def test_a_failed_write_leaves_nothing_behind(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    with pytest.raises(RuntimeError), store.write() as session:
        session.add(Citizen(id_number="210102199001010000", name="张三", updated_at=datetime.now(UTC)))
        session.flush()
        raise RuntimeError("power cut")
    with store.read() as session:
        assert session.execute(select(Citizen)).first() is None


def test_locked_database_gives_a_clear_message_and_keeps_the_data(sqlite_url: str) -> None:
    import sqlite3

    from desk.store.database import StoreError

    store = Store(sqlite_url, busy_timeout_ms=200)
    with store.write() as session:
        session.add(Citizen(id_number="210102199001010000", name="张三", updated_at=datetime.now(UTC)))
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StoreError) as info, store.write() as session:
            session.add(Citizen(id_number="210102199001010001", name="李四", updated_at=datetime.now(UTC)))
        assert "数据库正忙" in info.value.message_zh
    finally:
        other.execute("ROLLBACK")
        other.close()
    with store.read() as session:
        assert [c.name for c in session.execute(select(Citizen)).scalars()] == ["张三"]


def test_database_errors_carry_no_personal_data(database_url: str) -> None:
    """A constraint error (here: a duplicate ID number) names the statement, never the values."""
    from sqlalchemy.exc import IntegrityError

    store = Store(database_url)
    number, name, now = "210102195301150038", "王𠮷", datetime.now(UTC)
    with store.write() as session:
        session.add(Citizen(id_number=number, name=name, updated_at=now))
    with pytest.raises(IntegrityError) as raised, store.write() as session:
        session.add(Citizen(id_number=number, name=name, updated_at=now))
    assert number not in str(raised.value) and name not in str(raised.value)
    assert "hidden" in str(raised.value)
    store.dispose()


@pytest.mark.postgres
def test_a_pooled_postgresql_connection_is_pinged_only_after_lying_idle(
        postgres_server: PostgresServer, postgres_template: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """No ping round trip before each transaction of a busy pool; a connection that lay idle
    `PING_AFTER_IDLE_S` is pinged first, and one found dead is replaced before the use case sees it.
    A connection the server hung up on is replaced unpinged too (its socket has the end to read)."""
    import time

    from sqlalchemy import create_engine

    from desk.store import database

    url = postgres_server.create_database("desk_idle_ping", template=postgres_template)
    store = Store(url)
    admin = create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")

    def kill_the_pooled_connection() -> None:
        with store.read() as session:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            while connection.execute(text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"),
                                     {"pid": pid}).scalar_one():
                time.sleep(0.05)

    def count() -> int:
        with store.read() as session:
            return int(session.execute(select(func.count()).select_from(Citizen)).scalar_one())

    pings: list[object] = []
    ping = store.engine.dialect.do_ping
    monkeypatch.setattr(store.engine.dialect, "do_ping",
                        lambda connection: pings.append(connection) or ping(connection))
    try:
        monkeypatch.setattr(database, "PING_AFTER_IDLE_S", 3600.0)  # never idle long enough: no ping
        assert count() == 0
        kill_the_pooled_connection()
        assert count() == 0  # the dead connection was replaced before the count, unpinged
        assert pings == []
        monkeypatch.setattr(database, "PING_AFTER_IDLE_S", 0.0)  # always idle long enough: pinged first
        kill_the_pooled_connection()
        assert count() == 0
        assert pings
    finally:
        store.dispose()
        admin.dispose()
