"""The hall's and the law's use cases over the real `desk server` (TLS, PostgreSQL, the real catalog):
a “一件事” bundle, the legal clocks and the 30-day 注销公告, the chained changes of a completed
correction, 一次一评 at the counter (the clerk's photo on the evaluator) and its 差评 follow-up (指派
to a leader or the manager only), the kiosk-status list and a kiosk's look at an online application —
each route driven over HTTPS, and each refused (with a message in both languages and an audit entry)
for another station, a role without the right, no session or a kiosk session, as the rights say
(desk/server/*_routes.py)."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
from city_server import PASSWORD, ApiClient, City
from desk_fixtures import make_id
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select, update

from desk.domain.clock import Clock
from desk.services.demo import DEMO_PASSWORD
from desk.services.online import Citizen, OnlineService
from desk.services.user_photos import UserPhotoService
from desk.shipped import shipped_catalog
from desk.store.models import AuditEntry, Case, User

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

# Who signs in with which password: the demo station's people, and the city's own (tests/city/conftest.py).
PASSWORDS = {"clerk": DEMO_PASSWORD, "clerk2": DEMO_PASSWORD, "leader": DEMO_PASSWORD, "manager": DEMO_PASSWORD,
             "leader_nsc": PASSWORD, "branch": PASSWORD, "kiosk01": PASSWORD}
BIRTH_MATERIALS = {"birth_registration": ["birth_medical_certificate", "household_booklet"]}
BIRTH_CHECKED = {"birth_registration": ["parent_id_card", "marriage_certificate"]}


@pytest.fixture
def clients(demo_city: City) -> Iterator[dict[str, ApiClient]]:
    """One signed-in client per person (a kiosk session for kiosk01), each on its own device; `nobody`
    has no session."""
    made: dict[str, ApiClient] = {}
    for name, password in PASSWORDS.items():
        client = demo_city.server.client(f"hall-{name}")
        kind = "kiosk" if name == "kiosk01" else "desk"
        assert client.sign_in(name, password, kind).status_code == 200
        made[name] = client
    made["nobody"] = demo_city.server.client("hall-nobody")
    yield made
    for client in made.values():
        client.close()


def today() -> date:
    """The day in Shenyang (the server counts in it)."""
    return Clock().today()


def ok(response: httpx.Response) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


def put(client: ApiClient, path: str, body: dict[str, Any]) -> httpx.Response:
    return client.http.put(path, json=body, headers=client.headers())


def refused(city: City, response: httpx.Response, status: int, code: str, actor: str) -> None:
    """Refused with this code and a message in both languages, and the refusal is in the audit log."""
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code and body["message_zh"] and body["message_en"], body
    with city.store.read() as session:
        entries = session.execute(select(AuditEntry).where(AuditEntry.action == "server.refused")
                                  .order_by(AuditEntry.seq.desc()).limit(30)).scalars().all()
    call = f"{response.request.method} {response.request.url.path}"
    assert any(e.actor == actor and e.details.get("code") == code and e.details["call"] == call for e in entries), \
        f"no audit entry for {actor}'s refused {call} ({code})"


def pdf_text(paper: dict[str, Any]) -> str:
    pdf = base64.b64decode(paper["pdf_base64"])
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


def card(client: ApiClient, id_number: str, name: str, sex: str, birth: date) -> None:
    ok(client.post("/citizens", {"id_number": id_number, "name": name, "sex": sex, "nation": "汉",
                                 "birth_date": birth.isoformat(), "address": "辽宁省沈阳市和平区"}))


def newborn_bundle(client: ApiClient, mother: str) -> dict[str, Any]:
    """A newborn bundle started and accepted at the counter in one call (the member completed on the spot)."""
    card(client, mother, "李秀兰", "female", date(1995, 6, 12))
    born = (today() - timedelta(days=14)).isoformat()
    return ok(client.post("/bundles/start-and-accept", {
        "applicant_id_number": mother, "bundle_code": "newborn",
        "shared_values": {"child_name": "张子涵", "child_sex": "female", "child_birth_date": born},
        "own_values": {"birth_registration": {"parents_married": True, "settle_with": "mother",
                                              "mother": {"name": "李秀兰", "id_number": mother},
                                              "father": {"name": "张伟", "id_number": make_id("21010219930301001")}}},
        "received": BIRTH_MATERIALS, "verified": BIRTH_CHECKED}))


def test_a_bundle_is_started_accepted_tracked_and_reprinted_over_the_server(
        demo_city: City, clients: dict[str, ApiClient]) -> None:
    clerk, mother = clients["clerk"], make_id("21010219950612002")
    decided = newborn_bundle(clerk, mother)
    bundle, papers = decided["bundle"], decided["papers"]
    (member,) = bundle["members"]
    assert member["state"] == "completed" and member["station_code"] == "HP01"
    assert [p["kind"] for p in papers] == ["bundle_receipt", "referral_list"]
    assert bundle["number"] in pdf_text(papers[0]) and "后续事项告知单" in pdf_text(papers[1])
    number = bundle["number"]

    assert ok(clerk.get(f"/cases/{member['number']}/bundle"))["number"] == number
    assert number in [b["number"] for b in ok(clerk.get("/bundles/open-follow-ups"))]
    marked = ok(put(clerk, f"/bundles/{number}/follow-ups/vaccination", {"state": "done", "note": "已接种"}))
    assert {f["key"]: f["state"] for f in marked["follow_ups"]}["vaccination"] == "done"
    again = ok(clerk.post(f"/bundles/{number}/papers/referral_list"))
    assert again["serial"] == papers[1]["serial"] and "已办结" in pdf_text(again)
    assert ok(clients["leader"].get(f"/bundles/{number}"))["number"] == number  # the station's leader reads it
    # The kiosk's 我的办件 folds the bundle's members into one item: it asks for the citizen's bundles.
    assert [b["number"] for b in ok(clients["kiosk01"].get(f"/kiosk/citizens/{mother}/bundles"))] == [number]
    with demo_city.store.read() as session:
        actions = set(session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == number)).scalars())
    assert {"bundle.started", "bundle.accepted", "bundle.follow_up"} <= actions

    # Refused: another station's leader; a manager (no window right); a kiosk session; nobody signed in.
    refused(demo_city, clients["leader_nsc"].get(f"/bundles/{number}"), 403, "other_station", "leader_nsc")
    refused(demo_city, put(clients["leader_nsc"], f"/bundles/{number}/follow-ups/vaccination", {"state": "open"}),
            403, "other_station", "leader_nsc")
    refused(demo_city, clients["leader_nsc"].get(f"/cases/{member['number']}/bundle"), 403, "other_station",
            "leader_nsc")
    refused(demo_city, clients["manager"].post("/bundles/start-and-accept", {
        "applicant_id_number": make_id("21010219950612002"), "bundle_code": "newborn"}), 403, "role_not_permitted",
            "manager")
    refused(demo_city, clients["kiosk01"].get(f"/bundles/{number}"), 403, "kiosk_session", "kiosk01")
    refused(demo_city, clients["nobody"].get(f"/bundles/{number}"), 401, "unauthenticated", "-")
    assert {f["key"]: f["state"] for f in ok(clerk.get(f"/bundles/{number}"))["follow_ups"]}["vaccination"] == "done"


def duplicate_case(demo_city: City, clients: dict[str, ApiClient], person: str) -> str:
    """A duplicate-registration case accepted by the clerk and approved by the station's leader."""
    clerk = clients["clerk"]
    card(clerk, person, "赵明", "male", date(1980, 3, 15))
    draft = ok(clerk.post("/cases", {"applicant_id_number": person, "transaction_code": "duplicate_deregistration",
                                     "values": {"duplicate_address": "铁岭市银州区红旗街5号",
                                                "cause": "migration_not_cancelled", "kept_registration": "elsewhere",
                                                "details_differ": False}}))
    routed = ok(clerk.post(f"/cases/{draft['number']}/accept-and-route", {
        "expected_version": draft["version"],
        "received": ["written_application", "household_booklets", "resident_id_cards"]}))["case"]
    assert routed["state"] == "under_review"
    approved = ok(clients["leader"].post(f"/cases/{routed['number']}/approve", {
        "expected_version": routed["version"], "reason": "同意公告注销", "password": DEMO_PASSWORD}))["case"]
    return str(approved["number"])


