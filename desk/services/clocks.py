"""The clocks the law starts and nobody must forget:

- **Deemed acceptance** (《中华人民共和国行政许可法》第三十二条): an application that was neither accepted,
  nor answered with the one-time notice of what is missing, nor refused within five working days of
  its receipt counts as accepted from the day it was received. A draft is the application as
  received, so every draft older than that is listed — with the day it counts as accepted from.
- **Permits running out**: a 准予迁入证明 is valid for a fixed time after it was issued; the ones that
  expire within a few days (or have expired) while the move has not been recorded are listed.

Read-only use cases over the station's open work (working days from the holiday calendar).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from desk.domain.clock import CHINA_TZ, Clock, local_date
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.services.documents import MOVE_PERMIT_VALID_DAYS
from desk.store.database import Store
from desk.store.models import Case, Citizen, DocumentIssued

DEEMED_ACCEPTANCE_WORKING_DAYS = 5
PERMIT_WARNING_DAYS = 7
MOVE_PAPERS = ("move_in_permit", "migration_certificate")  # 准予迁入证明 and 户口迁移证: both expire


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


@dataclass
class LegalClocks:
    store: Store
    calendar: WorkingCalendar
    clock: Clock
    station_code: str

    def deemed_accepted(self) -> list[DeemedAcceptance]:
        """Drafts (applications received) with no decision for more than five working days, oldest first."""
        today = local_date(self.clock.now())
        with self.store.read() as session:
            rows = session.execute(
                select(Case.number, Case.transaction_code, Citizen.name, Case.created_at)
                .join(Citizen, Case.applicant_id == Citizen.id)
                .where(Case.station_code == self.station_code, Case.state == CaseState.DRAFT.value)
                .order_by(Case.created_at, Case.id)
            ).all()
        found = []
        for number, code, name, created_at in rows:
            received = local_date(created_at)
            waited = self.calendar.working_days_between(received, today)
            if waited > DEEMED_ACCEPTANCE_WORKING_DAYS:
                limit = self.calendar.add_working_days(received, DEEMED_ACCEPTANCE_WORKING_DAYS).due_date
                found.append(DeemedAcceptance(number, code, name, received, limit, waited))
        return found

    def expiring_permits(self, within_days: int = PERMIT_WARNING_DAYS) -> list[ExpiringPermit]:
        """准予迁入证明 and 户口迁移证 of this station that run out within `within_days` (or already have),
        by the date printed on them."""
        today = local_date(self.clock.now())
        earliest_issue = today - timedelta(days=MOVE_PERMIT_VALID_DAYS + 30)  # long expired: off the list
        with self.store.read() as session:
            rows = session.execute(
                select(DocumentIssued.serial, DocumentIssued.issued_at, Case.number, Citizen.name,
                       DocumentIssued.details)
                .join(Case, DocumentIssued.case_id == Case.id)
                .join(Citizen, Case.applicant_id == Citizen.id)
                .where(DocumentIssued.station_code == self.station_code, DocumentIssued.kind.in_(MOVE_PAPERS),
                       DocumentIssued.issued_at >= _start_of(earliest_issue))
                .order_by(DocumentIssued.issued_at)
            ).all()
        permits = []
        for serial, issued_at, number, name, details in rows:
            issued_on = local_date(issued_at)
            printed = (details or {}).get("valid_until")  # a 户口迁移证 may end earlier, with its permit
            until = date.fromisoformat(printed) if printed else issued_on + timedelta(days=MOVE_PERMIT_VALID_DAYS)
            left = (until - today).days
            if left <= within_days:
                permits.append(ExpiringPermit(serial, number, name, issued_on, until, left))
        return permits


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, CHINA_TZ)
