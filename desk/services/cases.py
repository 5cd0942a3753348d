"""Case use cases: open a draft, save it as typed, accept / ask once for supplements / not accept,
review, approve or deny, complete, withdraw. Each is one write transaction, audited.

Every command takes the `expected_version` the caller loaded; if someone else changed the case
meanwhile the command fails with ConcurrentChange and nothing is overwritten.

Each command also has an `*_in(session, ...)` form that works inside a transaction the caller opened:
the window decisions (`desk/services/decisions.py`) change the case and issue its paper in one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import Catalog, FieldProblem, RuleSpec, Transaction
from desk.domain.clock import Clock, local_date
from desk.domain.errors import ConcurrentChange, InvalidInput, NotFound
from desk.domain.messages import Bilingual, Said, Term
from desk.domain.refusals import RefusalRules
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, Actor, Approval, CaseFacts, CaseState, Transition, check
from desk.services import audit
from desk.services.case_views import CaseView, CitizenView, EventView, submitted_by
from desk.services.numbering import case_number, new_lookup_code, next_sequence
from desk.store.database import Store
from desk.store.models import Case, CaseEvent, MaterialReceived
from desk.store.repositories.case_writes import APPLICANT_PREFIX, CaseWrites
from desk.store.repositories.cases import CaseRepository
from desk.store.repositories.citizen_lookup import CitizenLookupRepository
from desk.store.repositories.users import UserRepository


class FormIncomplete(InvalidInput):
    """The form has errors; `problems` lists each field's problem (said one after the other)."""

    code = "form_incomplete"

    def __init__(self, problems: Sequence[FieldProblem]) -> None:
        self._speak("case.form_incomplete", {"count": len(problems),
                                             "problems": tuple(problem.said for problem in problems)})
        self.problems = list(problems)


class NotEligible(InvalidInput):
    """The rules the applicant fails, and those that cannot be decided yet (a value they need is
    unfilled): each rule's reason is catalog data, said in the reader's language."""

    code = "not_eligible"

    def __init__(self, failed: Sequence[RuleSpec], pending: Sequence[RuleSpec] = ()) -> None:
        reasons = tuple(Said("case.rule_failed", {"reason": rule.reason}) for rule in failed)
        reasons += tuple(Said("case.rule_pending", {"reason": rule.reason}) for rule in pending)
        self._speak("case.not_eligible", {"reasons": reasons})


class MaterialsMissing(InvalidInput):
    code = "materials_missing"

    def __init__(self, missing: list[dict[str, Any]]) -> None:
        names = tuple(Bilingual(m["name_zh"], m["name_en"]) for m in missing)
        self._speak("case.materials_missing", {"count": len(missing), "materials": names})
        self.missing = missing


