"""`desk demo-data`: fill the store with realistic synthetic residents and cases (deterministic)."""

from __future__ import annotations

import argparse

from desk.core import build_core
from desk.services.demo import DEMO_PASSWORD, DEMO_USERS, build_demo


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo-data", help="fill the store with demo residents, cases and users")
    parser.add_argument("--residents", type=int, default=200)
    parser.add_argument("--cases", type=int, default=120)
    parser.add_argument("--seed", type=int, default=2026)
    parser.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    core = build_core(args.db)
    summary = build_demo(core.store, core.catalog, core.calendar, residents=args.residents, cases=args.cases,
                         seed=args.seed, today=core.clock.today())
    states = "，".join(f"{state} {count}" for state, count in sorted(summary.by_state.items()))
    print(f"已生成 {summary.residents} 名居民、{summary.cases} 件申请（{states}）。")
    made = core.keys.ensure_demo_key(core.station_code)
    if made is not None:
        print(f"演示证明签名密钥 {made.kid} 已创建（有效期至 {made.not_after}）。")
    users = "、".join(f"{u}（{n}）" for u, n, _ in DEMO_USERS)
    print(f"演示账号：{users}；密码均为 {DEMO_PASSWORD}")
    return 0
