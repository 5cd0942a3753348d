"""Citizens (人员): found by ID number, added, and searched (the indexed name/number/address search of
desk/store/citizen_search.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desk.store.citizen_search import CitizenQuery, search_citizens
from desk.store.models import Citizen


@dataclass(frozen=True)
class CitizenRepository:
    session: Session

    def by_id_number(self, id_number: str) -> Citizen | None:
        return self.session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()

    def add(self, citizen: Citizen) -> Citizen:
        """Add a new citizen and flush: two desks registering the same person race here, not at commit."""
        self.session.add(citizen)
        self.session.flush()
        return citizen

    def search(self, query: CitizenQuery, limit: int) -> list[Row[Any]]:
        return search_citizens(self.session, query, limit)
