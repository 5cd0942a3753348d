"""Signed QR payloads for certificates: Ed25519 keys in a key registry, a public keyring, offline
verification.

Payload text (fits a QR code, ~300 characters):

    HJZM2.<base64url(json {v, kid, st, sn, d, iat, exp})>.<base64url(Ed25519 signature)>

`kid` the signing key's id, `st` station code, `sn` document serial, `iat` issue date, `exp` the
last day the certificate is valid, `d` = base64url(SHA-256 of the canonical JSON of the certified
facts). The signature covers `HJZM2.<json part>`. The payload never carries a readable ID number;
whoever holds the paper can check its printed facts against `d` (`verify_payload(..., facts=...)`).
Version 1 payloads (`HJZM1`, no key id, no expiry) still verify against their station's legacy key.

Keys live in a folder (the city server's, or an embedded desk's data dir `keys/`):
- `keyring.json` — the public keyring: every key's id, station, public key, validity and status
  (active / retired / revoked). `desk keys export-public` copies it for any desk, kiosk or outside
  unit to verify offline; it holds nothing secret.
- `<kid>.key` — a private key (PKCS#8 PEM, mode 0600), only where certificates are signed.
- legacy `<station>.pub` / `<station>.key` files of version 1 are still read for verification.
Nothing here ever makes a key on its own: `KeyRegistry.create` / `rotate` are administrators' acts
(`desk keys create|rotate|revoke`); a machine without a usable key refuses to sign and says so.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PAYLOAD_PREFIX = "HJZM2"  # 户籍证明, payload version 2 (key id, expiry)
LEGACY_PREFIX = "HJZM1"  # version 1: station key, no expiry; still verified
PAYLOAD_PREFIXES = (PAYLOAD_PREFIX, LEGACY_PREFIX)
KEYRING_FILE = "keyring.json"
DEFAULT_KEY_VALID_DAYS = 3 * 365  # a station key signs for three years, then is rotated
_STATION_CODE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class SigningError(Exception):
    """A key problem, said as a message key and parameters: the Chinese templates and their English live
    with every other message in `desk.domain.messages` ("signing.*"); printing imports nothing of desk,
    so the use cases that call it (`desk.services.keys`, `desk.services.documents`) say it."""

    def __init__(self, message_key: str, **params: object) -> None:
        super().__init__(f"{message_key} {params}" if params else message_key)
        self.message_key, self.params = message_key, params


def _b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64d(text: str) -> bytes:
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    # Only the canonical spelling is accepted: otherwise the unused low bits of the last
    # character could be changed and a different text would still verify.
    if _b64e(data) != text:
        raise ValueError("non-canonical base64url")
    return data


def canonical_facts(facts: Mapping[str, str]) -> bytes:
    """Sorted keys, no spaces, UTF-8, no Unicode normalisation (names must stay as written)."""
    return json.dumps(dict(facts), sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def facts_digest(facts: Mapping[str, str]) -> str:
    return _b64e(hashlib.sha256(canonical_facts(facts)).digest())


def _check_code(station_code: str) -> str:
    if not _STATION_CODE.match(station_code):
        raise SigningError("signing.bad_station_code", value=station_code)
    return station_code


def _write_private(path: Path, data: bytes) -> None:
    """Create the key file 0600 from the start (never world-readable, not even briefly)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


class KeyStatus(StrEnum):
    ACTIVE = "active"  # signs new certificates (one per station at a time)
    RETIRED = "retired"  # rotated out: signs nothing new, its certificates still verify
    REVOKED = "revoked"  # compromised or withdrawn: its certificates read "revoked"


