"""The city server for real: `desk server` over TLS in front of PostgreSQL, driven over HTTPS.

Whole flows of a leader-level and a branch-level case, and every refusal the issue names — each with
a clear message in both languages, an audit entry, and nothing changed.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from city_server import PASSWORD, ApiClient, City
from desk_fixtures import OLD_MAN, YOUNG_WOMAN
from pypdf import PdfReader
from sqlalchemy import select, update

from desk.services import audit
from desk.store.models import AuditEntry, ServerSession, User

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

LEADER_MATERIALS = ["booklet", "relationship_proof", "marriage_certificate"]
LEADER_VALUES = {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}


@pytest.fixture
def desks(city: City) -> Iterator[dict[str, ApiClient]]:
    """A client per person, each on a device of its own, not yet signed in."""
    clients: dict[str, ApiClient] = {}

    def open_client(name: str, device: str | None = None) -> ApiClient:
        clients[name] = city.server.client(device or f"dev-{name}")
        return clients[name]

    for name in ("clerk", "clerk2", "leader", "leader2", "clerk_nsc", "leader_sh", "branch", "retired"):
        open_client(name)
    yield clients
    for client in clients.values():
        client.close()


def signed_in(client: ApiClient, username: str, kind: str = "desk") -> ApiClient:
    response = client.sign_in(username, PASSWORD, kind)
    assert response.status_code == 200, response.text
    return client


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def refusal(city: City, response: httpx.Response, status: int, code: str, actor: str) -> dict[str, Any]:
    """The call was refused with this code and a message in both languages, and the refusal is audited."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body
    with city.store.read() as session:
        entries = session.execute(select(AuditEntry).where(AuditEntry.action == "server.refused")
                                  .order_by(AuditEntry.seq.desc()).limit(20)).scalars().all()
    mine = [e for e in entries if e.actor == actor and e.details.get("code") == code]
    assert mine, f"no audit entry for the refusal {code} of {actor}"
    assert mine[0].details["call"] == f"{response.request.method} {response.request.url.path}"
    return body


def open_case(client: ApiClient, transaction: str, values: dict[str, Any]) -> dict[str, Any]:
    return ok(client.post("/cases", {"applicant_id_number": OLD_MAN, "transaction_code": transaction,
                                     "values": values}))


