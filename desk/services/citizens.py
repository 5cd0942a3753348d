"""Citizens as read from ID cards: register or refresh a record, look one up (every view audited)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from desk.domain.clock import Clock
from desk.domain.errors import NotFound
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.case_views import CitizenView
from desk.store.database import Store
from desk.store.models import Citizen, User

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
        """Create or refresh the citizen from a card read; the card is the authority on its fields."""
        now = self.clock.now()
        with self.store.write() as session:
            citizen = session.execute(
                select(Citizen).where(Citizen.id_number == facts.id_number)
            ).scalar_one_or_none()
            created = citizen is None
            if citizen is None:
                citizen = Citizen(id_number=facts.id_number, name=facts.name, updated_at=now)
                session.add(citizen)
            citizen.name = facts.name
            for attr in ("sex", "nation", "birth_date", "address", "issuing_authority", "valid_from",
                         "valid_to", "card_type", "photo_wlt"):
                value = getattr(facts, attr)
                if value not in (None, ""):
                    setattr(citizen, attr, value)
            if facts.phone:
                citizen.phone = facts.phone
            citizen.updated_at = now
            session.flush()
            audit.append(session, at=now, actor=_label(session, actor), action=f"citizen.{source}_read",
                         entity_type="citizen", entity_id=facts.id_number, details={"created": created})
            return CitizenView.of(citizen)

    def set_register_facts(self, actor: Actor | None, id_number: str, *, household_head: str,
                           relationship_to_head: str, registered_on: date | None, former_names: str = "") -> None:
        """Facts of the household register (not on the card) that a household certificate certifies."""
        with self.store.write() as session:
            citizen = session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()
            if citizen is None:
                raise NotFound(f"没有身份证号为 {id_number} 的人员记录。", f"No citizen with ID number {id_number}.")
            citizen.household_head, citizen.relationship_to_head = household_head, relationship_to_head
            citizen.registered_on, citizen.former_names = registered_on, former_names
            citizen.updated_at = self.clock.now()
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.register_updated",
                         entity_type="citizen", entity_id=id_number, details={"household_head": household_head})

    def view(self, actor: Actor | None, id_number: str, *, purpose: str = "desk") -> CitizenView:
        """Show one citizen's record; the view itself goes into the audit log."""
        with self.store.write() as session:
            citizen = session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()
            if citizen is None:
                raise NotFound(f"没有身份证号为 {id_number} 的人员记录。", f"No citizen with ID number {id_number}.")
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.viewed",
                         entity_type="citizen", entity_id=id_number, details={"purpose": purpose})
            return CitizenView.of(citizen)

    def search(self, actor: Actor | None, text: str, limit: int = 50) -> list[CitizenView]:
        """By ID number (whole or leading digits) or name (part); the search is audited."""
        text = text.strip()
        if not text:
            return []
        with self.store.write() as session:
            rows = session.execute(
                select(Citizen)
                .where(or_(Citizen.id_number.startswith(text.upper()), Citizen.name.contains(text)))
                .order_by(Citizen.name)
                .limit(limit)
            ).scalars().all()
            audit.append(session, at=self.clock.now(), actor=_label(session, actor), action="citizen.searched",
                         entity_type="citizen", entity_id="*", details={"query": text, "results": len(rows)})
            return [CitizenView.of(c) for c in rows]


def _label(session: object, actor: Actor | None) -> str:
    if actor is None:
        return "kiosk"
    user = session.get(User, actor.user_id)  # type: ignore[attr-defined]
    return user.username if user is not None else f"user#{actor.user_id}"
