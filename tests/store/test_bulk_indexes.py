"""A bulk load into an empty store drops the tables' secondary indexes and builds the same ones again
afterwards, on SQLite (and its FTS5 search table) and PostgreSQL; the search finds what it found."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pytest
from desk_fixtures import CATALOG
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk.domain.catalog_loader import load_catalog
from desk.domain.workdays import WorkingCalendar
from desk.services.bulk_demo import build_city
from desk.services.demo import build_demo
from desk.store import bulk_indexes
from desk.store.citizen_search import CitizenQuery, search_citizens
from desk.store.database import Store
from desk.store.models import Citizen

TODAY = date(2026, 3, 11)


def index_definitions(store: Store) -> set[str]:
    with store.read() as session:
        if store.is_sqlite:
            return set(session.execute(text(
                "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND sql IS NOT NULL")).scalars())
        return set(session.execute(text(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema()")).scalars())


def test_a_bulk_load_builds_the_same_indexes_after_the_rows(database_url: str,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_indexes, "MIN_ROWS", 100)
    store = Store(database_url)
    catalog, calendar = load_catalog(CATALOG), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=5, today=TODAY)
    before = index_definitions(store)
    seen_during: list[set[str]] = []
    original = bulk_indexes.indexes_built_after

    def watched(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        manager = original(*args, **kwargs)  # type: ignore[arg-type]
        return _Watch(manager, lambda: seen_during.append(index_definitions(store)))

    monkeypatch.setattr("desk.services.bulk_demo.indexes_built_after", watched)
    progress = io.StringIO()
    build_city(store, catalog, calendar, residents=600, cases=300, stations=9, days=60, seed=5, today=TODAY,
               progress=progress)
    assert seen_during and seen_during[0] < before  # dropped while loading
    assert any("name" in definition for definition in before - seen_during[0])
    assert index_definitions(store) == before  # the very same indexes afterwards
    assert "indexes: built" in progress.getvalue()
    with store.read() as session:  # each station's day counter is its last case number of the day
        counted = session.execute(text(
            "SELECT station_code, count(*) FROM cases GROUP BY station_code, substr(number, 1, length(number) - 5) "
            "ORDER BY 1, 2")).all()
        counters = session.execute(text(
            "SELECT station_code, last FROM case_counters WHERE kind = 'case' ORDER BY 1, 2")).all()
    assert counted and counters == counted
    with store.read() as session:
        someone = session.execute(text("SELECT name, address FROM citizens ORDER BY id DESC LIMIT 1")).one()
        for typed in (someone.name, someone.address[-8:]):
            query = CitizenQuery.parse(typed)
            assert query is not None
            assert search_citizens(session, query, 50), typed
    store.dispose()


def test_a_small_load_keeps_the_indexes(database_url: str) -> None:
    store = Store(database_url)
    catalog, calendar = load_catalog(CATALOG), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=5, today=TODAY)
    assert not bulk_indexes.worth_it(store, "citizens", 600)
    store.dispose()


class _Watch:
    """Runs `inside` once the wrapped context manager has entered."""

    def __init__(self, manager: object, inside: object) -> None:
        self.manager, self.inside = manager, inside

    def __enter__(self) -> None:
        self.manager.__enter__()  # type: ignore[attr-defined]
        self.inside()  # type: ignore[operator]

    def __exit__(self, *exc: object) -> None:
        self.manager.__exit__(*exc)  # type: ignore[attr-defined]


def test_a_duplicate_key_written_during_the_load_stops_it_naming_the_constraint(database_url: str) -> None:
    """PostgreSQL adds the unique constraints back after the rows: adding one is the load's check that
    no key is written twice. SQLite keeps them during the load, so the second row is refused at once."""
    store = Store(database_url)
    catalog, calendar = load_catalog(CATALOG), WorkingCalendar()
    build_demo(store, catalog, calendar, residents=0, cases=0, seed=5, today=TODAY)
    before = index_definitions(store)

    ids_of_the_two: list[int] = []

    def twice() -> None:
        for _ in range(2):
            with store.write() as session:
                row = Citizen(id_number="210102195301150038", name="李建国", updated_at=datetime.now(UTC))
                session.add(row)
                session.flush()
                ids_of_the_two.append(row.id)
    progress = io.StringIO()
    if store.is_sqlite:
        with pytest.raises(IntegrityError), bulk_indexes.indexes_built_after(store, ("citizens",), progress):
            twice()
        assert index_definitions(store) == before
        store.dispose()
        return
    with pytest.raises(bulk_indexes.DuplicateKeys) as raised, \
            bulk_indexes.indexes_built_after(store, ("citizens",), progress):
        assert "uq_citizens_id_number" not in " ".join(index_definitions(store))  # off while the rows go in
        twice()
    assert [name for name, _ in raised.value.failures] == ["uq_citizens_id_number"]
    first, second = ids_of_the_two
    assert f"duplicate (id_number) in 1 key(s): citizens ids {first}, {second}" in str(raised.value)
    # Every other index is back; only the constraint the duplicate stopped is missing, as the error says.
    missing = before - index_definitions(store)
    assert len(missing) == 1 and "uq_citizens_id_number" in missing.pop()
    with store.write() as session:
        session.execute(text("DELETE FROM citizens WHERE id = :id"), {"id": second})
    store.dispose()
