"""What the legal clocks read (desk/services/clocks.py): old drafts, a case's first answer, running
注销公告 and recently issued permits of one station — each one bounded statement on the indexes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from desk.store.models import Case, CaseEvent, Citizen, DocumentIssued, PublicNotice


@dataclass(frozen=True)
class ClockRepository:
    session: Session

    def drafts_received_before(self, station_code: str, draft_state: str,
                               before: datetime) -> Sequence[Row[str, str, str, datetime]]:
        """(number, transaction code, applicant name, created at) of the station's drafts, oldest first."""
        return self.session.execute(
            select(Case.number, Case.transaction_code, Citizen.name, Case.created_at)
            .join(Citizen, Case.applicant_id == Citizen.id)
            .where(Case.station_code == station_code, Case.state == draft_state,
                   Case.created_at < before)
            .order_by(Case.created_at, Case.id)
        ).all()

    def receipt(self, case_number: str) -> Row[int, str, str, datetime] | None:
        """(case id, transaction code, applicant name, created at) of one case, or None."""
        return self.session.execute(
            select(Case.id, Case.transaction_code, Citizen.name, Case.created_at)
            .join(Citizen, Case.applicant_id == Citizen.id).where(Case.number == case_number)
        ).one_or_none()

    def first_answer_at(self, case_id: int, answers: Sequence[str]) -> datetime | None:
        """When the case first had one of these actions (its first answer), or None."""
        return self.session.execute(
            select(CaseEvent.at).where(CaseEvent.case_id == case_id, CaseEvent.action.in_(answers))
            .order_by(CaseEvent.at).limit(1)
        ).scalar_one_or_none()

    def running_notices(self, station_code: str) -> Sequence[Row[str, str, str, date, date]]:
        """(serial, case number, person, published on, ends on) of the station's running notices."""
        return self.session.execute(
            select(PublicNotice.serial, Case.number, PublicNotice.person_name, PublicNotice.published_on,
                   PublicNotice.ends_on)
            .join(Case, PublicNotice.case_id == Case.id)
            .where(PublicNotice.station_code == station_code, PublicNotice.state == "running")
            .order_by(PublicNotice.ends_on, PublicNotice.id)
        ).all()

    def permits_issued_since(self, station_code: str, kinds: Sequence[str], since: datetime
                             ) -> Sequence[Row[str, str, datetime, str, str, dict[str, Any]]]:
        """(serial, kind, issued at, case number, holder, details) of the station's papers of these kinds."""
        return self.session.execute(
            select(DocumentIssued.serial, DocumentIssued.kind, DocumentIssued.issued_at, Case.number,
                   Citizen.name, DocumentIssued.details)
            .join(Case, DocumentIssued.case_id == Case.id)
            .join(Citizen, Case.applicant_id == Citizen.id)
            .where(DocumentIssued.station_code == station_code,
                   DocumentIssued.kind.in_(list(kinds)),
                   DocumentIssued.issued_at >= since)
            .order_by(DocumentIssued.issued_at)
        ).all()
