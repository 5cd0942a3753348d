"""A station manager's, leader's and branch officer's day on the desk, as a live test found it: the daily
report's overdue list (its names whole, in the screen's language, each case opened by a double-click),
the 差评回访 list read afresh at each visit with a follow-up's steps readable at 1366×768, and Today's
approvals listed as the approver works them (soonest due first, whose decision it is, the branch's only
for 分局户政)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.catalog import Approval
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import Action, CaseState, Role
from desk.paths import holidays_dir
from desk.services.demo import DEMO_PASSWORD, build_demo
from desk.services.ratings import RatingLevel
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp
from desk.ui.permissions import Screen
from tests.app_teardown import close_desk
from tests.running_desk import sign_in, start_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
CATALOG = shipped_catalog()
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskApp, Core]]:
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, CATALOG, calendar, residents=20, cases=24, today=NOW.date())
    core = Core(store, CATALOG, calendar, FixedClock(NOW), Settings(station_code="HP01"))
    core.users.create_user("fenju", "钱分局", Role.BRANCH, "HP01", DEMO_PASSWORD)
    app = start_desk(qtbot, tmp_path, core)
    app.window.resize(1366, 768)
    yield app, core
    qtbot.waitUntil(lambda: app.context.runner.pending == 0, timeout=10_000)
    close_desk(app)


def _sign_out(qtbot: QtBot, app: DeskApp) -> None:
    app.window.sign_out()
    qtbot.waitUntil(lambda: app.context.session is None, timeout=10_000)


def _cells(table: QTableWidget, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_the_overdue_list_shows_its_names_whole_in_english_and_opens_a_case(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: the 超期案件清单 tab showed 业务事项 cut to “离婚后原…” beside a blank band (the table measured
    its viewport before the tab had laid it out); 当前处理人/环节 stayed Chinese in English; a double-click
    on a case did nothing."""
    app, core = running
    sign_in(qtbot, app, "manager")
    window, manager = app.window, app.window.manager
    day = NOW.date() - timedelta(days=1)
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        window.show_screen(Screen.MANAGER)
    qtbot.waitUntil(window.isVisible)
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        manager.edt_date.setDate(QDate(day.year, day.month, day.day))
    data = core.reports.daily(day, "HP01")
    assert data.overdue, "the demo station has overdue cases"
    for language, title in (("zh_CN", "超期案件清单"), ("en_US", "Overdue cases")):
        app.set_language(language)
        qtbot.waitUntil(lambda title=title: any(manager.tab_tables.tabText(i).startswith(title)
                                                for i in range(manager.tab_tables.count())), timeout=10_000)
        index = next(i for i in range(manager.tab_tables.count()) if manager.tab_tables.tabText(i).startswith(title))
        manager.tab_tables.setCurrentIndex(index)
        table = manager.tab_tables.widget(index)
        qtbot.waitUntil(table.isVisible)
        header = table.horizontalHeader()
        # The transaction column takes the room there is: whole names, or no band left beside the columns.
        qtbot.waitUntil(lambda table=table, header=header: header.sectionSize(1) >= table.sizeHintForColumn(1)
                        or sum(header.sectionSize(c) for c in range(table.columnCount()))
                        >= table.viewport().width() - 2, timeout=5_000)
        sections = sum(header.sectionSize(c) for c in range(table.columnCount()))
        assert header.sectionSize(1) >= table.sizeHintForColumn(1) or sections >= table.viewport().width() - 2
    holders = _cells(table, 8)
    assert {"station leader", "branch bureau"} & set(holders), holders
    assert [text for text in holders if CJK.sub("", text) == "" or text.startswith("窗口")] == [], holders
    first = str(data.overdue[0].case_number)
    assert table.item(0, 0).text() == first
    with qtbot.waitSignal(window.case_view.loaded, timeout=10_000):
        table.cellDoubleClicked.emit(0, 1)
    assert window.current_screen() is window.case_view
    assert first in window.case_view.lbl_title.text()
    app.set_language("zh_CN")


