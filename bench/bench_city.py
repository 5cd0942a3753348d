"""Benchmark: the desk at city scale, on SQLite and on PostgreSQL, each measure printed with a bare
indexed SELECT on the same database in the same run as its baseline.

Builds (or, with --reuse, keeps) a city store with `desk demo-data`'s bulk loader, then measures
through the real services:
- ID lookup (CitizenService.view: the audited view of a typed ID number),
- search by name, pinyin initials, ID-number prefix and address text (CitizenService.search),
- Today for the busiest station (its case lists as the screen reads them: light rows in one read, a page
  of 200 a due list, drafts and review, with the due counts), and for comparison the full case views
  the screen read before; --busy-station-open N first brings that station to N open cases in bulk,
- the daily report of the busiest station's last working day (ReportService.daily),
- the picker's usage ranking (CaseQueries.usage_counts),
- the city month report of the last complete month, the whole city and the busiest branch
  (CityReportService.month), each against the bare SQL that counts the same (one GROUP BY, no service),
- cases per second with 1, 5 and 20 concurrent writers, each a clerk of its own station opening drafts
  in a process of its own (as desks, and the city server's identical processes, are) — and, for
  comparison, as threads of one Python process, which its interpreter lock caps. With a PostgreSQL
  server on this machine it prints the CPU a case costs the writers and the server (/proc), and from
  one writer's figures the most the machine's cores can carry: one writer never runs its client and its
  backend at once, so n cores can multiply its rate by at most `n × (its time a case) / (its CPU a case)`.
The baseline is `SELECT id, name FROM citizens WHERE id_number = :n` (a unique-index probe).

The default is scaled down to finish in minutes on 2 cores; --full builds the issue's city
(5,000,000 residents, 100 stations, a year of cases). PostgreSQL is started the way the tests do
(tests/postgres_server.py: initdb into a temporary folder, loopback only).

    .venv/bin/python bench/bench_city.py [--backend sqlite|postgres|both] [--residents N] [--stations N]
        [--cases N] [--days N] [--full] [--reuse DIR] [--postgres-url URL] [--repeat N]
        [--skip-address] [--lookups-only] [--busy-station-open N] [--only-today] [--writers-only]

--postgres-url measures a PostgreSQL database already loaded (`desk demo-data`) instead of starting one.

Goals (issue #19): ID lookup p95 ≤ 5 ms; name search p95 ≤ 20 ms; Today ≤ 100 ms; daily report ≤ 1 s;
city month report ≤ 3 s on PostgreSQL; cases per second at 20 writers ≥ 3× one writer on PostgreSQL.
Exit code 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from sqlalchemy import func, select, text  # noqa: E402

from desk.core import build_core  # noqa: E402
from desk.domain.clock import Clock, FixedClock  # noqa: E402
from desk.domain.workdays import DueStatus  # noqa: E402
from desk.domain.workflow import OPEN_STATES, Actor, CaseState, Role  # noqa: E402
from desk.services.case_queries import CaseQueries  # noqa: E402
from desk.services.cases import CaseService  # noqa: E402
from desk.services.citizens import CitizenService  # noqa: E402
from desk.services.city_reports import CityReportService, month_end  # noqa: E402
from desk.services.reports import ReportService  # noqa: E402
from desk.services.users import UserService  # noqa: E402
from desk.store.citizen_search import CitizenQuery, search_citizens  # noqa: E402
from desk.store.database import Store  # noqa: E402
from desk.store.migrate import upgrade_to_head  # noqa: E402
from desk.store.models import Case, Citizen, Station  # noqa: E402

GOALS_MS = {"ID lookup p95": 5.0, "name search p95": 20.0, "Today": 100.0, "daily report": 1000.0,
            "city month report": 3000.0}
WRITER_SECONDS = 6.0


@dataclass
class Measure:
    name: str
    times_ms: list[float]
    baseline_ms: float

    @property
    def p50(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def line(self) -> str:
        return (f"  {self.name:<28} p50 {self.p50:8.2f} ms  p95 {self.p95:8.2f} ms   "
                f"baseline {self.baseline_ms:6.3f} ms  ratio p50 {self.p50 / self.baseline_ms:8.1f}×")


def timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def build(url: str, args: argparse.Namespace) -> None:
    command = [sys.executable, "-m", "desk", "--db", url, "demo-data", "--residents", str(args.residents),
               "--stations", str(args.stations), "--cases", str(args.cases), "--days", str(args.days),
               "--seed", "19"]
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    print(f"  loaded {args.residents:,} residents, {args.stations} stations, {args.cases:,} cases in "
          f"{time.perf_counter() - start:.1f} s")


def measure(url: str, args: argparse.Namespace) -> list[Measure]:
    core = build_core(url)
    store, rng = core.store, random.Random(7)
    with store.read() as session:
        ids = list(session.execute(select(Citizen.id_number).order_by(func.random()).limit(400)).scalars())
        names = list(session.execute(select(Citizen.name).order_by(func.random()).limit(200)).scalars())
        addresses = list(session.execute(select(Citizen.address).order_by(func.random()).limit(200)).scalars())
        busiest, last_day = session.execute(
            select(Case.station_code, func.max(Case.accepted_on)).group_by(Case.station_code)
            .order_by(func.count().desc()).limit(1)).one()
    assert last_day is not None, "the city has no accepted case"
    if args.busy_station_open:
        add_open_cases(store, busiest, last_day, args.busy_station_open)
    with store.read() as session:
        open_there = session.execute(select(func.count()).select_from(Case).where(
            Case.station_code == busiest, Case.state.in_([s.value for s in OPEN_STATES]))).scalar_one()
    print(f"  busiest station {busiest}: {open_there} open cases; report day {last_day}")
    runs = args.repeat

    def baseline() -> float:
        probe = text("SELECT id, name FROM citizens WHERE id_number = :n")
        with store.engine.connect() as connection:
            samples = []
            for number in ids[:runs]:
                start = time.perf_counter()
                connection.execute(probe, {"n": number}).all()
                samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    base = baseline()
    if args.writers_only:
        rates = writers(store, core, base, url)
        store.dispose()
        return [Measure("20 writers ≥ 3× one", [float("inf")], base)] if rates[20] < 3 * rates[1] else []
    if args.only_today:
        clock = FixedClock(datetime.combine(last_day, datetime.min.time(), UTC).replace(hour=2))
        results = today_measures(CaseQueries(store, core.calendar, clock), busiest, base, max(5, runs // 10))
        for measure_ in results:
            print(measure_.line())
        store.dispose()
        return results
    clerk = Actor(1, Role.CLERK, "bench")
    citizens = CitizenService(store, Clock())
    picks = iter(ids * 10)
    results = [Measure("ID lookup p95", timed(lambda: citizens.view(clerk, next(picks)), runs), base)]
    # The same lookup's select alone, in a read transaction (what the audited view adds is the write).
    bare_picks = iter(ids * 10)

    def bare_lookup() -> None:
        with store.read() as session:
            session.execute(select(Citizen).where(Citizen.id_number == next(bare_picks))).scalar_one()

    results.append(Measure("ID lookup, SQL only", timed(bare_lookup, runs), base))
    name_picks = iter(names * 10)
    results.append(Measure("name search p95", timed(lambda: citizens.search(clerk, next(name_picks)), runs), base))
    results.append(Measure("initials search", timed(lambda: citizens.search(clerk, rng.choice("ZWLY") + "L"), runs),
                           base))
    results.append(Measure("ID prefix search", timed(lambda: citizens.search(clerk, rng.choice(ids)[:10]), runs),
                           base))
    few = 0 if args.skip_address else runs
    if few:
        results.append(Measure("address search", timed(lambda: citizens.search(clerk, "南京南街12号"), few), base))
        # Texts never searched before in this run (their index pages and rows not yet read by it): a
        # street and number of a random resident, a random three-character name, each once.
        streets = list(dict.fromkeys(m.group(1) for a in addresses if (m := re.search(r"区(.+?号)", a))))[:30]
        new_streets = iter(streets)
        results.append(Measure("address search, each new",
                               timed(lambda: citizens.search(clerk, next(new_streets)), len(streets)), base))
        long_names = list(dict.fromkeys(n for n in names if len(n) >= 3))[:30]
        new_names = iter(long_names)
        results.append(Measure("3-character name, each new",
                               timed(lambda: citizens.search(clerk, next(new_names)), len(long_names)), base))
    # The same searches without the audited transaction around them: what the indexes cost.
    for label, typed in (("name", lambda: rng.choice(names)), ("initials", lambda: rng.choice("ZWLY") + "L"),
                         ("ID prefix", lambda: rng.choice(ids)[:10]), ("address", lambda: "南京南街12号")):
        if label == "address" and not few:
            continue
        def bare_search(typed: Callable[[], str] = typed) -> None:
            query = CitizenQuery.parse(typed())
            assert query is not None
            with store.read() as session:
                search_citizens(session, query, 50)

        results.append(Measure(f"{label} search, SQL only", timed(bare_search, few if label == "address" else runs),
                               base))
    if args.lookups_only:
        for measure_ in results:
            print(measure_.line())
        store.dispose()
        return results
    clock = FixedClock(datetime.combine(last_day, datetime.min.time(), UTC).replace(hour=2))
    queries = CaseQueries(store, core.calendar, clock)

    results += today_measures(queries, busiest, base, max(5, runs // 10))
    reports = ReportService(store, core.catalog, core.calendar, clock)
    results.append(Measure("daily report", timed(lambda: reports.daily(last_day, busiest), max(3, runs // 20)), base))
    results.append(Measure("picker usage ranking", timed(lambda: queries.usage_counts(busiest), runs // 5), base))
    results += month_reports(store, core, last_day, base)
    for measure_ in results:
        print(measure_.line())
    rates = writers(store, core, base, url)
    store.dispose()
    if rates[20] < 3 * rates[1]:
        results.append(Measure("20 writers ≥ 3× one", [float("inf")], base))
    return results


def today_measures(queries: CaseQueries, busiest: str, base: float, runs: int) -> list[Measure]:
    """Today's case lists as the screen reads them now (one read of light rows, a page of 200 a due list,
    with the due counts), and the full case views it read before, for comparison."""

    def today_full_views() -> None:
        for status in (DueStatus.OVERDUE, DueStatus.DUE_TODAY, DueStatus.DUE_SOON):
            queries.by_due_status(status, busiest, limit=200)
        queries.list(state=CaseState.DRAFT, station_code=busiest, limit=100)
        queries.list(state=CaseState.SUPPLEMENT_REQUESTED, station_code=busiest, limit=100)
        queries.list(state=CaseState.UNDER_REVIEW, station_code=busiest, limit=200)

    lists = queries.today_lists(busiest, page=200)
    print(f"  Today lists: {len(lists.overdue)} / {lists.overdue_count} overdue, {len(lists.due_today)} / "
          f"{lists.due_today_count} due today, {len(lists.due_soon)} / {lists.due_soon_count} due soon, "
          f"{len(lists.drafts)} drafts, {len(lists.review)} under review")
    def light() -> None:
        queries.today_lists(busiest, page=200)

    results = [Measure("Today", timed(light, runs), base),
               Measure("Today, full case views (old)", timed(today_full_views, runs), base)]
    # The bench's own CPU time a call: on a shared machine the wall time is mostly waiting for a core.
    for name, action in (("Today", light), ("Today, full case views (old)", today_full_views)):
        print(f"  {name + ', CPU of this process':<40} p50 {statistics.median(cpu_timed(action, runs)):8.2f} ms")
    return results


def cpu_timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return times


def add_open_cases(store: Store, station: str, last_day: date, wanted: int) -> None:
    """Bring `station` to `wanted` open cases (Today's lists at the issue's 3,000) in bulk: copies of
    its own open cases — their form, events and materials — for random applicants, due from 30 days
    before `last_day` to 20 after it. Not audited (a bench store only); kept with --reuse."""
    from sqlalchemy import insert

    from desk.store.models import CaseEvent, MaterialReceived

    open_states = [s.value for s in OPEN_STATES]
    with store.write() as session:
        have = session.execute(select(func.count()).select_from(Case).where(
            Case.station_code == station, Case.state.in_(open_states))).scalar_one()
        missing = wanted - have
        if missing <= 0:
            return
        templates = list(session.execute(select(Case).where(
            Case.station_code == station, Case.state.in_(open_states)).limit(50)).unique().scalars())
        assert templates, f"station {station} has no open case to copy"
        applicants = list(session.execute(select(Citizen.id).order_by(func.random()).limit(missing)).scalars())
        start = time.perf_counter()
        rng = random.Random(19)
        next_case = session.execute(select(func.max(Case.id))).scalar_one() + 1
        next_event = (session.execute(select(func.max(CaseEvent.id))).scalar_one() or 0) + 1
        next_material = (session.execute(select(func.max(MaterialReceived.id))).scalar_one() or 0) + 1
        taken = session.execute(select(func.count()).select_from(Case).where(
            Case.number.like(f"{station}-B%"))).scalar_one()
        cases: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        materials: list[dict[str, Any]] = []
        for index in range(missing):
            template, serial = templates[index % len(templates)], taken + index
            columns = {c.key: getattr(template, c.key) for c in Case.__table__.columns}
            columns.update(id=next_case + index, number=f"{station}-B{serial:07d}",
                           lookup_code=f"B{station}{serial:07d}", version=1,
                           applicant_id=applicants[index % len(applicants)],
                           due_date=last_day + timedelta(days=rng.randint(-30, 20)))
            cases.append(columns)
            for event in template.events:
                events.append({c.key: getattr(event, c.key) for c in CaseEvent.__table__.columns}
                              | {"id": next_event + len(events), "case_id": columns["id"]})
            for material in template.materials:
                materials.append({c.key: getattr(material, c.key) for c in MaterialReceived.__table__.columns}
                                 | {"id": next_material + len(materials), "case_id": columns["id"]})
        session.execute(insert(Case), cases)
        if events:
            session.execute(insert(CaseEvent), events)
        if materials:
            session.execute(insert(MaterialReceived), materials)
        if session.bind is not None and session.bind.dialect.name == "postgresql":  # the ids were given
            for table in ("cases", "case_events", "materials_received"):
                session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))"))
    print(f"  added {missing:,} open cases to {station} ({len(events):,} events, {len(materials):,} materials) "
          f"in {time.perf_counter() - start:.1f} s")


def month_reports(store: Store, core: Any, last_day: date, base: float) -> list[Measure]:
    """The city month report of the last complete month (whole city, and the busiest branch), each
    printed with the bare SQL that counts the same rows as its own baseline."""
    first = (last_day.replace(day=1) - timedelta(days=1)).replace(day=1)
    last = month_end(first)
    service = CityReportService(store, core.catalog, FixedClock(datetime.combine(
        last_day, datetime.min.time(), UTC).replace(hour=2)))
    with store.read() as session:
        branch = session.execute(
            select(Station.branch_name).join(Case, Case.station_code == Station.code)
            .where(Case.accepted_on >= first, Case.accepted_on <= last)
            .group_by(Station.branch_name).order_by(func.count().desc()).limit(1)).scalar_one()
    bare = text(
        "SELECT station_code, transaction_code, "
        "sum(CASE WHEN accepted_on BETWEEN :first AND :last THEN 1 ELSE 0 END), "
        "sum(CASE WHEN state = 'completed' AND completed_on BETWEEN :first AND :last "
        "AND completed_on <= due_date THEN 1 ELSE 0 END), "
        "sum(CASE WHEN state = 'completed' AND completed_on BETWEEN :first AND :last "
        "AND completed_on > due_date THEN 1 ELSE 0 END) "
        "FROM cases WHERE accepted_on BETWEEN :first AND :last "
        "OR (state = 'completed' AND completed_on BETWEEN :first AND :last) "
        "GROUP BY station_code, transaction_code")
    with store.engine.connect() as connection:
        bare_ms = statistics.median(timed(lambda: connection.execute(bare, {"first": first, "last": last}).all(), 5))
    report = service.month(first)
    print(f"  month report {first:%Y-%m}: {report.total.figures.accepted:,} accepted, "
          f"{report.total.figures.on_time:,} on time, {report.total.figures.late:,} late, "
          f"{len(report.stations)} stations; bare SQL {bare_ms:.1f} ms")
    return [Measure("city month report", timed(lambda: service.month(first), 5), bare_ms),
            Measure("branch month report", timed(lambda: service.month(first, branch=branch), 5), bare_ms)]


def writers(store: Store, core: Any, base: float, url: str) -> dict[int, float]:
    """Cases per second with 1, 5 and 20 clerks of different stations, each opening drafts as fast as it
    can: in processes of their own (the measure the goal is about), then as threads of this process.

    With a local PostgreSQL it also accounts the CPU both sides spend on a case — the writers' own
    (their processes' CPU time) and the server's (its server's processes', from /proc) — and prints the
    most this machine's cores can carry, `cores / (client + server CPU a case)`: one writer never runs
    its client and its backend at once, so 20 writers can at best multiply one writer's rate by
    `cores × (one case's time) / (its CPU)`. That bound is the machine's; the store's share is how close
    20 writers come to it (locks or a shared hot row would keep them below it)."""
    with store.read() as session:
        stations = list(session.execute(select(Station.code).order_by(Station.code)).scalars())
        applicants = list(session.execute(select(Citizen.id_number).limit(50)).scalars())
    users = UserService(store, Clock())
    actors: list[tuple[str, int]] = []
    stamp = int(time.time())
    for index, code in enumerate(stations[:20]):
        user_id = users.create_user(f"bench{stamp}_{index}", f"测试{index}", Role.CLERK, code, "bench-password")
        actors.append((code, user_id))
    spot = next(t for t in core.catalog.transactions() if t.time_limit_days == 0).code
    rates: dict[int, float] = {}
    cores = os.cpu_count() or 1
    ceiling: float | None = None
    postmaster = _postmaster_of(store)
    for count in (1, 5, 20):
        jobs = [(url, *actors[slot % len(actors)], applicants[slot % len(applicants)], spot) for slot in range(count)]
        run = _in_processes(jobs, postmaster)
        rates[count] = run.rate
        print(f"  writers {count:>2} (processes): {run.rate:7.1f} cases/s  "
              f"({1000 / max(run.rate, 1e-9):.1f} ms a case; baseline select {base:.3f} ms){run.cpu_line()}")
        if count == 1 and run.server_cpu_ms is not None:
            cpu_ms = run.client_cpu_ms + run.server_cpu_ms
            ceiling = cores * 1000 / cpu_ms
            print(f"  one writer's case: {1000 / run.rate:.2f} ms, of which CPU {cpu_ms:.2f} ms "
                  f"(client {run.client_cpu_ms:.2f} + server {run.server_cpu_ms:.2f}); {cores} cores carry at most "
                  f"{ceiling:.0f} cases/s = {ceiling / run.rate:.2f}× one writer")
    print(f"  20 writers / 1 writer (processes): {rates[20] / rates[1]:.2f}×")
    if ceiling is not None:
        print(f"  20 writers reach {rates[20] / ceiling:.0%} of what {cores} cores carry at one writer's CPU a case")
    threaded = {}
    for count in (1, 20):
        made = [0] * count
        stop = time.perf_counter() + WRITER_SECONDS

        def work(slot: int, made: list[int] = made, stop: float = stop) -> None:
            code, user_id = actors[slot % len(actors)]
            service = CaseService(store, core.catalog, core.calendar, Clock(), code)
            while time.perf_counter() < stop:
                service.open_draft(Actor(user_id, Role.CLERK, "bench"), applicants[slot % len(applicants)], spot)
                made[slot] += 1

        threads = [threading.Thread(target=work, args=(slot,)) for slot in range(count)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        threaded[count] = sum(made) / (time.perf_counter() - start)
    print(f"  writers as threads of one process: 1 → {threaded[1]:.1f}, 20 → {threaded[20]:.1f} cases/s "
          f"({threaded[20] / threaded[1]:.2f}×)")
    return rates


@dataclass(frozen=True)
class WritersRun:
    rate: float  # cases a second, all writers
    client_cpu_ms: float  # the writers' CPU a case
    server_cpu_ms: float | None  # the database server's CPU a case (None: not a process of this machine)

    def cpu_line(self) -> str:
        if self.server_cpu_ms is None:
            return ""
        return f"; CPU a case: client {self.client_cpu_ms:.2f} ms, server {self.server_cpu_ms:.2f} ms"


def _postmaster_of(store: Store) -> int | None:
    """The process id of the PostgreSQL server `store` talks to, when it runs on this machine (else None)."""
    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as connection:
        backend = int(connection.execute(text("SELECT pg_backend_pid()")).scalar_one())
        stat = _proc_stat(backend)  # read while the backend lives
    return int(stat[1]) if stat is not None else None


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state, ppid, …), None if there is none."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw.rpartition(") ")[2].split()


def _postgres_cpu_seconds(postmaster: int | None) -> float | None:
    """User + system CPU of one PostgreSQL server: its postmaster and every process it started
    (backends, WAL writer, checkpointer …). None when that server is not a process of this machine."""
    if postmaster is None or _proc_stat(postmaster) is None:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        fields = _proc_stat(int(entry.name))
        if fields is None or (int(entry.name) != postmaster and int(fields[1]) != postmaster):
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of the whole line)
    return total / ticks


def _in_processes(jobs: list[tuple[str, str, int, str, str]], postmaster: int | None) -> WritersRun:
    """Start one process a writer, let each get ready (core built, connection open), start them
    together, and count the cases all of them made in `WRITER_SECONDS` and the CPU they and the
    database server spent on them."""
    context = multiprocessing.get_context("spawn")
    ready, go, counts, measured = context.Barrier(len(jobs) + 1), context.Event(), context.Queue(), context.Event()
    processes = [context.Process(target=_writer, args=(*job, ready, go, counts, measured), daemon=True)
                 for job in jobs]
    for process in processes:
        process.start()
    try:
        ready.wait(timeout=300)
        server_before = _postgres_cpu_seconds(postmaster)
        go.set()
        reports = [counts.get(timeout=WRITER_SECONDS + 120) for _ in processes]
        server_after = _postgres_cpu_seconds(postmaster)  # before the writers' backends end with their CPU
    finally:
        measured.set()
        for process in processes:
            process.join(timeout=30)
    made = sum(r[0] for r in reports)
    client_ms = 1000 * sum(r[1] for r in reports) / max(made, 1)
    server_ms = (None if server_before is None or server_after is None
                 else 1000 * (server_after - server_before) / max(made, 1))
    return WritersRun(made / WRITER_SECONDS, client_ms, server_ms)


def _writer(url: str, station: str, user_id: int, applicant: str, transaction: str, ready: Any, go: Any,
            counts: Any, measured: Any) -> None:
    core = build_core(url)
    service = CaseService(core.store, core.catalog, core.calendar, Clock(), station)
    actor = Actor(user_id, Role.CLERK, "bench")
    service.open_draft(actor, applicant, transaction)  # connection and statement caches warm
    ready.wait()
    go.wait()
    made, stop = 0, time.perf_counter() + WRITER_SECONDS
    cpu = time.process_time()
    while time.perf_counter() < stop:
        service.open_draft(actor, applicant, transaction)
        made += 1
    cpu = time.process_time() - cpu
    counts.put((made, cpu))
    measured.wait(timeout=120)  # the server's CPU is read while this writer's backend still counts it
    core.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--residents", type=int, default=200_000)
    parser.add_argument("--stations", type=int, default=20)
    parser.add_argument("--cases", type=int, default=None)
    parser.add_argument("--days", type=int, default=120)
    parser.add_argument("--full", action="store_true", help="5,000,000 residents, 100 stations, a year of cases")
    parser.add_argument("--reuse", type=Path, default=None, help="a folder keeping the SQLite store between runs")
    parser.add_argument("--postgres-url", default=None,
                        help="measure this already loaded PostgreSQL database (postgresql+psycopg://…)")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--busy-station-open", type=int, default=0, metavar="N",
                        help="add open cases to the busiest station (in bulk) until it has N, for Today")
    parser.add_argument("--only-today", action="store_true", help="measure the baseline and Today only")
    parser.add_argument("--writers-only", action="store_true",
                        help="measure the baseline and the writers only (1, 5, 20 processes; 1 and 20 threads)")
    parser.add_argument("--skip-address", action="store_true",
                        help="leave out the address searches")
    parser.add_argument("--lookups-only", action="store_true",
                        help="only the ID lookup and the searches (no Today, reports or writers: nothing written "
                             "but the views' audit entries)")
    args = parser.parse_args()
    if args.full:
        args.residents, args.stations, args.days = 5_000_000, 100, 365
    if args.cases is None:
        args.cases = args.residents // 5
    missed = []
    folder = args.reuse or Path(tempfile.mkdtemp(prefix="bench-city-"))
    folder.mkdir(parents=True, exist_ok=True)
    if args.backend in ("sqlite", "both") and not args.postgres_url:
        path = folder / f"city-{args.residents}-{args.stations}-{args.days}.sqlite3"
        url = f"sqlite:///{path}"
        print(f"SQLite {path.name}")
        if not path.exists():
            build(url, args)
        # The month report and the writers' goal are PostgreSQL's; SQLite's figures are printed for comparison.
        missed += [m.name for m in measure(url, args) if m.name in GOALS_MS and m.p95 > GOALS_MS[m.name]
                   and m.name != "city month report"]
    if args.postgres_url:
        print("PostgreSQL (loaded before)")
        missed += [f"{m.name} (PostgreSQL)" for m in measure(args.postgres_url, args)
                   if (m.name in GOALS_MS and m.p95 > GOALS_MS[m.name]) or m.name.startswith("20 writers")]
    elif args.backend in ("postgres", "both"):
        from postgres_server import PostgresServer

        server = PostgresServer()
        server.start()
        try:
            from sqlalchemy import create_engine

            admin = create_engine(server.url(), isolation_level="AUTOCOMMIT")
            with admin.connect() as connection:
                connection.execute(text("CREATE DATABASE city"))
            admin.dispose()
            url = server.url("city")
            print("PostgreSQL")
            store = Store(url, upgrade=False)
            upgrade_to_head(store)  # `desk db upgrade`: PostgreSQL is never migrated on start
            store.dispose()
            build(url, args)
            missed += [f"{m.name} (PostgreSQL)" for m in measure(url, args)
                       if (m.name in GOALS_MS and m.p95 > GOALS_MS[m.name]) or m.name.startswith("20 writers")]
        finally:
            server.stop()
    print(f"machine: {machine()}")
    if missed:
        print("goals missed: " + ", ".join(missed))
    return 1 if missed else 0


def machine() -> str:
    import os
    import platform

    cpu = "?"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {date.today().isoformat()}"


if __name__ == "__main__":
    sys.exit(main())
