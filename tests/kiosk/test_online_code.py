"""A 网上办 application's QR code at the kiosk: it shows how the application stands only to the
citizen whose card is on the reader (the application number is sequential, like a case number)."""

from __future__ import annotations

from kiosk_fixtures import LIU_JIANGUO, ZHANG_WEI, KioskUnderTest

from desk.services.online import Citizen
from kiosk.payloads import OnlineCode, UnknownCode, classify

BOOKLET = {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
           "contact_phone": "13912345678"}


def test_the_online_code_is_recognised_and_junk_after_the_prefix_is_not() -> None:
    assert classify("HJWS1:WS-HP01-20261204-0001") == OnlineCode("WS-HP01-20261204-0001")
    assert classify(" hjws1:ws-hp01-20261204-0001 ") == OnlineCode("WS-HP01-20261204-0001")
    assert isinstance(classify("HJWS1:DROP TABLE"), UnknownCode)


def test_the_kiosk_shows_an_online_application_to_its_own_card_holder_only(kiosk: KioskUnderTest) -> None:
    online = kiosk.kiosk.core.online
    mine = online.submit(Citizen(ZHANG_WEI, "13912345678"), "HP01", "booklet_reissue", BOOKLET)
    theirs = online.submit(Citizen(LIU_JIANGUO, "13812345678"), "HP01", "booklet_reissue", BOOKLET)
    flow = kiosk.flow

    flow.on_scanned(mine.qr_payload)  # nobody's card on the reader: the number alone opens nothing
    kiosk.wait_screen("message")
    assert "身份证" in flow.message.lbl_text.text() and mine.number not in flow.message.lbl_text.text()

    kiosk.start_card_session("zhang-wei")
    flow.on_scanned(mine.qr_payload)
    kiosk.qtbot.waitUntil(lambda: mine.number in flow.message.lbl_text.text(), timeout=8000)
    assert "等待预审" in flow.message.lbl_text.text()

    flow.on_scanned(theirs.qr_payload)  # someone else's application reads as not found
    kiosk.qtbot.waitUntil(lambda: "没有找到" in flow.message.lbl_title.text(), timeout=8000)
    assert theirs.number not in flow.message.lbl_text.text()
