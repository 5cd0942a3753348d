"""差评整改闭环: the follow-ups bad ratings open (核实 → 整改 → 回访, or 申诉复核), each step one use
case and one audited transaction; the manager's list with deadlines and overdue; the counts the daily
and monthly reports print, the monthly rankings by window and clerk, and the export in the shape the
provincial 好差评 platform takes (docs/hall.md lists the fields).

Follow-ups are opened by `RatingService.rate` in the rating's own transaction (never separately)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from desk.domain.catalog import Catalog
from desk.domain.clock import CHINA_TZ, Clock, local_date
from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from desk.domain.followup import FollowUpStep, StepOutcome, record_step
from desk.domain.messages import Term
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, Role
from desk.services import audit
from desk.services.ratings import RatingLevel
from desk.store.database import Store
from desk.store.models import FollowUpStepEntry, RatingFollowUp
from desk.store.repositories.followups import FollowUpRepository
from desk.store.repositories.users import UserRepository

# Who runs the loop: the station's leaders and its manager (所长). A clerk is the one rated, never the
# one who verifies or reviews it ("谁办理、谁负责" makes the office answer, not the clerk alone).
FOLLOW_UP_ROLES = frozenset({Role.LEADER, Role.MANAGER})


@dataclass(frozen=True)
class StepView:
    step: FollowUpStep
    outcome: StepOutcome
    note: str
    actor_name: str
    at: datetime


@dataclass(frozen=True)
class FollowUpView:
    id: int
    rating_id: int
    level: RatingLevel
    case_number: str | None
    clerk_name: str
    counter_number: int | None
    reasons: tuple[str, ...]
    comment: str | None
    phone: str | None
    rated_at: datetime
    opened_on: date
    due_date: date
    step: FollowUpStep
    owner_id: int | None
    owner_name: str
    result: str | None
    closed_on: date | None
    version: int
    overdue: bool  # open past its due date, or closed after it
    working_days_left: int  # negative: overdue by that many working days
    steps: tuple[StepView, ...] = ()


@dataclass(frozen=True)
class OwnerChoice:
    """Someone who may be named 责任人 of a follow-up."""

    user_id: int
    name: str
    role: Role


@dataclass(frozen=True)
class FollowUpCounts:
    """The follow-up figures of a period, as the daily and monthly reports print them."""

    opened: int  # bad ratings given in the period
    closed: int  # follow-ups closed in the period
    closed_on_time: int
    open_at_end: int  # still open at the end of the period
    overdue_at_end: int  # of those, past their due date


@dataclass(frozen=True)
class RankingRow:
    """One window or clerk in the monthly ranking: its ratings and satisfaction."""

    key: str
    label: str
    ratings: int
    satisfied: int  # 非常满意 + 满意 + 基本满意
    bad: int  # 不满意 + 非常不满意
    satisfaction_rate: float | None


@dataclass(frozen=True)
class MonthlyRatings:
    year: int
    month: int
    counts: FollowUpCounts
    levels: dict[str, int]  # label_zh → count, all five
    by_counter: tuple[RankingRow, ...]
    by_clerk: tuple[RankingRow, ...]


# The provincial platform's fields, in its order (docs/hall.md, "Export to the 好差评 platform").
PLATFORM_FIELDS: tuple[str, ...] = (
    "evaluation_id", "station_code", "station_name", "service_item_code", "service_item_name", "case_number",
    "channel", "window_number", "staff_id", "staff_name", "evaluation_time", "level", "level_code", "reasons",
    "comment", "is_bad", "contact_phone", "rectify_state", "rectify_deadline", "rectify_result",
    "rectify_closed_on", "visit_result")
# The platform's grade codes: 5 = 非常满意 … 1 = 非常不满意.
LEVEL_CODES = {RatingLevel.VERY_SATISFIED: 5, RatingLevel.SATISFIED: 4, RatingLevel.BASICALLY_SATISFIED: 3,
               RatingLevel.DISSATISFIED: 2, RatingLevel.VERY_DISSATISFIED: 1}
_GOOD = (RatingLevel.VERY_SATISFIED, RatingLevel.SATISFIED, RatingLevel.BASICALLY_SATISFIED)


@dataclass
class FollowUpService:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    station_code: str

    # ---- the manager's list ---------------------------------------------------------------------

    def overview(self, *, open_only: bool = True) -> list[FollowUpView]:
        """Follow-ups of this station, the soonest due first (open ones first when all are asked)."""
        with self.store.read() as session:
            rows = FollowUpRepository(session).of_station(self.station_code, open_only=open_only,
                                                          closed_step=FollowUpStep.CLOSED.value)
            views = self._views(session, rows, with_steps=False)
        return sorted(views, key=lambda v: (v.step is FollowUpStep.CLOSED, v.due_date, v.id))

    def get(self, follow_up_id: int) -> FollowUpView:
        with self.store.read() as session:
            return self._views(session, [self._follow_up(session, follow_up_id)], with_steps=True)[0]

    # ---- the steps: one use case each -----------------------------------------------------------

    def assign(self, actor: Actor, follow_up_id: int, owner_id: int, version: int) -> FollowUpView:
        """Name who answers for this follow-up (责任人): one of `owners()`, the station's active leaders
        and manager; anyone else is refused and nothing changes."""
        self._check_role(actor)
        with self.store.write() as session:
            follow_up = self._for_change(session, follow_up_id, version)
            owner = UserRepository(session).get(owner_id)
            if owner is None or owner.station_code != self.station_code or not owner.active:
                raise NotFound.say("follow_up.no_such_user")
            if Role(owner.role) not in FOLLOW_UP_ROLES:  # the clerk rated never answers for the follow-up
                raise InvalidInput.say("follow_up.owner_not_leader", name=owner.display_name)
            follow_up.owner_id = owner_id
            follow_up.version += 1
            audit.append(session, at=self.clock.now(), actor=str(actor.user_id), action="follow_up.assigned",
                         entity_type="follow_up", entity_id=str(follow_up_id), details={"owner": owner_id})
            session.flush()
            return self._views(session, [follow_up], with_steps=True)[0]

    def record(self, actor: Actor, follow_up_id: int, step: FollowUpStep, outcome: StepOutcome, note: str,
               version: int) -> FollowUpView:
        """Record one step (核实, 整改, 回访 or 申诉复核) and what it found; the loop moves on by the rules
        of `desk.domain.followup`. The 回访 and 申诉复核 close it with their note as the result."""
        self._check_role(actor)
        step, outcome = FollowUpStep(step), StepOutcome(outcome)  # plain strings from a UI or the wire
        note = note.strip()
        if not note:
            raise InvalidInput.say("follow_up.write_what_was_found", step=Term(f"follow_up_step.{step.value}"))
        now = self.clock.now()
        with self.store.write() as session:
            follow_up = self._for_change(session, follow_up_id, version)
            done = record_step(FollowUpStep(follow_up.step), step, outcome)
            follow_ups = FollowUpRepository(session)
            follow_ups.add_step(FollowUpStepEntry(follow_up_id=follow_up_id, step=step.value, outcome=outcome.value,
                                                  note=note, actor_id=actor.user_id, at=now))
            follow_up.step = done.next_step.value
            follow_up.version += 1
            if follow_up.owner_id is None:
                follow_up.owner_id = actor.user_id
            if done.next_step is FollowUpStep.CLOSED:
                follow_up.result = f"{outcome.label_zh}：{note}"
                follow_up.closed_on = local_date(now)
                rating = follow_ups.rating(follow_up.rating_id)
                if rating is not None:
                    rating.follow_up_state = "done"
            audit.append(session, at=now, actor=str(actor.user_id), action=f"follow_up.{step.value}",
                         entity_type="follow_up", entity_id=str(follow_up_id),
                         details={"outcome": outcome.value, "note": note, "next": done.next_step.value})
            session.flush()
            return self._views(session, [follow_up], with_steps=True)[0]

    # ---- who may be named 责任人 (the manager's 指派 list) ------------------------------------------

    def owners(self) -> list[OwnerChoice]:
        """The station's active leaders and manager, by name: those `assign` is offered for (the clerk
        rated is never the one who answers for the follow-up)."""
        with self.store.read() as session:
            rows = FollowUpRepository(session).active_users_in_roles(
                self.station_code, [role.value for role in FOLLOW_UP_ROLES])
        return [OwnerChoice(row.id, row.display_name, Role(row.role)) for row in rows]

    # ---- reports ----------------------------------------------------------------------------------

    def counts(self, first: date, last: date) -> FollowUpCounts:
        """Bad ratings opened and follow-ups closed from `first` to `last` (local days, inclusive), and
        how many were open — and overdue — at the end of `last`."""
        with self.store.read() as session:
            rows = FollowUpRepository(session).dates_opened_until(self.station_code, last)
        end = min(last, self.clock.today())  # a month not over yet is counted as of today
        opened = sum(1 for r in rows if r.opened_on >= first)
        closed = [r for r in rows if r.closed_on is not None and first <= r.closed_on <= last]
        still_open = [r for r in rows if r.closed_on is None or r.closed_on > last]
        return FollowUpCounts(opened, len(closed), sum(1 for r in closed if r.closed_on <= r.due_date),
                              len(still_open), sum(1 for r in still_open if r.due_date < end))

    def monthly(self, year: int, month: int) -> MonthlyRatings:
        """The month's ratings by level, its follow-up counts and the rankings by window and clerk (the
        most satisfied first; the platform's monthly 排名通报)."""
        first = date(year, month, 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        with self.store.read() as session:
            rows = FollowUpRepository(session).month_levels(self.station_code, _day_start(first),
                                                            _day_start(last + timedelta(days=1)))
        levels = {level.label_zh: 0 for level in RatingLevel}
        for row in rows:
            levels[RatingLevel(row.level).label_zh] += 1
        by_counter = _ranking([(str(r.counter_number) if r.counter_number is not None else "",
                                f"{r.counter_number}号窗口" if r.counter_number is not None else "自助终端/未记录窗口",
                                RatingLevel(r.level)) for r in rows])
        by_clerk = _ranking([(str(r.clerk_id) if r.clerk_id is not None else "", r.display_name or "未记录经办人",
                              RatingLevel(r.level)) for r in rows])
        return MonthlyRatings(year, month, self.counts(first, last), levels, by_counter, by_clerk)

    def platform_records(self, first: date, last: date) -> list[dict[str, object]]:
        """Every rating from `first` to `last` as the provincial platform takes it (PLATFORM_FIELDS)."""
        with self.store.read() as session:
            repository = FollowUpRepository(session)
            station = repository.station(self.station_code)
            rows = repository.platform_rows(self.station_code, _day_start(first), _day_start(last + timedelta(days=1)))
            follow_ups = {f.rating_id: f for f in repository.of_ratings([r[0].id for r in rows])}
            visits = _last_outcomes(repository, [f.id for f in follow_ups.values()], FollowUpStep.REVISIT)
        records: list[dict[str, object]] = []
        for rating, case_number, transaction_code, clerk_name in rows:
            level = RatingLevel(rating.level)
            transaction = self.catalog.get(transaction_code) if transaction_code else None
            follow_up = follow_ups.get(rating.id)
            records.append({
                "evaluation_id": f"{self.station_code}-R{rating.id:08d}",
                "station_code": self.station_code,
                "station_name": station.name_zh if station else "",
                "service_item_code": transaction_code or "",
                "service_item_name": transaction.name_zh if transaction else "",
                "case_number": case_number or "",
                "channel": rating.channel,
                "window_number": rating.counter_number if rating.counter_number is not None else "",
                "staff_id": str(rating.clerk_id) if rating.clerk_id is not None else "",
                "staff_name": clerk_name or "",
                "evaluation_time": rating.at.astimezone(CHINA_TZ).isoformat(timespec="seconds"),
                "level": level.label_zh,
                "level_code": LEVEL_CODES[level],
                "reasons": "；".join(rating.reasons or []),
                "comment": rating.reason or "",
                "is_bad": 1 if level.needs_follow_up else 0,
                "contact_phone": rating.phone or "",
                "rectify_state": FollowUpStep(follow_up.step).label_zh if follow_up else "",
                "rectify_deadline": follow_up.due_date.isoformat() if follow_up else "",
                "rectify_result": (follow_up.result or "") if follow_up else "",
                "rectify_closed_on": follow_up.closed_on.isoformat() if follow_up and follow_up.closed_on else "",
                "visit_result": visits.get(follow_up.id, "") if follow_up else "",
            })
        return records

    def platform_export(self, first: date, last: date, kind: str) -> bytes:
        """The records as CSV (UTF-8 with BOM, header = PLATFORM_FIELDS) or JSON ({"records": [...]})."""
        records = self.platform_records(first, last)
        if kind == "json":
            document = {"format": "haochaping-v1", "station_code": self.station_code, "from": first.isoformat(),
                        "to": last.isoformat(), "fields": list(PLATFORM_FIELDS), "records": records}
            return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")
        if kind != "csv":
            raise InvalidInput.say("follow_up.export_kind", kind=kind)
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=PLATFORM_FIELDS, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(records)
        return ("\ufeff" + out.getvalue()).encode("utf-8")

    # ---- helpers ------------------------------------------------------------------------------------

    def _check_role(self, actor: Actor) -> None:
        if actor.role not in FOLLOW_UP_ROLES:
            raise PermissionDenied.say("follow_up.leader_only")

    def _follow_up(self, session: Session, follow_up_id: int) -> RatingFollowUp:
        follow_up = FollowUpRepository(session).get(follow_up_id)
        if follow_up is None or follow_up.station_code != self.station_code:
            raise NotFound.say("follow_up.not_found")
        return follow_up

    def _for_change(self, session: Session, follow_up_id: int, version: int) -> RatingFollowUp:
        follow_up = FollowUpRepository(session).for_change(follow_up_id)
        if follow_up is None or follow_up.station_code != self.station_code:
            raise NotFound.say("follow_up.not_found")
        if follow_up.version != version:
            raise ConcurrentChange.say("follow_up.conflict")
        return follow_up

    def _views(self, session: Session, follow_ups: Sequence[RatingFollowUp], *,
               with_steps: bool) -> list[FollowUpView]:
        if not follow_ups:
            return []
        today = self.clock.today()
        repository = FollowUpRepository(session)
        ratings = {r.id: (r, number) for r, number in
                   repository.ratings_with_case_numbers([f.rating_id for f in follow_ups])}
        names = repository.user_names()
        steps: dict[int, list[StepView]] = {}
        if with_steps:
            for entry in repository.steps_of([f.id for f in follow_ups]):
                steps.setdefault(entry.follow_up_id, []).append(StepView(
                    FollowUpStep(entry.step), StepOutcome(entry.outcome), entry.note,
                    names.get(entry.actor_id, str(entry.actor_id)), entry.at))
        views = []
        for f in follow_ups:
            rating, number = ratings[f.rating_id]
            end = f.closed_on or today
            left = self.calendar.working_days_between(today, f.due_date) if f.closed_on is None else 0
            views.append(FollowUpView(
                f.id, rating.id, RatingLevel(rating.level), number,
                names.get(rating.clerk_id, "") if rating.clerk_id is not None else "", rating.counter_number,
                tuple(rating.reasons or ()), rating.reason, f.phone, rating.at, f.opened_on, f.due_date,
                FollowUpStep(f.step), f.owner_id, names.get(f.owner_id, "") if f.owner_id is not None else "",
                f.result, f.closed_on, f.version, end > f.due_date, left, tuple(steps.get(f.id, ()))))
        return views


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, CHINA_TZ)


def _ranking(rows: list[tuple[str, str, RatingLevel]]) -> tuple[RankingRow, ...]:
    groups: dict[str, tuple[str, list[RatingLevel]]] = {}
    for key, label, level in rows:
        groups.setdefault(key, (label, []))[1].append(level)
    ranking = []
    for key, (label, levels) in groups.items():
        satisfied = sum(1 for level in levels if level in _GOOD)
        ranking.append(RankingRow(key, label, len(levels), satisfied, len(levels) - satisfied,
                                  round(satisfied / len(levels), 4) if levels else None))
    return tuple(sorted(ranking, key=lambda r: (-(r.satisfaction_rate or 0), -r.ratings, r.key)))


def _last_outcomes(repository: FollowUpRepository, follow_up_ids: list[int], step: FollowUpStep) -> dict[int, str]:
    found: dict[int, str] = {}
    if not follow_up_ids:
        return found
    for entry in repository.steps_of(follow_up_ids, step.value):
        found[entry.follow_up_id] = f"{StepOutcome(entry.outcome).label_zh}：{entry.note}"
    return found


def ranking_as_dicts(rows: Sequence[RankingRow]) -> list[dict[str, object]]:
    return [asdict(row) for row in rows]
