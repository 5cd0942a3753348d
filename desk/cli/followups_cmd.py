"""`desk follow-ups CASE_NO [--json] [--csv FILE] [--out F.pdf] [--mark KEY --state referred|done|open]`:
what a completed change of a person's basic facts sets in motion (公民信息连锁变更) — the new ID number
and every record elsewhere that must follow, each with where it stands — as text, JSON or CSV for the
agencies, and the printed 连锁变更告知单; `--mark` records one record referred (转介) or done (audited)."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from desk.core import Core
from desk.domain.errors import InvalidInput
from desk.domain.workflow import Actor

from .common import core_from_args, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("follow-ups", help="公民信息连锁变更 /"
                                                      " the chained changes a completed change of basic facts needs")
    parser.add_argument("case_number", metavar="CASE_NO")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="the records to follow, for the agencies")
    parser.add_argument("--out", type=Path, metavar="FILE", help="the printed 连锁变更告知单 (PDF)")
    parser.add_argument("--mark", metavar="KEY", help="a record's key (see --json) to mark …")
    parser.add_argument("--state", choices=("referred", "done", "open"), default="done",
                        help="… as referred to its agency, done, or open again (default done)")
    parser.add_argument("--note", default="", help="what was done (kept with the mark)")
    parser.add_argument("--user", default="", help="the clerk who marks (a user name; needed with --mark)")
    parser.set_defaults(func=_follow_ups)


def _follow_ups(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    if args.mark:
        core.chain_follow_ups.mark(_actor(core, args.user), args.case_number, args.mark, args.state, args.note)
    follow = core.documents.follow_ups(args.case_number)
    states = {t.record.key: t.state for t in core.chain_follow_ups.tracked(args.case_number)}
    records = [{"key": r.key, "name_zh": r.name_zh, "agency_zh": r.agency_zh, "how_zh": r.how_zh,
                "state": states.get(r.key, "open")} for r in follow.records]
    if args.csv is not None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["case_number", "fact", "old_value", "new_value", "old_id_number", "new_id_number",
                         "record", "agency", "how", "state"])
        for r in follow.records:
            writer.writerow([args.case_number, follow.fact, follow.old_value, follow.new_value, follow.old_id_number,
                             follow.new_id_number or "", r.name_zh, r.agency_zh, r.how_zh, states.get(r.key, "open")])
        args.csv.write_bytes(buffer.getvalue().encode("utf-8-sig"))  # with BOM: Excel opens it as UTF-8
    if args.out is not None:
        paper = core.documents.case_document("chain_notice", args.case_number)
        args.out.write_bytes(paper.pdf)
    if args.json:
        print_json({"case_number": args.case_number, "transaction": follow.transaction_code, "fact": follow.fact,
                    "old_value": follow.old_value, "new_value": follow.new_value,
                    "old_id_number": follow.old_id_number, "new_id_number": follow.new_id_number,
                    "records": records})
        return 0
    print(f"{follow.fact}：{follow.old_value or '—'} → {follow.new_value or '—'}")
    if follow.new_id_number:
        print(f"公民身份号码：{follow.old_id_number} → {follow.new_id_number}")
    words = {"open": "待办", "referred": "已转介", "done": "已办结"}
    for index, r in enumerate(follow.records, start=1):
        print(f"{index:2}. [{words[states.get(r.key, 'open')]}] {r.name_zh} — {r.agency_zh}：{r.how_zh}  ({r.key})")
    return 0


def _actor(core: Core, username: str) -> Actor:
    """The clerk named (an active user of the store): a mark says who made it."""
    if not username:
        raise InvalidInput.say("cli.marking_clerk_needed")
    return core.users.actor_of(username)
