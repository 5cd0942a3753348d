"""Per-station, per-day sequence numbers (case numbers, queue tickets) that never repeat."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.store.models import CaseCounter

# Lookup codes are read aloud and typed at kiosks: no 0/O, 1/I/L.
_LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_sequence(session: Session, station_code: str, day: date, kind: str = "case") -> int:
    """Take the next number for (station, day, kind) inside the caller's write transaction."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # Create the counter row if absent without racing another writer, then lock and bump it.
    session.execute(
        insert(CaseCounter)
        .values(station_code=station_code, day=day, kind=kind, last=0)
        .on_conflict_do_nothing()
    )
    counter = session.execute(
        select(CaseCounter)
        .where(CaseCounter.station_code == station_code, CaseCounter.day == day, CaseCounter.kind == kind)
        .with_for_update()
    ).scalar_one()
    counter.last += 1
    session.flush()
    return counter.last


def case_number(station_code: str, day: date, sequence: int) -> str:
    return f"{station_code}-{day:%Y%m%d}-{sequence:04d}"


def new_lookup_code() -> str:
    return "".join(secrets.choice(_LOOKUP_ALPHABET) for _ in range(8))
