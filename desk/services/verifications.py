"""Checking a household certificate's QR code (at a desk, a kiosk or the CLI): the signature against
the trusted keyring, and every check — valid or not — into the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desk.domain.clock import Clock
from desk.services import audit
from desk.store.database import Store
from printing.signing import Keyring, Verification, verify_payload


@dataclass
class VerificationService:
    store: Store
    clock: Clock
    keys_dir: Path  # the trusted public keys (and this station's own)

    def verify(self, payload: str, *, where: str, facts: Mapping[str, str] | None = None,
               keys_dir: Path | None = None) -> Verification:
        """valid / tampered / unknown station for `payload`; `where` names the desk, kiosk or tool asking."""
        keyring = Keyring.load(keys_dir or self.keys_dir)
        return verify_payload(payload, keyring, facts=facts,
                              on_verified=verification_recorder(self.store, self.clock, where=where))


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