@dataclass(frozen=True)
class KeyRecord:
    """One signing key as the public keyring lists it."""

    kid: str
    station_code: str
    public_key: Ed25519PublicKey = field(compare=False, repr=False)
    not_before: date
    not_after: date
    status: KeyStatus = KeyStatus.ACTIVE
    created_at: datetime | None = None
    revoked_at: datetime | None = None
    revoked_reason: str = ""

    def covers(self, day: date) -> bool:
        return self.not_before <= day <= self.not_after

    def as_json(self) -> dict[str, object]:
        return {
            "kid": self.kid, "station": self.station_code,
            "public_key": _b64e(self.public_key.public_bytes(serialization.Encoding.Raw,
                                                               serialization.PublicFormat.Raw)),
            "not_before": self.not_before.isoformat(), "not_after": self.not_after.isoformat(),
            "status": self.status.value,
            "created_at": self.created_at.isoformat(timespec="seconds") if self.created_at else None,
            "revoked_at": self.revoked_at.isoformat(timespec="seconds") if self.revoked_at else None,
            "revoked_reason": self.revoked_reason,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, object]) -> KeyRecord:
        def day(key: str) -> date:
            return date.fromisoformat(str(raw[key]))

        def moment(key: str) -> datetime | None:
            value = raw.get(key)
            return datetime.fromisoformat(str(value)) if value else None

        kid, station = str(raw["kid"]), _check_code(str(raw["station"]))
        if not _KEY_ID.match(kid):
            raise ValueError(f"bad key id {kid!r}")
        return cls(kid, station, Ed25519PublicKey.from_public_bytes(_b64d(str(raw["public_key"]))),
                   day("not_before"), day("not_after"), KeyStatus(str(raw.get("status", "active"))),
                   moment("created_at"), moment("revoked_at"), str(raw.get("revoked_reason") or ""))


