"""Engine and unit of work: SQLite in the data directory by default, PostgreSQL when configured.

`Store.write()` opens one write transaction (on SQLite `BEGIN IMMEDIATE`, so a transaction that
reads then writes never deadlocks on the lock upgrade); `Store.read()` a read-only one. A Session
lives for one use case and is never shared between threads.
"""

from __future__ import annotations

import json
import logging
import os
import select
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import (
    ArgumentError,
    DatabaseError,
    DisconnectionError,
    NoSuchModuleError,
    OperationalError,
    StatementError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from desk.domain.errors import ConcurrentChange, InvalidInput
from desk.extras import require_extra
from desk.paths import data_dir, owner_only, private_data_dir

# Re-exported: callers catch the store's errors where they open the store.
from desk.store.errors import DiskFull as DiskFull
from desk.store.errors import SchemaMismatch as SchemaMismatch
from desk.store.errors import StoreCorrupt as StoreCorrupt
from desk.store.errors import StoreError as StoreError
from desk.store.migrate import require_current_schema, upgrade_to_head

DATABASE_URL_ENV = "DESK_DATABASE_URL"
SQLITE_BUSY_TIMEOUT_MS = 10_000
PING_AFTER_IDLE_S = 5.0
SUPPORTED_SCHEMES = frozenset({"sqlite", "postgresql", "postgres"})
_DISK_FULL = ("disk is full", "database or disk is full", "No space left on device", "could not extend file",
              "DiskFull")
_CORRUPT = ("file is not a database", "database disk image is malformed", "file is encrypted")
_CANNOT_CONNECT = ("unable to open", "could not connect", "Connection refused", "connection failed")

log = logging.getLogger(__name__)


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


def _private_database_file(path: Path) -> None:
    """The SQLite file (and so its -wal and -shm, which SQLite makes with the file's own mode) readable
    by its owner only; its folder, when made here, too."""
    if not path.parent.exists():
        private_data_dir(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # an empty file is an empty database
    owner_only(path, 0o600)


def _json_dumps(value: Any) -> str:
    # NaN and infinity are not JSON: stored, they make a value PostgreSQL refuses and other readers choke on.
    return json.dumps(value, allow_nan=False)


def make_engine(url: str, *, busy_timeout_ms: int = SQLITE_BUSY_TIMEOUT_MS) -> Engine:
    scheme = url.split(":", 1)[0].split("+", 1)[0].lower()
    if scheme not in SUPPORTED_SCHEMES:
        raise StoreError.say("store.unsupported_url", code="store_unsupported_url", url=redact_url(url))
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            try:
                _private_database_file(Path(path))
            except OSError as exc:
                raise StoreError.say("store.folder_failed", folder=str(Path(path).parent),
                                     reason=exc.strerror) from exc
        # hide_parameters: a database error never carries a name or an ID number into a message or a log.
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms / 1000}, hide_parameters=True,
                               json_serializer=_json_dumps)
        _configure_sqlite(engine, busy_timeout_ms)
        return engine
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            url = "postgresql+psycopg://" + url.removeprefix(plain)
    if url.startswith("postgresql+psycopg"):
        require_extra("psycopg", "postgres", "feature.postgres")
    try:
        engine = create_engine(url, hide_parameters=True, json_serializer=_json_dumps)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError.say("store.invalid_url", code="store_unsupported_url", url=redact_url(url)) from exc
    event.listen(engine, "handle_error", _drop_row_details)
    _ping_when_idle(engine)
    return engine


