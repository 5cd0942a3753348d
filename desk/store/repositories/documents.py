"""The register of issued documents (`documents_issued`): a case's paper of one kind, a case's papers, a
serial's record, a new record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import Case, DocumentIssued


@dataclass(frozen=True)
class DocumentRepository:
    session: Session

    def of_case(self, case_id: int, kind: str) -> DocumentIssued | None:
        """The paper of `kind` already issued for a case (a reprint keeps its serial)."""
        return self.session.execute(
            select(DocumentIssued).where(DocumentIssued.case_id == case_id, DocumentIssued.kind == kind)
        ).scalar_one_or_none()

    def issued_for_case(self, case_number: str) -> list[DocumentIssued]:
        """Every paper issued for the case, in the order they were issued (what the case really has,
        whatever its state says now: a 一次性告知书 stays issued once the case is accepted)."""
        return list(self.session.execute(
            select(DocumentIssued).join(Case, DocumentIssued.case_id == Case.id).where(Case.number == case_number)
            .order_by(DocumentIssued.issued_at, DocumentIssued.id)).scalars())

    def by_serial(self, serial: str) -> DocumentIssued | None:
        return self.session.execute(select(DocumentIssued).where(DocumentIssued.serial == serial)
                                    ).scalar_one_or_none()

    def add(self, record: DocumentIssued) -> DocumentIssued:
        """Add a new record and flush, so that the row exists before its audit entry."""
        self.session.add(record)
        self.session.flush()
        return record
