"""Window decisions: the clerk's and the leader's decisions on a case, each one use case and one
transaction that changes the case and issues the papers that go with it.

This is the table of which paper follows which action (`PAPERS_AFTER`); the screens call one method
and print what it returns, and in city mode the server's API is these same calls. A decision that
fails leaves nothing behind: neither the state change nor a serial number for a paper never printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from desk.domain.errors import InvalidInput
from desk.domain.messages import Term
from desk.domain.workflow import Action, Actor, Approval
from desk.services.case_views import CaseView
from desk.services.cases import CaseService
from desk.services.documents import DocumentService, IssuedPaper
from desk.services.users import UserService
from desk.store.database import Store
from printing.documents.common import Paper

# The papers a decision issues, in printing order; a kind the case cannot have (documents_for) is
# skipped — a completed case issues a move-in permit only when its transaction grants one.
PAPERS_AFTER: Mapping[Action, tuple[str, ...]] = {
    Action.ACCEPT: ("receipt",),
    Action.REQUEST_SUPPLEMENT: ("supplement_notice",),
    Action.NOT_ACCEPT: ("not_accepted_notice",),
    Action.DENY: ("denial_decision",),
    Action.COMPLETE: ("completion_notice", "household_certificate", "deregistration_certificate", "move_in_permit",
                      "migration_certificate", "chain_notice"),
}
# Decisions taken after acceptance from the case view; a leader's approval or denial asks for the
# password again.
LATER_ACTIONS = frozenset({Action.SUBMIT_FOR_REVIEW, Action.APPROVE, Action.DENY, Action.COMPLETE,
                           Action.WITHDRAW})
NEEDS_PASSWORD = frozenset({Action.APPROVE, Action.DENY})
NEEDS_REASON = frozenset({Action.NOT_ACCEPT, Action.DENY, Action.WITHDRAW})


@dataclass(frozen=True)
class Decided:
    """A decision taken: the case as it now stands and the papers issued for it (to print)."""

    case: CaseView
    papers: tuple[IssuedPaper, ...]


@dataclass
class DecisionService:
    store: Store
    cases: CaseService
    documents: DocumentService
    users: UserService

    def accept_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                         values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                         verified: Iterable[str] = ()) -> Decided:
        """受理 and its receipt."""
        with self.store.write() as session:
            case = self.cases.accept_in(session, actor, number, expected_version, received, values, verified)
            return self._issue(session, actor, Action.ACCEPT, case, paper)

    def accept_and_route(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                         values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                         verified: Iterable[str] = ()) -> Decided:
        """受理 and, in the same transaction, send the case where it goes next: a leader- or
        branch-level case to the approvers' queue (提交审核), so it never waits unseen at 已受理.
        A window-level case stays accepted (the clerk completes it, or uses `accept_and_complete`).
        The receipt is issued either way."""
        with self.store.write() as session:
            case = self.cases.accept_in(session, actor, number, expected_version, received, values, verified)
            accepted = self._issue(session, actor, Action.ACCEPT, case, paper)
            if not case.approval.needs_review:
                return accepted
            submitted = self.cases.act_in(session, actor, number, case.version, Action.SUBMIT_FOR_REVIEW)
            return Decided(submitted, accepted.papers)

    def accept_and_complete(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                            values: Mapping[str, Any] | None = None, *, paper: Paper | None = None,
                            verified: Iterable[str] = ()) -> Decided:
        """受理并办结: an on-the-spot (window-level) item accepted and completed in one transaction,
        with one paper for the citizen — the completion notice (and a move-in permit where the
        transaction grants one), not a receipt that tells them to come back."""
        with self.store.write() as session:
            return self.accept_and_complete_in(session, actor, number, expected_version, received, values,
                                               paper=paper, verified=verified)

    def accept_and_complete_in(self, session: Session, actor: Actor, number: str, expected_version: int,
                               received: Iterable[str], values: Mapping[str, Any] | None = None, *,
                               paper: Paper | None = None, verified: Iterable[str] = ()) -> Decided:
        """`accept_and_complete` inside the caller's transaction (an online decision opens the case in it)."""
        case = self.cases.accept_in(session, actor, number, expected_version, received, values, verified)
        if case.approval is not Approval.CLERK:
            raise InvalidInput.say("case.needs_approval")
        done = self.cases.act_in(session, actor, number, case.version, Action.COMPLETE)
        return self._issue(session, actor, Action.COMPLETE, done, paper)

    def supplement_and_issue(self, actor: Actor, number: str, expected_version: int, received: Iterable[str],
                             values: Mapping[str, Any] | None = None, *, verified: Iterable[str] = ()) -> Decided:
        """一次性告知: every missing material on one notice."""
        with self.store.write() as session:
            case = self.cases.request_supplement_in(session, actor, number, expected_version, received, values,
                                                    verified)
            return self._issue(session, actor, Action.REQUEST_SUPPLEMENT, case, None)

    def refuse_and_issue(self, actor: Actor, number: str, expected_version: int, reason: str,
                         values: Mapping[str, Any] | None = None, *, ground: str | None = None) -> Decided:
        """不予受理 with its notice; the form as typed is kept with the case (what was asked for).
        `ground`: the procedural ground's key (resources/refusals.toml) the notice cites."""
        with self.store.write() as session:
            if values is not None:
                expected_version = self.cases.save_draft_in(session, actor, number, values, expected_version).version
            case = self.cases.act_in(session, actor, number, expected_version, Action.NOT_ACCEPT, reason,
                                     ground=ground)
            return self._issue(session, actor, Action.NOT_ACCEPT, case, None)

    def act_and_issue(self, actor: Actor, number: str, expected_version: int, action: Action, *,
                      reason: str | None = None, password: str | None = None) -> Decided:
        """A decision after acceptance (submit, approve, deny, complete, withdraw) and its papers.

        Approving or denying needs the leader's password again; a wrong one changes nothing. The
        approver's opinion (审批意见) is `reason`: kept with the decision's history entry and audited.
        """
        if action not in LATER_ACTIONS:
            raise InvalidInput.say("case.not_decided_here", action=Term(f"action.{action.value}"))
        if action in NEEDS_PASSWORD:
            if password is None:
                raise InvalidInput.say("case.password_needed")
            self.users.confirm_password(actor, password)
        with self.store.write() as session:
            case = self.cases.act_in(session, actor, number, expected_version, action, reason)
            return self._issue(session, actor, action, case, None)

    def _issue(self, session: Session, actor: Actor, action: Action, case: CaseView,
               paper: Paper | None) -> Decided:
        if action is Action.ACCEPT:
            self.documents.check_reissue_in(session, case)  # a 补发's original, checked before it is accepted
        possible = self.documents.documents_for(case)
        papers = tuple(
            self.documents.case_document_in(session, kind, case.number, actor=actor, paper=paper)
            for kind in PAPERS_AFTER.get(action, ())
            if kind in possible
        )
        return Decided(case, papers)
