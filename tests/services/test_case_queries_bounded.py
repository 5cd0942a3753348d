"""Today's lists and the picker's ranking, read with bounded SQL, equal a filter of every case in
Python (the calendar's own due status, a count of the newest cases) — on SQLite and PostgreSQL."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from desk.domain.clock import FixedClock
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import OPEN_STATES
from desk.services.case_queries import CaseQueries
from desk.services.demo import DEMO_STATION, build_demo
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.store.models import Case


def test_due_lists_pages_counts_and_usage_equal_a_python_filter(database_url: str) -> None:
    store = Store(database_url)
    calendar, today = WorkingCalendar(), date(2026, 3, 20)
    build_demo(store, shipped_catalog(), calendar, residents=20, cases=70, seed=5, today=today)
    station = DEMO_STATION[0]
    with store.read() as session:
        cases = session.execute(select(Case.number, Case.state, Case.due_date, Case.transaction_code,
                                       Case.created_at, Case.id)).all()
    open_cases = sorted((c for c in cases if c.state in {s.value for s in OPEN_STATES}),
                        key=lambda c: (c.due_date, c.id))
    newest = sorted(cases, key=lambda c: (c.created_at, c.id), reverse=True)
    seen: set[DueStatus] = set()
    for offset in range(0, 12):
        day = today - timedelta(days=3) + timedelta(days=offset)
        queries = CaseQueries(store, calendar, FixedClock(datetime(day.year, day.month, day.day, 2, tzinfo=UTC)))
        counts = queries.count_by_due_status(station)
        for status in DueStatus:
            wanted = [c.number for c in open_cases if calendar.due_status(c.due_date, day) is status]
            assert [c.number for c in queries.by_due_status(status, station)] == wanted, (day, status)
            assert counts[status] == len(wanted)
            page = queries.by_due_status(status, station, limit=3, offset=2)
            assert [c.number for c in page] == wanted[2:5]
            seen |= {status} if wanted else set()
    assert {DueStatus.OVERDUE, DueStatus.DUE_TODAY, DueStatus.DUE_SOON} <= seen
    queries = CaseQueries(store, calendar, FixedClock(datetime(2026, 3, 20, 2, tzinfo=UTC)))
    assert queries.usage_counts(station, recent=25) == dict(Counter(c.transaction_code for c in newest[:25]))
    assert queries.usage_counts(station) == dict(Counter(c.transaction_code for c in cases))
    assert queries.usage_counts("NOPE") == {}
    assert [c.number for c in queries.open_cases(station, limit=4, offset=1)] == [c.number for c in open_cases[1:5]]
    store.dispose()
