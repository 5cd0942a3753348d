"""The case lists' light rows (`CaseRow`, read with only the list's columns) equal what the full load of
each case gave, for every case of a demo history and on every day around it — and the Today screen's
lists read in one go equal the lists it read one by one before — on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desk.domain.clock import FixedClock
from desk.domain.workdays import DueStatus, WorkingCalendar
from desk.domain.workflow import OPEN_STATES, CaseState
from desk.services.case_queries import DRAFTS_PAGE, CaseQueries
from desk.services.case_views import CaseRow, CaseView
from desk.services.demo import DEMO_STATION, build_demo
from desk.shipped import shipped_catalog
from desk.store.database import Store

TODAY = date(2026, 3, 20)


def as_row(case: CaseView, calendar: WorkingCalendar, today: date) -> CaseRow:
    """The row a list shows, taken from the full view of the case."""
    status = (calendar.due_status(case.due_date, today) if case.due_date is not None and case.state in OPEN_STATES
              else None)
    return CaseRow(number=case.number, station_code=case.station_code, transaction_code=case.transaction_code,
                   state=case.state, approval=case.approval, applicant_name=case.applicant.name,
                   applicant_id_number=case.applicant.id_number, created_at=case.created_at,
                   accepted_at=case.accepted_at, due_date=case.due_date, completed_on=case.completed_on,
                   due_status=status)


def queries_on(store: Store, calendar: WorkingCalendar, day: date) -> CaseQueries:
    return CaseQueries(store, calendar, FixedClock(datetime(day.year, day.month, day.day, 2, tzinfo=UTC)))


def demo_store(database_url: str) -> Store:
    """A demo station's history (the `desk` fixture's users would clash with the demo's own)."""
    store = Store(database_url)
    build_demo(store, shipped_catalog(), WorkingCalendar(), residents=20, cases=70, seed=5, today=TODAY)
    return store


def test_every_case_s_row_equals_its_full_view(database_url: str) -> None:
    store, calendar = demo_store(database_url), WorkingCalendar()
    queries = queries_on(store, calendar, TODAY)
    full = queries.list()
    assert len(full) >= 70 and {c.state for c in full} >= {CaseState.DRAFT, CaseState.ACCEPTED, CaseState.COMPLETED}
    assert queries.rows() == [as_row(c, calendar, TODAY) for c in full]
    station = DEMO_STATION[0]
    some = full[len(full) // 2]
    for filters in ({"station_code": station}, {"state": CaseState.COMPLETED}, {"state": CaseState.DRAFT},
                    {"applicant_id_number": some.applicant.id_number}, {"day": some.created_at.date()},
                    {"station_code": station, "state": CaseState.ACCEPTED, "limit": 5}):
        assert queries.rows(**filters) == [as_row(c, calendar, TODAY)  # type: ignore[arg-type]
                                           for c in queries.list(**filters)], filters  # type: ignore[arg-type]
    assert queries.rows(limit=7, offset=3) == queries.rows()[3:10]
    store.dispose()


def test_due_rows_and_today_s_lists_equal_the_full_lists_every_day(database_url: str) -> None:
    store, calendar = demo_store(database_url), WorkingCalendar()
    station = DEMO_STATION[0]
    seen: set[DueStatus] = set()
    for offset in range(12):
        day = TODAY - timedelta(days=3) + timedelta(days=offset)
        queries = queries_on(store, calendar, day)
        for status in DueStatus:
            full = queries.by_due_status(status, station)
            rows = queries.rows_by_due_status(status, station)
            assert rows == [as_row(c, calendar, day) for c in full], (day, status)
            assert all(r.due_status is status for r in rows)
            assert queries.rows_by_due_status(status, station, limit=3, offset=2) == rows[2:5]
            seen |= {status} if rows else set()
        lists, counts = queries.today_lists(station, page=4), queries.count_by_due_status(station)
        drafts = (queries.list(state=CaseState.DRAFT, station_code=station, limit=DRAFTS_PAGE)
                  + queries.list(state=CaseState.SUPPLEMENT_REQUESTED, station_code=station, limit=DRAFTS_PAGE))
        assert lists.drafts == [as_row(c, calendar, day) for c in drafts]
        for status, shown in ((DueStatus.OVERDUE, lists.overdue), (DueStatus.DUE_TODAY, lists.due_today),
                              (DueStatus.DUE_SOON, lists.due_soon)):
            assert shown == [as_row(c, calendar, day) for c in queries.by_due_status(status, station, limit=4)]
        # Under review: the soonest due first, as approvers work down them (the first page of all of them).
        reviewed = queries.list(state=CaseState.UNDER_REVIEW, station_code=station)
        assert lists.review == [as_row(c, calendar, day) for c in
                                sorted(reviewed, key=lambda c: (c.due_date, c.id))[:4]]
        assert (lists.overdue_count, lists.due_today_count, lists.due_soon_count) == (
            counts[DueStatus.OVERDUE], counts[DueStatus.DUE_TODAY], counts[DueStatus.DUE_SOON])
    assert {DueStatus.OVERDUE, DueStatus.DUE_TODAY, DueStatus.DUE_SOON} <= seen
    assert queries_on(store, calendar, TODAY).today_lists("NOPE").overdue == []
    store.dispose()
