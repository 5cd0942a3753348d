"""Queue tickets (排队号): taken at a kiosk or the desk, called by a clerk to a window (叫号), recalled,
marked no-show (过号) or transferred to another window, linked to the case they became; the hall
screen's board of current calls. Each change is one transaction, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from desk.domain.catalog import Catalog, Category
from desk.domain.clock import Clock, local_date
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.numbering import next_sequence
from desk.store.database import Store
from desk.store.models import Counter, QueueTicket
from desk.store.repositories.queue import QueueRepository

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


# Who is called first (优先窗口): the reasons a citizen goes ahead of the queue.
PRIORITY_REASONS: dict[str, str] = {"elder": "老年人", "disabled": "残疾人", "soldier": "现役军人、军属",
                                    "pregnant": "孕妇", "declared": "自述需要优先（窗口核实）"}
# 《老年人权益保障法》第二条: 老年人 are citizens of sixty and over.
ELDER_AGE = 60
TICKET_STATES = ("waiting", "called", "served", "no_show", "cancelled")


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
    counter_number: int | None = None
    priority: str = ""
    recalls: int = 0
    case_number: str | None = None
    called_at: datetime | None = None


@dataclass(frozen=True)
class CounterView:
    number: int
    name_zh: str
    letters: str  # ticket letters it calls; "" = every one

    def takes(self, ticket_number: str) -> bool:
        return not self.letters or ticket_number[:1] in self.letters


@dataclass(frozen=True)
class HallCall:
    """One window's current call, as the hall screen shows and speaks it."""

    number: str
    counter_number: int
    counter_name: str
    called_at: datetime
    recalls: int

    @property
    def announcement_zh(self) -> str:
        return f"请 {_spoken(self.number)} 号，到 {self.counter_name} 办理。"


@dataclass(frozen=True)
class HallWindow:
    """One window on the hall screen: its name and the number it is serving (None: free)."""

    counter_number: int
    name_zh: str
    serving: str | None


@dataclass(frozen=True)
class HallBoard:
    station_name: str
    calls: tuple[HallCall, ...]  # the newest first, one per window
    upcoming: tuple[str, ...]  # the next numbers, in calling order
    waiting: int
    windows: tuple[HallWindow, ...] = ()  # every open window, by number
    station_name_en: str = ""  # the station's English name where it has one (`desk station add … --name-en`)


