"""`desk clocks [--json]`: the clocks the law starts — applications that count as accepted because no
decision or one-time notice went out within five working days, permits running out, and the 30-day
注销公告 (running, or over and waiting for the decision)."""

from __future__ import annotations

import argparse

from .common import core_from_args, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("clocks", help="视为受理与即将到期的证件 /"
                                                  " deemed acceptances and permits running out")
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(func=_clocks)


def _clocks(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    late, permits, notices = core.clocks.deemed_accepted(), core.clocks.expiring_permits(), core.clocks.notices()
    if args.json:
        print_json({
            "deemed_accepted": [{"case_number": d.case_number, "transaction": d.transaction_code,
                                 "received_on": d.received_on, "notice_due_on": d.notice_due_on,
                                 "working_days_waited": d.working_days_waited} for d in late],
            "expiring_permits": [{"serial": p.serial, "case_number": p.case_number, "valid_until": p.valid_until,
                                  "days_left": p.days_left, "kind_zh": p.kind_zh} for p in permits],
            "notices": [{"serial": n.serial, "case_number": n.case_number, "ends_on": n.ends_on,
                         "days_left": n.days_left, "due": n.due} for n in notices],
        })
        return 0
    print(f"视为受理（5 个工作日内未受理、未一次性告知、未不予受理）：{len(late)} 件")
    for d in late:
        print(f"  {d.case_number}  {d.applicant_name}  收件 {d.received_on}，告知期限 {d.notice_due_on}，"
              f"已过 {d.working_days_waited} 个工作日：自收件之日起视为受理")
    print(f"准予迁入证明、户口迁移证即将或已经到期：{len(permits)} 份")
    for p in permits:
        state = f"还有 {p.days_left} 天" if p.days_left >= 0 else f"已过期 {-p.days_left} 天"
        print(f"  {p.serial}  {p.kind_zh}  {p.case_number}  {p.holder_name}  有效期至 {p.valid_until}（{state}）")
    print(f"注销公告：{len(notices)} 件")
    for n in notices:
        state = "期满待决定" if n.due else f"公告期还有 {n.days_left} 天"
        print(f"  {n.serial}  {n.case_number}  {n.person_name}  公告期至 {n.ends_on}（{state}）")
    return 0
