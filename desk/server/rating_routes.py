"""API v1 for 一次一评 at the counter (desk/services/ratings.py) and the manager's kiosk-status screen
(desk/services/kiosks.py), for a desk in city mode.

| call | use case | right |
|---|---|---|
| `GET /cases/{number}/rating-subject` | the case and the clerk a rating of it binds to | read |
| `POST /ratings` | the citizen's rating on the counter's evaluator (audited; once per case) | open |
| `GET /ratings/open-follow-ups` | the station's ratings whose follow-up is open | report |
| `GET /kiosks` | the station's kiosks: last seen, reader, paper, sessions today | report |
| `GET /users/{user_id}/photo` | the clerk's photo the evaluator shows (null: none stored) | read |

The rating binds to the case and its clerk on the server (the clerk who accepted it, else who opened
it — never one the desk names); the case must be of the caller's station, and the window number is
the desk's. A kiosk rates through its own route (`POST /kiosk/ratings`). A photo is of a user of the
caller's station (another station's user: refused `other_station` and audited); storing one stays a
support command on the server machine (`desk user photo`).
"""

from __future__ import annotations

import base64
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.server.context import CallerDep, Server
from desk.server.station_extras import require_station
from desk.services.ratings import RatingLevel
from desk.services.rights import OPEN, READ, REPORT
from desk.services.user_photos import UserPhotoService
from desk.services.wire import to_wire
from desk.store.repositories.city_lookups import user_station


class CounterRating(BaseModel):
    level: RatingLevel
    case_number: str | None = Field(default=None, max_length=40)
    reason: str | None = Field(default=None, max_length=2000)
    reasons: list[str] = Field(default_factory=list, max_length=10)
    phone: str | None = Field(default=None, max_length=40)
    counter_number: int | None = Field(default=None, ge=1, le=999)


def register_rating_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=prefix, tags=["ratings"])

    @router.get("/cases/{number}/rating-subject")
    def subject(caller: CallerDep, number: str) -> dict[str, Any]:
        station = server.rights.require_case(caller, READ, number) or caller.station_code
        return dict(to_wire(server.window.at(station).ratings.subject(number)))

    @router.post("/ratings")
    def rate(caller: CallerDep, body: CounterRating) -> dict[str, Any]:
        """The counter's evaluator: bound to the case and its clerk here; the desk names neither clerk nor kiosk."""
        station = caller.station_code
        if body.case_number:
            station = server.rights.require_case(caller, OPEN, body.case_number) or station
        else:
            require_station(server, caller, OPEN, None)
        return dict(to_wire(server.window.at(station).ratings.rate(
            body.level, case_number=body.case_number, reason=body.reason, reasons=tuple(body.reasons),
            phone=body.phone, counter_number=body.counter_number, channel="desk")))

    @router.get("/ratings/open-follow-ups")
    def open_follow_ups(caller: CallerDep) -> list[dict[str, Any]]:
        server.rights.require(caller, REPORT)
        return [to_wire(r) for r in server.window.at(caller.station_code).ratings.open_follow_ups()]

    @router.get("/kiosks")
    def kiosks(caller: CallerDep) -> list[dict[str, Any]]:
        """The manager's kiosk-status screen: the caller's station's kiosks."""
        server.rights.require(caller, REPORT)
        return [to_wire(k) for k in server.window.at(caller.station_code).kiosks.kiosks()]

    @router.get("/users/{user_id}/photo")
    def photo(caller: CallerDep, user_id: int) -> dict[str, Any] | None:
        """The photo on the 一次一评 evaluator; an unknown user has none, like a user without one."""
        server.rights.require(caller, READ)
        with server.store.read() as session:
            station = user_station(session, user_id)
        require_station(server, caller, READ, station)
        found = UserPhotoService(server.store, server.clock).photo(user_id)
        if found is None:
            return None
        return {"user_id": found.user_id, "content_type": found.content_type, "width": found.width,
                "height": found.height, "data_base64": base64.b64encode(found.data).decode("ascii")}

    app.include_router(router)