def test_the_notice_and_the_legal_clocks_over_the_server(demo_city: City, clients: dict[str, ApiClient]) -> None:
    clerk = clients["clerk"]
    number = duplicate_case(demo_city, clients, make_id("21010219800315011"))
    refused(demo_city, clients["manager"].post(f"/cases/{number}/notices"), 403, "role_not_permitted", "manager")
    issued = ok(clerk.post(f"/cases/{number}/notices"))
    notice, paper = issued["notice"], issued["paper"]
    assert notice["state"] == "running" and notice["ends_on"] == (today() + timedelta(days=30)).isoformat()
    assert "公告" in pdf_text(paper) and notice["serial"] in pdf_text(paper)
    assert [n["serial"] for n in ok(clerk.get(f"/cases/{number}/notices"))] == [notice["serial"]]
    running = {n["serial"]: n for n in ok(clerk.get("/clocks/notices"))}
    assert running[notice["serial"]]["days_left"] == 30
    assert ok(clerk.get(f"/notices/{notice['serial']}/paper"))["serial"] == notice["serial"]
    early = clerk.post(f"/notices/{notice['serial']}/decide", {"objection": ""})
    assert early.status_code == 422 and "期满后" in early.json()["message_zh"]  # the 30 days are not over
    refused(demo_city, clients["leader_nsc"].post(f"/notices/{notice['serial']}/decide", {}), 403, "other_station",
            "leader_nsc")
    refused(demo_city, clients["leader_nsc"].get(f"/cases/{number}/notices"), 403, "other_station", "leader_nsc")
    refused(demo_city, clients["kiosk01"].get("/clocks/notices"), 403, "kiosk_session", "kiosk01")

    # 视为受理: a draft received more than five working days ago with no answer counts as accepted.
    person = make_id("21010219800315021")
    card(clerk, person, "钱程", "male", date(1980, 3, 15))
    draft = ok(clerk.post("/cases", {"applicant_id_number": person, "transaction_code": "household_certificate",
                                     "values": {}}))
    with demo_city.store.write() as session:  # received three weeks ago (the test's own look at the database)
        received = session.execute(select(Case.created_at).where(Case.number == draft["number"])).scalar_one()
        session.execute(update(Case).where(Case.number == draft["number"])
                        .values(created_at=received - timedelta(days=21)))
    deemed = ok(clerk.get(f"/cases/{draft['number']}/deemed"))
    assert deemed is not None and deemed["working_days_waited"] > 5
    assert draft["number"] in [d["case_number"] for d in ok(clerk.get("/clocks/deemed"))]
    assert ok(clerk.get(f"/cases/{number}/deemed")) is None
    assert isinstance(ok(clerk.get("/clocks/permits?within_days=30")), list)
    refused(demo_city, clients["leader_nsc"].get(f"/cases/{draft['number']}/deemed"), 403, "other_station",
            "leader_nsc")
    refused(demo_city, clients["leader_nsc"].get("/clocks/deemed?station=HP01"), 403, "other_station", "leader_nsc")
    refused(demo_city, clients["nobody"].get("/clocks/deemed"), 401, "unauthenticated", "-")


