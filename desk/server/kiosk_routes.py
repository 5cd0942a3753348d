"""The kiosk's calls: one per citizen action at the kiosk (kiosk/backend.py's methods), for a kiosk
session only — and a kiosk session may call nothing else but the catalog (resources/rights.toml).

The kiosk is named by its session's device id (its `kiosk_code`), so a kiosk cannot speak for another.
What each call audits is what the in-process kiosk audits: the card read, the record viewed, the
kiosk's own events (no name, no ID number), the papers issued, tickets, ratings and verifications.
"""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.messages import Bilingual
from desk.server.context import CallerDep, Server
from desk.server.schemas import CardRead
from desk.services.citizens import CardFacts
from desk.services.kiosk_papers import own_case
from desk.services.ratings import RatingLevel
from desk.services.rights import KIOSK, Caller, Refused
from desk.services.wire import case_to_wire, paper_to_wire, to_wire
from printing.documents.common import Paper

CASES_LIMIT = 30


class Ticket(BaseModel):
    transaction_code: str | None = Field(default=None, max_length=64)
    id_number: str | None = Field(default=None, max_length=18)
    priority: str = Field(default="", pattern="^(|elder|declared)$")
    case_number: str | None = Field(default=None, max_length=40)  # 取号补交: the card holder's own case
    language: str = Field(default="zh", pattern="^(zh|en)$")  # the citizen's: the slip is printed in it


class Certificate(BaseModel):
    id_number: str = Field(min_length=15, max_length=18)
    purpose_zh: str = Field(min_length=1, max_length=200)


class Rating(BaseModel):
    level: RatingLevel
    case_number: str | None = Field(default=None, max_length=40)
    reason: str | None = Field(default=None, max_length=2000)


class Verify(BaseModel):
    payload: str = Field(min_length=1, max_length=4000)


class Heartbeat(BaseModel):
    reader_state: str = Field(default="unknown", max_length=40)
    printer_state: str = Field(default="unknown", max_length=40)
    sessions_started: int = Field(default=0, ge=0)


