"""网上办: online applications (by number, citizen, station), the citizens' one-time codes and
sessions, and the simulated SMS outbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.store.models import OnlineApplication, OnlineCode, OnlineSession, SmsOutbox, Station


@dataclass(frozen=True)
class OnlineRepository:
    session: Session

    # ---- sign-in: codes and sessions ---------------------------------------------------------------

    def codes_sent_since(self, id_number: str, phone: str, since: datetime) -> int:
        """Codes sent to this ID number or this phone since then (either: nobody floods a stranger)."""
        return self.session.execute(select(func.count()).select_from(OnlineCode).where(
            (OnlineCode.id_number == id_number) | (OnlineCode.phone == phone),
            OnlineCode.created_at > since)).scalar_one()

    def newest_open_code(self, id_number: str, now: datetime) -> OnlineCode | None:
        """The newest code of the ID number not used and not expired."""
        return self.session.execute(select(OnlineCode).where(
            OnlineCode.id_number == id_number, OnlineCode.used_at.is_(None), OnlineCode.expires_at > now)
            .order_by(OnlineCode.id.desc()).limit(1)).scalar_one_or_none()

    def add_code(self, code: OnlineCode) -> None:
        self.session.add(code)

    def citizen_session(self, token_hash: str) -> OnlineSession | None:
        return self.session.get(OnlineSession, token_hash)

    def add_citizen_session(self, row: OnlineSession) -> None:
        self.session.add(row)

    def end_citizen_session(self, row: OnlineSession) -> None:
        self.session.delete(row)

    # ---- applications -------------------------------------------------------------------------------

    def by_number(self, number: str, *, for_update: bool = False) -> OnlineApplication | None:
        """The application of that number (its row locked when `for_update`: a clerk's change)."""
        query = select(OnlineApplication).where(OnlineApplication.number == number)
        if for_update:
            query = query.with_for_update()
        return self.session.execute(query).scalar_one_or_none()

    def add(self, application: OnlineApplication) -> None:
        self.session.add(application)

    def of_citizen(self, id_number: str) -> Sequence[OnlineApplication]:
        """The citizen's applications, newest first."""
        return self.session.execute(select(OnlineApplication).where(OnlineApplication.id_number == id_number)
                                    .order_by(OnlineApplication.id.desc())).scalars().all()

    def waiting_at(self, station_code: str, states: list[str]) -> Sequence[OnlineApplication]:
        """The station's applications in these states, oldest first."""
        return self.session.execute(select(OnlineApplication).where(
            OnlineApplication.station_code == station_code, OnlineApplication.state.in_(states))
            .order_by(OnlineApplication.submitted_at, OnlineApplication.id)).scalars().all()

    def open_of_citizen(self, id_number: str, done: list[str],
                        station_code: str | None) -> Sequence[OnlineApplication]:
        """The citizen's applications not in the `done` states (to this station when one is named)."""
        query = select(OnlineApplication).where(OnlineApplication.id_number == id_number,
                                                OnlineApplication.state.not_in(done))
        if station_code is not None:
            query = query.where(OnlineApplication.station_code == station_code)
        return self.session.execute(query.order_by(OnlineApplication.id)).scalars().all()

    # ---- SMS, stations, users -----------------------------------------------------------------------

    def add_sms(self, sms: SmsOutbox) -> None:
        self.session.add(sms)

    def sms_to(self, phone: str) -> Sequence[SmsOutbox]:
        """The SMS sent to a phone, oldest first."""
        return self.session.execute(select(SmsOutbox).where(SmsOutbox.phone == phone)
                                    .order_by(SmsOutbox.id)).scalars().all()

    def station(self, code: str) -> Station | None:
        return self.session.get(Station, code)

    def stations(self) -> list[tuple[str, str]]:
        """(code, name) of every station, by code."""
        return [(code, name) for code, name in self.session.execute(
            select(Station.code, Station.name_zh).order_by(Station.code))]