def test_the_chained_changes_of_a_completed_correction_over_the_server(
        demo_city: City, clients: dict[str, ApiClient]) -> None:
    clerk = clients["clerk"]
    person = make_id("21010219800315031")
    card(clerk, person, "孙𠮷", "male", date(1980, 3, 15))
    draft = ok(clerk.post("/cases", {"applicant_id_number": person, "transaction_code": "birth_date_correction",
                                     "values": {"correct_birth_date": "1980-05-13",
                                                "discrepancy": "records_inconsistent", "public_servant": False}}))
    routed = ok(clerk.post(f"/cases/{draft['number']}/accept-and-route", {
        "expected_version": draft["version"],
        "received": ["written_application", "household_booklet", "resident_id_card", "earlier_documents"]}))["case"]
    approved = ok(clients["branch"].post(f"/cases/{routed['number']}/approve", {
        "expected_version": routed["version"], "reason": "同意更正", "password": PASSWORD}))["case"]
    done = ok(clerk.post(f"/cases/{approved['number']}/complete", {"expected_version": approved["version"]}))
    number = done["case"]["number"]
    assert [p["kind"] for p in done["papers"]] == ["completion_notice", "chain_notice"]  # the server knows the rules

    tracked = ok(clerk.get(f"/cases/{number}/chain-follow-ups"))
    keys = [t["record"]["key"] for t in tracked]
    assert keys and {t["state"] for t in tracked} == {"open"}
    marked = ok(put(clerk, f"/cases/{number}/chain-follow-ups/{keys[0]}", {"state": "referred", "note": "已函告"}))
    assert (marked["state"], marked["note"]) == ("referred", "已函告")
    assert ok(clerk.get(f"/cases/{number}/chain-follow-ups"))[0]["state"] == "referred"
    with demo_city.store.read() as session:
        assert session.execute(select(AuditEntry).where(AuditEntry.action == "case.chain_follow_up",
                                                        AuditEntry.entity_id == number)).first() is not None
    refused(demo_city, put(clients["manager"], f"/cases/{number}/chain-follow-ups/{keys[0]}", {"state": "done"}),
            403, "role_not_permitted", "manager")
    refused(demo_city, clients["leader_nsc"].get(f"/cases/{number}/chain-follow-ups"), 403, "other_station",
            "leader_nsc")


