"""The bulk demo generates its rows in a worker process while the loading process writes: the city is
the very same as generated in one process, and a failure in the worker stops the load with its
traceback instead of hanging."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from desk.domain.workdays import WorkingCalendar
from desk.services import bulk_demo
from desk.services.bulk_demo import build_city
from desk.services.demo import build_demo
from desk.shipped import shipped_catalog
from desk.store.database import Store

TODAY = date(2026, 3, 11)
TABLES = {
    "citizens": "id, id_number, name, name_initials, sex, nation, birth_date, address, valid_from, valid_to, phone, "
                "household_head, relationship_to_head, registered_on",
    "cases": "id, number, lookup_code, station_code, transaction_code, state, applicant_id, form_values, approval, "
             "time_limit_days, created_at, accepted_at, due_date, completed_at, decision_reason",
    "case_events": "id, case_id, action, from_state, to_state, actor_id, at, reason, details",
    "case_counters": "station_code, day, kind, last",
}


def _city(url: str, *, worker: bool) -> tuple[bulk_demo.BulkSummary, dict[str, list[tuple[object, ...]]]]:
    store = Store(url)
    catalog, calendar = shipped_catalog(), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=3, today=TODAY)
    summary = build_city(store, catalog, calendar, residents=900, cases=700, stations=5, days=40, seed=11,
                         today=TODAY, progress=io.StringIO(), worker=worker)
    with store.read() as session:
        rows = {table: [tuple(row) for row in session.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2"))]
                for table, columns in TABLES.items()}
    store.dispose()
    return summary, rows


def test_the_worker_generates_the_same_city_as_one_process(tmp_path: Path) -> None:
    in_worker, worker_rows = _city(f"sqlite:///{tmp_path / 'worker.sqlite3'}", worker=True)
    alone, alone_rows = _city(f"sqlite:///{tmp_path / 'alone.sqlite3'}", worker=False)
    assert in_worker == alone
    assert in_worker.residents == 900 and in_worker.cases == 700
    for table in TABLES:
        assert worker_rows[table] == alone_rows[table], table
    assert len(worker_rows["citizens"]) == 900 and len(worker_rows["case_events"]) > 700


def test_a_failure_in_the_worker_stops_the_load_with_its_traceback(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a fault while generating a case")

    monkeypatch.setattr(bulk_demo.BulkCity, "_case", broken)
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    catalog, calendar = shipped_catalog(), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=3, today=TODAY)
    with pytest.raises(RuntimeError, match=r"(?s)generating the bulk demo failed.*a fault while generating a case"):
        build_city(store, catalog, calendar, residents=300, cases=200, stations=3, days=20, seed=11, today=TODAY,
                   progress=io.StringIO())
    with store.read() as session:  # the residents generated before the fault were written; no case was
        assert session.execute(text("SELECT count(*) FROM cases WHERE number LIKE 'HP%'")).scalar_one() == 0
    store.dispose()
