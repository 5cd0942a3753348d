"""Desk screens other than the new-case flow: finding a transaction (pinyin initials, name, code —
most used first), search by ID number / name / case number / scanned receipt QR code, the manager's
daily report on screen (the same figures as the printed one) and its export."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain import messages
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.paths import holidays_dir
from desk.services.demo import build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp
from desk.ui.permissions import Screen
from desk.ui.transaction_search import build_index, rank
from printing.qr import receipt_qr_text
from printing.report_export import parse_report_csv, report_csv
from tests.app_teardown import close_desk
from tests.running_desk import sign_in, start_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
CATALOG = shipped_catalog()
INDEX = build_index(CATALOG.transactions())


# ---- finding a transaction ---------------------------------------------------------------------

@pytest.mark.parametrize(("query", "code"), [
    ("csdj", "birth_registration"), ("出生", "birth_registration"), ("birth_registration", "birth_registration"),
    ("jmfh", "household_split"), ("补领", "booklet_reissue"), ("户口本丢了", "booklet_reissue"),
    ("fqtk", "spouse_joins_spouse"), ("改名", "name_change"), ("hjzm", "household_certificate"),
])
def test_a_clerk_finds_the_transaction_by_what_they_type(query: str, code: str) -> None:
    assert rank(INDEX, query)[0].code == code


def test_every_transaction_is_first_for_its_own_code_and_name() -> None:
    for entry in INDEX:
        transaction = entry.transaction
        assert rank(INDEX, transaction.code)[0] is transaction
        assert rank(INDEX, transaction.name_zh)[0] is transaction


def test_the_most_used_come_first_when_nothing_is_typed() -> None:
    usage = {"household_certificate": 40, "birth_registration": 12, "name_change": 3}
    ranked = [t.code for t in rank(INDEX, "", usage)]
    assert ranked[:3] == ["household_certificate", "birth_registration", "name_change"]
    assert len(ranked) == len(CATALOG)


@given(query=st.text(max_size=8), usage=st.dictionaries(st.sampled_from(sorted(CATALOG)), st.integers(0, 99)))
def test_any_typing_gives_a_ranked_subset_and_usage_only_breaks_ties(query: str, usage: dict[str, int]) -> None:
    plain = rank(INDEX, query)
    used = rank(INDEX, query, usage)
    assert sorted(t.code for t in plain) == sorted(t.code for t in used)
    assert len({t.code for t in used}) == len(used)
    if query.strip() == "":
        assert len(used) == len(CATALOG)
    counts = [usage.get(t.code, 0) for t in used]
    from desk.ui.transaction_search import match_score

    scores = [match_score(next(e for e in INDEX if e.transaction is t), query) for t in used]
    assert scores == sorted(scores, reverse=True)
    for i in range(len(used) - 1):
        if scores[i] == scores[i + 1]:
            assert counts[i] >= counts[i + 1]


# ---- search and manager view in the running client ---------------------------------------------------

class _Answers:
    def __init__(self) -> None:
        self.path: Path | None = None

    def save_path(self, *_args: object) -> Path | None:
        return self.path


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskApp, Core, _Answers]]:
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, CATALOG, calendar, residents=20, cases=24, today=NOW.date())
    core = Core(store, CATALOG, calendar, FixedClock(NOW), Settings(station_code="HP01"))
    answers = _Answers()
    app = start_desk(qtbot, tmp_path, core, answers)
    yield app, core, answers
    close_desk(app)


def test_search_by_id_number_name_case_number_and_scanned_receipt(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    app, core, _ = running
    sign_in(qtbot, app, "clerk")
    window, search = app.window, app.window.search
    some = core.queries.list(limit=50)
    case = next(c for c in some if c.state is CaseState.COMPLETED)
    person = case.applicant
    window.show_screen(Screen.SEARCH)

    def results_for(text: str) -> list[str]:
        with qtbot.waitSignal(search.searched, timeout=10_000):
            search.search(text)
        return [c.number for c in search.results]

    by_id = results_for(person.id_number)
    assert case.number in by_id
    assert set(by_id) == {c.number for c in core.queries.list(applicant_id_number=person.id_number)}
    assert case.number in results_for(person.name)
    assert results_for(case.number) == [case.number]
    assert results_for(case.lookup_code.lower()) == [case.number]
    assert results_for("HP01-20000101-0001") == [] and "没有找到" in search.lbl_message.text()
    # A receipt's QR code from a keyboard-wedge scanner opens the case straight away.
    with qtbot.waitSignal(window.case_view.loaded, timeout=10_000):
        window.on_scanned(receipt_qr_text(case.number, case.lookup_code))
    assert window.current_screen() is window.case_view and window.case_view.case.number == case.number
    assert window.case_view.tbl_history.rowCount() == len(case.events)


def test_a_search_by_the_start_of_an_id_number_shows_the_numbers_and_the_count(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    """By 210104…: which number matched (the typed part shown, the rest masked as elsewhere) and how many."""
    app, core, _ = running
    sign_in(qtbot, app, "clerk")
    window, search = app.window, app.window.search
    case = core.queries.list(limit=1)[0]
    number = case.applicant.id_number
    prefix = number[:10]
    window.show_screen(Screen.SEARCH)
    with qtbot.waitSignal(search.searched, timeout=10_000) as found:
        search.search(prefix)
    table = search.tbl_results
    assert found.args == [table.rowCount()] and table.rowCount() >= 1
    assert search.lbl_count.isVisible() and search.lbl_count.text() == f"共 {table.rowCount()} 条"
    assert table.horizontalHeaderItem(2).text() == "身份证号"
    shown = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert f"{prefix}****{number[-4:]}" in shown
    assert all(text.startswith(prefix) and "*" in text for text in shown)
    # By name: the numbers are masked as elsewhere (first and last four).
    with qtbot.waitSignal(search.searched, timeout=10_000):
        search.search(case.applicant.name)
    assert f"{number[:4]}{'*' * 10}{number[-4:]}" in {table.item(r, 2).text() for r in range(table.rowCount())}
    with qtbot.waitSignal(search.searched, timeout=10_000):
        search.search("HP01-20000101-0001")
    assert not search.lbl_count.isVisible()


def test_search_and_the_case_name_the_states_in_english_words_not_codes(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    app, core, _ = running
    sign_in(qtbot, app, "clerk")
    window, search = app.window, app.window.search
    # A state whose code is not an English phrase (supplement_requested, not_accepted, under_review).
    case = next(c for c in core.queries.list(limit=200) if "_" in c.state.value)
    english = messages.english(f"state.{case.state.value}", {})
    assert english and "_" not in english and english != case.state.label_zh
    window.act_languages["en"].trigger()
    try:
        window.show_screen(Screen.SEARCH)
        with qtbot.waitSignal(search.searched, timeout=10_000):
            search.search(case.number)
        # A word standing alone starts with a capital (“Draft”, not the code-like “draft”).
        assert search.tbl_results.item(0, 4).text() == english[0].upper() + english[1:]
        with qtbot.waitSignal(window.case_view.loaded, timeout=10_000):
            window.open_case(case.number)
        assert window.case_view.lbl_state.text() == english[0].upper() + english[1:]
        # The history too: “Submit for review”, “Accepted → Under review”, not submit_for_review / under_review.
        history = window.case_view.tbl_history
        said = [history.item(r, c).text() for r in range(history.rowCount()) for c in (2, 3)]
        assert said and not any("_" in text for text in said), said
        assert history.item(history.rowCount() - 1, 3).text().endswith(english[0].upper() + english[1:])
    finally:
        window.act_languages["zh_CN"].trigger()
    with qtbot.waitSignal(search.searched, timeout=10_000):
        search.search(case.number)
    assert search.tbl_results.item(0, 4).text() == case.state.label_zh


def test_manager_view_shows_the_printed_report_figures_and_exports_them(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers], tmp_path: Path) -> None:
    app, core, answers = running
    sign_in(qtbot, app, "manager")
    window, manager = app.window, app.window.manager
    assert window.new_case.isHidden() or window.current_screen() is not window.new_case
    day = NOW.date() - timedelta(days=1)  # the demo's last working day
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        window.show_screen(Screen.MANAGER)
    with qtbot.waitSignal(manager.loaded, timeout=10_000):
        manager.edt_date.setDate(QDate(day.year, day.month, day.day))
    data = core.reports.daily(day, "HP01")
    tiles = {key: value.text() for key, (_caption, value) in manager.lbl_tiles.items()}
    assert tiles["受理件数"] == str(data.totals.accepted)
    assert tiles["办结件数"] == str(data.totals.completed)
    assert tiles["超期件数"] == str(data.totals.overdue)
    assert data.totals.accepted > 0
    overdue_tab = next(i for i in range(manager.tab_tables.count()) if "超期" in manager.tab_tables.tabText(i))
    assert manager.tab_tables.widget(overdue_tab).rowCount() == len(data.overdue)
    # Names, not codes such as birth_date_correction (the code is in the exported files only).
    by_transaction = manager.tab_tables.widget(0)
    headers = [by_transaction.horizontalHeaderItem(c).text() for c in range(by_transaction.columnCount())]
    assert headers[0] == "业务事项" and "业务代码" not in headers
    first = by_transaction.item(0, 0).text()
    assert first and not first.isascii(), first
    # A tab counts its entries, not its 合计 row; the ratings tab counts ratings, as the tile does.
    tabs = {manager.tab_tables.tabText(i).split("（")[0]: manager.tab_tables.tabText(i)
            for i in range(manager.tab_tables.count())}
    assert data.by_transaction and by_transaction.item(by_transaction.rowCount() - 1, 0).text() == "合计"
    assert tabs["按业务事项统计"].endswith(f"（{len(data.by_transaction)}）"), tabs
    assert tabs["按经办人统计"].endswith(f"（{len(data.by_clerk)}）"), tabs
    assert tabs["服务评价"].endswith(f"（{tiles['评价总数']}）"), tabs
    # In English the screen says the report's words in English (the files and papers stay Chinese).
    app.set_language("en_US")
    qtbot.waitUntil(lambda: manager.tab_tables.widget(0).horizontalHeaderItem(0).text() == "Transaction",
                    timeout=10_000)
    by_transaction = manager.tab_tables.widget(0)
    english = [by_transaction.horizontalHeaderItem(c).text() for c in range(by_transaction.columnCount())]
    cells = [by_transaction.item(r, c).text() for r in range(by_transaction.rowCount())
             for c in range(by_transaction.columnCount())]
    captions = [caption.text() for caption, _value in manager.lbl_tiles.values()]
    assert [text for text in [*english, *cells, *captions] if re.search(r"[\u3400-\u9fff]", text)] == []
    app.set_language("zh_CN")
    answers.path = tmp_path / "report.csv"
    with qtbot.waitSignal(manager.exported, timeout=10_000):
        manager.export("csv")
    assert parse_report_csv(answers.path.read_bytes()) == parse_report_csv(report_csv(data))


def test_calling_the_next_ticket_names_this_desks_window(qtbot: QtBot, tmp_path: Path) -> None:
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, CATALOG, calendar, residents=5, cases=0, today=NOW.date())
    core = Core(store, CATALOG, calendar, FixedClock(NOW), Settings(station_code="HP01", counter_number=3))
    core.queue.set_counter(3, "3号窗口")
    core.queue.take_ticket("birth_registration")
    app = start_desk(qtbot, tmp_path, core)
    try:
        sign_in(qtbot, app, "clerk")
        today = app.window.today
        qtbot.keyClick(app.window, Qt.Key.Key_F3)
        qtbot.waitUntil(lambda: today.called is not None, timeout=10_000)
        assert today.lbl_called.text() == "请 A001 号到 3 号窗口办理"
        board = core.queue.hall_board()
        assert [(call.number, call.counter_name) for call in board.calls] == [("A001", "3号窗口")]
    finally:
        close_desk(app)


# ---- Today ---------------------------------------------------------------------------------------


def test_today_lists_the_cases_the_full_views_gave(qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    """Today reads light rows now; its tables hold what the full case views gave (the former read)."""
    from desk.domain.workdays import DueStatus
    from desk.ui.widgets import fmt_date

    app, core, _ = running
    sign_in(qtbot, app, "clerk")
    today, station, queries = app.window.today, core.station_code, core.queries
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.refresh()

    def name(code: str) -> str:
        transaction = CATALOG.get(code)
        return transaction.name_zh if transaction else code

    def cells(table: object) -> list[list[str]]:
        return [[table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[attr-defined]
                for r in range(table.rowCount())]  # type: ignore[attr-defined]

    due = [(label, case) for label, status in (("超期", DueStatus.OVERDUE), ("今日", DueStatus.DUE_TODAY),
                                               ("将到期", DueStatus.DUE_SOON))
           for case in queries.by_due_status(status, station, limit=200)]
    assert due, "the demo station has cases coming due"
    assert cells(today.tbl_due) == [[c.number, name(c.transaction_code), c.applicant.name,
                                     f"{label} {fmt_date(c.due_date)[5:]}"] for label, c in due]
    drafts = (queries.list(state=CaseState.DRAFT, station_code=station, limit=100)
              + queries.list(state=CaseState.SUPPLEMENT_REQUESTED, station_code=station, limit=100))
    assert [row[:3] for row in cells(today.tbl_drafts)] == [[c.number, name(c.transaction_code), c.applicant.name]
                                                            for c in drafts]
    assert {row[3] for row in cells(today.tbl_drafts)} == {"草稿", "待补正"}
    # In English the states are words, not codes (it showed “supplement requested”).
    app.set_language("en_US")
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.refresh()
    assert {row[3] for row in cells(today.tbl_drafts)} == {"Draft", "Waiting for materials"}
    app.set_language("zh_CN")
    with qtbot.waitSignal(today.loaded, timeout=10_000):
        today.refresh()
    # Approvals as the approver works them: the soonest due first, each saying whose decision it is.
    review = sorted(queries.list(state=CaseState.UNDER_REVIEW, station_code=station, limit=200),
                    key=lambda c: (c.due_date or date.max, c.number))
    assert cells(today.tbl_review) == [[c.number, name(c.transaction_code), c.applicant.name,
                                        {"branch": "分局", "city": "市局"}.get(c.approval.value, "所领导"),
                                        fmt_date(c.due_date)] for c in review]
    counts = queries.count_by_due_status(station)
    assert today.box_due.title() == (f"到期提醒：超期 {counts[DueStatus.OVERDUE]} · 今日 {counts[DueStatus.DUE_TODAY]}"
                                     f" · 即将 {counts[DueStatus.DUE_SOON]}")


def test_today_in_english_at_1366_leaves_the_transaction_column_room(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    """English at 1366×768: the queue's buttons made the left column 677 px and the right 489, and the
    other columns left 到期提醒's Transaction column ~60 px (header “nsacti”, names “Spl…”)."""
    app, _core, _ = running
    sign_in(qtbot, app, "clerk")
    window, today = app.window, app.window.today
    window.resize(1366, 768)
    app.set_language("en_US")
    try:
        with qtbot.waitSignal(today.loaded, timeout=10_000):
            today.refresh()
        qtbot.waitUntil(lambda: window.width() == 1366 and today.isVisible())
        assert abs(today.box_due.width() - today.box_queue.width()) <= 2, (today.box_queue.width(),
                                                                           today.box_due.width())
        for table in (today.tbl_due, today.tbl_review, today.tbl_drafts):
            header = table.horizontalHeader()
            title = table.horizontalHeaderItem(1).text()
            assert title == "Transaction"
            width = header.sectionSize(1)
            assert width >= header.fontMetrics().horizontalAdvance(title), (title, width)
            em = table.fontMetrics().horizontalAdvance("中")
            assert width >= min(table.sizeHintForColumn(1), 7 * em), (title, width)
            # The columns after it stay on screen: no sideways scrolling to reach the due date.
            total = sum(header.sectionSize(i) for i in range(table.columnCount()))
            assert total <= table.viewport().width() and table.horizontalScrollBar().maximum() == 0, title
            long_name = next(table.item(r, 1) for r in range(table.rowCount()) if len(table.item(r, 1).text()) > 8)
            assert long_name.toolTip() == long_name.text()
        assert {today.tbl_drafts.item(r, 3).text() for r in range(today.tbl_drafts.rowCount())} <= {
            "Draft", "Waiting for materials"}
    finally:
        app.set_language("zh_CN")


