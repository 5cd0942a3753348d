"""Bad input: a forged or expired card, an unknown code, a tampered certificate, a reader unplugged
mid-session, the printer out of paper mid-ticket — each a calm message, no traceback, nothing of the
previous citizen, and the kiosk back at the attract screen by itself."""

from __future__ import annotations

from kiosk_fixtures import ZHANG_WEI, KioskUnderTest
from sqlalchemy import func, select
from test_wipe import citizen_traces, every_text

from desk.store.models import QueueTicket

NO_TRACEBACK = ("Traceback", "Error:", "Exception", "File \"")


def _calm(kiosk: KioskUnderTest) -> str:
    kiosk.wait_screen("message")
    message = kiosk.flow.message
    text = f"{message.lbl_title.text()} {message.lbl_text.text()}"
    assert not any(marker in text for marker in NO_TRACEBACK)
    assert citizen_traces(every_text(kiosk.kiosk.window), []) == []
    return text


def _back_to_attract(kiosk: KioskUnderTest) -> None:
    kiosk.wait_screen("attract", timeout=5000)
    assert kiosk.kiosk.ctx.sessions.current is None


def test_forged_card_gives_no_session(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    kiosk.swipe("sun-bad-checksum")
    text = _calm(kiosk)
    assert "无法识别" in text and "窗口" in text
    assert kiosk.kiosk.ctx.sessions.current is None
    _back_to_attract(kiosk)


def test_forged_card_during_a_session_ends_it(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    kiosk.start_card_session("zhang-wei")
    kiosk.sim.remove()
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.health.reader_code == "ready")
    kiosk.swipe("sun-bad-checksum")
    _calm(kiosk)  # includes: nothing of 张伟 is left anywhere
    _back_to_attract(kiosk)


def test_expired_card_is_told_so(quick_kiosk: KioskUnderTest) -> None:
    quick_kiosk.swipe("zhao-expired")
    assert "过期" in _calm(quick_kiosk)
    _back_to_attract(quick_kiosk)


def test_unknown_code(quick_kiosk: KioskUnderTest) -> None:
    quick_kiosk.flow.on_scanned("https://example.com/?id=" + "9" * 30)
    assert "无法识别这个二维码" in _calm(quick_kiosk)
    _back_to_attract(quick_kiosk)


def test_tampered_certificate_is_refused_and_a_genuine_one_verified(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    paper = kiosk.kiosk.ctx.backend.household_certificate(ZHANG_WEI, "就业")
    assert paper.payload is not None
    kiosk.flow.on_scanned(paper.payload)
    assert "核验通过" in _calm(kiosk) and paper.serial in kiosk.flow.message.lbl_text.text()
    _back_to_attract(kiosk)
    prefix, body, signature = paper.payload.split(".")
    forged_body = body[:-3] + ("AAA" if body[-3:] != "AAA" else "BBB")
    kiosk.flow.on_scanned(f"{prefix}.{forged_body}.{signature}")
    text = _calm(kiosk)
    assert "核验未通过" in text
    _back_to_attract(kiosk)


def test_reader_unplugged_mid_session(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_cases.click()
    kiosk.wait_screen("cases")
    kiosk.sim.unplug(duration=None)
    text = _calm(kiosk)
    assert "读卡器" in text
    _back_to_attract(kiosk)
    # The services that need no reader keep working, and the attract screen says what is down.
    assert kiosk.flow.attract.lbl_reader_notice.isVisibleTo(kiosk.flow.attract)
    kiosk.flow.attract.btn_guide.click()
    kiosk.wait_screen("guide")
    kiosk.sim.replug()
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.health.reader_ok, timeout=8000)


def test_printer_out_of_paper_mid_ticket(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    kiosk.flow.attract.btn_ticket.click()
    kiosk.wait_screen("ticket")
    kiosk.printer.paper_out = True  # runs out after the kiosk last saw it ready
    kiosk.flow.ticket.btn_general.click()
    kiosk.flow.ticket.btn_print.click()
    text = _calm(kiosk)
    assert "没有打印出来" in text and "缺纸" in text
    assert kiosk.flow.message.lbl_big.text() == "G001"  # the number is on screen: the citizen is still served
    with kiosk.kiosk.core.store.read() as session:
        assert session.execute(select(func.count()).select_from(QueueTicket)).scalar_one() == 1
    assert kiosk.printed_texts() == []
    assert not list((kiosk.printed.parent / "spool").glob("*.pdf"))  # nothing left to print later
    _back_to_attract(kiosk)
    # Now the printing services say so politely and the rest keep working.
    kiosk.start_card_session("zhang-wei")
    home = kiosk.flow.home
    assert not home.btn_ticket.isEnabled() and not home.btn_certificate.isEnabled()
    assert home.lbl_notice.isVisibleTo(home) and "缺纸" in home.lbl_notice.text()
    home.btn_cases.click()
    kiosk.wait_screen("cases")


def test_a_message_left_behind_does_not_end_the_next_session(quick_kiosk: KioskUnderTest) -> None:
    kiosk = quick_kiosk
    kiosk.swipe("sun-bad-checksum")
    kiosk.wait_screen("message")
    kiosk.sim.remove()
    kiosk.qtbot.waitUntil(lambda: kiosk.kiosk.ctx.health.reader_code == "ready")
    kiosk.swipe("zhang-wei")  # the next citizen, before the message has gone by itself
    kiosk.wait_screen("home")
    kiosk.qtbot.wait(1500)  # longer than the message's 1 second
    assert kiosk.screen() == "home" and kiosk.kiosk.ctx.sessions.current is not None
