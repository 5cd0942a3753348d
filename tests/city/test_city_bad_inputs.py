"""Bad input to the real `desk server` is the caller's mistake, never the server's fault: every write route
(read from the server's own OpenAPI document, so a new route is covered the day it is added) is posted
bodies that pass the schema but not the use case — unknown records and records that exist, a wrong
check digit, an ID number where a name goes, blank and full-width values — by a caller with the right
(so the input reaches the use case), and none may answer 500. A card
whose sex or birth date disagrees with its ID number is answered 422 with the message key, on the
desk's and the kiosk's route, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from city_server import PASSWORD, ApiClient, City
from sqlalchemy import select

from desk.domain.clock import Clock
from desk.services.demo import DEMO_PASSWORD
from desk.services.keys import KeyService
from desk.store.models import Citizen

# The sweep makes some 500 calls: on a loaded machine it outlasts the default limit.
pytestmark = [pytest.mark.postgres, pytest.mark.slow, pytest.mark.timeout(600)]

# Calls that end the caller's own session or rebuild the database: not for a bad-input sweep.
SKIPPED = {("delete", "/sessions/current"), ("post", "/sessions"), ("post", "/admin/db/upgrade"),
           ("post", "/admin/demo-data")}
# A valid ID number (male, born 1985-03-12) and the same with a wrong check digit.
MALE_ID, BAD_CHECK_DIGIT = "210102198503121239", "210102198503121238"
# String values each sweep fills every string field with (cut or padded to the field's length rules).
SWEEPS = ("x", MALE_ID, BAD_CHECK_DIGIT, " ", "２０２６")


# Who posts to which routes: the caller with the right, so the bad input reaches the use case (a refusal
# of the role would stop it before). The first prefix that matches.
CALLERS = (("/kiosk/", "kiosk01"), ("/admin/", "cityadmin"), ("/follow-ups", "manager"), ("/", "leader"))


@pytest.fixture
def callers(demo_city: City) -> Iterator[dict[str, ApiClient]]:
    signed: dict[str, ApiClient] = {}
    for name, password, kind in (("leader", DEMO_PASSWORD, "desk"), ("manager", DEMO_PASSWORD, "desk"),
                                 ("cityadmin", PASSWORD, "desk"), ("kiosk01", PASSWORD, "kiosk")):
        client = demo_city.server.client(f"bad-{name}")
        assert client.sign_in(name, password, kind).status_code == 200
        signed[name] = client
    yield signed
    for client in signed.values():
        client.close()


def _schema(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"]
            return _schema(document, options[0]) if options else {"type": "null"}
    return schema


def _value(document: dict[str, Any], schema: dict[str, Any], text: str, name: str = "") -> Any:
    schema = _schema(document, schema)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        return {key: _value(document, sub, text, key) for key, sub in schema["properties"].items()}
    if kind == "object":
        return {}
    if kind == "array":
        return [_value(document, schema.get("items", {}), text, name)]
    if kind == "integer":
        return max(int(schema.get("minimum", 1)), min(1, int(schema.get("maximum", 1))))
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    if schema.get("format") == "date":
        return "2026-01-01"
    if schema.get("format") == "date-time":
        return "2026-01-01T09:00:00+08:00"
    if schema.get("pattern"):
        return ""  # the few patterns (priority, paper) take the empty choice or fail the schema: both fine
    low, high = int(schema.get("minLength", 0)), int(schema.get("maxLength", 200))
    return (text * (low // max(len(text), 1) + 1))[:max(low, min(len(text), high))] if low else text[:high]


def _calls(document: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    calls = []
    for path, methods in document["paths"].items():
        if not path.startswith("/api/v1/"):
            continue
        short = path.removeprefix("/api/v1")
        for method, operation in methods.items():
            if method in ("post", "put", "patch", "delete") and (method, short) not in SKIPPED:
                calls.append((method, short, operation))
    return calls


def _request(document: dict[str, Any], method: str, path: str, operation: dict[str, Any], text: str,
             real: dict[str, str]) -> tuple[str, dict[str, Any], Any]:
    """The call with every value made of `text`, but the path naming `real` records where given."""
    params: dict[str, Any] = {}
    for parameter in operation.get("parameters", []):
        value = real.get(parameter["name"]) or _value(document, parameter.get("schema", {}), text, parameter["name"])
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(value).strip() or "x")
        elif parameter["in"] == "query" and parameter.get("required"):
            params[parameter["name"]] = value
    body = None
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is not None:
        body = _value(document, content["schema"], text)
    return path, params, body


def test_no_write_route_answers_500_to_bad_input(demo_city: City, callers: dict[str, ApiClient]) -> None:
    some = next(iter(callers.values()))
    document = some.http.get("/openapi.json").json()
    calls = _calls(document)
    assert len(calls) > 40  # the sweep reads the routes: it must have found them
    lasting = _real_records(demo_city, callers)
    faults: list[str] = []
    for method, path, operation in calls:
        who = next(name for prefix, name in CALLERS if path.startswith(prefix))
        client = callers[who]
        named = "{" in path  # unknown records and real ones; a path naming none is swept once
        records = {**lasting, "number": _draft(callers)} if "{number}" in path else lasting  # a fresh case each
        for text, real in [(text, records) for text in SWEEPS] + ([(text, {}) for text in SWEEPS] if named else []):
            url, params, body = _request(document, method, path, operation, text, real)
            try:
                response = client.http.request(method.upper(), url, json=body, params=params,
                                               headers=client.headers())
            except (httpx.TransportError, ValueError) as error:  # no answer at all is a fault too
                faults.append(f"{who} {method.upper()} {url} {body!r:.160} → {type(error).__name__}")
                continue
            if response.status_code >= 500:
                faults.append(f"{who} {method.upper()} {url} {body!r:.160} → {response.status_code} "
                              f"{response.text[:200]}")
    assert not faults, "\n".join(faults)


def _draft(callers: dict[str, ApiClient]) -> str:
    """A new draft case of the leader's station, for the applicant MALE_ID."""
    draft = callers["leader"].post("/cases", {"applicant_id_number": MALE_ID, "values": {"purpose": "入学"},
                                              "transaction_code": "household_certificate"})
    assert draft.status_code == 200, draft.text
    return str(draft.json()["number"])


