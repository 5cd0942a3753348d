"""API v1 for 公民信息连锁变更 tracked to done (desk/services/chain_follow_ups.py): the records
elsewhere a completed change of basic facts sets in motion, each marked referred or done.

| call | use case | right |
|---|---|---|
| `GET /cases/{number}/chain-follow-ups` | every record, with where it stands | read |
| `PUT /cases/{number}/chain-follow-ups/{key}` | one record marked open / referred / done (audited) | open |

A case of another station is refused (`other_station`) and the refusal audited.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.server.context import CallerDep, Server, actor_of
from desk.server.station_extras import StationExtras
from desk.services.rights import OPEN, READ
from desk.services.wire import to_wire


class Mark(BaseModel):
    state: str = Field(min_length=1, max_length=20)
    note: str = Field(default="", max_length=500)


def register_chain_routes(app: FastAPI, prefix: str, server: Server, extras: StationExtras) -> None:
    router = APIRouter(prefix=prefix, tags=["chained changes"])

    @router.get("/cases/{number}/chain-follow-ups")
    def tracked(caller: CallerDep, number: str) -> list[dict[str, Any]]:
        station = server.rights.require_case(caller, READ, number) or caller.station_code
        return [to_wire(t) for t in extras.chain_follow_ups(station).tracked(number)]

    @router.put("/cases/{number}/chain-follow-ups/{key}")
    def mark(caller: CallerDep, number: str, key: str, body: Mark) -> dict[str, Any]:
        station = server.rights.require_case(caller, OPEN, number) or caller.station_code
        return dict(to_wire(extras.chain_follow_ups(station).mark(actor_of(caller), number, key, body.state,
                                                                  body.note)))

    app.include_router(router)
