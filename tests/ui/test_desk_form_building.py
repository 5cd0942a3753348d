"""How the desk client builds its screens without stalling: the work screens a step at a time (a
sign-in typed meanwhile waits for them), the app's event filters off while a form is built and back
on afterwards, the collector kept away from what lives as long as the app, a date field's calendar
built only when it pops up (still opening at today's month), and the form engine warmed up ahead."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget, QWidget
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.catalog import Transaction
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.forms.field_widgets import DateEditor
from desk.forms.form_view import TransactionForm
from desk.paths import holidays_dir
from desk.qt.app_filters import AppEventFilters
from desk.services.citizens import CardFacts
from desk.services.demo import DEMO_PASSWORD, build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp, DeskOptions
from desk.ui.demo_cases import ZHANG_WEI
from desk.ui.form_warmup import covering_transactions, warm_up_forms
from desk.ui.new_case import PAGE_PICK, PAGE_WORK
from desk.ui.permissions import Screen
from desk.ui.today_view import TodayView
from tests.app_teardown import close_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def core(tmp_path: Path) -> Core:
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    calendar = WorkingCalendar.from_folder(holidays_dir())
    build_demo(store, shipped_catalog(), calendar, residents=0, cases=0, today=NOW.date())
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    core.citizens.register_card(None, CardFacts(ZHANG_WEI["id_number"], ZHANG_WEI["name"], "male", "汉"))
    return core


@pytest.fixture
def desk(qtbot: QtBot, tmp_path: Path, core: Core) -> Iterator[DeskApp]:
    app = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                  DeskOptions(settings=Settings(printer=f"pdf:{tmp_path / 'printed'}", idle_lock_minutes=60),
                              spool_dir=tmp_path / "spool", start_reader=False))
    yield app
    close_desk(app)


def _type_sign_in(app: DeskApp, username: str = "clerk") -> None:
    view = app.window.sign_in
    view.edt_username.setText(username)
    view.edt_password.setText(DEMO_PASSWORD)
    view.btn_sign_in.click()


def test_a_sign_in_typed_while_the_work_screens_are_built_waits_for_them(qtbot: QtBot, desk: DeskApp,
                                                                         core: Core) -> None:
    window = desk.window
    window.show()
    desk.context.core_or_none = core  # the core is there, the work screens are not yet
    _type_sign_in(desk)
    assert desk.context.session is None and desk.runner.pending == 0 and not window.workspace_ready
    built: list[bool] = []
    window.build_workspace_in_steps(lambda: (built.append(window.workspace_ready), window.on_core_ready()))
    assert not built, "the first step returns to the event loop"
    qtbot.waitUntil(lambda: desk.context.session is not None, timeout=10_000)
    assert built == [True]
    assert window.current_screen() is window.today and not window.is_locked
    window.build_workspace()  # once built, building again changes nothing
    assert window.stk_screens.count() == 6  # Today, New case, Search, Manager, Case, 网上预审


class _EventCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return False


def test_a_form_is_built_with_the_app_filters_off_and_they_come_back(qtbot: QtBot, desk: DeskApp) -> None:
    desk.start()
    qtbot.waitUntil(lambda: desk.context.core_ready and desk.window.workspace_ready, timeout=10_000)
    # What lives as long as the app is kept out of the collector's passes, and the collector runs.
    assert gc.isenabled() and gc.get_freeze_count() > 0
    _type_sign_in(desk)
    qtbot.waitUntil(lambda: desk.context.session is not None, timeout=10_000)
    window, view = desk.window, desk.window.new_case
    window.show_screen(Screen.NEW_CASE, fresh=True)
    view.identify.edt_id_number.setText(ZHANG_WEI["id_number"])
    view.identify.look_up_typed()
    qtbot.waitUntil(lambda: view.page == PAGE_PICK, timeout=10_000)
    counter = _EventCounter()
    desk.filters.install(counter)
    try:
        QApplication.processEvents()
        counter.seen = 0
        view.choose(desk.context.core.catalog["birth_registration"])
        assert view.form is not None and len(view.form.editors()) == 9  # 出生登记's nine fields
        assert counter.seen == 0, "building the form sent its events through the app's filters"
        qtbot.waitUntil(lambda: view.page == PAGE_WORK and view.is_ready, timeout=10_000)
        assert counter.seen > 0, "the filters are back once the form is built"
    finally:
        desk.filters.remove(counter)


def test_the_calendar_of_an_empty_date_is_built_when_it_pops_up(qtbot: QtBot) -> None:
    catalog = shipped_catalog()
    spec = next(f for t in catalog.transactions() for f in t.fields if f.type.value == "date")
    editor = DateEditor(spec, "zh_CN", NOW.date())
    qtbot.addWidget(editor)
    editor.show()
    box = editor.edt_date
    assert box.findChild(QCalendarWidget) is None, "no calendar is built with the form"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2))
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    assert (calendar.yearShown(), calendar.monthShown()) == (NOW.year, NOW.month)
    calendar.window().hide()
    assert editor.value() is None


def test_the_warm_up_builds_forms_of_every_field_type_and_leaves_nothing_behind(qtbot: QtBot) -> None:
    catalog = shipped_catalog()
    chosen = covering_transactions(catalog.transactions())
    used = {spec.type for transaction in chosen for spec in transaction.fields}
    assert used == {spec.type for transaction in catalog.transactions() for spec in transaction.fields}
    assert len(chosen) <= 4, "a few small forms, not the whole catalog"
    parent = QWidget()
    qtbot.addWidget(parent)
    filters = AppEventFilters(parent)
    counter = _EventCounter()
    filters.install(counter)
    built: list[str] = []
    original = TransactionForm.__init__

    def spy(self: TransactionForm, transaction: Transaction, *args: object) -> None:
        built.append(transaction.code)
        original(self, transaction, *args)  # type: ignore[arg-type]

    TransactionForm.__init__ = spy  # type: ignore[method-assign]
    try:
        warm_up_forms(chosen, NOW.date(), "zh_CN", parent, filters)
        assert built == [], "one form per turn of the event loop, none at once"
        qtbot.waitUntil(lambda: len(built) == len(chosen), timeout=10_000)
    finally:
        TransactionForm.__init__ = original  # type: ignore[method-assign]
    qtbot.waitUntil(lambda: not parent.findChildren(TransactionForm) and not parent.findChildren(QWidget),
                    timeout=10_000)
    assert built == [t.code for t in chosen]
    assert filters.is_installed(counter)


def test_signing_in_loads_the_first_screen_once(qtbot: QtBot, desk: DeskApp, monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[str] = []
    original = TodayView.refresh
    monkeypatch.setattr(TodayView, "refresh", lambda self: (loads.append("today"), original(self)))
    desk.start()
    qtbot.waitUntil(lambda: desk.window.workspace_ready, timeout=10_000)
    _type_sign_in(desk)
    qtbot.waitUntil(lambda: desk.context.session is not None and desk.runner.pending == 0, timeout=10_000)
    assert desk.window.current_screen() is desk.window.today
    assert desk.window.lst_nav.currentRow() == 0
    assert loads == ["today"], "the navigation taking the focus showed (and loaded) Today a second time"
