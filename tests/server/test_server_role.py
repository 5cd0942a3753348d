"""The city server's PostgreSQL role (desk/store/roles.py): refused every change of the rules — DDL,
trigger changes, rewriting or emptying the audit log, the schema's revision — while the server,
running under it (tests/server/conftest.py), does the clerk's work normally."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from city_server import PASSWORD, SERVER_ROLE, City
from postgres_server import PostgresServer
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.exc import DBAPIError

from desk.cli import main
from desk.services import audit
from desk.store.models import AuditEntry

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# Each statement the server role must be refused, named for the failure message.
REFUSED = {
    "create a table": "CREATE TABLE forged (id integer)",
    "create a temporary table": "CREATE TEMPORARY TABLE scratch (id integer)",
    "create a function": "CREATE FUNCTION nothing() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
    "add a column": "ALTER TABLE cases ADD COLUMN forged integer",
    "drop a table": "DROP TABLE case_events",
    "disable the audit trigger": "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only",
    "disable every trigger": "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "drop the audit trigger": "DROP TRIGGER audit_log_append_only ON audit_log",
    "replace the trigger function": "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS "
                                    "$$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql",
    "add a trigger to cases": "CREATE TRIGGER quiet BEFORE UPDATE ON cases FOR EACH ROW "
                              "EXECUTE FUNCTION audit_log_append_only()",
    "switch triggers off for the session": "SET session_replication_role = replica",
    "update an audit entry": "UPDATE audit_log SET actor = 'nobody'",
    "delete audit entries": "DELETE FROM audit_log",
    "truncate the audit log": "TRUNCATE audit_log",
    "move the schema's revision": "UPDATE alembic_version SET version_num = '0001'",
    "move the audit sequence": "SELECT setval('audit_log_global_seq', 1)",
}


@pytest.fixture
def as_server_role(city: City) -> Iterator[Connection]:
    """A connection to the city's database with the server's own credentials."""
    engine = create_engine(city.server.database_url)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def test_the_server_connects_as_its_role(city: City) -> None:
    assert f"//{SERVER_ROLE}@" in city.server.database_url
    client = city.server.client("dev-role-check")
    assert client.sign_in("clerk", PASSWORD).status_code == 200
    client.close()
    database = city.store.url.rsplit("/", 1)[1]
    with city.store.engine.connect() as connection:
        users = set(connection.execute(text("SELECT usename FROM pg_stat_activity WHERE datname = :d"),
                                       {"d": database}).scalars())
    assert SERVER_ROLE in users


@pytest.mark.parametrize("what", sorted(REFUSED))
def test_the_server_role_is_refused(as_server_role: Connection, city: City, what: str) -> None:
    with city.store.read() as session:
        entries_before = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq)).all()
    with pytest.raises(DBAPIError) as refused:
        as_server_role.execute(text(REFUSED[what]))
    as_server_role.rollback()
    message = str(refused.value.orig)
    assert "permission denied" in message or "must be owner" in message, (what, message)
    with city.store.read() as session:
        assert session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq)).all() == entries_before
        assert audit.verify(session).ok


def test_the_server_role_may_append_and_read(as_server_role: Connection) -> None:
    """What the server needs, it has (the whole city API suite runs under this role too)."""
    assert as_server_role.execute(text("SELECT count(*) FROM audit_log")).scalar_one() >= 0
    privileges = {
        table: as_server_role.execute(text(
            "SELECT has_table_privilege(:t, 'INSERT'), has_table_privilege(:t, 'UPDATE'), "
            "has_table_privilege(:t, 'DELETE')"), {"t": table}).one()
        for table in ("audit_log", "cases", "audit_head", "alembic_version")
    }
    assert tuple(privileges["audit_log"]) == (True, False, False)
    assert tuple(privileges["cases"]) == (True, True, True)
    assert tuple(privileges["audit_head"]) == (True, True, True)
    assert tuple(privileges["alembic_version"]) == (False, False, False)


def test_upgrade_grants_a_new_table_to_the_server_role(city: City, as_server_role: Connection,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """A table a later migration adds reaches the server role at the next `desk db upgrade`."""
    with city.store.engine.begin() as owner:
        owner.execute(text("CREATE TABLE IF NOT EXISTS later_feature (id integer)"))
    assert not as_server_role.execute(text("SELECT has_table_privilege('later_feature', 'INSERT')")).scalar_one()
    assert main(["--db", city.store.url, "db", "upgrade"]) == 0
    assert f"已为服务器角色 {SERVER_ROLE} 重新授权" in capsys.readouterr().out
    as_server_role.rollback()  # a fresh transaction sees the grant
    assert as_server_role.execute(text("SELECT has_table_privilege('later_feature', 'INSERT')")).scalar_one()
    with city.store.engine.begin() as owner:
        owner.execute(text("DROP TABLE later_feature"))


def test_a_role_too_strong_or_missing_is_not_granted(city: City, postgres_server: PostgresServer,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", city.store.url, "db", "grant-server-role", "desk"]) == 1  # the cluster's superuser
    assert "超级用户" in capsys.readouterr().err
    assert main(["--db", city.store.url, "db", "grant-server-role", "nobody_made_me"]) == 1
    err = capsys.readouterr().err
    assert "CREATE ROLE nobody_made_me LOGIN" in err
    assert main(["--db", city.store.url, "db", "grant-server-role", "Robert'); DROP TABLE cases;--"]) == 1
    assert "角色名" in capsys.readouterr().err


def test_the_server_role_cannot_upgrade_or_grant(city: City, postgres_server: PostgresServer,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Schema work is the owner's: with the server's credentials it is refused with a clear message."""
    assert main(["--db", city.server.database_url, "db", "upgrade"]) == 1  # at head: the re-grant is refused
    assert "数据库所有者角色" in capsys.readouterr().err
    assert main(["--db", city.server.database_url, "db", "grant-server-role", SERVER_ROLE]) == 1
    assert "数据库所有者角色" in capsys.readouterr().err
    admin = create_engine(postgres_server.url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("CREATE DATABASE desk_behind_for_server_role"))
    admin.dispose()
    behind = postgres_server.url("desk_behind_for_server_role").replace("//desk@", f"//{SERVER_ROLE}@")
    assert main(["--db", behind, "db", "upgrade"]) == 1  # behind: the migration itself is refused
    assert "数据库所有者角色" in capsys.readouterr().err
