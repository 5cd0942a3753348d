"""The use cases a desk calls, over the city server: same methods, same return values, same errors as
`DecisionService`, `CaseService.open_draft`, `CaseQueries` and `CitizenService` in-process.

The server knows who calls from the session, so the `actor` argument is only checked to be the user
signed in on this connection (a screen that passes another actor has a bug, and is told).
"""

from __future__ import annotations

import builtins
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.domain.errors import InvalidInput, NotFound
from desk.domain.messages import Term
from desk.domain.workdays import DueStatus
from desk.domain.workflow import Action, Actor, CaseState
from desk.remote.connection import Connection
from desk.services.case_views import CaseLists, CaseRow, CaseView, CitizenView
from desk.services.citizens import CardFacts
from desk.services.decisions import Decided
from desk.services.documents import IssuedPaper, PaperOffer
from desk.services.queue import CounterView, TicketView
from desk.services.wire import case_from_wire, citizen_from_wire, from_wire, paper_from_wire
from printing.documents.common import Paper
from printing.models import DailyReportData, StationInfo

# The URL word of each decision after acceptance.
_LATER = {Action.SUBMIT_FOR_REVIEW: "submit", Action.APPROVE: "approve", Action.DENY: "deny",
          Action.COMPLETE: "complete", Action.WITHDRAW: "withdraw"}


@dataclass
class _Remote:
    connection: Connection

    def _as(self, actor: Actor | None) -> None:
        user = self.connection.user
        if user is None:
            raise InvalidInput.say("city.not_signed_in", code="unauthenticated")
        if actor is not None and actor.user_id != user.actor.user_id:
            raise InvalidInput.say("city.actor_not_signed_in")


class RemoteDecisions(_Remote):
    """`desk.services.decisions.DecisionService` over the city server."""

    def accept_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                         values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                         verified: Iterable[str] = ()) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/accept",
                             _at_window(expected_version, received, values, paper, verified))

    def accept_and_route(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                         values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                         verified: Iterable[str] = ()) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/accept-and-route",
                             _at_window(expected_version, received, values, paper, verified))

    def accept_and_complete(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                            values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                            verified: Iterable[str] = ()) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/accept-and-complete",
                             _at_window(expected_version, received, values, paper, verified))

    def supplement_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                             values: Mapping[str, Any] | None = None, *, verified: Iterable[str] = ()) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/supplement",
                             _at_window(expected_version, received, values, None, verified))

    def refuse_and_issue(self, actor: Actor, number: str, expected_version: int, reason: str,
                         values: Mapping[str, Any] | None = None, *, ground: str | None = None) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/not-accept", {
            "expected_version": expected_version, "reason": reason,
            "values": dict(values) if values is not None else None, "ground": ground})

    def act_and_issue(self, actor: Actor, number: str, expected_version: int, action: Action, *,
                      reason: str | None = None, password: str | None = None) -> Decided:
        self._as(actor)
        word = _LATER.get(action)
        if word is None:
            raise InvalidInput.say("case.not_decided_here", action=Term(f"action.{action.value}"))
        return self._decided(f"/cases/{number}/{word}", {"expected_version": expected_version, "reason": reason,
                                                         "password": password})

    def _decided(self, path: str, body: dict[str, Any]) -> Decided:
        data = self.connection.call("POST", path, body)
        return Decided(case_from_wire(data["case"]), tuple(paper_from_wire(p) for p in data["papers"]))


def _at_window(expected_version: int, received: Iterable[str], values: Mapping[str, Any] | None,
               paper: Paper | None, verified: Iterable[str]) -> dict[str, Any]:
    body: dict[str, Any] = {"expected_version": expected_version, "received": list(received),
                            "verified": list(verified), "values": dict(values) if values is not None else None}
    if paper is not None:
        body["paper"] = paper.value
    return body


class RemoteCases(_Remote):
    """The drafts of `desk.services.cases.CaseService` over the city server."""

    def open_draft(self, actor: Actor, applicant_id_number: str, transaction_code: str,
                   values: Mapping[str, Any] | None = None) -> CaseView:
        self._as(actor)
        return case_from_wire(self.connection.call("POST", "/cases", {
            "applicant_id_number": applicant_id_number, "transaction_code": transaction_code,
            "values": dict(values or {})}))

    def save_draft(self, actor: Actor, number: str, values: Mapping[str, Any], expected_version: int) -> CaseView:
        self._as(actor)
        return case_from_wire(self.connection.call("PUT", f"/cases/{number}/draft", {
            "expected_version": expected_version, "values": dict(values)}))


