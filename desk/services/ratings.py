"""Service ratings (好差评): the five official levels, tied to a case number where there is one.
A rating of 不满意 or worse opens a follow-up for the station manager, due in 15 working days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import select

from desk.domain.clock import Clock, local_date
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor
from desk.services import audit
from desk.store.database import Store
from desk.store.models import Case, ServiceRating

FOLLOW_UP_WORKING_DAYS = 15


class RatingLevel(StrEnum):
    VERY_SATISFIED = "very_satisfied"
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"
    VERY_DISSATISFIED = "very_dissatisfied"

    @property
    def label_zh(self) -> str:
        return {
            "very_satisfied": "非常满意", "satisfied": "满意", "basically_satisfied": "基本满意",
            "dissatisfied": "不满意", "very_dissatisfied": "非常不满意",
        }[self.value]

    @property
    def needs_follow_up(self) -> bool:
        return self in (RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED)


@dataclass(frozen=True)
class RatingView:
    id: int
    level: RatingLevel
    case_number: str | None
    reason: str | None
    follow_up_due: date | None
    follow_up_state: str | None


@dataclass
class RatingService:
    store: Store
    calendar: WorkingCalendar
    clock: Clock
    station_code: str

    def rate(self, level: RatingLevel, *, case_number: str | None = None, reason: str | None = None,
             kiosk_code: str | None = None) -> RatingView:
        now = self.clock.now()
        reason = (reason or "").strip() or None
        follow_up_due = None
        if level.needs_follow_up:
            follow_up_due = self.calendar.add_working_days(local_date(now), FOLLOW_UP_WORKING_DAYS).due_date
        with self.store.write() as session:
            case_id = None
            if case_number:
                case_id = session.execute(select(Case.id).where(Case.number == case_number)).scalar_one_or_none()
                if case_id is None:
                    raise NotFound(f"没有申请 {case_number}，无法评价。", f"No case {case_number} to rate.")
            rating = ServiceRating(case_id=case_id, station_code=self.station_code, level=level.value, reason=reason,
                                   at=now, kiosk_code=kiosk_code, follow_up_due=follow_up_due,
                                   follow_up_state="open" if follow_up_due else None)
            session.add(rating)
            session.flush()
            audit.append(session, at=now, actor=kiosk_code or "citizen", action="rating.given", entity_type="rating",
                         entity_id=str(rating.id), details={"level": level.value, "case": case_number})
            return RatingView(rating.id, level, case_number, reason, follow_up_due, rating.follow_up_state)

    def open_follow_ups(self) -> list[RatingView]:
        with self.store.read() as session:
            rows = session.execute(
                select(ServiceRating, Case.number)
                .outerjoin(Case, ServiceRating.case_id == Case.id)
                .where(ServiceRating.station_code == self.station_code, ServiceRating.follow_up_state == "open")
                .order_by(ServiceRating.follow_up_due)
            ).all()
            return [RatingView(r.id, RatingLevel(r.level), number, r.reason, r.follow_up_due, r.follow_up_state)
                    for r, number in rows]

    def close_follow_up(self, actor: Actor, rating_id: int, note: str) -> None:
        if not note.strip():
            raise InvalidInput("请填写整改情况。", "Say what was done about it.")
        with self.store.write() as session:
            rating = session.get(ServiceRating, rating_id)
            if rating is None or rating.follow_up_state != "open":
                raise NotFound("没有待整改的评价。", "No open follow-up with that id.")
            rating.follow_up_state = "done"
            audit.append(session, at=self.clock.now(), actor=str(actor.user_id), action="rating.follow_up_closed",
                         entity_type="rating", entity_id=str(rating_id), details={"note": note.strip()})
