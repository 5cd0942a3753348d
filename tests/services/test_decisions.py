"""Window decisions as use cases: one call changes the case and issues its papers in one transaction,
on SQLite and PostgreSQL. A decision that fails leaves neither the change nor a paper behind."""

from __future__ import annotations

import io
from datetime import date

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from pypdf import PdfReader
from reportlab.platypus.doctemplate import LayoutError
from sqlalchemy import func, select

from desk.domain.errors import InvalidInput, PermissionDenied
from desk.domain.workflow import Action, CaseState, WorkflowError
from desk.store.models import AuditEntry, Case, DocumentIssued
from printing.documents import receipt
from printing.signing import Keyring, verify_payload

PHONE = "13912345678"
LEADER_MATERIALS = ["booklet", "relationship_proof", "marriage_certificate"]


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _leader_draft(desk: Desk):
    values = {"child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "married"}
    return desk.core.cases.open_draft(desk.clerk, OLD_MAN, "leader_item", values)


def _papers_of(desk: Desk, number: str) -> list[str]:
    with desk.core.store.read() as session:
        case_id = session.execute(select(Case.id).where(Case.number == number)).scalar_one()
        return sorted(session.execute(select(DocumentIssued.kind).where(DocumentIssued.case_id == case_id)).scalars())


def _audit_actions(desk: Desk, number: str) -> list[str]:
    with desk.core.store.read() as session:
        return list(session.execute(select(AuditEntry.action).where(AuditEntry.entity_id == number)
                                    .order_by(AuditEntry.seq)).scalars())


def test_accept_and_issue_returns_the_accepted_case_and_its_receipt(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    decided = desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"],
                                                   {"lost": False, "contact_phone": PHONE})
    assert decided.case.state is CaseState.ACCEPTED
    assert [p.kind for p in decided.papers] == ["receipt"]
    receipt = decided.papers[0]
    assert receipt.pdf.startswith(b"%PDF") and draft.number in _text(receipt.pdf)
    assert _papers_of(desk, draft.number) == ["receipt"]
    assert _audit_actions(desk, draft.number)[-1] == "case.accept"


def test_a_decision_whose_paper_cannot_be_issued_changes_nothing(desk: Desk,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})

    def layout_fails(*_args: object, **_kwargs: object) -> bytes:  # as reportlab does on an unbreakable line
        raise LayoutError("Flowable too large")

    monkeypatch.setattr(receipt, "build_pdf", layout_fails)
    with pytest.raises(LayoutError):
        desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"])
    after = desk.core.queries.get(draft.number)
    assert after.state is CaseState.DRAFT and after.version == draft.version and after.accepted_at is None
    assert after.materials == []
    assert _papers_of(desk, draft.number) == []
    assert "case.accept" not in _audit_actions(desk, draft.number)


def test_supplement_and_issue_lists_every_missing_material_on_one_notice(desk: Desk) -> None:
    draft = _leader_draft(desk)
    decided = desk.core.decisions.supplement_and_issue(desk.clerk, draft.number, draft.version, ["booklet"])
    assert decided.case.state is CaseState.SUPPLEMENT_REQUESTED
    assert [p.kind for p in decided.papers] == ["supplement_notice"]
    assert {m["key"] for m in decided.case.missing_materials} == {"relationship_proof", "marriage_certificate"}


def test_refuse_and_issue_keeps_the_form_as_typed_and_refuses_in_one_step(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {})
    typed = {"lost": True, "contact_phone": PHONE}
    decided = desk.core.decisions.refuse_and_issue(desk.clerk, draft.number, draft.version,
                                                   "户籍不在本所辖区", typed)
    assert decided.case.state is CaseState.NOT_ACCEPTED
    assert decided.case.form_values == typed
    assert decided.case.decision_reason == "户籍不在本所辖区"
    assert [p.kind for p in decided.papers] == ["not_accepted_notice"]
    assert "户籍不在本所辖区" in _text(decided.papers[0].pdf)


def test_refusal_that_fails_keeps_neither_the_typed_form_nor_the_refusal(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False})
    with pytest.raises(Exception, match="理由"):
        desk.core.decisions.refuse_and_issue(desk.clerk, draft.number, draft.version, "  ", {"lost": True})
    after = desk.core.queries.get(draft.number)
    assert after.state is CaseState.DRAFT and after.form_values == {"lost": False}
    assert after.version == draft.version


