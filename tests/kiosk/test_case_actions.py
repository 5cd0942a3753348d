"""The actions on a case card and 一次一评 at the kiosk, end to end: the real kiosk on the seeded store,
the simulated reader on a pty, PDF printing into tmp_path (the printed text read back).

- a case missing papers offers 打印补交清单 — the desk's 一次性告知书 for that case, issued by the document
  service — and 取号补交 — a queue ticket for the case's transaction, linked to the case;
- a receipt code (no card) does not print the notice (it names the applicant), but may take the ticket;
- a case already rated is flagged by the service and not offered for rating again.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from kiosk_fixtures import ZHANG_WEI, KioskUnderTest
from sqlalchemy import select

from desk.domain.errors import InvalidInput, NotFound
from desk.services.ratings import RatingLevel
from desk.store.models import AuditEntry, QueueTicket
from kiosk.plain_words import CaseSummary, what_needs_the_citizen_first
from kiosk.said import Data
from kiosk.screens.cases import CaseCard
from printing.qr import receipt_qr_text


def _open_my_cases(kiosk: KioskUnderTest) -> None:
    kiosk.start_card_session("zhang-wei")
    kiosk.flow.home.btn_cases.click()
    kiosk.wait_screen("cases")


def _card_missing_papers(kiosk: KioskUnderTest) -> CaseCard:
    """The shown card of the case that waits for papers (turning pages until it is there)."""
    screen = kiosk.flow.cases
    for _ in range(screen.pager.pages):
        shown = [card for card in screen.cards if card.isVisible() and card.btn_ticket_supplement.isVisible()]
        if shown:
            return shown[0]
        screen.pager.btn_next.click()
    raise AssertionError("no card offers 取号补交")


def test_only_a_case_missing_papers_offers_the_two_actions(kiosk: KioskUnderTest) -> None:
    _open_my_cases(kiosk)
    screen = kiosk.flow.cases
    seen: dict[str, tuple[bool, bool]] = {}
    for _ in range(screen.pager.pages):
        for card in screen.cards:
            if card.isVisible():
                seen[card.lbl_state.text()] = (card.btn_print_supplement.isVisible(),
                                               card.btn_ticket_supplement.isVisible())
        screen.pager.btn_next.click()
    assert seen == {"现在：材料不齐，需要补交": (True, True), "现在：正在审核": (False, False),
                    "现在：已经办好": (False, False)}


def test_print_supplement_checklist_prints_that_cases_notice(kiosk: KioskUnderTest) -> None:
    _open_my_cases(kiosk)
    card = _card_missing_papers(kiosk)
    number = card.number
    assert card.btn_print_supplement.text() == "打印补交清单"
    card.btn_print_supplement.click()
    kiosk.wait_screen("message", timeout=15_000)
    assert kiosk.flow.message.lbl_title.text() == "打印完成"
    [text] = kiosk.wait_printed(1)
    assert "一次性告知书" in text and number in text and "居民户口簿" in text and "张伟" in text
    with kiosk.kiosk.core.store.read() as session:
        events = session.execute(select(AuditEntry.action, AuditEntry.details).where(
            AuditEntry.entity_type == "kiosk", AuditEntry.action == "kiosk.supplement_notice")).all()
    assert len(events) == 1 and ZHANG_WEI not in str(events[0].details)
    kiosk.qtbot.waitUntil(lambda: not list((kiosk.printed.parent / "spool").glob("*.pdf")))
    # 好的 goes back to the case — its 取号补交 is the likely next step — not to the home screen.
    page = kiosk.flow.cases.pager.page
    kiosk.flow.message.btn_ok.click()
    kiosk.wait_screen("cases")
    assert kiosk.flow.cases.pager.page == page and card.isVisible() and card.btn_ticket_supplement.isVisible()


def test_supplement_notice_is_the_card_holders_own_only(kiosk: KioskUnderTest) -> None:
    backend, core = kiosk.kiosk.ctx.backend, kiosk.kiosk.core
    waiting = next(c for c in core.queries.list(applicant_id_number=ZHANG_WEI)
                   if c.state.value == "supplement_requested")
    with pytest.raises(NotFound):  # another person's card: as if there were no such case
        backend.supplement_notice("210103196211082511", waiting.number)
    done = next(c for c in core.queries.list(applicant_id_number=ZHANG_WEI) if c.state.value == "completed")
    with pytest.raises(InvalidInput):  # nothing missing, no notice
        backend.supplement_notice(ZHANG_WEI, done.number)


def test_take_a_ticket_for_the_missing_papers_linked_to_the_case(kiosk: KioskUnderTest) -> None:
    _open_my_cases(kiosk)
    card = _card_missing_papers(kiosk)
    number = card.number
    card.btn_ticket_supplement.click()
    kiosk.wait_screen("ticket")
    ticket = kiosk.flow.ticket
    assert ticket.steps.currentIndex() == 1  # straight to the confirmation: nothing to pick again
    assert "补交材料" in ticket.lbl_chosen.text() and number in ticket.lbl_chosen.text()
    assert not ticket.btn_priority.isChecked()  # 张伟 is 41: priority only as declared
    ticket.btn_print.click()
    kiosk.wait_screen("message")
    assert kiosk.flow.message.lbl_big.text().startswith("B")  # 迁移 tickets are B
    [text] = kiosk.wait_printed(1)
    assert "排队号" in text
    case = kiosk.kiosk.core.queries.get(number)
    with kiosk.kiosk.core.store.read() as session:
        stored = session.execute(select(QueueTicket)).scalar_one()
        issued = session.execute(select(AuditEntry.details).where(AuditEntry.action == "ticket.issued")).scalar_one()
    assert (stored.case_number, stored.transaction_code, stored.priority) == (number, case.transaction_code, "")
    assert issued["case"] == number


def test_a_receipt_code_takes_the_ticket_but_prints_no_notice(kiosk: KioskUnderTest) -> None:
    core = kiosk.kiosk.core
    waiting = next(c for c in core.queries.list(applicant_id_number=ZHANG_WEI)
                   if c.state.value == "supplement_requested")
    kiosk.flow.on_scanned(receipt_qr_text(waiting.number, waiting.lookup_code))
    kiosk.wait_screen("cases")
    [card] = [card for card in kiosk.flow.cases.cards if card.isVisible()]
    assert card.btn_ticket_supplement.isVisible() and not card.btn_print_supplement.isVisible()
    card.btn_ticket_supplement.click()
    kiosk.wait_screen("ticket")
    kiosk.flow.ticket.btn_print.click()
    kiosk.wait_screen("message")
    with core.store.read() as session:
        assert session.execute(select(QueueTicket.case_number)).scalar_one() == waiting.number


def test_a_rated_case_is_not_offered_again(kiosk: KioskUnderTest) -> None:
    core = kiosk.kiosk.core
    done = next(c for c in core.queries.list(applicant_id_number=ZHANG_WEI) if c.state.value == "completed")
    core.ratings.rate(RatingLevel.SATISFIED, case_number=done.number)  # say, at the counter's evaluator
    summaries = kiosk.kiosk.ctx.backend.cases_to_rate(ZHANG_WEI)
    assert {s.number: s.rated for s in summaries}[done.number] is True
    assert [s.number for s in summaries if s.rated] == [done.number]
    _open_my_cases(kiosk)
    assert {c.number: c.rated for c in kiosk.kiosk.ctx.sessions.current.cases}[done.number]  # type: ignore[union-attr]
    kiosk.flow.cases.btn_rate.click()
    kiosk.wait_screen("rating")
    rating = kiosk.flow.rating
    kiosk.qtbot.waitUntil(lambda: rating.steps.currentIndex() == 0)
    offered = [tile.lbl_subtitle.text() for tile in rating.case_tiles.tiles if not tile.isHidden()]
    assert not any(done.number in text for text in offered)
    assert len(offered) == 3  # the two cases not rated, and "not about one case"
    # Rating one of those here takes it off the list the next time.
    rating.case_tiles.tiles[0].click()
    chosen = rating.lbl_case.text()
    rating.level_buttons[RatingLevel.VERY_SATISFIED].click()
    rating.btn_submit.click()
    kiosk.wait_screen("message")
    kiosk.flow.message.btn_ok.click()
    kiosk.wait_screen("home")
    kiosk.flow.home.btn_rating.click()
    kiosk.wait_screen("rating")
    kiosk.qtbot.waitUntil(lambda: rating.steps.currentIndex() == 0)
    offered = [tile.lbl_subtitle.text() for tile in rating.case_tiles.tiles if not tile.isHidden()]
    assert len(offered) == 2 and not any(chosen.split("：")[-1] in text for text in offered)


def test_the_case_waiting_for_papers_comes_first(kiosk: KioskUnderTest) -> None:
    """我的办件 puts what the citizen can act on first: found with a refusal newer than the case waiting for
    papers, which then sat on page 2."""
    waiting, refused, in_hand = (replace(_summary(number), missing=missing, finished=finished)
                                 for number, missing, finished in (("A", ("户口簿",), False), ("B", (), True),
                                                                   ("C", (), False)))
    assert [s.number for s in what_needs_the_citizen_first([refused, in_hand, waiting])] == ["A", "C", "B"]
    # The kiosk's own list, on the seeded store: the first card on the first page offers 取号补交.
    _open_my_cases(kiosk)
    first = next(card for card in kiosk.flow.cases.cards if card.isVisible())
    assert first.btn_ticket_supplement.isVisible()


def _summary(number: str) -> CaseSummary:
    return CaseSummary(number=number, transaction=Data.of("出生登记", "Birth"), state=Data.of("", ""),
                       next_step=Data.of("", ""), promised=None, missing=(), reason=None, finished=False,
                       transaction_code="birth")
