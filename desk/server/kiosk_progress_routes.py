"""More of the kiosk's calls, for a kiosk session only (like desk/server/kiosk_routes.py): what the
in-process kiosk shows besides a citizen's cases — an online application's progress (网上办) for the
card holder, the citizen's “一件事” bundles (我的办件 shows each as one item) and which cases were rated
already (一次一评).

| call | use case |
|---|---|
| `GET /kiosk/online/{number}?id_number=` | the card holder's own online application (another's: not found) |
| `GET /kiosk/citizens/{id_number}/bundles` | the citizen's bundles, newest first |
| `POST /kiosk/rated` | which of these cases were rated already |

The kiosk's progress query is audited as the in-process kiosk audits it (how many, no name or number).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.errors import NotFound
from desk.server.bundle_routes import bundle_to_wire
from desk.server.context import CallerDep, Server
from desk.server.online_routes import application_to_wire
from desk.server.station_extras import StationExtras
from desk.services.online import Citizen, OnlineService
from desk.services.rights import KIOSK, Caller
from desk.settings import load_settings

BUNDLES_LIMIT = 20


class Rated(BaseModel):
    case_numbers: list[str] = Field(default_factory=list, max_length=100)


def register_kiosk_progress_routes(app: FastAPI, prefix: str, server: Server, extras: StationExtras) -> None:
    router = APIRouter(prefix=f"{prefix}/kiosk", tags=["kiosk"])
    max_bytes = load_settings().online_upload_max_kb * 1024

    def kiosk(caller: Caller) -> str:
        server.rights.require(caller, KIOSK)
        return caller.device_id

    @router.get("/online/{number}")
    def online_application(caller: CallerDep, number: str, id_number: str) -> dict[str, Any]:
        """Where the card holder's own online application stands."""
        code = kiosk(caller)
        station = server.window.at(caller.station_code)
        online = OnlineService(server.store, server.catalog, server.clock, max_bytes, cases=station.cases,
                               decisions=station.decisions, station_code=caller.station_code)
        mine = [a for a in online.mine(Citizen(id_number, "")) if a.number == number.strip()]
        if not mine:  # another citizen's application is not found: its existence is not told
            raise NotFound.say("kiosk.online_not_found")
        application = mine[0]
        station.kiosks.record_event(code, "kiosk.progress_query", {"online": 1, "state": application.state.value})
        return application_to_wire(application)

    @router.get("/citizens/{id_number}/bundles")
    def bundles(caller: CallerDep, id_number: str) -> list[dict[str, Any]]:
        kiosk(caller)
        return [bundle_to_wire(b) for b in extras.bundles(caller.station_code).for_citizen(id_number, BUNDLES_LIMIT)]

    @router.post("/rated")
    def rated(caller: CallerDep, body: Rated) -> list[str]:
        kiosk(caller)
        return sorted(server.window.at(caller.station_code).ratings.rated_cases(body.case_numbers))

    app.include_router(router)
