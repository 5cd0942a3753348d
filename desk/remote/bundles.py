"""The “一件事” bundles, the legal clocks, the 30-day 注销公告 and the chained-change follow-ups over the
city server (desk/server/bundle_routes.py, clock_routes.py, chain_routes.py): the same methods, values
and errors as `BundleService`, `LegalClocks`, `PublicNoticeService` and `ChainFollowUpService`
in-process, so the Today screen, the bundle page and the case view's panel cannot tell.

The server knows who calls and which station from the session; an `actor` passed here is only
checked to be the user signed in on this connection."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.domain.bundles import Bundle, Bundles
from desk.domain.errors import NotFound
from desk.domain.workflow import Actor
from desk.remote.services import _Remote
from desk.services.bundles import BundleDecided, BundleView
from desk.services.chain_follow_ups import TrackedRecord
from desk.services.clocks import PERMIT_WARNING_DAYS, DeemedAcceptance, ExpiringPermit, NoticeClock
from desk.services.documents import IssuedPaper
from desk.services.public_notices import NoticeIssued, NoticeView
from desk.services.wire import from_wire, paper_from_wire


def _lists(values: Mapping[str, Iterable[str]] | None) -> dict[str, list[str]] | None:
    return {code: list(items) for code, items in values.items()} if values is not None else None


def _decided(data: dict[str, Any]) -> BundleDecided:
    return BundleDecided(from_wire(BundleView, data["bundle"]), tuple(paper_from_wire(p) for p in data["papers"]))


@dataclass
class RemoteBundles(_Remote):
    """`desk.services.bundles.BundleService` over the city server (the bundles' data stays local)."""

    bundles: Bundles

    def bundle(self, code: str) -> Bundle:
        bundle = self.bundles.get(code)
        if bundle is None:
            raise NotFound.say("bundle.unknown", bundle=code)
        return bundle

    def start(self, actor: Actor, applicant_id_number: str, bundle_code: str, shared_values: Mapping[str, Any],
              own_values: Mapping[str, Mapping[str, Any]] | None = None, *,
              include: Iterable[str] = ()) -> BundleView:
        self._as(actor)
        return from_wire(BundleView, self.connection.call("POST", "/bundles", {
            "applicant_id_number": applicant_id_number, "bundle_code": bundle_code,
            "shared_values": dict(shared_values),
            "own_values": {k: dict(v) for k, v in own_values.items()} if own_values is not None else None,
            "include": list(include)}))

    def start_and_accept(self, actor: Actor, applicant_id_number: str, bundle_code: str,
                         shared_values: Mapping[str, Any], own_values: Mapping[str, Mapping[str, Any]],
                         received: Mapping[str, Iterable[str]], *, include: Iterable[str] = (),
                         verified: Mapping[str, Iterable[str]] | None = None,
                         complete_on_the_spot: bool = True) -> BundleDecided:
        self._as(actor)
        return _decided(self.connection.call("POST", "/bundles/start-and-accept", {
            "applicant_id_number": applicant_id_number, "bundle_code": bundle_code,
            "shared_values": dict(shared_values), "own_values": {k: dict(v) for k, v in own_values.items()},
            "received": _lists(received), "include": list(include), "verified": _lists(verified),
            "complete_on_the_spot": complete_on_the_spot}))

    def accept_and_issue(self, actor: Actor, number: str, received: Mapping[str, Iterable[str]], *,
                         verified: Mapping[str, Iterable[str]] | None = None,
                         own_values: Mapping[str, Mapping[str, Any]] | None = None,
                         shared_values: Mapping[str, Any] | None = None,
                         complete_on_the_spot: bool = True) -> BundleDecided:
        self._as(actor)
        return _decided(self.connection.call("POST", f"/bundles/{number}/accept", {
            "received": _lists(received), "verified": _lists(verified),
            "own_values": {k: dict(v) for k, v in own_values.items()} if own_values is not None else None,
            "shared_values": dict(shared_values) if shared_values is not None else None,
            "complete_on_the_spot": complete_on_the_spot}))

    def set_follow_up(self, actor: Actor, number: str, key: str, state: str, note: str = "") -> BundleView:
        self._as(actor)
        return from_wire(BundleView, self.connection.call("PUT", f"/bundles/{number}/follow-ups/{key}",
                                                          {"state": state, "note": note}))

    def get(self, number: str) -> BundleView:
        return from_wire(BundleView, self.connection.call("GET", f"/bundles/{number}"))

    def for_case(self, case_number: str) -> BundleView | None:
        data = self.connection.call("GET", f"/cases/{case_number}/bundle")
        return from_wire(BundleView, data) if data is not None else None

    def with_open_follow_ups(self, limit: int = 100) -> list[BundleView]:
        return [from_wire(BundleView, b) for b in self.connection.call("GET", "/bundles/open-follow-ups",
                                                                       params={"limit": limit})]

    def paper(self, kind: str, number: str, *, actor: Actor | None = None) -> IssuedPaper:
        self._as(actor)
        return paper_from_wire(self.connection.call("POST", f"/bundles/{number}/papers/{kind}"))


class RemoteClocks(_Remote):
    """`desk.services.clocks.LegalClocks` over the city server (the signed-in user's station)."""

    def deemed_accepted(self, as_of: date | None = None) -> list[DeemedAcceptance]:
        params = {"as_of": as_of.isoformat() if as_of else None}
        return [from_wire(DeemedAcceptance, d) for d in self.connection.call("GET", "/clocks/deemed", params=params)]

    def deemed_acceptance_of(self, case_number: str) -> DeemedAcceptance | None:
        data = self.connection.call("GET", f"/cases/{case_number}/deemed")
        return from_wire(DeemedAcceptance, data) if data is not None else None

    def notices(self) -> list[NoticeClock]:
        return [from_wire(NoticeClock, n) for n in self.connection.call("GET", "/clocks/notices")]

    def expiring_permits(self, within_days: int = PERMIT_WARNING_DAYS) -> list[ExpiringPermit]:
        return [from_wire(ExpiringPermit, p) for p in self.connection.call("GET", "/clocks/permits",
                                                                           params={"within_days": within_days})]


class RemoteNotices(_Remote):
    """`desk.services.public_notices.PublicNoticeService` over the city server."""

    def publish(self, actor: Actor, case_number: str) -> NoticeIssued:
        self._as(actor)
        data = self.connection.call("POST", f"/cases/{case_number}/notices")
        return NoticeIssued(from_wire(NoticeView, data["notice"]), paper_from_wire(data["paper"]))

    def decide(self, actor: Actor, serial: str, *, objection: str = "") -> NoticeView:
        self._as(actor)
        return from_wire(NoticeView, self.connection.call("POST", f"/notices/{serial}/decide",
                                                          {"objection": objection}))

    def for_case(self, case_number: str) -> builtins.list[NoticeView]:
        return [from_wire(NoticeView, n) for n in self.connection.call("GET", f"/cases/{case_number}/notices")]

    def reprint(self, serial: str) -> IssuedPaper:
        return paper_from_wire(self.connection.call("GET", f"/notices/{serial}/paper"))


class RemoteChainFollowUps(_Remote):
    """`desk.services.chain_follow_ups.ChainFollowUpService` over the city server."""

    def tracked(self, case_number: str) -> list[TrackedRecord]:
        return [from_wire(TrackedRecord, t)
                for t in self.connection.call("GET", f"/cases/{case_number}/chain-follow-ups")]

    def mark(self, actor: Actor, case_number: str, record_key: str, state: str, note: str = "") -> TrackedRecord:
        self._as(actor)
        return from_wire(TrackedRecord, self.connection.call(
            "PUT", f"/cases/{case_number}/chain-follow-ups/{record_key}", {"state": state, "note": note}))
