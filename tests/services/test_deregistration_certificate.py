"""注销户口证明: a completed 开具注销户口证明 case hands over the signed certificate — the cancellation as this
system recorded it (or as the clerk typed it for an older one), verifiable by its QR payload — and a case
whose cancellation nobody can state is not completed at all."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from pypdf import PdfReader
from sqlalchemy import select

from desk.core import Core
from desk.domain.errors import InvalidInput
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.models import Case, DocumentIssued
from printing.signing import VerificationStatus


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).replace(" ", "").replace("\n", "")


def _shipped(desk: Desk) -> Core:
    core = Core(desk.core.store, shipped_catalog(), WorkingCalendar(), desk.clock, Settings(station_code="HP01"))
    core.keys.ensure_demo_key("HP01")
    return core


def _certificate_values(**more: object) -> dict[str, object]:
    return {"deregistered_person": {"name": "李建国", "id_number": OLD_MAN}, "deregistration_reason": "death",
            "relationship": "close_relative", "purpose": "inheritance", "copies": 1, **more}


def _papers_of(desk: Desk, number: str) -> list[str]:
    with desk.core.store.read() as session:
        case_id = session.execute(select(Case.id).where(Case.number == number)).scalar_one()
        return sorted(session.execute(select(DocumentIssued.kind).where(DocumentIssued.case_id == case_id)).scalars())


def test_the_certificate_states_the_cancellation_this_system_recorded(desk: Desk) -> None:
    core = _shipped(desk)
    death = core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "death_deregistration", {
        "deceased": {"name": "李建国", "id_number": OLD_MAN}, "death_date": (desk.clock.today() - timedelta(days=3))
        .isoformat(), "death_circumstance": "medical_facility", "declarant_role": "relative", "id_card_returned": True})
    core.decisions.accept_and_complete(desk.clerk, death.number, death.version,
                                       ["household_booklet", "deceased_id_card", "declarant_id_card"],
                                       verified=["death_medical_certificate"])
    desk.clock.advance(timedelta(days=5))  # the family comes back for the certificate a few days later

    draft = core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "deregistration_certificate", _certificate_values())
    decided = core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["applicant_id_card"],
                                                 verified=["relationship_proof"])
    assert [p.kind for p in decided.papers] == ["completion_notice", "deregistration_certificate"]
    certificate = decided.papers[1]
    text = _text(certificate.pdf)
    cancelled = desk.clock.today() - timedelta(days=5)
    assert "注销户口证明" in text and certificate.serial in text and OLD_MAN in text and "李建国" in text
    assert f"已于{cancelled.year}年{cancelled.month}月{cancelled.day}日因死亡或被宣告死亡注销" in text
    assert "此证明用于继承、遗产处理" in text and "经办民警：张丽" in text
    assert "注销户口证明已当场交付" in _text(decided.papers[0].pdf)
    result = core.verifications.verify(certificate.payload or "", where="test")
    assert result.status is VerificationStatus.VALID, result.message_en
    # A reprint keeps the serial: one certificate per case in the register.
    again = core.documents.case_document("deregistration_certificate", draft.number, actor=desk.clerk)
    assert again.serial == certificate.serial and again.payload == certificate.payload
    assert _papers_of(desk, draft.number) == ["completion_notice", "deregistration_certificate"]


def test_an_older_cancellation_is_certified_with_the_date_the_clerk_typed(desk: Desk) -> None:
    core = _shipped(desk)
    draft = core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "deregistration_certificate",
                                  _certificate_values(deregistration_reason="emigration", deregistered_on="2009-06-30",
                                                      purpose="real_estate"))
    decided = core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["applicant_id_card"],
                                                 verified=["relationship_proof"])
    text = _text(decided.papers[1].pdf)
    assert "已于2009年6月30日因出国（境）定居或加入外国国籍注销" in text and "不动产登记、房屋过户" in text


def test_a_cancellation_nobody_can_state_leaves_the_case_undecided(desk: Desk) -> None:
    core = _shipped(desk)
    draft = core.cases.open_draft(desk.clerk, YOUNG_WOMAN, "deregistration_certificate", _certificate_values())
    with pytest.raises(InvalidInput) as refused:
        core.decisions.accept_and_complete(desk.clerk, draft.number, draft.version, ["applicant_id_card"],
                                           verified=["relationship_proof"])
    assert refused.value.message_key == "document.deregistration_not_found"
    after = core.queries.get(draft.number)
    assert after.state is CaseState.DRAFT and after.version == draft.version
    assert _papers_of(desk, draft.number) == []
