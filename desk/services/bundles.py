"""“一件事” bundles at the window: start one (its member cases opened in one transaction, linked by
a bundle number), accept it (every member accepted — and a window-level one completed on the spot,
a leader-level one sent for approval — with ONE receipt that lists every member case and the list
of follow-ups at other agencies), and track each follow-up to done or referred.

Each call is one transaction and audited; the papers are recorded in `documents_issued` like every
other paper (kinds `bundle_receipt`, `referral_list`; a reprint keeps the first serial).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from desk.domain.bundles import Bundle, Bundles
from desk.domain.catalog import Catalog
from desk.domain.clock import Clock, local_date, local_datetime
from desk.domain.errors import DeskError, InvalidInput, NotFound
from desk.domain.messages import Bilingual
from desk.domain.workflow import Action, Actor, Approval, CaseState
from desk.services import audit
from desk.services.case_views import CaseView
from desk.services.cases import CaseService, user_names
from desk.services.documents import SIGNED_KINDS, DocumentService, IssuedPaper
from desk.services.numbering import next_sequence
from desk.store.database import Store
from desk.store.models import BundleCase, BundleFollowUp, BundleRecord, DocumentIssued
from desk.store.repositories.bundles import BundleRepository
from desk.store.repositories.users import UserRepository
from printing.bundle_models import BundleMemberLine, BundleReceiptData, ReferralLine, ReferralListData
from printing.documents import bundle_receipt, referral_list
from printing.documents.common import Paper

FOLLOW_UP_STATES = ("open", "referred", "done")
FOLLOW_UP_STATE_ZH = {"open": "待办", "referred": "已转介", "done": "已办结"}
# kind → (serial prefix, title). The receipt's prefix is not the bundles' own "YJ": sharing that day's
# counter numbered the day's first bundle HP01-YJ…-001 and its receipt …YJ…0002.
BUNDLE_PAPERS: dict[str, tuple[str, str]] = {
    "bundle_receipt": ("YH", "“一件事”受理回执"),
    "referral_list": ("ZJ", "后续事项告知单"),
}
_FINISHED = frozenset({CaseState.COMPLETED, CaseState.NOT_ACCEPTED, CaseState.DENIED, CaseState.WITHDRAWN})


@dataclass(frozen=True)
class FollowUpView:
    key: str
    name_zh: str
    agency_zh: str
    how_zh: str
    state: str  # open / referred / done
    note: str
    updated_at: datetime | None

    @property
    def state_zh(self) -> str:
        return FOLLOW_UP_STATE_ZH.get(self.state, self.state)


@dataclass(frozen=True)
class BundleView:
    number: str
    code: str
    name_zh: str
    name_en: str
    applicant_name: str
    applicant_id_number: str
    shared_values: dict[str, Any]
    members: tuple[CaseView, ...]
    follow_ups: tuple[FollowUpView, ...]
    created_at: datetime
    # The papers the bundle hands over and offers to reprint: its receipt and referral list, and a
    # member's signed certificate once that member is completed (身后一件事's 注销户口证明).
    papers: tuple[str, ...] = ("bundle_receipt", "referral_list")

    @property
    def finished(self) -> bool:
        return all(m.state in _FINISHED for m in self.members)

    @property
    def open_follow_ups(self) -> tuple[FollowUpView, ...]:
        return tuple(f for f in self.follow_ups if f.state == "open")

    def to_json_dict(self) -> dict[str, Any]:
        return {
            "number": self.number, "bundle": self.code, "name_zh": self.name_zh, "applicant": self.applicant_name,
            "members": [{"case_number": m.number, "transaction": m.transaction_code, "state": m.state.value}
                        for m in self.members],
            "follow_ups": [{"key": f.key, "name_zh": f.name_zh, "agency_zh": f.agency_zh, "state": f.state,
                            "note": f.note} for f in self.follow_ups],
        }


@dataclass(frozen=True)
class BundleDecided:
    bundle: BundleView
    papers: tuple[IssuedPaper, ...]


@dataclass
class BundleService:
    store: Store
    catalog: Catalog
    bundles: Bundles
    cases: CaseService
    documents: DocumentService
    clock: Clock
    station_code: str

    def bundle(self, code: str) -> Bundle:
        bundle = self.bundles.get(code)
        if bundle is None:
            raise NotFound.say("bundle.unknown", bundle=code)
        return bundle

    # ---- start and accept ----------------------------------------------------------------------

    def start(self, actor: Actor, applicant_id_number: str, bundle_code: str, shared_values: Mapping[str, Any],
              own_values: Mapping[str, Mapping[str, Any]] | None = None, *,
              include: Iterable[str] = ()) -> BundleView:
        """Open every member case (and the optional ones named in `include`) as drafts, in order, in one
        transaction; each gets the shared values in the fields they fill."""
        with self.store.write() as session:
            record = self._start_in(session, actor, applicant_id_number, bundle_code, shared_values, own_values,
                                    include)
            return self._view(session, record)

    def start_and_accept(self, actor: Actor, applicant_id_number: str, bundle_code: str,
                         shared_values: Mapping[str, Any], own_values: Mapping[str, Mapping[str, Any]],
                         received: Mapping[str, Iterable[str]], *, include: Iterable[str] = (),
                         verified: Mapping[str, Iterable[str]] | None = None,
                         complete_on_the_spot: bool = True) -> BundleDecided:
        """The desk's one decision for a bundle filled in one form: start it and accept every member in
        ONE transaction — either every member case exists, accepted, with the receipt, or nothing does."""
        with self.store.write() as session:
            record = self._start_in(session, actor, applicant_id_number, bundle_code, shared_values, own_values,
                                    include)
            return self._accept_in(session, actor, record, received, verified or {}, own_values, None,
                                   complete_on_the_spot)

    def _start_in(self, session: Session, actor: Actor, applicant_id_number: str, bundle_code: str,
                  shared_values: Mapping[str, Any], own_values: Mapping[str, Mapping[str, Any]] | None,
                  include: Iterable[str]) -> BundleRecord:
        bundle = self.bundle(bundle_code)
        chosen = set(include)
        unknown = chosen - set(bundle.member_codes)
        if unknown:
            raise InvalidInput.say("bundle.unknown_members", bundle=Bilingual(bundle.name_zh, bundle.name_en),
                                   members="、".join(sorted(unknown)))
        own = own_values or {}
        now = self.clock.now()
        bundles = BundleRepository(session)
        citizen = bundles.applicant(applicant_id_number)
        if citizen is None:
            raise NotFound.say("citizen.read_card_first", id_number=applicant_id_number)
        sequence = next_sequence(session, self.station_code, local_date(now), kind="YJ")
        record = BundleRecord(
            number=f"{self.station_code}-YJ{local_date(now):%Y%m%d}-{sequence:03d}", bundle_code=bundle.code,
            station_code=self.station_code, applicant_id=citizen.id, shared_values=dict(shared_values),
            created_by=actor.user_id, created_at=now,
        )
        bundles.add(record)
        members = [m for m in bundle.members if not m.optional or m.transaction_code in chosen]
        for position, member in enumerate(members):
            code = member.transaction_code
            values = bundle.member_values(code, shared_values, own.get(code))
            case = self.cases.open_draft_in(session, actor, applicant_id_number, code, values)
            bundles.add_member(BundleCase(bundle_id=record.id, case_id=case.id, position=position))
        for referral in bundle.follow_ups:
            bundles.add_follow_up(BundleFollowUp(bundle_id=record.id, key=referral.key, name_zh=referral.name_zh,
                                                 agency_zh=referral.agency_zh, how_zh=referral.how_zh, state="open",
                                                 note=""))
        session.flush()
        self._audit(session, actor, "bundle.started", record.number,
                    {"bundle": bundle.code, "cases": [m.transaction_code for m in members]})
        session.refresh(record)
        return record

    def accept_and_issue(self, actor: Actor, number: str, received: Mapping[str, Iterable[str]], *,
                         verified: Mapping[str, Iterable[str]] | None = None,
                         own_values: Mapping[str, Mapping[str, Any]] | None = None,
                         shared_values: Mapping[str, Any] | None = None,
                         complete_on_the_spot: bool = True) -> BundleDecided:
        """受理 every member still a draft, in one transaction: a window-level member is completed on the
        spot when `complete_on_the_spot`, a leader- or branch-level one goes to the approvers. One receipt
        lists every member case; the referral list goes with it. A member that cannot be accepted
        (form, eligibility, materials) stops the whole bundle, and the error names it."""
        with self.store.write() as session:
            return self._accept_in(session, actor, self._record(session, number), received, verified or {},
                                   own_values, shared_values, complete_on_the_spot)

    def _accept_in(self, session: Session, actor: Actor, record: BundleRecord, received: Mapping[str, Iterable[str]],
                   checked: Mapping[str, Iterable[str]], own_values: Mapping[str, Mapping[str, Any]] | None,
                   shared_values: Mapping[str, Any] | None, complete_on_the_spot: bool) -> BundleDecided:
        bundle = self.bundle(record.bundle_code)
        if shared_values is not None:
            record.shared_values = dict(shared_values)
        shared = dict(record.shared_values)
        completed: list[str] = []
        for link in record.members:
            case = link.case
            if CaseState(case.state) is not CaseState.DRAFT:
                continue
            code = case.transaction_code
            values = (bundle.member_values(code, shared, own_values[code]) if own_values and code in own_values
                      else bundle.member_values(code, shared, case.form_values))
            try:
                view = self.cases.accept_in(session, actor, case.number, case.version, received.get(code, ()),
                                            values, checked.get(code, ()))
                if view.approval in (Approval.LEADER, Approval.BRANCH):
                    self.cases.act_in(session, actor, view.number, view.version, Action.SUBMIT_FOR_REVIEW)
                elif complete_on_the_spot:
                    self.cases.act_in(session, actor, view.number, view.version, Action.COMPLETE)
                    completed.append(view.number)
            except DeskError as exc:
                name = self.catalog[code].name_zh
                # Wraps another error's finished texts (in both languages), so it keeps the two-text form.
                raise InvalidInput(f"“{name}”（{case.number}）：{exc.message_zh}",
                                   f"{code} ({case.number}): {exc.message_en}") from exc
        session.flush()
        self._audit(session, actor, "bundle.accepted", record.number, {"bundle": bundle.code})
        papers = (self._paper_in(session, "bundle_receipt", record, actor),
                  self._paper_in(session, "referral_list", record, actor))
        bundle_view = self._view(session, record)
        # A member completed on the spot that hands over a signed certificate (the 注销户口证明 of
        # 身后一件事): issued now, with the bundle's papers, as the member's own decision would.
        certificates = tuple(self.documents.case_document_in(session, kind, member.number, actor=actor)
                             for member in bundle_view.members if member.number in completed
                             for kind in self.documents.documents_for(member) if kind in SIGNED_KINDS)
        return BundleDecided(bundle_view, papers + certificates)

    # ---- follow-ups ----------------------------------------------------------------------------

    def set_follow_up(self, actor: Actor, number: str, key: str, state: str, note: str = "") -> BundleView:
        """Record a follow-up as referred (the agency was sent the facts), done, or open again."""
        if state not in FOLLOW_UP_STATES:
            raise InvalidInput.say("bundle.follow_up_states", states="/".join(FOLLOW_UP_STATES))
        with self.store.write() as session:
            record = self._record(session, number)
            item = next((f for f in record.follow_ups if f.key == key), None)
            if item is None:
                raise NotFound.say("bundle.no_follow_up", number=number, item=key)
            before = item.state
            item.state, item.note = state, note.strip()
            item.updated_at, item.updated_by = self.clock.now(), actor.user_id
            session.flush()
            self._audit(session, actor, "bundle.follow_up", number, {"key": key, "from": before, "to": state})
            return self._view(session, record)

    # ---- reading -------------------------------------------------------------------------------

    def get(self, number: str) -> BundleView:
        with self.store.read() as session:
            return self._view(session, self._record(session, number))

    def for_case(self, case_number: str) -> BundleView | None:
        """The bundle a case belongs to, if any."""
        with self.store.read() as session:
            record = BundleRepository(session).of_case(case_number)
            return self._view(session, record) if record is not None else None

    def for_citizen(self, id_number: str, limit: int = 20) -> list[BundleView]:
        """A citizen's bundles, newest first (the kiosk's 我的办件 shows each as one item)."""
        with self.store.read() as session:
            records = BundleRepository(session).of_citizen(id_number, limit)
            return [self._view(session, r) for r in records]

    def with_open_follow_ups(self, limit: int = 100) -> list[BundleView]:
        """This station's bundles with follow-ups not yet referred or done, oldest first (Today)."""
        with self.store.read() as session:
            records = BundleRepository(session).with_open_follow_ups(self.station_code, limit)
            return [self._view(session, r) for r in records]

    def paper(self, kind: str, number: str, *, actor: Actor | None = None) -> IssuedPaper:
        """Issue or reprint (same serial) a bundle paper: `bundle_receipt`, `referral_list`, or a completed
        member's signed certificate (one of the view's `papers`)."""
        with self.store.write() as session:
            record = self._record(session, number)
            if kind in SIGNED_KINDS:
                member = next((m for m in self._view(session, record).members
                               if kind in self.documents.documents_for(m)), None)
                if member is None:
                    raise InvalidInput.say("bundle.unknown_paper", kind=kind)
                return self.documents.case_document_in(session, kind, member.number, actor=actor)
            return self._paper_in(session, kind, record, actor)

    # ---- helpers -------------------------------------------------------------------------------

    def _record(self, session: Session, number: str) -> BundleRecord:
        record = BundleRepository(session).by_number(number)
        if record is None:
            raise NotFound.say("bundle.not_found", number=number)
        return record

    def _view(self, session: Session, record: BundleRecord) -> BundleView:
        session.flush()
        session.refresh(record)
        bundle = self.bundles.get(record.bundle_code)
        names = user_names(session)
        members = tuple(CaseView.of(link.case, names) for link in record.members)
        follow_ups = tuple(FollowUpView(f.key, f.name_zh, f.agency_zh, f.how_zh, f.state, f.note, f.updated_at)
                           for f in record.follow_ups)
        certificates = tuple(kind for member in members if member.state is CaseState.COMPLETED
                             for kind in self.documents.documents_for(member) if kind in SIGNED_KINDS)
        return BundleView(record.number, record.bundle_code, bundle.name_zh if bundle else record.bundle_code,
                          bundle.name_en if bundle else record.bundle_code, record.applicant.name,
                          record.applicant.id_number, dict(record.shared_values), members, follow_ups,
                          record.created_at, ("bundle_receipt", "referral_list", *certificates))

    def _paper_in(self, session: Session, kind: str, record: BundleRecord, actor: Actor | None) -> IssuedPaper:
        if kind not in BUNDLE_PAPERS:
            raise InvalidInput.say("bundle.unknown_paper", kind=kind)
        view = self._view(session, record)
        if kind == "bundle_receipt" and not any(m.accepted_at for m in view.members):
            raise InvalidInput.say("bundle.not_accepted", number=record.number)
        first_case_id = record.members[0].case_id
        row = BundleRepository(session).paper(first_case_id, kind)
        label = _actor_label(session, actor)
        if row is None:
            now = self.clock.now()
            prefix, _title = BUNDLE_PAPERS[kind]
            sequence = next_sequence(session, self.station_code, local_date(now), kind=prefix)
            row = DocumentIssued(serial=f"{self.station_code}{prefix}{local_date(now):%Y%m%d}{sequence:04d}",
                                 kind=kind, case_id=first_case_id, citizen_id=record.applicant_id,
                                 station_code=self.station_code, issued_at=now,
                                 issued_by=actor.user_id if actor else None, details={"bundle": record.number})
            BundleRepository(session).add_paper(row)
            audit.append(session, at=now, actor=label, action="document.issued", entity_type="document",
                         entity_id=row.serial, details={"kind": kind, "bundle": record.number})
        else:
            audit.append(session, at=self.clock.now(), actor=label, action="document.reprinted",
                         entity_type="document", entity_id=row.serial, details={"kind": kind})
        station = self.documents.station_info()
        issued_at = local_datetime(row.issued_at)
        subject = self._subject_zh(view)
        if kind == "bundle_receipt":
            clerk = _user_name(session, next((m.accepted_by for m in view.members if m.accepted_by), None))
            data = BundleReceiptData(
                station=station, serial=row.serial, bundle_number=view.number, bundle_name_zh=view.name_zh,
                applicant_name=view.applicant_name, applicant_id_number=view.applicant_id_number,
                subject_zh=subject, members=tuple(self._member_line(m) for m in view.members),
                follow_up_count=len(view.follow_ups), accepted_at=issued_at, clerk_name=clerk)
            pdf = bundle_receipt.build_pdf(data)
        else:
            lines = tuple(ReferralLine(f.name_zh, f.agency_zh, f.how_zh, f.state_zh) for f in view.follow_ups)
            pdf = referral_list.build_pdf(ReferralListData(
                station=station, serial=row.serial, bundle_number=view.number, bundle_name_zh=view.name_zh,
                applicant_name=view.applicant_name, subject_zh=subject, lines=lines, issued_at=issued_at))
        return IssuedPaper(kind, row.serial, BUNDLE_PAPERS[kind][1], pdf, Paper.A4)

    def _member_line(self, case: CaseView) -> BundleMemberLine:
        transaction = self.catalog.get(case.transaction_code)
        name = transaction.name_zh if transaction else case.transaction_code
        materials = "、".join(m.name_zh for m in case.materials)
        promised = case.due_date if case.state is not CaseState.COMPLETED else case.completed_on
        return BundleMemberLine(case.number, name, case.state.label_zh, promised, materials)

    def _subject_zh(self, view: BundleView) -> str:
        """Whom the bundle is about, from its first shared value: a name (新生儿姓名：张子涵) or a person."""
        bundle = self.bundles.get(view.code)
        for shared in bundle.shared if bundle else ():
            value = view.shared_values.get(shared.key)
            if isinstance(value, dict) and value.get("name"):
                return f"{shared.spec.label_zh}：{value['name']}"
            if isinstance(value, str) and value.strip() and shared.key.endswith("name"):
                return f"{shared.spec.label_zh}：{value.strip()}"
        return ""

    def _audit(self, session: Session, actor: Actor, action: str, number: str, details: dict[str, Any]) -> None:
        audit.append(session, at=self.clock.now(), actor=_actor_label(session, actor), action=action,
                     entity_type="bundle", entity_id=number, details=details)


def _actor_label(session: Session, actor: Actor | None) -> str:
    if actor is None:
        return "system"
    user = UserRepository(session).get(actor.user_id)
    return user.username if user is not None else f"user#{actor.user_id}"


def _user_name(session: Session, user_id: int | None) -> str:
    user = UserRepository(session).get(user_id) if user_id is not None else None
    return user.display_name if user is not None else ""
