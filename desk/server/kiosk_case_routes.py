"""The kiosk's calls about a card holder's case and the papers it shows, for a kiosk session only (like
desk/server/kiosk_routes.py): what the in-process kiosk does from a case card and the certificate preview.

| call | use case |
|---|---|
| `POST /kiosk/cases/{number}/supplement-notice` | 打印补交清单: the card holder's own case's 一次性告知书, reprinted |
| `POST /kiosk/papers/{serial}/preview-cancelled` | the citizen left a certificate's preview without printing it |

The kiosk is its session's device and its station the session's (never the client's word). Another
citizen's case is not found (its existence is not told); the card holder's case at another station is
refused (`other_station`) and the refusal audited. The reprint and the kiosk's events are audited as
in-process (desk/services/kiosk_papers.py, no name or ID number in the kiosk's events).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.errors import NotFound
from desk.server.context import CallerDep, Server
from desk.server.station_extras import require_station
from desk.services.kiosk_papers import own_case, reprint_supplement_notice
from desk.services.rights import KIOSK
from desk.services.wire import paper_to_wire
from desk.store.repositories.city_lookups import kiosk_paper


class CardHolder(BaseModel):
    id_number: str = Field(min_length=15, max_length=18)


def register_kiosk_case_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=f"{prefix}/kiosk", tags=["kiosk"])

    @router.post("/cases/{number}/supplement-notice")
    def supplement_notice(caller: CallerDep, number: str, body: CardHolder) -> dict[str, Any]:
        server.rights.require(caller, KIOSK)
        case = own_case(server.window.queries, body.id_number, number)
        require_station(server, caller, KIOSK, case.station_code)
        station = server.window.at(caller.station_code)
        return paper_to_wire(reprint_supplement_notice(server.window.queries, station.documents, station.kiosks,
                                                       caller.device_id, body.id_number, number))

    @router.post("/papers/{serial}/preview-cancelled")
    def preview_cancelled(caller: CallerDep, serial: str) -> dict[str, str]:
        """Recorded for a paper this kiosk issued only (another serial is not found)."""
        server.rights.require(caller, KIOSK)
        with server.store.read() as session:
            issued_by = kiosk_paper(session, serial)
        if issued_by != caller.device_id:
            raise NotFound.say("kiosk.paper_not_found")
        server.window.at(caller.station_code).kiosks.record_event(caller.device_id, "kiosk.preview_cancelled",
                                                                  {"serial": serial})
        return {"status": "ok"}

    app.include_router(router)
