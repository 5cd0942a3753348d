"""API v1 for 差评整改闭环 (desk/services/followups.py): the manager's list of the follow-ups bad
ratings open, each step (核实 / 整改 / 回访 / 申诉复核), the monthly figures and rankings, and the export
for the provincial 好差评 platform. Every call is of the caller's own station.

| call | use case | right |
|---|---|---|
| `GET /follow-ups?open_only=` | the station's follow-ups, soonest due first | report |
| `GET /follow-ups/{id}` | one, with its steps | report |
| `POST /follow-ups/{id}/steps` | one step recorded (a leader or the manager; audited) | report |
| `POST /follow-ups/{id}/owner` | who answers for it (a leader or the manager; audited) | report |
| `GET /follow-ups/monthly?year=&month=` | the month's levels, counts and rankings | report |
| `GET /follow-ups/counts?first=&last=` | the period's counts (the reports' figures) | report |
| `GET /follow-ups/export?first=&last=&kind=` | the platform's CSV or JSON (base64) | report |

The step and owner calls check the role as in-process (a leader or the manager of the station, from
the database); a follow-up of another station is refused (`other_station`, 403) and the refusal
audited, as every route refuses another station's record.
"""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.followup import FollowUpStep, StepOutcome
from desk.server.context import CallerDep, Server, actor_of
from desk.server.station_extras import StationExtras, require_station
from desk.services.followups import FollowUpService
from desk.services.rights import REPORT, Caller
from desk.services.wire import to_wire
from desk.store.repositories.city_lookups import follow_up_station


class Step(BaseModel):
    step: FollowUpStep
    outcome: StepOutcome
    note: str = Field(min_length=1, max_length=2000)
    version: int = Field(ge=1)


class Owner(BaseModel):
    owner_id: int
    version: int = Field(ge=1)


def register_followup_routes(app: FastAPI, prefix: str, server: Server, extras: StationExtras) -> None:
    router = APIRouter(prefix=f"{prefix}/follow-ups", tags=["follow-ups"])

    def follow_ups(caller: Caller) -> FollowUpService:
        server.rights.require(caller, REPORT)
        return extras.follow_ups(caller.station_code)

    def follow_up_of(caller: Caller, follow_up_id: int) -> FollowUpService:
        """The service of the follow-up's station, if the caller may see it (an unknown follow-up: the
        caller's, to say "not found")."""
        server.rights.require(caller, REPORT)
        with server.store.read() as session:
            station = follow_up_station(session, follow_up_id)
        require_station(server, caller, REPORT, station)
        return extras.follow_ups(station or caller.station_code)

    @router.get("")
    def overview(caller: CallerDep, open_only: bool = True) -> list[dict[str, Any]]:
        return [to_wire(v) for v in follow_ups(caller).overview(open_only=open_only)]

    @router.get("/monthly")
    def monthly(caller: CallerDep, year: int, month: int) -> dict[str, Any]:
        return dict(to_wire(follow_ups(caller).monthly(year, month)))

    @router.get("/counts")
    def counts(caller: CallerDep, first: date, last: date) -> dict[str, Any]:
        return dict(to_wire(follow_ups(caller).counts(first, last)))

    @router.get("/export")
    def export(caller: CallerDep, first: date, last: date, kind: str = "csv") -> dict[str, str]:
        data = follow_ups(caller).platform_export(first, last, kind)
        return {"kind": kind, "data_base64": base64.b64encode(data).decode("ascii")}

    @router.get("/owners")  # before /{follow_up_id}, which would take "owners" for an id
    def owners(caller: CallerDep) -> list[dict[str, Any]]:
        return [dict(to_wire(choice)) for choice in follow_ups(caller).owners()]

    @router.get("/{follow_up_id}")
    def get(caller: CallerDep, follow_up_id: int) -> dict[str, Any]:
        return dict(to_wire(follow_up_of(caller, follow_up_id).get(follow_up_id)))

    @router.post("/{follow_up_id}/steps")
    def record(caller: CallerDep, follow_up_id: int, body: Step) -> dict[str, Any]:
        service = follow_up_of(caller, follow_up_id)
        return dict(to_wire(service.record(actor_of(caller), follow_up_id, body.step, body.outcome, body.note,
                                           body.version)))

    @router.post("/{follow_up_id}/owner")
    def assign(caller: CallerDep, follow_up_id: int, body: Owner) -> dict[str, Any]:
        service = follow_up_of(caller, follow_up_id)
        return dict(to_wire(service.assign(actor_of(caller), follow_up_id, body.owner_id, body.version)))

    app.include_router(router)
