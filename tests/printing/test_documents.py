"""Every document built from sample data and read back: text, masking, fonts, page size, QR codes."""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pdfcheck import fonts as pdf_fonts
from pdfcheck import page_sizes_mm, pdf_text, qr_codes, render_pngs

from printing import samples
from printing.documents import (
    completion_notice,
    daily_report,
    denial_decision,
    deregistration_certificate,
    household_certificate,
    move_in_permit,
    not_accepted_notice,
    queue_ticket,
    receipt,
    supplement_notice,
)
from printing.documents.common import Paper, mask_id_number, zh_date
from printing.fonts import FontSet
from printing.qr import parse_receipt_qr_text
from printing.signing import (
    Keyring,
    SigningError,
    StationSigner,
    VerificationStatus,
    facts_digest,
    payload_in,
    verify_payload,
)

RARE = "\U00020bb7"  # 𠮷
KEY_VALID_FROM = date(2026, 1, 1)  # the sample documents are dated 2026


def _strings(value: object) -> list[str]:
    """Every text a document data object holds (to check the fonts can print all of it)."""
    if isinstance(value, str):
        return [value]
    if is_dataclass(value) and not isinstance(value, type):
        return [s for f in fields(value) for s in _strings(getattr(value, f.name))]
    if isinstance(value, tuple | list):
        return [s for item in value for s in _strings(item)]
    return []


def _build_all(signer: StationSigner) -> dict[str, bytes]:
    return {
        "receipt-58": receipt.build_pdf(samples.receipt(), Paper.ROLL_58),
        "receipt-80": receipt.build_pdf(samples.receipt(), Paper.ROLL_80),
        "receipt-a4": receipt.build_pdf(samples.receipt(), Paper.A4),
        "supplement": supplement_notice.build_pdf(samples.supplement_notice()),
        "not-accepted": not_accepted_notice.build_pdf(samples.not_accepted_notice()),
        "denial": denial_decision.build_pdf(samples.denial_decision()),
        "completion": completion_notice.build_pdf(samples.completion_notice()),
        "permit": move_in_permit.build_pdf(samples.move_in_permit()),
        "certificate": household_certificate.build_pdf(samples.household_certificate(), signer=signer),
        "deregistration": deregistration_certificate.build_pdf(samples.deregistration_certificate(), signer=signer),
        "ticket-58": queue_ticket.build_pdf(samples.queue_ticket(), Paper.ROLL_58),
        "ticket-80": queue_ticket.build_pdf(samples.queue_ticket(), Paper.ROLL_80),
        "report": daily_report.build_pdf(samples.daily_report()),
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, bytes], Keyring]:
    folder = tmp_path_factory.mktemp("keys")
    signer = StationSigner.generate(folder, samples.STATION.code, valid_from=KEY_VALID_FROM)
    return _build_all(signer), Keyring.load(folder)


@pytest.fixture(scope="module")
def texts(built: tuple[dict[str, bytes], Keyring]) -> dict[str, str]:
    return {name: pdf_text(pdf) for name, pdf in built[0].items()}


