"""Queue tickets (排队号): taken at a kiosk or the desk, called by the clerk (叫号)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from desk.domain.catalog import Catalog, Category
from desk.domain.clock import Clock, local_date
from desk.domain.errors import NotFound
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.numbering import next_sequence
from desk.store.database import Store
from desk.store.models import Citizen, QueueTicket

# One letter per category, so the hall can see at a glance which window a number belongs to.
CATEGORY_LETTERS: dict[str, str] = {
    Category.SETTLE.value: "A",
    Category.MOVE.value: "B",
    Category.DEREGISTER.value: "C",
    Category.CHANGE.value: "D",
    Category.HOUSEHOLD.value: "E",
    Category.DOCUMENT.value: "F",
}
GENERAL_LETTER = "G"
# Average minutes a clerk spends per citizen, for the estimated wait printed on the ticket.
AVERAGE_SERVICE_MINUTES = 6


@dataclass(frozen=True)
class TicketView:
    id: int
    number: str
    day: date
    transaction_code: str | None
    state: str
    issued_at: datetime
    people_ahead: int
    estimated_wait_minutes: int


@dataclass
class QueueService:
    store: Store
    catalog: Catalog
    clock: Clock
    station_code: str

    def take_ticket(self, transaction_code: str | None, *, citizen_id_number: str | None = None,
                    kiosk_code: str | None = None) -> TicketView:
        now = self.clock.now()
        day = local_date(now)
        letter = GENERAL_LETTER
        if transaction_code is not None:
            transaction = self.catalog.get(transaction_code)
            if transaction is None:
                raise NotFound(f"没有事项 {transaction_code}。", f"No transaction {transaction_code}.")
            letter = CATEGORY_LETTERS.get(str(transaction.category), GENERAL_LETTER)
        with self.store.write() as session:
            sequence = next_sequence(session, self.station_code, day, kind=f"q{letter}")
            citizen_id = None
            if citizen_id_number:
                citizen_id = session.execute(
                    select(Citizen.id).where(Citizen.id_number == citizen_id_number)
                ).scalar_one_or_none()
            ahead = self._waiting_count(session, day)
            ticket = QueueTicket(station_code=self.station_code, day=day, number=f"{letter}{sequence:03d}",
                                 transaction_code=transaction_code, citizen_id=citizen_id, kiosk_code=kiosk_code,
                                 state="waiting", issued_at=now)
            session.add(ticket)
            session.flush()
            audit.append(session, at=now, actor=kiosk_code or "desk", action="ticket.issued",
                         entity_type="ticket", entity_id=f"{day:%Y%m%d}-{ticket.number}",
                         details={"transaction": transaction_code})
            return _view(ticket, ahead)

    def waiting(self) -> list[TicketView]:
        day = self.clock.today()
        with self.store.read() as session:
            rows = session.execute(
                select(QueueTicket)
                .where(QueueTicket.station_code == self.station_code, QueueTicket.day == day,
                       QueueTicket.state == "waiting")
                .order_by(QueueTicket.issued_at, QueueTicket.id)
            ).scalars().all()
            return [_view(t, ahead) for ahead, t in enumerate(rows)]

    def call_next(self, actor: Actor) -> TicketView | None:
        """The oldest waiting ticket becomes 'called' (by this clerk); None when nobody waits."""
        now = self.clock.now()
        with self.store.write() as session:
            ticket = session.execute(
                select(QueueTicket)
                .where(QueueTicket.station_code == self.station_code, QueueTicket.day == local_date(now),
                       QueueTicket.state == "waiting")
                .order_by(QueueTicket.issued_at, QueueTicket.id)
                .limit(1)
                .with_for_update()
            ).scalar_one_or_none()
            if ticket is None:
                return None
            ticket.state, ticket.called_at, ticket.called_by = "called", now, actor.user_id
            audit.append(session, at=now, actor=str(actor.user_id), action="ticket.called", entity_type="ticket",
                         entity_id=f"{ticket.day:%Y%m%d}-{ticket.number}", details={})
            return _view(ticket, 0)

    def finish(self, ticket_id: int, state: str = "served") -> None:
        with self.store.write() as session:
            ticket = session.get(QueueTicket, ticket_id)
            if ticket is None:
                raise NotFound("没有这张排队号。", "No such queue ticket.")
            ticket.state = state

    def _waiting_count(self, session: object, day: date) -> int:
        return session.execute(  # type: ignore[attr-defined]
            select(func.count()).select_from(QueueTicket).where(
                QueueTicket.station_code == self.station_code, QueueTicket.day == day,
                QueueTicket.state == "waiting")
        ).scalar_one()


def _view(ticket: QueueTicket, ahead: int) -> TicketView:
    return TicketView(ticket.id, ticket.number, ticket.day, ticket.transaction_code, ticket.state, ticket.issued_at,
                      ahead, ahead * AVERAGE_SERVICE_MINUTES)
