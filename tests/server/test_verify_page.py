"""The certificate's QR opens the city's verification address on any phone: the real server answers
valid with the holder masked, tampered / not issued for forgeries, and records every check."""

from __future__ import annotations

import ssl
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from city_server import City
from desk_fixtures import OLD_MAN
from sqlalchemy import select

from desk.domain.clock import Clock
from desk.domain.workdays import WorkingCalendar
from desk.services.citizens import CitizenService
from desk.services.documents import DocumentService
from desk.services.keys import KeyService
from desk.services.verifications import mask_id_number, mask_name
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry
from printing.signing import KeyRegistry

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def test_masks_show_enough_to_compare_and_no_more() -> None:
    assert (mask_name("李建国"), mask_name("王芳"), mask_name("欧阳娜娜"), mask_name("李")) == \
        ("李*国", "王*", "欧**娜", "李")
    assert mask_id_number("210102195301150015") == "210102********0015"
    assert mask_id_number("21010219530115") == "210102****0115"


def test_a_phone_checks_a_certificate_at_the_city_address(city: City) -> None:
    keys_dir = Path(city.server.work) / "server-keys"
    clock = Clock()
    CitizenService(city.store, clock).set_register_facts(
        None, OLD_MAN, household_head="李建国", relationship_to_head="户主", registered_on=date(1980, 5, 1))
    KeyService(city.store, clock, keys_dir).create("HP01", by="admin")
    documents = DocumentService(city.store, shipped_catalog(), WorkingCalendar(), clock, "HP01", keys_dir)
    issued = documents.household_certificate(OLD_MAN, "子女入学")
    assert issued.payload
    root = city.server.base_url.removesuffix("/api/v1")
    with httpx.Client(verify=ssl.create_default_context(cafile=str(city.server.tls.ca_cert)), timeout=30) as phone:
        page = phone.get(f"{root}/verify", params={"p": issued.payload})
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert "李*国" in page.text and mask_id_number(OLD_MAN) in page.text and OLD_MAN not in page.text
        answer = phone.get(f"{root}/verify", params={"p": issued.payload, "format": "json"}).json()
        assert answer["status"] == "valid" and answer["serial"] == issued.serial
        assert answer["holder_name"] == "李*国" and "digest" not in answer

        signer = KeyRegistry(keys_dir).signer("HP01", clock.today())
        forged = signer.sign_facts("HP01ZM209901019999", {"name": "李四"}, clock.today(),
                                   clock.today() + timedelta(days=90))
        refused = phone.get(f"{root}/verify", params={"p": forged, "format": "json"}).json()
        assert refused["status"] == "not_issued" and refused["holder_name"] is None
        tampered = issued.payload[:-6] + ("AAAAAA" if not issued.payload.endswith("AAAAAA") else "BBBBBB")
        assert phone.get(f"{root}/verify", params={"p": tampered, "format": "json"}).json()["status"] == "tampered"
        junk = phone.get(f"{root}/verify", params={"p": "x" * 10_000, "format": "json"})
        assert junk.status_code == 200 and junk.json()["status"] == "malformed"
    with city.store.read() as session:
        checks = session.execute(select(AuditEntry.details).where(AuditEntry.action == "document.verified")
                                 .order_by(AuditEntry.seq)).scalars().all()
    assert [c["status"] for c in checks][-5:] == ["valid", "valid", "not_issued", "tampered", "malformed"]
    with city.store.read() as session:
        actors = session.execute(select(AuditEntry.actor).where(AuditEntry.action == "document.verified")).scalars()
        assert set(actors) == {"web"}
