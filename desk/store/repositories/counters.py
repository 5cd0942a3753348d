"""Per-station, per-day counters (case numbers, queue tickets, document serials)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.store.models import CaseCounter


@dataclass(frozen=True)
class CounterRepository:
    session: Session

    def get(self, station_code: str, day: date, kind: str) -> CaseCounter | None:
        return self.session.get(CaseCounter, (station_code, day, kind))

    def add(self, counter: CaseCounter) -> None:
        self.session.add(counter)

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
