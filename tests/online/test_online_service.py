"""The online use cases: sign-in by one-time code, submit with the catalog's rules and checked uploads,
pre-review (supplement notice, visit, decided online) and the counter's pre-filled case."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from desk_fixtures import OLD_MAN, YOUNG_WOMAN, Desk
from online_samples import ELF_BYTES, PDF_BYTES, PHONE, RELATIVE_CERTIFICATE, image_bytes, shipped_core

from desk.domain.online import OnlineState, number_from_scan
from desk.domain.workflow import CaseState
from desk.services.cases import FormIncomplete
from desk.services.online import AlreadyCase, Citizen, OnlineService, SignInRefused, UploadFile, UploadRefused


def sign_in(online: OnlineService, id_number: str = YOUNG_WOMAN) -> Citizen:
    online.send_code(id_number, PHONE)
    code = re.search(r"验证码 (\d{6})", online.outbox(PHONE)[-1].text)
    assert code is not None
    token = online.sign_in(id_number, code.group(1))
    citizen = online.citizen(token)
    assert citizen == Citizen(id_number, PHONE)
    return citizen


def test_the_one_time_code_signs_in_once_and_a_wrong_code_is_refused(desk: Desk) -> None:
    online = shipped_core(desk.core.store, desk.clock).online
    with pytest.raises(SignInRefused, match="身份证号码"):
        online.send_code("210103199805200040", PHONE)  # wrong check digit
    with pytest.raises(SignInRefused, match="手机"):
        online.send_code(YOUNG_WOMAN, "12345")
    online.send_code(YOUNG_WOMAN, PHONE)
    code = re.search(r"验证码 (\d{6})", online.outbox(PHONE)[-1].text)
    assert code is not None
    wrong = "000000" if code.group(1) != "000000" else "111111"
    with pytest.raises(SignInRefused):
        online.sign_in(YOUNG_WOMAN, wrong)
    token = online.sign_in(YOUNG_WOMAN, code.group(1))
    assert online.citizen(token) == Citizen(YOUNG_WOMAN, PHONE)
    with pytest.raises(SignInRefused):
        online.sign_in(YOUNG_WOMAN, code.group(1))  # used once
    online.sign_out(token)
    assert online.citizen(token) is None


def test_submit_checks_the_form_with_the_catalogs_rules(desk: Desk) -> None:
    online = shipped_core(desk.core.store, desk.clock).online
    citizen = sign_in(online)
    incomplete = {**RELATIVE_CERTIFICATE, "relationship": None}
    with pytest.raises(FormIncomplete, match="申请人与被证明人的关系") as refused:
        online.submit(citizen, "HP01", "household_certificate", incomplete)
    assert refused.value.message_en == ("The form has 1 problem(s): "
                                        "Applicant's relationship to that person is required.")
    assert online.mine(citizen) == []
    with pytest.raises(UploadRefused) as unknown:
        online.submit(citizen, "HP01", "household_certificate", RELATIVE_CERTIFICATE,
                      [UploadFile("deed", "deed.pdf", b"%PDF-1.4")])
    assert unknown.value.message_zh == "“开具户籍证明”没有材料 deed。"
    assert unknown.value.message_en == "“Household registration certificate” has no material “deed”."


def test_bad_uploads_are_refused_with_a_clear_message_and_nothing_is_stored(desk: Desk) -> None:
    online = shipped_core(desk.core.store, desk.clock, max_kb=64).online
    citizen = sign_in(online)
    too_large = UploadFile("relationship_proof", "scan.png", image_bytes("PNG", (2000, 2000)) + bytes(70_000))
    renamed = UploadFile("relationship_proof", "证明.pdf", ELF_BYTES)
    wrong_type = UploadFile("relationship_proof", "notes.txt", "亲属关系".encode())
    for upload, words in ((too_large, "太大"), (renamed, "不是 PDF、JPEG 或 PNG"), (wrong_type, "不是 PDF")):
        with pytest.raises(UploadRefused, match=words) as refused:
            online.submit(citizen, "HP01", "household_certificate", RELATIVE_CERTIFICATE, [upload])
        assert upload.file_name in refused.value.message_zh
        assert upload.file_name in refused.value.message_en
    assert online.mine(citizen) == []
    with pytest.raises(UploadRefused) as empty:
        online.submit(citizen, "HP01", "household_certificate", RELATIVE_CERTIFICATE,
                      [UploadFile("relationship_proof", "空.pdf", b"")])
    assert (empty.value.code, empty.value.message_key) == ("upload_refused", "online.file_empty")
    assert (empty.value.message_zh, empty.value.message_en) == ("文件“空.pdf”是空的。", "The file “空.pdf” is empty.")


def test_pre_review_asks_once_for_what_is_missing_then_the_counter_opens_the_prefilled_case(desk: Desk) -> None:
    online = shipped_core(desk.core.store, desk.clock).online
    citizen = sign_in(online, OLD_MAN)
    values = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
              "contact_phone": PHONE}
    sent = online.submit(citizen, "HP01", "booklet_reissue", values,
                         [UploadFile("applicant_id_card", "id.jpg", image_bytes("JPEG"))])
    assert sent.state is OnlineState.SUBMITTED and sent.number.startswith("WS-HP01-20260302-")
    assert number_from_scan(sent.qr_payload) == sent.number
    assert [a.number for a in online.queue("HP01")] == [sent.number]

    opened = online.open(desk.clerk, sent.number)
    assert opened.state is OnlineState.UNDER_REVIEW
    view, data = online.upload_data(desk.clerk, sent.number, opened.uploads[0].upload_id)
    assert view.content_type == "image/jpeg" and data.startswith(b"\xff\xd8\xff")

    asked = online.ask_supplement(desk.clerk, sent.number, opened.version, ["applicant_id_card"], "照片看不清")
    assert asked.state is OnlineState.SUPPLEMENT_ASKED
    assert [m["key"] for m in asked.missing_materials] == ["applicant_id_card"]
    assert "需补充材料：申请人居民身份证" in online.outbox(PHONE)[-1].text
    assert online.queue("HP01") == []

    again = online.add_materials(citizen, sent.number, [UploadFile("applicant_id_card", "id.pdf", PDF_BYTES)])
    assert again.state is OnlineState.SUBMITTED and len(again.uploads) == 2
    reopened = online.open(desk.clerk, sent.number)
    booked = online.book_visit(desk.clerk, sent.number, reopened.version, date(2026, 3, 4))
    assert booked.state is OnlineState.VISIT_BOOKED and "2026-03-04" in online.outbox(PHONE)[-1].text

    converted, case = online.open_at_counter(desk.clerk, number_from_scan(booked.qr_payload) or "")
    assert converted.state is OnlineState.CONVERTED and converted.case_number == case.number
    assert case.state is CaseState.DRAFT and case.form_values == values
    assert case.applicant.id_number == OLD_MAN
    with pytest.raises(AlreadyCase) as already:
        online.open_at_counter(desk.clerk, sent.number)
    assert already.value.case_number == case.number


def test_a_fully_online_item_is_decided_without_a_visit_and_others_are_not(desk: Desk) -> None:
    core = shipped_core(desk.core.store, desk.clock)
    online = core.online
    # Deciding a 户籍证明 online issues it, signed: the register states what it certifies.
    core.citizens.set_register_facts(desk.clerk, YOUNG_WOMAN, household_head="李建国", relationship_to_head="孙女",
                                     registered_on=date(1999, 3, 1))
    core.keys.ensure_demo_key("HP01")
    citizen = sign_in(online, OLD_MAN)
    values = {**RELATIVE_CERTIFICATE, "subject": {"name": "王𠮷", "id_number": YOUNG_WOMAN}}
    sent = online.submit(citizen, "HP01", "household_certificate", values,
                         [UploadFile("relationship_proof", "proof.png", image_bytes("PNG"))])
    opened = online.open(desk.clerk, sent.number)
    decided, papers = online.decide_online(desk.clerk, sent.number, opened.version)
    assert decided.state is OnlineState.DECIDED_ONLINE and decided.case_number == papers.case.number
    assert papers.case.state is CaseState.COMPLETED
    assert [paper.kind for paper in papers.papers] == ["completion_notice", "household_certificate"]
    assert "已网上办结" in online.outbox(PHONE)[-1].text

    booklet = online.submit(citizen, "HP01", "booklet_reissue",
                            {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
                             "contact_phone": PHONE})
    opened = online.open(desk.clerk, booklet.number)
    with pytest.raises(Exception, match="不是全程网办事项"):
        online.decide_online(desk.clerk, booklet.number, opened.version)


def test_codes_are_limited_per_id_number_and_per_phone(desk: Desk) -> None:
    online = shipped_core(desk.core.store, desk.clock).online
    for _ in range(5):
        online.send_code(YOUNG_WOMAN, PHONE)
    with pytest.raises(SignInRefused, match="过于频繁"):
        online.send_code(OLD_MAN, PHONE)  # another ID number, the same phone
    with pytest.raises(SignInRefused, match="过于频繁"):
        online.send_code(YOUNG_WOMAN, "13900000000")  # the same ID number, another phone
    desk.clock.advance(timedelta(hours=1, minutes=1))
    online.send_code(OLD_MAN, PHONE)
