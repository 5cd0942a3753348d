"""Signed QR payloads for certificates: Ed25519 station keys, a keyring, offline verification.

Payload text (fits a QR code, ~260 characters):

    HJZM1.<base64url(json {v, st, sn, d, iat})>.<base64url(Ed25519 signature)>

`st` station code, `sn` document serial, `iat` issue date, `d` = base64url(SHA-256 of the
canonical JSON of the certified facts). The signature covers `HJZM1.<json part>`. The payload
never carries a readable ID number; whoever holds the paper can check its printed facts against
`d` (`verify_payload(..., facts=...)`).

Keys live in a folder (the data dir's `keys/`): `<station_code>.key` is this station's private
key (PKCS#8 PEM, mode 0600), `<station_code>.pub` are trusted stations' public keys (SPKI PEM).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

PAYLOAD_PREFIX = "HJZM1"  # 户籍证明, payload version 1
_STATION_CODE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


class SigningError(Exception):
    """A key problem; carries a Chinese and an English message."""

    def __init__(self, message_zh: str, message_en: str) -> None:
        super().__init__(f"{message_zh} / {message_en}")
        self.message_zh = message_zh
        self.message_en = message_en


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
        raise SigningError(f"站点代码无效：{station_code!r}", f"invalid station code: {station_code!r}")
    return station_code


def _write_private(path: Path, data: bytes) -> None:
    """Create the key file 0600 from the start (never world-readable, not even briefly)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


class StationSigner:
    """This station's signing key. Thread-safe (the key object is immutable)."""

    def __init__(self, station_code: str, private_key: Ed25519PrivateKey) -> None:
        self.station_code = _check_code(station_code)
        self._key = private_key

    @classmethod
    def generate(cls, folder: Path, station_code: str) -> StationSigner:
        """Make a new key pair in `folder`; refuses to replace an existing key."""
        _check_code(station_code)
        folder.mkdir(parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
        key_path = folder / f"{station_code}.key"
        if key_path.exists():
            raise SigningError(f"密钥已存在：{key_path.name}", f"key already exists: {key_path.name}")
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        _write_private(key_path, pem)
        signer = cls(station_code, key)
        (folder / f"{station_code}.pub").write_bytes(signer.public_pem())
        return signer

    @classmethod
    def load(cls, folder: Path, station_code: str) -> StationSigner:
        key_path = folder / f"{_check_code(station_code)}.key"
        try:
            key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
        except FileNotFoundError as exc:
            raise SigningError(
                f"未找到本站签名密钥：{key_path.name}", f"station key not found: {key_path.name}"
            ) from exc
        except ValueError as exc:
            raise SigningError(
                f"签名密钥文件损坏：{key_path.name}", f"station key unreadable: {key_path.name}"
            ) from exc
        if not isinstance(key, Ed25519PrivateKey):
            raise SigningError("签名密钥不是 Ed25519 密钥", "station key is not an Ed25519 key")
        return cls(station_code, key)

    @classmethod
    def load_or_generate(cls, folder: Path, station_code: str) -> StationSigner:
        if (folder / f"{station_code}.key").exists():
            return cls.load(folder, station_code)
        return cls.generate(folder, station_code)

    @property
    def public_key(self) -> Ed25519PublicKey:
        return self._key.public_key()

    def public_pem(self) -> bytes:
        return self.public_key.public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )

    def sign(self, serial: str, digest: str, issued_on: date) -> str:
        claim = {"v": 1, "st": self.station_code, "sn": serial, "d": digest, "iat": issued_on.isoformat()}
        body = _b64e(json.dumps(claim, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
        signed = f"{PAYLOAD_PREFIX}.{body}"
        return f"{signed}.{_b64e(self._key.sign(signed.encode('ascii')))}"

    def sign_facts(self, serial: str, facts: Mapping[str, str], issued_on: date) -> str:
        return self.sign(serial, facts_digest(facts), issued_on)


class Keyring:
    """Trusted stations' public keys by station code."""

    def __init__(self, keys: Mapping[str, Ed25519PublicKey] | None = None) -> None:
        self._keys: dict[str, Ed25519PublicKey] = dict(keys or {})

    @classmethod
    def load(cls, folder: Path) -> Keyring:
        """Every `<code>.pub` in the folder, and the public half of every `<code>.key`."""
        ring = cls()
        if not folder.is_dir():
            return ring
        for path in sorted(folder.glob("*.pub")):
            try:
                key = serialization.load_pem_public_key(path.read_bytes())
            except ValueError:
                continue  # a damaged file must not hide the other stations' keys
            if isinstance(key, Ed25519PublicKey) and _STATION_CODE.match(path.stem):
                ring.add(path.stem, key)
        for path in sorted(folder.glob("*.key")):
            if path.stem not in ring and _STATION_CODE.match(path.stem):
                try:
                    ring.add(path.stem, StationSigner.load(folder, path.stem).public_key)
                except SigningError:
                    continue
        return ring

    def add(self, station_code: str, key: Ed25519PublicKey) -> None:
        self._keys[_check_code(station_code)] = key

    def get(self, station_code: str) -> Ed25519PublicKey | None:
        return self._keys.get(station_code)

    def __contains__(self, station_code: object) -> bool:
        return station_code in self._keys

    @property
    def station_codes(self) -> list[str]:
        return sorted(self._keys)


class VerificationStatus(StrEnum):
    VALID = "valid"
    FACTS_MISMATCH = "facts_mismatch"  # signature good, but the facts checked differ from it
    TAMPERED = "tampered"
    UNKNOWN_STATION = "unknown_station"
    MALFORMED = "malformed"


@dataclass(frozen=True)
class Claim:
    """What a payload says it certifies."""

    version: int
    station_code: str
    serial: str
    digest: str
    issued_on: date


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
            "digest": claim.digest if claim else None,
            "facts": dict(self.facts) if self.facts is not None else None,
            "verified_at": self.verified_at.isoformat(timespec="seconds"),
        }


class _Malformed(ValueError):
    pass


def parse_payload(text: str) -> tuple[Claim, bytes, bytes]:
    """(claim, signed bytes, signature); raises ValueError when the text is not a payload."""
    parts = text.strip().split(".")
    if len(parts) != 3 or parts[0] != PAYLOAD_PREFIX:
        raise _Malformed("not an HJZM1 payload")
    try:
        raw = json.loads(_b64d(parts[1]).decode("utf-8"))
        signature = _b64d(parts[2])
        claim = Claim(
            version=int(raw["v"]),
            station_code=str(raw["st"]),
            serial=str(raw["sn"]),
            digest=str(raw["d"]),
            issued_on=date.fromisoformat(str(raw["iat"])),
        )
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, binascii.Error) as exc:
        raise _Malformed(str(exc)) from exc
    if claim.version != 1 or len(signature) != 64:
        raise _Malformed("unsupported version or signature length")
    return claim, f"{parts[0]}.{parts[1]}".encode("ascii"), signature


