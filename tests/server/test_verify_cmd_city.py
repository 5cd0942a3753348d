"""`desk verify` on a desk in city mode (the machine knows only the server's address and its CA): the
certificate one station's server signed is checked at another station's desk — through the city's
verification address, or offline against the exported public keyring — and a forged one is refused."""

from __future__ import annotations

import io
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from city_server import City
from desk_fixtures import OLD_MAN
from sqlalchemy import select

from desk.cli import main
from desk.domain.clock import Clock
from desk.domain.workdays import WorkingCalendar
from desk.services.citizens import CitizenService
from desk.services.documents import DocumentService
from desk.services.keys import KeyService
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry
from printing.signing import verification_text

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture(scope="module")
def issued(city: City) -> tuple[str, Path]:
    """A 户籍证明 signed with the server's key for HP01, and the city's exported public keyring."""
    keys_dir = Path(city.server.work) / "server-keys"
    clock = Clock()
    CitizenService(city.store, clock).set_register_facts(
        None, OLD_MAN, household_head="李建国", relationship_to_head="户主", registered_on=date(1980, 5, 1))
    keys = KeyService(city.store, clock, keys_dir)
    if not keys.list():
        keys.create("HP01", by="admin")
    documents = DocumentService(city.store, shipped_catalog(), WorkingCalendar(), clock, "HP01", keys_dir)
    payload = documents.household_certificate(OLD_MAN, "子女入学").payload
    assert payload
    keyring = Path(city.server.work) / "exported" / "keyring.json"
    keyring.parent.mkdir(exist_ok=True)
    keys.export_public(keyring)
    return payload, keyring


@pytest.fixture
def other_station_desk(city: City, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Station HP02's desk PC: its own empty data folder, the server's address and CA, nothing else."""
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_SYSTEM_SETTINGS", str(tmp_path / "none.toml"))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("DESK_SERVER_URL", city.server.base_url.removesuffix("/api/v1"))
    monkeypatch.setenv("DESK_SERVER_CA", str(city.server.tls.ca_cert))
    monkeypatch.setenv("DESK_DEVICE_ID", "HP02-window-1")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def forged(payload: str) -> str:
    head, claim, signature = payload.split(".")
    return f"{head}.{claim}.{signature[:-4]}{'AAAA' if not signature.endswith('AAAA') else 'BBBB'}"


def verified_in_the_log(city: City) -> list[dict[str, Any]]:
    with city.store.read() as session:
        return list(session.execute(select(AuditEntry.details).where(AuditEntry.action == "document.verified")
                                    .order_by(AuditEntry.seq)).scalars())


@pytest.mark.usefixtures("other_station_desk")
def test_another_station_s_desk_asks_the_city_server(city: City, issued: tuple[str, Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    payload, _keyring = issued
    before = len(verified_in_the_log(city))
    assert main(["verify", verification_text(payload, "https://desk.city.example/verify")]) == 0
    out = capsys.readouterr().out
    assert "核验通过" in out and "Valid" in out and "李*国" in out and OLD_MAN not in out
    assert main(["verify", "--json", payload]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"

    assert main(["verify", forged(payload)]) == 1
    assert "篡改" in capsys.readouterr().err
    checks = verified_in_the_log(city)[before:]
    assert [check["status"] for check in checks] == ["valid", "valid", "tampered"]


@pytest.mark.usefixtures("other_station_desk")
def test_offline_with_the_public_keyring_and_a_clear_word_when_the_server_is_away(
        issued: tuple[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    payload, keyring = issued
    assert main(["verify", payload, "--keys", str(keyring)]) == 0
    out = capsys.readouterr().out
    assert "核验通过" in out and "离线核验" in out
    assert main(["verify", forged(payload), "--keys", str(keyring)]) == 1
    assert "篡改" in capsys.readouterr().err

    monkeypatch.setenv("DESK_SERVER_URL", "https://127.0.0.1:9")
    assert main(["verify", payload]) == 1
    err = capsys.readouterr().err
    assert "无法连接城市服务器" in err and "--keys" in err
