"""`desk id`: check an identity number and say what it tells.

    desk id check 11010519491231002X           → 出生日期, 性别, 地区, 证件类型 (exit 0)
    desk id check 110105194912310021 --json    → {"valid": false, "error": "checksum", ...} (exit 1)

Exit codes: 0 the number is valid, 1 it is not (the reason is printed), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from typing import Any

from desk.domain.idnumber import FEMALE, MALE, IdKind, IdNumberInfo, InvalidIdNumber, parse_id_number

_SEX_LABELS = {MALE: ("男", "male"), FEMALE: ("女", "female")}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "id",
        help="证件号码 / identity numbers",
        description="居民身份证、港澳台居民居住证、外国人永久居留身份证号码 / identity numbers.",
    )
    commands = parser.add_subparsers(dest="id_command", metavar="SUBCOMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="校验证件号码 / check an identity number",
        description=(
            "校验号码并显示出生日期、性别、地区和证件类型。"
            " Checks the number and shows the birth date, sex, region and kind of card."
        ),
    )
    check.add_argument("number", metavar="NUMBER", help="证件号码 / the number (15 or 18 characters)")
    check.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    check.add_argument(
        "--today",
        metavar="YYYY-MM-DD",
        help="以该日期为今天（检查出生日期用）/ the date taken as today (for the birth-date check)",
    )
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    today: date | None = None
    if args.today is not None:
        today = _parse_date(args.today)
        if today is None:
            return _usage_error(
                f"日期无效：{args.today!r}（应为 YYYY-MM-DD）", f"invalid date: {args.today!r} (expected YYYY-MM-DD)"
            )
    try:
        info = parse_id_number(args.number, today=today)
    except InvalidIdNumber as error:
        if error.code == "empty":
            return _usage_error(error.message_zh, error.message_en)
        if args.json:
            _print_json(
                {
                    "valid": False,
                    "error": error.code,
                    "message_zh": error.message_zh,
                    "message_en": error.message_en,
                    "position": error.position,
                }
            )
        else:
            print(f"无效：{error.message_zh}\nInvalid: {error.message_en}")
        return 1
    warnings = _warnings(info)
    if args.json:
        _print_json({"valid": True, **info.to_dict(), "warnings": warnings})
    else:
        _print_facts(info, warnings)
    return 0


def _warnings(info: IdNumberInfo) -> list[dict[str, str]]:
    if info.region_known:
        return []
    return [
        {
            "code": "region_not_in_list",
            "message_zh": (
                f"地区代码 {info.region_code} 不在行政区划代码表中（可能是已撤销或较新的代码），"
                "号码其余部分正确，请与证件核对"
            ),
            "message_en": (
                f"Region code {info.region_code} is not in the code list (possibly retired or newer); "
                "the rest of the number is right — compare with the card"
            ),
        }
    ]


def _print_facts(info: IdNumberInfo, warnings: list[dict[str, str]]) -> None:
    sex_zh, sex_en = _SEX_LABELS[info.sex]
    region = info.region_name or "—"
    lines = [
        f"有效 / valid: {info.number}",
        f"证件类型 / kind: {info.kind_label_zh} / {info.kind_label_en}",
        f"出生日期 / birth date: {info.birth_date:%Y年%m月%d日} / {info.birth_date.isoformat()}",
        f"性别 / sex: {sex_zh} / {sex_en}",
    ]
    if info.kind in (IdKind.FOREIGN_PERMANENT_2017, IdKind.FOREIGN_PERMANENT_2023):
        lines.append(f"受理地 / accepting office: {region} ({info.region_code})")
    else:
        lines.append(f"地区 / region: {region} ({info.region_code})")
    if info.nationality is not None:
        lines.append(f"国籍代码 / nationality code: {info.nationality}")
    if info.upgraded_from is not None:
        lines.append(f"由15位号码升级 / upgraded from: {info.upgraded_from}")
    for warning in warnings:
        lines.append(f"注意：{warning['message_zh']}\nNote: {warning['message_en']}")
    print("\n".join(lines))


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _parse_date(text: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _usage_error(message_zh: str, message_en: str) -> int:
    print(f"用法错误：{message_zh}\nUsage error: {message_en}", file=sys.stderr)
    return 2
