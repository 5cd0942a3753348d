"""网上预审 over the city server (API v1, `desk/server/online_routes.py`): the desk's calls with a clerk's
session against a real server process — the queue, open, the upload's bytes, the one-time notice, a
visit, the counter's pre-filled case — and another station's clerk refused (403, audited)."""

from __future__ import annotations

import base64
import re
from typing import Any

import pytest
from browser import OnlineCity
from city_server import PASSWORD
from desk_fixtures import OLD_MAN, YOUNG_WOMAN
from online_samples import PDF_BYTES, PHONE, RELATIVE_CERTIFICATE, image_bytes
from sqlalchemy import select

from desk.domain.clock import Clock
from desk.domain.online import OnlineState
from desk.domain.workflow import Role
from desk.remote.connection import Connection
from desk.remote.online import RemoteOnline
from desk.services.online import AlreadyCase, Citizen, OnlineService, UploadFile
from desk.services.users import UserService
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry


def _citizen(online: OnlineService) -> Citizen:
    online.send_code(YOUNG_WOMAN, PHONE)
    code = re.search(r"验证码 (\d{6})", online.outbox(PHONE)[-1].text)
    assert code is not None
    citizen = online.citizen(online.sign_in(YOUNG_WOMAN, code.group(1)))
    assert citizen is not None
    return citizen


def test_the_desk_pre_reviews_over_the_server(online_city: OnlineCity) -> None:
    city = online_city
    online = OnlineService(city.store, shipped_catalog(), Clock())
    sent = online.submit(_citizen(online), "HP01", "booklet_reissue",
                         {"household_type": "family", "loss_reason": "stolen", "applicant_is_head": True,
                          "contact_phone": PHONE}, [UploadFile("applicant_id_card", "id.png", image_bytes("PNG"))])
    desk = city.server.client("desk-online-1")
    assert desk.sign_in("clerk", PASSWORD).status_code == 200
    queue = desk.get("/online/queue")
    assert queue.status_code == 200 and sent.number in [a["number"] for a in queue.json()]

    opened: dict[str, Any] = desk.post(f"/online/{sent.number}/open").json()
    assert opened["state"] == "under_review" and opened["qr_payload"] == f"HJWS1:{sent.number}"
    upload = desk.get(f"/online/{sent.number}/uploads/{opened['uploads'][0]['upload_id']}").json()
    assert upload["upload"]["content_type"] == "image/png"
    assert base64.b64decode(upload["data_base64"]).startswith(b"\x89PNG")

    refused = desk.post(f"/online/{sent.number}/decide", {"expected_version": opened["version"]})
    assert refused.status_code == 422 and "不是全程网办事项" in refused.json()["message_zh"]
    asked = desk.post(f"/online/{sent.number}/supplement",
                      {"expected_version": opened["version"], "missing": ["applicant_id_card"], "note": "看不清"})
    assert asked.status_code == 200 and asked.json()["state"] == "supplement_asked"
    stale = desk.post(f"/online/{sent.number}/supplement",
                      {"expected_version": opened["version"], "missing": ["applicant_id_card"]})
    assert stale.status_code == 409

    converted = desk.post(f"/online/{sent.number}/counter")
    assert converted.status_code == 200
    body = converted.json()
    assert body["case"]["state"] == "draft" and body["case"]["form_values"]["loss_reason"] == "stolen"
    assert body["application"]["case_number"] == body["case"]["number"]
    again = desk.post(f"/online/{sent.number}/counter").json()
    assert again["already_case"] == body["case"]["number"]
    desk.close()


def test_the_remote_client_answers_as_the_service_does(online_city: OnlineCity) -> None:
    city = online_city
    online = OnlineService(city.store, shipped_catalog(), Clock())
    sent = online.submit(_citizen(online), "HP01", "household_certificate",
                         {**RELATIVE_CERTIFICATE, "subject": {"name": "李建国", "id_number": OLD_MAN}},
                         [UploadFile("relationship_proof", "proof.pdf", PDF_BYTES)])
    connection = Connection(city.server.base_url.removesuffix("/api/v1"), "pc-online", str(city.server.tls.ca_cert))
    clerk = connection.sign_in("clerk", PASSWORD)
    remote = RemoteOnline(connection)
    assert sent.number in [a.number for a in remote.queue("HP01")]
    opened = remote.open(clerk.actor, sent.number)
    assert opened.state is OnlineState.UNDER_REVIEW and opened.form_values == sent.form_values
    view, data = remote.upload_data(clerk.actor, sent.number, opened.uploads[0].upload_id)
    assert (view.content_type, data) == ("application/pdf", PDF_BYTES)
    decided, papers = remote.decide_online(clerk.actor, sent.number, opened.version)
    assert decided.state is OnlineState.DECIDED_ONLINE and papers.case.number == decided.case_number
    assert papers.papers and papers.papers[0].pdf.startswith(b"%PDF")
    with pytest.raises(AlreadyCase) as already:  # its QR scanned later opens the case it became
        remote.open_at_counter(clerk.actor, sent.number)
    assert already.value.case_number == decided.case_number
    connection.close()


def test_another_stations_clerk_is_refused_and_audited(online_city: OnlineCity) -> None:
    city = online_city
    users = UserService(city.store, Clock())
    users.ensure_station("HP02", "沈阳市公安局和平分局南市场派出所", "沈阳市公安局和平分局")
    users.create_user("clerk_hp02", "孙悦", Role.CLERK, "HP02", PASSWORD)
    online = OnlineService(city.store, shipped_catalog(), Clock())
    sent = online.submit(_citizen(online), "HP01", "booklet_reissue",
                         {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
                          "contact_phone": PHONE})
    other = city.server.client("desk-online-2")
    assert other.sign_in("clerk_hp02", PASSWORD).status_code == 200
    assert sent.number not in [a["number"] for a in other.get("/online/queue").json()]
    refused = other.post(f"/online/{sent.number}/open")
    assert refused.status_code == 403 and refused.json()["code"] == "other_station"
    with city.store.read() as session:
        actions = session.execute(select(AuditEntry.action).where(AuditEntry.actor == "clerk_hp02")).scalars().all()
    assert "server.refused" in actions
    other.close()
