"""The 30-day 注销公告: before a duplicate registration (一人多户) is cancelled for a person who did not
apply, the station posts a public notice for 30 days; once they are over it decides — no objection:
the duplicate is cancelled (the case completed); an objection: the registration is kept (the case
withdrawn, the objection as its reason). Each step is one transaction, audited; the notice is
printed and recorded in `documents_issued` (kind `deregistration_notice`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from desk.domain.catalog import Catalog
from desk.domain.clock import Clock, local_date
from desk.domain.errors import InvalidInput, NotFound
from desk.domain.messages import Term
from desk.domain.workflow import Action, Actor, CaseState
from desk.services import audit
from desk.services.cases import CaseService
from desk.services.documents import DocumentService, IssuedPaper
from desk.services.numbering import next_sequence
from desk.store.database import Store
from desk.store.models import Case, DocumentIssued, PublicNotice
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.notices import NoticeRepository
from desk.store.repositories.users import UserRepository
from printing.bundle_models import DeregistrationNoticeData
from printing.documents import deregistration_notice
from printing.documents.common import Paper

NOTICE_DAYS = 30
# Transactions whose cancellation may follow a public notice instead of the person's own application.
NOTICE_TRANSACTIONS = frozenset({"duplicate_deregistration"})
_PUBLISHABLE = frozenset({CaseState.ACCEPTED, CaseState.UNDER_REVIEW, CaseState.APPROVED})


@dataclass(frozen=True)
class NoticeView:
    serial: str
    case_number: str
    person_name: str
    published_on: date
    ends_on: date
    state: str  # running / cancelled / kept
    objection: str
    decided_on: date | None


@dataclass(frozen=True)
class NoticeIssued:
    notice: NoticeView
    paper: IssuedPaper


@dataclass
class PublicNoticeService:
    store: Store
    catalog: Catalog
    cases: CaseService
    documents: DocumentService
    clock: Clock
    station_code: str

    def publish(self, actor: Actor, case_number: str) -> NoticeIssued:
        """Post the 30-day notice for an accepted duplicate-registration case, and print it."""
        today = local_date(self.clock.now())
        with self.store.write() as session:
            case = _case(session, case_number)
            if case.transaction_code not in NOTICE_TRANSACTIONS:
                raise InvalidInput.say("notice.only_duplicates")
            if CaseState(case.state) not in _PUBLISHABLE:
                raise InvalidInput.say("notice.accept_first", number=case_number, state=Term(f"state.{case.state}"))
            if NoticeRepository(session).has_running(case.id):
                raise InvalidInput.say("notice.running", number=case_number)
            now = self.clock.now()
            sequence = next_sequence(session, self.station_code, today, kind="GG")
            serial = f"{self.station_code}GG{today:%Y%m%d}{sequence:04d}"
            person = case.applicant
            kept_place = str(case.form_values.get("duplicate_address") or "另一处登记地")
            body = (f"经调查核实，{person.name}在本所辖区和{kept_place}登记有两处常住户口，属重复户口。"
                    "依照《中华人民共和国户口登记条例》第六条“公民应当在经常居住的地方登记为常住人口，"
                    "一个公民只能在一个地方登记为常住人口”的规定，本所拟注销其重复登记的户口，现予公告。")
            notice = PublicNotice(serial=serial, case_id=case.id, station_code=self.station_code,
                                  person_name=person.name, person_id_number=person.id_number, text_zh=body,
                                  published_on=today, ends_on=today + timedelta(days=NOTICE_DAYS), state="running",
                                  objection="", created_by=actor.user_id)
            NoticeRepository(session).add(notice, DocumentIssued(
                serial=serial, kind="deregistration_notice", case_id=case.id, citizen_id=person.id,
                station_code=self.station_code, issued_at=now, issued_by=actor.user_id,
                details={"ends_on": notice.ends_on.isoformat()}))
            self._audit(session, actor, "notice.published", serial,
                        {"case": case_number, "ends_on": notice.ends_on.isoformat()})
            return NoticeIssued(_view(notice, case_number), self._paper(notice, case_number))

    def decide(self, actor: Actor, serial: str, *, objection: str = "") -> NoticeView:
        """After the 30 days: no objection — the duplicate is cancelled (the case completed); an objection —
        the registration is kept (the case withdrawn with the objection as its reason)."""
        today = local_date(self.clock.now())
        with self.store.write() as session:
            notice = _notice(session, serial)
            case = NoticeRepository(session).case(notice.case_id)
            assert case is not None
            if notice.state != "running":
                raise InvalidInput.say("notice.decided", serial=serial)
            if today <= notice.ends_on:
                raise InvalidInput.say("notice.still_running", ends_on=notice.ends_on.isoformat())
            reason = objection.strip()
            if reason:
                self.cases.act_in(session, actor, case.number, case.version, Action.WITHDRAW,
                                  f"注销公告期内有异议，保留户口：{reason}")
                notice.state = "kept"
            else:
                if CaseState(case.state) is CaseState.UNDER_REVIEW:
                    raise InvalidInput.say("notice.awaits_approval")
                self.cases.act_in(session, actor, case.number, case.version, Action.COMPLETE)
                notice.state = "cancelled"
            notice.objection, notice.decided_on, notice.decided_by = reason, today, actor.user_id
            session.flush()
            self._audit(session, actor, "notice.decided", serial, {"case": case.number, "decision": notice.state})
            return _view(notice, case.number)

    def for_case(self, case_number: str) -> list[NoticeView]:
        with self.store.read() as session:
            case = _case(session, case_number)
            rows = NoticeRepository(session).of_case(case.id)
            return [_view(n, case_number) for n in rows]

    def reprint(self, serial: str) -> IssuedPaper:
        with self.store.read() as session:
            notice = _notice(session, serial)
            case = NoticeRepository(session).case(notice.case_id)
            assert case is not None
            return self._paper(notice, case.number)

    def _paper(self, notice: PublicNotice, case_number: str) -> IssuedPaper:
        data = DeregistrationNoticeData(
            station=self.documents.station_info(), serial=notice.serial, case_number=case_number,
            person_name=notice.person_name, person_id_number=notice.person_id_number, body_zh=notice.text_zh,
            published_on=notice.published_on, ends_on=notice.ends_on)
        return IssuedPaper("deregistration_notice", notice.serial, deregistration_notice.TITLE,
                           deregistration_notice.build_pdf(data), Paper.A4)

    def _audit(self, session: Session, actor: Actor, action: str, serial: str, details: dict[str, str]) -> None:
        user = UserRepository(session).get(actor.user_id)
        audit.append(session, at=self.clock.now(), actor=user.username if user else f"user#{actor.user_id}",
                     action=action, entity_type="notice", entity_id=serial, details=details)


def _case(session: Session, number: str) -> Case:
    case = CaseRepository(session).by_number(number)
    if case is None:
        raise NotFound.say("case.not_found", number=number)
    return case


def _notice(session: Session, serial: str) -> PublicNotice:
    notice = NoticeRepository(session).by_serial(serial)
    if notice is None:
        raise NotFound.say("notice.not_found", serial=serial)
    return notice


def _view(notice: PublicNotice, case_number: str) -> NoticeView:
    return NoticeView(notice.serial, case_number, notice.person_name, notice.published_on, notice.ends_on,
                      notice.state, notice.objection, notice.decided_on)
