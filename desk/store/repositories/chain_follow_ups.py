"""The tracked records of a case's chained changes (连锁变更): where each stands, by case."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import Case, ChainFollowUp


@dataclass(frozen=True)
class ChainFollowUpRepository:
    session: Session

    def of_case(self, case_number: str) -> dict[str, ChainFollowUp]:
        """The case's marked records by record key (a record never marked has no row)."""
        return {row.record_key: row for row in self.session.execute(
            select(ChainFollowUp).join(Case, ChainFollowUp.case_id == Case.id)
            .where(Case.number == case_number)).scalars()}

    def case(self, case_number: str) -> Case:
        """The case of that number (it exists: its chained changes were read first)."""
        return self.session.execute(select(Case).where(Case.number == case_number)).scalar_one()

    def of_record(self, case_id: int, record_key: str) -> ChainFollowUp | None:
        return self.session.execute(select(ChainFollowUp).where(
            ChainFollowUp.case_id == case_id, ChainFollowUp.record_key == record_key)).scalar_one_or_none()

    def add(self, row: ChainFollowUp) -> None:
        self.session.add(row)
