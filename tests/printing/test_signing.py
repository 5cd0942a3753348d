"""Certificate payloads: sign, verify offline, reject tampering, unknown stations and garbage."""

from __future__ import annotations

import base64
import json
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from printing.signing import (
    KEYRING_FILE,
    LEGACY_PREFIX,
    PAYLOAD_PREFIX,
    Claim,
    KeyRegistry,
    Keyring,
    KeyStatus,
    SigningError,
    StationSigner,
    Verification,
    VerificationStatus,
    facts_digest,
    verify_payload,
)

FACTS = {"serial": "HJZM-1", "name": "\U00020bb7志强", "id_number": "21010219900307123X"}
ISSUED = date(2026, 11, 25)
VALID_UNTIL = date(2027, 2, 23)  # 90 days, as a 户籍证明
TODAY = date(2026, 12, 4)
KEY_VALID_FROM = date(2026, 1, 1)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _reencode(payload: str, **changes: object) -> str:
    """The same signature over a changed claim: what a forger can make without the key."""
    prefix, body, signature = payload.split(".")
    claim = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claim.update(changes)
    return f"{prefix}.{_b64(json.dumps(claim, separators=(',', ':')).encode())}.{signature}"


def test_key_files_and_keyring(signer: StationSigner, keys_dir: Path) -> None:
    assert signer.kid is not None and signer.kid.startswith(f"{signer.station_code}-")
    key_file = keys_dir / f"{signer.kid}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    listed = json.loads((keys_dir / KEYRING_FILE).read_text(encoding="utf-8"))["keys"]
    assert [(k["kid"], k["station"], k["status"]) for k in listed] == [(signer.kid, signer.station_code, "active")]
    assert "PRIVATE" not in (keys_dir / KEYRING_FILE).read_text(encoding="utf-8")
    assert Keyring.load(keys_dir).station_codes == [signer.station_code]
    with pytest.raises(SigningError, match=r"signing\.active_exists"):
        StationSigner.generate(keys_dir, signer.station_code)  # one active key per station; never overwritten
    again = KeyRegistry(keys_dir).signer_for(signer.kid)
    assert again.public_pem() == signer.public_pem()


def test_valid_payload_says_what_it_certifies(signer: StationSigner, keyring: Keyring) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    assert payload.startswith(PAYLOAD_PREFIX + ".") and len(payload) < 340
    assert FACTS["id_number"] not in payload and "900307" not in payload
    seen: list[Verification] = []
    result = verify_payload(payload, keyring, on_verified=seen.append, today=TODAY)
    assert result.valid and result.status is VerificationStatus.VALID
    assert result.claim is not None
    assert (result.claim.serial, result.claim.station_code, result.claim.issued_on) == ("HJZM-1", "210102001", ISSUED)
    assert (result.claim.kid, result.claim.valid_until) == (signer.kid, VALID_UNTIL)
    assert result.claim.digest == facts_digest(FACTS)
    assert seen == [result]  # the hook sees every verification
    assert verify_payload(payload, keyring, facts=FACTS, today=TODAY).facts == FACTS


@pytest.mark.parametrize("change", [{"sn": "HJZM-2"}, {"d": facts_digest({"name": "李四"})}, {"iat": "2030-01-01"}])
def test_tampered_claim_is_rejected(signer: StationSigner, keyring: Keyring, change: dict[str, str]) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED)
    result = verify_payload(_reencode(payload, **change), keyring)
    assert result.status is VerificationStatus.TAMPERED and not result.valid
    assert "篡改" in result.message_zh


