"""Checking a household certificate's QR code (at a desk, a kiosk or the CLI): the signature against
the trusted keyring, its key's status and the certificate's validity, the document against the
register this store holds (a serial it should know but does not, or a different paper under that
serial, reads "not issued"), and every check — valid or not — into the audit log.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desk.domain.clock import Clock, local_date
from desk.services import audit
from desk.services.documents import SIGNED_KINDS
from desk.store.database import Store
from desk.store.repositories.citizen_lookup import CitizenLookupRepository
from desk.store.repositories.documents import DocumentRepository
from desk.store.repositories.stations import StationRepository
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
            record = DocumentRepository(session).by_serial(claim.serial)
            if record is None:
                return False if StationRepository(session).get(claim.station_code) is not None else None
            if record.kind not in SIGNED_KINDS or record.station_code != claim.station_code:
                return False
            if not record.payload:
                return None  # issued before payloads were kept
            try:
                stored, _, _ = parse_payload(record.payload)
            except ValueError:
                return False
            return stored.digest == claim.digest and stored.issued_on == claim.issued_on


@dataclass(frozen=True)
class PublicCheck:
    """What the city's verification page tells whoever scanned a certificate with a phone: the verdict,
    and — only for a certificate the register holds as issued — who it was issued for, masked (the
    outside unit compares it with the paper and the person in front of it; it learns nothing more)."""

    verification: Verification
    holder_name: str | None = None  # 李*国
    holder_id: str | None = None  # 210102********0015
    station_name: str | None = None


def mask_name(name: str) -> str:
    """Every character but the first and (for three or more) the last hidden: 李建国 → 李*国, 王芳 → 王*."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_id_number(number: str) -> str:
    """The region (6) and the last four shown, the birth date and order code hidden."""
    return number[:6] + "*" * (len(number) - 10) + number[-4:] if len(number) > 10 else "*" * len(number)


def public_check(service: VerificationService, payload: str, *, where: str = "web") -> PublicCheck:
    """Verify a scanned QR text for the public page (the check is audited like any other) and, when valid,
    name the holder masked."""
    result = service.verify(payload, where=where)
    if not result.valid or result.claim is None:
        return PublicCheck(result)
    with service.store.read() as session:
        record = DocumentRepository(session).by_serial(result.claim.serial)
        station = StationRepository(session).get(result.claim.station_code)
        citizen = (CitizenLookupRepository(session).get(record.citizen_id)
                   if record is not None and record.citizen_id else None)
        return PublicCheck(result, mask_name(citizen.name) if citizen else None,
                           mask_id_number(citizen.id_number) if citizen else None,
                           station.name_zh if station else None)


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
