"""The register of issued documents (`documents_issued`): a case's paper of one kind, a serial's record,
a new record."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import DocumentIssued


@dataclass(frozen=True)
class DocumentRepository:
    session: Session

    def of_case(self, case_id: int, kind: str) -> DocumentIssued | None:
        """The paper of `kind` already issued for a case (a reprint keeps its serial)."""
        return self.session.execute(
            select(DocumentIssued).where(DocumentIssued.case_id == case_id, DocumentIssued.kind == kind)
        ).scalar_one_or_none()

    def by_serial(self, serial: str) -> DocumentIssued | None:
        return self.session.execute(select(DocumentIssued).where(DocumentIssued.serial == serial)
                                    ).scalar_one_or_none()

    def add(self, record: DocumentIssued) -> DocumentIssued:
        """Add a new record and flush, so that the row exists before its audit entry."""
        self.session.add(record)
        self.session.flush()
        return record