def test_the_follow_ups_are_read_afresh_and_show_their_steps_at_1366(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: a manager came back to 差评回访 (the tab last open) and read “暂无差评回访” beside a bad rating
    given since — only 刷新 showed it; a follow-up's steps table was one cut row high at 1366×768."""
    app, core = running
    completed = core.queries.list(state=CaseState.COMPLETED, station_code="HP01", limit=10)
    sign_in(qtbot, app, "manager")
    window, manager = app.window, app.window.manager
    view = manager.follow_ups
    window.show_screen(Screen.MANAGER, fresh=True)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        manager.tab_sections.setCurrentWidget(view)
    assert view.tbl_follow_ups.rowCount() == 0
    _sign_out(qtbot, app)
    core.ratings.rate(RatingLevel.VERY_DISSATISFIED, case_number=completed[0].number, reasons=("多次跑腿",),
                      phone="13912345678", counter_number=1)
    sign_in(qtbot, app, "manager")
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.show_screen(Screen.MANAGER, fresh=True)  # the 统计日报 entry, as the manager clicks it
    assert _cells(view.tbl_follow_ups, 0) == [completed[0].number]
    qtbot.waitUntil(view.isVisible)
    view.tbl_follow_ups.selectRow(0)  # the detail: its steps, the owner, the next step and a note to record
    qtbot.waitUntil(lambda: view.btn_record.isVisible() and view.cmb_owner.isVisible(), timeout=10_000)
    steps = view.tbl_steps
    shown_rows = (steps.viewport().height()) // steps.verticalHeader().defaultSectionSize()
    assert shown_rows >= 3, (steps.height(), steps.viewport().height())


def _approvals(core: Core) -> list[tuple[str, date | None, Approval]]:
    rows = core.queries.list(state=CaseState.UNDER_REVIEW, station_code="HP01", limit=200)
    return [(c.number, c.due_date, c.approval) for c in rows]


def test_today_lists_the_approvals_soonest_due_first_and_the_branch_sees_its_own(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: 待领导审批 came newest first — cases 20 working days overdue at the bottom of 25 — with nothing
    saying which were the branch's; 分局户政's Today listed the leader's cases under “待领导审批（23）”
    while its own 下一件 counted 8."""
    app, core = running
    cases = core.queries.list(station_code=core.station_code, limit=200)
    branch_case = next(c for c in cases if c.approval is Approval.BRANCH and c.state is CaseState.ACCEPTED)
    core.decisions.act_and_issue(core.users.actor_of("clerk2"), branch_case.number, branch_case.version,
                                 Action.SUBMIT_FOR_REVIEW)  # passed up to the branch
    under_review = _approvals(core)
    assert {level for _n, _d, level in under_review} >= {Approval.LEADER, Approval.BRANCH}
    sign_in(qtbot, app, "leader")
    today = app.window.today
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.refresh()
    numbers = _cells(today.tbl_review, 0)
    by_number = {n: (d, level) for n, d, level in under_review}
    assert sorted(numbers) == sorted(by_number)
    dues = [by_number[n][0] or date.max for n in numbers]
    assert dues == sorted(dues)
    assert today.tbl_review.horizontalHeaderItem(3).text() == "审批"
    assert {(by_number[n][1], level) for n, level in zip(numbers, _cells(today.tbl_review, 3), strict=True)} == {
        (Approval.LEADER, "所领导"), (Approval.BRANCH, "分局")}
    assert today.box_review.title() == f"待领导审批（{len(under_review)}）"
    _sign_out(qtbot, app)
    sign_in(qtbot, app, "fenju")
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.refresh()
    branch = [n for n, _d, level in under_review if level is Approval.BRANCH]
    assert sorted(_cells(today.tbl_review, 0)) == sorted(branch)
    assert today.box_review.title() == f"待分局审批（{len(branch)}）"


def test_the_report_is_one_click_away_from_a_case_opened_from_it(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: in a case opened from the overdue list, a click on 统计日报 (still the list's current row) did
    nothing; only 返回 (to Today) and a second click led back."""
    app, core = running
    sign_in(qtbot, app, "manager")
    window = app.window
    window.show_screen(Screen.MANAGER, fresh=True)
    number = core.queries.list(state=CaseState.UNDER_REVIEW, station_code="HP01", limit=1)[0].number
    with qtbot.waitSignal(window.case_view.loaded, timeout=10_000):
        window.open_case(number)
    assert window.current_screen() is window.case_view
    row = next(r for r in range(window.lst_nav.count()) if window.lst_nav.item(r).data(0x0100) == "manager")
    item = window.lst_nav.item(row)
    qtbot.mouseClick(window.lst_nav.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.lst_nav.visualItemRect(item).center())
    qtbot.waitUntil(lambda: window.current_screen() is window.manager, timeout=5_000)


def test_the_report_date_goes_no_further_than_today(qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: a date typed into 统计日期 came out as 2027-12-04 and the screen showed that day's “report” —
    51 overdue cases counted against a day not yet come."""
    app, core = running
    sign_in(qtbot, app, "manager")
    window, manager = app.window, app.window.manager
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        window.show_screen(Screen.MANAGER)
    today = core.clock.today()
    manager.edt_date.setDate(QDate(today.year + 1, today.month, today.day))
    assert manager.day() == today
    qtbot.waitUntil(lambda: manager.report is not None and manager.report.data.report_date == today, timeout=10_000)


def test_a_recorded_step_is_confirmed_and_the_last_one_says_the_follow_up_closed(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: “已登记：核实” was wiped by the list read right after (no word at all), and the 回访 that closed
    the follow-up left only “暂无差评回访。”."""
    from desk.domain.followup import FollowUpStep

    app, core = running
    number = core.queries.list(state=CaseState.COMPLETED, station_code="HP01", limit=1)[0].number
    core.ratings.rate(RatingLevel.DISSATISFIED, case_number=number, reasons=("多次跑腿",), phone="13912345678")
    sign_in(qtbot, app, "manager")
    window, view = app.window, app.window.manager.follow_ups
    window.show_screen(Screen.MANAGER, fresh=True)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        app.window.manager.tab_sections.setCurrentWidget(view)
    view.tbl_follow_ups.selectRow(0)
    for expected in ("已登记：核实", "已登记：整改", "已登记：回访。这条差评回访已办结。"):
        qtbot.waitUntil(lambda: view.btn_record.isVisible() and view.btn_record.isEnabled()
                        and view.cmb_outcome.count() > 0, timeout=10_000)
        view.cmb_outcome.setCurrentIndex(0)  # 情况属实 · 已整改 · 回访满意
        view.edt_note.setText("已处理")
        with qtbot.waitSignal(view.loaded, timeout=10_000):  # the list read after the step
            view.btn_record.click()
        assert view.lbl_message.text() == expected and view.lbl_message.isVisible()
    [closed] = core.follow_ups.overview(open_only=False)
    assert closed.step is FollowUpStep.CLOSED


def test_the_approvals_fit_at_1366_in_english(qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    """Live: the new column's English header (“Decided by”) pushed the due date out of sight behind a
    sideways scroll bar at 1366×768."""
    app, _core = running
    sign_in(qtbot, app, "leader")
    window, today = app.window, app.window.today
    app.set_language("en_US")
    try:
        with qtbot.waitSignal(today.loaded, timeout=10_000):
            today.refresh()
        qtbot.waitUntil(lambda: window.width() == 1366 and today.isVisible())
        table = today.tbl_review
        qtbot.waitUntil(lambda: table.horizontalHeaderItem(3).text() == "Level", timeout=5_000)
        header = table.horizontalHeader()
        qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(table.columnCount()))
                        <= table.viewport().width(), timeout=5_000)
        assert header.sectionSize(1) >= header.fontMetrics().horizontalAdvance("Transaction")
    finally:
        app.set_language("zh_CN")
