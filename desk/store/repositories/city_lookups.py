"""What the city server must know about a record before it lets a caller touch it: the station a
“一件事” bundle, a 差评 follow-up or a user belongs to, the case a 注销公告 was posted for (its rights
are the case's), the kiosk that issued a paper.

Plain values from the session it is handed; no transaction of its own."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import BundleRecord, Case, DocumentIssued, PublicNotice, RatingFollowUp, User


def bundle_station(session: Session, number: str) -> str | None:
    """The station of bundle `number` (None: no such bundle)."""
    return session.execute(select(BundleRecord.station_code).where(BundleRecord.number == number)
                           ).scalar_one_or_none()


def notice_case_number(session: Session, serial: str) -> str | None:
    """The number of the case the notice `serial` was posted for (None: no such notice)."""
    return session.execute(select(Case.number).join(PublicNotice, PublicNotice.case_id == Case.id)
                           .where(PublicNotice.serial == serial)).scalar_one_or_none()


def follow_up_station(session: Session, follow_up_id: int) -> str | None:
    """The station of the 差评 follow-up `follow_up_id` (None: no such follow-up)."""
    return session.execute(select(RatingFollowUp.station_code).where(RatingFollowUp.id == follow_up_id)
                           ).scalar_one_or_none()


def kiosk_paper(session: Session, serial: str) -> str | None:
    """The kiosk that issued the paper `serial` (None: no such paper, or not issued at a kiosk)."""
    return session.execute(select(DocumentIssued.kiosk_code).where(DocumentIssued.serial == serial)
                           ).scalar_one_or_none()


def user_station(session: Session, user_id: int) -> str | None:
    """The station of user `user_id` (None: no such user)."""
    return session.execute(select(User.station_code).where(User.id == user_id)).scalar_one_or_none()
