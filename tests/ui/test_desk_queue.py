"""The queue at the desk's Today view: call (F3), recall (F4), no-show (F6), transfer to another
window, and the called ticket's transaction carried into the new case, which the ticket is linked to."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.paths import holidays_dir
from desk.services.demo import build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp
from desk.ui.permissions import Screen
from tests.app_teardown import close_desk
from tests.running_desk import sign_in, start_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
CATALOG = shipped_catalog()


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskApp, Core]]:
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, CATALOG, calendar, residents=8, cases=4, today=NOW.date())
    core = Core(store, CATALOG, calendar, FixedClock(NOW), Settings(station_code="HP01", counter_number=3))
    core.queue.set_counter(3, "3号窗口")
    core.queue.set_counter(5, "5号窗口")
    app = start_desk(qtbot, tmp_path, core)
    sign_in(qtbot, app, "clerk")
    yield app, core
    close_desk(app)


def _call(qtbot: QtBot, app: DeskApp) -> None:
    today = app.window.today
    qtbot.keyClick(app.window, Qt.Key.Key_F3)
    qtbot.waitUntil(lambda: today.called is not None, timeout=10_000)


def test_recall_transfer_and_no_show_from_the_today_view(qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    app, core = running
    today = app.window.today
    core.queue.take_ticket("booklet_reissue")
    core.queue.take_ticket("booklet_reissue")
    app.window.show_screen(Screen.TODAY)
    assert not today.btn_recall.isEnabled() and not today.btn_transfer.isEnabled()
    _call(qtbot, app)
    assert today.btn_recall.isEnabled() and today.btn_no_show.isEnabled() and today.btn_transfer.isEnabled()
    first = today.called
    assert first is not None and first.number.endswith("001")
    qtbot.keyClick(today, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: today.called is not None and today.called.recalls == 1, timeout=10_000)
    assert "已重呼" in today.lbl_message.text()
    [call] = core.queue.hall_board().calls
    assert (call.number, call.recalls) == (first.number, 1)

    today._fill_transfer_menu()  # the menu lists the station's other windows
    assert [a.text() for a in today.mnu_transfer.actions()] == ["5 · 5号窗口"]
    today.mnu_transfer.actions()[0].trigger()
    qtbot.waitUntil(lambda: today.called is None, timeout=10_000)
    assert "已转到 5 号窗口" in today.lbl_message.text()
    assert core.queue.hall_board().calls == ()
    # This window calls the next one; the transferred ticket waits for window 5 only.
    _call(qtbot, app)
    second = today.called
    assert second is not None and second.number != first.number
    qtbot.keyClick(today, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: today.called is None, timeout=10_000)
    assert "已过号" in today.lbl_message.text()
    assert core.queue.call_next(app.context.actor, 5).number == first.number  # type: ignore[union-attr]


def test_the_called_tickets_transaction_is_carried_into_the_new_case_and_linked(
        qtbot: QtBot, running: tuple[DeskApp, Core]) -> None:
    app, core = running
    citizen = core.queries.list(limit=1)[0].applicant
    core.queue.take_ticket("booklet_reissue")
    app.window.show_screen(Screen.TODAY)
    _call(qtbot, app)
    ticket = app.window.today.called
    assert ticket is not None
    new_case = app.window.new_case
    app.window.today.btn_new_case.click()
    assert app.window.current_screen() is new_case
    new_case.identify.edt_id_number.setText(citizen.id_number)
    new_case.identify.look_up_typed()
    # No transaction to pick: the ticket's (补领户口簿) is opened for the identified citizen.
    qtbot.waitUntil(lambda: new_case.saver.number is not None, timeout=15_000)
    assert new_case.transaction is not None and new_case.transaction.code == "booklet_reissue"
    qtbot.waitUntil(lambda: new_case.ticket is not None and new_case.ticket.case_number is not None,
                    timeout=10_000)
    assert new_case.ticket is not None and new_case.ticket.id == ticket.id
    assert new_case.ticket.case_number == new_case.saver.number