def test_a_branch_level_case_says_the_leader_records_the_branchs_decision(
        qtbot: QtBot, running: tuple[DeskApp, Core, _Answers]) -> None:
    """分局审批: the station leader's 批准 / 不予批准 record the branch's decision — the buttons say so."""
    from desk.domain.catalog import Approval
    from desk.domain.workflow import Action

    app, core, _ = running
    cases = core.queries.list(station_code=core.station_code, limit=200)
    branch = next(c for c in cases if c.approval is Approval.BRANCH and c.state is CaseState.ACCEPTED)
    own = next(c for c in cases if c.approval is Approval.LEADER and c.state is CaseState.UNDER_REVIEW)
    # The clerk examined it and sends it on to the branch (提交审批); the branch's answer comes back.
    sign_in(qtbot, app, "clerk")
    core.decisions.act_and_issue(app.context.actor, branch.number, branch.version, Action.SUBMIT_FOR_REVIEW)
    app.window.sign_out()
    qtbot.waitUntil(lambda: app.context.session is None, timeout=10_000)
    sign_in(qtbot, app, "leader")
    window, view = app.window, app.window.case_view
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.open_case(branch.number)
    approve, deny = view._buttons[Action.APPROVE], view._buttons[Action.DENY]
    assert approve.isVisibleTo(view) and deny.isVisibleTo(view)
    assert (approve.text(), deny.text()) == ("录入分局批准", "录入分局不予批准")
    assert view.lbl_actions.text() == "录入分局的审批结果"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        window.open_case(own.number)
    assert (approve.text(), deny.text()) == ("批准", "不予批准")
    assert view.lbl_actions.text() == "可办理的操作"
