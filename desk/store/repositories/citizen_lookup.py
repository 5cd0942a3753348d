"""Citizens as the cases, documents and verifications find them: by ID number or id, the numbers taken
under a prefix, how many there are. (The clerk's search by typed text is `desk/store/citizen_search.py`;
the citizens' own use cases have their repository in `citizens.py`.)"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from desk.store.models import Citizen
from desk.store.repositories.audit_chain import RecordRead

# What a view of a record shows (`CitizenView`'s fields): all but the card's photo, which is read apart.
VIEW_COLUMNS = ("id", "id_number", "name", "sex", "nation", "birth_date", "address", "issuing_authority",
                "valid_from", "valid_to", "card_type", "phone", "household_head", "relationship_to_head",
                "registered_on", "former_names", "card_difference")
_VIEW_BY_ID_NUMBER = select(*(getattr(Citizen, name) for name in VIEW_COLUMNS)).where(
    Citizen.id_number == bindparam("viewed_id_number"))


@dataclass(frozen=True)
class CitizenLookupRepository:
    session: Session

    def get(self, citizen_id: int) -> Citizen | None:
        return self.session.get(Citizen, citizen_id)

    def by_id_number(self, id_number: str) -> Citizen | None:
        return self.session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()

    def view_columns(self, id_number: str) -> dict[str, Any] | None:
        """The columns a view shows (`VIEW_COLUMNS`) of the citizen with that ID number, None if absent."""
        row = self.session.connection().execute(_VIEW_BY_ID_NUMBER, {"viewed_id_number": id_number}).first()
        return None if row is None else dict(row._mapping)

    @staticmethod
    def view_read(id_number: str) -> RecordRead:
        """The columns a view shows of the citizen with that ID number (the unique index; `id` first),
        for the audited read's one statement."""
        return RecordRead(_VIEW_BY_ID_NUMBER, {"viewed_id_number": id_number})

    def id_numbers_starting(self, prefix: str) -> set[str]:
        """Every ID number in the register that starts with `prefix` (on the ID-number index)."""
        return set(self.session.execute(select(Citizen.id_number).where(Citizen.id_number.startswith(prefix))
                                        ).scalars())

    def count(self) -> int:
        return int(self.session.execute(select(func.count()).select_from(Citizen)).scalar_one())
