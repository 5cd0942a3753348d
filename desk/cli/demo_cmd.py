"""`desk demo-data`: fill the store with realistic synthetic residents and cases (deterministic).

Small demos go through the real services; from `BULK_FROM` residents, or with more than one station,
a city is loaded in bulk (desk/services/bulk_demo.py: COPY on PostgreSQL, large batches on SQLite)."""

from __future__ import annotations

import argparse
import sys
import time

from desk.cli.city_admin import add_admin_options, city_admin
from desk.cli.common import core_from_args
from desk.services.demo import DEMO_PASSWORD, DEMO_USERS, build_demo
from desk.services.demo_guard import check_demo_target, flag_demo

BULK_FROM = 5_000


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo-data", help="写入演示居民、案件和用户 /"
                                                     " fill the store with demo residents, cases and users")
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--cases", type=int, default=None,
                        help="cases to make (default 120; in bulk one for every five residents)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--stations", type=int, default=1,
                        help=f"stations of the city (more than one, or ≥ {BULK_FROM:,} residents, loads in bulk)")
    parser.add_argument("--days", type=int, default=365, help="days of case history in bulk (default a year)")
    parser.set_defaults(func=_demo)
    add_admin_options(parser)


def _demo(args: argparse.Namespace) -> int:
    if args.residents < 0 or (args.cases or 0) < 0 or args.stations < 1 or args.days < 1:
        print("人数、件数、派出所数和天数须为正数。/ Counts and days must be positive.", file=sys.stderr)
        return 2
    city = city_admin(args)
    if city is not None:
        if args.residents >= BULK_FROM or args.stations > 1:
            print("城市模式下批量演示数据须在服务器本机用 --db 生成。/ Bulk demo data: run it on the server with --db.",
                  file=sys.stderr)
            return 2
        made = city.call("POST", "/admin/demo-data", {"residents": args.residents, "seed": args.seed,
                                                      "cases": 120 if args.cases is None else args.cases})
        print(f"已生成 {made['residents']} 名居民、{made['cases']} 件申请（城市服务器）。")
        return 0
    core = core_from_args(args)
    check_demo_target(core.store)
    if args.residents >= BULK_FROM or args.stations > 1:
        from desk.services.bulk_demo import build_city

        build_demo(core.store, core.catalog, core.calendar, residents=0, cases=0, seed=args.seed,
                   today=core.clock.today())
        from desk.store.bulk_indexes import DuplicateKeys

        started = time.perf_counter()
        try:
            city = build_city(core.store, core.catalog, core.calendar, residents=args.residents,
                              cases=args.residents // 5 if args.cases is None else args.cases,
                              stations=args.stations, days=args.days, seed=args.seed, today=core.clock.today())
        except DuplicateKeys as error:
            print(error, file=sys.stderr)
            return 1
        states = "，".join(f"{state} {count}" for state, count in sorted(city.by_state.items()))
        print(f"已批量生成 {city.residents} 名居民、{city.stations} 个派出所、{city.cases} 件申请（{states}），"
              f"用时 {time.perf_counter() - started:.0f} 秒。")
    else:
        summary = build_demo(core.store, core.catalog, core.calendar, residents=args.residents,
                             cases=120 if args.cases is None else args.cases, seed=args.seed,
                             today=core.clock.today())
        states = "，".join(f"{state} {count}" for state, count in sorted(summary.by_state.items()))
        print(f"已生成 {summary.residents} 名居民、{summary.cases} 件申请（{states}）。")
    flag_demo(core.store, core.clock, by="cli", details={"residents": args.residents})
    made = core.keys.ensure_demo_key(core.station_code)
    if made is not None:
        print(f"演示证明签名密钥 {made.kid} 已创建（有效期至 {made.not_after}）。")
    users = "、".join(f"{u}（{n}）" for u, n, _ in DEMO_USERS)
    print(f"演示账号：{users}；密码均为 {DEMO_PASSWORD}")
    return 0
