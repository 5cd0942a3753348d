"""`desk audit verify [--anchor FILE]`: walk the hash chain (keyed with the audit key where this machine
holds it), check it still holds an anchored head, and find cases whose stored state their audited
history does not explain; exit 1 naming the first problem.
`desk audit anchor [--out FILE]`: write the chain's head down outside the database.
`desk audit key create`: key the chain from now on (the city server; an embedded desk makes its own).
"""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime
from pathlib import Path

from desk.paths import data_dir
from desk.services import audit
from desk.store.database import Store, default_database_url

from .common import print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("audit", help="只能追加的审计日志 / the append-only audit log")
    parser.add_argument("--keys", type=Path, metavar="DIR", help="密钥目录（默认 数据目录/keys）/"
                                                                 " key folder (default: DATA_DIR/keys)")
    commands = parser.add_subparsers(dest="audit_command", required=True, metavar="COMMAND")
    verify = commands.add_parser("verify", help="核验整条哈希链、锚点与案件状态 /"
                                                " check the hash chain end to end, anchors and case states")
    verify.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    verify.add_argument("--anchor", type=Path, action="append", default=[], metavar="FILE",
                        help="先前写下的锚点文件，可多次给出 / an anchor written earlier; may be given several times")
    verify.set_defaults(func=_verify)
    anchor = commands.add_parser("anchor", help="把链头写到数据库之外的文件 /"
                                                " write the chain's head to a file outside the database")
    anchor.add_argument("--out", type=Path, metavar="FILE", help="默认 数据目录/anchors/anchor-<时间>.json /"
                                                                 " default: DATA_DIR/anchors/anchor-<time>.json")
    anchor.set_defaults(func=_anchor)
    key = commands.add_parser("key", help="审计密钥 / the audit key")
    key_commands = key.add_subparsers(dest="key_command", required=True, metavar="COMMAND")
    create = key_commands.add_parser("create", help="从下一条起用密钥计算哈希（只在唯一写入的机器上）/"
                                                    " key the chain from its next entry")
    create.set_defaults(func=_create_key)


def _keys(args: argparse.Namespace) -> Path:
    return args.keys if args.keys is not None else data_dir() / "keys"


def _store_and_key(args: argparse.Namespace) -> tuple[Store, audit.AuditKey | None]:
    store = Store(args.db or default_database_url())
    return store, audit.load_audit_key(audit.audit_key_path(_keys(args), store.url))


def _verify(args: argparse.Namespace) -> int:
    store, key = _store_and_key(args)
    with store.read() as session:
        reports = [audit.verify(session, key)]
        reports += [audit.check_anchor(session, audit.read_anchor(path), key) for path in args.anchor]
        mismatches = audit.case_mismatches(session)
    store.dispose()
    chain = reports[0]
    failed = next((r for r in reports if not r.ok), None)
    if args.json:
        print_json({"ok": failed is None and not mismatches, "entries_checked": chain.entries_checked,
                    "keyed": key is not None,
                    "first_bad_seq": failed.first_bad_seq if failed else None,
                    "problem_zh": failed.problem_zh if failed else "",
                    "problem_en": failed.problem_en if failed else "",
                    "anchors_checked": len(args.anchor),
                    "case_mismatches": [{"number": m.number, "stored_state": m.stored_state,
                                         "audited_state": m.audited_state} for m in mismatches]})
    else:
        if failed is None:
            keyed = "（带审计密钥核验）" if key is not None else "（本机无审计密钥：只核验了哈希链）"
            print(f"审计日志完整：{chain.entries_checked} 条记录，哈希链无断裂{keyed}；"
                  f"核对锚点 {len(args.anchor)} 个。")
        else:
            print(f"审计日志异常：{failed.problem_zh}\n{failed.problem_en}")
        for m in mismatches:
            print(f"申请 {m.number} 的状态“{m.stored_state}”与审计记录（{m.audited_state or '无记录'}）不符："
                  f"可能被直接修改了数据库。 / Case {m.number} is '{m.stored_state}' but its audited history "
                  f"leads to '{m.audited_state}'.")
    return 0 if failed is None and not mismatches else 1


def _anchor(args: argparse.Namespace) -> int:
    store, key = _store_and_key(args)
    with store.read() as session:
        mark = audit.anchor(session, key, datetime.now(UTC))
    store.dispose()
    out = args.out or data_dir() / "anchors" / f"anchor-{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{mark.seq}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(mark.as_json(), indent=2) + "\n", encoding="utf-8")
    print(f"审计锚点：第 {mark.seq} 条，{mark.hash[:16]}… → {out}")
    print("请把锚点文件保存在数据库之外（另一台机器、打印存档），核验时：desk audit verify --anchor FILE")
    return 0


def _create_key(args: argparse.Namespace) -> int:
    store = Store(args.db or default_database_url())
    with store.read() as session:
        keyed_from = audit.head_seq(session) + 1
    store.dispose()
    path = audit.audit_key_path(_keys(args), store.url)
    audit.create_audit_key(path, keyed_from)
    print(f"审计密钥已创建：从第 {keyed_from} 条起的记录都用它加密计算哈希（{path}）。"
          "只有唯一写入数据库的机器（市局服务器）应持有它。")
    return 0
