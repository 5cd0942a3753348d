"""Bulk loading (the demo city of `desk demo-data --residents …`): many rows written at once — `COPY` on
PostgreSQL, an executemany INSERT on SQLite — and the few reads a load needs to continue a register
(the largest ids, the ID numbers taken, one clerk per station) and to fix PostgreSQL's id sequences
after rows were written with their ids."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from desk.store.models import Citizen, User


@dataclass(frozen=True)
class BulkLoadRepository:
    session: Session

    def insert_rows(self, model: type[Any], rows: list[dict[str, Any]]) -> None:
        """Write `rows` (plain dicts with their ids) into `model`'s table; JSON columns may come as text."""
        if not rows:
            return
        table = model.__table__
        if self.session.get_bind().dialect.name == "postgresql":
            columns = list(rows[0])
            # JSON columns usually come as text already: only values that are not are encoded (the rows
            # are not copied — a copy of every row was a tenth of the loader's CPU).
            json_at = [i for i, c in enumerate(columns)
                       if c in table.columns and table.columns[c].type.__class__.__name__ == "JSON"]
            cursor = self.session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    values = [row[c] for c in columns]
                    for i in json_at:
                        if not isinstance(values[i], str):
                            values[i] = json.dumps(values[i], ensure_ascii=False)
                    copy.write_row(values)
            return
        json_columns = [c.name for c in table.columns if c.type.__class__.__name__ == "JSON"]
        if json_columns:
            rows = [{**row, **{c: json.loads(row[c]) for c in json_columns if isinstance(row.get(c), str)}}
                    for row in rows]
        self.session.execute(insert(table), rows)

    def commit_without_waiting_for_disk(self) -> None:
        """PostgreSQL: this transaction's commit does not wait for its WAL to reach the disk (a bulk load
        re-run after a crash); nothing on SQLite."""
        if self.session.get_bind().dialect.name == "postgresql":
            self.session.execute(text("SET LOCAL synchronous_commit TO off"))

    def max_id(self, model: type[Any]) -> int:
        """The largest id in `model`'s table (0 when empty)."""
        return int(self.session.execute(select(func.max(model.id))).scalar() or 0)

    def citizen_id_numbers(self) -> set[str]:
        """Every ID number the register holds (a re-run's draws must miss them)."""
        return set(self.session.execute(select(Citizen.id_number)).scalars())

    def users_and_stations(self) -> list[tuple[int, str]]:
        """(user id, station) of every user, by id."""
        return [(user_id, station) for user_id, station in self.session.execute(
            select(User.id, User.station_code).order_by(User.id))]

    def fix_id_sequence(self, table: str) -> None:
        """PostgreSQL: move the table's id sequence past the ids written by hand."""
        self.session.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                  f"COALESCE((SELECT MAX(id) FROM {table}), 1))"))
