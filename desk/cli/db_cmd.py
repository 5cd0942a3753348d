"""`desk db upgrade`, `desk db info` and `desk db grant-server-role NAME`: the schema, where the data
lives, and the city server's PostgreSQL role (desk/store/roles.py)."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import ProgrammingError

from desk.domain.errors import DeskError, InvalidInput
from desk.store.database import Store, default_database_url, redact_url
from desk.store.migrate import current_revision, head_revision, upgrade_to_head

from .city_admin import add_admin_options, city_admin
from .common import report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("db", help="数据库结构升级与角色 / database schema (Alembic migrations) and roles")
    commands = parser.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    upgrade = commands.add_parser(
        "upgrade", help="升级到最新结构（PostgreSQL 须用属主角色，依次进行）/"
                        " migrate to the newest schema (PostgreSQL: as the"
             " owner role, one at a time)")
    upgrade.set_defaults(func=_upgrade)
    add_admin_options(upgrade)
    info = commands.add_parser("info", help="显示数据库地址与结构版本 / show the database URL and schema revision")
    info.set_defaults(func=_info)
    grant = commands.add_parser(
        "grant-server-role",
        help="PostgreSQL：授予已建角色城市服务器的权限（不能改结构，审计日志只能追加）/ give an existing role"
             " the city server's rights (no DDL, audit log INSERT-only)")
    grant.add_argument("role", metavar="NAME", help="服务器连接用的角色（先 CREATE ROLE … LOGIN）/"
                                                    " the role the server connects as")
    grant.set_defaults(func=_grant_server_role)


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db or default_database_url(), upgrade=False)


def _upgrade(args: argparse.Namespace) -> int:
    city = city_admin(args)
    if city is not None:  # the server migrates its own database; this machine has no URL for it
        done = city.call("POST", "/admin/db/upgrade")
        print(f"城市数据库：{done['from'] or '空'} → {done['to']}（最新）")
        return 0
    try:
        store = _store(args)
        try:
            before = current_revision(store)
            upgrade_to_head(store)
            after = current_revision(store)
            regranted = _regrant(store)
        except ProgrammingError as error:  # "permission denied …": a role that may not change the schema
            if "permission denied" not in str(error.orig) and "must be owner" not in str(error.orig):
                raise
            from desk.store.roles import not_the_owner

            raise not_the_owner() from error
        finally:
            store.dispose()
    except DeskError as error:
        return report_error(error)
    print(f"数据库 {redact_url(store.url)}：{before or '空'} → {after}（最新）")
    for role in regranted:
        print(f"已为服务器角色 {role} 重新授权（含新表）。 / Server role {role} granted again (new tables included).")
    return 0


def _regrant(store: Store) -> list[str]:
    """Tables a migration added reach the server roles already set up (PostgreSQL)."""
    if store.is_sqlite:
        return []
    from desk.store.roles import grant_server_role, server_roles

    roles = server_roles(store.engine)
    for role in roles:
        grant_server_role(store.engine, role)
    return roles


def _grant_server_role(args: argparse.Namespace) -> int:
    from desk.store.roles import grant_server_role

    try:
        store = _store(args)
        try:
            if store.is_sqlite:
                raise InvalidInput.say("db.role_on_sqlite", code="db_role_sqlite")
            if current_revision(store) != head_revision(store):
                raise InvalidInput.say("db.upgrade_first", code="store_schema_behind")
            statements = grant_server_role(store.engine, args.role)
        finally:
            store.dispose()
    except DeskError as error:
        return report_error(error)
    print(f"服务器角色 {args.role} 已授权：不能改表结构、不能停用触发器，审计日志只能追加。"
          f"\nServer role {args.role} granted ({len(statements)} statements): no DDL, no trigger changes, "
          "audit log INSERT-only.")
    return 0


def _info(args: argparse.Namespace) -> int:
    store = _store(args)
    current, head = current_revision(store), head_revision(store)
    print(f"url: {redact_url(store.url)}\nrevision: {current or '-'}\nhead: {head}")
    return 0 if current == head else 3