def verify_payload(
    text: str,
    keyring: Keyring,
    *,
    facts: Mapping[str, str] | None = None,
    on_verified: Callable[[Verification], None] | None = None,
) -> Verification:
    """Check a scanned payload offline. `on_verified` sees every result (the store records it;
    an error there propagates, so a verification is never silently left unrecorded)."""
    result = _verify(text, keyring, facts)
    if on_verified is not None:
        on_verified(result)
    return result


def _verify(text: str, keyring: Keyring, facts: Mapping[str, str] | None) -> Verification:
    try:
        claim, signed, signature = parse_payload(text)
    except ValueError:
        return Verification(
            VerificationStatus.MALFORMED, text,
            "无法识别：这不是有效的户籍证明二维码内容。",
            "Malformed: this is not a household-certificate payload.",
        )
    key = keyring.get(claim.station_code)
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
        return Verification(
            VerificationStatus.TAMPERED, text,
            "核验失败：签名不符，二维码内容已被篡改或伪造。",
            "Tampered: the signature does not match; the payload was altered or forged.",
            claim,
        )
    issued = f"{claim.issued_on.year}年{claim.issued_on.month}月{claim.issued_on.day}日"
    if facts is not None and facts_digest(facts) != claim.digest:
        return Verification(
            VerificationStatus.FACTS_MISMATCH, text,
            f"核验失败：二维码签名有效（编号 {claim.serial}），但核对的证明内容与签名不符，证明可能被涂改。",
            f"Facts mismatch: the signature of {claim.serial} is valid but the facts checked differ.",
            claim,
        )
    return Verification(
        VerificationStatus.VALID, text,
        f"核验通过：单位代码 {claim.station_code} 于{issued}出具的户籍证明，编号 {claim.serial}。"
        + ("证明内容与签名一致。" if facts is not None else ""),
        f"Valid: household certificate {claim.serial} issued by station {claim.station_code} "
        f"on {claim.issued_on.isoformat()}." + (" The facts match the signature." if facts is not None else ""),
        claim,
        dict(facts) if facts is not None else None,
    )
