"""Checking a household certificate's QR code (at a desk, a kiosk or the CLI): the signature against
the trusted keyring, its key's status and the certificate's validity, the document against the
register this store holds (a serial it should know but does not, or a different paper under that
serial, reads "not issued"), and every check — valid or not — into the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from desk.domain.clock import Clock, local_date
from desk.services import audit
from desk.store.database import Store
from desk.store.models import DocumentIssued, Station
from printing.signing import Claim, Keyring, Verification, parse_payload, verify_payload


@dataclass
class VerificationService:
    store: Store
    clock: Clock
    keys_dir: Path  # the trusted public keys (and this station's own)

    def verify(self, payload: str, *, where: str, facts: Mapping[str, str] | None = None,
               keys_dir: Path | None = None) -> Verification:
        """valid / tampered / unknown station for `payload`; `where` names the desk, kiosk or tool asking."""
        keyring = Keyring.load(keys_dir or self.keys_dir)
        return verify_payload(payload, keyring, facts=facts, today=local_date(self.clock.now()),
                              serial_check=self.issued_as_signed,
                              on_verified=verification_recorder(self.store, self.clock, where=where))

    def issued_as_signed(self, claim: Claim) -> bool | None:
        """Whether the register holds this certificate as signed; None for a station it does not hold."""
        with self.store.read() as session:
            record = session.execute(
                select(DocumentIssued).where(DocumentIssued.serial == claim.serial)
            ).scalar_one_or_none()
            if record is None:
                return False if session.get(Station, claim.station_code) is not None else None
            if record.kind != "household_certificate" or record.station_code != claim.station_code:
                return False
            if not record.payload:
                return None  # issued before payloads were kept
            try:
                stored, _, _ = parse_payload(record.payload)
            except ValueError:
                return False
            return stored.digest == claim.digest and stored.issued_on == claim.issued_on


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
