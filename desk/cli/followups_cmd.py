"""`desk follow-ups CASE_NO [--json] [--csv FILE] [--out F.pdf]`: what a completed change of a person's
basic facts sets in motion (公民信息连锁变更) — the new ID number and every record elsewhere that must
follow — as text, JSON or CSV for the agencies, and the printed 连锁变更告知单."""

from __future__ import annotations

import argparse
import csv
import io
from pathlib import Path

from .common import core_from_args, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("follow-ups", help="the chained changes a completed change of basic facts needs")
    parser.add_argument("case_number", metavar="CASE_NO")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="the records to follow, for the agencies")
    parser.add_argument("--out", type=Path, metavar="FILE", help="the printed 连锁变更告知单 (PDF)")
    parser.set_defaults(func=_follow_ups)


def _follow_ups(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    follow = core.documents.follow_ups(args.case_number)
    records = [{"name_zh": r.name_zh, "agency_zh": r.agency_zh, "how_zh": r.how_zh} for r in follow.records]
    if args.csv is not None:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["case_number", "fact", "old_value", "new_value", "old_id_number", "new_id_number",
                         "record", "agency", "how"])
        for r in follow.records:
            writer.writerow([args.case_number, follow.fact, follow.old_value, follow.new_value, follow.old_id_number,
                             follow.new_id_number or "", r.name_zh, r.agency_zh, r.how_zh])
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
    for index, r in enumerate(follow.records, start=1):
        print(f"{index:2}. {r.name_zh} — {r.agency_zh}：{r.how_zh}")
    return 0
