"""The front-desk client driven like a clerk drives it: the real widgets, the real ReaderSimulator over a
pty, printing to PDF files in tmp_path — complete cases for five transactions of the real catalog, then
the store (core.queries) and the printed text (pypdf) checked. Also: two windows on one case."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.catalog import Approval
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, CaseState
from desk.paths import holidays_dir
from desk.services.citizens import CardFacts
from desk.services.demo import DEMO_PASSWORD, build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp, DeskOptions
from desk.ui.demo_cases import ZHANG_WEI, DemoCase, demo_cases, type_values
from desk.ui.new_case import PAGE_DONE, PAGE_PICK, NewCaseView
from desk.ui.permissions import Screen
from desk.ui.widgets import row_key
from tests.app_teardown import close_desk
from tests.desk_driver import DeskDriver

# Wednesday 25 November 2026, 10:00 in Shenyang: a working day with working days around it.
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo store (real catalog, demo users and residents) built once, copied per test."""
    path = tmp_path_factory.mktemp("template") / "desk.sqlite3"
    store = Store(f"sqlite:///{path}")
    build_demo(store, shipped_catalog(), WorkingCalendar.from_folder(holidays_dir()), residents=20, cases=12,
               today=TODAY)
    store.dispose()  # checkpoints the WAL into the file, so one file is the whole database
    return path


@dataclass
class Answers:
    """The dialogs' answers (tests never open a modal dialog)."""

    reasons: list[str] = field(default_factory=list)
    choices: list[str] = field(default_factory=list)  # the text of the item to pick
    passwords: list[str] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    def reason(self, _parent: object, title: str, _prompt: str) -> str | None:
        self.asked.append(f"reason:{title}")
        return self.reasons.pop(0) if self.reasons else None

    def choice(self, _parent: object, title: str, _prompt: str, items: list[str]) -> int | None:
        self.asked.append(f"choice:{title}")
        wanted = self.choices.pop(0) if self.choices else None
        return next((i for i, item in enumerate(items) if wanted and wanted in item), None)

    def refusal(self, parent: object, title: str, grounds_prompt: str, grounds: list[str],
                prompt: str) -> tuple[int, str] | None:
        """The ground and the circumstances, asked in one dialog (the choice, then the reason, here)."""
        index = self.choice(parent, title, grounds_prompt, grounds)
        reason = self.reason(parent, title, prompt) if index is not None else None
        return (index, reason) if index is not None and reason else None

    def password(self, _parent: object, title: str, _prompt: str) -> str | None:
        self.asked.append(f"password:{title}")
        return self.passwords.pop(0) if self.passwords else None

    def confirm(self, *_args: object) -> bool:
        return True

    def save_path(self, *_args: object) -> None:
        return None

    def inform(self, *_args: object) -> None:
        return None


class Desk(DeskDriver):
    """The embedded desk under test, with the core it runs on."""

    @property
    def core(self) -> Core:
        return cast(Core, self.app.context.core)


def _open_desk(qtbot: QtBot, tmp_path: Path, db: Path, name: str, *, start_reader: bool = True) -> Desk:
    store = Store(f"sqlite:///{db}")
    core = Core(store, shipped_catalog(), WorkingCalendar.from_folder(holidays_dir()), FixedClock(NOW),
                Settings(station_code="HP01"))
    printed = tmp_path / f"printed-{name}"
    options = DeskOptions(settings=Settings(printer=f"pdf:{printed}", idle_lock_minutes=60),
                          spool_dir=tmp_path / f"spool-{name}", start_reader=start_reader)
    answers = Answers()
    app = DeskApp(QApplication.instance(), lambda: core, options, asker=answers)  # type: ignore[arg-type]
    app.start()
    desk = Desk(app, answers, printed, qtbot)
    desk.wait(lambda: app.context.core_ready and app.printer is not None)
    if start_reader:
        desk.wait(lambda: "请放置" in app.window.status.reader_text())
    return desk


@pytest.fixture
def open_desk(qtbot: QtBot, tmp_path: Path, template_db: Path) -> Iterator[Callable[..., Desk]]:
    db = tmp_path / "desk.sqlite3"
    shutil.copy(template_db, db)
    opened: list[Desk] = []

    def factory(name: str = "a", **kwargs: bool) -> Desk:
        desk = _open_desk(qtbot, tmp_path, db, name, **kwargs)
        opened.append(desk)
        return desk

    yield factory
    for desk in opened:
        close_desk(desk.app)


