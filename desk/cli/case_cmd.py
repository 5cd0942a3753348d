"""`desk case list` and `desk case show`: cases for support staff and scripts."""

from __future__ import annotations

import argparse
from datetime import date

from desk.domain.errors import DeskError
from desk.domain.workflow import CaseState

from .common import core_from_args, print_json, report_error


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("case", help="案件：列出、查看 / list and show cases")
    commands = parser.add_subparsers(dest="case_command", required=True, metavar="COMMAND")
    listing = commands.add_parser("list", help="cases, newest first (all when no filter is given)")
    listing.add_argument("--date", type=date.fromisoformat, help="day the case was opened (YYYY-MM-DD)")
    listing.add_argument("--state", choices=[s.value for s in CaseState])
    listing.add_argument("--station", help="station code")
    listing.add_argument("--json", action="store_true", help="a JSON array")
    listing.set_defaults(func=_list)
    show = commands.add_parser("show", help="one case with its history")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=_show)


def _list(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    state = CaseState(args.state) if args.state else None
    cases = core.queries.list(day=args.date, state=state, station_code=args.station)
    if args.json:
        print_json([case.to_json_dict() for case in cases])
        return 0
    for case in cases:
        name = core.catalog.get(case.transaction_code)
        print(f"{case.number}  {case.state.label_zh:<5}  {case.applicant.name:<6}  "
              f"{name.name_zh if name else case.transaction_code}  到期 {case.due_date or '-'}")
    print(f"共 {len(cases)} 件")
    return 0


def _show(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    try:
        case = core.queries.get(args.number)
    except DeskError as error:
        return report_error(error)
    if args.json:
        print_json(case.to_json_dict(with_history=True))
        return 0
    transaction = core.catalog.get(case.transaction_code)
    print(f"申请编号  {case.number}（查询码 {case.lookup_code}）")
    print(f"事项      {transaction.name_zh if transaction else case.transaction_code}")
    print(f"申请人    {case.applicant.name}  {case.applicant.id_number}")
    print(f"状态      {case.state.label_zh}   承诺办结 {case.due_date or '-'}")
    for event in case.events:
        reason = f"  理由：{event.reason}" if event.reason else ""
        print(f"  {event.to_json_dict()['at']}  {event.actor_name}  {event.action}{reason}")
    return 0
