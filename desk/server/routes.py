"""The endpoints of API v1: sign-in, the reads the desk screens need, and one call per window decision.

Each endpoint: who calls (the session, reloaded from the database), may they (rights), then one use
case. A window decision is one call of `desk/services/decisions.py`, so one transaction that changes
the case and issues its papers (returned as PDFs to print at the desk).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Header
from sqlalchemy import text

from desk.domain.workflow import Action, CaseState
from desk.server.context import CallerDep, Server, actor_of
from desk.server.schemas import AtWindow, CardRead, Decide, NotAccept, OpenCase, SignIn
from desk.services.citizens import CardFacts
from desk.services.decisions import Decided
from desk.services.rights import CATALOG, OPEN, READ, Caller
from desk.services.wire import case_to_wire, citizen_to_wire, paper_to_wire
from printing.documents.common import Paper

# URL word → the decision it takes after acceptance.
LATER = {"submit": Action.SUBMIT_FOR_REVIEW, "approve": Action.APPROVE, "deny": Action.DENY,
         "complete": Action.COMPLETE, "withdraw": Action.WITHDRAW}


def register_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=prefix)

    @router.get("/health", tags=["server"])
    def health() -> dict[str, str]:
        """Readiness: the server answers and its database does."""
        with server.store.read() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "api": "v1"}

    # ---- sign-in ------------------------------------------------------------------------------

    @router.post("/sessions", tags=["sessions"])
    def sign_in(body: SignIn) -> dict[str, Any]:
        """Password sign-in; the token is bound to this user and `device_id` (send it as X-Desk-Device)."""
        issued = server.sessions.sign_in(body.username, body.password, body.device_id, body.kind)
        return {"token": issued.token, "idle_seconds": issued.idle_seconds, "kind": issued.kind,
                "user": {"username": issued.username, "display_name": issued.display_name,
                         "role": issued.role.value, "station_code": issued.station_code,
                         "badge": issued.badge}}

    @router.delete("/sessions/current", tags=["sessions"])
    def sign_out(caller: CallerDep, authorization: Annotated[str, Header()]) -> dict[str, str]:
        server.sessions.revoke(authorization.partition(" ")[2].strip(), "signed_out")
        return {"status": "signed_out"}

    @router.get("/me", tags=["sessions"])
    def me(caller: CallerDep) -> dict[str, Any]:
        server.rights.require(caller, CATALOG)  # every signed-in active user and kiosk may ask who it is
        return {"user_id": caller.user_id, "username": caller.username, "role": caller.role.value,
                "station_code": caller.station_code, "device_id": caller.device_id, "kind": caller.session_kind,
                "badge": server.window.users.shown_badge(caller.user_id)}  # 工号 on the desk's status bar

    # ---- reads --------------------------------------------------------------------------------

    @router.get("/catalog", tags=["reads"])
    def catalog(caller: CallerDep) -> list[dict[str, Any]]:
        server.rights.require(caller, CATALOG)
        return [{"code": t.code, "name_zh": t.name_zh, "name_en": t.name_en, "category": str(t.category),
                 "approval": str(t.approval), "time_limit_days": t.time_limit_days,
                 "kiosk_startable": t.kiosk_startable} for t in server.catalog.transactions()]

    @router.get("/citizens/{id_number}", tags=["reads"])
    def citizen(caller: CallerDep, id_number: str) -> dict[str, Any]:
        """One citizen of the city register (the view is audited)."""
        server.rights.require(caller, READ)
        return citizen_to_wire(server.window.citizens.view(actor_of(caller), id_number))

    @router.get("/cases/today", tags=["reads"])
    def today(caller: CallerDep) -> list[dict[str, Any]]:
        """The cases opened today at the caller's station (a branch: at every station of the branch)."""
        server.rights.require(caller, READ)
        day = server.clock.today()
        return [case_to_wire(c) for station in _stations(server, caller)
                for c in server.window.queries.list(day=day, station_code=station)]

    @router.get("/cases/review", tags=["reads"])
    def review(caller: CallerDep) -> list[dict[str, Any]]:
        """Cases under review that the caller's role decides (its station's, or its branch's)."""
        server.rights.require(caller, READ)
        levels = {level for level, roles in server.rights.policy.deciders.items() if caller.role in roles}
        return [case_to_wire(c) for station in _stations(server, caller)
                for c in server.window.queries.list(state=CaseState.UNDER_REVIEW, station_code=station)
                if c.approval in levels]

    @router.get("/cases/{number}", tags=["reads"])
    def case(caller: CallerDep, number: str) -> dict[str, Any]:
        """One case with its history (opening it is audited)."""
        server.rights.require_case(caller, READ, number)
        return case_to_wire(server.window.queries.view(actor_of(caller), number))

    # ---- the window ---------------------------------------------------------------------------

    @router.post("/citizens", tags=["window"])
    def card_read(caller: CallerDep, body: CardRead) -> dict[str, Any]:
        """An ID card read at the desk: the citizen created or refreshed from the card."""
        server.rights.require(caller, OPEN)
        facts = CardFacts(**body.model_dump())
        return citizen_to_wire(server.window.citizens.register_card(actor_of(caller), facts))

    @router.post("/cases", tags=["window"])
    def open_case(caller: CallerDep, body: OpenCase) -> dict[str, Any]:
        """A new draft at the caller's station."""
        server.rights.require(caller, OPEN)
        view = server.window.at(caller.station_code).cases.open_draft(
            actor_of(caller), body.applicant_id_number, body.transaction_code, body.values)
        return case_to_wire(view)

    @router.post("/cases/{number}/accept", tags=["window"])
    def accept(caller: CallerDep, number: str, body: AtWindow) -> dict[str, Any]:
        """受理 and its receipt, one transaction."""
        decisions = _decisions(server, caller, Action.ACCEPT, number)
        paper = Paper(body.paper) if body.paper else None
        return _decided(decisions.accept_and_issue(actor_of(caller), number, body.expected_version, body.received,
                                                   body.values, paper=paper, verified=body.verified))

    @router.post("/cases/{number}/accept-and-route", tags=["window"])
    def accept_and_route(caller: CallerDep, number: str, body: AtWindow) -> dict[str, Any]:
        """受理 and its receipt, and a leader- or branch-level case sent to its approvers' queue, one transaction."""
        _decisions(server, caller, Action.SUBMIT_FOR_REVIEW, number)
        decisions = _decisions(server, caller, Action.ACCEPT, number)
        paper = Paper(body.paper) if body.paper else None
        return _decided(decisions.accept_and_route(actor_of(caller), number, body.expected_version, body.received,
                                                   body.values, paper=paper, verified=body.verified))

    @router.post("/cases/{number}/accept-and-complete", tags=["window"])
    def accept_and_complete(caller: CallerDep, number: str, body: AtWindow) -> dict[str, Any]:
        """受理并办结 of a window-level item and its completion notice, one transaction."""
        _decisions(server, caller, Action.COMPLETE, number)
        decisions = _decisions(server, caller, Action.ACCEPT, number)
        paper = Paper(body.paper) if body.paper else None
        return _decided(decisions.accept_and_complete(actor_of(caller), number, body.expected_version, body.received,
                                                      body.values, paper=paper, verified=body.verified))

    @router.post("/cases/{number}/supplement", tags=["window"])
    def supplement(caller: CallerDep, number: str, body: AtWindow) -> dict[str, Any]:
        """一次性告知: the supplement notice listing every missing material, one transaction."""
        decisions = _decisions(server, caller, Action.REQUEST_SUPPLEMENT, number)
        return _decided(decisions.supplement_and_issue(actor_of(caller), number, body.expected_version,
                                                       body.received, body.values, verified=body.verified))

    @router.post("/cases/{number}/not-accept", tags=["window"])
    def not_accept(caller: CallerDep, number: str, body: NotAccept) -> dict[str, Any]:
        """不予受理 and its notice, one transaction."""
        decisions = _decisions(server, caller, Action.NOT_ACCEPT, number)
        return _decided(decisions.refuse_and_issue(actor_of(caller), number, body.expected_version, body.reason,
                                                   body.values, ground=body.ground))

    def later(word: str, action: Action) -> None:
        def decide(caller: CallerDep, number: str, body: Decide) -> dict[str, Any]:
            decisions = _decisions(server, caller, action, number)
            return _decided(decisions.act_and_issue(actor_of(caller), number, body.expected_version, action,
                                                    reason=body.reason, password=body.password))

        decide.__doc__ = f"{action.label_zh} ({action.value}) and its papers, one transaction."
        router.add_api_route(f"/cases/{{number}}/{word}", decide, methods=["POST"], tags=["window"],
                             name=f"{word}_case")

    for word, action in LATER.items():
        later(word, action)

    app.include_router(router)


def _stations(server: Server, caller: Caller) -> list[str]:
    with server.store.read() as session:
        role = server.rights.policy.roles.get(caller.role)
        if role is not None and role.scope == "branch":
            return sorted(server.rights.branch_stations(session, caller.station_code))
    return [caller.station_code]


def _decisions(server: Server, caller: Caller, action: Action, number: str) -> Any:
    station = server.rights.require_case(caller, action.value, number)
    return server.window.at(station or caller.station_code).decisions


def _decided(decided: Decided) -> dict[str, Any]:
    return {"case": case_to_wire(decided.case), "papers": [paper_to_wire(p) for p in decided.papers]}

