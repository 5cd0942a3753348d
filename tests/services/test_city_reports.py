"""The city month report counted in SQL equals counting every case of a demo city in Python (the
definition written out), for every month of its history, the whole city and a branch, on SQLite and
PostgreSQL; a month or branch that does not exist is told clearly."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from desk_fixtures import CATALOG
from sqlalchemy import select

from desk.domain.catalog_loader import load_catalog
from desk.domain.clock import FixedClock
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.bulk_demo import build_city
from desk.services.city_reports import CityReportService, MonthFigures, month_end, parse_month
from desk.services.demo import build_demo
from desk.store.database import Store
from desk.store.models import Case, Station

TODAY = date(2026, 3, 11)  # a Wednesday: March is a month still running
_OPEN = {CaseState.ACCEPTED.value, CaseState.SUPPLEMENT_REQUESTED.value, CaseState.UNDER_REVIEW.value,
         CaseState.APPROVED.value}


def reference(store: Store, first: date, branch: str | None) -> dict[tuple[str, str], MonthFigures]:
    """Each case of the store looked at one by one, as the report's definition says."""
    last = month_end(first)
    cells: dict[tuple[str, str], MonthFigures] = {}
    with store.read() as session:
        branches = {code: name for code, name in session.execute(select(Station.code, Station.branch_name))}
        for case in session.execute(select(Case)).unique().scalars():
            if branch and branches[case.station_code] != branch:
                continue
            figures = MonthFigures()
            if case.accepted_on is not None and first <= case.accepted_on <= last:
                figures.accepted = 1
            if case.state == CaseState.COMPLETED.value and case.completed_on is not None \
                    and first <= case.completed_on <= last:
                assert case.due_date is not None
                if case.completed_on <= case.due_date:
                    figures.on_time = 1
                else:
                    figures.late_completed = 1
            if case.state in _OPEN and case.accepted_on is not None and case.due_date is not None \
                    and first <= case.due_date <= last and case.due_date < TODAY:
                figures.late_open = 1
            if figures.accepted or figures.completed or figures.late_open:
                cells.setdefault((case.station_code, case.transaction_code), MonthFigures()).add(figures)
    return cells


@pytest.fixture
def city(database_url: str) -> Store:
    store = Store(database_url)
    catalog, calendar = load_catalog(CATALOG), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=5, today=TODAY)
    build_city(store, catalog, calendar, residents=1500, cases=1200, stations=9, days=120, seed=5, today=TODAY)
    return store


def test_month_report_in_sql_equals_the_definition_case_by_case(city: Store) -> None:
    service = CityReportService(city, load_catalog(CATALOG), FixedClock(datetime(2026, 3, 11, 2, tzinfo=UTC)))
    with city.read() as session:
        a_branch = session.execute(select(Station.branch_name).where(Station.code.like("TX%"))).scalars().first()
    assert a_branch
    late_seen = open_late_seen = 0
    for month in ("2025-11", "2025-12", "2026-01", "2026-02", "2026-03"):
        for branch in (None, a_branch):
            report = service.month(parse_month(month), branch=branch)
            expected = reference(city, parse_month(month), branch)
            got = {(row.code, row.transaction_code): row.figures for row in report.cells}
            assert got == expected, (month, branch)
            # The totals add the same cells up whichever way they are grouped.
            total = MonthFigures()
            for figures in expected.values():
                total.add(figures)
            assert report.total.figures == total
            for grouping in (report.stations, report.transactions, report.branches):
                summed = MonthFigures()
                for row in grouping:
                    summed.add(row.figures)
                assert summed == total
            assert report.scope == ("branch" if branch else "city")
            assert all(row.branch == a_branch for row in report.stations) if branch else len(report.stations) >= 9
            late_seen += total.late_completed
            open_late_seen += total.late_open
    # The demo history has late completions and cases left open past their limit: both are counted.
    assert late_seen > 0 and open_late_seen > 0
    data = service.month(parse_month("2026-02")).as_dict()
    assert set(data) == {"month", "as_of", "scope", "branch", "total", "branches", "stations", "transactions",
                         "cells"}
    assert data["month"] == "2026-02" and data["as_of"] == "2026-03-11"
    assert set(data["total"]) >= {"accepted", "completed", "on_time", "late", "on_time_rate"}
    city.dispose()


def test_a_bad_month_or_an_unknown_branch_is_told(city: Store) -> None:
    service = CityReportService(city, load_catalog(CATALOG), FixedClock(datetime(2026, 3, 11, 2, tzinfo=UTC)))
    for text in ("2026-13", "2026/03", "March", "26-03"):
        with pytest.raises(InvalidInput, match="YYYY-MM"):
            parse_month(text)
    with pytest.raises(NotFound, match="没有名为“朝阳分局”的分局"):
        service.month(date(2026, 2, 1), branch="朝阳分局")
    # A month with nothing in it: every station listed, all zero, no rate.
    empty = service.month(date(2024, 1, 1))
    assert empty.total.figures == MonthFigures() and empty.total.figures.on_time_rate is None
    assert empty.stations and not empty.cells
    city.dispose()
