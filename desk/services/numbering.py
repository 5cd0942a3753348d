"""Per-station, per-day sequence numbers (case numbers, queue tickets) that never repeat."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from desk.store.models import CaseCounter

# Lookup codes are read aloud and typed at kiosks: no 0/O, 1/I/L.
_LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_sequence(session: Session, station_code: str, day: date, kind: str = "case") -> int:
    """Take the next number for (station, day, kind) inside the caller's write transaction.

    One statement on both backends: an upsert that creates the counter at 1 or bumps it, returning
    the number. On PostgreSQL the row stays locked until the transaction ends, so two desks of one
    station never take the same number and a rolled-back case gives its number back."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    counters = CaseCounter.__table__.c
    bump = insert(CaseCounter).values(station_code=station_code, day=day, kind=kind, last=1).on_conflict_do_update(
        index_elements=[counters.station_code, counters.day, counters.kind],
        set_={"last": counters.last + 1},
    )
    return int(session.execute(bump.returning(counters.last)).scalar_one())


def case_number(station_code: str, day: date, sequence: int) -> str:
    return f"{station_code}-{day:%Y%m%d}-{sequence:04d}"


def new_lookup_code() -> str:
    return "".join(secrets.choice(_LOOKUP_ALPHABET) for _ in range(8))