def test_a_counter_rating_binds_to_the_case_and_clerk_and_its_follow_up_loop_runs_over_the_server(
        demo_city: City, clients: dict[str, ApiClient]) -> None:
    clerk, manager = clients["clerk"], clients["manager"]
    member = newborn_bundle(clerk, make_id("21010219950612012"))["bundle"]["members"][0]["number"]
    subject = ok(clerk.get(f"/cases/{member}/rating-subject"))
    assert subject["clerk_name"] == "张丽" and subject["case_state"] == "completed" and not subject["already_rated"]
    refused(demo_city, clients["leader_nsc"].post("/ratings", {"level": "satisfied", "case_number": member}),
            403, "other_station", "leader_nsc")
    refused(demo_city, clients["leader_nsc"].get(f"/cases/{member}/rating-subject"), 403, "other_station",
            "leader_nsc")
    refused(demo_city, manager.post("/ratings", {"level": "satisfied", "case_number": member}), 403,
            "role_not_permitted", "manager")
    rated = ok(clerk.post("/ratings", {"level": "dissatisfied", "case_number": member, "reasons": ["多次跑腿"],
                                       "phone": "13912345678", "counter_number": 3}))
    assert rated["follow_up_id"] and rated["follow_up_due"]
    again = clerk.post("/ratings", {"level": "satisfied", "case_number": member})
    assert again.status_code == 422 and "一次一评" in again.json()["message_zh"]
    assert ok(clerk.get(f"/cases/{member}/rating-subject"))["already_rated"]
    assert ok(clients["kiosk01"].post("/kiosk/rated", {"case_numbers": [member]})) == [member]  # the kiosk skips it
    with demo_city.store.read() as session:
        given = session.execute(select(AuditEntry).where(AuditEntry.action == "rating.given",
                                                         AuditEntry.entity_id == str(rated["id"]))).scalar_one()
    assert given.details["counter"] == 3 and given.details["channel"] == "desk" and given.details["clerk"]

    follow_up_id = rated["follow_up_id"]
    assert follow_up_id in [f["id"] for f in ok(manager.get("/follow-ups"))]
    view = ok(manager.get(f"/follow-ups/{follow_up_id}"))
    assert (view["case_number"], view["clerk_name"], view["phone"], view["step"]) == \
        (member, "张丽", "13912345678", "verify")
    stepped = ok(manager.post(f"/follow-ups/{follow_up_id}/steps", {"step": "verify", "outcome": "founded",
                                                                   "note": "属实，已约谈", "version": view["version"]}))
    assert stepped["step"] == "rectify" and [s["step"] for s in stepped["steps"]] == ["verify"]
    month = ok(manager.get(f"/follow-ups/monthly?year={today().year}&month={today().month}"))
    assert month["levels"]["不满意"] >= 1 and month["by_counter"]
    first = today().replace(day=1).isoformat()
    counts = ok(manager.get(f"/follow-ups/counts?first={first}&last={today().isoformat()}"))
    assert counts["opened"] >= 1
    export = ok(manager.get(f"/follow-ups/export?first={first}&last={today().isoformat()}&kind=csv"))
    assert base64.b64decode(export["data_base64"]).decode("utf-8-sig").startswith("evaluation_id,")
    assert isinstance(ok(manager.get("/kiosks")), list)
    assert [r["id"] for r in ok(manager.get("/ratings/open-follow-ups"))].count(rated["id"]) == 1

    # 指派: the owner is one of the station's leaders or its manager (the list 指派 offers), never the clerk.
    owners = {o["name"]: o["user_id"] for o in ok(manager.get("/follow-ups/owners"))}
    assert set(owners) == {"王建国", "赵振华", "陈所长"}
    clerk_id = subject["clerk_badge"]
    not_owner = manager.post(f"/follow-ups/{follow_up_id}/owner", {"owner_id": int(clerk_id), "version": 2})
    assert not_owner.status_code == 422, not_owner.text
    assert (not_owner.json()["message"], not_owner.json()["params"]) == ("follow_up.owner_not_leader",
                                                                           {"name": "张丽"})
    assigned = ok(manager.post(f"/follow-ups/{follow_up_id}/owner", {"owner_id": owners["王建国"], "version": 2}))
    assert (assigned["owner_name"], assigned["version"]) == ("王建国", 3)

    # Refused: a clerk (the one rated never runs the loop); another station's leader, whatever the call.
    refused(demo_city, clerk.get("/follow-ups"), 403, "role_not_permitted", "clerk")
    refused(demo_city, clerk.post(f"/follow-ups/{follow_up_id}/steps", {"step": "rectify", "outcome": "rectified",
                                                                       "note": "自己整改", "version": 3}),
            403, "role_not_permitted", "clerk")
    refused(demo_city, clerk.get("/kiosks"), 403, "role_not_permitted", "clerk")
    other = clients["leader_nsc"]
    refused(demo_city, other.get(f"/follow-ups/{follow_up_id}"), 403, "other_station", "leader_nsc")
    refused(demo_city, other.post(f"/follow-ups/{follow_up_id}/steps", {"step": "rectify", "outcome": "rectified",
                                                                       "note": "代为整改", "version": 3}),
            403, "other_station", "leader_nsc")
    refused(demo_city, other.post(f"/follow-ups/{follow_up_id}/owner", {"owner_id": owners["陈所长"], "version": 3}),
            403, "other_station", "leader_nsc")
    assert other.get("/follow-ups/999999").status_code == 404  # no such follow-up anywhere: not found
    refused(demo_city, clients["kiosk01"].get("/follow-ups"), 403, "kiosk_session", "kiosk01")
    unchanged = ok(manager.get(f"/follow-ups/{follow_up_id}"))
    assert (unchanged["step"], unchanged["owner_name"], unchanged["version"]) == ("rectify", "王建国", 3)


