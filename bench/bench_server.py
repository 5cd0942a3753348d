"""Benchmark: the cost of the city server — N simulated desks doing the clerk's flow against one
`desk server` over HTTPS, next to the same flow on in-process services against the same PostgreSQL.

Each desk is a process that, for a fixed time, opens a case, accepts it (the receipt is issued) and
completes it (the completion notice is issued), over and over; each decision's latency is measured
at the desk. Both runs use the same database server, the same catalog and the same papers, so the
ratio of the two is the cost of the server (TLS, HTTP, JSON, the session and rights checks).
Goal (issue 9): p95 per decision through the server ≤ 1.5× in-process at 20 desks.

    .venv/bin/python bench/bench_server.py [--desks 20] [--seconds 20] [--workers 2] [--db URL]

Without --db a private PostgreSQL is started (as the tests do) and removed at the end; with --db the
database must be a fresh, empty one. Exit code 1 when the goal is missed.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Runnable from a checkout without installing the package; the test helpers start PostgreSQL and the server.
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from city_server import PASSWORD, CityServer, make_test_ca, resources_with_test_catalog  # noqa: E402
from postgres_server import PostgresServer  # noqa: E402

GOAL_RATIO = 1.5
STATION = "HP01"
PHONE = "13912345678"
FLOW_VALUES = {"lost": False, "contact_phone": PHONE}


@dataclass(frozen=True)
class DeskRun:
    decisions: int
    latencies: list[float]  # seconds, one per decision
    errors: int


def _id_number(n: int) -> str:
    first17 = f"21010219800101{n:03d}"[:17].ljust(17, "1")
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def seed(url: str, desks: int) -> None:
    from desk.domain.clock import Clock
    from desk.domain.workflow import Role
    from desk.services.citizens import CardFacts, CitizenService
    from desk.services.users import UserService
    from desk.store.database import Store
    from desk.store.migrate import upgrade_to_head

    store = Store(url, upgrade=False)
    upgrade_to_head(store)  # `desk db upgrade`: PostgreSQL is never migrated on start
    users, citizens = UserService(store, Clock()), CitizenService(store, Clock())
    users.ensure_station(STATION, "沈阳市公安局和平分局太原街派出所", "沈阳市公安局和平分局")
    for n in range(desks):
        users.create_user(f"desk{n:02d}", f"窗口{n:02d}", Role.CLERK, STATION, PASSWORD)
        citizens.register_card(None, CardFacts(_id_number(n), f"测试{n:02d}", "male", "汉", date(1980, 1, 1)))
    store.dispose()


def _timed(latencies: list[float], call: Callable[[], object]) -> object:
    start = time.perf_counter()
    result = call()
    latencies.append(time.perf_counter() - start)
    return result


def in_process_desk(url: str, n: int, seconds: float, start_at: float) -> DeskRun:
    from sqlalchemy import select

    from desk.domain.clock import Clock
    from desk.domain.workdays import WorkingCalendar
    from desk.domain.workflow import Action, Actor, Role
    from desk.paths import holidays_dir
    from desk.server.window import Window
    from desk.shipped import shipped_catalog
    from desk.store.database import Store
    from desk.store.models import User

    store = Store(url, upgrade=False)
    with store.read() as session:
        user_id = session.execute(select(User.id).where(User.username == f"desk{n:02d}")).scalar_one()
    window = Window(store, shipped_catalog(), WorkingCalendar.from_folder(holidays_dir()), Clock(),
                    Path(tempfile.mkdtemp()))
    services, actor, citizen = window.at(STATION), Actor(user_id, Role.CLERK), _id_number(n)
    latencies: list[float] = []
    errors = 0
    time.sleep(max(0.0, start_at - time.time()))
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        try:
            draft = services.cases.open_draft(actor, citizen, "spot_item", FLOW_VALUES)
            accepted = _timed(latencies, lambda d=draft: services.decisions.accept_and_issue(
                actor, d.number, d.version, ["id_card"]))
            case = accepted.case  # type: ignore[attr-defined]
            _timed(latencies, lambda c=case: services.decisions.act_and_issue(
                actor, c.number, c.version, Action.COMPLETE))
        except Exception:  # a failed decision is counted, not fatal: the figures say how many
            errors += 1
    store.dispose()
    return DeskRun(len(latencies), latencies, errors)


def server_desk(base_url: str, ca: str, n: int, seconds: float, start_at: float) -> DeskRun:
    import ssl

    import httpx

    client = httpx.Client(base_url=base_url, verify=ssl.create_default_context(cafile=ca), timeout=60.0)
    device = f"bench-desk-{n:02d}"
    token = client.post("/sessions", json={"username": f"desk{n:02d}", "password": PASSWORD,
                                           "device_id": device}).json()["token"]
    headers = {"Authorization": f"Bearer {token}", "X-Desk-Device": device}
    citizen = _id_number(n)
    latencies: list[float] = []
    errors = 0
    time.sleep(max(0.0, start_at - time.time()))
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        try:
            draft = client.post("/cases", headers=headers, json={
                "applicant_id_number": citizen, "transaction_code": "spot_item", "values": FLOW_VALUES})
            draft.raise_for_status()
            d = draft.json()
            accepted = _timed(latencies, lambda d=d: client.post(
                f"/cases/{d['number']}/accept", headers=headers,
                json={"expected_version": d["version"], "received": ["id_card"]}))
            accepted.raise_for_status()  # type: ignore[attr-defined]
            case = accepted.json()["case"]  # type: ignore[attr-defined]
            done = _timed(latencies, lambda c=case: client.post(
                f"/cases/{c['number']}/complete", headers=headers, json={"expected_version": c["version"]}))
            done.raise_for_status()  # type: ignore[attr-defined]
        except Exception:
            errors += 1
    client.close()
    return DeskRun(len(latencies), latencies, errors)


def run_desks(target: Callable[..., DeskRun], args: list[tuple[object, ...]]) -> list[DeskRun]:
    with multiprocessing.get_context("spawn").Pool(len(args)) as pool:
        return pool.starmap(target, args)


def summary(label: str, runs: list[DeskRun], seconds: float) -> float:
    latencies = sorted(t for r in runs for t in r.latencies)
    decisions, errors = sum(r.decisions for r in runs), sum(r.errors for r in runs)
    if not latencies:
        print(f"{label:<12} no decision completed ({errors} errors)")
        return float("inf")
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"{label:<12} {decisions / seconds:8.1f} decisions/s   p50 {statistics.median(latencies) * 1000:7.1f} ms"
          f"   p95 {p95 * 1000:7.1f} ms   ({decisions} decisions, {errors} errors)")
    return p95


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--desks", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="server processes")
    parser.add_argument("--db", help="a fresh PostgreSQL database URL (default: a private server)")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-server-"))
    # Both runs use the small test catalog (its clerk-level item is the flow) and a private data folder.
    os.environ["DESK_RESOURCES"] = str(resources_with_test_catalog(work / "resources"))
    os.environ["DESK_DATA_DIR"] = str(work / "data")
    postgres = None
    url = args.db
    if url is None:
        postgres = PostgresServer()
        postgres.start()
        url = postgres.url()
    try:
        seed(url, args.desks)
        print(f"{args.desks} desks, {args.seconds:.0f} s each run, server workers: {args.workers}, "
              f"cores: {os.cpu_count()}")
        start_at = time.time() + 3
        local = run_desks(in_process_desk, [(url, n, args.seconds, start_at) for n in range(args.desks)])
        server = CityServer(url, make_test_ca(work / "tls"), work, resources=Path(os.environ["DESK_RESOURCES"]),
                            workers=args.workers)
        server.start()
        try:
            start_at = time.time() + 3
            remote = run_desks(server_desk, [(server.base_url, str(server.tls.ca_cert), n, args.seconds, start_at)
                                             for n in range(args.desks)])
        finally:
            server.stop()
        base = summary("in-process", local, args.seconds)
        over = summary("server", remote, args.seconds)
        ratio = over / base
        met = ratio <= GOAL_RATIO
        print(f"p95 ratio server / in-process: {ratio:.2f}× (goal ≤ {GOAL_RATIO}× at 20 desks) "
              f"{'met' if met else 'MISSED'}")
        return 0 if met or args.desks != 20 else 1
    finally:
        if postgres is not None:
            postgres.stop()


if __name__ == "__main__":
    sys.exit(main())
