"""`desk catalog`: list the transaction catalog, show one transaction, check a catalog folder.

    desk catalog [--json] [--dir DIR]      every transaction (a table, or a JSON array)
    desk catalog show CODE [--json]        one transaction in full
    desk catalog check PATH                validate a folder (or one file); exit 1 listing every error
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desk.domain.catalog import Catalog, CatalogError, Transaction
from desk.domain.catalog_loader import load_catalog, read_catalog
from desk.paths import catalog_dir


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "catalog", help="事项目录：列出、查看、检查 (list, show and check the transaction catalog)",
        description="事项目录 — the household-registration transactions the desk handles.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array (UTF-8) instead of a table")
    parser.add_argument("--dir", type=Path, default=None, metavar="DIR",
                        help="catalog folder (default: the shipped resources/catalog)")
    parser.set_defaults(func=list_transactions)
    # The group's --json and show's --json use different dests: argparse copies a sub-command's
    # defaults over the group's values, so one shared dest would forget `desk catalog --json show X`.
    actions = parser.add_subparsers(dest="catalog_action", metavar="ACTION")
    show = actions.add_parser("show", help="一个事项的全部内容 (one transaction in full)")
    show.add_argument("code", help="transaction code, e.g. birth_registration")
    show.add_argument("--json", action="store_true", dest="show_json", help="print a JSON object")
    show.set_defaults(func=show_transaction)
    check = actions.add_parser("check", help="检查事项文件 (validate a catalog folder or file)")
    check.add_argument("path", type=Path, help="a folder of .toml files, or one file")
    check.set_defaults(func=check_catalog)


def list_transactions(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    if args.json:
        _write_json([t.to_json_dict() for t in catalog.values()])
        return 0
    rows = [("code", "名称", "category", "时限", "approval")]
    for transactions in catalog.by_category().values():
        rows.extend(
            (t.code, _clip(t.name_zh, 30), f"{t.category} {t.category.label_zh}", _time_limit(t),
             f"{t.approval} {t.approval.label_zh}")
            for t in transactions
        )
    _write("\n".join(_table(rows)))
    _write(f"共 {len(catalog)} 项事项 / {len(catalog)} transactions")
    return 0


def show_transaction(args: argparse.Namespace) -> int:
    catalog = _load(args.dir)
    if catalog is None:
        return 1
    transaction = catalog.get(args.code)
    if transaction is None:
        close = difflib.get_close_matches(args.code, list(catalog), n=3)
        hint = f"（是否要找：{', '.join(close)}）" if close else ""
        print(f"事项目录中没有“{args.code}”{hint} / no transaction {args.code!r} in the catalog", file=sys.stderr)
        return 1
    if args.json or args.show_json:
        _write_json(transaction.to_json_dict())
    else:
        _write("\n".join(_describe(transaction)))
    return 0


def check_catalog(args: argparse.Namespace) -> int:
    transactions, issues = read_catalog(args.path)
    if issues:
        for issue in issues:
            _write(str(issue))
        files = len({issue.file for issue in issues})
        _write(f"{len(issues)} 处错误，涉及 {files} 个文件 / {len(issues)} error(s) in {files} file(s)")
        return 1
    _write(f"{len(transactions)} 项事项检查通过 / {len(transactions)} transactions OK")
    return 0


# ---- helpers -----------------------------------------------------------------------------------------


def _load(folder: Path | None) -> Catalog | None:
    try:
        return load_catalog(folder if folder is not None else catalog_dir())
    except CatalogError as exc:
        for issue in exc.errors:
            print(str(issue), file=sys.stderr)
        print(f"{exc.message_zh} / {exc.message_en}", file=sys.stderr)
        return None


def _time_limit(transaction: Transaction) -> str:
    days = transaction.time_limit_days
    return "当场办结" if days == 0 else f"{days} 个工作日"


def _describe(t: Transaction) -> list[str]:
    fee = "免费" if not t.fee_yuan else f"{t.fee_yuan} 元"
    lines = [
        f"{t.name_zh}  {t.name_en}  [{t.code}]",
        f"类别 category: {t.category} {t.category.label_zh}    时限: {_time_limit(t)}    "
        f"审批 approval: {t.approval} {t.approval.label_zh}",
        f"收费 fee: {fee}    自助机可发起 kiosk: {'是' if t.kiosk_startable else '否'}    "
        f"出具 issues: {t.issues_document.label_zh}",
        "",
        t.description_zh, t.description_en, "",
        f"申请条件：{t.conditions_zh}",
        f"办理依据：{t.legal_basis_zh}",
        f"来源 source：{t.source}",
    ]
    if t.keywords:
        lines.append(f"关键词：{'、'.join(t.keywords)}")
    lines += ["", "表单 fields:"]
    for spec in t.fields:
        flags = "必填" if spec.required else "选填"
        when = f"  当 when: {spec.when.source}" if spec.when else ""
        lines.append(f"  {spec.key} ({spec.type}, {flags}) {spec.label_zh} / {spec.label_en}{when}")
        if spec.options:
            lines.append("      " + "  ".join(f"{o.value}={o.label_zh}" for o in spec.options))
    lines += ["", "材料 materials:"]
    for material in t.materials:
        when = f"  当 when: {material.when.source}" if material.when else ""
        lines.append(f"  {material.key}: {material.name_zh}（{material.form.label_zh} {material.copies} 份）{when}")
        lines.append(f"      {material.why_zh}")
    if t.rules:
        lines += ["", "条件 rules:"]
        for rule in t.rules:
            lines.append(f"  {rule.key}: {rule.require.source}  → 不符合时：{rule.reason_zh}")
    return lines


def _width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, columns: int) -> str:
    """Shorten to at most `columns` terminal columns, marking the cut with an ellipsis."""
    if _width(text) <= columns:
        return text
    while _width(text) > columns - 1:
        text = text[:-1]
    return text + "…"


def _table(rows: Sequence[tuple[str, ...]]) -> list[str]:
    widths = [max(_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
            for row in rows]


def _write_json(data: Any) -> None:
    _write(json.dumps(data, ensure_ascii=False, indent=2))


def _write(text: str) -> None:
    """Print as UTF-8 even when the terminal's locale says otherwise (the output is Chinese)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    buffer = getattr(stream, "buffer", None)
    if encoding == "utf8" or buffer is None:
        print(text, file=stream)
        return
    stream.flush()
    buffer.write((text + "\n").encode("utf-8"))
    buffer.flush()
