"""`desk demo-data` in bulk (a city): the rows it writes, the same on SQLite and PostgreSQL for a seed,
valid ID numbers, a clean audit chain, case numbering that the services continue, realistic times."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from desk.cli import main
from desk.domain.idnumber import parse_id_number
from desk.domain.workdays import WorkingCalendar
from desk.store.database import Store
from desk.store.models import Case, CaseCounter, CaseEvent, Citizen, Station

ARGS = ["demo-data", "--residents", "3000", "--stations", "7", "--cases", "1500", "--seed", "3", "--days", "120"]


def fingerprint(url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    store = Store(url)
    with store.read() as session:
        people = [tuple(r) for r in session.execute(
            select(Citizen.id_number, Citizen.name, Citizen.name_initials, Citizen.address, Citizen.birth_date)
            .order_by(Citizen.id_number))]
        cases = [tuple(r) for r in session.execute(
            select(Case.number, Case.lookup_code, Case.state, Case.transaction_code, Case.accepted_on, Case.due_date,
                   Case.completed_on, Citizen.id_number).join(Citizen, Case.applicant_id == Citizen.id)
            .order_by(Case.number))]
    store.dispose()
    return people, cases


def test_bulk_city_is_valid_deterministic_and_equal_on_both_backends(
        database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", database_url, *ARGS]) == 0
    assert "已批量生成 3000 名居民、7 个派出所、1500 件申请" in capsys.readouterr().out
    assert main(["--db", database_url, "audit", "verify"]) == 0
    store = Store(database_url)
    with store.read() as session:
        assert session.execute(select(func.count()).select_from(Citizen)).scalar_one() == 3000
        assert session.execute(select(func.count()).select_from(Station)).scalar_one() == 7
        assert session.execute(select(func.count(func.distinct(Case.station_code)))).scalar_one() == 7
        for id_number in session.execute(select(Citizen.id_number)).scalars():
            parse_id_number(id_number)  # raises on an invalid number
        # Every case has its opening event and, once decided, the event into its state.
        events = session.execute(select(func.count()).select_from(CaseEvent)).scalar_one()
        assert events >= 2 * 1500
        calendar = WorkingCalendar()
        taken = [calendar.working_days_between(a, c) for a, c in session.execute(
            select(Case.accepted_on, Case.completed_on).where(Case.completed_on.is_not(None)))]
        assert 1.0 <= sum(taken) / len(taken) <= 1.6  # the seed data's average is 1.27 working days
        last = session.execute(select(func.max(CaseCounter.last))).scalar_one()
        assert last is not None and last >= 1
    store.dispose()
    other = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    assert main(["--db", other, *ARGS]) == 0
    assert fingerprint(database_url) == fingerprint(other)