def test_a_kiosk_session_sees_its_card_holders_online_application_only(
        demo_city: City, clients: dict[str, ApiClient]) -> None:
    online = OnlineService(demo_city.store, shipped_catalog(), Clock())
    booklet = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
               "contact_phone": "13912345678"}
    mine = online.submit(Citizen("210102198503121239", "13912345678"), "HP01", "booklet_reissue", booklet)
    kiosk = clients["kiosk01"]
    shown = ok(kiosk.get(f"/kiosk/online/{mine.number}?id_number=210102198503121239"))
    assert (shown["number"], shown["state"]) == (mine.number, "submitted")
    other = kiosk.get(f"/kiosk/online/{mine.number}?id_number=210103196211082511")
    assert other.status_code == 404 and other.json()["message_zh"] == "没有找到您的这份网上申请。"
    refused(demo_city, clients["clerk"].get(f"/kiosk/online/{mine.number}?id_number=210102198503121239"), 403,
            "role_not_permitted", "clerk")
    refused(demo_city, clients["nobody"].get(f"/kiosk/online/{mine.number}?id_number=210102198503121239"), 401,
            "unauthenticated", "-")
    assert ok(kiosk.post("/kiosk/rated", {"case_numbers": ["HP01-20260101-0001"]})) == []
    assert ok(kiosk.get("/kiosk/citizens/210102198503121239/bundles")) == []


