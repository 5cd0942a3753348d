"""`desk register import FILE [--dry-run] [--encoding ENC] [--station CODE]`: load a register extract
from the population system (户籍信息: 户主、与户主关系、登记日期、住址), the facts a household certificate
certifies (docs/register-import.md).

The file is read and checked here; its good rows go in batches to the store (one station) or, in city
mode, to the city server (`POST /admin/register/batch`, signed in as an administrator or a manager),
which checks them again. Every bad row is listed with its line and column; the exit code is 1 when
any row was bad (the good ones are loaded all the same), 0 when every row was loaded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desk.domain.register_rows import RegisterRow, cells_of
from desk.domain.workflow import Role

from .city_admin import add_admin_options, city_admin, os_user


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("register", help="户籍登记信息：从人口信息管理系统导入 / household"
                                                    " register facts: load an extract of the population system")
    commands = parser.add_subparsers(dest="register_command", required=True, metavar="COMMAND")
    load = commands.add_parser(
        "import", help="导入户籍信息（CSV：公民身份号码、姓名、户主姓名、与户主关系、登记日期、住址）/"
                       " load register facts (CSV: ID number, name, household head, relationship, registration"
                       " date, address)")
    load.add_argument("file", type=Path, metavar="FILE", help="导出的 CSV 文件（UTF-8 或 GBK/GB18030，首行为表头）/"
                                              " the exported CSV file (UTF-8 or GBK/GB18030, a header row first)")
    load.add_argument("--dry-run", action="store_true",
                      help="只核对、列出问题，不写入 / check every row and list the problems, write nothing")
    load.add_argument("--encoding", default=None, metavar="ENCODING",
                      help="文件编码，如 gb18030、gbk、utf-8（不填则自动判断）/"
                           " the file's encoding, e.g. gb18030, gbk, utf-8 (default: detected)")
    load.add_argument("--station", default=None, metavar="CODE",
                      help="导入哪个派出所的户籍（默认本所；城市模式默认登录用户的所）/ the station whose"
                           " register this is (default: this station; in city mode the signed-in user's)")
    load.set_defaults(func=_import)
    add_admin_options(load)


def _import(args: argparse.Namespace) -> int:
    from desk.domain.clock import Clock
    from desk.services.register_file import ExtractFile, extract_format
    from desk.services.register_import import ExtractSource, run_import

    fmt = extract_format()
    extract = ExtractFile.inspect(args.file, args.encoding)
    header = extract.header(fmt)
    city = city_admin(args, frozenset({Role.ADMIN, Role.MANAGER}), "cli.register_import_role")
    if city is not None:
        source = ExtractSource(args.file.name, extract.sha256, args.station or "", dry_run=args.dry_run)
        load = _remote_loader(city, dict(header.text))
        today = Clock().today()
    else:
        from desk.cli.common import core_from_args

        core = core_from_args(args)
        service = core.register_import
        station = args.station or core.station_code
        service.check_station(station)
        source = ExtractSource(args.file.name, extract.sha256, station, dry_run=args.dry_run)
        at_keyboard = os_user()

        def load(source: ExtractSource, number: int, rows: list[RegisterRow]) -> Any:
            return service.load_batch("admin", source, number, rows, details={"os_user": at_keyboard})

        today = core.clock.today()
    print(f"文件 {args.file.name}：{extract.encoding} 编码，{extract.lines} 行，SHA-256 {extract.sha256}\n"
          f"File {args.file.name}: {extract.encoding}, {extract.lines} lines")
    report = run_import(extract, load, source, fmt, today, progress=_progress())
    if sys.stderr.isatty():
        sys.stderr.write("\n")
    for problem in report.problems:
        column = f"［{problem.column}］" if problem.column else ""
        print(f"第 {problem.line} 行{column}：{problem.message_zh}\n"
              f"  line {problem.line}{' [' + problem.column + ']' if problem.column else ''}: {problem.message_en}")
    unlisted = report.bad_rows - len({problem.line for problem in report.problems})
    if unlisted > 0:
        print(f"另有 {unlisted} 行有误未列出。/ {unlisted} more bad lines not listed.")
    loaded = report.created + report.updated + report.unchanged
    if report.dry_run:
        print(f"试运行，未写入：共 {report.rows} 行，可导入 {loaded} 行（新建 {report.created}，更新 {report.updated}，"
              f"无变化 {report.unchanged}），有误 {report.bad_rows} 行。\n"
              f"Dry run, nothing written: {report.rows} rows, {loaded} loadable ({report.created} new,"
              f" {report.updated} updated, {report.unchanged} unchanged), {report.bad_rows} bad.")
    else:
        print(f"共 {report.rows} 行：已导入 {loaded} 行（新建 {report.created}，更新 {report.updated}，"
              f"无变化 {report.unchanged}），跳过有误的 {report.bad_rows} 行。\n"
              f"{report.rows} rows: {loaded} loaded ({report.created} new, {report.updated} updated,"
              f" {report.unchanged} unchanged), {report.bad_rows} bad rows skipped.")
    return 1 if report.bad_rows else 0


def _remote_loader(connection: Any, columns: dict[str, str]) -> Any:
    from desk.services.register_import import BatchOutcome, ExtractSource

    def load(source: ExtractSource, number: int, rows: list[RegisterRow]) -> BatchOutcome:
        answer = connection.call("POST", "/admin/register/batch", {
            "file_name": source.file_name, "sha256": source.sha256, "station_code": source.station_code or None,
            "dry_run": source.dry_run, "batch": number, "columns": columns,
            "rows": [{"line": row.line, "cells": cells_of(row)} for row in rows]})
        return BatchOutcome.from_wire(answer)

    return load


def _progress() -> Any:
    """Progress on the terminal (one line rewritten), or a line per 100,000 rows into a log."""
    shown = [0]

    def progress(line: int, lines: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r已处理 {line}/{lines} 行 / lines {line * 100 // max(lines, 1)}%")
            sys.stderr.flush()
        elif line - shown[0] >= 100_000:
            shown[0] = line
            print(f"已处理 {line}/{lines} 行 / {line}/{lines} lines", file=sys.stderr)

    return progress
