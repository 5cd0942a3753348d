"""`desk deadline`: a case's due date in working days, and which years have official holiday data.

    desk deadline 2026-11-25 10          → 2026-12-09 (warnings, if any, on stderr)
    desk deadline 2026-11-25 30 --json   → {"start", "days", "due_date", "coverage", "warnings"}
    desk deadline --check-year 2027      → the coverage of 2027 (official_file / chinesecalendar /
                                            weekend_fallback)

Exit codes: 0 done (even with warnings: the date is printed, the warning says how sure it is),
1 a holiday data file is invalid, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

from desk.domain.workdays import HolidayDataError, WorkingCalendar, load_holiday_files
from desk.paths import holiday_overrides_dir, holidays_dir

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "deadline",
        help="到期日：受理日加 N 个工作日 / due date: acceptance day plus N working days",
        description=(
            "受理日 START 之后的第 DAYS 个工作日（受理当日不计；DAYS 为 0 即当日）。"
            " The DAYS-th working day after START (the acceptance day itself does not count; 0 = that day)."
        ),
    )
    parser.add_argument("start", nargs="?", metavar="START", help="受理日期 / acceptance date, YYYY-MM-DD")
    parser.add_argument("days", nargs="?", metavar="DAYS", help="工作日数 / number of working days (≥ 0)")
    parser.add_argument(
        "--check-year",
        metavar="YEAR",
        help="显示该年节假日数据的来源 / show where a year's holiday data comes from",
    )
    parser.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    parser.add_argument(
        "--holidays-dir",
        type=Path,
        metavar="DIR",
        help="只用该目录的节假日数据（默认：随软件发布的和已导入的）/ only this folder's holiday files "
             "(default: the shipped ones and those imported with desk holidays import)",
    )
    parser.set_defaults(func=run_deadline)


def run_deadline(args: argparse.Namespace) -> int:
    try:
        if args.holidays_dir is not None:
            calendar = WorkingCalendar.from_folder(args.holidays_dir)
        else:  # the shipped tables and the imported ones, as the desk counts
            calendar = WorkingCalendar.from_folder(holidays_dir(), extra=load_holiday_files(holiday_overrides_dir()))
    except HolidayDataError as exc:
        print(f"节假日数据有误 / invalid holiday data: {exc}", file=sys.stderr)
        return 1
    if args.check_year is not None:
        if args.start is not None:
            return _usage_error("--check-year 不能与 START DAYS 同时使用", "--check-year takes no START DAYS")
        return _check_year(calendar, args.check_year, as_json=args.json)
    if args.start is None or args.days is None:
        return _usage_error(
            "需要 START DAYS，或 --check-year YEAR", "expected START DAYS, or --check-year YEAR"
        )
    start = _parse_date(args.start)
    if start is None:
        return _usage_error(
            f"日期无效：{args.start!r}（应为 YYYY-MM-DD，如 2026-11-25）",
            f"invalid date: {args.start!r} (expected YYYY-MM-DD, e.g. 2026-11-25)",
        )
    if not re.fullmatch(r"\d{1,5}", args.days):
        return _usage_error(
            f"工作日数无效：{args.days!r}（应为 0 或正整数）",
            f"invalid number of working days: {args.days!r} (expected 0 or a positive integer)",
        )
    try:
        due = calendar.add_working_days(start, int(args.days))
    except ValueError as exc:
        return _usage_error(*_bilingual(exc))
    for warning in due.warnings:
        print(f"警告：{warning.message_zh}\nWarning: {warning.message_en}", file=sys.stderr)
    if args.json:
        print(json.dumps(due.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(due.due_date.isoformat())
    return 0


def _check_year(calendar: WorkingCalendar, text: str, *, as_json: bool) -> int:
    if not re.fullmatch(r"\d{4}", text) or int(text) < 1:
        return _usage_error(f"年份无效：{text!r}（应为四位数字）", f"invalid year: {text!r} (four digits)")
    year = int(text)
    coverage = calendar.coverage(year)
    schedule = calendar.schedule(year)
    warning = calendar.coverage_warning(year)
    report: dict[str, Any] = {
        "year": year,
        "coverage": str(coverage),
        "label_zh": coverage.label_zh,
        "label_en": coverage.label_en,
        "source": schedule.source if schedule else None,
        "origin": schedule.origin if schedule else None,
        "holidays": len(schedule.holidays) if schedule else None,
        "workdays": len(schedule.workdays) if schedule else None,
        "warning": warning.to_dict() if warning else None,
    }
    if as_json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{year}: {coverage}（{coverage.label_zh} / {coverage.label_en}）")
    if schedule is not None:
        print(f"  来源 / source: {schedule.source}")
        print(f"  文件 / file: {schedule.origin}")
        print(
            f"  节假日 {len(schedule.holidays)} 天，调休上班 {len(schedule.workdays)} 天 / "
            f"{len(schedule.holidays)} holiday days, {len(schedule.workdays)} make-up working days"
        )
    if warning is not None:
        print(f"  {warning.message_zh}\n  {warning.message_en}")
    return 0


def _parse_date(text: str) -> date | None:
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _bilingual(exc: ValueError) -> tuple[str, str]:
    zh = getattr(exc, "message_zh", None)
    en = getattr(exc, "message_en", None)
    return (zh, en) if zh and en else (str(exc), str(exc))


def _usage_error(message_zh: str, message_en: str) -> int:
    print(f"desk deadline: {message_zh}\ndesk deadline: {message_en}", file=sys.stderr)
    return 2
