"""注销公告 (public notices before a duplicate registration is cancelled): found by serial or case,
added with the paper that records their issue; the case a notice belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import Case, DocumentIssued, PublicNotice


@dataclass(frozen=True)
class NoticeRepository:
    session: Session

    def by_serial(self, serial: str) -> PublicNotice | None:
        return self.session.execute(select(PublicNotice).where(PublicNotice.serial == serial)).scalar_one_or_none()

    def of_case(self, case_id: int) -> list[PublicNotice]:
        """The case's notices, the first posted first."""
        return list(self.session.execute(select(PublicNotice).where(PublicNotice.case_id == case_id)
                                         .order_by(PublicNotice.id)).scalars().all())

    def has_running(self, case_id: int) -> bool:
        """Whether the case has a notice still in its 30 days."""
        return self.session.execute(select(PublicNotice).where(PublicNotice.case_id == case_id,
                                                               PublicNotice.state == "running")).first() is not None

    def add(self, notice: PublicNotice, issued: DocumentIssued) -> None:
        """A new notice and the record of its paper (flushed, so that both have their ids)."""
        self.session.add(notice)
        self.session.add(issued)
        self.session.flush()

    def case(self, case_id: int) -> Case | None:
        return self.session.get(Case, case_id)