class RemoteQueries(_Remote):
    """The reads of `desk.services.case_queries.CaseQueries` the desk screens need."""

    def view(self, actor: Actor | None, number: str, *, purpose: str = "desk",
             kiosk_code: str | None = None) -> CaseView:
        self._as(actor)
        return case_from_wire(self.connection.call("GET", f"/cases/{number}"))

    def get(self, number: str) -> CaseView:
        """The case with its history (the server audits the view: it knows who asks)."""
        return case_from_wire(self.connection.call("GET", f"/cases/{number}"))

    def by_lookup_code(self, lookup_code: str) -> CaseView:
        """The case a receipt's lookup code names (the search): of the caller's station, else refused."""
        return case_from_wire(self.connection.call("GET", f"/lookup-codes/{lookup_code.strip().upper()}"))

    def list(self, *, day: date | None = None, state: CaseState | None = None, station_code: str | None = None,
             applicant_id_number: str | None = None, limit: int | None = None) -> builtins.list[CaseView]:
        params = {"day": day.isoformat() if day else None, "state": state.value if state else None,
                  "station": station_code, "applicant": applicant_id_number, "limit": limit}
        return [case_from_wire(c) for c in self.connection.call("GET", "/cases", params=params)]

    def by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                      limit: int | None = None, offset: int = 0) -> builtins.list[CaseView]:
        params = {"station": station_code, "limit": limit}
        return [case_from_wire(c) for c in self.connection.call("GET", f"/cases/due/{status.value}", params=params)]

    def rows(self, *, day: date | None = None, state: CaseState | None = None, station_code: str | None = None,
             applicant_id_number: str | None = None, limit: int | None = None,
             offset: int = 0) -> builtins.list[CaseRow]:
        params = {"day": day.isoformat() if day else None, "state": state.value if state else None,
                  "station": station_code, "applicant": applicant_id_number, "limit": limit, "offset": offset}
        return [from_wire(CaseRow, r) for r in self.connection.call("GET", "/case-rows", params=params)]

    def rows_by_due_status(self, status: DueStatus, station_code: str | None = None, soon_days: int = 2, *,
                           limit: int | None = None, offset: int = 0) -> builtins.list[CaseRow]:
        params = {"station": station_code, "limit": limit, "offset": offset, "soon_days": soon_days}
        return [from_wire(CaseRow, r) for r in self.connection.call("GET", f"/case-rows/due/{status.value}",
                                                                    params=params)]

    def today_lists(self, station_code: str, *, page: int = 200, soon_days: int = 2) -> CaseLists:
        """The Today screen's case lists in one call."""
        return from_wire(CaseLists, self.connection.call("GET", "/case-lists/today", params={
            "station": station_code, "page": page, "soon_days": soon_days}))

    def usage_counts(self, station_code: str, recent: int = 500) -> dict[str, int]:
        """Before sign-in nothing may be read: the picker then starts in catalog order."""
        if self.connection.user is None:
            return {}
        return {str(k): int(v) for k, v in self.connection.call("GET", "/usage-counts",
                                                               params={"recent": recent}).items()}

    def today(self) -> builtins.list[CaseView]:
        return [case_from_wire(c) for c in self.connection.call("GET", "/cases/today")]

    def review(self) -> builtins.list[CaseView]:
        """The cases under review that the signed-in user decides."""
        return [case_from_wire(c) for c in self.connection.call("GET", "/cases/review")]