TITLES = {
    "receipt-58": "受理回执", "receipt-80": "受理回执", "receipt-a4": "受理回执",
    "supplement": "一次性告知书", "not-accepted": "不予受理通知书", "denial": "不予许可决定书",
    "completion": "办结通知书", "permit": "准予迁入证明", "certificate": "户籍证明",
    "deregistration": "注销户口证明",
    "ticket-58": "排队号", "ticket-80": "排队号", "report": "户籍业务日报",
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title_station_and_embedded_fonts(name: str, built: tuple[dict[str, bytes], Keyring],
                                          texts: dict[str, str]) -> None:
    pdf = built[0][name]
    assert pdf.startswith(b"%PDF")
    assert TITLES[name] in texts[name]
    if name != "permit":  # the permit names the station as issuing authority, checked below
        assert samples.STATION.name_zh in texts[name].replace("\n", "")
    used = pdf_fonts(pdf)
    assert used, "no fonts found"
    assert all(used.values()), f"fonts not embedded: {[n for n, e in used.items() if not e]}"
    assert not any("Helvetica" in n for n in used)


@pytest.mark.parametrize("factory", [samples.receipt, samples.supplement_notice, samples.not_accepted_notice,
                                     samples.denial_decision, samples.completion_notice, samples.move_in_permit,
                                     samples.household_certificate, samples.deregistration_certificate,
                                     samples.queue_ticket, samples.daily_report])
def test_sample_data_prints_completely(factory: object, fonts: FontSet) -> None:
    data = factory()  # type: ignore[operator]
    assert fonts.coverage_problems("".join(_strings(data))) == []


@pytest.mark.parametrize("name", ["receipt-58", "receipt-80", "receipt-a4"])
def test_receipt_masks_the_id_number_and_shows_the_case(name: str, texts: dict[str, str]) -> None:
    data = samples.receipt()
    text = texts[name].replace(" ", "")
    assert data.case_number in text
    assert mask_id_number(data.applicant_id_number) == "2101**********123X"
    assert "2101**********123X" in text
    assert data.applicant_id_number not in text
    assert data.applicant_id_number[4:14] not in text  # not even the hidden middle
    assert RARE in text  # the rare character is real text, extractable
    assert zh_date(data.promised_date) in text
    for material in data.materials_received:
        assert material.name_zh in text.replace("\n", "")


@pytest.mark.parametrize(("name", "width"), [("receipt-58", 58), ("receipt-80", 80), ("ticket-58", 58),
                                             ("ticket-80", 80), ("receipt-a4", 210), ("report", 210)])
def test_paper_sizes(name: str, width: int, built: tuple[dict[str, bytes], Keyring]) -> None:
    sizes = page_sizes_mm(built[0][name])
    assert all(abs(w - width) < 0.5 for w, _ in sizes)
    if width < 100:
        assert len(sizes) == 1, "a roll document is one page as long as its content"
        assert 60 < sizes[0][1] < 260
    else:
        assert all(abs(h - 297) < 0.5 for _, h in sizes)


def test_long_receipt_grows_the_roll_instead_of_adding_pages() -> None:
    data = samples.receipt()
    many = replace(data, materials_received=data.materials_received * 8)
    short, long = page_sizes_mm(receipt.build_pdf(data, Paper.ROLL_58)), page_sizes_mm(
        receipt.build_pdf(many, Paper.ROLL_58))
    assert len(long) == 1
    assert long[0][1] > short[0][1] + 100


def test_receipt_qr_decodes_to_the_lookup_code(built: tuple[dict[str, bytes], Keyring], tmp_path: Path) -> None:
    data = samples.receipt()
    for name in ("receipt-58", "receipt-80", "receipt-a4"):
        pngs = render_pngs(built[0][name], tmp_path / name, dpi=200)
        codes = qr_codes(pngs[0])
        assert [parse_receipt_qr_text(c) for c in codes] == [(data.case_number, data.lookup_code)]


def test_certificate_qr_is_signed_and_verifies(built: tuple[dict[str, bytes], Keyring], texts: dict[str, str],
                                               tmp_path: Path) -> None:
    data = samples.household_certificate()
    keyring = built[1]
    text = texts["certificate"].replace(" ", "")
    assert data.serial in text and data.id_number in text and RARE + "志强" in text
    pngs = render_pngs(built[0]["certificate"], tmp_path, dpi=150)
    [payload] = qr_codes(pngs[0])
    assert data.id_number not in payload and data.id_number[6:14] not in payload
    on = samples.NOW.date()  # the day the sample was issued: the test does not age with the calendar
    result = verify_payload(payload, keyring, facts=data.certified_facts(), today=on)
    assert result.status is VerificationStatus.VALID, result.message_en
    assert result.claim is not None
    assert (result.claim.serial, result.claim.station_code) == (data.serial, data.station.code)
    assert result.claim.digest == facts_digest(data.certified_facts())
    # The printed facts changed (say, another name) no longer match the signed digest.
    forged = replace(data, name="李四").certified_facts()
    assert verify_payload(payload, keyring, facts=forged, today=on).status is VerificationStatus.FACTS_MISMATCH
    # A machine whose keyring does not list the signing key cannot vouch for it.
    assert verify_payload(payload, Keyring()).status is VerificationStatus.UNKNOWN_KEY


def test_deregistration_certificate_states_the_cancellation_and_its_qr_verifies(
        built: tuple[dict[str, bytes], Keyring], texts: dict[str, str], tmp_path: Path) -> None:
    data = samples.deregistration_certificate()
    text = texts["deregistration"].replace(" ", "").replace("\n", "")
    assert data.serial in text and data.id_number in text and RARE + "志强" in text
    assert "注销日期" in text and "2026年10月9日" in text and "因死亡或被宣告死亡注销" in text
    assert "此证明用于继承、遗产处理" in text and "有效期至2027年2月23日" in text
    assert page_sizes_mm(built[0]["deregistration"]) == [pytest.approx((210, 297), abs=0.5)]
    [payload] = qr_codes(render_pngs(built[0]["deregistration"], tmp_path, dpi=150)[0])
    assert data.id_number not in payload
    on = samples.NOW.date()
    assert verify_payload(payload, built[1], facts=data.certified_facts(), today=on).status is VerificationStatus.VALID
    # Another cancellation date (or a household certificate's facts under the same serial) does not match.
    moved = replace(data, deregistered_on=date(2026, 10, 8)).certified_facts()
    assert verify_payload(payload, built[1], facts=moved, today=on).status is VerificationStatus.FACTS_MISMATCH
    with pytest.raises(Exception, match="999999001"):
        deregistration_certificate.build_pdf(data, signer=StationSigner.generate(tmp_path / "k", "999999001"))


def test_certificate_refuses_another_stations_key(tmp_path: Path) -> None:
    other = StationSigner.generate(tmp_path, "999999001")
    with pytest.raises(Exception, match="999999001"):
        household_certificate.build_pdf(samples.household_certificate(), signer=other)


def test_notices_carry_reasons_rights_and_materials(texts: dict[str, str]) -> None:
    def flat(name: str) -> str:
        return texts[name].replace("\n", "").replace(" ", "")

    supplement = samples.supplement_notice()
    for material in supplement.missing_materials:
        assert material.name_zh in flat("supplement")
        assert material.why_zh[:12] in flat("supplement")
    assert zh_date(supplement.supply_deadline) in flat("supplement")
    for name, data in (("not-accepted", samples.not_accepted_notice()), ("denial", samples.denial_decision())):
        assert data.reason_zh in flat(name)
        assert "六十日内" in flat(name) and "六个月内" in flat(name)
        assert data.rights.reconsideration_body in flat(name) and data.rights.court in flat(name)
    denial = samples.denial_decision()
    assert mask_id_number(denial.applicant_id_number) in flat("denial")
    assert denial.applicant_id_number not in flat("denial")
    completion = samples.completion_notice()
    assert all(item in flat("completion") for item in completion.items_to_collect)


def test_permit_lists_every_person_with_full_id(texts: dict[str, str]) -> None:
    data = samples.move_in_permit()
    text = texts["permit"].replace("\n", "").replace(" ", "")
    assert data.permit_number.replace(" ", "") in text
    for person in data.persons:
        assert person.name in text and person.id_number in text
    assert zh_date(data.valid_until) in text and data.to_authority_zh in text


def test_ticket_and_report_figures(texts: dict[str, str]) -> None:
    ticket = samples.queue_ticket()
    assert ticket.number in texts["ticket-58"] and f"{ticket.people_ahead}" in texts["ticket-58"]
    report = samples.daily_report()
    text = texts["report"].replace(" ", "")
    assert f"{report.totals.accepted}件" in text and f"{report.totals.completed}件" in text
    for row in report.overdue:
        assert row.case_number in text
    assert "第1页共" in text


def test_a_character_no_font_has_prints_a_visible_mark(fonts: FontSet) -> None:
    ext_i = "\U0002ebf0"  # CJK Extension I: in no free font
    data = replace(samples.receipt(), applicant_name=f"王{ext_i}")
    assert fonts.coverage_problems(data.applicant_name) == [ext_i]
    text = pdf_text(receipt.build_pdf(data, Paper.ROLL_80))
    assert "王〓" in text


def test_roll_and_a4_only_documents_refuse_other_paper(signer: StationSigner) -> None:
    with pytest.raises(ValueError):
        queue_ticket.build_pdf(samples.queue_ticket(), Paper.A4)
    with pytest.raises(ValueError):
        supplement_notice.build_pdf(samples.supplement_notice(), Paper.ROLL_80)
    with pytest.raises(ValueError):
        household_certificate.build_pdf(samples.household_certificate(), Paper.ROLL_58, signer=signer)


def test_dispatch_by_data_type_and_clerk_warning(signer: StationSigner, fonts: FontSet) -> None:
    from printing.documents import build_pdf, unprintable_characters

    assert "排队号" in pdf_text(build_pdf(samples.queue_ticket()))
    assert page_sizes_mm(build_pdf(samples.receipt(), "58mm"))[0][0] == pytest.approx(58, abs=0.5)
    assert "户籍证明" in pdf_text(build_pdf(samples.household_certificate(), signer=signer))
    with pytest.raises(ValueError):
        build_pdf(samples.household_certificate())
    with pytest.raises(TypeError):
        build_pdf("not document data")
    assert unprintable_characters(samples.receipt(), fonts) == []
    permit = samples.move_in_permit()
    bad = replace(permit, persons=(replace(permit.persons[0], name="张\U0002ebf1"),))
    assert unprintable_characters(bad, fonts) == ["\U0002ebf1"]


def test_certificate_qr_can_carry_the_citys_verification_address(signer: StationSigner, keyring: Keyring,
                                                                   tmp_path: Path) -> None:
    data = replace(samples.household_certificate(), verify_url="https://hjzm.example.gov.cn/verify")
    pdf = household_certificate.build_pdf(data, signer=signer)
    [scanned] = qr_codes(render_pngs(pdf, tmp_path, dpi=150)[0])
    assert scanned.startswith("https://hjzm.example.gov.cn/verify?p=HJZM2.")
    assert verify_payload(scanned, keyring, facts=data.certified_facts(), today=samples.NOW.date()).valid


@pytest.mark.parametrize("module, sample", [(household_certificate, samples.household_certificate),
                                            (deregistration_certificate, samples.deregistration_certificate)])
def test_a_certificate_prints_the_payload_already_signed_for_its_record(
        module: Any, sample: Any, tmp_path: Path) -> None:
    """The document service signs once (the payload it records) and hands that payload to `build_pdf`:
    the QR code carries exactly it; a payload made for other facts is refused, never printed."""
    signer = StationSigner.generate(tmp_path / "keys", samples.STATION.code, valid_from=KEY_VALID_FROM)
    data = sample()
    recorded = household_certificate.certificate_payload(data, signer)
    [printed] = qr_codes(render_pngs(module.build_pdf(data, payload=recorded), tmp_path, dpi=150)[0])
    assert payload_in(printed) == recorded
    for other in (replace(data, name="李四"), replace(data, serial=data.serial + "9"),
                  replace(data, valid_until=date(2030, 1, 1))):
        with pytest.raises(SigningError, match="payload_not_these_facts"):
            module.build_pdf(other, payload=recorded)
    with pytest.raises(SigningError):
        module.build_pdf(data, payload="HJZM2.not-a-payload")
    with pytest.raises(ValueError, match="signer or its signed payload"):
        module.build_pdf(data)


def test_the_denial_decision_prints_the_title_it_is_given() -> None:
    """The title (and its operative verb) comes with the data — the document service picks it from the table
    the case view reads; printing keeps no table of its own."""
    data = replace(samples.denial_decision(), power_type="service", title_zh="不予办理决定书")
    text = pdf_text(denial_decision.build_pdf(data)).replace(" ", "").replace("\n", "")
    assert "不予办理决定书" in text and "决定不予办理" in text and "不予许可" not in text
    assert not hasattr(denial_decision, "TITLES")
