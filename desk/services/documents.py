"""Documents from the store: build each paper's plain data from a case (or citizen, or ticket), render
it with `printing`, and record it in `documents_issued` (serial, kind, payload) — audited.

Reprints rebuild the same document with the serial and time it was first issued.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from desk.domain.applicant import birth_date_from_id, normalise_id_text
from desk.domain.catalog import (
    MOVER_APPLICANT,
    REISSUABLE,
    Approval,
    Catalog,
    Category,
    FieldType,
    IssuedDocument,
    MaterialForm,
    MaterialVerify,
    PowerType,
    Transaction,
)
from desk.domain.catalog_words import materials_to_bring
from desk.domain.chained_changes import (
    ChainRules,
    ChangeRule,
    FollowUps,
    follow_ups_for,
    new_id_number,
    next_free_id_number,
)
from desk.domain.clock import Clock, local_date, local_datetime
from desk.domain.errors import DeskError, InvalidInput, NotFound
from desk.domain.messages import Term, render
from desk.domain.refusals import DecidingBody, RefusalRules, StationNames
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Actor, CaseState
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.numbering import next_sequence
from desk.services.paper_reissue import MOVE_PERMIT_VALID_DAYS, original_of, void_original, voided_by
from desk.services.queue import TicketView
from desk.store.database import Store
from desk.store.models import Case, Citizen, DocumentIssued
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.citizen_lookup import CitizenLookupRepository
from desk.store.repositories.documents import DocumentRepository
from desk.store.repositories.stations import StationRepository
from desk.store.repositories.users import UserRepository
from printing.documents import (
    chain_notice,
    completion_notice,
    denial_decision,
    deregistration_certificate,
    household_certificate,
    material_checklist,
    migration_certificate,
    move_in_permit,
    not_accepted_notice,
    queue_ticket,
    receipt,
    supplement_notice,
)
from printing.documents.common import Paper, zh_date
from printing.models import (
    AppealRights,
    ChainNoticeData,
    ChainRecord,
    ChecklistItem,
    CompletionNoticeData,
    DenialDecisionData,
    DeregistrationCertificateData,
    HouseholdCertificateData,
    MaterialChecklistData,
    MissingMaterial,
    MoveInPermitData,
    MovePerson,
    NotAcceptedNoticeData,
    QueueTicketData,
    ReceiptData,
    ReceivedMaterial,
    StationInfo,
    SupplementNoticeData,
)
from printing.signing import KeyRegistry, SigningError, StationSigner

# Document kinds, with the prefix of their serial numbers. Their titles are the messages `paper.<kind>`
# (`paper_title_key`): one table for the case view's list and the printed paper.
KINDS: dict[str, str] = {
    "receipt": "HZ",
    "supplement_notice": "GZ",
    "not_accepted_notice": "BS",
    "denial_decision": "BX",
    "completion_notice": "BJ",
    "move_in_permit": "ZQ",
    "migration_certificate": "QY",
    "chain_notice": "LB",
    "household_certificate": "ZM",
    "deregistration_certificate": "ZX",
    "queue_ticket": "PD",
}
SUPPLEMENT_DAYS = 20  # working days the citizen has to bring what is missing (notice wording)
CERTIFICATE_VALID_DAYS = 90
# The signed certificates (a QR code any desk, kiosk or the city's page verifies); built from the register
# for the person the case names, not by the plain builders below.
SIGNED_KINDS = frozenset({"household_certificate", "deregistration_certificate"})
SEX_ZH = {"male": "男", "female": "女"}
FACT_ZH = {"name": "姓名", "sex": "性别", "birth_date": "出生日期", "nation": "民族", "id_number": "公民身份号码"}
_APPROVAL_ZH = {Approval.CLERK: "窗口办理", Approval.LEADER: "派出所审批", Approval.BRANCH: "分局审批",
                Approval.CITY: "市公安局审批"}
_APPROVAL_EN = {Approval.CLERK: "the window clerk", Approval.LEADER: "the station's leader",
                Approval.BRANCH: "the branch bureau", Approval.CITY: "the city bureau"}
FORM_ZH = {MaterialForm.ORIGINAL: "原件", MaterialForm.COPY: "复印件",
           MaterialForm.ORIGINAL_AND_COPY: "原件及复印件", MaterialForm.ELECTRONIC: "电子证照"}


def paper_title_key(kind: str, transaction: Transaction | None = None) -> str:
    """The message key of a paper's title — the table the case view's list and the printed paper both
    read. A refusal after examination is titled by the item's kind of act: 不予许可决定书 for a licence,
    不予登记决定书 for a confirmation (most 户籍 items), 不予办理决定书 for a public service."""
    if kind == "denial_decision" and transaction is not None and transaction.power_type is not PowerType.LICENSING:
        return f"paper.denial_decision.{transaction.power_type.value}"
    return f"paper.{kind}"


def paper_title_zh(kind: str, transaction: Transaction | None = None) -> str:
    """The title printed on the paper (the Chinese of `paper_title_key`)."""
    return render(paper_title_key(kind, transaction), {})


@dataclass(frozen=True)
class PaperOffer:
    """A paper of a case — issued (its serial) or one it can have now — with its title's message key (a
    screen says it in its language)."""

    kind: str
    title_key: str
    serial: str = ""  # the serial it was issued under; "" for a paper the case can have but was not issued yet
    void_by: str = ""  # the re-issued (补发) paper that replaced it: this one is void and is not printed again

    @property
    def title_zh(self) -> str:
        return render(self.title_key, {})


@dataclass(frozen=True)
class IssuedPaper:
    kind: str
    serial: str
    title_zh: str
    pdf: bytes
    paper: Paper
    payload: str | None = None


@dataclass
class DocumentService:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    station_code: str
    keys_dir: Path
    verify_url: str = ""  # the city's certificate verification address (settings), put in the QR code
    chain_rules: ChainRules | None = None  # 公民信息连锁变更 (resources/chains), None: no chained changes
    # 不予受理 grounds and the deciding organs per level (resources/refusals.toml); read when first needed.
    refusal_rules: RefusalRules | None = field(default=None)

    def _refusals(self) -> RefusalRules:
        if self.refusal_rules is None:
            from desk.shipped import shipped_refusal_rules  # a service built without the composition root's

            self.refusal_rules = shipped_refusal_rules()
        return self.refusal_rules

    # ---- case documents --------------------------------------------------------------------------

    def documents_for(self, case: CaseView) -> list[str]:
        """The kinds of paper this case can have now, in the order a clerk would print them."""
        transaction = self._transaction(case.transaction_code)
        kinds: list[str] = []
        if case.accepted_at is not None:
            kinds.append("receipt")
        if case.state is CaseState.SUPPLEMENT_REQUESTED or case.missing_materials:
            kinds.append("supplement_notice")
        if case.state is CaseState.NOT_ACCEPTED:
            kinds.append("not_accepted_notice")
        if case.state is CaseState.DENIED:
            kinds.append("denial_decision")
        if case.state is CaseState.COMPLETED:
            kinds.append("completion_notice")
            issued = transaction.issued_document(case.form_values)  # a move's paper route: the permit
            if issued is IssuedDocument.MOVE_IN_PERMIT:
                kinds.append("move_in_permit")
            if issued is IssuedDocument.MIGRATION_CERTIFICATE:
                kinds.append("migration_certificate")
            if transaction.issues_document is IssuedDocument.HOUSEHOLD_CERTIFICATE:
                kinds.append("household_certificate")
            if transaction.issues_document is IssuedDocument.DEREGISTRATION_CERTIFICATE:
                kinds.append("deregistration_certificate")
            if self._chain_rule(case.transaction_code) is not None:
                kinds.append("chain_notice")
        return kinds

    def papers_for(self, case: CaseView) -> list[PaperOffer]:
        """The case's papers as the case view lists them: every paper really issued for it (from the
        register of issued papers, with its serial — a 一次性告知书 stays issued after 受理), then those the
        case can have now and was not given yet; each with its title's message key, as the paper prints it."""
        transaction = self._transaction(case.transaction_code)
        with self.store.read() as session:
            issued = [(row.kind, row.serial, voided_by(row.details))
                      for row in DocumentRepository(session).issued_for_case(case.number) if row.kind in REPRINTABLE]
        given = {kind for kind, _serial, _void in issued}
        offers = [PaperOffer(kind, paper_title_key(kind, transaction), serial, void)
                  for kind, serial, void in issued]
        return offers + [PaperOffer(kind, paper_title_key(kind, transaction))
                         for kind in self.documents_for(case) if kind not in given]

    # ---- chained changes (公民信息连锁变更) ----------------------------------------------------------

    def follow_ups(self, case_number: str) -> FollowUps:
        """What a completed change of basic facts sets in motion: the new ID number, the records to follow."""
        with self.store.read() as session:
            from desk.services.cases import user_names

            case = _case(session, case_number)
            return self._follow_ups(session, CaseView.of(case, user_names(session, case)))

    def _chain_rule(self, transaction_code: str) -> ChangeRule | None:
        return self.chain_rules.for_transaction(transaction_code) if self.chain_rules is not None else None

    def _follow_ups(self, session: Session, case: CaseView) -> FollowUps:
        rule = self._chain_rule(case.transaction_code)
        if rule is None:
            raise InvalidInput.say("document.no_chain_change",
                                   transaction=self._transaction(case.transaction_code).bilingual_name)
        if case.state is not CaseState.COMPLETED:
            raise InvalidInput.say("document.chain_not_completed", number=case.number)
        person = case.applicant
        old = {"name": person.name, "sex": person.sex, "nation": person.nation, "id_number": person.id_number,
               "birth_date": person.birth_date.isoformat() if person.birth_date else ""}
        number = None
        if rule.new_id_number and len(person.id_number) == 18:
            value = case.form_values.get(rule.field) if rule.field else None
            if rule.fact == "birth_date" and value:
                candidate = new_id_number(person.id_number, birth_date=date.fromisoformat(str(value)))
            elif rule.fact == "sex" and value:
                candidate = new_id_number(person.id_number, sex=str(value))
            else:  # the number itself is wrong or held twice: the next free one of the same sex
                candidate = person.id_number
            # The person's own number stays taken: a changed date or sex never lands on it anyway.
            taken = CitizenLookupRepository(session).id_numbers_starting(candidate[:14])
            number = next_free_id_number(candidate, taken)
        return follow_ups_for(rule, case.form_values, old, new_number=number)

    def case_document(self, kind: str, case_number: str, *, actor: Actor | None = None,
                      paper: Paper | None = None) -> IssuedPaper:
        """Issue (or reprint, keeping its serial) a document of `kind` for a case."""
        with self.store.write() as session:
            return self.case_document_in(session, kind, case_number, actor=actor, paper=paper)

    def case_document_in(self, session: Session, kind: str, case_number: str, *, actor: Actor | None = None,
                         paper: Paper | None = None) -> IssuedPaper:
        """`case_document` inside a transaction the caller opened (a window decision)."""
        builders = {
            "receipt": self._receipt, "supplement_notice": self._supplement, "not_accepted_notice": self._not_accepted,
            "denial_decision": self._denial, "completion_notice": self._completion, "move_in_permit": self._permit,
            "migration_certificate": self._migration_certificate,
            "chain_notice": lambda view, station, serial, issued_at, clerk: self._chain_notice(
                session, view, station, serial, clerk),
        }
        if kind not in builders and kind not in SIGNED_KINDS:
            raise InvalidInput.say("document.unknown_kind", kind=kind)
        case = _case(session, case_number)
        from desk.services.cases import user_names

        view = CaseView.of(case, user_names(session, case))
        # Issued once, reprinted under its serial whatever the state says now (a 一次性告知书 after 受理).
        if kind not in self.documents_for(view) and DocumentRepository(session).of_case(case.id, kind) is None:
            raise InvalidInput.say("document.not_now", number=case_number, state=Term(f"state.{view.state}"),
                                   paper=Term(f"paper.{kind}"))
        if kind == "household_certificate":  # signed like the kiosk's, for the person the form names
            return self._case_certificate(session, view, case.id, actor)
        if kind == "deregistration_certificate":
            return self._deregistration_certificate(session, view, case.id, actor)
        record = self._record(session, kind, case_id=case.id, citizen_id=case.applicant_id, actor=actor)
        station = _station(session, self.station_code)
        default_paper = Paper.ROLL_80 if kind == "receipt" else Paper.A4
        chosen = paper or default_paper
        clerk = _user_name(session, case.accepted_by or case.created_by)
        transaction = self._transaction(view.transaction_code)
        if transaction.reissues is not None and kind in {str(paper) for paper in REISSUABLE}:
            data: Any = self._reissued(session, transaction, view, builders[kind], station, record, clerk, actor)
        else:
            data = builders[kind](view, station, record.serial, local_datetime(record.issued_at), clerk)
        if isinstance(data, MoveInPermitData) and "valid_until" not in (record.details or {}):
            # The move papers' expiry is tracked (LegalClocks.expiring_permits) from the date printed.
            record.details = {**(record.details or {}), "valid_until": data.valid_until.isoformat()}
        module = _MODULES[kind]
        pdf = module.build_pdf(data, chosen)
        return IssuedPaper(kind, record.serial, paper_title_zh(kind, transaction), pdf, chosen)

    # ---- citizen and hall documents --------------------------------------------------------------

    def household_certificate(self, id_number: str, purpose_zh: str, *, actor: Actor | None = None,
                              kiosk_code: str | None = None) -> IssuedPaper:
        """户籍证明 for one person, signed so any desk or kiosk can verify it offline."""
        if not purpose_zh.strip():
            raise InvalidInput.say("document.purpose_needed")
        with self.store.write() as session:
            citizen = CitizenLookupRepository(session).by_id_number(id_number)
            if citizen is None:
                raise NotFound.say("document.no_register_entry", id_number=id_number)
            if not _certifiable(citizen):
                raise InvalidInput.say("document.incomplete_at_kiosk")
            return self._certificate_in(session, citizen, purpose_zh.strip(), actor=actor, kiosk_code=kiosk_code)

    def _certificate_in(self, session: Session, citizen: Citizen, purpose_zh: str, *, actor: Actor | None,
                        kiosk_code: str | None = None, case_id: int | None = None) -> IssuedPaper:
        # kiosk_code: the kiosk asking — or, for a case's certificate already issued, who reprints it
        signer = self._signer()  # no key: nothing recorded, nothing printed
        record = self._record(session, "household_certificate", case_id=case_id, citizen_id=citizen.id, actor=actor,
                              kiosk_code=kiosk_code)
        issued_at = local_datetime(record.issued_at)
        assert citizen.household_head and citizen.relationship_to_head and citizen.registered_on
        assert citizen.birth_date is not None
        data = HouseholdCertificateData(
            station=_station(session, self.station_code), serial=record.serial, name=citizen.name,
            sex=SEX_ZH.get(citizen.sex, citizen.sex), nation=citizen.nation, birth_date=citizen.birth_date,
            id_number=citizen.id_number, address=citizen.address, household_head=citizen.household_head,
            relationship_to_head=citizen.relationship_to_head, registered_on=citizen.registered_on,
            purpose_zh=purpose_zh, issued_at=issued_at,
            clerk_name=_user_name(session, record.issued_by) if record.issued_by is not None else "自助终端",
            valid_until=issued_at.date() + timedelta(days=CERTIFICATE_VALID_DAYS),
            former_names=citizen.former_names, verify_url=self.verify_url,
        )
        payload = household_certificate.certificate_payload(data, signer)
        record.payload = payload
        pdf = household_certificate.build_pdf(data, Paper.A4, payload=payload)  # signed once: the recorded one
        return IssuedPaper("household_certificate", record.serial, paper_title_zh("household_certificate"), pdf,
                           Paper.A4, payload)

    def _case_certificate(self, session: Session, case: CaseView, case_id: int, actor: Actor | None,
                          via: str | None = None) -> IssuedPaper:
        """The 户籍证明 a completed 开具户籍证明 case hands over: for the person the form names (the
        applicant when it is for themself), with the purpose chosen on the form."""
        transaction = self._transaction(case.transaction_code)
        values = case.form_values
        subject = values.get("subject")
        for_self = bool(values.get("for_self")) or not isinstance(subject, dict) or not subject.get("id_number")
        id_number = case.applicant.id_number if for_self else str(subject["id_number"])  # type: ignore[index]
        citizen = CitizenLookupRepository(session).by_id_number(id_number)
        if citizen is None:
            raise NotFound.say("document.no_entry_to_certify", id_number=id_number)
        if not _certifiable(citizen):
            raise InvalidInput.say("document.incomplete_entry", name=citizen.name, id_number=citizen.id_number)
        purpose = _option_label_zh(transaction, "purpose", values.get("purpose")) or "户籍证明"
        return self._certificate_in(session, citizen, purpose, actor=actor, case_id=case_id, kiosk_code=via)

    def _deregistration_certificate(self, session: Session, case: CaseView, case_id: int,
                                    actor: Actor | None, via: str | None = None) -> IssuedPaper:
        """The 注销户口证明 a completed 开具注销户口证明 case hands over: the person the form names, the
        cancellation as this system recorded it (its completed deregistration case) or, for one it does not
        hold, as the clerk typed it from the file; facts from the register where it still has the person."""
        transaction = self._transaction(case.transaction_code)
        values = case.form_values
        person = transaction.roles(values).subject
        if person is None or not person.id_number:
            raise InvalidInput.say("document.deregistered_person_missing")
        cancelled_on = self._cancelled_on(session, person.id_number) or _date_value(values, "deregistered_on")
        if cancelled_on is None:
            raise InvalidInput.say("document.deregistration_not_found", name=person.name, id_number=person.id_number)
        citizen = CitizenLookupRepository(session).by_id_number(person.id_number)
        signer = self._signer()  # no key: nothing recorded, nothing printed
        record = self._record(session, "deregistration_certificate", case_id=case_id,
                              citizen_id=citizen.id if citizen else None, actor=actor, kiosk_code=via)
        issued_at = local_datetime(record.issued_at)
        data = DeregistrationCertificateData(
            station=_station(session, self.station_code), serial=record.serial,
            name=citizen.name if citizen else person.name,
            sex=SEX_ZH.get(citizen.sex, citizen.sex) if citizen else _sex_from_id(person.id_number),
            nation=citizen.nation if citizen else "",
            birth_date=citizen.birth_date if citizen else birth_date_from_id(person.id_number),
            id_number=person.id_number, address=citizen.address if citizen else "",
            deregistered_on=cancelled_on,
            reason_zh=_option_label_zh(transaction, "deregistration_reason", values.get("deregistration_reason"))
            or "注销",
            purpose_zh=_option_label_zh(transaction, "purpose", values.get("purpose")) or "注销户口证明",
            issued_at=issued_at, clerk_name=_user_name(session, record.issued_by),
            valid_until=issued_at.date() + timedelta(days=CERTIFICATE_VALID_DAYS),
            former_names=citizen.former_names if citizen else "", verify_url=self.verify_url,
        )
        payload = household_certificate.certificate_payload(data, signer)  # one signing rule for both papers
        record.payload = payload
        pdf = deregistration_certificate.build_pdf(data, Paper.A4, payload=payload)  # the recorded signature
        return IssuedPaper("deregistration_certificate", record.serial, paper_title_zh("deregistration_certificate"),
                           pdf, Paper.A4, payload)

    def online_copy(self, case_number: str, id_number: str, *, application: str) -> IssuedPaper:
        """The signed certificate a case decided online issued, for the citizen's page: only to the case's
        applicant (`id_number`, as the page signed them in), only one already issued (same serial and
        facts as on record); the download is audited under the online application's number."""
        via = f"网上办 {application}"
        with self.store.write() as session:
            case = CaseRepository(session).by_number(case_number)
            if case is None or case.applicant.id_number != normalise_id_text(id_number):
                raise NotFound.say("document.no_online_certificate", number=application)
            from desk.services.cases import user_names

            view = CaseView.of(case, user_names(session, case))
            documents = DocumentRepository(session)
            kind = next((k for k in self.documents_for(view)
                         if k in SIGNED_KINDS and documents.of_case(case.id, k) is not None), None)
            if kind is None:
                raise NotFound.say("document.no_online_certificate", number=application)
            build = self._case_certificate if kind == "household_certificate" else self._deregistration_certificate
            paper = build(session, view, case.id, None, via)
            audit.append(session, at=self.clock.now(), actor=via, action="document.downloaded",
                         entity_type="document", entity_id=paper.serial,
                         details={"kind": kind, "case": case.number, "application": application})
            return paper

    def _cancelled_on(self, session: Session, id_number: str) -> date | None:
        """The day this system completed the cancellation of `id_number`'s registration (a deregister
        item naming that person in a person or ID-number field), or None when it holds none."""
        codes = [t.code for t in self.catalog.transactions() if t.category is Category.DEREGISTER]
        for found in CaseRepository(session).completed_mentioning(codes, id_number):
            transaction = self.catalog.get(found.transaction_code)
            if transaction is None or found.completed_at is None:
                continue
            for spec in transaction.visible_fields(found.form_values):
                value = found.form_values.get(spec.key)
                number = value.get("id_number") if isinstance(value, Mapping) else value
                if spec.type in (FieldType.PERSON, FieldType.ID_NUMBER) and isinstance(number, str) \
                        and normalise_id_text(number) == id_number:
                    return local_date(found.completed_at)
        return None

    def queue_ticket(self, ticket: TicketView, *, kiosk_code: str | None = None,
                     paper: Paper = Paper.ROLL_58, language: str = "zh") -> IssuedPaper:
        """排队号 in the citizen's `language` ("zh", or "en": English with the Chinese the window needs)."""
        transaction = self.catalog.get(ticket.transaction_code or "")
        with self.store.write() as session:
            record = self._record(session, "queue_ticket", kiosk_code=kiosk_code, details={"ticket": ticket.number})
            data = QueueTicketData(
                station=_station(session, self.station_code), number=ticket.number,
                transaction_name_zh=transaction.name_zh if transaction else "综合业务",
                people_ahead=ticket.people_ahead, issued_at=local_datetime(ticket.issued_at),
                estimated_wait_minutes=ticket.estimated_wait_minutes,
                transaction_name_en=transaction.name_en if transaction else "General enquiries",
                language="en" if language == "en" else "zh",
            )
            return IssuedPaper("queue_ticket", record.serial, paper_title_zh("queue_ticket"),
                               queue_ticket.build_pdf(data, paper), paper)

    def material_checklist(self, transaction_code: str, paper: Paper = Paper.A4, language: str = "zh") -> bytes:
        """办事材料清单 for one transaction: what to bring, always and in some cases (no citizen named), in the
        language the citizen chose ("en": English first, each material's Chinese name under its English)."""
        transaction = self._transaction(transaction_code)
        lines = materials_to_bring(transaction)
        items = [ChecklistItem(line.name.zh, line.form.zh, line.copies,
                               line.condition.zh if line.condition else None, line.note_zh,
                               name_en=line.name.en, form_en=line.form.en,
                               condition_en=line.condition.en if line.condition else None, note_en=line.note_en)
                 for line in lines]
        data = MaterialChecklistData(
            station=self.station_info(), transaction_name_zh=transaction.name_zh,
            time_limit_days=transaction.time_limit_days, approval_zh=_APPROVAL_ZH[transaction.approval],
            description_zh=transaction.description_zh,
            always=tuple(i for i in items if i.condition_zh is None),
            sometimes=tuple(i for i in items if i.condition_zh is not None),
            printed_at=local_datetime(self.clock.now()),
            language="en" if language.lower().startswith("en") else "zh",
            transaction_name_en=transaction.name_en, approval_en=_APPROVAL_EN[transaction.approval],
            description_en=transaction.description_en,
        )
        return material_checklist.build_pdf(data, paper)

    def _signer(self) -> StationSigner:
        """This station's signing key for today's certificates; a machine without one prints nothing."""
        try:
            return KeyRegistry(self.keys_dir).signer(self.station_code, local_date(self.clock.now()))
        except SigningError as exc:
            raise DeskError.say(exc.message_key, code="no_signing_key", **exc.params) from exc

    def station_info(self) -> StationInfo:
        with self.store.read() as session:
            return _station(session, self.station_code)

    def station_of(self, station_code: str) -> StationInfo:
        """Another station as its papers print it (name, address, phone): where a clerk sends a citizen
        whose open case that station accepted."""
        with self.store.read() as session:
            return _station(session, station_code)

    # ---- builders ----------------------------------------------------------------------------------

    def _receipt(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                 clerk: str) -> ReceiptData:
        transaction = self._transaction(case.transaction_code)
        assert case.accepted_at is not None and case.due_date is not None
        return ReceiptData(
            station=station, case_number=case.number, lookup_code=case.lookup_code,
            # Whom the case is about when it is not the applicant (出生登记（新生儿姓名：张子涵）).
            transaction_code=transaction.code,
            transaction_name_zh=transaction.name_zh + _subject_zh(transaction, case.form_values),
            transaction_name_en=transaction.name_en, applicant_name=case.applicant.name,
            applicant_id_number=case.applicant.id_number,
            materials_received=tuple(ReceivedMaterial(m.name_zh, _form_zh(m.form), m.copies) for m in case.materials),
            accepted_at=local_datetime(case.accepted_at), time_limit_days=case.time_limit_days,
            promised_date=case.due_date, clerk_name=clerk, approval_level=_approval_text(case),
            fee_zh="不收费" if not transaction.fee_yuan else f"{transaction.fee_yuan} 元",
            decided_above_zh=self._decided_above(case, station),
            roles_zh=tuple(transaction.roles(case.form_values).labelled_zh()),
        )

    def _decided_above(self, case: CaseView, station: StationInfo) -> str:
        """On the receipt of a case decided above the station: who decides it, and why (its tier)."""
        if not case.approval.above_station:
            return ""
        body = self._deciding_body(case.approval, station)
        why = case.tier[1]
        because = f"（{why}）" if why else ""
        return (f"本申请由{station.name_zh}受理，依规定报{body.organ_zh}审批{because}，"
                f"审批结果由{station.name_zh}通知您。")

    def _deciding_body(self, approval: Approval, station: StationInfo) -> DecidingBody:
        with self.store.read() as session:
            row = StationRepository(session).get(station.code)
            names = StationNames(station.name_zh, station.branch_name,
                                 row.reconsideration_body if row else "", row.court if row else "")
        return self._refusals().deciding_body(approval, names)

    def _chain_notice(self, session: Session, case: CaseView, station: StationInfo, serial: str,
                      clerk: str) -> ChainNoticeData:
        follow = self._follow_ups(session, case)
        assert case.completed_at is not None
        value_zh = {"male": "男", "female": "女"}
        return ChainNoticeData(
            station=station, document_number=serial, case_number=case.number,
            transaction_name_zh=self._transaction(case.transaction_code).name_zh, person_name=case.applicant.name,
            fact_zh=FACT_ZH[follow.fact], old_value=value_zh.get(follow.old_value, follow.old_value),
            new_value=value_zh.get(follow.new_value, follow.new_value), old_id_number=follow.old_id_number,
            new_id_number=follow.new_id_number, completed_at=local_datetime(case.completed_at),
            records=tuple(ChainRecord(r.name_zh, r.agency_zh, r.how_zh) for r in follow.records),
        )

    def _supplement(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                    clerk: str) -> SupplementNoticeData:
        transaction = self._transaction(case.transaction_code)
        missing = case.missing_materials or _last_missing(case)
        return SupplementNoticeData(
            station=station, document_number=serial, case_number=case.number,
            transaction_name_zh=transaction.name_zh, applicant_name=case.applicant.name,
            applied_at=local_datetime(case.created_at),
            missing_materials=tuple(MissingMaterial(m["name_zh"], m.get("why_zh", ""),
                                                    _form_zh(m.get("form", "original"))) for m in missing),
            supply_deadline=self.calendar.add_working_days(issued_at.date(), SUPPLEMENT_DAYS).due_date,
            clerk_name=clerk, issued_at=issued_at,
        )

    def _not_accepted(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                      clerk: str) -> NotAcceptedNoticeData:
        transaction = self._transaction(case.transaction_code)
        # Not accepting is the accepting organ's decision: the station's, whatever level would decide.
        body = self._deciding_body(Approval.CLERK, station)
        ground_key = _event_detail(case, "not_accept", "ground")
        ground = self._refusals().ground(str(ground_key)) if ground_key else None
        note = (case.decision_reason or "").strip().rstrip("。；;.")
        if ground is not None:
            reason = ground.text_zh + (f"（{note}）" if note and note != ground.text_zh else "")
            basis = ground.basis_zh
        else:  # a free-text reason from before grounds were data
            reason, basis = note, "《中华人民共和国行政许可法》第三十二条第一款"
        return NotAcceptedNoticeData(
            station=replace(station, name_zh=body.organ_zh), document_number=serial,
            transaction_name_zh=transaction.name_zh,
            applicant_name=case.applicant.name, applied_at=local_datetime(case.created_at),
            reason_zh=reason, legal_basis_zh=basis,
            rights=AppealRights(body.reconsideration_body_zh, body.court_zh), clerk_name=clerk, issued_at=issued_at,
            case_number=case.number, ground_key=ground.key if ground else "",
        )

    def _denial(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                clerk: str) -> DenialDecisionData:
        transaction = self._transaction(case.transaction_code)
        body = self._deciding_body(case.approval, station)
        failed = [rule.basis_zh for rule in transaction.rules if rule.basis_zh]
        return DenialDecisionData(
            station=replace(station, name_zh=body.organ_zh), document_number=serial, case_number=case.number,
            transaction_name_zh=transaction.name_zh, applicant_name=case.applicant.name,
            applicant_id_number=case.applicant.id_number, applied_at=local_datetime(case.created_at),
            reason_zh=(case.decision_reason or "").strip().rstrip("。；;."),
            legal_basis_zh=transaction.legal_basis_zh, rights=AppealRights(body.reconsideration_body_zh, body.court_zh),
            decided_at=local_datetime(_event_time(case, "deny") or issued_at), clerk_name=clerk,
            power_type=str(transaction.power_type), title_zh=paper_title_zh("denial_decision", transaction),
            accepted_by_zh=station.name_zh,
            rule_bases_zh=tuple(dict.fromkeys(failed)),
        )

    def _completion(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                    clerk: str) -> CompletionNoticeData:
        transaction = self._transaction(case.transaction_code)
        issued = transaction.issued_document(case.form_values)
        handed_over = transaction.handed_over_zh(issued)  # the item's own words (换领的新居民户口簿 …)
        collect: tuple[str, ...] = (handed_over,) if handed_over else ()
        assert case.accepted_at is not None and case.completed_at is not None
        subject = _subject_zh(transaction, case.form_values)
        result = f"您申请的“{transaction.name_zh}”{subject}已办理完毕。"
        if issued is IssuedDocument.MOVE_IN_PERMIT and transaction.permit_when is not None:
            # The paper route of a ground's item: approved, not yet settled — say what comes next.
            result = (f"您申请的“{transaction.name_zh}”{subject}已准予迁入。请在有效期内持《准予迁入证明》"
                      "到原户口所在地公安机关办理迁出，领取《户口迁移证》后回本所办理落户。")
        on_the_spot = (case.approval is Approval.CLERK
                       and local_datetime(case.accepted_at).date() == local_datetime(case.completed_at).date())
        if on_the_spot and collect:
            # Completed at the window while the citizen waits: handed over now, nothing to come back for.
            result = f"您申请的“{transaction.name_zh}”{subject}已当场办理完毕，{'、'.join(collect)}已当场交付。"
            collect = ()
        return CompletionNoticeData(
            station=station, document_number=serial, case_number=case.number,
            transaction_name_zh=transaction.name_zh, applicant_name=case.applicant.name,
            accepted_at=local_datetime(case.accepted_at), completed_at=local_datetime(case.completed_at),
            result_zh=result, items_to_collect=collect,
            collect_place_zh=f"{station.name_zh}户籍窗口", collect_hours_zh="工作日 8:30—11:30，13:00—17:00",
            clerk_name=clerk,
        )

    def _permit(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                clerk: str) -> MoveInPermitData:
        """准予迁入证明, issued by this (the destination's) station: every mover, both addresses."""
        transaction = self._transaction(case.transaction_code)
        values = case.form_values
        return MoveInPermitData(
            station=station, permit_number=serial, case_number=case.number, persons=_movers(transaction, case),
            from_address_zh=_text_value(values, "origin_address") or case.applicant.address,
            from_authority_zh=_text_value(values, "origin_authority") or "原户口所在地公安机关",
            to_address_zh=_text_value(values, "destination_address"),
            to_authority_zh=station.name_zh, reason_zh=_reason_zh(transaction, values),
            issued_on=issued_at.date(), valid_until=issued_at.date() + timedelta(days=MOVE_PERMIT_VALID_DAYS),
            clerk_name=clerk,
        )

    def check_reissue_in(self, session: Session, case: CaseView) -> None:
        """At acceptance: the original a 补发 case names may be re-issued (ours, that kind, valid, not void,
        the applicant on it) — else it is said at the window before anything is accepted."""
        original_of(session, self.station_code, self._transaction(case.transaction_code), case,
                    today=local_date(self.clock.now()))

    def _reissued(self, session: Session, transaction: Transaction, case: CaseView,
                  build: Callable[..., object], station: StationInfo, record: DocumentIssued, clerk: str,
                  actor: Actor | None) -> MoveInPermitData:
        """The original's facts (built by the paper's own `build`, from the original's case) under the new
        number, marked 补发; the original is voided the first time."""
        reprint = bool((record.details or {}).get("reissue_of"))
        original = original_of(session, self.station_code, transaction, case, today=local_date(self.clock.now()),
                               reissued_serial=record.serial if reprint else None)
        assert original is not None  # the item re-issues: `reissues` is set
        first = original.record
        facts = build(original.case, station, first.serial, local_datetime(first.issued_at),
                      _user_name(session, first.issued_by))
        assert isinstance(facts, MoveInPermitData)  # `reissues` allows the move papers only (catalog loader)
        if void_original(original, record.serial):
            record.details = {**(record.details or {}), "reissue_of": first.serial}
            audit.append(session, at=self.clock.now(), actor=_actor_label(session, actor, None),
                         action="document.voided", entity_type="document", entity_id=first.serial,
                         details={"kind": first.kind, "replaced_by": record.serial, "case": case.number})
        issued_on = local_datetime(record.issued_at).date()
        return replace(facts, permit_number=record.serial, case_number=case.number, issued_on=issued_on,
                       valid_until=original.valid_until, clerk_name=clerk,
                       reissue_of_zh=f"原证编号{first.serial}，{zh_date(local_date(first.issued_at))}签发，"
                                     "自本证签发之日起作废")

    def _migration_certificate(self, case: CaseView, station: StationInfo, serial: str, issued_at: datetime,
                               clerk: str) -> MoveInPermitData:
        """户口迁移证, issued by this (the origin's) station on the destination's paper permit."""
        transaction = self._transaction(case.transaction_code)
        values = case.form_values
        permit = "，".join(part for part in (f"编号{_text_value(values, 'permit_number')}",
                                             _text_value(values, "destination_authority")) if part)
        valid_until = issued_at.date() + timedelta(days=MOVE_PERMIT_VALID_DAYS)
        permit_until = values.get("permit_valid_until")
        if isinstance(permit_until, str) and permit_until:
            valid_until = min(valid_until, date.fromisoformat(permit_until))  # never outlives its permit
        return MoveInPermitData(
            station=station, permit_number=serial, case_number=case.number, persons=_movers(transaction, case),
            from_address_zh=_text_value(values, "origin_address") or case.applicant.address,
            from_authority_zh=station.name_zh,
            to_address_zh=_text_value(values, "destination_address"),
            to_authority_zh=_text_value(values, "destination_authority") or "迁入地公安机关",
            reason_zh=_reason_zh(transaction, values), issued_on=issued_at.date(), valid_until=valid_until,
            clerk_name=clerk, permit_reference_zh=permit,
        )

    # ---- helpers -----------------------------------------------------------------------------------

    def _record(self, session: Session, kind: str, *, case_id: int | None = None, citizen_id: int | None = None,
                actor: Actor | None = None, kiosk_code: str | None = None,
                details: dict[str, Any] | None = None) -> DocumentIssued:
        """The document's register row: reused for a reprint of a case document, new otherwise."""
        if case_id is not None:
            existing = DocumentRepository(session).of_case(case_id, kind)
            if existing is not None and voided_by(existing.details):
                # Replaced by a 补发: a second valid-looking copy of a void paper is what the re-issue prevents.
                raise InvalidInput.say("document.void", serial=existing.serial, by=voided_by(existing.details))
            if existing is not None:
                audit.append(session, at=self.clock.now(), actor=_actor_label(session, actor, kiosk_code),
                             action="document.reprinted", entity_type="document", entity_id=existing.serial,
                             details={"kind": kind})
                return existing
        now = self.clock.now()
        prefix = KINDS[kind]
        sequence = next_sequence(session, self.station_code, local_date(now), kind=prefix)
        record = DocumentIssued(
            serial=f"{self.station_code}{prefix}{local_date(now):%Y%m%d}{sequence:04d}", kind=kind, case_id=case_id,
            citizen_id=citizen_id, station_code=self.station_code, issued_at=now,
            issued_by=actor.user_id if actor else None, kiosk_code=kiosk_code, details=details or {},
        )
        DocumentRepository(session).add(record)
        audit.append(session, at=now, actor=_actor_label(session, actor, kiosk_code), action="document.issued",
                     entity_type="document", entity_id=record.serial, details={"kind": kind, "case_id": case_id})
        return record

    def _transaction(self, code: str) -> Transaction:
        transaction = self.catalog.get(code)
        if transaction is None:
            raise NotFound.say("catalog.unknown_transaction", transaction=code)
        return transaction