@dataclass
class CaseService:
    store: Store
    catalog: Catalog
    calendar: WorkingCalendar
    clock: Clock
    station_code: str
    refusal_rules: RefusalRules | None = None  # resources/refusals.toml, read when first needed

    # ---- drafts -------------------------------------------------------------------------------

    def open_draft(
        self, actor: Actor, applicant_id_number: str, transaction_code: str,
        values: Mapping[str, Any] | None = None,
    ) -> CaseView:
        with self.store.write() as session:
            return self.open_draft_in(session, actor, applicant_id_number, transaction_code, values)

    def open_draft_in(
        self, session: Session, actor: Actor, applicant_id_number: str, transaction_code: str,
        values: Mapping[str, Any] | None = None, *, details: Mapping[str, Any] | None = None,
    ) -> CaseView:
        """`open_draft` inside a transaction the caller opened (a bundle opens its members in one, an
        online decision opens, accepts and completes in one). `details`: more for the audit entry and
        the opening event (an online application's number)."""
        transaction = self.catalog.for_new_case(self._transaction(transaction_code))  # not a retired item
        now = self.clock.now()
        # The actor, the chain's head and the applicant in one statement (#19: the draft is the city's
        # busiest write); a user or chain that path does not serve reads the applicant apart.
        head, applicant = audit.head_for_write(session, actor.user_id,
                                               CitizenLookupRepository.view_read(applicant_id_number))
        if head is None:
            applicant = CitizenLookupRepository(session).view_columns(applicant_id_number)
        if applicant is None:
            raise NotFound.say("citizen.read_card_first", id_number=applicant_id_number)
        sequence = next_sequence(session, self.station_code, local_date(now))
        draft = CaseView(
            id=0, number=case_number(self.station_code, local_date(now), sequence), lookup_code=new_lookup_code(),
            station_code=self.station_code, transaction_code=transaction.code, state=CaseState.DRAFT,
            approval=transaction.approval, time_limit_days=transaction.time_limit_days,
            applicant=CitizenView.of_columns(applicant), form_values=dict(values or {}), created_by=actor.user_id,
            created_at=now, accepted_by=None, accepted_at=None, due_date=None, decided_by=None, completed_at=None,
            completed_on=None, decision_reason=None, missing_materials=[], version=1,
        )
        opening = {"action": "open", "from_state": None, "to_state": CaseState.DRAFT.value,
                   "actor_id": actor.user_id, "at": now, "reason": None, "details": dict(details or {})}
        case_id = CaseWrites(session).new_case(_new_case_columns(draft, now), opening)
        entry = {"transaction": transaction.code, **(details or {})}
        if head is None:
            audit.append(session, at=now, actor=_actor_label(session, actor), action="case.opened",
                         entity_type="case", entity_id=draft.number, details=entry)
            actor_name = UserRepository(session).display_names([actor.user_id]).get(actor.user_id, "")
        else:
            audit.append_after_head(session, head, at=now, action="case.opened", entity_type="case",
                                    entity_id=draft.number, details=entry)
            actor_name = head.actor_name
        # Not read back (the caller knows every column it wrote), but as a read would give it.
        return replace(draft, id=case_id, events=[
            EventView(action="open", from_state=None, to_state=CaseState.DRAFT.value, actor_id=actor.user_id,
                      actor_name=actor_name, at=now, reason=None, details=dict(details or {}))]).as_read_back()

    def save_draft(self, actor: Actor, number: str, values: Mapping[str, Any], expected_version: int) -> CaseView:
        """Store the form as typed (drafts and supplement cases only); no validation, nothing lost."""
        with self.store.write() as session:
            return self.save_draft_in(session, actor, number, values, expected_version)

    def save_draft_in(self, session: Session, actor: Actor, number: str, values: Mapping[str, Any],
                      expected_version: int) -> CaseView:
        """The desk saves the form while the clerk types: the busiest write of a case's life (#19). The
        clerk, the chain's head, the case and its applicant in one statement; the form written only if
        the version is still the one read (else `ConcurrentChange`, as the ORM's version check says);
        the history and materials read for the view; the entry chained after the head read."""
        now = self.clock.now()
        head, row = audit.head_for_write(session, actor.user_id, CaseWrites.for_saving(number))
        writes = CaseWrites(session)
        if head is None:  # a user or chain that statement does not serve: the case read apart
            row = writes.case_for_saving(number)
        if row is None:
            raise NotFound.say("case.not_found", number=number)
        if row["version"] != expected_version:
            raise _conflict(number)
        if CaseState(row["state"]) not in (CaseState.DRAFT, CaseState.SUPPLEMENT_REQUESTED):
            raise InvalidInput.say("case.form_closed", number=number, state=Term(f"state.{row['state']}"))
        if not writes.save_form(row["id"], expected_version, values, now):
            raise _conflict(number)
        entry = {"fields": sorted(values)}
        if head is None:
            audit.append(session, at=now, actor=_actor_label(session, actor), action="case.draft_saved",
                         entity_type="case", entity_id=number, details=entry)
        else:
            audit.append_after_head(session, head, at=now, action="case.draft_saved", entity_type="case",
                                    entity_id=number, details=entry)
        applicant = {key.removeprefix(APPLICANT_PREFIX): value for key, value in row.items()
                     if key.startswith(APPLICANT_PREFIX)}
        saved = {**row, "form_values": dict(values), "version": expected_version + 1}
        return CaseView.of_rows(saved, applicant, writes.history(row["id"]), writes.materials(row["id"])
                                ).as_read_back()

    # ---- the decision at the window --------------------------------------------------------------

    def accept(
        self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
        values: Mapping[str, Any] | None = None,
    ) -> CaseView:
        """受理: the form is complete, the applicant eligible and every required material received."""
        with self.store.write() as session:
            return self.accept_in(session, actor, number, expected_version, received, values)

    def accept_in(
        self, session: Session, actor: Actor, number: str, expected_version: int, received: Iterable[str],
        values: Mapping[str, Any] | None = None, verified: Iterable[str] = (),
    ) -> CaseView:
        """`verified`: materials the police checked themselves (系统核验 / 读卡核验) — the catalog must
        allow it for each (`verify`); they count as present and are recorded as checked, not received."""
        desk = self._at_window(session, Action.ACCEPT, actor, number, expected_version, received, values,
                               verified)
        problems = desk.transaction.validate_values(desk.case.form_values, desk.facts, desk.today)
        if problems:
            raise FormIncomplete(problems)
        eligibility = desk.transaction.check_eligibility(desk.case.form_values, desk.facts, desk.today)
        if not eligibility.eligible:
            # A pending rule (its fields not filled) blocks acceptance too: say which.
            raise NotEligible(eligibility.failed, eligibility.pending)
        if desk.missing:
            raise MaterialsMissing(desk.missing)
        case = desk.case
        self._record_materials(session, case, desk.transaction, desk.received, actor, desk.verified)
        # The tier is fixed now, on the case: a later catalog change does not move an accepted case.
        tier = desk.transaction.resolve_tier(case.form_values, desk.facts, desk.today)
        case.approval, case.time_limit_days = str(tier.approval), tier.time_limit_days
        due = self.calendar.add_working_days(desk.today, tier.time_limit_days)
        case.accepted_by, case.accepted_at, case.accepted_on = actor.user_id, self.clock.now(), desk.today
        case.due_date = due.due_date
        case.missing_materials = []
        details: dict[str, Any] = {"due_date": due.due_date.isoformat(), "materials": sorted(desk.received),
                                   "tier": tier.key, "approval": str(tier.approval),
                                   "time_limit_days": tier.time_limit_days}
        if tier.label_zh:
            details["tier_zh"], details["tier_en"] = tier.label_zh, tier.label_en
        if due.warnings:
            details["calendar_warnings"] = [w.message_zh for w in due.warnings]
        return self._apply(session, case, desk.transition, actor, details)

    def request_supplement(
        self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
        values: Mapping[str, Any] | None = None,
    ) -> CaseView:
        """一次性告知: one notice listing every material still missing, never one at a time."""
        with self.store.write() as session:
            return self.request_supplement_in(session, actor, number, expected_version, received, values)

    def request_supplement_in(
        self, session: Session, actor: Actor, number: str, expected_version: int, received: Iterable[str],
        values: Mapping[str, Any] | None = None, verified: Iterable[str] = (),
    ) -> CaseView:
        desk = self._at_window(session, Action.REQUEST_SUPPLEMENT, actor, number, expected_version, received,
                               values, verified)
        if not desk.missing:
            raise InvalidInput.say("case.nothing_missing")
        self._record_materials(session, desk.case, desk.transaction, desk.received, actor, desk.verified)
        desk.case.missing_materials = desk.missing
        return self._apply(session, desk.case, desk.transition, actor, {"missing": desk.missing})

    def not_accept(self, actor: Actor, number: str, expected_version: int, reason: str,
                   ground: str | None = None) -> CaseView:
        """不予受理. `ground`: a procedural ground's key (resources/refusals.toml) — what the notice cites;
        `reason` says what happened in this case."""
        with self.store.write() as session:
            return self.act_in(session, actor, number, expected_version, Action.NOT_ACCEPT, reason, ground=ground)

    # ---- after acceptance -----------------------------------------------------------------------

    def submit_for_review(self, actor: Actor, number: str, expected_version: int) -> CaseView:
        return self._simple(actor, number, expected_version, Action.SUBMIT_FOR_REVIEW, None)

    def approve(self, actor: Actor, number: str, expected_version: int, reason: str | None = None) -> CaseView:
        return self._simple(actor, number, expected_version, Action.APPROVE, reason)

    def deny(self, actor: Actor, number: str, expected_version: int, reason: str) -> CaseView:
        return self._simple(actor, number, expected_version, Action.DENY, reason)

    def complete(self, actor: Actor, number: str, expected_version: int) -> CaseView:
        return self._simple(actor, number, expected_version, Action.COMPLETE, None)

    def withdraw(self, actor: Actor, number: str, expected_version: int, reason: str) -> CaseView:
        return self._simple(actor, number, expected_version, Action.WITHDRAW, reason)

    # ---- helpers --------------------------------------------------------------------------------

    def _at_window(self, session: Session, action: Action, actor: Actor, number: str, expected_version: int,
                   received: Iterable[str], values: Mapping[str, Any] | None,
                   verified: Iterable[str] = ()) -> _WindowDecision:
        """What accept and request_supplement both need: the case, the form, and what is still missing."""
        case = self._load(session, number, expected_version)
        transition = self._check(case, action, actor)
        if values is not None:
            case.form_values = dict(values)
        transaction = self._transaction(case.transaction_code)
        facts, today = self._applicant_facts(case), local_date(self.clock.now())
        # Materials handed in at an earlier visit (before a supplement notice) still count.
        checked = set(verified)
        received_keys = (set(received) - checked) | {m.material_key for m in case.materials}
        missing = self._missing(transaction, case.form_values, facts, today, received_keys | checked)
        return _WindowDecision(case, transition, transaction, facts, today, received_keys, missing, checked)

    def _simple(self, actor: Actor, number: str, expected_version: int, action: Action,
                reason: str | None) -> CaseView:
        with self.store.write() as session:
            return self.act_in(session, actor, number, expected_version, action, reason)

    def act_in(self, session: Session, actor: Actor, number: str, expected_version: int, action: Action,
               reason: str | None = None, *, ground: str | None = None) -> CaseView:
        """A transition that needs nothing but the actor and, for some, a reason (not accept, submit,
        approve, deny, complete, withdraw); not accepting may name its procedural ground."""
        if action in (Action.ACCEPT, Action.REQUEST_SUPPLEMENT):
            raise InvalidInput.say("case.needs_form")
        details: dict[str, Any] = {}
        if ground is not None:
            if action is not Action.NOT_ACCEPT:
                raise InvalidInput.say("case.ground_only_for_not_accept")
            known = self._refusals().ground(ground)
            if known is None:
                choices = "、".join(g.key for g in self._refusals().grounds)
                raise InvalidInput.say("case.unknown_ground", ground=ground, choices=choices)
            details["ground"] = known.key
            reason = (reason or "").strip() or known.text_zh
        case = self._load(session, number, expected_version)
        transition = self._check(case, action, actor, reason)
        return self._apply(session, case, transition, actor, details)

    def _refusals(self) -> RefusalRules:
        if self.refusal_rules is None:
            from desk.shipped import shipped_refusal_rules  # a service built without the composition root's

            self.refusal_rules = shipped_refusal_rules()
        return self.refusal_rules

    def _apply(self, session: Session, case: Case, transition: Transition, actor: Actor,
               details: dict[str, Any]) -> CaseView:
        now = self.clock.now()
        case.state = transition.target.value
        case.updated_at = now
        if transition.action in (Action.APPROVE, Action.DENY):
            case.decided_by, case.decided_at = actor.user_id, now
        if transition.reason and transition.action in (Action.NOT_ACCEPT, Action.DENY, Action.WITHDRAW):
            case.decision_reason = transition.reason
        if transition.target is CaseState.COMPLETED:
            case.completed_at, case.completed_on = now, local_date(now)
        CaseRepository(session).add_event(CaseEvent(
            case_id=case.id, action=transition.action.value, from_state=transition.source.value,
            to_state=transition.target.value, actor_id=actor.user_id, at=now, reason=transition.reason,
            details=details,
        ))
        self._flush(session, case.number)
        audit_details = {"from": transition.source.value, "to": transition.target.value, **details}
        if transition.reason:
            audit_details["reason"] = transition.reason
        self._audit(session, actor, f"case.{transition.action.value}", case, audit_details)
        return self._view(session, case)

    def _check(self, case: Case, action: Action, actor: Actor, reason: str | None = None) -> Transition:
        facts = CaseFacts(CaseState(case.state), Approval(case.approval), case.accepted_by,
                          submitted_by(case.events))
        return check(facts, action, actor, reason)

    def _load(self, session: Session, number: str, expected_version: int) -> Case:
        case = CaseRepository(session).by_number(number)
        if case is None:
            raise NotFound.say("case.not_found", number=number)
        if case.version != expected_version:
            raise _conflict(number)
        return case

    def _flush(self, session: Session, number: str) -> None:
        try:
            session.flush()
        except StaleDataError as exc:
            raise _conflict(number) from exc

    def _transaction(self, code: str) -> Transaction:
        transaction = self.catalog.get(code)
        if transaction is None:
            raise NotFound.say("catalog.unknown_transaction", transaction=code)
        return transaction

    def _applicant_facts(self, case: Case) -> ApplicantFacts:
        citizen = case.applicant
        base = ApplicantFacts.from_id_number(citizen.id_number, nation=citizen.nation or None)
        if citizen.birth_date is not None or citizen.sex:
            return ApplicantFacts(
                birth_date=citizen.birth_date or base.birth_date,
                sex=citizen.sex or base.sex,
                nation=citizen.nation or None,
                region=base.region,
            )
        return base

    def _missing(self, transaction: Transaction, values: Mapping[str, Any], facts: ApplicantFacts,
                 today: date, received: set[str]) -> list[dict[str, Any]]:
        required = transaction.required_materials(values, facts, today)
        return [
            {"key": m.key, "name_zh": m.name_zh, "name_en": m.name_en, "form": str(m.form),
             "copies": m.copies, "why_zh": m.why_zh, "why_en": m.why_en}
            for m in required
            if m.key not in received
        ]

    def _record_materials(self, session: Session, case: Case, transaction: Transaction,
                          received: set[str], actor: Actor, verified: set[str] | None = None) -> None:
        known = {m.key: m for m in transaction.materials}
        checked = verified or set()
        unknown = sorted((received | checked) - known.keys())
        if unknown:
            raise InvalidInput.say("case.unknown_materials", transaction=transaction.bilingual_name,
                                   materials="、".join(unknown))
        not_checkable = sorted(key for key in checked if known[key].verify is None)
        if not_checkable:
            names = tuple(known[key].bilingual_name for key in not_checkable)
            raise InvalidInput.say("case.not_checkable", materials=names)
        already = {m.material_key for m in case.materials}
        now = self.clock.now()
        for key in sorted((received | checked) - already):
            spec = known[key]
            # A checked material is recorded with how it was checked (card / system) as its form.
            form = str(spec.verify) if key in checked and spec.verify is not None else str(spec.form)
            case.materials.append(MaterialReceived(
                material_key=key, name_zh=spec.name_zh, form=form, copies=spec.copies,
                received_at=now, received_by=actor.user_id,
            ))

    def _audit(self, session: Session, actor: Actor, action: str, case: Case, details: dict[str, Any]) -> None:
        audit.append(session, at=self.clock.now(), actor=_actor_label(session, actor), action=action,
                     entity_type="case", entity_id=case.number, details=details)

    def _view(self, session: Session, case: Case) -> CaseView:
        session.flush()
        session.refresh(case)
        return CaseView.of(case, user_names(session, case))

    def _view_as_written(self, session: Session, case: Case) -> CaseView:
        """The view of a case this transaction wrote through the ORM alone (a draft opened or saved):
        its columns are what was stored, so it is not read back — `_view`'s refresh re-read the case
        and its applicant, then its history and materials: three of a draft's eleven statements. What a
        read would change is applied: times in UTC, the JSON values as the store gives them back."""
        session.flush()
        view = CaseView.of(case, user_names(session, case)).as_read_back()
        # A caller going on in the same transaction (an online decision accepts and completes the draft)
        # adds events and materials as rows: its next look at the collections reads them, as after a refresh.
        session.expire(case, ["events", "materials"])
        return view


