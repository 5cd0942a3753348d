"""`desk verify PAYLOAD`: valid / tampered / unknown station / malformed, and every check recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main
from desk.store.database import Store
from printing import samples
from printing.documents.household_certificate import certificate_payload
from printing.signing import StationSigner


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


@pytest.fixture
def payload(data_dir: Path) -> str:
    signer = StationSigner.generate(data_dir / "keys", samples.STATION.code)
    return certificate_payload(samples.household_certificate(), signer)


def test_valid_payload(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    assert main(["verify", payload]) == 0
    out = capsys.readouterr().out
    assert "核验通过" in out and "Valid" in out and samples.household_certificate().serial in out
    assert _recorded_statuses(data_dir) == ["valid"]


def test_json_output_with_facts(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    facts = data_dir / "facts.json"
    facts.write_text(json.dumps(samples.household_certificate().certified_facts(), ensure_ascii=False))
    assert main(["verify", payload, "--json", "--facts", str(facts)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "valid" and result["facts"]["name"] == samples.household_certificate().name
    facts.write_text(json.dumps({**samples.household_certificate().certified_facts(), "name": "李四"}))
    assert main(["verify", payload, "--json", "--facts", str(facts)]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == "facts_mismatch"


def test_tampered_unknown_and_malformed(payload: str, capsys: pytest.CaptureFixture[str], data_dir: Path,
                                        tmp_path: Path) -> None:
    prefix, body, signature = payload.split(".")
    flipped = signature[:10] + ("A" if signature[10] != "A" else "B") + signature[11:]
    assert main(["verify", f"{prefix}.{body}.{flipped}"]) == 1
    assert "篡改" in capsys.readouterr().err
    stranger = StationSigner.generate(tmp_path / "elsewhere", "999999001")
    assert main(["verify", stranger.sign_facts("X", {"a": "b"}, samples.NOW.date())]) == 1
    assert "999999001" in capsys.readouterr().err
    assert main(["verify", "https://example.com/not-a-certificate"]) == 1
    assert "无法识别" in capsys.readouterr().err
    assert _recorded_statuses(data_dir) == ["tampered", "unknown_station", "malformed"]


def test_empty_keyring_says_so(capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    signer = StationSigner.generate(tmp_path / "k", samples.STATION.code)
    assert main(["verify", signer.sign_facts("X", {"a": "b"}, samples.NOW.date())]) == 1
    assert "没有任何信任的密钥" in capsys.readouterr().err
