"""Engine and unit of work: SQLite in the data directory by default, PostgreSQL when configured.

`Store.write()` opens one write transaction (on SQLite `BEGIN IMMEDIATE`, so a transaction that
reads then writes never deadlocks on the lock upgrade); `Store.read()` a read-only one. A Session
lives for one use case and is never shared between threads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desk.domain.errors import DeskError
from desk.paths import data_dir

DATABASE_URL_ENV = "DESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 10_000
_CANNOT_CONNECT = ("unable to open", "could not connect", "Connection refused", "connection failed")


class StoreError(DeskError):
    """The database cannot be used; the message says what is wrong and what to do."""

    code = "store_unavailable"


def default_database_url() -> str:
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    return f"sqlite:///{Path(data_dir()) / 'station-desk.sqlite3'}"


def _configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control away from the sqlite3 module so BEGIN is ours (see below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")  # an accepted application must survive power loss
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        write = connection.get_execution_options().get("desk_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            try:
                Path(path).parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(
                    f"无法创建数据库文件夹 {Path(path).parent}：{exc.strerror}。请检查路径和权限。",
                    f"Cannot create the database folder {Path(path).parent}: {exc.strerror}.",
                ) from exc
        # hide_parameters: a database error never carries a name or an ID number into a message or a log.
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000}, hide_parameters=True)
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
    event.listen(engine, "handle_error", _drop_row_details)
    return engine


def _drop_row_details(context: Any) -> None:
    """PostgreSQL's DETAIL line repeats the failing row (names, ID numbers): keep it out of every message."""
    original = context.original_exception
    diag = getattr(original, "diag", None)
    detail = getattr(diag, "message_detail", None)
    if not detail:
        return
    for error in (original, context.sqlalchemy_exception):  # the wrapper copied the message when made
        if error is not None and error.args and isinstance(error.args[0], str):
            error.args = (error.args[0].replace(detail, "(row values withheld)"), *error.args[1:])


class Store:
    """The application's one handle on the database (created by the composition root)."""

    def __init__(self, url: str | None = None, *, upgrade: bool = True,
                 busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> None:
        self.url = url or default_database_url()
        # The audit chain's key (desk.services.audit.AuditKey), set by the composition root on the
        # machine that writes; write sessions carry it to the audit log's appends.
        self.audit_key: Any = None
        self.engine = make_engine(self.url, busy_timeout_ms=busy_timeout_ms)
        self._write_engine = self.engine.execution_options(desk_write=True)
        self._read_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)
        if upgrade:
            from desk.store.migrate import upgrade_to_head

            with _translate_operational_errors(self.url):
                upgrade_to_head(self)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction: committed when the block ends, rolled back on any error."""
        with _translate_operational_errors(self.url), self._write_sessions() as session, session.begin():
            session.info["audit_key"] = self.audit_key
            yield session

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _translate_operational_errors(self.url), self._read_sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _translate_operational_errors(url: str) -> Iterator[None]:
    try:
        yield
    except OperationalError as exc:
        text = str(exc.orig) if exc.orig is not None else str(exc)
        if "locked" in text or "busy" in text:
            raise StoreError(
                "数据库正忙（另一个程序正在写入），请稍后重试；如持续出现，请检查是否有其他程序占用数据库。",
                f"The database is locked by another writer; try again shortly. ({text})",
            ) from exc
        if any(sign in text for sign in _CANNOT_CONNECT):
            raise StoreError(
                f"无法打开数据库：{redact_url(url)}。请检查数据库文件路径或服务器是否启动。",
                f"Cannot open the database {redact_url(url)}: check the path or that the server runs. ({text})",
            ) from exc
        raise


def redact_url(url: str) -> str:
    """Hide a password in a database URL before showing it."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