_MODULES: dict[str, Any] = {
    "migration_certificate": migration_certificate,
    "receipt": receipt, "supplement_notice": supplement_notice, "not_accepted_notice": not_accepted_notice,
    "denial_decision": denial_decision, "completion_notice": completion_notice, "move_in_permit": move_in_permit,
    "chain_notice": chain_notice,
}
# The case papers `case_document` prints again under their serial (the case view's list).
REPRINTABLE = frozenset(_MODULES) | SIGNED_KINDS


def _case(session: Session, number: str) -> Case:
    case = CaseRepository(session).by_number(number)
    if case is None:
        raise NotFound.say("case.not_found", number=number)
    return case


def _station(session: Session, code: str) -> StationInfo:
    station = StationRepository(session).get(code)
    if station is None:
        raise NotFound.say("document.station_not_configured", station=code)
    return StationInfo(code=station.code, name_zh=station.name_zh, address=station.address, phone=station.phone,
                       branch_name=station.branch_name, name_en=station.name_en)


def _user_name(session: Session, user_id: int | None) -> str:
    user = UserRepository(session).get(user_id) if user_id is not None else None
    return user.display_name if user is not None else ""


def _actor_label(session: Session, actor: Actor | None, kiosk_code: str | None) -> str:
    if actor is None:
        return kiosk_code or "system"
    return audit.user_label(session, actor.user_id)


