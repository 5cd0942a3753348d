"""`desk report daily`: the station's daily report as PDF (with charts), CSV and XLSX."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date
from pathlib import Path

from .common import core_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="reports for the station manager")
    commands = parser.add_subparsers(dest="report_command", required=True, metavar="REPORT")
    daily = commands.add_parser("daily", help="户籍业务日报 of one day")
    daily.add_argument("--date", type=date.fromisoformat, required=True, help="YYYY-MM-DD")
    daily.add_argument("--station", help="station code (default: this station)")
    daily.add_argument("--out", type=Path, required=True, help="PDF file")
    daily.add_argument("--csv", type=Path)
    daily.add_argument("--xlsx", type=Path)
    daily.add_argument("--anchors-dir", type=Path,
                       help="the daily audit anchors (default: the data folder's anchors)")
    daily.set_defaults(func=_daily)


def _daily(args: argparse.Namespace) -> int:
    from desk.paths import data_dir
    from desk.services.audit_anchors import anchor_of_the_day
    from desk.services.report_files import ReportFormat, daily_report_file

    core = core_from_args(args)
    data = core.reports.daily(args.date, args.station or core.station_code)
    # The day's audit anchor goes on paper too (docs/security.md).
    anchor = anchor_of_the_day(core.store, args.anchors_dir or data_dir() / "anchors", args.date, core.clock)
    data = replace(data, audit_anchor=anchor)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(daily_report_file(data, ReportFormat.PDF))
    written = [str(args.out)]
    for path, kind in ((args.csv, ReportFormat.CSV), (args.xlsx, ReportFormat.XLSX)):
        if path:
            path.write_bytes(daily_report_file(data, kind))
            written.append(str(path))
    totals = data.totals
    print(f"{data.report_date} 受理 {totals.accepted} 件，办结 {totals.completed} 件，逾期 {totals.overdue} 件 → "
          + "，".join(written))
    if anchor is not None:
        print(f"审计锚点：第 {anchor.seq} 条 {anchor.head_hash}，签名 {anchor.tag or '（无）'}")
    return 0
