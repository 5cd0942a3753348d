"""Certificate payloads: sign, verify offline, reject tampering, unknown stations and garbage."""

from __future__ import annotations

import base64
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printing.signing import (
    PAYLOAD_PREFIX,
    Keyring,
    SigningError,
    StationSigner,
    Verification,
    VerificationStatus,
    facts_digest,
    verify_payload,
)

FACTS = {"serial": "HJZM-1", "name": "\U00020bb7志强", "id_number": "21010219900307123X"}
ISSUED = date(2026, 11, 25)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _reencode(payload: str, **changes: object) -> str:
    """The same signature over a changed claim: what a forger can make without the key."""
    prefix, body, signature = payload.split(".")
    claim = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    claim.update(changes)
    return f"{prefix}.{_b64(json.dumps(claim, separators=(',', ':')).encode())}.{signature}"


def test_key_files_and_keyring(signer: StationSigner, keys_dir: Path) -> None:
    key_file = keys_dir / f"{signer.station_code}.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(keys_dir.stat().st_mode) == 0o700
    assert (keys_dir / f"{signer.station_code}.pub").exists()
    assert Keyring.load(keys_dir).station_codes == [signer.station_code]
    with pytest.raises(SigningError):
        StationSigner.generate(keys_dir, signer.station_code)  # never overwrite a key
    again = StationSigner.load(keys_dir, signer.station_code)
    assert again.public_pem() == signer.public_pem()


def test_valid_payload_says_what_it_certifies(signer: StationSigner, keyring: Keyring) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED)
    assert payload.startswith(PAYLOAD_PREFIX + ".") and len(payload) < 300
    assert FACTS["id_number"] not in payload and "900307" not in payload
    seen: list[Verification] = []
    result = verify_payload(payload, keyring, on_verified=seen.append)
    assert result.valid and result.status is VerificationStatus.VALID
    assert result.claim is not None
    assert (result.claim.serial, result.claim.station_code, result.claim.issued_on) == ("HJZM-1", "210102001", ISSUED)
    assert result.claim.digest == facts_digest(FACTS)
    assert seen == [result]  # the hook sees every verification
    assert verify_payload(payload, keyring, facts=FACTS).facts == FACTS


@pytest.mark.parametrize("change", [{"sn": "HJZM-2"}, {"d": facts_digest({"name": "李四"})}, {"iat": "2030-01-01"}])
def test_tampered_claim_is_rejected(signer: StationSigner, keyring: Keyring, change: dict[str, str]) -> None:
    payload = signer.sign_facts("HJZM-1", FACTS, ISSUED)
    result = verify_payload(_reencode(payload, **change), keyring)
    assert result.status is VerificationStatus.TAMPERED and not result.valid
    assert "篡改" in result.message_zh


def test_unknown_station_and_other_stations_key(signer: StationSigner, keyring: Keyring, tmp_path: Path) -> None:
    stranger = StationSigner.generate(tmp_path / "other", "999999001")
    payload = stranger.sign_facts("X-1", FACTS, ISSUED)
    assert verify_payload(payload, keyring).status is VerificationStatus.UNKNOWN_STATION
    # Claiming to be our station with the stranger's key does not work either.
    assert verify_payload(_reencode(payload, st="210102001"), keyring).status is VerificationStatus.TAMPERED
    keyring.add("999999001", stranger.public_key)
    assert verify_payload(payload, keyring).valid


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
        signer = StationSigner.generate(folder, "210102001")
        _SIGNERS["s"] = (signer, Keyring.load(folder))
    return _SIGNERS["s"]


def test_damaged_public_key_file_does_not_hide_others(signer: StationSigner, keys_dir: Path) -> None:
    (keys_dir / "123456789.pub").write_text("not a key")
    assert Keyring.load(keys_dir).station_codes == [signer.station_code]
