"""Service ratings (好差评): the five official levels, tied to a case number where there is one, and
then to the clerk who served it and the window (一次一评: one rating per case, a second is refused).
A rating of 不满意 or worse (a 差评) opens a follow-up (`desk/services/followups.py`) in the same
transaction, due in 15 working days, with the phone number the citizen left for the call back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from desk.domain.badges import shown_badge
from desk.domain.clock import Clock, local_date
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.followup import FOLLOW_UP_WORKING_DAYS, FollowUpStep
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services import audit
from desk.store.database import Store
from desk.store.models import RatingFollowUp, ServiceRating
from desk.store.repositories.followups import FollowUpRepository
from desk.store.repositories.ratings import RatingRepository
from desk.store.repositories.users import UserRepository

__all__ = ["BAD_RATING_REASONS", "FOLLOW_UP_WORKING_DAYS", "RatingLevel", "RatingService", "RatingSubject",
           "RatingView"]

# The reasons a citizen may tick for a bad rating (the evaluator shows them for 不满意 and below).
BAD_RATING_REASONS: tuple[str, ...] = ("服务态度不好", "办事效率低、等候时间长", "材料要求没有一次讲清",
                                       "多次跑腿", "办理结果不满意", "其他")
FINAL_STATES = frozenset({CaseState.COMPLETED.value, CaseState.NOT_ACCEPTED.value, CaseState.DENIED.value,
                          CaseState.WITHDRAWN.value})
# A mainland mobile number, or a landline with its area code (digits and one hyphen).
_PHONE = re.compile(r"1\d{10}|0\d{2,3}-?\d{7,8}")


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
    follow_up_id: int | None = None


@dataclass(frozen=True)
class RatingSubject:
    """What the citizen-facing evaluator shows: the case and whom it rates (一次一评)."""

    case_number: str
    transaction_code: str
    clerk_id: int | None
    clerk_name: str
    clerk_badge: str  # 工号: as the reports list the clerk
    already_rated: bool
    case_state: str = ""

    @property
    def decided(self) -> bool:
        """The case reached a final decision (办结, 不予受理, 不予批准, 撤回): the moment to ask."""
        return self.case_state in FINAL_STATES


@dataclass
class RatingService:
    store: Store
    calendar: WorkingCalendar
    clock: Clock
    station_code: str

    def subject(self, case_number: str) -> RatingSubject:
        """The case and the clerk a rating of it is bound to (the one who accepted it, else who opened it)."""
        with self.store.read() as session:
            ratings = RatingRepository(session)
            case = ratings.case(case_number)
            if case is None or case.station_code != self.station_code:
                raise NotFound.say("rating.no_case", number=case_number)
            clerk_id = case.accepted_by or case.created_by
            clerk = UserRepository(session).get(clerk_id) if clerk_id is not None else None
            rated = ratings.is_rated(case.id)
            return RatingSubject(case.number, case.transaction_code, clerk_id, clerk.display_name if clerk else "",
                                 shown_badge(clerk.badge_number if clerk else "", clerk_id), rated, case.state)

    def rate(self, level: RatingLevel, *, case_number: str | None = None, reason: str | None = None,
             kiosk_code: str | None = None, reasons: tuple[str, ...] = (), phone: str | None = None,
             counter_number: int | None = None, channel: str | None = None) -> RatingView:
        """One rating, audited; a case is rated once (the first rating stands, a second is refused).

        A bad rating opens its follow-up in the same transaction, with the phone number given here,
        else the applicant's own (the station must be able to call back)."""
        now = self.clock.now()
        reason = (reason or "").strip() or None
        phone = re.sub(r"[\s()]", "", phone or "") or None
        if phone is not None and not _PHONE.fullmatch(phone):
            raise InvalidInput.say("rating.bad_phone", phone=phone)
        unknown = [r for r in reasons if r not in BAD_RATING_REASONS]
        if unknown:
            raise InvalidInput.say("rating.unknown_reasons", reasons="、".join(unknown))
        if reasons and not level.needs_follow_up:
            raise InvalidInput.say("rating.reasons_only_when_bad")
        channel = channel or ("kiosk" if kiosk_code else "desk")
        follow_up_due = None
        if level.needs_follow_up:
            follow_up_due = self.calendar.add_working_days(local_date(now), FOLLOW_UP_WORKING_DAYS).due_date
        with self.store.write() as session:
            ratings = RatingRepository(session)
            case = None
            if case_number:
                case = ratings.case(case_number, for_update=True)
                if case is None:
                    raise NotFound.say("rating.no_case", number=case_number)
                if ratings.is_rated(case.id):
                    raise InvalidInput.say("rating.already_rated", number=case_number)
            clerk_id = (case.accepted_by or case.created_by) if case is not None else None
            if phone is None and follow_up_due is not None and case is not None:
                phone = ratings.applicant_phone(case.applicant_id) or None
            rating = ServiceRating(case_id=case.id if case else None, station_code=self.station_code,
                                   level=level.value, reason=reason, at=now, kiosk_code=kiosk_code,
                                   follow_up_due=follow_up_due, follow_up_state="open" if follow_up_due else None,
                                   clerk_id=clerk_id, counter_number=counter_number, reasons=list(reasons),
                                   phone=phone, channel=channel)
            ratings.add(rating)
            audit.append(session, at=now, actor=kiosk_code or "citizen", action="rating.given", entity_type="rating",
                         entity_id=str(rating.id),
                         details={"level": level.value, "case": case_number, "clerk": clerk_id,
                                  "counter": counter_number, "channel": channel, "reasons": list(reasons)})
            follow_up_id = None
            if follow_up_due is not None:
                follow_up = RatingFollowUp(rating_id=rating.id, station_code=self.station_code,
                                           opened_on=local_date(now), due_date=follow_up_due,
                                           step=FollowUpStep.VERIFY.value, phone=phone, version=1)
                FollowUpRepository(session).add(follow_up)
                follow_up_id = follow_up.id
                audit.append(session, at=now, actor="system", action="follow_up.opened", entity_type="follow_up",
                             entity_id=str(follow_up.id),
                             details={"rating": rating.id, "due": follow_up_due.isoformat()})
            return RatingView(rating.id, level, case_number, reason, follow_up_due, rating.follow_up_state,
                              follow_up_id)

    def rated_cases(self, case_numbers: list[str]) -> set[str]:
        """Which of these cases have been rated already (a case is rated once)."""
        if not case_numbers:
            return set()
        with self.store.read() as session:
            return RatingRepository(session).rated_case_numbers(case_numbers)

    def open_follow_ups(self) -> list[RatingView]:
        with self.store.read() as session:
            rows = RatingRepository(session).open_follow_ups(self.station_code)
            return [RatingView(r.id, RatingLevel(r.level), number, r.reason, r.follow_up_due, r.follow_up_state)
                    for r, number in rows]