def _form_zh(form: str) -> str:
    try:
        return FORM_ZH[MaterialForm(form)]
    except ValueError:
        pass
    try:
        return MaterialVerify(form).label_zh  # checked by the police themselves (读卡核验 / 系统核验)
    except ValueError:
        return form


def _subject_zh(transaction: Transaction, values: Mapping[str, Any]) -> str:
    """Whom the case is about when it is not the applicant — "（当事人：张子涵）" from the catalog's
    `[roles] subject`, else "（新生儿姓名：张子涵）" from the form's first filled name field; empty when
    the form names nobody else."""
    subject = transaction.roles(values).subject
    if subject is not None:
        return f"（当事人：{subject.name}）"
    for spec in transaction.fields:
        value = values.get(spec.key)
        if spec.type is FieldType.TEXT and spec.key.endswith("name") and isinstance(value, str) and value.strip():
            return f"（{spec.label_zh}：{value.strip()}）"
    return ""


def _date_value(values: Mapping[str, Any], key: str) -> date | None:
    value = values.get(key)
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) and value else None
    except ValueError:
        return None


def _text_value(values: Mapping[str, Any], key: str) -> str:
    value = values.get(key)
    return value.strip() if isinstance(value, str) else ""


def _movers(transaction: Transaction, case: CaseView) -> tuple[MovePerson, ...]:
    """Everyone who moves, from the transaction's `movers` person fields (the applicant alone when it
    names none): name, sex and birth date from the ID number, relationship as typed."""
    people: list[MovePerson] = []
    applicant = case.applicant
    for index, key in enumerate(transaction.movers):
        if key == MOVER_APPLICANT:
            people.append(MovePerson(applicant.name, SEX_ZH.get(applicant.sex, applicant.sex),
                                     applicant.birth_date or date(1900, 1, 1), applicant.id_number, "本人"))
            continue
        value = case.form_values.get(key)
        if not isinstance(value, Mapping) or not value.get("name") or not value.get("id_number"):
            continue
        spec = transaction.field(key)
        if spec is not None and spec.when is not None and spec not in transaction.visible_fields(case.form_values):
            continue  # a companion field hidden again (fewer people move) is not on the paper
        number = normalise_id_text(str(value["id_number"]))
        relationship = str(value.get("relationship") or ("本人" if index == 0 else "随迁人员"))
        people.append(MovePerson(str(value["name"]).strip(), _sex_from_id(number),
                                 birth_date_from_id(number) or date(1900, 1, 1), number, relationship))
    if people:
        return tuple(people)
    return (MovePerson(applicant.name, SEX_ZH.get(applicant.sex, applicant.sex),
                       applicant.birth_date or date(1900, 1, 1), applicant.id_number, "本人"),)


