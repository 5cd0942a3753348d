"""What the city server must know about a record before it lets a caller touch it: the station a
“一件事” bundle belongs to, the case a 注销公告 was posted for (its rights are the case's).

Plain values from the session it is handed; no transaction of its own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import BundleRecord, Case, PublicNotice


def bundle_station(session: Session, number: str) -> str | None:
    """The station of bundle `number` (None: no such bundle)."""
    return session.execute(select(BundleRecord.station_code).where(BundleRecord.number == number)
                           ).scalar_one_or_none()


def notice_case_number(session: Session, serial: str) -> str | None:
    """The number of the case the notice `serial` was posted for (None: no such notice)."""
    return session.execute(select(Case.number).join(PublicNotice, PublicNotice.case_id == Case.id)
                           .where(PublicNotice.serial == serial)).scalar_one_or_none()