@dataclass(frozen=True)
class _WindowDecision:
    case: Case
    transition: Transition
    transaction: Transaction
    facts: ApplicantFacts
    today: date
    received: set[str]
    missing: list[dict[str, Any]]
    verified: set[str] = field(default_factory=set)


def _new_case_columns(draft: CaseView, now: datetime) -> dict[str, Any]:
    """The `cases` row of a draft just opened (`CaseWrites.new_case`)."""
    return {
        "number": draft.number, "lookup_code": draft.lookup_code, "station_code": draft.station_code,
        "transaction_code": draft.transaction_code, "state": draft.state.value, "applicant_id": draft.applicant.id,
        "form_values": draft.form_values, "approval": draft.approval.value, "time_limit_days": draft.time_limit_days,
        "created_by": draft.created_by, "created_at": now, "updated_at": now, "accepted_by": None,
        "accepted_at": None, "accepted_on": None, "due_date": None, "decided_by": None, "decided_at": None,
        "completed_at": None, "completed_on": None, "decision_reason": None, "missing_materials": [], "version": 1,
    }


def _conflict(number: str) -> ConcurrentChange:
    return ConcurrentChange.say("case.conflict", number=number)


def _actor_label(session: Session, actor: Actor) -> str:
    return audit.user_label(session, actor.user_id)


def user_names(session: Session, *cases: Case) -> dict[int, str]:
    """Display names of the users who acted on `cases` (every user when none is given): a case's view
    reads the few names its history shows, not every user of the city."""
    if not cases:
        return UserRepository(session).display_names()
    actors = {event.actor_id for case in cases for event in case.events if event.actor_id is not None}
    if not actors:
        return {}
    return UserRepository(session).display_names(actors)
