"""`desk bundle list [--json]`, `desk bundle check PATH`, `desk bundle show NUMBER [--json] [--out F.pdf]`:
the “一件事” bundles (resources/bundles), a bundle folder checked (every problem named with file and
key), and a started bundle with its member cases and follow-ups (the referral list printed)."""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import core_from_args, print_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("bundle", help="“一件事”套餐：列出、检查、查看 /"
                                                  " “一件事” bundles: list, check a folder, show a started one")
    commands = parser.add_subparsers(dest="bundle_command", required=True)
    listing = commands.add_parser("list", help="the bundles this catalog offers")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=_list)
    check = commands.add_parser("check", help="check a bundle folder against the catalog")
    check.add_argument("path", type=Path)
    check.set_defaults(func=_check)
    show = commands.add_parser("show", help="a started bundle: member cases and follow-ups")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.add_argument("--out", type=Path, metavar="FILE", help="the 后续事项告知单 (PDF)")
    show.set_defaults(func=_show)


def _list(args: argparse.Namespace) -> int:
    bundles = core_from_args(args).bundle_catalog
    if args.json:
        print_json([{"code": b.code, "name_zh": b.name_zh, "members": list(b.member_codes),
                     "optional": [m.transaction_code for m in b.members if m.optional],
                     "shared": [s.key for s in b.shared], "follow_ups": [f.key for f in b.follow_ups]}
                    for b in bundles.values()])
        return 0
    for b in bundles.values():
        members = "、".join(m.transaction_code + ("（可选）" if m.optional else "") for m in b.members)
        print(f"{b.code:22} {b.name_zh}：{members}；后续 {len(b.follow_ups)} 项")
    return 0


def _check(args: argparse.Namespace) -> int:
    from desk.domain.bundles import read_bundles
    from desk.shipped import shipped_catalog

    bundles, issues = read_bundles(args.path, shipped_catalog())
    for issue in issues:
        print(issue)
    if not args.path.is_dir():
        print(f"找不到套餐目录 / no such bundle folder: {args.path}")
        return 1
    print(f"{len(bundles)} 个套餐正确，{len(issues)} 处错误 / {len(bundles)} bundle(s) fine, {len(issues)} problem(s)")
    return 1 if issues else 0


def _show(args: argparse.Namespace) -> int:
    core = core_from_args(args)
    bundle = core.bundles.get(args.number)
    if args.out is not None:
        args.out.write_bytes(core.bundles.paper("referral_list", args.number).pdf)
    if args.json:
        print_json(bundle.to_json_dict())
        return 0
    print(f"{bundle.number}  {bundle.name_zh}  申请人 {bundle.applicant_name}")
    for case in bundle.members:
        print(f"  {case.number}  {case.transaction_code}  {case.state.label_zh}")
    for follow_up in bundle.follow_ups:
        print(f"  [{follow_up.state_zh}] {follow_up.name_zh} — {follow_up.agency_zh}")
    return 0
