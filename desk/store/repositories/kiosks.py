"""The station's kiosks (自助机) and their last heartbeat."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import Kiosk


@dataclass(frozen=True)
class KioskRepository:
    session: Session

    def get(self, code: str) -> Kiosk | None:
        return self.session.get(Kiosk, code)

    def add(self, kiosk: Kiosk) -> None:
        self.session.add(kiosk)

    def of_station(self, station_code: str) -> list[Kiosk]:
        """The station's kiosks, by code."""
        return list(self.session.execute(
            select(Kiosk).where(Kiosk.station_code == station_code).order_by(Kiosk.code)).scalars().all())
