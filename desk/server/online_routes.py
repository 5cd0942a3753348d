"""API v1 for 网上预审 over the city server: the same calls the desk's 网上预审 screen makes in-process
(`core.online`, desk/services/online.py), for a desk in city mode. Each call: who calls (the session),
may they (rights: the window's own actions), then one use case of the caller's station.

| call | use case | right |
|---|---|---|
| `GET /online/queue` | the station's waiting applications | read |
| `POST /online/{number}/open` | a clerk opens one (under pre-review) | open |
| `GET /online/{number}/uploads/{id}` | one uploaded file (its bytes in base64) | read |
| `POST /online/{number}/supplement` | 一次性告知 online and by SMS | request_supplement |
| `POST /online/{number}/visit` | book the citizen's visit | accept |
| `POST /online/{number}/decide` | 全程网办: decided without a visit, with its papers | complete |
| `POST /online/{number}/counter` | the QR scanned at the counter: the pre-filled case | open |
"""

from __future__ import annotations

import base64
import dataclasses
from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.workflow import Action
from desk.server.context import CallerDep, Server, actor_of
from desk.services.online import AlreadyCase, ApplicationView, OnlineService
from desk.services.rights import OPEN, READ, Caller
from desk.services.wire import case_to_wire, paper_to_wire
from desk.settings import load_settings


class Versioned(BaseModel):
    expected_version: int = Field(ge=1)


class Supplement(Versioned):
    missing: list[str] = Field(min_length=1, max_length=50)
    note: str = Field(default="", max_length=500)


class Visit(Versioned):
    day: date
    note: str = Field(default="", max_length=500)


def application_to_wire(view: ApplicationView) -> dict[str, Any]:
    data = dataclasses.asdict(view)
    data["state"] = view.state.value
    data["qr_payload"] = view.qr_payload
    for key in ("submitted_at", "updated_at"):
        data[key] = data[key].isoformat()
    data["visit_on"] = view.visit_on.isoformat() if view.visit_on else None
    data["uploads"] = [{**u, "uploaded_at": u["uploaded_at"].isoformat()} for u in data["uploads"]]
    return data


def register_online_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=f"{prefix}/online", tags=["online"])
    max_bytes = load_settings().online_upload_max_kb * 1024

    def online_for(caller: Caller, action: str) -> OnlineService:
        server.rights.require(caller, action)
        station = server.window.at(caller.station_code)
        return OnlineService(server.store, server.catalog, server.clock, max_bytes, cases=station.cases,
                             decisions=station.decisions, station_code=caller.station_code)

    @router.get("/queue")
    def queue(caller: CallerDep) -> list[dict[str, Any]]:
        """网上预审: the caller's station's applications waiting for a clerk, oldest first."""
        return [application_to_wire(a) for a in online_for(caller, READ).queue(caller.station_code)]

    @router.post("/{number}/open")
    def open_application(caller: CallerDep, number: str) -> dict[str, Any]:
        return application_to_wire(online_for(caller, OPEN).open(actor_of(caller), number))

    @router.get("/waiting/{id_number}")
    def waiting_for(caller: CallerDep, id_number: str) -> list[dict[str, Any]]:
        """A citizen's open applications to the caller's station (a card swiped at the desk)."""
        return [application_to_wire(a) for a in online_for(caller, READ).waiting_for(id_number)]

    @router.get("/{number}/uploads/{upload_id}")
    def upload(caller: CallerDep, number: str, upload_id: int) -> dict[str, Any]:
        """The file and its facts; the bytes in base64 (as papers travel)."""
        view, data = online_for(caller, READ).upload_data(actor_of(caller), number, upload_id)
        facts = dataclasses.asdict(view)
        facts["uploaded_at"] = view.uploaded_at.isoformat()
        return {"upload": facts, "data_base64": base64.b64encode(data).decode("ascii")}

    @router.post("/{number}/supplement")
    def supplement(caller: CallerDep, number: str, body: Supplement) -> dict[str, Any]:
        online = online_for(caller, Action.REQUEST_SUPPLEMENT.value)
        return application_to_wire(online.ask_supplement(actor_of(caller), number, body.expected_version,
                                                         body.missing, body.note))

    @router.post("/{number}/visit")
    def visit(caller: CallerDep, number: str, body: Visit) -> dict[str, Any]:
        online = online_for(caller, Action.ACCEPT.value)
        return application_to_wire(online.book_visit(actor_of(caller), number, body.expected_version, body.day,
                                                     body.note))

    @router.post("/{number}/decide")
    def decide(caller: CallerDep, number: str, body: Versioned) -> dict[str, Any]:
        online = online_for(caller, Action.COMPLETE.value)
        view, decided = online.decide_online(actor_of(caller), number, body.expected_version)
        return {"application": application_to_wire(view), "case": case_to_wire(decided.case),
                "papers": [paper_to_wire(p) for p in decided.papers]}

    @router.post("/{number}/counter")
    def counter(caller: CallerDep, number: str) -> dict[str, Any]:
        """The pre-filled case; scanned again, `already_case` names the case it became."""
        try:
            view, case = online_for(caller, OPEN).open_at_counter(actor_of(caller), number)
        except AlreadyCase as already:
            return {"application": None, "case": None, "already_case": already.case_number}
        return {"application": application_to_wire(view), "case": case_to_wire(case), "already_case": None}

    app.include_router(router)