def test_later_decisions_issue_their_papers_and_approval_asks_the_password(desk: Desk) -> None:
    decisions, queries = desk.core.decisions, desk.core.queries
    draft = _leader_draft(desk)
    accepted = decisions.accept_and_issue(desk.clerk, draft.number, draft.version, LEADER_MATERIALS).case
    review = decisions.act_and_issue(desk.clerk, accepted.number, accepted.version, Action.SUBMIT_FOR_REVIEW)
    assert review.case.state is CaseState.UNDER_REVIEW and review.papers == ()
    case = review.case
    with pytest.raises(InvalidInput, match="密码"):
        decisions.act_and_issue(desk.leader, case.number, case.version, Action.APPROVE)
    with pytest.raises(PermissionDenied):
        decisions.act_and_issue(desk.leader, case.number, case.version, Action.APPROVE, password="wrong")
    assert queries.get(case.number).version == case.version  # both refusals left the case untouched
    denied = decisions.act_and_issue(desk.leader, case.number, case.version, Action.DENY,
                                     reason="亲属关系证明与档案不符", password="secret-pass")
    assert denied.case.state is CaseState.DENIED
    assert [p.kind for p in denied.papers] == ["denial_decision"]
    assert _papers_of(desk, case.number) == ["denial_decision", "receipt"]


def test_completion_issues_the_completion_notice(desk: Desk) -> None:
    decisions = desk.core.decisions
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    accepted = decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"]).case
    done = decisions.act_and_issue(desk.clerk, accepted.number, accepted.version, Action.COMPLETE)
    assert done.case.state is CaseState.COMPLETED
    assert [p.kind for p in done.papers] == ["completion_notice"]


def test_window_actions_are_not_taken_through_act_and_issue(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    with pytest.raises(InvalidInput):
        desk.core.decisions.act_and_issue(desk.clerk, draft.number, draft.version, Action.ACCEPT)
    with desk.core.store.read() as session:
        assert session.execute(select(func.count()).select_from(DocumentIssued)).scalar_one() == 0


def test_accept_and_route_puts_a_leader_case_in_the_approvers_queue_in_one_step(desk: Desk) -> None:
    draft = _leader_draft(desk)
    decided = desk.core.decisions.accept_and_route(desk.clerk, draft.number, draft.version, LEADER_MATERIALS)
    assert decided.case.state is CaseState.UNDER_REVIEW
    assert [p.kind for p in decided.papers] == ["receipt"]
    assert decided.case.submitted_by == desk.clerk.user_id
    assert _audit_actions(desk, draft.number)[-2:] == ["case.accept", "case.submit_for_review"]
    assert desk.core.queries.get(draft.number).state is CaseState.UNDER_REVIEW


def test_accept_and_route_leaves_a_window_case_accepted(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    decided = desk.core.decisions.accept_and_route(desk.clerk, draft.number, draft.version, ["id_card"])
    assert decided.case.state is CaseState.ACCEPTED and [p.kind for p in decided.papers] == ["receipt"]


def test_accept_and_complete_finishes_an_on_the_spot_item_with_one_paper(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    decided = desk.core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["id_card"])
    assert decided.case.state is CaseState.COMPLETED
    assert [p.kind for p in decided.papers] == ["completion_notice"]
    assert _papers_of(desk, draft.number) == ["completion_notice"]
    assert _audit_actions(desk, draft.number)[-2:] == ["case.accept", "case.complete"]


def test_accept_and_complete_refuses_a_case_that_needs_approval_and_changes_nothing(desk: Desk) -> None:
    draft = _leader_draft(desk)
    with pytest.raises(InvalidInput, match="审批"):
        desk.core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, LEADER_MATERIALS)
    after = desk.core.queries.get(draft.number)
    assert after.state is CaseState.DRAFT and after.version == draft.version and after.materials == []
    assert _papers_of(desk, draft.number) == []


def test_whoever_submitted_never_approves_and_the_opinion_is_kept_and_audited(desk: Desk) -> None:
    decisions = desk.core.decisions
    draft = _leader_draft(desk)
    accepted = decisions.accept_and_issue(desk.clerk, draft.number, draft.version, LEADER_MATERIALS).case
    case = decisions.act_and_issue(desk.leader, accepted.number, accepted.version, Action.SUBMIT_FOR_REVIEW).case
    with pytest.raises(WorkflowError, match="提交审核的人不能审批"):
        decisions.act_and_issue(desk.leader, case.number, case.version, Action.APPROVE, reason="同意",
                                password="secret-pass")
    approved = decisions.act_and_issue(desk.leader2, case.number, case.version, Action.APPROVE,
                                       reason="材料齐全，同意办理", password="secret-pass").case
    assert approved.state is CaseState.APPROVED
    assert approved.events[-1].reason == "材料齐全，同意办理"
    with desk.core.store.read() as session:
        entry = session.execute(select(AuditEntry).where(AuditEntry.entity_id == case.number)
                                .order_by(AuditEntry.seq.desc())).scalars().first()
        assert entry is not None and entry.action == "case.approve"
        assert entry.details["reason"] == "材料齐全，同意办理"


def test_a_material_checked_by_the_police_counts_and_is_recorded_as_checked(desk: Desk) -> None:
    """读卡核验: the ID card read on the reader is not "missing" and is not ticked as a paper received."""
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": False, "contact_phone": PHONE})
    decided = desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, [],
                                                   verified=["id_card"])
    assert decided.case.state is CaseState.ACCEPTED
    assert [(m.key, m.form) for m in decided.case.materials] == [("id_card", "card")]
    assert "读卡核验" in _text(decided.papers[0].pdf)


