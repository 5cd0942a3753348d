"""Per-station, per-day counters (case numbers, queue tickets, document serials)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.store.models import CaseCounter


@dataclass(frozen=True)
class CounterRepository:
    session: Session

    def raise_to(self, rows: list[dict[str, Any]], *, batch: int) -> None:
        """Set many counters to at least the given `last` (rows of station_code, day, kind, last): one
        upsert per `batch` rows (a bulk load's 25,000 days of a city's year; one query each took minutes)."""
        sqlite_ = self.session.get_bind().dialect.name == "sqlite"
        upsert = sqlite.insert(CaseCounter) if sqlite_ else postgresql.insert(CaseCounter)
        statement = upsert.on_conflict_do_update(
            index_elements=["station_code", "day", "kind"],
            set_={"last": func.max(upsert.excluded.last, CaseCounter.last) if sqlite_
                  else func.greatest(upsert.excluded.last, CaseCounter.last)})
        for start in range(0, len(rows), batch):
            self.session.execute(statement, rows[start:start + batch])

    def next(self, station_code: str, day: date, kind: str) -> int:
        """Bump the counter of (station, day, kind) and return its new value.

        One statement on both backends: an upsert that creates the counter at 1 or bumps it, returning
        the number. On PostgreSQL the row stays locked until the transaction ends, so two desks of one
        station never take the same number and a rolled-back case gives its number back."""
        dialect = self.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        counters = CaseCounter.__table__.c
        bump = insert(CaseCounter).values(station_code=station_code, day=day, kind=kind, last=1).on_conflict_do_update(
            index_elements=[counters.station_code, counters.day, counters.kind],
            set_={"last": counters.last + 1},
        )
        return int(self.session.execute(bump.returning(counters.last)).scalar_one())
