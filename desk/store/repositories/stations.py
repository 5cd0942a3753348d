"""Stations (派出所): found by code, added, and the stations of one branch (分局)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import Station


@dataclass(frozen=True)
class StationRepository:
    session: Session

    def get(self, code: str) -> Station | None:
        return self.session.get(Station, code)

    def add(self, station: Station) -> None:
        self.session.add(station)

    def codes_of_branch(self, branch_name: str) -> set[str]:
        """The codes of every station of one branch."""
        return set(self.session.execute(select(Station.code).where(Station.branch_name == branch_name)).scalars())