def test_a_citizens_cases_elsewhere_are_listed_as_a_summary_only(demo_city: City,
                                                                  clients: dict[str, ApiClient]) -> None:
    clerk, other = clients["clerk"], clients["leader_nsc"]
    person = make_id("21010219800315042")
    card(clerk, person, "周敏", "female", date(1980, 3, 15))
    here = ok(clerk.post("/cases", {"applicant_id_number": person, "transaction_code": "household_certificate",
                                    "values": {"purpose": "办理护照"}}))
    there = ok(other.post("/cases", {"applicant_id_number": person, "transaction_code": "household_certificate",
                                     "values": {"purpose": "入学"}}))
    assert there["station_code"] == "HP02"
    listed = {c["number"]: c for c in ok(clerk.get(f"/cases?applicant={person}"))}
    assert set(listed) == {here["number"], there["number"]}
    assert listed[here["number"]]["form_values"] == here["form_values"] and listed[here["number"]]["lookup_code"]
    summary = listed[there["number"]]  # the other station's case: that it exists and how it stands, no more
    assert (summary["state"], summary["station_code"], summary["transaction_code"]) == (
        "draft", "HP02", "household_certificate")
    assert summary["form_values"] == {} and summary["lookup_code"] == "" and summary["events"] == []
    refused(demo_city, clerk.get(f"/cases/{there['number']}"), 403, "other_station", "clerk")
    # Lists by station stay the station's own.
    assert there["number"] not in [c["number"] for c in ok(clerk.get("/cases?state=draft&limit=500"))]


def test_the_clerks_photo_is_served_to_the_evaluator_of_its_station(demo_city: City,
                                                                    clients: dict[str, ApiClient]) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (264, 336), (30, 60, 120)).save(picture, "PNG")
    stored = UserPhotoService(demo_city.store, Clock()).set_photo("clerk2", picture.getvalue())
    shown = ok(clients["clerk"].get(f"/users/{stored.user_id}/photo"))
    assert (shown["user_id"], shown["content_type"], shown["width"], shown["height"]) == (
        stored.user_id, "image/png", 264, 336)
    assert base64.b64decode(shown["data_base64"]) == picture.getvalue()
    with demo_city.store.read() as session:
        leader_id = session.execute(select(User.id).where(User.username == "leader")).scalar_one()
    assert ok(clients["clerk"].get(f"/users/{leader_id}/photo")) is None  # none stored: the frame's placeholder
    assert ok(clients["clerk"].get("/users/999999/photo")) is None
    # Another station's desk, a kiosk session, nobody: refused and audited.
    refused(demo_city, clients["leader_nsc"].get(f"/users/{stored.user_id}/photo"), 403, "other_station",
            "leader_nsc")
    refused(demo_city, clients["kiosk01"].get(f"/users/{stored.user_id}/photo"), 403, "kiosk_session", "kiosk01")
    refused(demo_city, clients["nobody"].get(f"/users/{stored.user_id}/photo"), 401, "unauthenticated", "-")
