"""Documents built from the store, and daily-report figures checked against an independent count."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from pypdf import PdfReader
from sqlalchemy import select

from desk.domain.errors import DeskError, InvalidInput
from desk.services.documents import DocumentService
from desk.services.keys import KeyService
from desk.services.ratings import RatingLevel
from desk.services.verifications import VerificationService
from desk.store.models import AuditEntry, Case, DocumentIssued
from printing.signing import KeyRegistry, Keyring, VerificationStatus, verify_payload

PHONE = "13912345678"


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _documents(desk: Desk, tmp_path: Path) -> DocumentService:
    return DocumentService(desk.core.store, desk.core.catalog, desk.core.calendar, desk.clock, "HP01",
                           tmp_path / "keys")


def _spot_case(desk: Desk, applicant: str = OLD_MAN, complete: bool = True) -> str:
    cases = desk.core.cases
    case = cases.open_draft(desk.clerk, applicant, "spot_item", {"lost": False, "contact_phone": PHONE})
    case = cases.accept(desk.clerk, case.number, case.version, ["id_card"])
    if complete:
        case = cases.complete(desk.clerk, case.number, case.version)
    return case.number


def test_receipt_from_the_store_masks_the_id_and_reprints_with_the_same_serial(desk: Desk, tmp_path: Path) -> None:
    documents = _documents(desk, tmp_path)
    number = _spot_case(desk)
    first = documents.case_document("receipt", number, actor=desk.clerk)
    text = _text(first.pdf)
    assert number in text and "受理回执" in text.replace(" ", "")
    assert OLD_MAN not in text and f"{OLD_MAN[:4]}**********{OLD_MAN[-4:]}" in text
    again = documents.case_document("receipt", number, actor=desk.clerk)
    assert again.serial == first.serial
    with desk.core.store.read() as session:
        assert session.execute(select(DocumentIssued).where(DocumentIssued.kind == "receipt")).scalars().all()


def test_documents_follow_the_case_state(desk: Desk, tmp_path: Path) -> None:
    documents = _documents(desk, tmp_path)
    draft = desk.core.cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": PHONE})
    with pytest.raises(InvalidInput):
        documents.case_document("receipt", draft.number)
    asked = desk.core.cases.request_supplement(desk.clerk, draft.number, draft.version, ["id_card"])
    assert documents.documents_for(asked) == ["supplement_notice"]
    notice = _text(documents.case_document("supplement_notice", asked.number).pdf)
    assert "遗失声明" in notice
    refused = desk.core.cases.not_accept(desk.clerk, asked.number, asked.version, "非本辖区户籍")
    assert "not_accepted_notice" in documents.documents_for(refused)
    assert "非本辖区户籍" in _text(documents.case_document("not_accepted_notice", refused.number).pdf)


def test_a_case_lists_the_papers_issued_for_it_not_the_ones_its_state_implies(desk: Desk, tmp_path: Path) -> None:
    """A paper once issued stays issued: accepted after a 一次性告知书, the case still lists the notice (by
    its serial) and reprints it under that serial; a paper the case may have but was not given follows."""
    documents = _documents(desk, tmp_path)
    cases = desk.core.cases
    draft = cases.open_draft(desk.clerk, OLD_MAN, "spot_item", {"lost": True, "contact_phone": PHONE})
    asked = cases.request_supplement(desk.clerk, draft.number, draft.version, ["id_card"])
    notice = documents.case_document("supplement_notice", asked.number, actor=desk.clerk)
    accepted = cases.accept(desk.clerk, asked.number, asked.version, ["id_card", "loss_statement"])
    assert accepted.missing_materials == [] and "supplement_notice" not in documents.documents_for(accepted)
    offers = documents.papers_for(accepted)
    assert [(o.kind, o.serial) for o in offers] == [("supplement_notice", notice.serial), ("receipt", "")]
    assert offers[0].title_key == "paper.supplement_notice"
    again = documents.case_document("supplement_notice", accepted.number, actor=desk.clerk)
    assert again.serial == notice.serial and "遗失声明" in _text(again.pdf)
    receipt = documents.case_document("receipt", accepted.number, actor=desk.clerk)
    assert [(o.kind, o.serial) for o in documents.papers_for(accepted)] == [
        ("supplement_notice", notice.serial), ("receipt", receipt.serial)]
    with pytest.raises(InvalidInput):  # never issued and not possible now: still refused
        documents.case_document("completion_notice", accepted.number, actor=desk.clerk)


def test_certificate_is_signed_and_verifies_with_the_station_key(desk: Desk, tmp_path: Path) -> None:
    documents = _documents(desk, tmp_path)
    with pytest.raises(InvalidInput, match="不完整"):
        documents.household_certificate(OLD_MAN, "入学")
    desk.core.citizens.set_register_facts(desk.clerk, OLD_MAN, household_head="李建国", relationship_to_head="户主",
                                          registered_on=date(1980, 5, 1))
    # Nothing mints a key on its own: without one the station prints nothing and says what to do.
    with pytest.raises(DeskError, match="desk keys create") as refused:
        documents.household_certificate(OLD_MAN, "子女入学", kiosk_code="K01")
    assert refused.value.code == "no_signing_key"
    # printing names the problem (a message key); the use case says it in either language
    assert refused.value.message_key == "signing.no_usable_key"
    assert "has no usable signing key" in refused.value.message_en and "HP01" in refused.value.message_en
    assert not (tmp_path / "keys").exists()
    with desk.core.store.read() as session:
        assert session.execute(select(DocumentIssued)).first() is None
    keys = KeyService(desk.core.store, desk.clock, tmp_path / "keys")
    key = keys.create("HP01", by="admin")
    issued = documents.household_certificate(OLD_MAN, "子女入学", kiosk_code="K01")
    assert issued.payload and OLD_MAN not in issued.payload
    verification = verify_payload(issued.payload, Keyring.load(tmp_path / "keys"), today=desk.clock.today())
    assert verification.valid and verification.claim is not None and verification.claim.kid == key.kid
    assert verification.claim.valid_until == desk.clock.today() + timedelta(days=90)
    with desk.core.store.read() as session:
        stored = session.execute(select(DocumentIssued).where(DocumentIssued.serial == issued.serial)).scalar_one()
        assert stored.payload == issued.payload and stored.kiosk_code == "K01"


def test_register_catches_a_certificate_it_never_issued(desk: Desk, tmp_path: Path) -> None:
    """A key holder can sign anything; the register knows which certificates were really issued."""
    desk.core.citizens.set_register_facts(desk.clerk, OLD_MAN, household_head="李建国", relationship_to_head="户主",
                                          registered_on=date(1980, 5, 1))
    keys = KeyService(desk.core.store, desk.clock, tmp_path / "keys")
    keys.create("HP01", by="admin")
    documents = _documents(desk, tmp_path)
    issued = documents.household_certificate(OLD_MAN, "子女入学")
    verifications = VerificationService(desk.core.store, desk.clock, tmp_path / "keys")
    assert verifications.verify(issued.payload or "", where="K01").valid
    signer = KeyRegistry(tmp_path / "keys").signer("HP01", desk.clock.today())
    never_issued = signer.sign_facts("HP01ZM202603029999", {"name": "李四"}, desk.clock.today(),
                                     desk.clock.today() + timedelta(days=90))
    result = verifications.verify(never_issued, where="K01")
    assert result.status is VerificationStatus.NOT_ISSUED
    other_paper = signer.sign_facts(issued.serial, {"name": "李四"}, desk.clock.today())
    assert verifications.verify(other_paper, where="K01").status is VerificationStatus.NOT_ISSUED
    with desk.core.store.read() as session:
        checks = session.execute(select(AuditEntry.details).where(AuditEntry.action == "document.verified")
                                 .order_by(AuditEntry.seq)).scalars().all()
    assert [c["status"] for c in checks] == ["valid", "not_issued", "not_issued"]


def test_daily_report_figures_equal_an_independent_count(desk: Desk, tmp_path: Path) -> None:
    # Monday: two on-the-spot cases completed, one leader case accepted (due Wednesday) and left open.
    _spot_case(desk)
    _spot_case(desk, YOUNG_WOMAN)
    leader_case = desk.core.cases.open_draft(desk.clerk2, OLD_MAN, "leader_item", {
        "child": {"name": "王𠮷", "id_number": YOUNG_WOMAN}, "marital_status": "widowed"})
    desk.core.cases.accept(desk.clerk2, leader_case.number, leader_case.version, ["booklet", "relationship_proof"])
    desk.core.ratings.rate(RatingLevel.SATISFIED, kiosk_code="K01")
    desk.core.ratings.rate(RatingLevel.DISSATISFIED, reason="排队久")
    # Friday: the leader case is two working days overdue.
    desk.clock.advance(timedelta(days=4))
    monday, friday = date(2026, 3, 2), date(2026, 3, 6)

    with desk.core.store.read() as session:
        cases = session.execute(select(Case)).unique().scalars().all()
        expected_monday = (sum(c.accepted_on == monday for c in cases),
                           sum(c.completed_on == monday for c in cases))
        expected_friday_overdue = sum(
            c.accepted_on is not None and c.due_date < friday and c.completed_on is None for c in cases)

    report = desk.core.reports.daily(monday, "HP01")
    assert (report.totals.accepted, report.totals.completed) == expected_monday == (3, 2)
    assert report.totals.completed_within_limit == 2 and report.totals.average_working_days == 0
    assert {r.label_zh: r.accepted for r in report.by_clerk} == {"张丽": 2, "刘洋": 1}
    assert report.ratings.total == 2 and report.ratings.satisfied == 1
    friday_report = desk.core.reports.daily(friday, "HP01")
    assert friday_report.totals.overdue == expected_friday_overdue == 1
    [row] = friday_report.overdue
    assert row.case_number == leader_case.number and row.overdue_working_days == 2


def test_demo_key_is_made_once_and_renewed_when_an_old_demo_outlived_it(desk: Desk, tmp_path: Path) -> None:
    keys = KeyService(desk.core.store, desk.clock, tmp_path / "keys")
    first = keys.ensure_demo_key("HP01")
    assert first is not None and keys.ensure_demo_key("HP01") is None
    desk.clock.advance(timedelta(days=4 * 365))  # the demo data folder is reused years later
    renewed = keys.ensure_demo_key("HP01")
    assert renewed is not None and renewed.kid != first.kid
    assert [r.status.value for r in keys.list()] == ["retired", "active"]
