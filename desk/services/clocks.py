"""The clocks the law starts and nobody must forget:

- **Deemed acceptance** (《中华人民共和国行政许可法》第三十二条): an application that was neither accepted,
  nor answered with the one-time notice of what is missing, nor refused within five working days of
  its receipt counts as accepted from the day it was received. A draft is the application as
  received, so every draft older than that is listed — with the day it counts as accepted from.
- **Permits running out**: a 准予迁入证明 (or 户口迁移证) is valid for a fixed time after it was issued;
  the ones that expire within a few days (or have expired) are listed.
- **注销公告**: the 30-day notices before a duplicate registration is cancelled for a person who did
  not apply (`desk/services/public_notices.py`) — running, and those whose 30 days are over and
  that wait for the decision.

Read-only use cases over the station's open work (working days from the holiday calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from desk.domain.clock import CHINA_TZ, Clock, local_date
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.paper_reissue import MOVE_PERMIT_VALID_DAYS, valid_until, voided_by
from desk.store.database import Store
from desk.store.repositories.clocks import ClockRepository

DEEMED_ACCEPTANCE_WORKING_DAYS = 5
PERMIT_WARNING_DAYS = 7
# Permit kinds (document kinds in documents_issued) → (days valid, name). 户口迁移证 is the kind the
# migration papers use; a station that issues none simply lists none.
PERMIT_KINDS: dict[str, tuple[int, str]] = {
    "move_in_permit": (MOVE_PERMIT_VALID_DAYS, "准予迁入证明"),
    "migration_certificate": (MOVE_PERMIT_VALID_DAYS, "户口迁移证"),  # or the date printed on it
}
# The first answer to an application: what stops the five-working-day clock.
_ANSWERS = ("accept", "request_supplement", "not_accept")


@dataclass(frozen=True)
class DeemedAcceptance:
    case_number: str
    transaction_code: str
    applicant_name: str
    received_on: date  # it counts as accepted from this day (the day the application was received)
    notice_due_on: date  # the fifth working day: the last day a notice could still have gone out
    working_days_waited: int


@dataclass(frozen=True)
class ExpiringPermit:
    serial: str
    case_number: str
    holder_name: str
    issued_on: date
    valid_until: date
    days_left: int  # negative: expired
    kind_zh: str = "准予迁入证明"


@dataclass(frozen=True)
class NoticeClock:
    """A 30-day 注销公告 still running, or over and waiting for the decision (`due`)."""

    serial: str
    case_number: str
    person_name: str
    published_on: date
    ends_on: date
    days_left: int  # negative: the period is over by that many days

    @property
    def due(self) -> bool:
        return self.days_left < 0


@dataclass
class LegalClocks:
    store: Store
    calendar: WorkingCalendar
    clock: Clock
    station_code: str

    def deemed_accepted(self, as_of: date | None = None) -> list[DeemedAcceptance]:
        """Drafts (applications received) with no decision for more than five working days, oldest first
        (`as_of`: counted on that day instead of today — the daily report's day)."""
        today = as_of or local_date(self.clock.now())
        with self.store.read() as session:
            rows = ClockRepository(session).drafts_received_before(self.station_code, CaseState.DRAFT.value,
                                                                   _start_of(today))
        found = []
        for number, code, name, created_at in rows:
            deemed = self._deemed(number, code, name, local_date(created_at), today)
            if deemed is not None:
                found.append(deemed)
        return found

    def deemed_acceptance_of(self, case_number: str) -> DeemedAcceptance | None:
        """Whether this case counts as accepted by law: no answer (acceptance, one-time notice or
        refusal) went out within five working days of its receipt — still unanswered, or answered late.
        The case view says so."""
        with self.store.read() as session:
            clocks = ClockRepository(session)
            row = clocks.receipt(case_number)
            if row is None:
                return None
            case_id, code, name, created_at = row
            answered = clocks.first_answer_at(case_id, _ANSWERS)
        until = local_date(answered) if answered is not None else local_date(self.clock.now())
        return self._deemed(case_number, code, name, local_date(created_at), until)

    def _deemed(self, number: str, code: str, name: str, received: date, until: date) -> DeemedAcceptance | None:
        waited = self.calendar.working_days_between(received, until)
        if waited <= DEEMED_ACCEPTANCE_WORKING_DAYS:
            return None
        limit = self.calendar.add_working_days(received, DEEMED_ACCEPTANCE_WORKING_DAYS).due_date
        return DeemedAcceptance(number, code, name, received, limit, waited)

    def notices(self) -> list[NoticeClock]:
        """This station's 注销公告 still undecided, the ones whose 30 days are over first."""
        today = local_date(self.clock.now())
        with self.store.read() as session:
            rows = ClockRepository(session).running_notices(self.station_code)
        return [NoticeClock(serial, number, name, published, ends, (ends - today).days)
                for serial, number, name, published, ends in rows]

    def expiring_permits(self, within_days: int = PERMIT_WARNING_DAYS) -> list[ExpiringPermit]:
        """准予迁入证明 and 户口迁移证 of this station that run out within `within_days` (or already have),
        by the date printed on them, soonest first."""
        today = local_date(self.clock.now())
        longest = max(days for days, _name in PERMIT_KINDS.values())
        earliest_issue = today - timedelta(days=longest + 30)  # long expired: off the list
        with self.store.read() as session:
            rows = ClockRepository(session).permits_issued_since(self.station_code, list(PERMIT_KINDS),
                                                                 _start_of(earliest_issue))
        permits = []
        for serial, kind, issued_at, number, name, details in rows:
            if voided_by(details):
                continue  # replaced by a re-issued paper, which is on the list in its place
            valid_days, kind_zh = PERMIT_KINDS[kind]
            issued_on = local_date(issued_at)
            until = valid_until(details, issued_on, valid_days)
            left = (until - today).days
            if left <= within_days:
                permits.append(ExpiringPermit(serial, number, name, issued_on, until, left, kind_zh))
        return sorted(permits, key=lambda p: (p.valid_until, p.serial))

def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, CHINA_TZ)