@pytest.fixture
def desk(open_desk: Callable[..., Desk]) -> Desk:
    return open_desk()


def fill_case(desk: Desk, case: DemoCase) -> NewCaseView:
    """Swipe → search the transaction by what the clerk types → fill the form → tick the materials."""
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    if case.search.isascii():  # pinyin initials are typed as keys; Chinese comes from the input method
        desk.qtbot.keyClicks(view.picker.edt_search, case.search)
    else:
        view.picker.edt_search.insert(case.search)
    assert view.picker.matches()[0].code == case.code, "the typed search puts the transaction first"
    # A person pauses before Enter (keys 50 ms apart ending in Enter would be a barcode scanner's).
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.is_ready)
    assert not view.btn_accept.isEnabled()
    type_values(view.form, case.values)
    for material in view.checklist.required():
        if material.key not in case.withheld:
            if not view.checklist.check_box(material.key).isChecked():
                view.checklist.check_box(material.key).click()
        elif view.checklist.verified_box(material.key).isChecked():
            view.checklist.verified_box(material.key).click()  # not found in the systems either: 缺
    assert view.form.problems() == []
    return view


def decided_number(desk: Desk) -> str:
    view = desk.new_case
    desk.wait(lambda: view.page == PAGE_DONE)
    assert view.decided is not None
    return view.decided.case.number


def listed_open_cases(view: NewCaseView) -> list[str | None]:
    """The case numbers in the applicant panel's 未办结的申请 list, top to bottom."""
    table = view.identify.tbl_cases
    return [row_key(table, row) for row in range(table.rowCount())]


def test_birth_registration_with_a_parent_swiped_in_accepted_and_completed_on_the_spot(desk: Desk) -> None:
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    view.picker.edt_search.insert("出生")  # typed through the input method: not ASCII key events
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return)
    desk.wait(lambda: view.is_ready)
    values = {k: v for k, v in case.values.items() if k != "mother"}
    type_values(view.form, values)
    # The mother's card fills the mother's field: 刷卡填入, then her card on the reader.
    view.form.editor("mother").btn_swipe.click()
    desk.swipe("li-xiulan")
    assert view.form.values()["mother"] == {"name": "李秀兰", "id_number": "210104197802093029"}
    assert "还缺" in view.lbl_blockers.text() and not view.btn_accept.isEnabled()
    view.checklist.btn_all_received.click()
    assert view.btn_accept.isEnabled(), view.lbl_blockers.text()
    view.btn_accept.click()
    number = decided_number(desk)
    assert number in listed_open_cases(view)  # accepted, not finished: listed beside the result

    stored = desk.core.queries.get(number)
    assert stored.state is CaseState.ACCEPTED
    assert stored.form_values["mother"]["id_number"] == "210104197802093029"
    assert stored.form_values["child_name"] == "张子涵"
    assert {m.key for m in stored.materials} >= {"birth_medical_certificate", "marriage_certificate"}
    receipt = desk.paper_text(view.decided.papers[0].serial)
    assert "受理回执" in receipt and number in receipt and "出生登记" in receipt
    assert "张子涵" in receipt  # the receipt names the newborn (issue 12, item 8)

    view.btn_complete_now.click()
    desk.wait(lambda: desk.core.queries.get(number).state is CaseState.COMPLETED)
    desk.wait(lambda: view.decided.case.state is CaseState.COMPLETED)
    notice = desk.paper_text(view.decided.papers[0].serial)
    assert "办结" in notice
    assert number not in listed_open_cases(view)  # finished: no longer among the open cases beside it
    # Issue 12, item 8: the notice names the newborn and, completed at the counter, does not send
    # the citizen away to come back for the 户口簿.
    assert "张子涵" in notice and "当场交付" in notice and "领取：" not in notice


def test_booklet_reissue_accepted_with_ctrl_enter(desk: Desk) -> None:
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    desk.wait(lambda: view.btn_accept.isEnabled())
    desk.window.act_accept.trigger()  # Ctrl+Enter
    number = decided_number(desk)
    stored = desk.core.queries.get(number)
    assert stored.state is CaseState.ACCEPTED and stored.transaction_code == "booklet_reissue"
    assert stored.form_values["contact_phone"] == "13912345678"
    assert number in desk.paper_text(view.decided.papers[0].serial)