class RemoteCitizens(_Remote):
    """`desk.services.citizens.CitizenService`'s card read and look-up over the city server."""

    def register_card(self, actor: Actor | None, facts: CardFacts, *, source: str = "card") -> CitizenView:
        self._as(actor)
        body = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                for k, v in dataclasses.asdict(facts).items() if k != "photo_wlt"}
        return citizen_from_wire(self.connection.call("POST", "/citizens", body))

    def view(self, actor: Actor | None, id_number: str, *, purpose: str = "desk") -> CitizenView:
        self._as(actor)
        return citizen_from_wire(self.connection.call("GET", f"/citizens/{id_number}"))

    def search(self, actor: Actor | None, text: str, limit: int = 50) -> list[CitizenView]:
        self._as(actor)
        return [citizen_from_wire(c) for c in self.connection.call("GET", "/citizens",
                                                                   params={"q": text, "limit": limit})]

    def record_face_check(self, actor: Actor, id_number: str, *, matches: bool, photo_shown: bool) -> None:
        self._as(actor)
        self.connection.call("POST", f"/citizens/{id_number}/face-check",
                             {"matches": matches, "photo_shown": photo_shown})


class RemoteDocuments(_Remote):
    """The papers of `desk.services.documents.DocumentService` a desk asks for outside a decision."""

    def documents_for(self, case: CaseView) -> list[str]:
        return [str(kind) for kind in self.connection.call("GET", f"/cases/{case.number}/documents")]

    def papers_for(self, case: CaseView) -> list[PaperOffer]:
        return [PaperOffer(str(offer["kind"]), str(offer["title_key"]), str(offer.get("serial") or ""),
                           str(offer.get("void_by") or ""))
                for offer in self.connection.call("GET", f"/cases/{case.number}/papers")]

    def case_document(self, kind: str, case_number: str, *, actor: Actor | None = None,
                      paper: Paper | None = None) -> IssuedPaper:
        self._as(actor)
        return paper_from_wire(self.connection.call("POST", f"/cases/{case_number}/documents/{kind}",
                                                    {"paper": paper.value if paper else None}))

    def station_info(self) -> StationInfo:
        """The signed-in user's station; before sign-in it is not known (NotFound, as for a new desk)."""
        if self.connection.user is None:
            raise NotFound.say("city.not_signed_in")
        return from_wire(StationInfo, self.connection.call("GET", "/station"))

    def station_of(self, station_code: str) -> StationInfo:
        """Another station as its papers print it (a citizen's open case there: where to send them)."""
        return from_wire(StationInfo, self.connection.call("GET", f"/stations/{station_code}"))


class RemoteQueue(_Remote):
    """The desk's side of `desk.services.queue.QueueService`: who waits, call the next, finish."""

    counter_number: int | None = None

    def waiting(self) -> list[TicketView]:
        return [from_wire(TicketView, t) for t in self.connection.call("GET", "/queue/waiting")]

    def call_next(self, actor: Actor, counter: int | None = None) -> TicketView | None:
        self._as(actor)
        data = self.connection.call("POST", "/queue/call-next", {"counter": counter or self.counter_number})
        return from_wire(TicketView, data) if data is not None else None

    def finish(self, ticket_id: int, state: str = "served", actor: Actor | None = None) -> None:
        self.connection.call("POST", f"/queue/{ticket_id}/finish", {"state": state})

    def counters(self) -> list[CounterView]:
        return [from_wire(CounterView, c) for c in self.connection.call("GET", "/queue/counters")]

    def recall(self, actor: Actor, ticket_id: int) -> TicketView:
        self._as(actor)
        return from_wire(TicketView, self.connection.call("POST", f"/queue/{ticket_id}/recall"))

    def no_show(self, actor: Actor, ticket_id: int) -> TicketView:
        self._as(actor)
        return from_wire(TicketView, self.connection.call("POST", f"/queue/{ticket_id}/no-show"))

    def transfer(self, actor: Actor, ticket_id: int, to_counter: int) -> TicketView:
        self._as(actor)
        return from_wire(TicketView, self.connection.call("POST", f"/queue/{ticket_id}/transfer",
                                                          {"to_counter": to_counter}))

    def link_case(self, actor: Actor, ticket_id: int, case_number: str) -> TicketView:
        self._as(actor)
        return from_wire(TicketView, self.connection.call("POST", f"/queue/{ticket_id}/case",
                                                          {"case_number": case_number}))


class RemoteReports(_Remote):
    def daily(self, day: date, station_code: str) -> DailyReportData:
        return from_wire(DailyReportData, self.connection.call(
            "GET", "/reports/daily", params={"day": day.isoformat(), "station": station_code}))
