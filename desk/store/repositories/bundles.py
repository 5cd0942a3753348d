"""一件事 bundles: a bundle record with its member cases and follow-ups, found by number, case or
applicant; the papers a bundle issued (kept on its first member case)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desk.store.models import BundleCase, BundleFollowUp, BundleRecord, Case, Citizen, DocumentIssued


@dataclass(frozen=True)
class BundleRepository:
    session: Session

    def by_number(self, number: str) -> BundleRecord | None:
        return self.session.execute(select(BundleRecord).where(BundleRecord.number == number)
                                    ).unique().scalar_one_or_none()

    def of_case(self, case_number: str) -> BundleRecord | None:
        """The bundle the case is a member of, if any."""
        return self.session.execute(
            select(BundleRecord).join(BundleCase, BundleCase.bundle_id == BundleRecord.id)
            .join(Case, BundleCase.case_id == Case.id).where(Case.number == case_number)
        ).unique().scalar_one_or_none()

    def of_citizen(self, id_number: str, limit: int) -> list[BundleRecord]:
        """The applicant's bundles, newest first, at most `limit`."""
        return list(self.session.execute(
            select(BundleRecord).join(Citizen, BundleRecord.applicant_id == Citizen.id)
            .where(Citizen.id_number == id_number).order_by(BundleRecord.created_at.desc()).limit(limit)
        ).unique().scalars().all())

    def with_open_follow_ups(self, station_code: str, limit: int) -> list[BundleRecord]:
        """The station's bundles with a follow-up still open, oldest first, at most `limit`."""
        return list(self.session.execute(
            select(BundleRecord).where(
                BundleRecord.station_code == station_code,
                BundleRecord.id.in_(select(BundleFollowUp.bundle_id).where(BundleFollowUp.state == "open")),
            ).order_by(BundleRecord.created_at).limit(limit)
        ).unique().scalars().all())

    def add(self, record: BundleRecord) -> BundleRecord:
        """Add a new bundle record and flush, so that its id is known."""
        self.session.add(record)
        self.session.flush()
        return record

    def add_member(self, member: BundleCase) -> None:
        self.session.add(member)

    def add_follow_up(self, follow_up: BundleFollowUp) -> None:
        self.session.add(follow_up)

    def applicant(self, id_number: str) -> Citizen | None:
        return self.session.execute(select(Citizen).where(Citizen.id_number == id_number)).scalar_one_or_none()

    def paper(self, case_id: int, kind: str) -> DocumentIssued | None:
        """The paper of this kind issued on the case (a bundle's papers hang on its first member)."""
        return self.session.execute(select(DocumentIssued).where(DocumentIssued.case_id == case_id,
                                                                 DocumentIssued.kind == kind)).scalar_one_or_none()

    def add_paper(self, paper: DocumentIssued) -> DocumentIssued:
        """Record a newly issued paper and flush, so that it is numbered in the database."""
        self.session.add(paper)
        self.session.flush()
        return paper