def test_spouse_joins_spouse_missing_a_paper_gets_the_one_time_notice(desk: Desk) -> None:
    case = demo_cases(TODAY)["spouse_joins_spouse"]
    desk.sign_in("clerk2")
    view = fill_case(desk, case)
    # The accept button says why it is disabled: the missing material, by name.
    assert not view.btn_accept.isEnabled()
    assert "户籍证明" in view.lbl_blockers.text()
    desk.window.act_accept.trigger()  # pressing Ctrl+Enter anyway only shows why
    assert view.page != PAGE_DONE
    assert "户籍证明" in view.lbl_message.text()
    view.btn_supplement.click()
    number = decided_number(desk)
    stored = desk.core.queries.get(number)
    assert stored.state is CaseState.SUPPLEMENT_REQUESTED
    assert [m["key"] for m in stored.missing_materials] == ["applicant_household_certificate"]
    notice = desk.paper_text(view.decided.papers[0].serial)
    assert "一次性告知" in notice and "户籍证明" in notice
    # The applicant's panel beside the result lists the case now waiting for materials (it said
    # 未办结的申请（0） until the card was swiped again).
    assert number in listed_open_cases(view) and view.identify.tbl_cases.isVisible()
    assert "待补正" in view.identify.tbl_cases.item(listed_open_cases(view).index(number), 1).text()
    # The draft is a decided case now: the status line no longer says 草稿已保存.
    desk.wait(lambda: view.form is None and desk.window.status.lbl_save.text() == "")
    # Resumed, it is headed as waiting for papers, not as a draft (it said 草稿).
    view.resume(stored)
    assert view.lbl_case.text() == f"{number} · 待补正"