@dataclass
class QueueService:
    store: Store
    catalog: Catalog
    clock: Clock
    station_code: str
    counter_number: int | None = None  # this desk's own window (settings), used when a call names none

    # ---- the windows ----------------------------------------------------------------------------

    def set_counter(self, number: int, name_zh: str, letters: str = "") -> CounterView:
        """Add or change a window; `letters` are the ticket letters it calls (A…G; empty: all)."""
        letters = "".join(sorted(set(letters.upper())))
        known = {*CATEGORY_LETTERS.values(), GENERAL_LETTER}
        if number < 1 or not name_zh.strip() or set(letters) - known:
            raise InvalidInput.say("queue.bad_counter", letters="".join(sorted(known)))
        with self.store.write() as session:
            queue = QueueRepository(session)
            counter = queue.counter(self.station_code, number)
            if counter is None:
                counter = Counter(station_code=self.station_code, number=number, name_zh=name_zh.strip(),
                                  letters=letters, active=True)
                queue.add_counter(counter)
            else:
                counter.name_zh, counter.letters, counter.active = name_zh.strip(), letters, True
            audit.append(session, at=self.clock.now(), actor="desk", action="counter.set", entity_type="counter",
                         entity_id=f"{self.station_code}-{number}", details={"name": name_zh, "letters": letters})
            return CounterView(number, counter.name_zh, letters)

    def counters(self) -> list[CounterView]:
        with self.store.read() as session:
            counters = QueueRepository(session).active_counters(self.station_code)
            return [CounterView(c.number, c.name_zh, c.letters) for c in counters]

    # ---- tickets ----------------------------------------------------------------------------------

    def take_ticket(self, transaction_code: str | None, *, citizen_id_number: str | None = None,
                    kiosk_code: str | None = None, priority: str = "",
                    case_number: str | None = None) -> TicketView:
        """`case_number`: the ticket is taken for that case (取号补交 at the kiosk) and linked to it from
        the start, as `link_case` links a called ticket at the desk."""
        now = self.clock.now()
        day = local_date(now)
        if priority and priority not in PRIORITY_REASONS:
            raise InvalidInput.say("queue.bad_priority", reasons="、".join(PRIORITY_REASONS.values()))
        letter = GENERAL_LETTER
        if transaction_code is not None:
            transaction = self.catalog.get(transaction_code)
            if transaction is None:
                raise NotFound.say("catalog.unknown_transaction", transaction=transaction_code)
            letter = CATEGORY_LETTERS.get(str(transaction.category), GENERAL_LETTER)
        with self.store.write() as session:
            sequence = next_sequence(session, self.station_code, day, kind=f"q{letter}")
            queue = QueueRepository(session)
            citizen_id = None
            if citizen_id_number:
                citizen_id = queue.citizen_id(citizen_id_number)
            ahead = queue.waiting_count(self.station_code, day)
            ticket = QueueTicket(station_code=self.station_code, day=day, number=f"{letter}{sequence:03d}",
                                 transaction_code=transaction_code, citizen_id=citizen_id, kiosk_code=kiosk_code,
                                  state="waiting", issued_at=now, priority=priority, case_number=case_number)
            queue.add_ticket(ticket)
            audit.append(session, at=now, actor=kiosk_code or "desk", action="ticket.issued",
                         entity_type="ticket", entity_id=_label(ticket),
                         details={"transaction": transaction_code, "priority": priority,
                                  **({"case": case_number} if case_number else {})})
            return _view(ticket, ahead)

    def waiting(self) -> list[TicketView]:
        """Today's waiting tickets in calling order: priority first, then by the time taken."""
        day = self.clock.today()
        with self.store.read() as session:
            return [_view(t, ahead) for ahead, t in enumerate(QueueRepository(session).waiting(self.station_code, day))]

    def call_next(self, actor: Actor, counter: int | None = None) -> TicketView | None:
        """The next ticket this window takes becomes 'called' to it (by this clerk); None when nobody
        waits for it. Priority tickets first, then the oldest; a ticket transferred to another window
        waits for that window only."""
        now = self.clock.now()
        counter = counter if counter is not None else self.counter_number
        with self.store.write() as session:
            window = self._counter(session, counter) if counter is not None else None
            for ticket in QueueRepository(session).waiting(self.station_code, local_date(now), lock=True):
                if ticket.for_counter is not None and ticket.for_counter != counter:
                    continue
                if window is not None and ticket.for_counter is None and not window.takes(ticket.number):
                    continue
                ticket.state, ticket.called_at, ticket.called_by = "called", now, actor.user_id
                ticket.counter_number, ticket.for_counter = counter, None
                self._audit(session, actor, "ticket.called", ticket, {"counter": counter})
                return _view(ticket, 0)
            return None

    def recall(self, actor: Actor, ticket_id: int) -> TicketView:
        """Call the same number again (the citizen did not come yet): the hall screen repeats it."""
        with self.store.write() as session:
            ticket = self._ticket(session, ticket_id, "called")
            ticket.recalls += 1
            ticket.called_at = self.clock.now()
            self._audit(session, actor, "ticket.recalled", ticket, {"recalls": ticket.recalls})
            return _view(ticket, 0)

    def no_show(self, actor: Actor, ticket_id: int) -> TicketView:
        """过号: called and not come; the next number can be called."""
        return self._finish(actor, ticket_id, "no_show", "ticket.no_show")

    def transfer(self, actor: Actor, ticket_id: int, to_counter: int) -> TicketView:
        """The citizen is sent to another window: the ticket waits for that window, keeping its place."""
        with self.store.write() as session:
            ticket = self._ticket(session, ticket_id, "called")
            self._counter(session, to_counter)
            ticket.state, ticket.for_counter, ticket.counter_number = "waiting", to_counter, None
            self._audit(session, actor, "ticket.transferred", ticket, {"to_counter": to_counter})
            return _view(ticket, 0)

    def link_case(self, actor: Actor, ticket_id: int, case_number: str) -> TicketView:
        """The called ticket became this case (its wait and service time then count for the case)."""
        with self.store.write() as session:
            ticket = self._ticket(session, ticket_id)
            ticket.case_number = case_number
            self._audit(session, actor, "ticket.linked", ticket, {"case": case_number})
            return _view(ticket, 0)

    def finish(self, ticket_id: int, state: str = "served", actor: Actor | None = None) -> None:
        if state not in ("served", "no_show", "cancelled"):
            raise InvalidInput.say("queue.bad_end", state=state)
        with self.store.write() as session:
            ticket = self._ticket(session, ticket_id)
            ticket.state, ticket.finished_at = state, self.clock.now()
            self._audit(session, actor, f"ticket.{state}", ticket, {})

    # ---- the hall screen ----------------------------------------------------------------------------

    def hall_board(self, upcoming: int = 6) -> HallBoard:
        """What the hall's calling screen shows: each window's current call, the next numbers."""
        day = self.clock.today()
        with self.store.read() as session:
            queue = QueueRepository(session)
            station = queue.station(self.station_code)
            names = {c.number: c.name_zh for c in queue.active_counters(self.station_code)}
            called = queue.called(self.station_code, day)
            calls: list[HallCall] = []
            seen: set[int] = set()
            for ticket in called:
                number = ticket.counter_number
                if number is None or number in seen or ticket.called_at is None:
                    continue
                seen.add(number)
                calls.append(HallCall(ticket.number, number, names.get(number, f"{number}号窗口"),
                                      ticket.called_at, ticket.recalls))
            waiting = queue.waiting(self.station_code, day)
            serving = {call.counter_number: call.number for call in calls}
            windows = tuple(HallWindow(number, name, serving.get(number)) for number, name in names.items())
            return HallBoard(station.name_zh if station else "", tuple(calls),
                             tuple(t.number for t in waiting[:upcoming]), len(waiting), windows,
                             station.name_en if station else "")

    # ---- helpers ------------------------------------------------------------------------------------

    def _counter(self, session: Session, number: int) -> CounterView:
        counter = QueueRepository(session).counter(self.station_code, number)
        if counter is None or not counter.active:
            raise NotFound.say("queue.no_counter", number=number)
        return CounterView(counter.number, counter.name_zh, counter.letters)

    def _ticket(self, session: Session, ticket_id: int, state: str | None = None) -> QueueTicket:
        ticket = QueueRepository(session).ticket(ticket_id)
        if ticket is None or ticket.station_code != self.station_code:
            raise NotFound.say("queue.no_ticket")
        if state is not None and ticket.state != state:
            raise InvalidInput.say("queue.ticket_state", number=ticket.number, state=ticket.state)
        return ticket

    def _finish(self, actor: Actor, ticket_id: int, state: str, action: str) -> TicketView:
        with self.store.write() as session:
            ticket = self._ticket(session, ticket_id, "called")
            ticket.state, ticket.finished_at = state, self.clock.now()
            self._audit(session, actor, action, ticket, {})
            return _view(ticket, 0)

    def _audit(self, session: Session, actor: Actor | None, action: str, ticket: QueueTicket,
               details: dict[str, object]) -> None:
        audit.append(session, at=self.clock.now(), actor=str(actor.user_id) if actor else "desk", action=action,
                     entity_type="ticket", entity_id=_label(ticket), details=details)


def _label(ticket: QueueTicket) -> str:
    return f"{ticket.day:%Y%m%d}-{ticket.number}"


_DIGITS_ZH = "零一二三四五六七八九"


def _spoken(number: str) -> str:
    """A001 → "A零零一": digits read one by one, as halls call them."""
    return "".join(_DIGITS_ZH[int(c)] if c.isdigit() else c for c in number)


def _view(ticket: QueueTicket, ahead: int) -> TicketView:
    return TicketView(ticket.id, ticket.number, ticket.day, ticket.transaction_code, ticket.state, ticket.issued_at,
                      ahead, ahead * AVERAGE_SERVICE_MINUTES, ticket.counter_number, ticket.priority or "",
                      ticket.recalls or 0, ticket.case_number, ticket.called_at)
