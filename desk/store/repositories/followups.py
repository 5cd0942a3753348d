"""Bad ratings' follow-ups (差评整改): the follow-ups of a station, their steps, and the ratings and
names a follow-up's view and the monthly report read alongside."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desk.store.models import Case, FollowUpStepEntry, RatingFollowUp, ServiceRating, Station, User


@dataclass(frozen=True)
class FollowUpRepository:
    session: Session

    def get(self, follow_up_id: int) -> RatingFollowUp | None:
        return self.session.get(RatingFollowUp, follow_up_id)

    def for_change(self, follow_up_id: int) -> RatingFollowUp | None:
        """The follow-up, its row locked until the transaction ends (a concurrent step waits)."""
        return self.session.execute(select(RatingFollowUp).where(RatingFollowUp.id == follow_up_id)
                                    .with_for_update()).scalar_one_or_none()

    def add(self, follow_up: RatingFollowUp) -> RatingFollowUp:
        """Add a new follow-up and flush, so that its id is known."""
        self.session.add(follow_up)
        self.session.flush()
        return follow_up

    def add_step(self, entry: FollowUpStepEntry) -> None:
        self.session.add(entry)

    def of_station(self, station_code: str, *, open_only: bool, closed_step: str) -> list[RatingFollowUp]:
        """The station's follow-ups (only those not at `closed_step` when `open_only`), soonest due first."""
        query = select(RatingFollowUp).where(RatingFollowUp.station_code == station_code)
        if open_only:
            query = query.where(RatingFollowUp.step != closed_step)
        return list(self.session.execute(query.order_by(RatingFollowUp.due_date, RatingFollowUp.id)).scalars().all())

    def dates_opened_until(self, station_code: str, last: date) -> Sequence[Row[date, date, date | None]]:
        """(opened on, due date, closed on) of every follow-up the station opened up to `last`."""
        return self.session.execute(
            select(RatingFollowUp.opened_on, RatingFollowUp.due_date, RatingFollowUp.closed_on)
            .where(RatingFollowUp.station_code == station_code, RatingFollowUp.opened_on <= last)
        ).all()

    def of_ratings(self, rating_ids: list[int]) -> list[RatingFollowUp]:
        return list(self.session.execute(
            select(RatingFollowUp).where(RatingFollowUp.rating_id.in_(rating_ids))).scalars())

    def steps_of(self, follow_up_ids: list[int], step: str | None = None) -> list[FollowUpStepEntry]:
        """The recorded steps of these follow-ups (only `step` when given), in the order recorded."""
        query = select(FollowUpStepEntry).where(FollowUpStepEntry.follow_up_id.in_(follow_up_ids))
        if step is not None:
            query = query.where(FollowUpStepEntry.step == step)
        return list(self.session.execute(query.order_by(FollowUpStepEntry.id)).scalars())

    def rating(self, rating_id: int) -> ServiceRating | None:
        return self.session.get(ServiceRating, rating_id)

    def ratings_with_case_numbers(self, rating_ids: list[int]) -> list[tuple[ServiceRating, str | None]]:
        return [(rating, number) for rating, number in self.session.execute(
            select(ServiceRating, Case.number).outerjoin(Case, ServiceRating.case_id == Case.id)
            .where(ServiceRating.id.in_(rating_ids)))]

    def active_users_in_roles(self, station_code: str, roles: Sequence[str]) -> Sequence[Row[int, str, str]]:
        """(id, display name, role) of the station's active users in these roles, by name."""
        return self.session.execute(
            select(User.id, User.display_name, User.role)
            .where(User.station_code == station_code, User.active.is_(True), User.role.in_(list(roles)))
            .order_by(User.display_name, User.id)).all()

    def user_names(self) -> dict[int, str]:
        """Every user's display name by id."""
        return {uid: name for uid, name in self.session.execute(select(User.id, User.display_name))}

    def station(self, station_code: str) -> Station | None:
        return self.session.get(Station, station_code)

    def month_levels(self, station_code: str, start: datetime,
                     end: datetime) -> Sequence[Row[str, int | None, int | None, str | None]]:
        """(level, counter, clerk id, clerk name) of the station's ratings given in [start, end)."""
        return self.session.execute(
            select(ServiceRating.level, ServiceRating.counter_number, ServiceRating.clerk_id, User.display_name)
            .outerjoin(User, ServiceRating.clerk_id == User.id)
            .where(ServiceRating.station_code == station_code, ServiceRating.at >= start,
                   ServiceRating.at < end)
        ).all()

    def platform_rows(self, station_code: str, start: datetime,
                      end: datetime) -> Sequence[Row[ServiceRating, str | None, str | None, str | None]]:
        """(rating, case number, transaction code, clerk name) of the station's ratings in [start, end)."""
        return self.session.execute(
            select(ServiceRating, Case.number, Case.transaction_code, User.display_name)
            .outerjoin(Case, ServiceRating.case_id == Case.id)
            .outerjoin(User, ServiceRating.clerk_id == User.id)
            .where(ServiceRating.station_code == station_code, ServiceRating.at >= start,
                   ServiceRating.at < end)
            .order_by(ServiceRating.at, ServiceRating.id)
        ).all()
