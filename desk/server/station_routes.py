"""The reads and small calls the desk's screens make besides the window decisions: Today's lists, the
review queues (a branch's too), the case view's papers, search, 人证一致, drafts as typed, the queue
and the daily figures.

Each endpoint is a thin call of the use case the desk calls in-process: who calls (the session),
may they (the rights, with the station or branch scope), then the one use case. The use cases audit
what they audit in-process (a case or citizen viewed, a search, a face check, a paper issued).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, FastAPI
from pydantic import BaseModel, Field

from desk.domain.workdays import DueStatus
from desk.domain.workflow import CaseState
from desk.server.case_summary import case_summary
from desk.server.context import CallerDep, Server, actor_of
from desk.services.rights import OPEN, QUEUE, READ, REPORT, Caller, Refused
from desk.services.wire import case_to_wire, citizen_to_wire, paper_to_wire, to_wire
from printing.documents.common import Paper

LIST_LIMIT = 500


class DraftValues(BaseModel):
    expected_version: int
    values: dict[str, Any] = Field(default_factory=dict)


class FaceCheck(BaseModel):
    matches: bool
    photo_shown: bool = False


class CallNext(BaseModel):
    counter: int | None = Field(default=None, ge=1, le=999, description="the desk's window number")


class Finish(BaseModel):
    state: str = Field(default="served", pattern="^(served|no_show|cancelled)$")


class Transfer(BaseModel):
    to_counter: int


class LinkCase(BaseModel):
    case_number: str


class Reprint(BaseModel):
    paper: str | None = Field(default=None, pattern="^(58mm|80mm|a4)$")


def register_station_routes(app: FastAPI, prefix: str, server: Server) -> None:
    router = APIRouter(prefix=prefix)

    @router.get("/cases", tags=["reads"])
    def cases(caller: CallerDep, state: CaseState | None = None, station: str | None = None,
              applicant: str | None = None, day: date | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Cases of the caller's station (or of one station of its branch), newest first, filtered. By
        applicant alone: the citizen's cases at every station, those outside the caller's scope as a summary."""
        server.rights.require(caller, READ)
        limit = max(1, min(limit, LIST_LIMIT))
        found = []
        scope = _scope(server, caller, station)
        for code in scope:
            found += server.window.queries.list(day=day, state=state, station_code=code,
                                                applicant_id_number=applicant, limit=limit)
        if applicant and station is None:
            found += [case_summary(c) for c in server.window.queries.list(
                day=day, state=state, applicant_id_number=applicant, limit=limit) if c.station_code not in scope]
        found.sort(key=lambda c: c.created_at, reverse=True)
        return [case_to_wire(c) for c in found[:limit]]

    @router.get("/cases/due/{status}", tags=["reads"])
    def due(caller: CallerDep, status: DueStatus, station: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Open cases overdue / due today / due soon / on track, soonest due first."""
        server.rights.require(caller, READ)
        limit = max(1, min(limit, LIST_LIMIT))
        found = []
        for code in _scope(server, caller, station):
            found += server.window.queries.by_due_status(status, code, limit=limit)
        found.sort(key=lambda c: (c.due_date or date.max))
        return [case_to_wire(c) for c in found[:limit]]

    @router.get("/usage-counts", tags=["reads"])
    def usage_counts(caller: CallerDep, recent: int = 500) -> dict[str, int]:
        """How often each transaction was opened among the station's newest cases (the picker's order)."""
        server.rights.require(caller, READ)
        return server.window.queries.usage_counts(caller.station_code, recent=max(1, min(recent, 5000)))

    @router.get("/station", tags=["reads"])
    def station(caller: CallerDep) -> dict[str, Any]:
        """The caller's station as printed on papers."""
        server.rights.require(caller, READ)
        return dict(to_wire(server.window.at(caller.station_code).documents.station_info()))

    @router.get("/stations/{code}", tags=["reads"])
    def other_station(caller: CallerDep, code: str) -> dict[str, Any]:
        """Any station of the city as its papers print it (name, address, phone — public words): where a
        clerk sends a citizen whose open case that station accepted."""
        server.rights.require(caller, READ)
        return dict(to_wire(server.window.at(caller.station_code).documents.station_of(code)))

    @router.get("/citizens", tags=["reads"])
    def search(caller: CallerDep, q: str, limit: int = 30) -> list[dict[str, Any]]:
        """The register searched by ID number, pinyin initials, name or address (audited)."""
        server.rights.require(caller, READ)
        return [citizen_to_wire(c) for c in server.window.citizens.search(actor_of(caller), q,
                                                                           limit=max(1, min(limit, 100)))]

    @router.get("/lookup-codes/{code}", tags=["reads"])
    def by_lookup_code(caller: CallerDep, code: str) -> dict[str, Any]:
        """The case a receipt's lookup code names (the search typed or scanned), if in the caller's scope."""
        server.rights.require(caller, READ)
        case = server.window.queries.by_lookup_code(code)
        server.rights.require_case(caller, READ, case.number)
        return case_to_wire(case)

    @router.post("/citizens/{id_number}/face-check", tags=["window"])
    def face_check(caller: CallerDep, id_number: str, body: FaceCheck) -> dict[str, str]:
        """人证一致 ticked (or taken back) by the clerk (audited)."""
        server.rights.require(caller, OPEN)
        server.window.citizens.record_face_check(actor_of(caller), id_number, matches=body.matches,
                                                 photo_shown=body.photo_shown)
        return {"status": "recorded"}

    @router.put("/cases/{number}/draft", tags=["window"])
    def save_draft(caller: CallerDep, number: str, body: DraftValues) -> dict[str, Any]:
        """The form as typed (a draft or a supplement case), no validation; a stale version is a 409."""
        station_code = server.rights.require_case(caller, OPEN, number) or caller.station_code
        view = server.window.at(station_code).cases.save_draft(actor_of(caller), number, body.values,
                                                               body.expected_version)
        return case_to_wire(view)

    @router.get("/cases/{number}/documents", tags=["reads"])
    def documents(caller: CallerDep, number: str) -> list[str]:
        """The kinds of paper the case view offers to reprint."""
        station_code = server.rights.require_case(caller, READ, number) or caller.station_code
        window = server.window.at(station_code)
        return window.documents.documents_for(server.window.queries.get(number))

    @router.get("/cases/{number}/papers", tags=["reads"])
    def papers(caller: CallerDep, number: str) -> list[dict[str, str]]:
        """The case's papers: those issued (with their serials), then those it can have now; each with its
        title's message key (as the paper prints it)."""
        station_code = server.rights.require_case(caller, READ, number) or caller.station_code
        window = server.window.at(station_code)
        return [{"kind": offer.kind, "title_key": offer.title_key, "serial": offer.serial, "void_by": offer.void_by}
                for offer in window.documents.papers_for(server.window.queries.get(number))]

    @router.post("/cases/{number}/documents/{kind}", tags=["window"])
    def reprint(caller: CallerDep, number: str, kind: str, body: Reprint) -> dict[str, Any]:
        """Issue (or reprint, keeping its serial) one paper of a case."""
        station_code = server.rights.require_case(caller, READ, number) or caller.station_code
        paper = Paper(body.paper) if body.paper else None
        return paper_to_wire(server.window.at(station_code).documents.case_document(
            kind, number, actor=actor_of(caller), paper=paper))

    @router.get("/queue/waiting", tags=["queue"])
    def waiting(caller: CallerDep) -> list[dict[str, Any]]:
        server.rights.require(caller, READ)
        return [to_wire(t) for t in server.window.queue(caller.station_code).waiting()]

    @router.post("/queue/call-next", tags=["queue"])
    def call_next(caller: CallerDep, body: CallNext) -> dict[str, Any] | None:
        """The next citizen to this desk's window (None when nobody waits)."""
        server.rights.require(caller, QUEUE)
        ticket = server.window.queue(caller.station_code, body.counter).call_next(actor_of(caller))
        return to_wire(ticket) if ticket is not None else None

    @router.post("/queue/{ticket_id}/finish", tags=["queue"])
    def finish(caller: CallerDep, ticket_id: int, body: Finish) -> dict[str, str]:
        server.rights.require(caller, QUEUE)
        server.window.queue(caller.station_code).finish(ticket_id, body.state, actor_of(caller))
        return {"status": body.state}

    @router.get("/queue/counters", tags=["queue"])
    def counters(caller: CallerDep) -> list[dict[str, Any]]:
        """The station's windows and the number letters each serves (for 转窗口)."""
        server.rights.require(caller, READ)
        return [to_wire(c) for c in server.window.queue(caller.station_code).counters()]

    @router.post("/queue/{ticket_id}/recall", tags=["queue"])
    def recall(caller: CallerDep, ticket_id: int) -> dict[str, Any]:
        """重呼: the hall screen repeats the call."""
        server.rights.require(caller, QUEUE)
        return to_wire(server.window.queue(caller.station_code).recall(actor_of(caller), ticket_id))

    @router.post("/queue/{ticket_id}/no-show", tags=["queue"])
    def no_show(caller: CallerDep, ticket_id: int) -> dict[str, Any]:
        """过号: called and not come."""
        server.rights.require(caller, QUEUE)
        return to_wire(server.window.queue(caller.station_code).no_show(actor_of(caller), ticket_id))

    @router.post("/queue/{ticket_id}/transfer", tags=["queue"])
    def transfer(caller: CallerDep, ticket_id: int, body: Transfer) -> dict[str, Any]:
        """转窗口: the ticket waits for another window, keeping its place."""
        server.rights.require(caller, QUEUE)
        return to_wire(server.window.queue(caller.station_code).transfer(actor_of(caller), ticket_id,
                                                                          body.to_counter))

    @router.post("/queue/{ticket_id}/case", tags=["queue"])
    def link_case(caller: CallerDep, ticket_id: int, body: LinkCase) -> dict[str, Any]:
        """The called ticket became this case (its wait and service time count for the case)."""
        server.rights.require(caller, QUEUE)
        server.rights.require_case(caller, READ, body.case_number)
        return to_wire(server.window.queue(caller.station_code).link_case(actor_of(caller), ticket_id,
                                                                           body.case_number))

    @router.get("/reports/daily", tags=["reads"])
    def daily(caller: CallerDep, day: date, station: str | None = None) -> dict[str, Any]:
        """户籍业务日报's figures for one station and day."""
        server.rights.require(caller, REPORT)
        code = station or caller.station_code
        _scope(server, caller, code)  # refuses a station outside the caller's scope
        return dict(to_wire(server.window.reports.daily(day, code)))

    app.include_router(router)


def _scope(server: Server, caller: Caller, station: str | None) -> list[str]:
    """The stations a list covers: the one asked for (if the caller may see it), else the caller's own —
    for a branch user, every station of the branch (also when it names its own office's station)."""
    with server.store.read() as session:
        role = server.rights.policy.roles.get(caller.role)
        branch_scope = role is not None and role.scope == "branch"
        if station is not None and not (branch_scope and station == caller.station_code):
            if not server.rights.may_see_station(session, caller, station):
                raise Refused.say("server.other_station_view", code="other_station", station=station)
            return [station]
        if branch_scope:  # its own station stands for the branch: its queue holds every station's cases
            return sorted(server.rights.branch_stations(session, caller.station_code))
    return [caller.station_code]
