"""Each kiosk service end to end: the simulated reader on a real pty, the real store, PDF printing
into tmp_path, the printed text read back."""

from __future__ import annotations

from kiosk_fixtures import LIU_JIANGUO, ZHANG_WEI, KioskUnderTest
from sqlalchemy import select

from desk.services.ratings import RatingLevel
from desk.store.models import AuditEntry, QueueTicket, ServiceRating
from printing.qr import receipt_qr_text


def audit_actions(kiosk: KioskUnderTest, entity_type: str) -> list[str]:
    with kiosk.kiosk.core.store.read() as session:
        return list(session.execute(select(AuditEntry.action).where(AuditEntry.entity_type == entity_type)
                                    .order_by(AuditEntry.seq)).scalars())


def test_swipe_opens_a_session_and_my_cases_speak_plainly(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    home = kiosk.flow.home
    assert home.lbl_greeting.text() == "您好，张伟"
    assert ZHANG_WEI not in home.lbl_id.text() and home.lbl_id.text().endswith("1239")
    home.btn_cases.click()
    kiosk.wait_screen("cases")
    texts = [label.text() for label in kiosk.flow.cases.findChildren(type(home.lbl_id))]
    joined = " ".join(texts)
    assert "我的办件（共 3 件）" in joined
    assert "现在：材料不齐，需要补交" in joined and "还需补交：1. 迁出户《居民户口簿》" in joined
    assert "现在：正在审核" in joined and "承诺" in joined
    kiosk.flow.cases.pager.btn_next.click()
    joined = " ".join(label.text() for label in kiosk.flow.cases.findChildren(type(home.lbl_id)))
    assert "现在：已经办好" in joined and "户口簿" in joined
    # The views are audited: the card read, the record viewed, the kiosk's own events.
    kiosk.qtbot.waitUntil(lambda: "kiosk.progress_query" in audit_actions(kiosk, "kiosk"))
    assert audit_actions(kiosk, "kiosk")[:2] == ["kiosk.session_started", "kiosk.progress_query"]
    citizen_actions = audit_actions(kiosk, "citizen")
    assert "citizen.kiosk_card_read" in citizen_actions and "citizen.viewed" in citizen_actions


def test_queue_ticket_prints_number_people_ahead_and_wait(kiosk: KioskUnderTest) -> None:
    kiosk.flow.attract.btn_ticket.click()
    kiosk.wait_screen("ticket")
    picker = kiosk.flow.ticket.picker
    picker.btn_search.click()
    for letter in "CSDJ":
        next(key for key in picker.keypad.keys if key.text() == letter).click()
    assert sorted(picker.tile_texts()) == ["出生登记", "国（境）外出生登记"]  # both are 出生登记 by their initials
    assert kiosk.flow.ticket.lbl_title.text() == "取排队号：请选择要办理的业务"
    picker.click_tile("出生登记")
    assert kiosk.flow.ticket.lbl_chosen.text() == "出生登记"
    # The confirmation says what it asks, not "choose" again; 重新选择 goes back to choosing.
    assert kiosk.flow.ticket.lbl_title.text() == "取排队号：请确认办理的业务，然后打印"
    kiosk.flow.ticket.btn_again.click()
    assert kiosk.flow.ticket.lbl_title.text() == "取排队号：请选择要办理的业务"
    picker.click_tile("出生登记")
    kiosk.flow.ticket.btn_print.click()
    kiosk.wait_screen("message")
    message = kiosk.flow.message
    assert message.lbl_big.text() == "A001"
    # Nobody ahead is said as such ("您前面还有 0 人，预计等待约 0 分钟" read like a fault).
    assert message.lbl_text.text().startswith("您前面没有人在等候") and " 0 " not in message.lbl_text.text()
    [text] = kiosk.wait_printed(1)
    # The slip says it in words too: "您前面还有 0 人等候" read like a fault.
    assert "排队号" in text and "A001" in text and "出生登记" in text and "您前面没有人等候" in text
    assert "0人" not in text.replace(" ", "") and "Queue ticket" not in text
    with kiosk.kiosk.core.store.read() as session:
        ticket = session.execute(select(QueueTicket)).scalar_one()
        assert (ticket.kiosk_code, ticket.state, ticket.transaction_code) == ("K01", "waiting", "birth_registration")
    # The kiosk keeps nothing in its spool once a job is out.
    kiosk.qtbot.waitUntil(lambda: not list((kiosk.printed.parent / "spool").glob("*.pdf")))


def test_the_queue_ticket_prints_in_the_citizens_language(kiosk: KioskUnderTest) -> None:
    """The slip was Chinese only whatever the kiosk's language: in English it is English, with the Chinese
    the window needs (the title and the transaction's Chinese name)."""
    kiosk.kiosk.core.queue.take_ticket("birth_registration")  # someone is ahead
    kiosk.flow.attract.btn_ticket.click()
    kiosk.wait_screen("ticket")
    kiosk.kiosk.window.btn_language.click()
    picker = kiosk.flow.ticket.picker
    picker.btn_search.click()
    for letter in "CSDJ":
        next(key for key in picker.keypad.keys if key.text() == letter).click()
    picker.click_tile("Birth registration")
    kiosk.flow.ticket.btn_print.click()
    kiosk.wait_screen("message")
    [text] = kiosk.wait_printed(1)
    assert "Queue ticket" in text and "A002" in text and "Birth registration" in text and "出生登记" in text
    assert "1 person is waiting ahead of you" in text and "Estimated wait: about" in text
    assert "您前面" not in text and "取号时间" not in text and "Taken at" in text


def test_self_printed_household_certificate(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    screen = kiosk.flow.certificate
    assert "张伟" in screen.lbl_for.text()
    screen.purpose_tiles[0].click()  # 入学
    # Nothing prints on the first tap: the certificate's page is shown first, drawn off the GUI thread.
    kiosk.wait_screen("certificate_preview", timeout=15_000)
    preview = kiosk.flow.certificate_preview
    page = preview.shown_page
    assert not page.isNull() and page.height() > page.width() > 100  # an A4 page, upright
    assert preview.lbl_page.isVisible() and not preview.lbl_missing.isVisible()
    assert kiosk.printed_texts() == []
    preview.btn_print.click()
    kiosk.wait_screen("message", timeout=15_000)
    assert kiosk.flow.message.lbl_title.text() == "打印完成"
    [text] = kiosk.wait_printed(1)
    assert "户籍证明" in text and "张伟" in text and "入学" in text
    assert "自助终端" in text  # issued by the kiosk, not by a clerk
    assert preview.shown_page.isNull()  # the picture of the citizen's data is gone once printed


def test_certificate_preview_back_prints_nothing(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    kiosk.flow.certificate.purpose_tiles[1].click()
    kiosk.wait_screen("certificate_preview", timeout=15_000)
    kiosk.flow.certificate_preview.btn_back.click()
    kiosk.wait_screen("certificate")
    kiosk.qtbot.waitUntil(lambda: "kiosk.preview_cancelled" in audit_actions(kiosk, "kiosk"))
    kiosk.qtbot.wait(300)
    assert kiosk.printed_texts() == []
    assert kiosk.flow.certificate_preview.shown_page.isNull()


def test_incomplete_register_entry_is_sent_to_the_counter_politely(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("liu-jianguo")
    assert kiosk.flow.home.lbl_id.text().endswith(LIU_JIANGUO[-4:])
    kiosk.flow.home.btn_certificate.click()
    kiosk.wait_screen("certificate")
    kiosk.flow.certificate.purpose_tiles[1].click()
    kiosk.wait_screen("message")
    message = kiosk.flow.message
    assert message.lbl_title.text() == "请到窗口办理"
    assert "请到窗口办理" in message.lbl_text.text()
    assert kiosk.printed_texts() == []


def test_what_to_bring_prints_a_checklist(kiosk: KioskUnderTest) -> None:
    kiosk.flow.attract.btn_guide.click()
    kiosk.wait_screen("guide")
    guide = kiosk.flow.guide
    guide.picker.click_tile("出生登记")
    texts = " ".join(label.text() for label in guide.findChildren(type(guide.lbl_title)))
    assert "《出生医学证明》" in texts and "如父母已登记结婚则需" in texts
    guide.btn_print.click()
    kiosk.wait_screen("message")
    [text] = kiosk.wait_printed(1)
    assert "办事材料清单" in text and "出生登记" in text and "如父母已登记结婚则需" in text


def test_what_to_bring_prints_the_checklist_in_english_for_an_english_reader(kiosk: KioskUnderTest) -> None:
    """Found in the live test: the citizen chose English, the screen spoke English, the paper came out
    Chinese only. It now prints in English, each material's Chinese name kept beneath its English one;
    the screen's English captions use their own brackets (not （Original）)."""
    kiosk.kiosk.window.btn_language.click()
    assert kiosk.kiosk.ctx.english, "the English translation must be compiled (scripts/setup.sh)"
    kiosk.flow.attract.btn_guide.click()
    kiosk.wait_screen("guide")
    guide = kiosk.flow.guide
    guide.show_transaction("birth_registration")
    texts = " ".join(label.text() for label in guide.findChildren(type(guide.lbl_title)))
    assert "Medical birth certificate (original)" in texts and "（" not in texts.replace("（父亲或母亲）", "")
    guide.btn_print.click()
    kiosk.wait_screen("message")
    [text] = kiosk.wait_printed(1)
    assert "Checklist of materials" in text and "Birth registration" in text and "出生登记" in text
    assert "Medical birth certificate" in text and "《出生医学证明》" in text
    assert "Neededifparentsarenotmarried" in text.replace(" ", "") and "如不是" not in text


def test_bad_rating_for_a_case_opens_a_follow_up(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_rating.click()
    kiosk.wait_screen("rating")
    rating = kiosk.flow.rating
    kiosk.qtbot.waitUntil(lambda: rating.steps.currentIndex() == 0)
    completed = next(tile for tile in rating.case_tiles.tiles if "已经办好" in tile.lbl_subtitle.text())
    number = completed.lbl_subtitle.text().split(" · ")[0]
    completed.click()
    rating.level_buttons[RatingLevel.DISSATISFIED].click()
    reason = rating.reason_tiles.tiles[0]
    reason.click()
    assert reason.isChecked()
    rating.btn_submit.click()
    kiosk.wait_screen("message")
    assert "回访" in kiosk.flow.message.lbl_text.text()
    with kiosk.kiosk.core.store.read() as session:
        stored = session.execute(select(ServiceRating)).scalar_one()
        assert (stored.level, stored.kiosk_code, stored.follow_up_state) == ("dissatisfied", "K01", "open")
        assert stored.reason == "等候时间太长" and stored.follow_up_due is not None
    assert any(r.case_number == number for r in kiosk.kiosk.core.ratings.open_follow_ups())


def test_receipt_code_opens_that_case_only(kiosk: KioskUnderTest) -> None:
    core = kiosk.kiosk.core
    case = core.queries.list(applicant_id_number=ZHANG_WEI)[0]
    kiosk.flow.on_scanned(receipt_qr_text(case.number, case.lookup_code))
    kiosk.wait_screen("cases")
    screen = kiosk.flow.cases
    assert screen.lbl_title.text() == "办理进度"
    shown = " ".join(label.text() for label in screen.findChildren(type(screen.lbl_title)))
    assert case.number in shown and "张伟" not in shown
    assert len([card for card in screen.cards if not card.isHidden()]) == 1
    # Rating from there is tied to that case; back from the rating returns to it, back again ends.
    screen.btn_rate.click()
    assert kiosk.flow.rating.lbl_case.text() == f"评价的办件：{case.number}"
    kiosk.flow.rating.btn_back.click()
    assert kiosk.screen() == "cases"
    screen.btn_back.click()
    assert kiosk.screen() == "attract" and kiosk.kiosk.ctx.sessions.current is None
    # A wrong lookup code for a real case number opens nothing.
    kiosk.flow.on_scanned(receipt_qr_text(case.number, "ABCDEFGH"))
    kiosk.wait_screen("message")
    assert "没有找到" in kiosk.flow.message.lbl_title.text()
    assert case.number not in kiosk.flow.message.lbl_text.text()


def test_a_guest_going_back_returns_to_the_attract_screen(kiosk: KioskUnderTest) -> None:
    for open_service, screen in ((kiosk.flow.attract.btn_ticket, kiosk.flow.ticket),
                                 (kiosk.flow.attract.btn_guide, kiosk.flow.guide),
                                 (kiosk.flow.attract.btn_rating, kiosk.flow.rating)):
        open_service.click()
        assert kiosk.kiosk.ctx.sessions.current is not None  # a guest visit, on the same idle clock
        screen.btn_back.click()
        assert kiosk.screen() == "attract" and kiosk.kiosk.ctx.sessions.current is None


def test_a_card_holder_of_sixty_gets_a_priority_ticket(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("liu-jianguo")  # born 1962: sixty and over
    kiosk.flow.home.btn_ticket.click()
    kiosk.wait_screen("ticket")
    ticket = kiosk.flow.ticket
    ticket.picker.click_tile(ticket.picker.tile_texts()[0])
    assert ticket.btn_priority.isChecked()  # ticked for them; they may untick it
    ticket.btn_print.click()
    kiosk.wait_screen("message")
    kiosk.wait_printed(1)
    with kiosk.kiosk.core.store.read() as session:
        stored = session.execute(select(QueueTicket)).scalar_one()
    assert stored.priority == "elder"


def test_anyone_may_ask_for_priority_and_the_window_checks(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")  # 41: not ticked by itself
    kiosk.flow.home.btn_ticket.click()
    kiosk.wait_screen("ticket")
    ticket = kiosk.flow.ticket
    ticket.picker.click_tile(ticket.picker.tile_texts()[0])
    assert not ticket.btn_priority.isChecked()
    ticket.btn_priority.click()
    ticket.btn_print.click()
    kiosk.wait_screen("message")
    kiosk.wait_printed(1)
    with kiosk.kiosk.core.store.read() as session:
        stored = session.execute(select(QueueTicket)).scalar_one()
    assert stored.priority == "declared"
