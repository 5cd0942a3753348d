"""`desk report daily`: the station's daily report as PDF (with charts), CSV and XLSX.
`desk report month --city`: the city's (or a branch's, or with `--station` one station's) month, on time against
late per station and transaction."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from .common import core_from_args


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="所长的统计报表 / reports for the station manager")
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
    month = commands.add_parser("month", help="户籍业务月报 of the city or a branch: on time against late")
    month.add_argument("--city", action="store_true", help="every station of the city")
    month.add_argument("--branch", metavar="NAME", help="only the stations of this branch (分局), by its name")
    month.add_argument("--station", nargs="?", const="", metavar="CODE",
                       help="一个派出所（不写代码即本所）/ one station (without a code: this one)")
    month.add_argument("--month", metavar="YYYY-MM", help="the month (default: this month)")
    month.add_argument("--json", action="store_true", help="the figures as JSON")
    month.set_defaults(func=_month)


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
    print(f"{data.report_date} 受理 {totals.accepted} 件，办结 {totals.completed} 件，超期 {totals.overdue} 件 → "
          + "，".join(written))
    if anchor is not None:
        print(f"审计锚点：第 {anchor.seq} 条 {anchor.head_hash}，签名 {anchor.tag or '（无）'}")
    return 0


def _month(args: argparse.Namespace) -> int:
    from desk.services.city_reports import CityReportService, MonthFigures, parse_month

    if not args.city and not args.branch and args.station is None:
        print("请指定 --city（全市）、--branch 分局名称或 --station（本所）。"
              "/ Give --city (the whole city), --branch NAME or --station (this station).")
        return 2
    core = core_from_args(args)
    month = parse_month(args.month) if args.month else core.clock.today().replace(day=1)
    station = (args.station or core.station_code) if args.station is not None else None
    report = CityReportService(core.store, core.catalog, core.clock).month(month, branch=args.branch,
                                                                           station=station)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
        return 0
    title = report.total.name if report.scope == "station" else report.branch or "全市"
    print(f"{report.month:%Y年%m月} 户籍业务月报（{title}，截至 {report.as_of}）")
    # Figures first, names last: names of unequal display width cannot break the columns.
    print(f"{'受理':>6}{'办结':>6}{'按时':>6}{'逾期':>6}{'按时率':>7}  名称")

    def line(code: str, name: str, figures: MonthFigures) -> None:
        rate = "—" if figures.on_time_rate is None else f"{figures.on_time_rate:.1%}"
        print(f"{figures.accepted:>8}{figures.completed:>8}{figures.on_time:>8}{figures.late:>8}{rate:>10}  "
              + f"{code} {name}".strip())

    sections = (("分局 branches", report.branches), ("派出所 stations", report.stations),
                ("业务 transactions", report.transactions))
    for heading, rows in sections[2:] if report.scope == "station" else sections:  # one station: its items
        print(f"— {heading}")
        for row in rows:
            line("" if rows is report.branches else row.code, row.name, row.figures)
    line("合计", report.total.name, report.total.figures)
    return 0
