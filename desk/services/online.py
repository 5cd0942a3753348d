"""网上办: the citizen applies on the web page, the station pre-reviews, the citizen comes once (or not at all).

Citizen side (the web page, `desk/server/online_pages.py`): a one-time code to a phone signs in with the
ID number; an application is validated with the catalog's own rules (the same as the desk's form) and its
uploads checked by their bytes and size; the citizen sees its state and the one-time notice.

Station side (the desk's 网上预审 queue, `desk/ui/online_review_view.py`): open an application, then ask
for what is missing (the notice goes back online and by SMS), book a visit, or — for transactions the
catalog marks `online = "full"` — decide it without a visit. At the counter, the application's QR code
opens the pre-filled case. Each of these is one method, one transaction, audited.

SMS is simulated: messages go to the `sms_outbox` table, which a gateway (outside this project) would send.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk.domain.applicant import ApplicantFacts, normalise_id_text
from desk.domain.catalog import Catalog, OnlineMode, Transaction, id_number_problem
from desk.domain.clock import Clock, local_date
from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound, PermissionDenied
from desk.domain.messages import Term
from desk.domain.online import NEXT_STATES, OnlineState, application_number, qr_payload, sniff_file, upload_problem
from desk.domain.workflow import Actor
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.cases import CaseService, FormIncomplete, NotEligible
from desk.services.decisions import Decided, DecisionService
from desk.services.numbering import next_sequence
from desk.store.database import Store
from desk.store.models import OnlineApplication, OnlineCode, OnlineSession, OnlineUpload, SmsOutbox
from desk.store.repositories.online import OnlineRepository
from desk.store.repositories.users import UserRepository

CODE_MINUTES = 10
CODE_ATTEMPTS = 5
CODES_PER_HOUR = 5
SESSION_HOURS = 2
ONLINE_ACTOR = "网上办"  # the audit actor of the citizen's own steps (the ID number is in the details)


class UploadRefused(InvalidInput):
    """An uploaded file was refused (size or type); nothing of the application was stored."""

    code = "upload_refused"


class SignInRefused(InvalidInput):
    code = "online_sign_in_refused"


@dataclass(frozen=True)
class UploadFile:
    material_key: str
    file_name: str
    data: bytes


@dataclass(frozen=True)
class UploadView:
    upload_id: int
    material_key: str
    file_name: str
    content_type: str
    size: int
    uploaded_at: datetime


@dataclass(frozen=True)
class ApplicationView:
    number: str
    station_code: str
    transaction_code: str
    id_number: str
    phone: str
    form_values: dict[str, Any]
    state: OnlineState
    submitted_at: datetime
    updated_at: datetime
    missing_materials: tuple[dict[str, Any], ...]
    notice_text: str
    visit_on: date | None
    case_number: str | None
    version: int
    uploads: tuple[UploadView, ...]

    @property
    def qr_payload(self) -> str:
        return qr_payload(self.number)

    @classmethod
    def of(cls, row: OnlineApplication) -> ApplicationView:
        return cls(row.number, row.station_code, row.transaction_code, row.id_number, row.phone,
                   dict(row.form_values), OnlineState(row.state), row.submitted_at, row.updated_at,
                   tuple(row.missing_materials or ()), row.notice_text, row.visit_on, row.case_number, row.version,
                   tuple(UploadView(u.id, u.material_key, u.file_name, u.content_type, u.size, u.uploaded_at)
                         for u in row.uploads))


@dataclass(frozen=True)
class Citizen:
    """A citizen signed in on the web page."""

    id_number: str
    phone: str


@dataclass(frozen=True)
class SmsView:
    phone: str
    text: str
    created_at: datetime


def is_mobile_number(phone: str) -> bool:
    return len(phone) == 11 and phone.isdigit() and phone[0] == "1" and phone[1] in "3456789"


@dataclass
class OnlineService:
    store: Store
    catalog: Catalog
    clock: Clock
    max_upload_bytes: int = 5 * 1024 * 1024
    # The station's own use cases (embedded desk); absent on the citizen side of the server.
    cases: CaseService | None = None
    decisions: DecisionService | None = None
    # The station whose clerks use this service: they open only its applications (None: the citizen side).
    station_code: str | None = None

    # ---- citizen: sign-in ----------------------------------------------------------------------

    def send_code(self, id_number: str, phone: str) -> None:
        """A one-time code to the phone (to the SMS outbox); the ID number and phone are checked first."""
        id_number, phone = normalise_id_text(id_number), phone.strip()
        problem = id_number_problem(id_number)
        if problem is not None:
            raise SignInRefused.saying(problem)
        if not is_mobile_number(phone):
            raise SignInRefused.say("online.bad_phone")
        now = self.clock.now()
        code = f"{secrets.randbelow(1_000_000):06d}"
        with self.store.write() as session:
            # Per ID number and per phone: nobody can flood a stranger's phone through this page.
            online = OnlineRepository(session)
            recent = online.codes_sent_since(id_number, phone, now - timedelta(hours=1))
            if recent >= CODES_PER_HOUR:
                raise SignInRefused.say("online.too_many_codes", code="too_many_codes")
            online.add_code(OnlineCode(id_number=id_number, phone=phone, code_hash=_code_hash(id_number, code),
                                       created_at=now, expires_at=now + timedelta(minutes=CODE_MINUTES), attempts=0))
            online.add_sms(SmsOutbox(phone=phone, created_at=now,
                                     text=f"【户籍网上办】验证码 {code}，{CODE_MINUTES}分钟内有效。"
                                          f" Your sign-in code is {code}, valid for {CODE_MINUTES} minutes."))

    def sign_in(self, id_number: str, code: str) -> str:
        """The newest unused code of this ID number, if it matches: a session token for the cookie."""
        id_number, code = normalise_id_text(id_number), code.strip()
        now = self.clock.now()
        refused = SignInRefused.say("online.code_refused")
        with self.store.write() as session:
            online = OnlineRepository(session)
            row = online.newest_open_code(id_number, now)
            if row is None or row.attempts >= CODE_ATTEMPTS:
                raise refused
            if not hmac.compare_digest(row.code_hash, _code_hash(id_number, code)):
                row.attempts += 1
                # The count must survive the refusal: commit it, then answer.
                session.flush()
            else:
                row.used_at = now
                token = secrets.token_urlsafe(32)
                online.add_citizen_session(OnlineSession(
                    token_hash=_token_hash(token), id_number=id_number, phone=row.phone, created_at=now,
                    expires_at=now + timedelta(hours=SESSION_HOURS)))
                audit.append(session, at=now, actor=ONLINE_ACTOR, action="online.signed_in", entity_type="citizen",
                             entity_id=id_number, details={}, chain="")
                return token
        raise refused

    def citizen(self, token: str) -> Citizen | None:
        """Who a session cookie belongs to, or None (unknown, expired)."""
        if not token:
            return None
        with self.store.read() as session:
            row = OnlineRepository(session).citizen_session(_token_hash(token))
            if row is None or row.expires_at <= self.clock.now():
                return None
            return Citizen(row.id_number, row.phone)

    def sign_out(self, token: str) -> None:
        with self.store.write() as session:
            online = OnlineRepository(session)
            row = online.citizen_session(_token_hash(token))
            if row is not None:
                online.end_citizen_session(row)

    def stations(self) -> list[tuple[str, str]]:
        with self.store.read() as session:
            return OnlineRepository(session).stations()

    # ---- citizen: apply and follow -------------------------------------------------------------

    def submit(self, citizen: Citizen, station_code: str, transaction_code: str, values: Mapping[str, Any],
               uploads: Iterable[UploadFile] = ()) -> ApplicationView:
        """Check the form with the catalog's rules and every upload; store all or nothing."""
        transaction = self.catalog.for_new_case(self._transaction(transaction_code))  # not a retired item
        today = self.clock.today()
        facts = ApplicantFacts.from_id_number(citizen.id_number)
        problems = transaction.validate_values(values, facts, today)
        if problems:
            raise FormIncomplete(problems)
        eligibility = transaction.check_eligibility(values, facts, today)
        if eligibility.failed:
            raise NotEligible(eligibility.failed)
        files = self._checked(transaction, uploads)
        now = self.clock.now()
        with self.store.write() as session:
            online = OnlineRepository(session)
            if online.station(station_code) is None:
                raise InvalidInput.say("station.not_found", station=station_code)
            sequence = next_sequence(session, station_code, local_date(now), kind="online")
            row = OnlineApplication(
                number=application_number(station_code, f"{local_date(now):%Y%m%d}", sequence),
                station_code=station_code, transaction_code=transaction.code, id_number=citizen.id_number,
                phone=citizen.phone, form_values=dict(values), state=OnlineState.SUBMITTED.value,
                submitted_at=now, updated_at=now, missing_materials=[], notice_text="",
            )
            online.add(row)
            self._attach(row, files, now)
            session.flush()
            self._audit(session, ONLINE_ACTOR, "online.submitted", row,
                        {"transaction": transaction.code, "id_number": citizen.id_number,
                         "uploads": sorted(f.material_key for f in files)})
            return self._view(session, row)

    def add_materials(self, citizen: Citizen, number: str, uploads: Iterable[UploadFile]) -> ApplicationView:
        """The citizen answers a one-time notice with the missing materials: back to pre-review."""
        with self.store.write() as session:
            row = self._own(session, citizen, number)
            files = self._checked(self._transaction(row.transaction_code), uploads)
            if not files:
                raise UploadRefused.say("online.choose_files")
            self._move(row, OnlineState.SUBMITTED)
            self._attach(row, files, self.clock.now())
            self._audit(session, ONLINE_ACTOR, "online.materials_added", row,
                        {"uploads": sorted(f.material_key for f in files)})
            return self._view(session, row)

    def mine(self, citizen: Citizen) -> list[ApplicationView]:
        with self.store.read() as session:
            rows = OnlineRepository(session).of_citizen(citizen.id_number)
            return [ApplicationView.of(row) for row in rows]

    def for_citizen(self, citizen: Citizen, number: str) -> ApplicationView:
        with self.store.read() as session:
            return ApplicationView.of(self._own(session, citizen, number))

    # ---- station: pre-review -------------------------------------------------------------------

    def queue(self, station_code: str) -> list[ApplicationView]:
        """网上预审: the station's applications waiting for a clerk (submitted or under review), oldest first."""
        waiting = [OnlineState.SUBMITTED.value, OnlineState.UNDER_REVIEW.value]
        with self.store.read() as session:
            rows = OnlineRepository(session).waiting_at(station_code, waiting)
            return [ApplicationView.of(row) for row in rows]

    def waiting_for(self, id_number: str) -> list[ApplicationView]:
        """A citizen's applications to this station not yet decided or taken in (a card swiped at the desk)."""
        done = [OnlineState.DECIDED_ONLINE.value, OnlineState.CONVERTED.value]
        with self.store.read() as session:
            rows = OnlineRepository(session).open_of_citizen(normalise_id_text(id_number), done, self.station_code)
            return [ApplicationView.of(row) for row in rows]

    def open(self, actor: Actor, number: str) -> ApplicationView:
        """A clerk opens an application (audited); a submitted one is now under pre-review."""
        with self.store.write() as session:
            row = self._load_here(session, number)
            if OnlineState(row.state) is OnlineState.SUBMITTED:
                self._move(row, OnlineState.UNDER_REVIEW)
                row.reviewed_by = actor.user_id
            self._audit(session, _label(session, actor), "online.opened", row, {})
            return self._view(session, row)

    def upload_data(self, actor: Actor, number: str, upload_id: int) -> tuple[UploadView, bytes]:
        """One uploaded file's bytes, to look at (audited: a citizen's papers were viewed)."""
        with self.store.write() as session:
            row = self._load_here(session, number)
            upload = next((u for u in row.uploads if u.id == upload_id), None)
            if upload is None:
                raise NotFound.say("online.no_such_upload", number=number)
            self._audit(session, _label(session, actor), "online.upload_viewed", row, {"upload": upload.file_name})
            view = UploadView(upload.id, upload.material_key, upload.file_name, upload.content_type, upload.size,
                              upload.uploaded_at)
            return view, bytes(upload.data)

    def ask_supplement(self, actor: Actor, number: str, expected_version: int, missing_keys: Iterable[str],
                       note: str = "") -> ApplicationView:
        """一次性告知 online: every missing material at once; the notice shows on the page and goes by SMS."""
        with self.store.write() as session:
            row = self._load_here(session, number, expected_version)
            transaction = self._transaction(row.transaction_code)
            keys = list(dict.fromkeys(missing_keys))
            unknown = [key for key in keys if transaction.material(key) is None]
            if unknown or not keys:
                raise InvalidInput.say("online.tick_missing")
            missing = []
            for key in keys:
                spec = transaction.material(key)
                assert spec is not None
                missing.append({"key": spec.key, "name_zh": spec.name_zh, "name_en": spec.name_en,
                                "form": str(spec.form), "copies": spec.copies})
            self._move(row, OnlineState.SUPPLEMENT_ASKED)
            row.missing_materials, row.notice_text, row.reviewed_by = missing, note.strip(), actor.user_id
            names = "、".join(str(m["name_zh"]) for m in missing)
            self._sms(session, row.phone, f"【户籍网上办】您的申请 {row.number} 需补充材料：{names}。"
                                          "请登录网上办查看一次性告知并上传。")
            self._audit(session, _label(session, actor), "online.supplement_asked", row,
                        {"missing": keys, "note": row.notice_text})
            return self._view(session, row)

    def book_visit(self, actor: Actor, number: str, expected_version: int, day: date,
                   note: str = "") -> ApplicationView:
        """The materials look complete: the citizen comes once, on `day`, with the originals."""
        if day < self.clock.today():
            raise InvalidInput.say("online.visit_in_past")
        with self.store.write() as session:
            row = self._load_here(session, number, expected_version)
            self._move(row, OnlineState.VISIT_BOOKED)
            row.visit_on, row.notice_text, row.reviewed_by = day, note.strip(), actor.user_id
            self._sms(session, row.phone, f"【户籍网上办】您的申请 {row.number} 已通过预审，请于 {day:%Y-%m-%d}"
                                          "携带材料原件到派出所办理，出示申请二维码即可。")
            self._audit(session, _label(session, actor), "online.visit_booked", row, {"visit_on": day.isoformat()})
            return self._view(session, row)

    def decide_online(self, actor: Actor, number: str, expected_version: int) -> tuple[ApplicationView, Decided]:
        """全程网办: a transaction the catalog marks `online = "full"` opened, accepted and completed as a
        case in one transaction; the uploads count as received, what the police check themselves as checked."""
        cases, decisions = self._station_services()
        with self.store.write() as session:
            row = self._load_here(session, number, expected_version)
            transaction = self._transaction(row.transaction_code)
            if transaction.online is not OnlineMode.FULL:
                raise InvalidInput.say("online.not_full_online", transaction=transaction.bilingual_name)
            self._station_matches(row, cases)
            self._move(row, OnlineState.DECIDED_ONLINE)
            case = cases.open_draft_in(session, actor, row.id_number, row.transaction_code, row.form_values,
                                       details={"online_application": row.number})
            received = {u.material_key for u in row.uploads}
            verified = {m.key for m in transaction.materials if m.verify is not None} - received
            decided = decisions.accept_and_complete_in(session, actor, case.number, case.version, received,
                                                       verified=verified)
            row.case_number, row.reviewed_by = case.number, actor.user_id
            self._sms(session, row.phone, f"【户籍网上办】您的申请 {row.number} 已网上办结（受理编号 {case.number}），"
                                          "无需到所。")
            self._audit(session, _label(session, actor), "online.decided", row, {"case": case.number})
            return self._view(session, row), decided

    def open_at_counter(self, actor: Actor, number: str) -> tuple[ApplicationView, CaseView]:
        """The citizen's QR code scanned at the counter: the pre-filled case (a draft) to check the
        originals against. Scanned again, it is AlreadyCase naming that case."""
        cases, _ = self._station_services()
        with self.store.write() as session:
            row = self._load_here(session, number)
            self._station_matches(row, cases)
            if row.case_number is not None:
                raise AlreadyCase.of(row.case_number)
            self._move(row, OnlineState.CONVERTED)
            case = cases.open_draft_in(session, actor, row.id_number, row.transaction_code, row.form_values,
                                       details={"online_application": row.number})
            row.case_number = case.number
            self._audit(session, _label(session, actor), "online.converted", row, {"case": case.number})
            return self._view(session, row), case

    def outbox(self, phone: str) -> list[SmsView]:
        """The simulated SMS sent to a phone, oldest first."""
        with self.store.read() as session:
            return [SmsView(r.phone, r.text, r.created_at) for r in OnlineRepository(session).sms_to(phone)]

    # ---- helpers --------------------------------------------------------------------------------

    def _transaction(self, code: str) -> Transaction:
        transaction = self.catalog.get(code)
        if transaction is None:
            raise NotFound.say("online.no_transaction", transaction=code)
        return transaction

    def _checked(self, transaction: Transaction, uploads: Iterable[UploadFile]) -> list[UploadFile]:
        """Every upload checked before anything is stored; the first refusal names the file and why."""
        files = [u for u in uploads if u.data or u.file_name]
        for upload in files:
            if transaction.material(upload.material_key) is None:
                raise UploadRefused.say("online.no_material", transaction=transaction.bilingual_name,
                                        material=upload.material_key)
            problem = upload_problem(upload.file_name, upload.data, self.max_upload_bytes)
            if problem is not None:
                raise UploadRefused.saying(problem)
        return files

    def _attach(self, row: OnlineApplication, files: list[UploadFile], now: datetime) -> None:
        for upload in files:
            kind = sniff_file(upload.data)
            assert kind is not None  # checked by _checked
            row.uploads.append(OnlineUpload(material_key=upload.material_key, file_name=upload.file_name[:200],
                                            content_type=kind.content_type, size=len(upload.data),
                                            data=upload.data, uploaded_at=now))

    def _own(self, session: Session, citizen: Citizen, number: str) -> OnlineApplication:
        row = OnlineRepository(session).by_number(number)
        if row is None or row.id_number != citizen.id_number:
            # Another citizen's application is "not found", not "forbidden": its existence is not told.
            raise NotFound.say("online.not_found_here", number=number)
        return row

    def _load(self, session: Session, number: str, expected_version: int | None = None) -> OnlineApplication:
        row = OnlineRepository(session).by_number(number.strip().upper(), for_update=True)
        if row is None:
            raise NotFound.say("online.not_found", number=number)
        if expected_version is not None and row.version != expected_version:
            raise ConcurrentChange.say("online.conflict", number=number)
        return row

    def _load_here(self, session: Session, number: str, expected_version: int | None = None) -> OnlineApplication:
        """An application of this service's station (another station's is refused, and audited by the server)."""
        row = self._load(session, number, expected_version)
        if self.station_code is not None and row.station_code != self.station_code:
            raise PermissionDenied.say("online.other_station", code="other_station", number=row.number,
                                       station=row.station_code)
        return row

    def _move(self, row: OnlineApplication, to: OnlineState) -> None:
        current = OnlineState(row.state)
        if to not in NEXT_STATES[current]:
            raise InvalidInput.say("online.wrong_state", code="online_state", number=row.number,
                                   state=Term(f"online_state.{current.value}"), to=Term(f"online_state.{to.value}"))
        row.state, row.updated_at = to.value, self.clock.now()

    def _station_services(self) -> tuple[CaseService, DecisionService]:
        if self.cases is None or self.decisions is None:
            raise InvalidInput.say("online.no_cases_here")
        return self.cases, self.decisions

    @staticmethod
    def _station_matches(row: OnlineApplication, cases: CaseService) -> None:
        if row.station_code != cases.station_code:
            raise PermissionDenied.say("online.other_station", number=row.number, station=row.station_code)

    def _sms(self, session: Session, phone: str, text: str) -> None:
        OnlineRepository(session).add_sms(SmsOutbox(phone=phone, text=text, created_at=self.clock.now()))

    def _audit(self, session: Session, actor: str, action: str, row: OnlineApplication,
               details: dict[str, Any]) -> None:
        audit.append(session, at=self.clock.now(), actor=actor, action=action, entity_type="online_application",
                     entity_id=row.number, details=details, chain=row.station_code)

    def _view(self, session: Session, row: OnlineApplication) -> ApplicationView:
        try:
            session.flush()
        except StaleDataError as error:
            raise ConcurrentChange.say("online.conflict", number=row.number) from error
        session.refresh(row)
        return ApplicationView.of(row)


class AlreadyCase(InvalidInput):
    """The application was already opened as a case: `case_number` is the case to open instead."""

    code = "online_already_case"
    case_number: str

    @classmethod
    def of(cls, case_number: str) -> AlreadyCase:
        error = cls.say("online.already_case", number=case_number)
        error.case_number = case_number
        return error


def _label(session: Session, actor: Actor) -> str:
    user = UserRepository(session).get(actor.user_id)
    return user.username if user is not None else f"user#{actor.user_id}"


def _code_hash(id_number: str, code: str) -> str:
    return hashlib.sha256(f"{id_number}:{code}".encode()).hexdigest()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