def _ping_when_idle(engine: Engine) -> None:
    """Ping a pooled PostgreSQL connection before use only when it lay idle `PING_AFTER_IDLE_S` or more
    (a firewall's idle cut, a server gone without a word): `pool_pre_ping` pinged before every
    transaction, one more round trip on each of a busy server's requests. A connection used more
    recently is looked at without a round trip: when the server hung up on it (a restart, a terminated
    backend) its socket has the goodbye or the end of the stream to read. A dead connection is replaced
    by a fresh one before the use case runs its first statement, so a database restart fails no call."""
    @event.listens_for(engine, "connect")
    def _connected(_dbapi_connection: Any, record: Any) -> None:
        record.info["desk_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_connection: Any, record: Any) -> None:
        record.info["desk_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        idle_since = record.info.get("desk_idle_since")
        if idle_since is not None and time.monotonic() - idle_since < PING_AFTER_IDLE_S:
            if _server_hung_up(dbapi_connection, engine.dialect.loaded_dbapi.Error):
                raise DisconnectionError("the server closed the pooled connection")  # the pool connects anew
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as exc:
            raise DisconnectionError("the pooled connection is gone") from exc  # the pool connects anew


def _server_hung_up(dbapi_connection: Any, driver_error: type[Exception]) -> bool:
    """Whether the server spoke on a connection lying in the pool, found without a round trip. Between
    transactions the server says nothing to a client that listens for nothing (the desk never LISTENs):
    anything to read is a termination notice or the end of the stream. A poll of the socket, not a read."""
    fileno = getattr(dbapi_connection, "fileno", None)
    if fileno is None:
        return False
    try:
        socket = fileno()
    except (OSError, driver_error):  # the driver knows it closed: no socket to look at
        return True
    if hasattr(select, "poll"):  # not select(): a busy server's descriptors go past FD_SETSIZE
        poller = select.poll()
        poller.register(socket, select.POLLIN)
        return bool(poller.poll(0))  # readable, hung up or in error
    readable, _, _ = select.select([socket], [], [], 0)
    return bool(readable)


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
        """`upgrade`: an embedded SQLite store migrates itself; a PostgreSQL store is only checked (a
        schema behind the code is a `SchemaMismatch` naming `desk db upgrade`). False: neither."""
        self.url = url or default_database_url()
        # The audit chain's key (desk.services.audit.AuditKey), set by the composition root on the
        # machine that writes; write sessions carry it to the audit log's appends.
        self.audit_key: Any = None
        self.engine = make_engine(self.url, busy_timeout_ms=busy_timeout_ms)
        self._write_engine = self.engine.execution_options(desk_write=True)
        self._read_sessions = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(bind=self._write_engine, expire_on_commit=False)
        self._unbracketed_sessions = sessionmaker(bind=self.engine.execution_options(isolation_level="AUTOCOMMIT"),
                                                  expire_on_commit=False)
        if upgrade:
            with _translate_operational_errors(self.url):
                if self.is_sqlite:
                    upgrade_to_head(self)
                else:
                    require_current_schema(self)

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
    def unbracketed(self) -> Iterator[Session]:
        """PostgreSQL: a session whose every statement commits on its own, with no BEGIN and COMMIT
        round trips — for a use case whose only write is one statement (an audited read's entry,
        `desk.services.audit.append_to_read`). It carries the audit key as a write session does."""
        with _translate_operational_errors(self.url), self._unbracketed_sessions() as session, session.begin():
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
    except StaleDataError as exc:
        # Optimistic versions: another desk changed the row first (also when raised from an autoflush).
        raise ConcurrentChange.say("store.changed_by_someone_else", code="store_concurrent_change") from exc
    except (StatementError, ValueError) as exc:
        # The JSON serializer refuses NaN/inf; SQLite's bind wraps that in a StatementError, psycopg's does not.
        cause = exc.orig if isinstance(exc, StatementError) else exc
        if isinstance(cause, ValueError) and "JSON compliant" in str(cause):
            raise InvalidInput.say("store.not_finite", code="store_not_finite") from exc
        if not isinstance(exc, StatementError):
            raise
        if not isinstance(exc, OperationalError | DatabaseError):
            raise
        text = str(exc.orig) if exc.orig is not None else str(exc)
        # The driver's own words go to the log (parameters hidden: no citizen's data); the user reads the message.
        log.warning("database error: %s", text)
        if any(sign in text for sign in _DISK_FULL):
            raise DiskFull.say("store.disk_full") from exc
        if any(sign in text for sign in _CORRUPT):
            raise StoreCorrupt.say("store.corrupt", url=redact_url(url)) from exc
        if not isinstance(exc, OperationalError):
            raise
        if "locked" in text or "busy" in text:
            raise StoreError.say("store.busy") from exc
        if any(sign in text for sign in _CANNOT_CONNECT):
            raise StoreError.say("store.cannot_open", url=redact_url(url)) from exc
        raise


def redact_url(url: str) -> str:
    """Hide a password in a database URL before showing it."""
    if "@" in url and "://" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
