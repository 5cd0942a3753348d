"""The use cases a desk calls, over the city server: same methods, same return values, same errors as
`DecisionService`, `CaseService.open_draft`, `CaseQueries` and `CitizenService` in-process.

The server knows who calls from the session, so the `actor` argument is only checked to be the user
signed in on this connection (a screen that passes another actor has a bug, and is told).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from desk.domain.errors import InvalidInput
from desk.domain.workflow import Action, Actor
from desk.remote.connection import Connection
from desk.services.case_views import CaseView, CitizenView
from desk.services.citizens import CardFacts
from desk.services.decisions import Decided
from desk.services.wire import case_from_wire, citizen_from_wire, paper_from_wire
from printing.documents.common import Paper

# The URL word of each decision after acceptance.
_LATER = {Action.SUBMIT_FOR_REVIEW: "submit", Action.APPROVE: "approve", Action.DENY: "deny",
          Action.COMPLETE: "complete", Action.WITHDRAW: "withdraw"}


@dataclass
class _Remote:
    connection: Connection

    def _as(self, actor: Actor | None) -> None:
        user = self.connection.user
        if user is None:
            raise InvalidInput("尚未登录城市服务器。", "Not signed in to the city server.", code="unauthenticated")
        if actor is not None and actor.user_id != user.actor.user_id:
            raise InvalidInput("操作人与本终端登录的用户不符。", "The actor is not the user signed in on this desk.")


class RemoteDecisions(_Remote):
    """`desk.services.decisions.DecisionService` over the city server."""

    def accept_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                         values: Mapping[str, Any] | None = None, *, paper: Paper | None = None) -> Decided:
        self._as(actor)
        body: dict[str, Any] = {"expected_version": expected_version, "received": list(received),
                                "values": dict(values) if values is not None else None}
        if paper is not None:
            body["paper"] = paper.value
        return self._decided(f"/cases/{number}/accept", body)

    def supplement_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                             values: Mapping[str, Any] | None = None) -> Decided:
        self._as(actor)
        return self._decided(f"/cases/{number}/supplement", {
            "expected_version": expected_version, "received": list(received),
            "values": dict(values) if values is not None else None})

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
            raise InvalidInput(f"“{action.label_zh}”不能在这里办理。", f"'{action.value}' is not decided here.")
        return self._decided(f"/cases/{number}/{word}", {"expected_version": expected_version, "reason": reason,
                                                         "password": password})

    def _decided(self, path: str, body: dict[str, Any]) -> Decided:
        data = self.connection.call("POST", path, body)
        return Decided(case_from_wire(data["case"]), tuple(paper_from_wire(p) for p in data["papers"]))


class RemoteCases(_Remote):
    """The drafts of `desk.services.cases.CaseService` over the city server."""

    def open_draft(self, actor: Actor, applicant_id_number: str, transaction_code: str,
                   values: Mapping[str, Any] | None = None) -> CaseView:
        self._as(actor)
        return case_from_wire(self.connection.call("POST", "/cases", {
            "applicant_id_number": applicant_id_number, "transaction_code": transaction_code,
            "values": dict(values or {})}))


class RemoteQueries(_Remote):
    """The reads of `desk.services.case_queries.CaseQueries` the desk screens need."""

    def view(self, actor: Actor | None, number: str, *, purpose: str = "desk",
             kiosk_code: str | None = None) -> CaseView:
        self._as(actor)
        return case_from_wire(self.connection.call("GET", f"/cases/{number}"))

    def today(self) -> list[CaseView]:
        return [case_from_wire(c) for c in self.connection.call("GET", "/cases/today")]

    def review(self) -> list[CaseView]:
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