def test_unknown_key_and_other_stations_key(signer: StationSigner, keyring: Keyring, tmp_path: Path) -> None:
    stranger = StationSigner.generate(tmp_path / "other", "999999001", valid_from=KEY_VALID_FROM)
    payload = stranger.sign_facts("X-1", FACTS, ISSUED)
    assert verify_payload(payload, keyring).status is VerificationStatus.UNKNOWN_KEY
    # Claiming our station and our key id with the stranger's signature does not work either.
    forged = _reencode(payload, st="210102001", kid=signer.kid)
    assert verify_payload(forged, keyring).status is VerificationStatus.TAMPERED
    # Nor does our station under the stranger's (trusted) key: a key signs for its own station only.
    trusting = Keyring.load(tmp_path / "other" / KEYRING_FILE)
    assert verify_payload(payload, trusting).valid
    assert verify_payload(_reencode(payload, st="210102001"), trusting).status is VerificationStatus.TAMPERED


def _version_1_key(folder: Path, station_code: str) -> StationSigner:
    """A station key as version 1 kept it: `<station>.pub` beside the folder's other keys, no key id."""
    folder.mkdir(parents=True)
    signer = StationSigner(station_code, Ed25519PrivateKey.generate())
    (folder / f"{station_code}.pub").write_bytes(signer.public_pem())
    return signer


def test_legacy_version_1_payload_still_verifies_by_station(tmp_path: Path) -> None:
    old = _version_1_key(tmp_path / "v1", "210102001")
    payload = old.sign_facts("HJZM-0", FACTS, ISSUED)
    assert payload.startswith(LEGACY_PREFIX + ".")
    assert verify_payload(payload, Keyring.load(tmp_path / "v1")).valid
    assert verify_payload(payload, Keyring()).status is VerificationStatus.UNKNOWN_STATION


def test_rotation_keeps_old_certificates_valid_and_signs_with_the_new_key(signer: StationSigner,
                                                                          keys_dir: Path) -> None:
    before = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    registry = KeyRegistry(keys_dir)
    new = registry.rotate("210102001", valid_from=date(2026, 12, 1))
    assert registry.record(signer.kid).status is KeyStatus.RETIRED
    assert registry.signer("210102001", date(2026, 12, 4)).kid == new.kid
    keyring = Keyring.load(keys_dir)
    assert verify_payload(before, keyring, today=TODAY).valid
    after = registry.signer_for(new.kid).sign_facts("HJZM-2", FACTS, date(2026, 12, 4), VALID_UNTIL)
    assert verify_payload(after, keyring, today=TODAY).valid


def test_revoked_key_reads_revoked_and_signs_no_more(signer: StationSigner, keys_dir: Path) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    registry = KeyRegistry(keys_dir)
    registry.revoke(signer.kid, "签名设备遗失")
    result = verify_payload(payload, Keyring.load(keys_dir), today=TODAY)
    assert result.status is VerificationStatus.REVOKED and "吊销" in result.message_zh
    assert not (keys_dir / f"{signer.kid}.key").exists()
    with pytest.raises(SigningError, match=r"signing\.no_usable_key"):
        registry.signer("210102001", TODAY)
    with pytest.raises(SigningError, match=r"signing\.revoke_reason"):
        registry.revoke(signer.kid, "  ")


def test_expired_certificate_and_back_dated_payload(signer: StationSigner, keyring: Keyring) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    result = verify_payload(payload, keyring, today=VALID_UNTIL + timedelta(days=1))
    assert result.status is VerificationStatus.EXPIRED and "过期" in result.message_zh
    assert verify_payload(payload, keyring, today=VALID_UNTIL).valid  # the last day still counts
    # The real key, a date before the key existed: only a key holder forging an old paper makes that.
    back_dated = signer.sign_facts("HJZM-0", FACTS, KEY_VALID_FROM - timedelta(days=30), VALID_UNTIL)
    assert verify_payload(back_dated, keyring, today=TODAY).status is VerificationStatus.TAMPERED