def _real_records(city: City, callers: dict[str, ApiClient]) -> dict[str, str]:
    """Path values naming records that exist, so the bad bodies reach the use cases: the applicant of the
    drafts, a queue ticket, a paper a kiosk issued, a user."""
    assert callers["leader"].post("/citizens", _card("male")).status_code == 200
    ticket = callers["kiosk01"].post("/kiosk/tickets", {"transaction_code": "household_certificate"}).json()
    KeyService(city.store, Clock(), Path(city.server.work) / "server-keys").ensure_demo_key("HP01")
    with city.store.read() as session:
        resident = session.execute(select(Citizen.id_number).where(
            Citizen.household_head.is_not(None), Citizen.relationship_to_head.is_not(None),
            Citizen.registered_on.is_not(None)).limit(1)).scalar_one()
    paper = callers["kiosk01"].post("/kiosk/household-certificate", {"id_number": resident, "purpose_zh": "入学"})
    assert paper.status_code == 200, paper.text
    return {"id_number": MALE_ID, "ticket_id": str(ticket["ticket"]["id"]),
            "serial": paper.json()["serial"], "kind": "receipt",
            "username": "clerk2", "transaction_code": "household_certificate"}


def _card(sex: str, birth: str = "1985-03-12") -> dict[str, str]:
    return {"id_number": MALE_ID, "name": "张伟", "sex": sex, "nation": "汉", "birth_date": birth,
            "address": "辽宁省沈阳市和平区", "issuing_authority": "沈阳市公安局和平分局"}


def _stored_sex(city: City) -> str | None:
    with city.store.read() as session:
        return session.execute(select(Citizen.sex).where(Citizen.id_number == MALE_ID)).scalar_one_or_none()


@pytest.mark.parametrize(("route", "caller"), [("/citizens", "leader"), ("/kiosk/card", "kiosk01")])
def test_a_card_that_contradicts_its_id_number_is_answered_422_with_the_message_key(
        demo_city: City, callers: dict[str, ApiClient], route: str, caller: str) -> None:
    before = _stored_sex(demo_city)
    cases = ((_card("female"), "identity.sex_mismatch", "identity_sex", "性别与证件号码不一致"),
             (_card("male", "1985-03-13"), "identity.birth_date_mismatch", "identity_date", "出生日期与证件号码不一致"))
    for card, key, code, said in cases:
        response: httpx.Response = callers[caller].post(route, card)
        assert response.status_code == 422, response.text
        body = response.json()
        assert (body["message"], body["code"], body["params"]) == (key, code, {})
        assert said in body["message_zh"] and "ID number" in body["message_en"]
    assert _stored_sex(demo_city) == before  # nothing stored
