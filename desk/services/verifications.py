"""Every check of a certificate's QR code (at a desk, a kiosk or the CLI) goes into the audit log."""

from __future__ import annotations

from collections.abc import Callable

from desk.domain.clock import Clock
from desk.services import audit
from desk.store.database import Store
from printing.signing import Verification


def verification_recorder(store: Store, clock: Clock, *, where: str) -> Callable[[Verification], None]:
    """An `on_verified` hook for `printing.signing.verify_payload` that audits the outcome."""

    def record(result: Verification) -> None:
        claim = result.claim
        with store.write() as session:
            audit.append(
                session, at=clock.now(), actor=where, action="document.verified", entity_type="document",
                entity_id=claim.serial if claim else "?",
                details={"status": result.status.value, "station": claim.station_code if claim else None,
                         "digest": claim.digest if claim else None},
            )

    return record