def test_serial_unknown_to_the_register_reads_not_issued(signer: StationSigner, keyring: Keyring) -> None:
    payload = signer.sign_facts("HJZM-9", FACTS, ISSUED, VALID_UNTIL)
    asked: list[str] = []

    def register_knows(claim: Claim) -> bool | None:
        asked.append(claim.serial)
        return claim.serial == "HJZM-1"

    result = verify_payload(payload, keyring, today=TODAY, serial_check=register_knows)
    assert result.status is VerificationStatus.NOT_ISSUED and asked == ["HJZM-9"]
    assert verify_payload(payload, keyring, today=TODAY, serial_check=lambda _claim: None).valid  # cannot tell


def test_exported_public_keyring_verifies_without_any_private_key(signer: StationSigner, keys_dir: Path,
                                                                  tmp_path: Path) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    exported = tmp_path / "elsewhere" / KEYRING_FILE  # where a desk or kiosk keeps the city keyring
    exported.parent.mkdir()
    assert KeyRegistry(keys_dir).export_public(exported) == 1
    assert "PRIVATE" not in exported.read_text(encoding="utf-8")
    assert verify_payload(payload, Keyring.load(exported), today=TODAY).valid
    with pytest.raises(SigningError, match=r"signing\.no_private_key"):
        KeyRegistry(exported.parent).signer_for(signer.kid)  # nothing there can sign


def test_payload_inside_a_verification_address_is_found(signer: StationSigner, keyring: Keyring) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED, VALID_UNTIL)
    for scanned in (f"https://verify.example.gov.cn/hjzm?p={payload}", f"https://verify.example.gov.cn/#{payload}"):
        assert verify_payload(scanned, keyring, today=TODAY).valid


@pytest.mark.parametrize("text", ["", "hello", "HJZM1.abc", "HJZM1.!!.xx", "HJZM2.e30.AAAA",
                                  "HJZM1." + _b64(b"{}") + "." + _b64(b"x" * 64),
                                  "HJZM1." + _b64(b"not json") + "." + _b64(b"x" * 64)])
def test_malformed(text: str, keyring: Keyring) -> None:
    result = verify_payload(text, keyring)
    assert result.status is VerificationStatus.MALFORMED and not result.valid


_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."


@settings(max_examples=150, deadline=None)
@given(position=st.integers(min_value=0), replacement=st.sampled_from(_ALPHABET))
def test_no_single_character_change_verifies(tmp_path_factory: pytest.TempPathFactory, position: int,
                                             replacement: str) -> None:
    signer, keyring = _fixed_signer(tmp_path_factory)
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED)
    index = position % len(payload)
    changed = payload[:index] + replacement + payload[index + 1:]
    if changed != payload:
        assert not verify_payload(changed, keyring).valid


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=20), min_size=1, max_size=6))
def test_any_facts_round_trip_and_any_change_is_noticed(tmp_path_factory: pytest.TempPathFactory,
                                                        facts: dict[str, str]) -> None:
    signer, keyring = _fixed_signer(tmp_path_factory)
    payload = signer.sign_facts("S-1", facts, ISSUED)
    assert verify_payload(payload, keyring, facts=facts).status is VerificationStatus.VALID
    key = next(iter(facts))
    changed = {**facts, key: facts[key] + "x"}
    assert verify_payload(payload, keyring, facts=changed).status is VerificationStatus.FACTS_MISMATCH


_SIGNERS: dict[str, tuple[StationSigner, Keyring]] = {}


def _fixed_signer(factory: pytest.TempPathFactory) -> tuple[StationSigner, Keyring]:
    """One key for all hypothesis examples (generating a key per example is wasted time)."""
    if "s" not in _SIGNERS:
        folder = factory.mktemp("hypothesis-keys")
        signer = StationSigner.generate(folder, "210102001", valid_from=KEY_VALID_FROM)
        _SIGNERS["s"] = (signer, Keyring.load(folder))
    return _SIGNERS["s"]


def test_damaged_public_key_file_does_not_hide_others(signer: StationSigner, keys_dir: Path) -> None:
    (keys_dir / "123456789.pub").write_text("not a key")
    assert Keyring.load(keys_dir).station_codes == [signer.station_code]
