"""The hall's queue: a station's windows (counters) and its tickets of one day — waiting in calling
order (priority first, then the oldest), the current calls, counted on the (station, day) index."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desk.store.models import Citizen, Counter, QueueTicket, Station


@dataclass(frozen=True)
class QueueRepository:
    session: Session

    # ---- windows ----------------------------------------------------------------------------------

    def counter(self, station_code: str, number: int) -> Counter | None:
        """The station's window of that number, active or not."""
        return self.session.execute(select(Counter).where(Counter.station_code == station_code,
                                                          Counter.number == number)).scalar_one_or_none()

    def active_counters(self, station_code: str) -> list[Counter]:
        return list(self.session.execute(select(Counter).where(Counter.station_code == station_code,
                                                               Counter.active.is_(True))
                                         .order_by(Counter.number)).scalars().all())

    def add_counter(self, counter: Counter) -> None:
        self.session.add(counter)

    # ---- tickets ----------------------------------------------------------------------------------

    def ticket(self, ticket_id: int) -> QueueTicket | None:
        return self.session.get(QueueTicket, ticket_id)

    def add_ticket(self, ticket: QueueTicket) -> QueueTicket:
        """Add a new ticket and flush, so that its id is known."""
        self.session.add(ticket)
        self.session.flush()
        return ticket

    def waiting(self, station_code: str, day: date, *, lock: bool = False) -> list[QueueTicket]:
        """The day's waiting tickets in calling order (locked when `lock`: two windows never take one)."""
        query = (select(QueueTicket)
                 .where(QueueTicket.station_code == station_code, QueueTicket.day == day,
                        QueueTicket.state == "waiting")
                 .order_by((QueueTicket.priority == "").asc(), QueueTicket.issued_at, QueueTicket.id))
        return list(self.session.execute(query.with_for_update() if lock else query).scalars().all())

    def waiting_count(self, station_code: str, day: date) -> int:
        return int(self.session.execute(
            select(func.count()).select_from(QueueTicket).where(
                QueueTicket.station_code == station_code, QueueTicket.day == day,
                QueueTicket.state == "waiting")
        ).scalar_one())

    def called(self, station_code: str, day: date) -> list[QueueTicket]:
        """The day's tickets called to a window, the latest call first."""
        return list(self.session.execute(
            select(QueueTicket)
            .where(QueueTicket.station_code == station_code, QueueTicket.day == day,
                   QueueTicket.state == "called", QueueTicket.counter_number.is_not(None))
            .order_by(QueueTicket.called_at.desc(), QueueTicket.id.desc())
        ).scalars().all())

    # ---- who and where ----------------------------------------------------------------------------

    def citizen_id(self, id_number: str) -> int | None:
        return self.session.execute(select(Citizen.id).where(Citizen.id_number == id_number)).scalar_one_or_none()

    def station(self, station_code: str) -> Station | None:
        return self.session.get(Station, station_code)
