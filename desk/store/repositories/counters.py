"""Per-station, per-day counters (case numbers, queue tickets, document serials)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Insert, Table, bindparam, func
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
        station never take the same number and a rolled-back case gives its number back. The statement
        is built once per dialect (every draft draws a number: building it each time cost more client
        CPU than running it)."""
        connection = self.session.connection()
        bump = _BUMPS[connection.dialect.name == "postgresql"]
        return int(connection.execute(bump, {"station_code": station_code, "day": day, "kind": kind}).scalar_one())


def _bump(postgresql_: bool) -> Insert:
    counters = cast(Table, CaseCounter.__table__)
    insert = postgresql.insert if postgresql_ else sqlite.insert
    return (insert(counters)
            .values(station_code=bindparam("station_code", type_=counters.c.station_code.type),
                    day=bindparam("day", type_=counters.c.day.type),
                    kind=bindparam("kind", type_=counters.c.kind.type), last=1)
            .on_conflict_do_update(index_elements=[counters.c.station_code, counters.c.day, counters.c.kind],
                                   set_={"last": counters.c.last + 1})
            .returning(counters.c.last))


_BUMPS = {True: _bump(True), False: _bump(False)}
