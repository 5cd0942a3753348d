"""A “一件事” bundle at the desk, driven like a clerk drives it: the father's card swiped, 出生一件事
found by the transaction search, the shared fields typed once (they reach the member's form and
cannot be typed there again), materials ticked, Ctrl+Enter — one receipt listing the member case and
the referral list printed (PDFs read back), the case completed in the store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui.test_desk_flows import TODAY, Desk, desk, open_desk, template_db  # noqa: F401  (fixtures)

from desk.domain.workflow import CaseState
from desk.ui.bundle_page import BundlePage
from desk.ui.demo_cases import demo_cases, type_values
from desk.ui.new_case import PAGE_BUNDLE, PAGE_DONE, PAGE_PICK
from desk.ui.permissions import Screen
from desk.ui.transaction_picker import BUNDLE_PREFIX


def test_a_newborn_bundle_from_swipe_to_receipt_and_referral_list(desk: Desk) -> None:  # noqa: F811
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    view.picker.edt_search.insert("出生")  # the transaction stays first; the bundle is offered after it
    codes = [str(view.picker.lst_transactions.item(i).data(Qt.ItemDataRole.UserRole))
             for i in range(view.picker.lst_transactions.count())]
    assert codes[0] == "birth_registration" and BUNDLE_PREFIX + "newborn" in codes
    view.picker.edt_search.clear()
    view.picker.edt_search.insert("出生一件事")  # named: it heads the list
    first = view.picker.lst_transactions.item(0)
    assert first.data(Qt.ItemDataRole.UserRole) == BUNDLE_PREFIX + "newborn" and "一件事" in first.text()
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.page == PAGE_BUNDLE and view.bundle_page is not None)
    page = view.bundle_page
    assert isinstance(page, BundlePage)
    assert not page.btn_accept.isEnabled()

    shared_keys = {"child_name", "child_sex", "child_birth_date"}
    type_values(page.shared_form, {k: v for k, v in case.values.items() if k in shared_keys})
    member = page.member_form("birth_registration")
    assert member.values()["child_name"] == "张子涵"  # typed once, there already
    assert member.editor("child_name").isHidden()  # and not asked again
    type_values(member, {k: v for k, v in case.values.items() if k not in shared_keys})
    page.checklists["birth_registration"].btn_all_received.click()
    desk.wait(lambda: page.btn_accept.isEnabled())
    desk.window.act_accept.trigger()  # Ctrl+Enter
    desk.wait(lambda: view.page == PAGE_DONE and view.bundle_decided is not None)

    decided = view.bundle_decided
    assert decided is not None
    (stored,) = [desk.core.queries.get(m.number) for m in decided.bundle.members]
    assert stored.state is CaseState.COMPLETED and stored.form_values["child_name"] == "张子涵"
    assert decided.bundle.number in view.lbl_done_detail.text()
    receipt_paper, list_paper = decided.papers
    receipt = desk.paper_text(receipt_paper.serial).replace(" ", "").replace("\n", "")
    assert "受理回执" in receipt and stored.number in receipt and decided.bundle.number in receipt
    assert "出生登记" in receipt and "张子涵" in receipt
    referrals = desk.paper_text(list_paper.serial).replace(" ", "").replace("\n", "")
    assert "后续事项告知单" in referrals and "社会保障卡" in referrals and "预防接种" in referrals

    # Today lists the follow-ups still open; the member's case view shows its bundle, and a follow-up
    # is marked done there (in the store, and in the list shown after the reload).
    today = desk.window.today
    desk.window.show_screen(Screen.TODAY)
    today.refresh()
    desk.wait(lambda: any(row[0] == "一件事后续" and row[1] == stored.number for row in today.clock_rows()))
    desk.window.open_case(stored.number)
    extras = desk.window.case_view.extras
    desk.wait(lambda: extras.extras.bundle is not None)
    assert decided.bundle.number in extras.lbl_bundle.text()
    extras.lst_follow_ups.setCurrentRow(0)
    first_key = str(extras.lst_follow_ups.currentItem().data(Qt.ItemDataRole.UserRole))
    put_to_the_citizen: list[str] = []
    desk.window.case_view.case_decided.connect(put_to_the_citizen.append)
    extras.btn_done.click()
    desk.wait(lambda: {f.key: f.state for f in desk.core.bundles.get(decided.bundle.number).follow_ups}[first_key]
              == "done")
    desk.wait(lambda: "已办结" in extras.lst_follow_ups.item(0).text())
    # Found by CI: marking a follow-up reopened the evaluator on the citizen's screen (days later, nobody
    # there) — and raced a rating asked meanwhile. A follow-up is the clerk's bookkeeping, not a decision.
    assert put_to_the_citizen == []


def test_the_thirty_day_notice_from_the_case_view(desk: Desk) -> None:  # noqa: F811
    """注销公告: posted from the case view (printed, read back), due in Today after 30 days, decided there."""
    from datetime import timedelta

    from desk.services.citizens import CardFacts
    from desk.services.demo import DEMO_PASSWORD

    core = desk.core
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    leader = core.users.sign_in("leader", DEMO_PASSWORD).actor
    core.citizens.register_card(clerk, CardFacts(id_number="210104197802093029", name="李秀兰"))
    values = {"duplicate_address": "铁岭市银州区红旗街5号", "cause": "migration_not_cancelled",
              "kept_registration": "elsewhere", "details_differ": False}
    draft = core.cases.open_draft(clerk, "210104197802093029", "duplicate_deregistration", values)
    routed = core.decisions.accept_and_route(clerk, draft.number, draft.version, [
        "written_application", "household_booklets", "resident_id_cards"]).case
    number = core.cases.approve(leader, routed.number, routed.version, "同意公告注销").number

    desk.sign_in("clerk")
    desk.window.open_case(number)
    extras = desk.window.case_view.extras
    desk.wait(lambda: extras.case is not None and extras.case.number == number and extras.btn_publish.isVisible())
    extras.btn_publish.click()
    desk.wait(lambda: core.notices.for_case(number) != [])
    [notice] = core.notices.for_case(number)
    posted = desk.paper_text(notice.serial).replace(" ", "").replace("\n", "")
    assert "注销户口公告" in posted and "李秀兰" in posted and "铁岭市银州区红旗街5号" in posted
    desk.wait(lambda: notice.serial in extras.lbl_notice.text() and not extras.btn_publish.isVisible())
    assert not extras.btn_cancel_registration.isVisible()  # not before the 30 days are over

    core.clock.advance(timedelta(days=31))  # type: ignore[attr-defined]
    today = desk.window.today
    desk.window.show_screen(Screen.TODAY)
    today.refresh()
    desk.wait(lambda: any(row[0] == "注销公告" and row[1] == number and "待作注销决定" in row[3]
                          for row in today.clock_rows()))
    desk.window.open_case(number)
    desk.wait(lambda: extras.btn_cancel_registration.isVisible())
    extras.btn_cancel_registration.click()
    desk.wait(lambda: core.queries.get(number).state is CaseState.COMPLETED)
    assert core.notices.for_case(number)[0].state == "cancelled"


def test_an_unanswered_application_is_said_to_count_as_accepted(desk: Desk) -> None:  # noqa: F811
    """The clerk resuming the draft is told; the case view says so too."""
    from datetime import timedelta

    from desk.services.citizens import CardFacts
    from desk.services.demo import DEMO_PASSWORD

    core = desk.core
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    core.citizens.register_card(clerk, CardFacts(id_number="210104197802093029", name="李秀兰"))
    clock = core.clock
    clock.advance(timedelta(days=-14))  # type: ignore[attr-defined]  # received two weeks ago, never answered
    draft = core.cases.open_draft(clerk, "210104197802093029", "booklet_reissue", {})
    clock.advance(timedelta(days=14))  # type: ignore[attr-defined]
    received = (TODAY - timedelta(days=14)).isoformat()
    desk.sign_in("clerk")
    desk.window.open_case(draft.number)  # a draft: the clerk goes on filling it in
    view = desk.new_case
    desk.wait(lambda: view.number == draft.number and "视为受理" in view.lbl_message.text())
    assert received in view.lbl_message.text()
    desk.window.case_view.load(draft.number)  # its history and facts, as the case view shows them
    extras = desk.window.case_view.extras
    desk.wait(lambda: extras.case is not None and extras.case.number == draft.number)
    assert not extras.lbl_deemed.isHidden() and "视为受理" in extras.lbl_deemed.text()
    assert received in extras.lbl_deemed.text()


def test_the_bundle_forms_scroll_as_one_column_at_1366_by_768(desk: Desk) -> None:  # noqa: F811
    """Found driving the desk at 1366×768: the shared part (a fixed height) cut its last help line and the
    member's form was a second scroll area ~170 px tall with the required 父亲 below its own fold. Now
    neither form scrolls by itself: one column scrolls, and every field can be brought into view."""
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    desk.window.resize(1366, 768)
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    view.picker.edt_search.insert("出生一件事")
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.page == PAGE_BUNDLE and view.bundle_page is not None)
    page = view.bundle_page
    assert isinstance(page, BundlePage)
    member = page.member_form("birth_registration")
    type_values(member, {"mother": case.values["mother"]})  # the card facts line appears under the person
    desk.qtbot.wait(50)
    for form in (page.shared_form, member):
        assert form.scr_fields.verticalScrollBar().maximum() == 0  # no scrolling of its own
        assert form.scr_fields.height() >= form.wdg_fields.sizeHint().height()
    viewport = page.scr_column.viewport()
    for key in ("father", "mother"):
        editor = member.editor(key)
        page.scr_column.ensureWidgetVisible(editor)
        desk.qtbot.wait(20)
        top_left = editor.mapTo(viewport, editor.rect().topLeft())
        bottom = editor.mapTo(viewport, editor.rect().bottomLeft()).y()
        assert top_left.y() >= 0 and bottom <= viewport.height(), key
