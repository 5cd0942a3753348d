"""The kiosk in city mode: the same citizen actions as `KioskBackend`, each one call of the city
server's kiosk routes (desk/server/kiosk_routes.py) under a kiosk device session.

The kiosk signs in with its own account (settings `kiosk_user`, and `kiosk_password_file`: a file
only the kiosk's OS user can read) as a kiosk session, which may call nothing but the kiosk routes
and the catalog. A session that expired or was revoked is signed in again once, then the call is
retried; the server holds the data, the keys (it signs the 户籍证明 and checks certificates) and
the audit. No Qt here: every method runs on a TaskRunner worker thread.
"""

from __future__ import annotations

import base64
import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from desk.devices.card import IdCard
from desk.domain.errors import DeskError, NotFound, PermissionDenied
from desk.domain.workflow import Role
from desk.remote.connection import Connection
from desk.remote.online import application_from_wire
from desk.services.bundles import BundleView
from desk.services.citizens import CardFacts
from desk.services.documents import IssuedPaper
from desk.services.queue import HallBoard
from desk.services.ratings import RatingLevel, RatingView
from desk.services.wire import case_from_wire, from_wire, paper_from_wire
from desk.settings import Settings
from kiosk.backend import CitizenStart, KioskBackend, TicketResult
from kiosk.bundle_words import group_bundles
from kiosk.payloads import ProgressCode
from kiosk.plain_words import CaseSummary, summarise, what_needs_the_citizen_first
from kiosk.said import Data, Said
from printing.documents.common import Paper
from printing.models import StationInfo
from printing.signing import Verification

T = TypeVar("T")
# Answers that mean "sign in again": the session ended on the server (idle, revoked) or never began.
_SIGN_IN_AGAIN = frozenset({"unauthenticated", "session_expired", "session_revoked"})


def kiosk_password(settings: Settings) -> str:
    """The kiosk account's password, from its file; refuses a file others may read."""
    path = Path(settings.kiosk_password_file)
    if not settings.kiosk_user or not settings.kiosk_password_file:
        raise DeskError.say("kiosk.city_needs_account", code="bad_setting")
    try:
        if path.stat().st_mode & 0o077:
            raise DeskError.say("file.password_readable_by_others", code="bad_setting", path=str(path))
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise DeskError.say("file.password_unreadable", code="bad_setting", path=str(path),
                            reason=exc.strerror) from exc


