"""API v1 for the “一件事” bundles (desk/services/bundles.py), the calls the desk makes in-process
through `core.bundles`: start one and accept it in one transaction with its receipt and referral
list, accept one started earlier, mark its follow-ups at other agencies, read it, reprint its papers.

| call | use case | right |
|---|---|---|
| `POST /bundles` | start (member drafts at the caller's station) | open |
| `POST /bundles/start-and-accept` | start and accept, ONE transaction, with its papers | open + accept |
| `POST /bundles/{number}/accept` | accept every member still a draft, with its papers | accept |
| `GET /bundles/{number}` | one bundle | read |
| `GET /cases/{number}/bundle` | the bundle a case belongs to (null: none) | read |
| `GET /bundles/open-follow-ups` | the station's bundles with follow-ups still open (Today) | read |
| `PUT /bundles/{number}/follow-ups/{key}` | a follow-up marked open / referred / done | open |
| `POST /bundles/{number}/papers/{kind}` | issue or reprint `bundle_receipt` / `referral_list` | read |

A bundle of another station is refused (`other_station`) and the refusal audited; the member cases'
own rules (the workflow, the caller's role from the database) apply as in-process; every change is
audited by the use case.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.workflow import Action
from desk.server.context import CallerDep, Server, actor_of
from desk.server.station_extras import StationExtras, require_station
from desk.services.bundles import BundleDecided, BundleView
from desk.services.rights import OPEN, READ, Caller
from desk.services.wire import paper_to_wire, to_wire
from desk.store.repositories.city_lookups import bundle_station

ACCEPT = Action.ACCEPT.value


class Start(BaseModel):
    applicant_id_number: str = Field(min_length=15, max_length=18)
    bundle_code: str = Field(min_length=1, max_length=64)
    shared_values: dict[str, Any] = Field(default_factory=dict)
    own_values: dict[str, dict[str, Any]] | None = None
    include: list[str] = Field(default_factory=list)


class StartAndAccept(Start):
    own_values: dict[str, dict[str, Any]] | None = Field(default_factory=dict)
    received: dict[str, list[str]] = Field(default_factory=dict)
    verified: dict[str, list[str]] | None = None
    complete_on_the_spot: bool = True


class Accept(BaseModel):
    received: dict[str, list[str]] = Field(default_factory=dict)
    verified: dict[str, list[str]] | None = None
    own_values: dict[str, dict[str, Any]] | None = None
    shared_values: dict[str, Any] | None = None
    complete_on_the_spot: bool = True


class FollowUpMark(BaseModel):
    state: str = Field(min_length=1, max_length=20)
    note: str = Field(default="", max_length=500)


def bundle_to_wire(view: BundleView) -> dict[str, Any]:
    return dict(to_wire(view))


def decided_to_wire(decided: BundleDecided) -> dict[str, Any]:
    return {"bundle": bundle_to_wire(decided.bundle), "papers": [paper_to_wire(p) for p in decided.papers]}


def register_bundle_routes(app: FastAPI, prefix: str, server: Server, extras: StationExtras) -> None:
    router = APIRouter(prefix=prefix, tags=["bundles"])

    def station_of(caller: Caller, action: str, number: str) -> str:
        """The bundle's station, if the caller may act on it (an unknown bundle: the caller's, to say "not found")."""
        server.rights.require(caller, action)
        with server.store.read() as session:
            station = bundle_station(session, number)
        require_station(server, caller, action, station)
        return station or caller.station_code

    @router.post("/bundles")
    def start(caller: CallerDep, body: Start) -> dict[str, Any]:
        """The member cases opened as drafts at the caller's station, in one transaction."""
        server.rights.require(caller, OPEN)
        return bundle_to_wire(extras.bundles(caller.station_code).start(
            actor_of(caller), body.applicant_id_number, body.bundle_code, body.shared_values, body.own_values,
            include=body.include))

    @router.post("/bundles/start-and-accept")
    def start_and_accept(caller: CallerDep, body: StartAndAccept) -> dict[str, Any]:
        """The desk's one decision for a bundle filled in one form: every member accepted, or none exists."""
        server.rights.require(caller, OPEN)
        server.rights.require(caller, ACCEPT)
        return decided_to_wire(extras.bundles(caller.station_code).start_and_accept(
            actor_of(caller), body.applicant_id_number, body.bundle_code, body.shared_values,
            body.own_values or {}, body.received, include=body.include, verified=body.verified,
            complete_on_the_spot=body.complete_on_the_spot))

    @router.post("/bundles/{number}/accept")
    def accept(caller: CallerDep, number: str, body: Accept) -> dict[str, Any]:
        station = station_of(caller, ACCEPT, number)
        return decided_to_wire(extras.bundles(station).accept_and_issue(
            actor_of(caller), number, body.received, verified=body.verified, own_values=body.own_values,
            shared_values=body.shared_values, complete_on_the_spot=body.complete_on_the_spot))

    @router.get("/bundles/open-follow-ups")
    def open_follow_ups(caller: CallerDep, limit: int = 100) -> list[dict[str, Any]]:
        """The caller's station's bundles with follow-ups not yet referred or done, oldest first."""
        server.rights.require(caller, READ)
        views = extras.bundles(caller.station_code).with_open_follow_ups(limit=max(1, min(limit, 500)))
        return [bundle_to_wire(v) for v in views]

    @router.get("/bundles/{number}")
    def bundle(caller: CallerDep, number: str) -> dict[str, Any]:
        station = station_of(caller, READ, number)
        return bundle_to_wire(extras.bundles(station).get(number))

    @router.get("/cases/{number}/bundle")
    def for_case(caller: CallerDep, number: str) -> dict[str, Any] | None:
        station = server.rights.require_case(caller, READ, number) or caller.station_code
        view = extras.bundles(station).for_case(number)
        return bundle_to_wire(view) if view is not None else None

    @router.put("/bundles/{number}/follow-ups/{key}")
    def follow_up(caller: CallerDep, number: str, key: str, body: FollowUpMark) -> dict[str, Any]:
        station = station_of(caller, OPEN, number)
        return bundle_to_wire(extras.bundles(station).set_follow_up(actor_of(caller), number, key, body.state,
                                                                   body.note))

    @router.post("/bundles/{number}/papers/{kind}")
    def paper(caller: CallerDep, number: str, kind: str) -> dict[str, Any]:
        station = station_of(caller, READ, number)
        return paper_to_wire(extras.bundles(station).paper(kind, number, actor=actor_of(caller)))

    app.include_router(router)
