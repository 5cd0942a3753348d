"""The register facts of many citizens at once (a register extract's batch): read by ID number, new
citizens inserted and known ones' facts updated in a few executemany statements, not row by row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from desk.domain.names import pinyin_initials
from desk.store.models import Citizen

# IN-lists stay below every backend's parameter limit (SQLite's was 999 before 3.32).
_IN_CHUNK = 900
# The facts an extract sets; their stored values decide whether a row changes anything.
REGISTER_COLUMNS = ("household_head", "relationship_to_head", "registered_on", "address", "former_names", "nation")


@dataclass(frozen=True)
class StoredFacts:
    """What the register holds of one citizen: their name and the facts an extract may set."""

    id: int
    name: str
    household_head: str
    relationship_to_head: str
    registered_on: date | None
    address: str
    former_names: str
    nation: str


@dataclass(frozen=True)
class RegisterRepository:
    session: Session

    def facts_by_id_number(self, id_numbers: Sequence[str]) -> dict[str, StoredFacts]:
        found: dict[str, StoredFacts] = {}
        columns = (Citizen.id_number, Citizen.id, Citizen.name, Citizen.household_head, Citizen.relationship_to_head,
                   Citizen.registered_on, Citizen.address, Citizen.former_names, Citizen.nation)
        for start in range(0, len(id_numbers), _IN_CHUNK):
            chunk = id_numbers[start:start + _IN_CHUNK]
            for row in self.session.execute(select(*columns).where(Citizen.id_number.in_(chunk))):
                found[row[0]] = StoredFacts(*row[1:])
        return found

    def insert_citizens(self, rows: Iterable[dict[str, Any]], at: datetime) -> None:
        """New citizens from the register: each row's id_number, name, sex, birth_date and register facts."""
        values = [{**row, "name_initials": pinyin_initials(row["name"]), "updated_at": at} for row in rows]
        if values:
            self.session.execute(insert(Citizen), values)

    def update_facts(self, changes: Iterable[dict[str, Any]], at: datetime) -> None:
        """Set the register facts of known citizens: each change holds the row id (`citizen_id`) and every
        column of REGISTER_COLUMNS (one executemany UPDATE)."""
        values = [{**change, "at": at} for change in changes]
        if not values:
            return
        statement = (update(Citizen).where(Citizen.id == bindparam("citizen_id"))
                     .values({**{column: bindparam(column) for column in REGISTER_COLUMNS},
                              "updated_at": bindparam("at")}))
        self.session.connection().execute(statement, values)