@dataclass
class RemoteKioskBackend(KioskBackend):
    """`KioskBackend` over the city server (the catalog and the clock stay local: shipped data)."""

    connection: Connection = field(kw_only=True)
    username: str = field(kw_only=True)
    password: str = field(kw_only=True, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, kw_only=True, repr=False)

    def online_application(self, id_number: str, number: str) -> Said:
        """The card holder's own application, from the server (which audits the query); another's is not found."""
        data = self._call("GET", f"/kiosk/online/{number}", params={"id_number": id_number})
        return self.online_words(application_from_wire(data))

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None,
              params: dict[str, Any] | None = None) -> Any:
        self._ensure_signed_in()
        try:
            return self.connection.call(method, path, body, params=params)
        except PermissionDenied as refused:
            if refused.code not in _SIGN_IN_AGAIN:
                raise
        self._ensure_signed_in(again=True)
        return self.connection.call(method, path, body, params=params)

    def _ensure_signed_in(self, *, again: bool = False) -> None:
        with self._lock:  # the heartbeat and a citizen's action may both find the session gone
            if self.connection.user is None or again:
                self.connection.token, self.connection.user = None, None
                self.connection.sign_in(self.username, self.password, kind="kiosk")

    # ---- sessions ------------------------------------------------------------------------------------

    def start_card_session(self, card: IdCard) -> CitizenStart:
        facts = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                 for k, v in dataclasses.asdict(CardFacts.from_card(card)).items() if k != "photo_wlt"}
        data = self._call("POST", "/kiosk/card", facts)
        return CitizenStart(data["name"], data["id_number"])

    def my_cases(self, id_number: str, limit: int = 30) -> list[CaseSummary]:
        summaries = self._cases(id_number, "progress", limit)
        # A “一件事” bundle is one item: its member cases folded together (kiosk/bundle_words.py).
        bundles = [from_wire(BundleView, b) for b in self._call("GET", f"/kiosk/citizens/{id_number}/bundles")]
        return what_needs_the_citizen_first(group_bundles(summaries, bundles))

    def cases_to_rate(self, id_number: str, limit: int = 30) -> list[CaseSummary]:
        summaries = self._cases(id_number, "rating", limit)
        rated = set(self._call("POST", "/kiosk/rated", {"case_numbers": [s.number for s in summaries]}))
        return [summary for summary in summaries if summary.number not in rated]  # 一次一评: once per case

    def _cases(self, id_number: str, purpose: str, limit: int) -> list[CaseSummary]:
        found = self._call("GET", f"/kiosk/citizens/{id_number}/cases", params={"purpose": purpose, "limit": limit})
        summaries = []
        for data in found:
            case, held = case_from_wire(data), data.get("held_by")
            held_by = Data.of(held["name_zh"], held.get("name_en")) if held else None
            summaries.append(summarise(case, self.core.catalog.get(case.transaction_code), held_by=held_by))
        return summaries

    def case_by_code(self, code: ProgressCode) -> CaseSummary:
        try:
            case = case_from_wire(self._call("GET", f"/kiosk/lookup/{code.lookup_code}"))
        except NotFound:
            case = None
        if case is None or (code.case_number is not None and case.number != code.case_number):
            raise NotFound.say("kiosk.receipt_not_found")
        return summarise(case, self.core.catalog.get(case.transaction_code))

    # ---- services ------------------------------------------------------------------------------------

    def take_ticket(self, transaction_code: str | None, id_number: str | None, *,
                    priority: bool = False, case_number: str | None = None, language: str = "zh") -> TicketResult:
        # 取号补交 links the ticket to the card holder's own case (the server checks it is theirs). A receipt
        # code alone proves nothing the server can check: that ticket is taken for the case's transaction
        # and the clerk links it when calling it, as for any ticket (docs/city.md).
        reason = ""
        if priority:
            reason = "elder" if id_number and self.is_elder(id_number) else "declared"
        data = self._call("POST", "/kiosk/tickets", {"transaction_code": transaction_code, "id_number": id_number,
                                                     "priority": reason,
                                                     "case_number": case_number if id_number else None,
                                                     "language": language})
        ticket, paper = data["ticket"], paper_from_wire(data["paper"])
        return TicketResult(ticket["number"], ticket["people_ahead"], ticket["estimated_wait_minutes"],
                            ticket["transaction_code"], paper.pdf)

    def supplement_notice(self, id_number: str, case_number: str) -> IssuedPaper:
        """打印补交清单: the server reprints the card holder's own case's notice (and audits it)."""
        return paper_from_wire(self._call("POST", f"/kiosk/cases/{case_number}/supplement-notice",
                                          {"id_number": id_number}))

    def preview_cancelled(self, serial: str) -> None:
        self._call("POST", f"/kiosk/papers/{serial}/preview-cancelled")

    def household_certificate(self, id_number: str, purpose_zh: str) -> IssuedPaper:
        return paper_from_wire(self._call("POST", "/kiosk/household-certificate",
                                          {"id_number": id_number, "purpose_zh": purpose_zh}))

    def checklist_pdf(self, transaction_code: str, paper: Paper = Paper.A4, language: str = "zh") -> bytes:
        data = self._call("GET", f"/kiosk/checklist/{transaction_code}",
                          params={"paper": paper.value, "language": language})
        return base64.b64decode(data["pdf_base64"])

    def rate(self, level: RatingLevel, case_number: str | None, reason: str | None) -> RatingView:
        return from_wire(RatingView, self._call("POST", "/kiosk/ratings", {
            "level": level.value, "case_number": case_number, "reason": reason}))

    def verify_certificate(self, payload: str) -> Verification:
        return from_wire(Verification, self._call("POST", "/kiosk/verify", {"payload": payload}))

    # ---- the machine -----------------------------------------------------------------------------------

    def heartbeat(self, reader_state: str, printer_state: str, sessions_started: int) -> None:
        self._call("POST", "/kiosk/heartbeat", {"reader_state": reader_state, "printer_state": printer_state,
                                                "sessions_started": sessions_started})

    def check_staff_password(self, username: str, password: str) -> None:
        """The staff exit: an administrator's own password, checked by the server (its lock-out counts)."""
        staff = Connection(self.connection.base_url, self.connection.device_id, self.connection.ca_file)
        try:
            signed = staff.sign_in(username.strip(), password, kind="desk")
            staff.sign_out()
        finally:
            staff.close()
        if signed.actor.role is not Role.ADMIN:
            raise PermissionDenied.say("kiosk.admin_only_exit")

    def hall_board(self, upcoming: int = 6) -> HallBoard:
        """The hall screen's board (a hall TV signs in as a kiosk device of its station)."""
        return from_wire(HallBoard, self._call("GET", "/kiosk/board"))

    def station_facts(self) -> tuple[str, str, str]:
        station = from_wire(StationInfo, self._call("GET", "/kiosk/station"))
        return station.name_zh, station.phone, station.name_en

    def station_name(self) -> str:
        try:
            return self.station_facts()[0]
        except NotFound:
            return ""


def build_remote_backend(core: Any, settings: Settings, keys_dir: Path,
                         password: Callable[[Settings], str] = kiosk_password) -> RemoteKioskBackend:
    """The kiosk's backend in city mode, on the RemoteCore's connection (a kiosk session)."""
    return RemoteKioskBackend(core, settings.kiosk_code, keys_dir, connection=core.connection,
                              username=settings.kiosk_user, password=password(settings))