def test_a_checked_material_stays_off_the_one_time_notice(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": PHONE})
    decided = desk.core.decisions.supplement_and_issue(desk.clerk, draft.number, draft.version, [],
                                                       verified=["id_card"])
    assert [m["key"] for m in decided.case.missing_materials] == ["loss_statement"]
    assert "居民身份证" not in _text(decided.papers[0].pdf)


def test_only_a_material_the_catalog_allows_may_be_checked_instead(desk: Desk) -> None:
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": PHONE})
    with pytest.raises(InvalidInput, match="遗失声明"):
        desk.core.decisions.accept_and_issue(desk.clerk, draft.number, draft.version, ["id_card"],
                                             verified=["loss_statement"])
    assert desk.core.queries.get(draft.number).state is CaseState.DRAFT


def test_completing_a_certificate_case_hands_over_the_signed_certificate_of_the_person_named(desk: Desk) -> None:
    """开具户籍证明 at the window: the completion notice says the certificate was handed over, so the
    certificate itself is issued with it — for the person the form names, with the purpose chosen."""
    desk.core.citizens.set_register_facts(desk.clerk, YOUNG_WOMAN, household_head="李建国", relationship_to_head="女",
                                          registered_on=date(1998, 6, 1))
    desk.core.keys.ensure_demo_key("HP01")  # the test data folder may hold one already
    values = {"for_self": False, "subject": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "purpose": "education"}
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "certificate_item", values)
    decided = desk.core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["id_card"])
    assert [p.kind for p in decided.papers] == ["completion_notice", "household_certificate"]
    certificate = decided.papers[1]
    text = _text(certificate.pdf)
    assert "升学、入学" in text and YOUNG_WOMAN[:6] in text and "李建国" in text
    assert "户籍证明已当场交付" in _text(decided.papers[0].pdf).replace("\n", "")
    verification = verify_payload(certificate.payload or "", Keyring.load(desk.core.keys_dir),
                                  today=desk.clock.today())
    assert verification.valid
    # A reprint from the case keeps the serial (one certificate per case in the register).
    again = desk.core.documents.case_document("household_certificate", draft.number, actor=desk.clerk)
    assert again.serial == certificate.serial
    assert _papers_of(desk, draft.number) == ["completion_notice", "household_certificate"]


def test_a_certificate_that_cannot_be_issued_leaves_the_case_undecided(desk: Desk) -> None:
    # The applicant's register entry lacks the household head: the window is told, nothing is completed.
    desk.core.keys.ensure_demo_key("HP01")  # the test data folder may hold one already
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "certificate_item",
                                       {"for_self": True, "purpose": "employment"})
    with pytest.raises(InvalidInput, match="不完整"):
        desk.core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["id_card"])
    after = desk.core.queries.get(draft.number)
    assert after.state is CaseState.DRAFT and after.version == draft.version
    assert _papers_of(desk, draft.number) == []
