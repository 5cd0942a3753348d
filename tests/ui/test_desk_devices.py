"""The reader and the printer as the clerk sees them in the status line, with a way forward when they
fail (F2 re-read, failed print jobs sent again), and the demo menu's simulated card swipe."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.paths import holidays_dir
from desk.services.demo import DEMO_PASSWORD, build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp, DeskOptions
from desk.ui.new_case import PAGE_PICK
from tests.app_teardown import close_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def running(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[DeskApp, Path]]:
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    build_demo(store, shipped_catalog(), calendar, residents=0, cases=0, today=NOW.date())
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    # The printer's output folder is blocked by a file: every job fails until it is removed.
    blocked = tmp_path / "printed"
    blocked.write_text("not a folder")
    app = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                  DeskOptions(settings=Settings(printer=f"pdf:{blocked}", idle_lock_minutes=60),
                              demo=True, spool_dir=tmp_path / "spool"))
    app.start()
    qtbot.waitUntil(lambda: app.context.core_ready and app.reader is not None, timeout=10_000)
    qtbot.waitUntil(lambda: "请放置" in app.window.status.reader_text(), timeout=10_000)
    app.window.sign_in.edt_username.setText("clerk")
    app.window.sign_in.edt_password.setText(DEMO_PASSWORD)
    app.window.sign_in.btn_sign_in.click()
    qtbot.waitUntil(lambda: app.context.session is not None, timeout=10_000)
    yield app, blocked
    close_desk(app)


def test_demo_menu_swipe_starts_a_new_case_and_f2_reads_again(qtbot: QtBot,
                                                                running: tuple[DeskApp, Path]) -> None:
    app, _ = running
    window = app.window
    assert window.mnu_demo is not None and window.mnu_demo.menuAction().isVisible()
    [action] = [a for a in window.act_demo_cards if "李秀兰" in a.text()]
    with qtbot.waitSignal(app.reader.card_read, timeout=10_000):
        action.trigger()
    view = window.new_case
    qtbot.waitUntil(lambda: view.page == PAGE_PICK and view.identify.current is not None, timeout=10_000)
    assert window.current_screen() is view
    assert view.identify.current.citizen.name == "李秀兰"
    assert "已读取" in window.status.reader_text()
    # F2 while the card still lies on the reader: read again (a new placement is not needed).
    app.simulator.place("li-xiulan")
    with qtbot.waitSignal(app.reader.card_read, timeout=10_000):
        window.act_reread.trigger()


def test_an_unplugged_reader_is_shown_and_comes_back(qtbot: QtBot, running: tuple[DeskApp, Path]) -> None:
    app, _ = running
    status = app.window.status
    app.simulator.unplug(duration=0.5)
    qtbot.waitUntil(lambda: status.lbl_reader.property("level") == "bad", timeout=10_000)
    qtbot.waitUntil(lambda: "请放置" in status.reader_text(), timeout=10_000)
    assert status.lbl_reader.property("level") == "ok"


def test_a_failed_receipt_is_kept_and_printed_again(qtbot: QtBot, running: tuple[DeskApp, Path]) -> None:
    app, blocked = running
    window, status = app.window, app.window.status
    app.printer.print_pdf(b"%PDF-1.4\n%%EOF\n", "受理回执 TEST-1")
    qtbot.waitUntil(lambda: status.failed_jobs == 1, timeout=10_000)
    assert status.btn_retry_print.isVisibleTo(window)
    assert "1 份未打印" in status.printer_text()
    blocked.unlink()  # the clerk fixes the printer …
    status.btn_retry_print.click()  # … and sends the job again
    qtbot.waitUntil(lambda: status.failed_jobs == 0, timeout=10_000)
    assert not status.btn_retry_print.isVisibleTo(window)
    # The failure count drops when the job is queued again; the file appears once it has printed.
    qtbot.waitUntil(lambda: bool(list(blocked.glob("*TEST-1*.pdf"))), timeout=10_000)
