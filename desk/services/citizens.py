"""Citizens as read from ID cards: register or refresh a record, look one up (every view audited)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desk.domain.clock import Clock
from desk.domain.errors import NotFound
from desk.domain.identity import InvalidIdentity, PersonFacts, check_date, check_name, check_person, check_text
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.case_views import CitizenView
from desk.store.citizen_search import CitizenQuery
from desk.store.database import Store
from desk.store.models import Citizen
from desk.store.repositories.citizen_lookup import CitizenLookupRepository
from desk.store.repositories.citizens import CitizenRepository

if TYPE_CHECKING:
    from desk.devices.card import IdCard


@dataclass(frozen=True)
class CardFacts:
    """What an ID card (or the clerk typing) tells us about a person."""

    id_number: str
    name: str
    sex: str = ""
    nation: str = ""
    birth_date: date | None = None
    address: str = ""
    issuing_authority: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    card_type: str = "resident"
    photo_wlt: bytes | None = None
    phone: str = ""

    @classmethod
    def from_card(cls, card: IdCard) -> CardFacts:
        """What a card read by the reader (desk or kiosk) tells, photo included."""
        return cls(
            id_number=card.id_number, name=card.name, sex=card.sex, nation=card.nation, birth_date=card.birth_date,
            address=card.address, issuing_authority=card.issuing_authority, valid_from=card.valid_from,
            valid_to=card.valid_to, card_type=card.card_type, photo_wlt=card.photo_wlt or None,
        )


@dataclass
class CitizenService:
    store: Store
    clock: Clock

    def register_card(self, actor: Actor | None, facts: CardFacts, *, source: str = "card") -> CitizenView:
        """Create or refresh the citizen from a card read (or typed facts), after the one identity check.

        The card is the authority on its fields at the desk. A kiosk read never overwrites stored
        facts: a difference is kept in `card_difference` for the desk to look at (and audited).
        Two desks registering the same new citizen at once both succeed: the loser of the insert
        race retries as an update (an upsert that works alike on SQLite and PostgreSQL)."""
        checked = check_person(
            id_number=facts.id_number, name=facts.name, today=self.clock.today(), sex=facts.sex,
            nation=facts.nation, birth_date=facts.birth_date, address=facts.address,
            issuing_authority=facts.issuing_authority, valid_from=facts.valid_from, valid_to=facts.valid_to,
            card_type=facts.card_type, phone=facts.phone,
        )
        for attempt in range(2):
            try:
                return self._register(actor, checked, facts.photo_wlt, source)
            except IntegrityError as exc:
                if attempt == 0 and _is_duplicate(exc):
                    continue  # another desk inserted this citizen a moment ago: update theirs
                rejected = InvalidIdentity.say("citizen.rejected_by_store", code="identity_rejected_by_store")
                rejected.field = ""
                raise rejected from exc
        raise AssertionError("unreachable")

    def _register(self, actor: Actor | None, facts: PersonFacts, photo_wlt: bytes | None,
                  source: str) -> CitizenView:
        now = self.clock.now()
        with self.store.write() as session:
            citizens = CitizenRepository(session)
            citizen = citizens.by_id_number(facts.id_number)
            created = citizen is None
            details: dict[str, object] = {"created": created}
            values: dict[str, object] = {attr: getattr(facts, attr) for attr in _CARD_FIELDS}
            values["photo_wlt"] = photo_wlt
            if citizen is None:
                citizen = Citizen(id_number=facts.id_number, name=facts.name, updated_at=now)
                citizens.add(citizen)  # the insert race is lost here, not at commit
            if source == "kiosk_card" and not created:
                difference = {
                    attr: _plain(value) for attr, value in values.items()
                    if attr != "photo_wlt" and value not in (None, "") and getattr(citizen, attr) != value
                }
                if difference:
                    citizen.card_difference = difference
                    details["difference"] = sorted(difference)
            else:
                for attr, value in values.items():
                    if value not in (None, ""):
                        setattr(citizen, attr, value)
                if facts.phone:
                    citizen.phone = facts.phone
                if source != "kiosk_card":
                    citizen.card_difference = None  # the desk has now read the card itself
            citizen.updated_at = now
            session.flush()
            audit.append(session, at=now, actor=_label(session, actor), action=f"citizen.{source}_read",
                         entity_type="citizen", entity_id=facts.id_number, details=details)
            return CitizenView.of(citizen)

    def record_face_check(self, actor: Actor, id_number: str, *, matches: bool, photo_shown: bool) -> None:
        """人证一致: the clerk compared the person at the window with the card (its photo when the
        licensed decoder shows it). Audited either way — ticked or taken back."""
        with self.store.write() as session:
            citizen = CitizenRepository(session).by_id_number(id_number)
            if citizen is None:
                raise NotFound.say("citizen.not_found", id_number=id_number)
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.face_checked",
                         entity_type="citizen", entity_id=id_number,
                         details={"matches": matches, "photo_shown": photo_shown})

    def set_register_facts(self, actor: Actor | None, id_number: str, *, household_head: str,
                           relationship_to_head: str, registered_on: date | None, former_names: str = "") -> None:
        """Facts of the household register (not on the card) that a household certificate certifies."""
        household_head = check_name(household_head, field="household_head", label="word.person.household_head",
                                    required=False)
        relationship_to_head = check_text(relationship_to_head, field="relationship_to_head",
                                          label="word.person.relationship_to_head", max_length=20)
        former_names = check_text(former_names, field="former_names", label="word.person.former_names",
                                  max_length=120)
        registered_on = check_date(registered_on, field="registered_on", label="word.person.registered_on",
                                   today=self.clock.today(), not_after_today=True)
        with self.store.write() as session:
            citizen = CitizenRepository(session).by_id_number(id_number)
            if citizen is None:
                raise NotFound.say("citizen.not_found", id_number=id_number)
            citizen.household_head, citizen.relationship_to_head = household_head, relationship_to_head
            citizen.registered_on, citizen.former_names = registered_on, former_names
            citizen.updated_at = self.clock.now()
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.register_updated",
                         entity_type="citizen", entity_id=id_number, details={"household_head": household_head})

    def view(self, actor: Actor | None, id_number: str, *, purpose: str = "desk") -> CitizenView:
        """Show one citizen's record; the view itself goes into the audit log (durably, before the
        record is returned): a clerk's view is two statements (`audit.append_to_read`), on PostgreSQL
        with no transaction around them."""
        if actor is not None:
            with self._audited_read() as session:
                recorded = audit.append_to_read(
                    session, actor.user_id, at=self.clock.now(), action="citizen.viewed", entity_type="citizen",
                    entity_id=id_number, details={"purpose": purpose},
                    row=CitizenLookupRepository.view_read(id_number))
            if recorded is not None:
                _, columns = recorded
                if columns is None:
                    raise NotFound.say("citizen.not_found", id_number=id_number)
                return CitizenView.of_columns(columns)
        with self.store.write() as session:
            citizen = CitizenRepository(session).by_id_number(id_number)
            if citizen is None:
                raise NotFound.say("citizen.not_found", id_number=id_number)
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.viewed",
                         entity_type="citizen", entity_id=id_number, details={"purpose": purpose})
            return CitizenView.of(citizen)

    def _audited_read(self) -> AbstractContextManager[Session]:
        """A read whose only write is its audit entry: on PostgreSQL statements that each commit, on
        SQLite a write transaction (its lock is what keeps the chain's head still)."""
        return self.store.write() if self.store.is_sqlite else self.store.unbracketed()

    def search(self, actor: Actor | None, text: str, limit: int = 50) -> list[CitizenView]:
        """By ID number (whole or leading digits), pinyin initials, name (leading characters) or any
        three or more characters of name or address (see desk/store/citizen_search.py); audited."""
        query = CitizenQuery.parse(text)
        if query is None:
            return []
        text = text.strip()
        if actor is not None:
            # The search, then its entry in two statements (`audit.append_to_read`).
            with self._audited_read() as session:
                rows = CitizenRepository(session).search(query, limit)
                views = [CitizenView.of_columns(row._asdict()) for row in rows]
                recorded = audit.append_to_read(
                    session, actor.user_id, at=self.clock.now(), action="citizen.searched", entity_type="citizen",
                    entity_id="*", details={"query": text, "results": len(views)})
            if recorded is not None:
                return views
        with self.store.write() as session:
            rows = CitizenRepository(session).search(query, limit)
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.searched",
                         entity_type="citizen", entity_id="*", details={"query": text, "results": len(rows)})
            return [CitizenView.of_columns(row._asdict()) for row in rows]


_CARD_FIELDS = ("name", "sex", "nation", "birth_date", "address", "issuing_authority", "valid_from", "valid_to",
                "card_type")


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _is_duplicate(exc: IntegrityError) -> bool:
    text = str(exc.orig).lower()
    return "unique" in text or "duplicate" in text


def _label(session: Session, actor: Actor | None) -> str:
    if actor is None:
        return "kiosk"
    return audit.user_label(session, actor.user_id)
