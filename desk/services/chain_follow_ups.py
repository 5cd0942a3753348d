"""公民信息连锁变更, tracked: the records elsewhere that must follow a completed change of basic facts
(the new ID card, the booklet page, 出入境证件, 驾驶证, 社保 …; resources/chains) each open until the
clerk marks it referred (转介, the agency was told) or done — one audited use case per mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from desk.domain.chained_changes import FollowUpRecord
from desk.domain.clock import Clock
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.documents import DocumentService
from desk.store.database import Store
from desk.store.models import ChainFollowUp
from desk.store.repositories.chain_follow_ups import ChainFollowUpRepository

STATES = ("open", "referred", "done")


@dataclass(frozen=True)
class TrackedRecord:
    record: FollowUpRecord
    state: str = "open"
    note: str = ""
    updated_at: datetime | None = None


@dataclass
class ChainFollowUpService:
    store: Store
    clock: Clock
    documents: DocumentService

    def tracked(self, case_number: str) -> list[TrackedRecord]:
        """Every record the case's change sets in motion, with where it stands (open until marked)."""
        records = self.documents.follow_ups(case_number).records
        with self.store.read() as session:
            rows = ChainFollowUpRepository(session).of_case(case_number)
        return [TrackedRecord(r, rows[r.key].state, rows[r.key].note, rows[r.key].updated_at)
                if r.key in rows else TrackedRecord(r) for r in records]

    def mark(self, actor: Actor, case_number: str, record_key: str, state: str, note: str = "") -> TrackedRecord:
        if state not in STATES:
            raise InvalidInput.say("chain.states", states="、".join(STATES))
        records = {r.key: r for r in self.documents.follow_ups(case_number).records}
        if record_key not in records:
            raise NotFound.say("chain.no_record", number=case_number, record=record_key)
        now, note = self.clock.now(), note.strip()[:500]
        with self.store.write() as session:
            follow_ups = ChainFollowUpRepository(session)
            case = follow_ups.case(case_number)
            row = follow_ups.of_record(case.id, record_key)
            if row is None:
                row = ChainFollowUp(case_id=case.id, record_key=record_key, updated_at=now)
                follow_ups.add(row)
            before = row.state or "open"
            row.state, row.note, row.updated_at, row.updated_by = state, note, now, actor.user_id
            audit.append(session, at=now, actor=audit.user_label(session, actor.user_id),
                         action="case.chain_follow_up", entity_type="case", entity_id=case_number,
                         details={"record": record_key, "from": before, "to": state})
        return TrackedRecord(records[record_key], state, note, now)