def register_kiosk_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=f"{prefix}/kiosk", tags=["kiosk"])

    def kiosk(caller: Caller) -> str:
        server.rights.require(caller, KIOSK)
        return caller.device_id

    def event(caller: Caller, action: str, details: dict[str, Any]) -> None:
        server.window.at(caller.station_code).kiosks.record_event(caller.device_id, action, details)

    @router.post("/card")
    def card(caller: CallerDep, body: CardRead) -> dict[str, str]:
        """A citizen's card on the kiosk's reader: the citizen refreshed, a session started."""
        kiosk(caller)
        view = server.window.citizens.register_card(None, CardFacts(**body.model_dump()), source="kiosk_card")
        event(caller, "kiosk.session_started", {"source": "card"})
        return {"name": view.name, "id_number": view.id_number}

    @router.get("/citizens/{id_number}/cases")
    def cases(caller: CallerDep, id_number: str, purpose: str = "progress",
              limit: int = CASES_LIMIT) -> list[dict[str, Any]]:
        """我的办件 (purpose progress) or the cases to rate (purpose rating), newest first."""
        code = kiosk(caller)
        rating = purpose == "rating"
        server.window.citizens.view(None, id_number, purpose=f"kiosk:{code}:rating" if rating else f"kiosk:{code}")
        found = server.window.queries.list(applicant_id_number=id_number, limit=max(1, min(limit, CASES_LIMIT)))
        if not rating:
            event(caller, "kiosk.progress_query", {"cases": len(found)})
        held_by = held_elsewhere(caller, {c.station_code for c in found})
        return [{**case_to_wire(c), "held_by": held_by.get(c.station_code)} for c in found]

    def held_elsewhere(caller: Caller, station_codes: set[str]) -> dict[str, dict[str, str]]:
        """The stations among `station_codes` whose cases this kiosk cannot act on (取号补交 and 打印补交清单
        are refused there): the citizen is told which station holds the case, to go there."""
        with server.store.read() as session:
            elsewhere = {code for code in station_codes if not server.rights.may_see_station(session, caller, code)}
        held: dict[str, dict[str, str]] = {}
        documents = server.window.at(caller.station_code).documents  # another station's name: one read
        for code in sorted(elsewhere):
            station = documents.station_of(code)
            name_zh = station.name_zh or code
            held[code] = {"code": code, "name_zh": name_zh, "name_en": station.name_en or name_zh}
        return held

    @router.get("/lookup/{lookup_code}")
    def lookup(caller: CallerDep, lookup_code: str) -> dict[str, Any]:
        """One case for whoever holds its receipt's lookup code."""
        kiosk(caller)
        case = server.window.queries.by_lookup_code(lookup_code)
        event(caller, "kiosk.session_started", {"source": "qr"})
        event(caller, "kiosk.progress_query", {"cases": 1})
        return case_to_wire(case)

    @router.post("/tickets")
    def ticket(caller: CallerDep, body: Ticket) -> dict[str, Any]:
        """A queue ticket and its slip, for the kiosk's station; 取号补交 links it to the card holder's own
        case of this station (another's case is not found; one of another station is refused)."""
        code = kiosk(caller)
        if body.case_number is not None:
            case = own_case(server.window.queries, body.id_number or "", body.case_number)
            held = held_elsewhere(caller, {case.station_code}).get(case.station_code)
            if held is not None:  # the citizen reads this at the kiosk: where to go, not a staff rule
                raise Refused.say("kiosk.case_of_other_station", code="other_station",
                                  station=Bilingual(held["name_zh"], held["name_en"]))
        taken = server.window.queue(caller.station_code).take_ticket(
            body.transaction_code, citizen_id_number=body.id_number, kiosk_code=code, priority=body.priority,
            case_number=body.case_number)
        paper = server.window.at(caller.station_code).documents.queue_ticket(taken, kiosk_code=code,
                                                                            language=body.language)
        return {"ticket": to_wire(taken), "paper": paper_to_wire(paper)}

    @router.post("/household-certificate")
    def certificate(caller: CallerDep, body: Certificate) -> dict[str, Any]:
        """户籍证明, signed by the server with the station's key."""
        code = kiosk(caller)
        return paper_to_wire(server.window.at(caller.station_code).documents.household_certificate(
            body.id_number, body.purpose_zh, kiosk_code=code))

    @router.get("/checklist/{transaction_code}")
    def checklist(caller: CallerDep, transaction_code: str, paper: str = "a4", language: str = "zh") -> dict[str, Any]:
        """办事材料清单 in the citizen's language (`en`: English with the Chinese names)."""
        kiosk(caller)
        pdf = server.window.at(caller.station_code).documents.material_checklist(transaction_code, Paper(paper),
                                                                                  language)
        return {"pdf_base64": base64.b64encode(pdf).decode("ascii")}

    @router.post("/ratings")
    def rate(caller: CallerDep, body: Rating) -> dict[str, Any]:
        code = kiosk(caller)
        return dict(to_wire(server.window.at(caller.station_code).ratings.rate(
            body.level, case_number=body.case_number, reason=body.reason, kiosk_code=code)))

    @router.post("/verify")
    def verify(caller: CallerDep, body: Verify) -> dict[str, Any]:
        """A certificate's QR code checked against the city's keys (the server holds them)."""
        code = kiosk(caller)
        return dict(to_wire(server.window.verifications.verify(body.payload, where=code)))

    @router.post("/heartbeat")
    def heartbeat(caller: CallerDep, body: Heartbeat) -> dict[str, str]:
        code = kiosk(caller)
        server.window.at(caller.station_code).kiosks.heartbeat(
            code, reader_state=body.reader_state, printer_state=body.printer_state,
            sessions_started=body.sessions_started)
        return {"status": "ok"}

    @router.get("/board")
    def board(caller: CallerDep) -> dict[str, Any]:
        """The hall screen's board: each window's current call, the next numbers, how many wait."""
        kiosk(caller)
        return dict(to_wire(server.window.queue(caller.station_code).hall_board()))

    @router.get("/station")
    def station(caller: CallerDep) -> dict[str, Any]:
        kiosk(caller)
        return dict(to_wire(server.window.at(caller.station_code).documents.station_info()))

    app.include_router(router)