class StationSigner:
    """One station's signing key, as the registry hands it out. Thread-safe (the key is immutable).

    `kid` None is a version-1 key (legacy payloads, for the tests and samples of version 1 only).
    """

    def __init__(self, station_code: str, private_key: Ed25519PrivateKey, kid: str | None = None,
                 not_after: date | None = None) -> None:
        self.station_code = _check_code(station_code)
        self.kid = kid
        self.not_after = not_after
        self._key = private_key

    @classmethod
    def generate(cls, folder: Path, station_code: str, *, valid_from: date | None = None,
                 valid_days: int = DEFAULT_KEY_VALID_DAYS) -> StationSigner:
        """A new active key for the station in `folder`'s registry (an administrator's act)."""
        registry = KeyRegistry(folder)
        record = registry.create(station_code, valid_from=valid_from or date.today(), valid_days=valid_days)
        return registry.signer_for(record.kid)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._key.public_key()

    def public_pem(self) -> bytes:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, serial: str, digest: str, issued_on: date, valid_until: date | None = None) -> str:
        if self.kid is None:  # a version-1 key: no key id, no expiry
            claim: dict[str, object] = {"v": 1, "st": self.station_code, "sn": serial, "d": digest,
                                        "iat": issued_on.isoformat()}
            prefix = LEGACY_PREFIX
        else:
            if self.not_after is not None and issued_on > self.not_after:
                raise SigningError("signing.key_expired", kid=self.kid, date=self.not_after.isoformat())
            claim = {"v": 2, "kid": self.kid, "st": self.station_code, "sn": serial, "d": digest,
                     "iat": issued_on.isoformat()}
            if valid_until is not None:  # a certificate without an end of validity carries no "exp"
                claim["exp"] = valid_until.isoformat()
            prefix = PAYLOAD_PREFIX
        body = _b64e(json.dumps(claim, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        signed = f"{prefix}.{body}"
        return f"{signed}.{_b64e(self._key.sign(signed.encode('ascii')))}"

    def sign_facts(self, serial: str, facts: Mapping[str, str], issued_on: date,
                   valid_until: date | None = None) -> str:
        return self.sign(serial, facts_digest(facts), issued_on, valid_until)


class KeyRegistry:
    """The signing keys held in one folder: create, rotate, revoke, list, export the public keyring.

    Only the city server (or an embedded single-station desk) has one with private keys; every other
    machine verifies with an exported `keyring.json`. Not safe for concurrent writers across processes:
    key administration is a rare act of one administrator.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    # ---- reading ---------------------------------------------------------------------------------

    def records(self) -> list[KeyRecord]:
        path = self.folder / KEYRING_FILE
        if not path.is_file():
            return []
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return [KeyRecord.from_json(item) for item in raw.get("keys", [])]
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise SigningError("signing.keyring_damaged", file=path.name, reason=str(exc)) from exc

    def record(self, kid: str) -> KeyRecord:
        for record in self.records():
            if record.kid == kid:
                return record
        raise SigningError("signing.no_such_key", kid=kid)

    def active(self, station_code: str, on: date) -> KeyRecord | None:
        """The station's active key that covers `on` (the one certificates are signed with)."""
        candidates = [r for r in self.records() if r.station_code == station_code
                      and r.status is KeyStatus.ACTIVE and r.covers(on)]
        return max(candidates, key=lambda r: r.not_before, default=None)

    def signer(self, station_code: str, on: date) -> StationSigner:
        """The signer for certificates the station issues on `on`; refuses when it has no usable key."""
        record = self.active(station_code, on)
        if record is None:
            raise SigningError("signing.no_usable_key", station=station_code)
        return self.signer_for(record.kid)

    def signer_for(self, kid: str) -> StationSigner:
        record = self.record(kid)
        key_path = self.folder / f"{kid}.key"
        try:
            key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        except FileNotFoundError as exc:
            raise SigningError("signing.no_private_key", kid=kid) from exc
        except ValueError as exc:
            raise SigningError("signing.key_file_damaged", file=key_path.name) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningError("signing.not_ed25519")
        if key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw) != \
                record.public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw):
            raise SigningError("signing.key_mismatch", kid=kid)
        return StationSigner(record.station_code, key, kid, record.not_after)

    # ---- administration ----------------------------------------------------------------------------

    def create(self, station_code: str, *, valid_from: date, valid_days: int = DEFAULT_KEY_VALID_DAYS,
               now: datetime | None = None) -> KeyRecord:
        """A new active key for a station that has none active (else: rotate)."""
        _check_code(station_code)
        if valid_days < 1:
            raise SigningError("signing.valid_one_day")
        if any(r.station_code == station_code and r.status is KeyStatus.ACTIVE for r in self.records()):
            raise SigningError("signing.active_exists", station=station_code)
        return self._add(station_code, valid_from, valid_days, now)

    def rotate(self, station_code: str, *, valid_from: date, valid_days: int = DEFAULT_KEY_VALID_DAYS,
               now: datetime | None = None) -> KeyRecord:
        """A new active key; the station's previous active key retires (its certificates still verify)."""
        records = [replace(r, status=KeyStatus.RETIRED)
                   if r.station_code == station_code and r.status is KeyStatus.ACTIVE else r
                   for r in self.records()]
        self._save(records)
        return self._add(_check_code(station_code), valid_from, valid_days, now)

    def revoke(self, kid: str, reason: str, *, now: datetime | None = None) -> KeyRecord:
        if not reason.strip():
            raise SigningError("signing.revoke_reason")
        target = self.record(kid)
        revoked = replace(target, status=KeyStatus.REVOKED, revoked_at=now or datetime.now().astimezone(),
                          revoked_reason=reason.strip())
        self._save([revoked if r.kid == kid else r for r in self.records()])
        (self.folder / f"{kid}.key").unlink(missing_ok=True)  # a revoked key never signs again
        return revoked

    def export_public(self, destination: Path) -> int:
        """Write the public keyring (no private key) to `destination`; returns the number of keys."""
        records = self.records()
        _write_json(destination, {"version": 1, "keys": [r.as_json() for r in records]}, mode=0o644)
        return len(records)

    def _add(self, station_code: str, valid_from: date, valid_days: int, now: datetime | None) -> KeyRecord:
        self.folder.mkdir(parents=True, exist_ok=True)
        os.chmod(self.folder, 0o700)
        kid = f"{station_code}-{valid_from:%Y%m%d}-{secrets.token_hex(3)}"
        key = Ed25519PrivateKey.generate()
        _write_private(self.folder / f"{kid}.key", key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        record = KeyRecord(kid, station_code, key.public_key(), valid_from,
                           valid_from + timedelta(days=valid_days - 1), KeyStatus.ACTIVE,
                           now or datetime.now().astimezone())
        self._save([*self.records(), record])
        return record

    def _save(self, records: list[KeyRecord]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_json(self.folder / KEYRING_FILE, {"version": 1, "keys": [r.as_json() for r in records]}, mode=0o644)


def _write_json(path: Path, data: object, *, mode: int) -> None:
    """Write whole or not at all (a crash leaves the previous file)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


class Keyring:
    """Trusted public keys: the registry's keys by id, and version-1 station keys by station code."""

    def __init__(self, keys: Mapping[str, Ed25519PublicKey] | None = None,
                 records: Mapping[str, KeyRecord] | None = None) -> None:
        self._keys: dict[str, Ed25519PublicKey] = dict(keys or {})
        self._records: dict[str, KeyRecord] = dict(records or {})

    @classmethod
    def load(cls, source: Path) -> Keyring:
        """A keys folder (its keyring.json, legacy `<code>.pub` and the public half of `<code>.key`)
        or an exported keyring file."""
        ring = cls()
        if source.is_file():
            ring._add_records(KeyRegistry(source.parent).records() if source.name == KEYRING_FILE
                              else _records_from(source))
            return ring
        if not source.is_dir():
            return ring
        with contextlib.suppress(SigningError):  # a damaged keyring must not hide the legacy keys beside it
            ring._add_records(KeyRegistry(source).records())
        for path in sorted(source.glob("*.pub")):
            try:
                key = serialization.load_pem_public_key(path.read_bytes())
            except ValueError:
                continue  # a damaged file must not hide the other stations' keys
            if isinstance(key, Ed25519PublicKey) and _STATION_CODE.match(path.stem):
                ring.add(path.stem, key)
        for path in sorted(source.glob("*.key")):
            if path.stem in ring._keys or not _STATION_CODE.match(path.stem) or path.stem in ring._records:
                continue
            try:
                private = serialization.load_pem_private_key(path.read_bytes(), password=None)
            except ValueError:
                continue
            if isinstance(private, Ed25519PrivateKey):
                ring.add(path.stem, private.public_key())
        return ring

    def _add_records(self, records: list[KeyRecord]) -> None:
        for record in records:
            self._records[record.kid] = record

    def add(self, station_code: str, key: Ed25519PublicKey) -> None:
        """A version-1 station key."""
        self._keys[_check_code(station_code)] = key

    def get(self, station_code: str) -> Ed25519PublicKey | None:
        return self._keys.get(station_code)

    def record(self, kid: str) -> KeyRecord | None:
        return self._records.get(kid)

    def __contains__(self, station_code: object) -> bool:
        return station_code in self._keys or any(r.station_code == station_code for r in self._records.values())

    @property
    def station_codes(self) -> list[str]:
        return sorted(set(self._keys) | {r.station_code for r in self._records.values()})

    @property
    def records(self) -> list[KeyRecord]:
        return sorted(self._records.values(), key=lambda r: (r.station_code, r.not_before, r.kid))


def _records_from(path: Path) -> list[KeyRecord]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [KeyRecord.from_json(item) for item in raw.get("keys", [])]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SigningError("signing.keyring_unreadable", file=path.name, reason=str(exc)) from exc


class VerificationStatus(StrEnum):
    VALID = "valid"
    FACTS_MISMATCH = "facts_mismatch"  # signature good, but the facts checked differ from it
    TAMPERED = "tampered"
    UNKNOWN_STATION = "unknown_station"  # a version-1 payload whose station key is not trusted here
    UNKNOWN_KEY = "unknown_key"  # a key id this keyring does not list
    REVOKED = "revoked"  # signed with a key that has been revoked
    EXPIRED = "expired"  # the certificate's validity has ended
    NOT_ISSUED = "not_issued"  # signature good, but the city's register has no such document
    MALFORMED = "malformed"


@dataclass(frozen=True)
class Claim:
    """What a payload says it certifies."""

    version: int
    station_code: str
    serial: str
    digest: str
    issued_on: date
    kid: str | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class Verification:
    status: VerificationStatus
    payload: str
    message_zh: str
    message_en: str
    claim: Claim | None = None
    facts: Mapping[str, str] | None = None  # the facts checked, when given and matching
    verified_at: datetime = field(default_factory=datetime.now)

    @property
    def valid(self) -> bool:
        return self.status is VerificationStatus.VALID

    def as_dict(self) -> dict[str, object]:
        claim = self.claim
        return {
            "status": self.status.value,
            "valid": self.valid,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "station_code": claim.station_code if claim else None,
            "serial": claim.serial if claim else None,
            "issued_on": claim.issued_on.isoformat() if claim else None,
            "valid_until": claim.valid_until.isoformat() if claim and claim.valid_until else None,
            "kid": claim.kid if claim else None,
            "digest": claim.digest if claim else None,
            "facts": dict(self.facts) if self.facts is not None else None,
            "verified_at": self.verified_at.isoformat(timespec="seconds"),
        }


class _Malformed(ValueError):
    pass


def payload_in(text: str) -> str:
    """The payload inside a scanned QR text: the bare payload, or a verification address that carries
    it (`https://…/verify?p=HJZM2…` or `…#HJZM2…`)."""
    text = text.strip()
    for prefix in PAYLOAD_PREFIXES:
        at = text.find(f"{prefix}.")
        if at > 0 and text[at - 1] in "=#/":
            return text[at:]
    return text


def verification_text(payload: str, verify_url: str = "") -> str:
    """What the QR code holds: the payload alone, or the city's verification address carrying it, so
    an outside unit's phone can open the check while desks and kiosks read the payload offline."""
    if not verify_url:
        return payload
    return f"{verify_url}{'&' if '?' in verify_url else '?'}p={payload}"


def parse_payload(text: str) -> tuple[Claim, bytes, bytes]:
    """(claim, signed bytes, signature); raises ValueError when the text is not a payload."""
    parts = payload_in(text).split(".")
    if len(parts) != 3 or parts[0] not in PAYLOAD_PREFIXES:
        raise _Malformed("not an HJZM payload")
    try:
        raw = json.loads(_b64d(parts[1]).decode("utf-8"))
        signature = _b64d(parts[2])
        version = int(raw["v"])
        claim = Claim(
            version=version,
            station_code=str(raw["st"]),
            serial=str(raw["sn"]),
            digest=str(raw["d"]),
            issued_on=date.fromisoformat(str(raw["iat"])),
            kid=str(raw["kid"]) if version == 2 else None,
            valid_until=date.fromisoformat(str(raw["exp"])) if version == 2 and "exp" in raw else None,
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise _Malformed(str(exc)) from exc
    expected_version = 2 if parts[0] == PAYLOAD_PREFIX else 1
    if claim.version != expected_version or len(signature) != 64:
        raise _Malformed("unsupported version or signature length")
    return claim, f"{parts[0]}.{parts[1]}".encode("ascii"), signature


# Whether the register knows the document: True (issued, as signed), False (no such document, or
# another one under that serial), None (cannot tell here, e.g. a desk offline or another city).
SerialCheck = Callable[[Claim], bool | None]


def verify_payload(
    text: str,
    keyring: Keyring,
    *,
    facts: Mapping[str, str] | None = None,
    on_verified: Callable[[Verification], None] | None = None,
    today: date | None = None,
    serial_check: SerialCheck | None = None,
) -> Verification:
    """Check a scanned payload offline (and against the register when `serial_check` is given).
    `on_verified` sees every result (the store records it; an error there propagates, so a
    verification is never silently left unrecorded)."""
    result = _verify(text, keyring, facts, today or date.today(), serial_check)
    if on_verified is not None:
        on_verified(result)
    return result


def _zh_day(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _verify(text: str, keyring: Keyring, facts: Mapping[str, str] | None, today: date,
            serial_check: SerialCheck | None) -> Verification:
    try:
        claim, signed, signature = parse_payload(text)
    except ValueError:
        return Verification(
            VerificationStatus.MALFORMED, text,
            "无法识别：这不是有效的户籍证明二维码内容。",
            "Malformed: this is not a household-certificate payload.",
        )
    record = keyring.record(claim.kid) if claim.kid is not None else None
    if claim.kid is not None and record is None:
        return Verification(
            VerificationStatus.UNKNOWN_KEY, text,
            f"无法核验：签名密钥 {claim.kid} 不在本机信任的密钥列表中（请更新密钥列表，或联网核验）。",
            f"Unknown key: {claim.kid} is not in this machine's keyring (update the keyring or check online).",
            claim,
        )
    if record is not None and record.station_code != claim.station_code:
        return _tampered(text, claim)
    key = record.public_key if record is not None else keyring.get(claim.station_code)
    if key is None:
        return Verification(
            VerificationStatus.UNKNOWN_STATION, text,
            f"无法核验：签发单位（代码 {claim.station_code}）不在本机信任的密钥列表中。",
            f"Unknown station: {claim.station_code} is not in this machine's keyring.",
            claim,
        )
    try:
        key.verify(signature, signed)
    except InvalidSignature:
        return _tampered(text, claim)
    if record is not None:
        if record.status is KeyStatus.REVOKED:
            return Verification(
                VerificationStatus.REVOKED, text,
                f"核验失败：签名密钥 {record.kid} 已被吊销，此证明不再有效，请向出具单位核实。",
                f"Revoked: signing key {record.kid} has been revoked; the certificate is not valid.",
                claim,
            )
        if not record.covers(claim.issued_on) or (claim.valid_until and claim.valid_until < claim.issued_on):
            # A real key, but a date it could not have signed on: back-dated or forged by a key holder.
            return Verification(
                VerificationStatus.TAMPERED, text,
                f"核验失败：签发日期 {claim.issued_on.isoformat()} 不在密钥 {record.kid} 的有效期内，证明系伪造。",
                f"Tampered: issue date {claim.issued_on.isoformat()} is outside key {record.kid}'s validity.",
                claim,
            )
    if claim.valid_until is not None and claim.valid_until < today:
        return Verification(
            VerificationStatus.EXPIRED, text,
            f"证明已过期：编号 {claim.serial} 的户籍证明有效期至{_zh_day(claim.valid_until)}，请重新开具。",
            f"Expired: certificate {claim.serial} was valid until {claim.valid_until.isoformat()}.",
            claim,
        )
    if facts is not None and facts_digest(facts) != claim.digest:
        return Verification(
            VerificationStatus.FACTS_MISMATCH, text,
            f"核验失败：二维码签名有效（编号 {claim.serial}），但核对的证明内容与签名不符，证明可能被涂改。",
            f"Facts mismatch: the signature of {claim.serial} is valid but the facts checked differ.",
            claim,
        )
    if serial_check is not None and serial_check(claim) is False:
        return Verification(
            VerificationStatus.NOT_ISSUED, text,
            f"核验失败：签名有效，但本市户籍系统没有出具过编号 {claim.serial} 的这份证明，请向出具单位核实。",
            f"Not issued: the signature is valid but the city's register has no certificate {claim.serial} as signed.",
            claim,
        )
    until = f"，有效期至{_zh_day(claim.valid_until)}" if claim.valid_until else ""
    return Verification(
        VerificationStatus.VALID, text,
        f"核验通过：单位代码 {claim.station_code} 于{_zh_day(claim.issued_on)}出具的户籍证明，"
        f"编号 {claim.serial}{until}。"
        + ("证明内容与签名一致。" if facts is not None else ""),
        f"Valid: household certificate {claim.serial} issued by station {claim.station_code} "
        f"on {claim.issued_on.isoformat()}"
        + (f", valid until {claim.valid_until.isoformat()}." if claim.valid_until else ".")
        + (" The facts match the signature." if facts is not None else ""),
        claim,
        dict(facts) if facts is not None else None,
    )


def _tampered(text: str, claim: Claim) -> Verification:
    return Verification(
        VerificationStatus.TAMPERED, text,
        "核验失败：签名不符，二维码内容已被篡改或伪造。",
        "Tampered: the signature does not match; the payload was altered or forged.",
        claim,
    )