def _sex_from_id(number: str) -> str:
    return ("男" if int(number[16]) % 2 else "女") if len(number) == 18 and number[16].isdigit() else ""


def _reason_zh(transaction: Transaction, values: Mapping[str, Any]) -> str:
    """The move's reason as the form chose it (迁移原因), not the transaction's name."""
    for key in ("move_reason", "move_category", "reason"):
        label = _option_label_zh(transaction, key, values.get(key))
        if label:
            return label
    return transaction.name_zh


def _approval_text(case: CaseView) -> str:
    """The level and limit fixed on the case when it was accepted (its tier), not the catalog's default."""
    level = {Approval.CLERK: "窗口当场办结", Approval.LEADER: "派出所审批", Approval.BRANCH: "分局审批",
             Approval.CITY: "市公安局审批"}[case.approval]
    if case.time_limit_days == 0:
        return level
    return f"{level}（{case.time_limit_days}个工作日）"


def _event_detail(case: CaseView, action: str, key: str) -> Any:
    for event in reversed(case.events):
        if event.action == action:
            return event.details.get(key)
    return None


def _last_missing(case: CaseView) -> list[dict[str, Any]]:
    """The materials listed by the last supplement request (the case has moved on since)."""
    for event in reversed(case.events):
        if event.action == "request_supplement":
            return list(event.details.get("missing", []))
    return []


def _event_time(case: CaseView, action: str) -> datetime | None:
    for event in reversed(case.events):
        if event.action == action:
            return event.at
    return None


def warm_up_printing() -> None:
    """Load the document fonts and render one sample receipt, so the first real paper is quick
    (called on a worker thread while the desk starts)."""
    try:
        from printing import samples

        receipt.build_pdf(samples.receipt())
    except Exception:  # a warm-up only; a real problem shows when a paper is printed
        return


def _certifiable(citizen: Citizen) -> bool:
    """A 户籍证明 states the household head, the relationship and the registration date: all known."""
    return bool(citizen.household_head and citizen.relationship_to_head and citizen.registered_on
                and citizen.birth_date)


def _option_label_zh(transaction: Transaction, key: str, value: object) -> str | None:
    """The Chinese label of an enum field's chosen value ("就业、社会保障" for "employment"), or None."""
    spec = transaction.field(key)
    if spec is None or not isinstance(value, str):
        return None
    return next((option.label_zh for option in spec.options if option.value == value), None)
