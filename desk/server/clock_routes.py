"""API v1 for the clocks the law starts (desk/services/clocks.py) and the 30-day 注销公告
(desk/services/public_notices.py): the lists on the desk's Today screen and the case view's panel.

| call | use case | right |
|---|---|---|
| `GET /clocks/deemed?station=&as_of=` | drafts that count as accepted (视为受理) | read |
| `GET /clocks/notices?station=` | 注销公告 running or waiting for the decision | read |
| `GET /clocks/permits?station=&within_days=` | 准予迁入证明 / 户口迁移证 running out | read |
| `GET /cases/{number}/deemed` | whether this case counts as accepted (null: no) | read |
| `GET /cases/{number}/notices` | the case's notices | read |
| `POST /cases/{number}/notices` | post the 30-day notice, with its printed 公告 | open |
| `POST /notices/{serial}/decide` | after the 30 days: cancel (complete) or keep (withdraw) | complete / withdraw |
| `GET /notices/{serial}/paper` | the 公告 printed again | read |

The station is the caller's (a branch user: every station of its branch, or the one it names); a
case or notice of another station is refused (`other_station`) and the refusal audited.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.workflow import Action
from desk.server.context import CallerDep, Server, actor_of
from desk.server.station_extras import StationExtras
from desk.server.station_routes import _scope as stations_in_scope
from desk.services.clocks import PERMIT_WARNING_DAYS
from desk.services.rights import OPEN, READ, Caller
from desk.services.wire import paper_to_wire, to_wire
from desk.store.repositories.city_lookups import notice_case_number


class Decide(BaseModel):
    objection: str = Field(default="", max_length=2000)


def register_clock_routes(app: FastAPI, prefix: str, server: Server, extras: StationExtras) -> None:
    router = APIRouter(prefix=prefix, tags=["clocks"])

    def stations(caller: Caller, station: str | None) -> list[str]:
        server.rights.require(caller, READ)
        return stations_in_scope(server, caller, station)

    @router.get("/clocks/deemed")
    def deemed(caller: CallerDep, station: str | None = None, as_of: date | None = None) -> list[dict[str, Any]]:
        """Drafts with no answer for more than five working days (they count as accepted), oldest first
        (`as_of`: counted on that day — a report's day)."""
        return [to_wire(d) for code in stations(caller, station) for d in extras.clocks(code).deemed_accepted(as_of)]

    @router.get("/clocks/notices")
    def notices(caller: CallerDep, station: str | None = None) -> list[dict[str, Any]]:
        return [to_wire(n) for code in stations(caller, station) for n in extras.clocks(code).notices()]

    @router.get("/clocks/permits")
    def permits(caller: CallerDep, station: str | None = None,
                within_days: int = PERMIT_WARNING_DAYS) -> list[dict[str, Any]]:
        within = max(0, min(within_days, 366))
        return [to_wire(p) for code in stations(caller, station)
                for p in extras.clocks(code).expiring_permits(within)]

    @router.get("/cases/{number}/deemed")
    def deemed_of(caller: CallerDep, number: str) -> dict[str, Any] | None:
        station = server.rights.require_case(caller, READ, number) or caller.station_code
        found = extras.clocks(station).deemed_acceptance_of(number)
        return to_wire(found) if found is not None else None

    @router.get("/cases/{number}/notices")
    def for_case(caller: CallerDep, number: str) -> list[dict[str, Any]]:
        station = server.rights.require_case(caller, READ, number) or caller.station_code
        return [to_wire(n) for n in extras.notices(station).for_case(number)]

    @router.post("/cases/{number}/notices")
    def publish(caller: CallerDep, number: str) -> dict[str, Any]:
        """The 30-day notice posted for an accepted duplicate-registration case, and its paper."""
        station = server.rights.require_case(caller, OPEN, number) or caller.station_code
        issued = extras.notices(station).publish(actor_of(caller), number)
        return {"notice": to_wire(issued.notice), "paper": paper_to_wire(issued.paper)}

    def notice_station(caller: CallerDep, serial: str, action: str) -> str:
        server.rights.require(caller, action)
        with server.store.read() as session:
            case_number = notice_case_number(session, serial)
        if case_number is None:
            return caller.station_code  # the use case says "not found"
        return server.rights.require_case(caller, action, case_number) or caller.station_code

    @router.post("/notices/{serial}/decide")
    def decide(caller: CallerDep, serial: str, body: Decide) -> dict[str, Any]:
        """No objection: the duplicate is cancelled (the case completed); an objection: it is kept (withdrawn)."""
        action = Action.WITHDRAW if body.objection.strip() else Action.COMPLETE
        station = notice_station(caller, serial, action.value)
        return dict(to_wire(extras.notices(station).decide(actor_of(caller), serial, objection=body.objection)))

    @router.get("/notices/{serial}/paper")
    def reprint(caller: CallerDep, serial: str) -> dict[str, Any]:
        station = notice_station(caller, serial, READ)
        return paper_to_wire(extras.notices(station).reprint(serial))

    app.include_router(router)
