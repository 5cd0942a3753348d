"""`desk verify PAYLOAD`: valid / tampered / unknown key / revoked / malformed, and every check recorded;
`desk keys` creates, lists, exports and revokes the signing keys (audited)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from desk.cli import main
from desk.domain.clock import CHINA_TZ
from desk.store.database import Store
from printing import samples
from printing.documents.household_certificate import certificate_payload
from printing.models import HouseholdCertificateData
from printing.signing import StationSigner

KEY_VALID_FROM = date(2026, 1, 1)  # the sample certificate is dated 2026-11

@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path))
    return tmp_path


def _recorded_statuses(data_dir: Path) -> list[str]:
    """The verifications the audit log holds, oldest first."""
    from sqlalchemy import select

    from desk.store.models import AuditEntry

    store = Store(f"sqlite:///{data_dir / 'station-desk.sqlite3'}")
    with store.read() as session:
        rows = session.execute(select(AuditEntry).where(AuditEntry.action == "document.verified")
                               .order_by(AuditEntry.seq)).scalars().all()
        statuses = [row.details["status"] for row in rows]
    store.dispose()
    return statuses


def _issued_today() -> HouseholdCertificateData:
    """The sample certificate as if issued today (`desk verify` checks against the real calendar, in
    the stations' time zone: the machine's may be UTC, 8 hours behind, as CI runners are)."""
    now = datetime.now(CHINA_TZ)
    return replace(samples.household_certificate(), issued_at=now, valid_until=now.date() + timedelta(days=90))


@pytest.fixture
def payload(data_dir: Path) -> str:
    signer = StationSigner.generate(data_dir / "keys", samples.STATION.code, valid_from=datetime.now(CHINA_TZ).date())
    return certificate_payload(_issued_today(), signer)


def test_valid_payload(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["verify", payload]) == 0
    out = capsys.readouterr().out
    assert "核验通过" in out and "Valid" in out and samples.household_certificate().serial in out
    assert _recorded_statuses(data_dir) == ["valid"]


def test_json_output_with_facts(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    facts = data_dir / "facts.json"
    facts.write_text(json.dumps(_issued_today().certified_facts(), ensure_ascii=False))
    assert main(["verify", payload, "--json", "--facts", str(facts)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "valid" and result["facts"]["name"] == samples.household_certificate().name
    facts.write_text(json.dumps({**_issued_today().certified_facts(), "name": "李四"}))
    assert main(["verify", payload, "--json", "--facts", str(facts)]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "facts_mismatch"


def test_tampered_unknown_and_malformed(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path,
                                        tmp_path: Path) -> None:
    prefix, body, signature = payload.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert main(["verify", f"{prefix}.{body}.{flipped}"]) == 1
    assert "篡改" in capsys.readouterr().err
    stranger = StationSigner.generate(tmp_path / "elsewhere", "999999001", valid_from=KEY_VALID_FROM)
    assert main(["verify", stranger.sign_facts("X", {"a": "b"}, samples.NOW.date())]) == 1
    assert "999999001" in capsys.readouterr().err
    assert main(["verify", "https://example.com/not-a-certificate"]) == 1
    assert "无法识别" in capsys.readouterr().err
    assert _recorded_statuses(data_dir) == ["tampered", "unknown_key", "malformed"]


def test_empty_keyring_says_so(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    signer = StationSigner.generate(tmp_path / "k", samples.STATION.code)
    assert main(["verify", signer.sign_facts("X", {"a": "b"}, samples.NOW.date())]) == 1
    assert "没有任何信任的密钥" in capsys.readouterr().err


def test_keys_commands_create_list_export_revoke(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                                tmp_path: Path) -> None:
    assert main(["keys", "list"]) == 0
    assert "没有签名密钥" in capsys.readouterr().out
    assert main(["keys", "create", "210102001"]) == 0
    assert "已创建" in capsys.readouterr().out
    assert main(["keys", "create", "210102001"]) == 1  # one active key per station: rotate instead
    assert "rotate" in capsys.readouterr().err
    assert main(["keys", "list", "--json"]) == 0
    [key] = json.loads(capsys.readouterr().out)
    assert key["station"] == "210102001" and key["status"] == "active"

    exported = tmp_path / "published" / "keyring.json"
    exported.parent.mkdir()
    assert main(["keys", "export-public", str(exported)]) == 0
    capsys.readouterr()
    # A certificate signed today with that key verifies from the exported keyring alone.
    from printing.signing import KeyRegistry

    payload = certificate_payload(_issued_today(), KeyRegistry(data_dir / "keys").signer_for(key["kid"]))
    assert main(["verify", payload, "--keys", str(exported)]) == 0
    capsys.readouterr()

    with pytest.raises(SystemExit):  # a revocation without a reason is refused before anything changes
        main(["keys", "revoke", key["kid"]])
    capsys.readouterr()
    assert main(["keys", "revoke", key["kid"], "--reason", "签名机遗失"]) == 0
    capsys.readouterr()
    assert main(["verify", payload]) == 1
    assert "吊销" in capsys.readouterr().err
    store = Store(f"sqlite:///{data_dir / 'station-desk.sqlite3'}")
    from sqlalchemy import select

    from desk.store.models import AuditEntry

    with store.read() as session:
        actions = [(e.action, e.actor.startswith("cli:")) for e in session.execute(
            select(AuditEntry).where(AuditEntry.entity_type == "key").order_by(AuditEntry.seq)).scalars()]
    store.dispose()
    assert actions == [("key.created", True), ("key.revoked", True)]
