"""Per-station, per-day sequence numbers (case numbers, queue tickets) that never repeat."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy.orm import Session

from desk.store.repositories.counters import CounterRepository

# Lookup codes are read aloud and typed at kiosks: no 0/O, 1/I/L.
_LOOKUP_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def next_sequence(session: Session, station_code: str, day: date, kind: str = "case") -> int:
    """Take the next number for (station, day, kind) inside the caller's write transaction: never
    repeated, and given back when the transaction rolls back (`CounterRepository.next`)."""
    return CounterRepository(session).next(station_code, day, kind)


def case_number(station_code: str, day: date, sequence: int) -> str:
    return f"{station_code}-{day:%Y%m%d}-{sequence:04d}"


def new_lookup_code() -> str:
    return "".join(secrets.choice(_LOOKUP_ALPHABET) for _ in range(8))
