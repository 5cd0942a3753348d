"""What the kiosk asks of the core, one method per citizen action — each runs on a worker thread
(through the TaskRunner), never on the GUI thread, and returns plain values the screens can show.

No Qt here. Every call that concerns a citizen is audited by the service it uses (card read, record
viewed, documents issued, tickets, ratings), and the kiosk's own events ("kiosk.session_started",
"kiosk.progress_query") go to the manager's daily figures through `KioskService.record_event`; the
event details never carry a name or an ID number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desk.core import Core
from desk.devices.card import IdCard
from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Transaction
from desk.domain.errors import NotFound, PermissionDenied
from desk.domain.online import OnlineState
from desk.domain.workflow import Role
from desk.services.case_views import CaseView
from desk.services.citizens import CardFacts
from desk.services.documents import IssuedPaper
from desk.services.kiosk_papers import own_case, reprint_supplement_notice
from desk.services.online import ApplicationView, Citizen
from desk.services.queue import ELDER_AGE
from desk.services.ratings import RatingLevel, RatingView
from kiosk.bundle_words import group_bundles
from kiosk.payloads import ProgressCode
from kiosk.plain_words import CaseSummary, summarise, what_needs_the_citizen_first
from kiosk.said import NEW_LINE, QT_TRANSLATE_NOOP, ChineseOnly, Data, Day, Joined, Said, says
from printing.documents.common import Paper
from printing.signing import Verification

# Card flags that stop a session: the number or the card itself cannot be trusted. An unreadable
# extra-address block or a missing photo does not stop a citizen from checking a case.
HARMLESS_CARD_PROBLEMS = frozenset({"photo_missing", "extra_address_unread"})


def card_refusal(card: IdCard) -> Said | None:
    """Why a card cannot open a session, or None when it can."""
    problems = [flag for flag in card.problems
                if flag not in HARMLESS_CARD_PROBLEMS and not flag.startswith("extra_address_")]
    if not problems:
        return None
    if "expired" in problems and len(problems) == 1:
        return says(QT_TRANSLATE_NOOP(
            "KioskSays", "您的身份证已过期，不能在自助机办理。请到窗口办理，或先换领身份证。"))
    return says(QT_TRANSLATE_NOOP("KioskSays", "这张证件无法识别，请到窗口由民警帮您办理。"))


@dataclass(frozen=True)
class CitizenStart:
    """What a session shows of its citizen: the name and the masked number, nothing more."""

    name: str
    id_number: str


@dataclass(frozen=True)
class TicketResult:
    number: str
    people_ahead: int
    estimated_wait_minutes: int
    transaction_code: str | None
    pdf: bytes


@dataclass
class KioskBackend:
    core: Core
    kiosk_code: str
    keys_dir: Path

    # ---- sessions ------------------------------------------------------------------------------------

    def start_card_session(self, card: IdCard) -> CitizenStart:
        view = self.core.citizens.register_card(None, CardFacts.from_card(card), source="kiosk_card")
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.session_started", {"source": "card"})
        return CitizenStart(view.name, view.id_number)

    def my_cases(self, id_number: str, limit: int = 30) -> list[CaseSummary]:
        """The citizen's cases, newest first; looking at them is audited twice: the record view (who)
        and the kiosk's progress query (how many, for the manager)."""
        self.core.citizens.view(None, id_number, purpose=f"kiosk:{self.kiosk_code}")
        cases = self.core.queries.list(applicant_id_number=id_number, limit=limit)
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.progress_query", {"cases": len(cases)})
        rated = self.core.ratings.rated_cases([case.number for case in cases])
        summaries = [summarise(case, self.core.catalog.get(case.transaction_code), rated=case.number in rated)
                     for case in cases]
        # A “一件事” bundle is one item: its member cases folded together (kiosk/bundle_words.py).
        return what_needs_the_citizen_first(group_bundles(summaries, self.core.bundles.for_citizen(id_number)))

    def cases_to_rate(self, id_number: str, limit: int = 30) -> list[CaseSummary]:
        """The citizen's cases for the rating screen, each with its `rated` flag (一次一评: the screen
        offers only those not rated yet): the record view is audited, but it is not a progress query
        in the manager's figures."""
        self.core.citizens.view(None, id_number, purpose=f"kiosk:{self.kiosk_code}:rating")
        cases = self.core.queries.list(applicant_id_number=id_number, limit=limit)
        rated = self.core.ratings.rated_cases([case.number for case in cases])
        return [summarise(case, self.core.catalog.get(case.transaction_code), rated=case.number in rated)
                for case in cases]

    def online_application(self, id_number: str, number: str) -> Said:
        """Where the card holder's own online application stands (网上办): its state, what is still
        missing or the booked visit. Another person's application reads as not found."""
        mine = [a for a in self.core.online.mine(Citizen(id_number, "")) if a.number == number]
        if not mine:
            raise NotFound.say("kiosk.online_not_found")
        application = mine[0]
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.progress_query",
                                      {"online": 1, "state": application.state.value})
        return self.online_words(application)

    def online_words(self, application: ApplicationView) -> Said:
        """How an online application stands, in the citizen's words: state, the one-time notice, the
        booked visit, the case it became."""
        transaction = self.core.catalog.get(application.transaction_code)
        name = (Data.of(transaction.name_zh, transaction.name_en) if transaction
                else Data.of(application.transaction_code, None))
        state = Data.of(application.state.label_zh, application.state.label_en)
        lines: list[Said] = [says(QT_TRANSLATE_NOOP("KioskSays", "{name}（{number}）：{state}。"),
                                  name=name, number=application.number, state=state)]
        if application.state is OnlineState.SUPPLEMENT_ASKED and application.notice_text:
            lines.append(ChineseOnly(application.notice_text, says(QT_TRANSLATE_NOOP(
                "KioskSays", "派出所要求补充材料：请查看网上页面或短信中的告知。"))))
        if application.visit_on is not None:
            lines.append(says(QT_TRANSLATE_NOOP("KioskSays", "预约到所日期：{day}，请携带原件。"),
                              day=Day(application.visit_on)))
        if application.case_number:
            lines.append(says(QT_TRANSLATE_NOOP("KioskSays", "已转为办件 {number}。"),
                              number=application.case_number))
        return Joined(lines, NEW_LINE)

    def case_by_code(self, code: ProgressCode) -> CaseSummary:
        """One case for whoever holds its lookup code (scanned from the receipt, or typed)."""
        try:
            case = self.core.queries.by_lookup_code(code.lookup_code)
        except NotFound:
            case = None
        if case is None or (code.case_number is not None and case.number != code.case_number):
            raise NotFound.say("kiosk.receipt_not_found")
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.session_started", {"source": "qr"})
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.progress_query", {"cases": 1})
        return summarise(case, self.core.catalog.get(case.transaction_code))

    # ---- services ------------------------------------------------------------------------------------

    def take_ticket(self, transaction_code: str | None, id_number: str | None, *,
                    priority: bool = False, case_number: str | None = None, language: str = "zh") -> TicketResult:
        """`priority`: the citizen asked to be served first — as an elder when the card says so (60 and
        over), otherwise as declared, to be checked at the window. `case_number`: 取号补交 — the
        ticket is for that case (the card holder's own, or the one a receipt code opened) and linked
        to it. `language`: the citizen's ("zh" or "en"), the slip is printed in it."""
        reason = ""
        if priority:
            reason = "elder" if id_number and self.is_elder(id_number) else "declared"
        if case_number is not None and id_number:
            self._own_case(id_number, case_number)
        ticket = self.core.queue.take_ticket(transaction_code, citizen_id_number=id_number,
                                             kiosk_code=self.kiosk_code, priority=reason, case_number=case_number)
        paper = self.core.documents.queue_ticket(ticket, kiosk_code=self.kiosk_code, language=language)
        return TicketResult(ticket.number, ticket.people_ahead, ticket.estimated_wait_minutes,
                            ticket.transaction_code, paper.pdf)

    def is_elder(self, id_number: str) -> bool:
        """60 or over by the birth date in the ID number (no number, no guess)."""
        age = ApplicantFacts.from_id_number(id_number).age_on(self.core.clock.today())
        return age is not None and age >= ELDER_AGE

    def household_certificate(self, id_number: str, purpose_zh: str) -> IssuedPaper:
        return self.core.documents.household_certificate(id_number, purpose_zh, kiosk_code=self.kiosk_code)

    def supplement_notice(self, id_number: str, case_number: str) -> IssuedPaper:
        """打印补交清单: the card holder's own case's 一次性告知书, reprinted under its serial
        (desk/services/kiosk_papers.py)."""
        core = self.core
        return reprint_supplement_notice(core.queries, core.documents, core.kiosks, self.kiosk_code, id_number,
                                         case_number)

    def preview_cancelled(self, serial: str) -> None:
        """The citizen looked at a certificate's preview and did not print it (the register keeps its
        serial; this says it never left the kiosk)."""
        self.core.kiosks.record_event(self.kiosk_code, "kiosk.preview_cancelled", {"serial": serial})

    def _own_case(self, id_number: str, case_number: str) -> CaseView:
        return own_case(self.core.queries, id_number, case_number)

    def checklist_pdf(self, transaction_code: str, paper: Paper = Paper.A4, language: str = "zh") -> bytes:
        return self.core.documents.material_checklist(transaction_code, paper, language)

    def rate(self, level: RatingLevel, case_number: str | None, reason: str | None) -> RatingView:
        return self.core.ratings.rate(level, case_number=case_number, reason=reason, kiosk_code=self.kiosk_code)

    def verify_certificate(self, payload: str) -> Verification:
        return self.core.verifications.verify(payload, where=self.kiosk_code, keys_dir=self.keys_dir)

    # ---- the machine -----------------------------------------------------------------------------------

    def heartbeat(self, reader_state: str, printer_state: str, sessions_started: int) -> None:
        self.core.kiosks.heartbeat(self.kiosk_code, reader_state=reader_state, printer_state=printer_state,
                                   sessions_started=sessions_started)

    def check_staff_password(self, username: str, password: str) -> None:
        """The hidden staff exit: an administrator's own password (wrong ones count toward the lock-out)."""
        signed = self.core.users.sign_in(username.strip(), password)
        if signed.actor.role is not Role.ADMIN:
            raise PermissionDenied.say("kiosk.admin_only_exit")

    def station_facts(self) -> tuple[str, str, str]:
        """The station's name, phone and English name (may be empty), shown in the top and bottom bars."""
        station = self.core.documents.station_info()
        return station.name_zh, station.phone, station.name_en

    def station_name(self) -> str:
        try:
            return self.core.documents.station_info().name_zh
        except NotFound:
            return ""

    def transaction(self, code: str) -> Transaction:
        transaction = self.core.catalog.get(code)
        if transaction is None:
            raise NotFound.say("catalog.unknown_transaction", transaction=code)
        return transaction

    def today(self) -> date:
        return self.core.clock.today()