def test_former_name_change_not_accepted_with_a_reason_on_the_notice(desk: Desk) -> None:
    case = demo_cases(TODAY)["former_name_change"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    desk.answers.choices.append("经一次性告知后逾期未补正")
    desk.answers.reasons.append("申请人无法提供曾正式使用该姓名的原始凭证。")
    view.btn_not_accept.click()
    number = decided_number(desk)
    stored = desk.core.queries.get(number)
    assert stored.state is CaseState.NOT_ACCEPTED
    assert stored.decision_reason == "申请人无法提供曾正式使用该姓名的原始凭证。"
    assert stored.form_values["former_name"] == "刘建军"
    notice = "".join(desk.paper_text(view.decided.papers[0].serial).split())  # the clerk's words wrap
    assert "不予受理" in notice and "原始凭证" in notice
    # The ground chosen from the fixed list, with its article — not the item's own legal basis.
    assert "逾期未补正" in notice and "第三十二条第一款第（四）项" in notice


def test_household_split_needs_the_leader_who_enters_the_password_again(desk: Desk) -> None:
    case = demo_cases(TODAY)["household_split"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    view.btn_accept.click()
    number = decided_number(desk)
    # Accepting a leader-level case sends it to the leader's queue at once (issue 12, item 2: it no
    # longer waits at 已受理 for someone to press 提交审核); the done page says so.
    assert desk.core.queries.get(number).state is CaseState.UNDER_REVIEW
    assert view.lbl_done_title.text() == "已受理，已提交领导审批"
    # A case decided above the station says where it went (it said 已提交领导审批 for a 分局审批 case).
    decided = view.decided
    assert decided is not None
    view.decided = replace(decided, case=replace(decided.case, approval=Approval.BRANCH))
    view._show_done()
    assert view.lbl_done_title.text() == "已受理，报分局审批" and "上级机关" in view.lbl_done_detail.text()
    view.decided = decided
    # Approving is not offered to a clerk.
    view.btn_open_case.click()
    case_view = desk.window.case_view
    desk.wait(lambda: case_view.case is not None and case_view.case.number == number)
    assert Action.APPROVE not in case_view.allowed() and not case_view.cmb_opinion.isVisible()
    desk.window.sign_out()

    desk.sign_in("leader")
    desk.window.show_screen(Screen.TODAY)
    today = desk.window.today
    desk.wait(lambda: number in [c.number for c in today.data.review])
    with desk.qtbot.waitSignal(case_view.loaded, timeout=10_000):
        desk.window.open_case(number)
    assert case_view.isVisible() and case_view.case.number == number and Action.APPROVE in case_view.allowed()
    assert case_view._buttons[Action.APPROVE].isVisible()
    # The leader has the file in front of them: every form value, read-only, by its label.
    values = {case_view.tbl_values.item(r, 0).text(): case_view.tbl_values.item(r, 1).text()
              for r in range(case_view.tbl_values.rowCount())}
    assert values, "the form's values are shown"
    assert all(text and text != "None" for text in values.values())
    assert case_view.cmb_opinion.isVisible()
    # The opinion: the second stock phrase, chosen with the keyboard (Alt+O, Down).
    desk.qtbot.keyClick(case_view, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert case_view.cmb_opinion.hasFocus()
    desk.qtbot.keyClick(case_view.cmb_opinion, Qt.Key.Key_Down)
    opinion = case_view.cmb_opinion.currentText()
    assert opinion == "材料齐全，符合规定，同意办理。"
    # A wrong password approves nothing.
    desk.answers.passwords.append("not-my-password")
    case_view._buttons[Action.APPROVE].click()
    desk.wait(lambda: "密码不正确" in case_view.lbl_message.text())
    assert desk.core.queries.get(number).state is CaseState.UNDER_REVIEW
    desk.answers.passwords.append(DEMO_PASSWORD)
    desk.wait(lambda: case_view._buttons[Action.APPROVE].isEnabled())
    desk.qtbot.keyClick(case_view, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 批准 by the keyboard
    desk.wait(lambda: desk.core.queries.get(number).state is CaseState.APPROVED)
    assert desk.answers.asked.count("password:批准") == 2
    stored = desk.core.queries.get(number)
    assert [e.action for e in stored.events][-1] == "approve"
    assert stored.events[-1].actor_name == "王建国"
    assert stored.events[-1].reason == opinion  # 审批意见 kept with the decision
    # Then the case is completed and the completion notice printed.
    desk.wait(lambda: case_view.case.state is CaseState.APPROVED and case_view._buttons[Action.COMPLETE].isVisible())
    case_view._buttons[Action.COMPLETE].click()
    desk.wait(lambda: desk.core.queries.get(number).state is CaseState.COMPLETED)
    desk.wait(lambda: len(desk.app.context.printed) >= 2)
    assert "办结" in desk.paper_text(desk.app.context.printed[-1])


def test_the_leader_denies_with_the_reason_first_and_the_password_last(desk: Desk) -> None:
    core = desk.core
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    case = demo_cases(TODAY)["household_split"]
    core.citizens.register_card(clerk, _facts(ZHANG_WEI["id_number"], "张伟"))
    waiting = []
    for _ in range(2):
        draft = core.cases.open_draft(clerk, ZHANG_WEI["id_number"], case.code, case.values)
        accepted = core.cases.accept(clerk, draft.number, draft.version,
                                     [m.key for m in core.catalog.get(case.code).materials])
        waiting.append(core.cases.submit_for_review(clerk, accepted.number, accepted.version))
    other, accepted = waiting
    assert accepted.state is CaseState.UNDER_REVIEW
    desk.sign_in("leader")
    case_view = desk.window.case_view
    with desk.qtbot.waitSignal(case_view.loaded, timeout=10_000):
        desk.window.open_case(accepted.number)
    # Giving up at the reason asks for no password.
    case_view._buttons[Action.DENY].click()
    assert desk.answers.asked == ["reason:不予批准"]
    assert core.queries.get(accepted.number).state is CaseState.UNDER_REVIEW
    desk.answers.asked.clear()
    desk.answers.reasons.append("分户后房屋产权人证明不符。")
    desk.answers.passwords.append(DEMO_PASSWORD)
    case_view._buttons[Action.DENY].click()
    desk.wait(lambda: core.queries.get(accepted.number).state is CaseState.DENIED)
    assert desk.answers.asked == ["reason:不予批准", "password:不予批准"]
    assert core.queries.get(accepted.number).decision_reason == "分户后房屋产权人证明不符。"
    # The next approval waiting is one click away (剩 N 件), not back on Today.
    desk.wait(lambda: case_view.btn_next_review.isVisible())
    assert other.number in case_view.next_reviews and accepted.number not in case_view.next_reviews
    # In Today's order — the soonest due first — not newest first (the live manager's test: an approval
    # 20 working days overdue came last).
    dues = {c.number: c.due_date for c in core.queries.list(state=CaseState.UNDER_REVIEW, limit=500)}
    assert [dues[n] for n in case_view.next_reviews] == sorted(dues[n] for n in case_view.next_reviews)
    assert f"剩 {len(case_view.next_reviews)} 件" in case_view.btn_next_review.text()
    following = case_view.next_reviews[0]
    desk.window.activateWindow()  # the keys go to the desk's window (the password dialog has closed)
    desk.wait(lambda: QApplication.activeWindow() is desk.window)
    with desk.qtbot.waitSignal(case_view.loaded, timeout=10_000):
        desk.qtbot.keyClick(case_view, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # by the keyboard
    assert case_view.case.number == following and Action.APPROVE in case_view.allowed()
    assert not case_view.btn_next_review.isVisible()


def test_two_windows_on_one_case_the_second_is_told_and_reloads(open_desk: Callable[..., Desk]) -> None:
    first = open_desk("a")
    second = open_desk("b", start_reader=False)
    core = first.core
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    case = demo_cases(TODAY)["booklet_reissue"]
    core.citizens.register_card(clerk, _facts("210104197802093029", "李秀兰"))
    draft = core.cases.open_draft(clerk, "210104197802093029", case.code, case.values)
    accepted = core.cases.accept(clerk, draft.number, draft.version, ["applicant_id_card"])
    first.sign_in("clerk")
    second.sign_in("clerk2")
    for desk in (first, second):
        desk.window.open_case(accepted.number)
        view = desk.window.case_view
        desk.wait(lambda view=view: view.case is not None and Action.COMPLETE in view.allowed())
    first.window.case_view._buttons[Action.COMPLETE].click()
    first.wait(lambda: core.queries.get(accepted.number).state is CaseState.COMPLETED)
    # The second window still shows the case as accepted and tries to complete it too.
    view = second.window.case_view
    assert view.case.state is CaseState.ACCEPTED
    view._buttons[Action.COMPLETE].click()
    second.wait(lambda: "已被其他人修改" in view.lbl_message.text())
    second.wait(lambda: view.case.state is CaseState.COMPLETED)  # reloaded
    assert "已被其他人修改" in view.lbl_message.text()
    assert not view._buttons[Action.COMPLETE].isVisible()
    assert [e.action for e in core.queries.get(accepted.number).events].count("complete") == 1


def _facts(id_number: str, name: str) -> CardFacts:
    return CardFacts(id_number=id_number, name=name)


def test_two_windows_on_one_draft_the_later_typist_is_told_and_sees_the_other_values(
        open_desk: Callable[..., Desk]) -> None:
    first = open_desk("a")
    second = open_desk("b", start_reader=False)
    core = first.core
    clerk = core.users.sign_in("clerk", DEMO_PASSWORD).actor
    case = demo_cases(TODAY)["booklet_reissue"]
    core.citizens.register_card(clerk, _facts("210104197802093029", "李秀兰"))
    draft = core.cases.open_draft(clerk, "210104197802093029", case.code, case.values)
    first.sign_in("clerk")
    second.sign_in("clerk2")
    for desk in (first, second):
        desk.window.open_case(draft.number)
        desk.wait(lambda desk=desk: desk.new_case.is_ready and desk.new_case.number == draft.number)
    # The first clerk changes the phone number; the autosave stores it.
    first.new_case.form.editor("contact_phone").set_value("13900001111")
    first.new_case.form.flush()
    first.wait(lambda: core.queries.get(draft.number).form_values["contact_phone"] == "13900001111")
    # The second still has the old version: their edit is refused, they are told, the form reloads.
    view = second.new_case
    view.form.editor("loss_reason").set_value("destroyed")
    view.form.flush()
    second.wait(lambda: "已被其他人修改" in view.lbl_message.text())
    second.wait(lambda: view.is_ready and view.form.values().get("contact_phone") == "13900001111")
    stored = core.queries.get(draft.number)
    assert stored.form_values["loss_reason"] == "lost" and stored.form_values["contact_phone"] == "13900001111"


def test_an_on_the_spot_item_is_accepted_and_completed_in_one_keystroke_with_one_paper(desk: Desk) -> None:
    """受理并办结 (Ctrl+Shift+Enter): no extra, mouse-only 当场办结 step after the receipt."""
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    desk.wait(lambda: view.btn_accept_complete.isEnabled())
    assert view.btn_accept_complete.isVisible()
    desk.qtbot.keyClick(view.form, Qt.Key.Key_Return,
                        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    number = decided_number(desk)
    stored = desk.core.queries.get(number)
    assert stored.state is CaseState.COMPLETED
    assert [p.kind for p in view.decided.papers] == ["completion_notice"]
    assert not view.btn_complete_now.isVisible()
    assert "办结" in desk.paper_text(view.decided.papers[0].serial)


def test_a_leader_level_case_has_no_accept_and_complete(desk: Desk) -> None:
    case = demo_cases(TODAY)["household_split"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    assert not view.btn_accept_complete.isVisible()


def test_a_scan_while_a_case_is_open_never_abandons_it(desk: Desk) -> None:
    """A receipt scanned (keyboard wedge: fast keys + Enter) into the open form: the case, the swiped
    applicant and the focused field's text stay; the scan is looked up on the search screen."""
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    number = view.number
    assert number is not None
    edit = next(e for e in view.form.findChildren(QLineEdit) if e.isVisible() and e.isEnabled())
    edit.setFocus()
    before = edit.text()
    target = number  # any receipt would do; this one is at hand
    with desk.qtbot.waitSignal(desk.app.scan_filter.scanned, timeout=5000):
        desk.qtbot.keyClicks(edit, target)  # QTest keys arrive back to back: scanner speed
        desk.qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert desk.window.current_screen() is view and view.number == number and view.is_ready
    assert edit.text() == before
    assert "当前申请未离开" in desk.window.statusBar().currentMessage()
    assert view.citizen is not None and view.citizen.name  # the swiped applicant is still there


def test_the_card_just_read_is_not_listed_as_missing(desk: Desk) -> None:
    """读卡核验: the applicant's ID card read on the reader is ticked as checked, not missing, and the
    case records it as checked (the clerk ticks only the papers they really received)."""
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    view.picker.edt_search.insert(case.search)  # typed through the input method
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.is_ready)
    assert view.checklist.verified() == ["applicant_id_card"]
    assert "applicant_id_card" not in [m.key for m in view.checklist.missing()]
    assert "居民身份证" not in view.lbl_blockers.text()
    type_values(view.form, case.values)
    view.checklist.btn_all_received.click()
    desk.wait(lambda: view.btn_accept.isEnabled())
    view.btn_accept.click()
    number = decided_number(desk)
    forms = {m.key: m.form for m in desk.core.queries.get(number).materials}
    assert forms["applicant_id_card"] == "card"


def test_a_card_read_after_a_mistyped_number_is_not_said_in_red(desk: Desk) -> None:
    """Found driving the desk: something not a number typed into the ID box (the clerk meant the item's
    name) turned the line under it red; the card read next said 已读取身份证 — still in red, an error's colour."""
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    panel = view.identify
    panel.edt_id_number.insert("补发")
    desk.wait(lambda: panel.lbl_id_check.property("level") == "problem")
    panel.edt_id_number.clear()
    desk.swipe(case.card)
    desk.wait(lambda: panel.lbl_id_check.text() == "已读取身份证")
    assert panel.lbl_id_check.property("level") == "ok"


def test_the_blocker_box_follows_the_materials_list_at_once(desk: Desk) -> None:
    """Choosing 集体户 (with the keyboard) adds the unit's letter to the materials: the blocker box —
    from which clerks issue notices — names it in the same edit, not one edit later."""
    case = demo_cases(TODAY)["booklet_reissue"]
    desk.sign_in("clerk")
    view = fill_case(desk, case)
    desk.wait(lambda: view.btn_accept.isEnabled())
    combo = view.form.editor("household_type").cmb_choice
    combo.setFocus()
    index = combo.findData("collective")
    while combo.currentIndex() < index:
        desk.qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert "collective_unit_letter" in [m.key for m in view.checklist.missing()]
    assert "集体户口管理单位" in view.lbl_blockers.text()
    assert not view.btn_accept.isEnabled()


def test_birth_registration_father_is_the_applicant_and_the_mother_swipes_into_her_field(desk: Desk) -> None:
    """No retyping of the father whose card was just read (F6 = 即申请人), no 刷卡填入 click for the
    mother (her card, placed while the cursor is in her field, fills it), 否 by the keyboard."""
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    desk.qtbot.keyClicks(view.picker.edt_search, "csdj")
    desk.qtbot.keyClick(view.picker.edt_search, Qt.Key.Key_Return, delay=80)
    desk.wait(lambda: view.is_ready)
    type_values(view.form, {k: v for k, v in case.values.items() if k not in ("mother", "father")})
    father = view.form.editor("father")
    assert father.isVisibleTo(view.form)
    father.edt_name.setFocus()
    desk.wait(lambda: view.form.focused_person_key() == "father")
    desk.qtbot.keyClick(father.edt_name, Qt.Key.Key_F6)
    assert view.form.values()["father"]["id_number"] == case.values["father"]["id_number"]
    assert view.form.values()["father"]["name"] == case.values["father"]["name"]
    mother = view.form.editor("mother")
    mother.edt_name.setFocus()
    desk.wait(lambda: view.form.focused_person_key() == "mother")
    nations = view.form.editor("parents_nations_differ")
    QApplication.processEvents()
    below = nations.mapTo(view.form, QPoint(0, 0))
    desk.swipe("li-xiulan")
    assert view.form.values()["mother"] == {"name": "李秀兰", "id_number": "210104197802093029"}
    QApplication.processEvents()
    assert mother.lbl_id_facts.isVisible()  # 出生日期 / 性别 / 地区 of the card …
    assert nations.mapTo(view.form, QPoint(0, 0)) == below  # … shown without pushing the form down
    # A date typed into the name box is flagged, not taken silently.
    mother.edt_name.setFocus()
    mother.edt_name.end(False)
    desk.qtbot.keyClicks(mother.edt_name, "20190520")
    assert "数字" in (mother.problem_text() or "")
    assert any(p.key == "mother" for p in view.form.problems())
    mother.edt_name.setText("李秀兰")
    assert mother.problem_text() is None
    nations.rdo_yes.setFocus()
    desk.qtbot.keyClick(nations.rdo_yes, Qt.Key.Key_N)
    assert view.form.values()["parents_nations_differ"] is False
    desk.qtbot.keyClick(nations.rdo_no, Qt.Key.Key_1)  # digits are not answers
    assert view.form.values()["parents_nations_differ"] is False
    desk.qtbot.keyClick(nations.rdo_no, Qt.Key.Key_Y)
    assert view.form.values()["parents_nations_differ"] is True


def test_the_card_photo_is_beside_the_applicant_and_the_face_check_is_audited(desk: Desk) -> None:
    from sqlalchemy import select

    from desk.store.models import AuditEntry

    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe("zhang-wei")
    desk.wait(lambda: view.page == PAGE_PICK)
    panel = view.identify
    assert not panel.lbl_photo.isHidden() and "照片" in panel.lbl_photo.text()  # placeholder: no licensed decoder

    def placeholder_fits() -> bool:
        label = panel.lbl_photo
        inside = label.contentsRect()
        needed = label.fontMetrics().boundingRect(
            inside, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), label.text())
        return inside.contains(needed)

    assert placeholder_fits()
    desk.window.act_languages["en"].trigger()
    try:
        desk.wait(lambda: "photo" in panel.lbl_photo.text())
        assert placeholder_fits(), panel.lbl_photo.text()
    finally:
        desk.window.act_languages["zh_CN"].trigger()
    assert not panel.chk_face.isHidden() and not panel.chk_face.isChecked()
    panel.chk_face.setFocus()
    desk.qtbot.keyClick(panel.chk_face, Qt.Key.Key_Space)  # 人证一致, by the keyboard
    assert panel.chk_face.isChecked()

    def audited() -> list[bool]:
        with desk.core.store.read() as session:
            return [e.details["matches"] for e in session.execute(
                select(AuditEntry).where(AuditEntry.action == "citizen.face_checked")).scalars()]

    desk.wait(lambda: audited() == [True])


class KeyCounter:
    """Presses keys on the focused widget, as the clerk does, and counts them (docs/desk.md)."""

    def __init__(self, desk: Desk) -> None:
        self.desk, self.count = desk, 0

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              times: int = 1) -> None:
        for _ in range(times):
            target = QApplication.focusWidget()
            assert target is not None, "the keyboard focus is somewhere"
            self.desk.qtbot.keyClick(target, key, modifiers, delay=80)  # a person's pace
            self.count += 1

    def type(self, text: str) -> None:
        for char in text:
            self.press(Qt.Key.Key_Return if char == "\n" else Qt.Key(ord(char.upper())))


def test_booklet_reissue_by_keyboard_alone_in_18_keys_after_the_transaction_is_chosen(desk: Desk) -> None:
    """户口簿补领 (docs/desk.md): the card is swiped, then only keys — no click anywhere."""
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe("li-xiulan")
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    keys = KeyCounter(desk)
    view.picker.edt_search.setFocus()
    keys.type("hkbbl\n")  # 户口簿补领 by its pinyin initials
    desk.wait(lambda: view.is_ready and view.checklist is not None)
    assert view.transaction is not None and view.transaction.code == "booklet_reissue"
    chosen = keys.count
    desk.wait(lambda: QApplication.focusWidget() is view.form.editor("household_type").cmb_choice)
    keys.press(Qt.Key.Key_Down)  # 家庭户
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Down)  # 遗失
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Y)  # 本人是户主: 是
    keys.press(Qt.Key.Key_Tab)
    keys.type("13912345678")
    assert view.form.values() == {"household_type": "family", "loss_reason": "lost", "applicant_is_head": True,
                                  "contact_phone": "13912345678"}
    desk.wait(lambda: view.btn_accept_complete.isEnabled())  # the ID card: 读卡核验 by the swipe
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    number = decided_number(desk)
    assert desk.core.queries.get(number).state is CaseState.COMPLETED
    assert (chosen, keys.count - chosen) == (6, 18)


def test_birth_registration_by_keyboard_father_applies_mother_swipes(desk: Desk) -> None:
    """出生登记, applicant = the father (his card swiped), the mother swipes her card into her field
    (docs/desk.md): keys only, no click. The child's name comes through the input method (counted
    in the docs as its pinyin), everything else is counted here."""
    case = demo_cases(TODAY)["birth_registration"]
    desk.sign_in("clerk")
    view = desk.new_case
    desk.window.show_screen(Screen.NEW_CASE, fresh=True)
    desk.swipe(case.card)
    desk.wait(lambda: view.page == PAGE_PICK and view.picker.ready)
    keys = KeyCounter(desk)
    view.picker.edt_search.setFocus()
    keys.type("csdj\n")
    desk.wait(lambda: view.is_ready and view.checklist is not None)
    chosen = keys.count
    name = view.form.editor("child_name")
    desk.wait(lambda: name.isAncestorOf(QApplication.focusWidget()))
    QApplication.focusWidget().insert("张子涵")  # type: ignore[union-attr]  # the input method's commit
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Down, times=2)  # 女
    keys.press(Qt.Key.Key_Tab)
    keys.type(case.values["child_birth_date"].replace("-", ""))
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Y)  # 父母已登记结婚
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_Down)  # 随父落户
    keys.press(Qt.Key.Key_Tab)
    assert view.form.focused_person_key() == "mother"
    desk.swipe("li-xiulan")  # her card, no key
    keys.press(Qt.Key.Key_Tab, times=2)
    assert view.form.focused_person_key() == "father"
    keys.press(Qt.Key.Key_F6)  # 即申请人
    keys.press(Qt.Key.Key_Tab, times=2)
    keys.press(Qt.Key.Key_Y)  # 父母民族不同
    keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # 全部收齐 (读卡核验 and 系统核验 stay)
    values = view.form.values()
    assert values["mother"]["name"] == "李秀兰" and values["father"]["id_number"] == case.values["father"]["id_number"]
    assert values["child_birth_date"] == case.values["child_birth_date"] and values["child_sex"] == "female"
    desk.wait(lambda: view.btn_accept_complete.isEnabled())
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    number = decided_number(desk)
    assert desk.core.queries.get(number).state is CaseState.COMPLETED
    assert (chosen, keys.count - chosen) == (5, 25)
