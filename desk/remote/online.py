"""网上预审 over the city server: `RemoteOnline` has the station-side methods, values and errors of
`desk.services.online.OnlineService` (queue, open, upload_data, ask_supplement, book_visit,
decide_online, open_at_counter), so the desk's 网上预审 screen handed one cannot tell."""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from desk.domain.errors import InvalidInput
from desk.domain.online import OnlineState
from desk.domain.workflow import Actor
from desk.remote.connection import Connection
from desk.services.case_views import CaseView
from desk.services.decisions import Decided
from desk.services.online import AlreadyCase, ApplicationView, UploadView
from desk.services.wire import case_from_wire, paper_from_wire


def application_from_wire(data: dict[str, Any]) -> ApplicationView:
    return ApplicationView(
        number=data["number"], station_code=data["station_code"], transaction_code=data["transaction_code"],
        id_number=data["id_number"], phone=data["phone"], form_values=dict(data["form_values"]),
        state=OnlineState(data["state"]), submitted_at=datetime.fromisoformat(data["submitted_at"]),
        updated_at=datetime.fromisoformat(data["updated_at"]),
        missing_materials=tuple(data["missing_materials"]), notice_text=data["notice_text"],
        visit_on=date.fromisoformat(data["visit_on"]) if data["visit_on"] else None,
        case_number=data["case_number"], version=int(data["version"]),
        uploads=tuple(_upload_from_wire(u) for u in data["uploads"]),
    )


def _upload_from_wire(data: dict[str, Any]) -> UploadView:
    return UploadView(int(data["upload_id"]), data["material_key"], data["file_name"], data["content_type"],
                      int(data["size"]), datetime.fromisoformat(data["uploaded_at"]))


@dataclass
class RemoteOnline:
    connection: Connection

    def waiting_for(self, id_number: str) -> list[ApplicationView]:
        """The citizen's open applications to the signed-in user's station."""
        self._as(None)
        return [application_from_wire(a) for a in self.connection.call("GET", f"/online/waiting/{id_number}")]

    def queue(self, station_code: str) -> list[ApplicationView]:
        """The signed-in user's station's queue (the server knows the station from the session)."""
        self._as(None)
        return [application_from_wire(a) for a in self.connection.call("GET", "/online/queue")]

    def open(self, actor: Actor, number: str) -> ApplicationView:
        self._as(actor)
        return application_from_wire(self.connection.call("POST", f"/online/{number}/open"))

    def upload_data(self, actor: Actor, number: str, upload_id: int) -> tuple[UploadView, bytes]:
        self._as(actor)
        data = self.connection.call("GET", f"/online/{number}/uploads/{upload_id}")
        return _upload_from_wire(data["upload"]), base64.b64decode(data["data_base64"])

    def ask_supplement(self, actor: Actor, number: str, expected_version: int, missing_keys: Iterable[str],
                       note: str = "") -> ApplicationView:
        self._as(actor)
        return application_from_wire(self.connection.call("POST", f"/online/{number}/supplement", {
            "expected_version": expected_version, "missing": list(missing_keys), "note": note}))

    def book_visit(self, actor: Actor, number: str, expected_version: int, day: date,
                   note: str = "") -> ApplicationView:
        self._as(actor)
        return application_from_wire(self.connection.call("POST", f"/online/{number}/visit", {
            "expected_version": expected_version, "day": day.isoformat(), "note": note}))

    def decide_online(self, actor: Actor, number: str, expected_version: int) -> tuple[ApplicationView, Decided]:
        self._as(actor)
        data = self.connection.call("POST", f"/online/{number}/decide", {"expected_version": expected_version})
        decided = Decided(case_from_wire(data["case"]), tuple(paper_from_wire(p) for p in data["papers"]))
        return application_from_wire(data["application"]), decided

    def open_at_counter(self, actor: Actor, number: str) -> tuple[ApplicationView, CaseView]:
        self._as(actor)
        data = self.connection.call("POST", f"/online/{number}/counter")
        if data.get("already_case"):
            raise AlreadyCase.of(data["already_case"])
        return application_from_wire(data["application"]), case_from_wire(data["case"])

    def _as(self, actor: Actor | None) -> None:
        user = self.connection.user
        if user is None:
            raise InvalidInput.say("city.not_signed_in", code="unauthenticated")
        if actor is not None and actor.user_id != user.actor.user_id:
            raise InvalidInput.say("city.actor_not_signed_in")
