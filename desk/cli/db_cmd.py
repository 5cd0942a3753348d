"""`desk db upgrade` and `desk db info`: the schema and where the data lives."""

from __future__ import annotations

import argparse

from desk.domain.errors import DeskError
from desk.store.database import Store, default_database_url, redact_url
from desk.store.migrate import current_revision, head_revision, upgrade_to_head

from .common import report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("db", help="database schema (Alembic migrations)")
    commands = parser.add_subparsers(dest="db_command", required=True, metavar="COMMAND")
    upgrade = commands.add_parser("upgrade", help="migrate the database to the newest schema")
    upgrade.set_defaults(func=_upgrade)
    info = commands.add_parser("info", help="show the database URL and schema revision")
    info.set_defaults(func=_info)


def _store(args: argparse.Namespace) -> Store:
    return Store(args.db or default_database_url(), upgrade=False)


def _upgrade(args: argparse.Namespace) -> int:
    try:
        store = _store(args)
        before = current_revision(store)
        upgrade_to_head(store)
        after = current_revision(store)
    except DeskError as error:
        return report_error(error)
    print(f"数据库 {redact_url(store.url)}：{before or '空'} → {after}（最新）")
    return 0


def _info(args: argparse.Namespace) -> int:
    store = _store(args)
    current, head = current_revision(store), head_revision(store)
    print(f"url: {redact_url(store.url)}\nrevision: {current or '-'}\nhead: {head}")
    return 0 if current == head else 3
