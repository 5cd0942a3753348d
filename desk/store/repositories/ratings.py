"""Service ratings (好差评): the case a rating is bound to, whether it was rated, new ratings and the
station's ratings with a follow-up still open."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desk.store.models import Case, Citizen, ServiceRating


@dataclass(frozen=True)
class RatingRepository:
    session: Session

    def case(self, case_number: str, *, for_update: bool = False) -> Case | None:
        """The case of that number (its row locked when `for_update`: one rating per case)."""
        query = select(Case).where(Case.number == case_number)
        if for_update:
            query = query.with_for_update(of=Case)
        return self.session.execute(query).scalar_one_or_none()

    def is_rated(self, case_id: int) -> bool:
        rated = self.session.execute(select(ServiceRating.id).where(ServiceRating.case_id == case_id)).first()
        return rated is not None

    def applicant_phone(self, citizen_id: int) -> str | None:
        return self.session.execute(select(Citizen.phone).where(Citizen.id == citizen_id)).scalar_one_or_none()

    def add(self, rating: ServiceRating) -> ServiceRating:
        """Add a new rating and flush, so that its id is known."""
        self.session.add(rating)
        self.session.flush()
        return rating

    def rated_case_numbers(self, case_numbers: list[str]) -> set[str]:
        return set(self.session.execute(
            select(Case.number).join(ServiceRating, ServiceRating.case_id == Case.id)
            .where(Case.number.in_(case_numbers))).scalars())

    def open_follow_ups(self, station_code: str) -> Sequence[Row[ServiceRating, str | None]]:
        """(rating, case number) of the station's ratings whose follow-up is open, soonest due first."""
        return self.session.execute(
            select(ServiceRating, Case.number)
            .outerjoin(Case, ServiceRating.case_id == Case.id)
            .where(ServiceRating.station_code == station_code, ServiceRating.follow_up_state == "open")
            .order_by(ServiceRating.follow_up_due)
        ).all()
