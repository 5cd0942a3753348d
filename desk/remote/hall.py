"""一次一评 at the counter, the 差评 follow-ups and the kiosk-status screen over the city server
(desk/server/rating_routes.py, followup_routes.py): the same methods, values and errors as
`RatingService`, `FollowUpService`, `KioskService` and `UserPhotoService.photo` in-process, for the
screens a desk calls.

The rating binds to the case and its clerk on the server; this desk cannot rate as a kiosk."""

from __future__ import annotations

import base64
from datetime import date

from desk.domain.errors import DeskError, InvalidInput
from desk.domain.followup import FollowUpStep, StepOutcome
from desk.domain.workflow import Actor
from desk.remote.services import _Remote
from desk.services.followups import FollowUpCounts, FollowUpView, MonthlyRatings, OwnerChoice
from desk.services.kiosks import KioskView
from desk.services.ratings import RatingLevel, RatingSubject, RatingView
from desk.services.user_photos import StaffPhoto
from desk.services.wire import from_wire


class RemoteRatings(_Remote):
    """`desk.services.ratings.RatingService`'s counter side over the city server."""

    def subject(self, case_number: str) -> RatingSubject:
        return from_wire(RatingSubject, self.connection.call("GET", f"/cases/{case_number}/rating-subject"))

    def rate(self, level: RatingLevel, *, case_number: str | None = None, reason: str | None = None,
             kiosk_code: str | None = None, reasons: tuple[str, ...] = (), phone: str | None = None,
             counter_number: int | None = None, channel: str | None = None) -> RatingView:
        if kiosk_code is not None or channel not in (None, "desk"):
            raise InvalidInput.say("rating.counter_desk_only")
        self._as(None)
        return from_wire(RatingView, self.connection.call("POST", "/ratings", {
            "level": RatingLevel(level).value, "case_number": case_number, "reason": reason,
            "reasons": list(reasons), "phone": phone, "counter_number": counter_number}))

    def open_follow_ups(self) -> list[RatingView]:
        return [from_wire(RatingView, r) for r in self.connection.call("GET", "/ratings/open-follow-ups")]


class RemoteFollowUps(_Remote):
    """`desk.services.followups.FollowUpService` over the city server (the signed-in user's station)."""

    def overview(self, *, open_only: bool = True) -> list[FollowUpView]:
        return [from_wire(FollowUpView, f) for f in self.connection.call(
            "GET", "/follow-ups", params={"open_only": str(open_only).lower()})]

    def get(self, follow_up_id: int) -> FollowUpView:
        return from_wire(FollowUpView, self.connection.call("GET", f"/follow-ups/{follow_up_id}"))

    def owners(self) -> list[OwnerChoice]:
        return [from_wire(OwnerChoice, choice) for choice in self.connection.call("GET", "/follow-ups/owners")]

    def assign(self, actor: Actor, follow_up_id: int, owner_id: int, version: int) -> FollowUpView:
        self._as(actor)
        return from_wire(FollowUpView, self.connection.call("POST", f"/follow-ups/{follow_up_id}/owner",
                                                            {"owner_id": owner_id, "version": version}))

    def record(self, actor: Actor, follow_up_id: int, step: FollowUpStep, outcome: StepOutcome, note: str,
               version: int) -> FollowUpView:
        self._as(actor)
        return from_wire(FollowUpView, self.connection.call("POST", f"/follow-ups/{follow_up_id}/steps", {
            "step": FollowUpStep(step).value, "outcome": StepOutcome(outcome).value, "note": note,
            "version": version}))

    def counts(self, first: date, last: date) -> FollowUpCounts:
        return from_wire(FollowUpCounts, self.connection.call(
            "GET", "/follow-ups/counts", params={"first": first.isoformat(), "last": last.isoformat()}))

    def monthly(self, year: int, month: int) -> MonthlyRatings:
        return from_wire(MonthlyRatings, self.connection.call("GET", "/follow-ups/monthly",
                                                              params={"year": year, "month": month}))

    def platform_export(self, first: date, last: date, kind: str) -> bytes:
        data = self.connection.call("GET", "/follow-ups/export", params={
            "first": first.isoformat(), "last": last.isoformat(), "kind": kind})
        return base64.b64decode(data["data_base64"])


class RemoteKiosks(_Remote):
    """The manager's kiosk-status list of `desk.services.kiosks.KioskService` over the city server."""

    def kiosks(self) -> list[KioskView]:
        return [from_wire(KioskView, k) for k in self.connection.call("GET", "/kiosks")]


class RemoteUserPhotos(_Remote):
    """The clerk's photo on the 一次一评 evaluator (`UserPhotoService.photo`) over the city server;
    storing one (`desk user photo`) is a support command on the server machine."""

    def photo(self, user_id: int) -> StaffPhoto | None:
        data = self.connection.call("GET", f"/users/{user_id}/photo")
        if data is None:
            return None
        return StaffPhoto(data["user_id"], data["content_type"], data["width"], data["height"],
                          base64.b64decode(data["data_base64"]))

    def set_photo(self, username: str, data: bytes, *, file_name: str = "", by: str = "admin") -> StaffPhoto:
        raise DeskError.say("city.only_on_server", code="not_in_city_mode", name="desk user photo")