def under_review(client: ApiClient, transaction: str, values: dict[str, Any], materials: list[str]) -> dict[str, Any]:
    draft = open_case(client, transaction, values)
    accepted = ok(client.post(f"/cases/{draft['number']}/accept",
                              {"expected_version": draft["version"], "received": materials}))
    assert accepted["case"]["state"] == "accepted"
    receipt = accepted["papers"][0]
    assert receipt["kind"] == "receipt"
    pdf = base64.b64decode(receipt["pdf_base64"])
    assert pdf.startswith(b"%PDF") and draft["number"] in "".join(
        page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    submitted = ok(client.post(f"/cases/{draft['number']}/submit", {"expected_version": accepted["case"]["version"]}))
    assert submitted["case"]["state"] == "under_review" and submitted["papers"] == []
    return submitted["case"]


def test_the_api_is_versioned_and_published(city: City) -> None:
    with httpx.Client(verify=city.server.ssl_context()) as client:
        spec = ok(client.get(f"{city.server.base_url}/openapi.json"))
    assert spec["info"]["version"] == "1"
    for word in ("accept", "supplement", "not-accept", "submit", "approve", "deny", "complete", "withdraw"):
        assert f"/api/v1/cases/{{number}}/{word}" in spec["paths"]


def test_the_server_speaks_only_tls_that_the_city_ca_vouches_for(city: City) -> None:
    with httpx.Client(verify=True) as system_trust, pytest.raises(httpx.ConnectError):
        system_trust.get(f"{city.server.base_url}/health")  # not a certificate the system trusts
    with httpx.Client() as plain, pytest.raises(httpx.TransportError):
        plain.get(f"http://127.0.0.1:{city.server.port}/api/v1/health")


def test_a_leader_level_case_through_the_api(city: City, desks: dict[str, ApiClient]) -> None:
    clerk, leader = signed_in(desks["clerk"], "clerk"), signed_in(desks["leader"], "leader")
    case = under_review(clerk, "leader_item", LEADER_VALUES, LEADER_MATERIALS)
    number, version = case["number"], case["version"]
    assert number in [c["number"] for c in ok(leader.get("/cases/review"))]
    assert number in [c["number"] for c in ok(clerk.get("/cases/today"))]
    # Approving asks for the password again; a wrong one is refused and changes nothing.
    refusal(city, leader.post(f"/cases/{number}/approve", {"expected_version": version, "password": "wrong"}),
            403, "permission_denied", "leader")
    approved = ok(leader.post(f"/cases/{number}/approve", {"expected_version": version, "password": PASSWORD}))
    assert approved["case"]["state"] == "approved"
    done = ok(clerk.post(f"/cases/{number}/complete", {"expected_version": approved["case"]["version"]}))
    assert done["case"]["state"] == "completed"
    assert [p["kind"] for p in done["papers"]] == ["completion_notice"]
    shown = ok(clerk.get(f"/cases/{number}"))
    assert [h["action"] for h in shown["events"]] == ["open", "accept", "submit_for_review", "approve", "complete"]
    assert ok(clerk.get(f"/citizens/{OLD_MAN}"))["name"] == "李建国"


def test_a_branch_level_case_is_decided_by_the_branch_for_its_stations(city: City,
                                                                      desks: dict[str, ApiClient]) -> None:
    station_clerk = signed_in(desks["clerk_nsc"], "clerk_nsc")  # HP02, a station of 和平分局
    branch, leader = signed_in(desks["branch"], "branch"), signed_in(desks["leader"], "leader")
    case = under_review(station_clerk, "branch_item", {"correct_birth_date": "1953-01-16"},
                        ["birth_medical_certificate"])
    number, version = case["number"], case["version"]
    assert number in [c["number"] for c in ok(branch.get("/cases/review"))]
    assert number not in [c["number"] for c in ok(leader.get("/cases/review"))]
    # Neither a leader of another station nor the station itself types in the branch's decision.
    refusal(city, leader.post(f"/cases/{number}/approve", {"expected_version": version, "password": PASSWORD}),
            403, "other_station", "leader")
    own = under_review(signed_in(desks["clerk"], "clerk"), "branch_item", {"correct_birth_date": "1953-01-16"},
                       ["birth_medical_certificate"])
    refusal(city, leader.post(f"/cases/{own['number']}/approve",
                              {"expected_version": own["version"], "password": PASSWORD}),
            403, "not_a_decider", "leader")
    denied = ok(branch.post(f"/cases/{own['number']}/deny", {"expected_version": own["version"],
                                                             "password": PASSWORD, "reason": "出生医学证明与档案不符"}))
    assert [p["kind"] for p in denied["papers"]] == ["denial_decision"]
    approved = ok(branch.post(f"/cases/{number}/approve", {"expected_version": version, "password": PASSWORD}))
    assert approved["case"]["state"] == "approved"
    done = ok(station_clerk.post(f"/cases/{number}/complete", {"expected_version": approved["case"]["version"]}))
    assert done["case"]["state"] == "completed"


def test_an_unauthenticated_call_is_refused(city: City, desks: dict[str, ApiClient]) -> None:
    nobody = desks["clerk2"]
    refusal(city, nobody.get("/cases/today"), 401, "unauthenticated", "-")
    nobody.token = "made-up-token"
    refusal(city, nobody.post("/cases", {"applicant_id_number": OLD_MAN, "transaction_code": "spot_item"}),
            401, "unauthenticated", "-")


def test_a_clerk_cannot_approve(city: City, desks: dict[str, ApiClient]) -> None:
    clerk, clerk2 = signed_in(desks["clerk"], "clerk"), signed_in(desks["clerk2"], "clerk2")
    case = under_review(clerk, "leader_item", LEADER_VALUES, LEADER_MATERIALS)
    body = refusal(city, clerk2.post(f"/cases/{case['number']}/approve",
                                     {"expected_version": case["version"], "password": PASSWORD}),
                   403, "role_not_permitted", "clerk2")
    assert "窗口民警" in body["message_zh"]
    assert ok(clerk.get(f"/cases/{case['number']}"))["state"] == "under_review"


def test_a_leader_who_accepted_at_the_window_never_approves_it(city: City, desks: dict[str, ApiClient]) -> None:
    leader, leader2 = signed_in(desks["leader"], "leader"), signed_in(desks["leader2"], "leader2")
    case = under_review(leader, "leader_item", LEADER_VALUES, LEADER_MATERIALS)  # the leader at the window
    refusal(city, leader.post(f"/cases/{case['number']}/approve",
                              {"expected_version": case["version"], "password": PASSWORD}),
            403, "separation_of_duties", "leader")
    # Another leader of the station may.
    approved = ok(leader2.post(f"/cases/{case['number']}/approve",
                               {"expected_version": case["version"], "password": PASSWORD}))
    assert approved["case"]["state"] == "approved"


def test_the_submitter_never_approves_what_someone_else_accepted(city: City, desks: dict[str, ApiClient]) -> None:
    clerk, leader = signed_in(desks["clerk"], "clerk"), signed_in(desks["leader"], "leader")
    draft = open_case(clerk, "leader_item", LEADER_VALUES)
    accepted = ok(clerk.post(f"/cases/{draft['number']}/accept",
                             {"expected_version": draft["version"], "received": LEADER_MATERIALS}))["case"]
    submitted = ok(leader.post(f"/cases/{draft['number']}/submit", {"expected_version": accepted["version"]}))["case"]
    refusal(city, leader.post(f"/cases/{draft['number']}/approve",
                              {"expected_version": submitted["version"], "password": PASSWORD}),
            403, "separation_of_duties", "leader")


def test_another_stations_leader_cannot_decide_or_even_read(city: City, desks: dict[str, ApiClient]) -> None:
    clerk, stranger = signed_in(desks["clerk"], "clerk"), signed_in(desks["leader_sh"], "leader_sh")
    case = under_review(clerk, "leader_item", LEADER_VALUES, LEADER_MATERIALS)
    refusal(city, stranger.post(f"/cases/{case['number']}/approve",
                                {"expected_version": case["version"], "password": PASSWORD}),
            403, "other_station", "leader_sh")
    refusal(city, stranger.get(f"/cases/{case['number']}"), 403, "other_station", "leader_sh")
    assert case["number"] not in [c["number"] for c in ok(stranger.get("/cases/review"))]


def test_a_deactivated_user_is_refused_at_the_next_call(city: City, desks: dict[str, ApiClient]) -> None:
    retired = signed_in(desks["retired"], "retired")
    ok(retired.get("/cases/today"))
    city.users.set_active("retired", False)
    try:
        refusal(city, retired.get("/cases/today"), 403, "user_inactive", "retired")
        assert retired.sign_in("retired", PASSWORD).status_code == 401
    finally:
        city.users.set_active("retired", True)


def test_an_expired_session_is_refused(city: City, desks: dict[str, ApiClient]) -> None:
    clerk = signed_in(desks["clerk2"], "clerk2")
    ok(clerk.get("/cases/today"))
    with city.store.write() as session:
        user_id = session.execute(select(User.id).where(User.username == "clerk2")).scalar_one()
        session.execute(update(ServerSession)
                        .where(ServerSession.user_id == user_id, ServerSession.revoked_at.is_(None))
                        .values(last_seen=datetime.now(UTC) - timedelta(minutes=16)))
    body = refusal(city, clerk.get("/cases/today"), 401, "session_expired", "-")
    assert "过期" in body["message_zh"]
    signed_in(clerk, "clerk2")
    ok(clerk.get("/cases/today"))


def test_a_session_works_only_from_its_own_device_and_ends_at_sign_out(city: City,
                                                                       desks: dict[str, ApiClient]) -> None:
    clerk = signed_in(desks["clerk"], "clerk")
    thief = city.server.client("another-pc")
    thief.token = clerk.token
    try:
        refusal(city, thief.get("/cases/today"), 401, "session_wrong_device", "-")
    finally:
        thief.close()
    ok(clerk.http.delete("/sessions/current", headers=clerk.headers()))
    refusal(city, clerk.get("/cases/today"), 401, "session_revoked", "-")


def test_a_kiosk_session_takes_no_desk_action(city: City, desks: dict[str, ApiClient]) -> None:
    kiosk = signed_in(city.server.client("kiosk-01"), "clerk", kind="kiosk")
    try:
        assert ok(kiosk.get("/catalog"))  # what a kiosk may read
        refusal(city, kiosk.post("/cases", {"applicant_id_number": OLD_MAN, "transaction_code": "spot_item"}),
                403, "kiosk_session", "clerk")
        refusal(city, kiosk.get("/cases/today"), 403, "kiosk_session", "clerk")
    finally:
        kiosk.close()


def test_bad_input_gets_a_clear_error_and_a_stale_version_a_conflict(city: City,
                                                                    desks: dict[str, ApiClient]) -> None:
    clerk = signed_in(desks["clerk"], "clerk")
    assert clerk.post("/cases", {"transaction_code": "spot_item"}).status_code == 422
    missing = clerk.post("/cases", {"applicant_id_number": "210102195301150011", "transaction_code": "spot_item"})
    assert missing.status_code == 404 and missing.json()["message_zh"]
    draft = open_case(clerk, "spot_item", {"lost": False, "contact_phone": "13912345678"})
    accepted = ok(clerk.post(f"/cases/{draft['number']}/accept",
                             {"expected_version": draft["version"], "received": ["id_card"]}))
    stale = clerk.post(f"/cases/{draft['number']}/complete", {"expected_version": draft["version"]})
    assert stale.status_code == 409 and stale.json()["code"] == "conflict"
    ok(clerk.post(f"/cases/{draft['number']}/complete", {"expected_version": accepted["case"]["version"]}))


def test_the_desks_reads_keep_to_the_callers_station_or_branch(city: City, desks: dict[str, ApiClient]) -> None:
    clerk, stranger = signed_in(desks["clerk"], "clerk"), signed_in(desks["leader_sh"], "leader_sh")
    case = under_review(clerk, "leader_item", LEADER_VALUES, LEADER_MATERIALS)
    assert case["number"] in [c["number"] for c in ok(clerk.get("/cases?state=under_review"))]
    refusal(city, stranger.get("/cases?station=HP01"), 403, "other_station", "leader_sh")
    refusal(city, stranger.get(f"/cases/{case['number']}/documents"), 403, "other_station", "leader_sh")
    refusal(city, stranger.get(f"/cases/{case['number']}/papers"), 403, "other_station", "leader_sh")
    # The case view's papers, each with its title's message key (the table the printed paper reads) and
    # the serial it was issued under.
    [receipt] = ok(clerk.get(f"/cases/{case['number']}/papers"))
    assert receipt["kind"] == "receipt" and receipt["title_key"] == "paper.receipt"
    assert receipt["serial"].startswith("HP01HZ")
    assert case["number"] not in [c["number"] for c in ok(stranger.get("/cases?state=under_review"))]
    # The branch's queue: its own office's station stands for every station of the branch.
    branch = signed_in(desks["branch"], "branch")
    assert {c["station_code"] for c in ok(branch.get("/cases?station=HPFJ&state=under_review"))} <= {
        "HP01", "HP02", "HPFJ"}
    refusal(city, branch.get("/cases?station=SH01"), 403, "other_station", "branch")
    # A draft saved as typed; a stale version is a conflict, never an overwrite.
    draft = open_case(clerk, "spot_item", {"lost": False})
    saved = ok(clerk.http.put(f"/cases/{draft['number']}/draft", headers=clerk.headers(),
                              json={"expected_version": draft["version"], "values": {"contact_phone": "13912345678"}}))
    assert saved["form_values"]["contact_phone"] == "13912345678"
    stale = clerk.http.put(f"/cases/{draft['number']}/draft", headers=clerk.headers(),
                           json={"expected_version": draft["version"], "values": {}})
    assert stale.status_code == 409
    refusal(city, clerk.get("/reports/daily?day=2026-12-01"), 403, "role_not_permitted", "clerk")


def test_kiosk_and_admin_calls_are_for_kiosks_and_administrators(city: City, desks: dict[str, ApiClient]) -> None:
    clerk = signed_in(desks["clerk"], "clerk")
    refusal(city, clerk.post("/kiosk/heartbeat", {}), 403, "role_not_permitted", "clerk")
    refusal(city, clerk.post("/admin/users", {"username": "eve", "display_name": "夏娃", "role": "leader",
                                              "station_code": "HP01", "password": "Eve-Leader-2026"}),
            403, "role_not_permitted", "clerk")
    with city.store.read() as session:
        assert session.execute(select(User).where(User.username == "eve")).scalar_one_or_none() is None


def test_the_audit_chain_holds_after_everything_above(city: City) -> None:
    with city.store.read() as session:
        report = audit.verify(session)
        refusals = session.execute(select(AuditEntry).where(AuditEntry.action == "server.refused")).scalars().all()
    assert report.ok, report.problem_en
    assert refusals  # the refusals above are in it, under the chain
