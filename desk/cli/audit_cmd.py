"""`desk audit verify`: walk the hash chain; exit 1 naming the first altered or missing entry."""

from __future__ import annotations

import argparse

from desk.services import audit
from desk.store.database import Store, default_database_url

from .common import print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("audit", help="the append-only audit log")
    commands = parser.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    verify = commands.add_parser("verify", help="check the hash chain end to end")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(func=_verify)


def _verify(args: argparse.Namespace) -> int:
    store = Store(args.db or default_database_url())
    with store.read() as session:
        report = audit.verify(session)
    if args.json:
        print_json({"ok": report.ok, "entries_checked": report.entries_checked,
                    "first_bad_seq": report.first_bad_seq, "problem_zh": report.problem_zh,
                    "problem_en": report.problem_en})
    elif report.ok:
        print(f"审计日志完整：{report.entries_checked} 条记录，哈希链无断裂。")
    else:
        print(f"审计日志异常：{report.problem_zh}\n{report.problem_en}")
    return 0 if report.ok else 1
