"""PostgreSQL roles: the owner migrates, the city server's role only reads and writes rows.

The owner role (the one `desk db upgrade` runs as) owns every table, the audit triggers and the
schema. The server's role — the only credentials on the server machine — gets exactly what the use
cases need and nothing that changes the rules:

- no DDL: no CREATE on the schema (taken from PUBLIC too, as PostgreSQL 15 does by default), no
  temporary tables, owns nothing, so it can neither ALTER nor DROP a table nor disable or drop a
  trigger (both need ownership);
- the audit log: SELECT and INSERT only (UPDATE, DELETE and TRUNCATE are refused by the grants
  before the append-only triggers even run);
- the schema's revision (`alembic_version`): SELECT only, so the server can check it is current;
- every other table: SELECT, INSERT, UPDATE, DELETE; sequences: USAGE and SELECT (not setval).

Why a command (`desk db grant-server-role NAME`) and not GRANTs inside a migration: the role's name is
the city's choice, not the code's, and a migration that named a role would fail on every database
without it (a station's test copy, a developer's). The command is idempotent; `desk db upgrade`
re-applies it to every role that already holds the server grants, so tables added by a later
migration reach the server without anyone remembering to grant them.
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, Engine, text

from desk.domain.errors import InvalidInput

APPEND_ONLY_TABLES = frozenset({"audit_log"})
READ_ONLY_TABLES = frozenset({"alembic_version"})
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def _check_name(role: str) -> None:
    if not _ROLE_NAME.match(role):
        raise InvalidInput.say("db.role_name_invalid", code="db_role_name", role=role)


def _check_role(connection: Connection, role: str) -> None:
    row = connection.execute(text("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = :r"),
                             {"r": role}).one_or_none()
    if row is None:
        raise InvalidInput.say("db.role_missing", code="db_role_missing", role=role)
    if row.rolsuper or row.rolbypassrls:
        raise InvalidInput.say("db.role_too_strong", code="db_role_too_strong", role=role)
    owned = connection.execute(text(
        "SELECT count(*) FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
        "WHERE r.rolname = :r AND c.relnamespace = current_schema()::regnamespace"), {"r": role}).scalar_one()
    if owned:
        raise InvalidInput.say("db.role_is_owner", code="db_role_is_owner", role=role)


class NotTheOwner(InvalidInput):
    """A command for the owner role run with other credentials (e.g. the server's)."""

    code = "db_not_owner"


def not_the_owner() -> NotTheOwner:
    return NotTheOwner.say("db.owner_only")


def _require_owner(connection: Connection) -> None:
    """The connected role owns every table of the schema (or is a superuser)."""
    superuser = connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar_one()
    foreign = connection.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() "
                                      "AND tableowner <> current_user")).scalar_one()
    if not superuser and foreign:
        raise not_the_owner()


def grant_statements(connection: Connection, role: str) -> list[str]:
    """The statements that give `role` the server's rights (and no more) on this database."""
    prepare = connection.dialect.identifier_preparer
    who = prepare.quote(role)
    database = prepare.quote(str(connection.execute(text("SELECT current_database()")).scalar_one()))
    schema = prepare.quote(str(connection.execute(text("SELECT current_schema()")).scalar_one()))
    tables = [str(name) for name in connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")).scalars()]
    statements = [
        f"REVOKE ALL ON ALL TABLES IN SCHEMA {schema} FROM {who}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA {schema} FROM {who}",
        f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC",
        f"REVOKE ALL ON SCHEMA {schema} FROM {who}",
        f"REVOKE TEMPORARY ON DATABASE {database} FROM PUBLIC",
        f"REVOKE CREATE, TEMPORARY ON DATABASE {database} FROM {who}",
        f"GRANT CONNECT ON DATABASE {database} TO {who}",
        f"GRANT USAGE ON SCHEMA {schema} TO {who}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {who}",
    ]
    for table in tables:
        if table in APPEND_ONLY_TABLES:
            rights = "SELECT, INSERT"
        elif table in READ_ONLY_TABLES:
            rights = "SELECT"
        else:
            rights = "SELECT, INSERT, UPDATE, DELETE"
        statements.append(f"GRANT {rights} ON {schema}.{prepare.quote(table)} TO {who}")
    return statements


def grant_server_role(engine: Engine, role: str) -> list[str]:
    """Give `role` (made beforehand by the database administrator) the server's rights, in one
    transaction; run as the owner role. Returns the statements run."""
    _check_name(role)
    with engine.begin() as connection:
        _require_owner(connection)
        _check_role(connection, role)
        statements = grant_statements(connection, role)
        for statement in statements:
            connection.execute(text(statement))
    return statements


def server_roles(engine: Engine) -> list[str]:
    """Roles holding the server's grant (INSERT on the audit log) other than the tables' owner."""
    with engine.connect() as connection:
        return [str(name) for name in connection.execute(text(
            "SELECT DISTINCT r.rolname FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a "
            "JOIN pg_roles r ON r.oid = a.grantee "
            "WHERE c.relname = 'audit_log' AND c.relnamespace = current_schema()::regnamespace "
            "AND a.privilege_type = 'INSERT' AND a.grantee <> c.relowner ORDER BY 1")).scalars()]
