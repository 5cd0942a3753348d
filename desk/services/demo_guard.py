"""Demo data goes only where it cannot mix with real people: an empty register, or one that demo data
built before (flagged by an audit entry, which nobody can quietly remove). `desk demo-data` checks
this first, in embedded mode and through the city server alike."""

from __future__ import annotations

from typing import Any

from desk.domain.clock import Clock
from desk.domain.errors import InvalidInput
from desk.services import audit
from desk.store.database import Store
from desk.store.repositories.audit_chain import AuditChainRepository
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.citizen_lookup import CitizenLookupRepository

DEMO_FLAG = "demo.data_built"


def check_demo_target(store: Store) -> None:
    """Refuse a register that holds people or cases and was not filled by demo data."""
    with store.read() as session:
        people = CitizenLookupRepository(session).count()
        cases = CaseRepository(session).count()
        if not people and not cases:
            return
        flagged = AuditChainRepository(session).has_action(DEMO_FLAG)
    if not flagged:
        raise InvalidInput.say("demo.not_a_demo_database", code="not_a_demo_database", people=people, cases=cases)


def flag_demo(store: Store, clock: Clock, *, by: str, details: dict[str, Any]) -> None:
    """Mark the database as a demo (an audit entry: who built it, how much)."""
    with store.write() as session:
        audit.append(session, at=clock.now(), actor=by, action=DEMO_FLAG, entity_type="database",
                     entity_id="demo", details=details)
