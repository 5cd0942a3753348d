"""A draft survives a killed process: the desk client runs in a child process, a clerk's typing goes
into a new case's form, the autosave happens on its own (debounced, off the GUI thread), the child is
SIGKILLed — and the reopened store and client show the draft with every value typed."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.domain.clock import FixedClock
from desk.domain.workdays import WorkingCalendar
from desk.domain.workflow import CaseState
from desk.paths import holidays_dir
from desk.services.citizens import CardFacts
from desk.services.demo import build_demo
from desk.settings import Settings
from desk.shipped import shipped_catalog
from desk.store.database import Store
from desk.ui.bootstrap import DeskApp, DeskOptions
from desk.ui.new_case import PAGE_WORK
from tests.app_teardown import close_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)
ID_NUMBER = "210104197802093029"

# The child: the real client, a clerk who identifies the applicant by typing the ID number, picks
# 居民户口簿补领 and types into the form — then nothing more: the autosave must do the rest.
CHILD = textwrap.dedent('''
    import os, sys
    from datetime import UTC, datetime
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from desk.core import Core
    from desk.domain.clock import FixedClock
    from desk.shipped import shipped_catalog
    from desk.domain.workdays import WorkingCalendar
    from desk.paths import holidays_dir
    from desk.settings import Settings
    from desk.store.database import Store
    from desk.ui.bootstrap import DeskApp, DeskOptions

    db, scratch = sys.argv[1], sys.argv[2]
    app = QApplication([])
    core = Core(Store(f"sqlite:///{db}"), shipped_catalog(), WorkingCalendar.from_folder(holidays_dir()),
                FixedClock(datetime(2026, 11, 25, 2, 0, tzinfo=UTC)), Settings(station_code="HP01"))
    settings = Settings(printer=f"pdf:{scratch}/printed", idle_lock_minutes=60)
    desk = DeskApp(app, lambda: core, DeskOptions(settings=settings, spool_dir=None, start_reader=False))
    window = desk.window
    steps = ["start", "sign_in", "identify", "choose", "type", "saved"]

    def tick():
        step = steps[0]
        view = getattr(window, "new_case", None)  # the work screens exist once the core is ready
        if step == "start" and desk.context.core_ready:
            window.sign_in.edt_username.setText("clerk")
            window.sign_in.edt_password.setText("demo1234")
            window.sign_in.btn_sign_in.click()
            steps.pop(0)
        elif step == "sign_in" and desk.context.session is not None:
            window.show_screen(window.allowed_screens()[1], fresh=True)
            view.identify.edt_id_number.setText("{id_number}")
            view.identify.look_up_typed()
            steps.pop(0)
        elif step == "identify" and view.page == 1 and view.identify.current is not None:
            view.choose(core.catalog["booklet_reissue"])
            steps.pop(0)
        elif step == "choose" and view.is_ready:
            form = view.form
            form.editor("household_type").set_value("family")
            form.editor("loss_reason").set_value("stolen")
            form.editor("applicant_is_head").set_value(True)
            QTest.keyClicks(form.editor("contact_phone").focus_widgets()[0], "13987654321")
            steps.pop(0)
        elif step == "type" and view.saver.saves >= 1 and not view.saver.busy:
            print("SAVED", view.number, flush=True)
            steps.pop(0)

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    desk.start()
    app.exec()
''').replace("{id_number}", ID_NUMBER)


def test_a_draft_typed_in_a_killed_client_is_there_after_reopening(qtbot: QtBot, tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    calendar = WorkingCalendar.from_folder(holidays_dir())
    store = Store(f"sqlite:///{db}")
    build_demo(store, shipped_catalog(), calendar, residents=0, cases=0, today=NOW.date())
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    core.citizens.register_card(None, CardFacts(ID_NUMBER, "李秀兰", "female", "满"))
    store.dispose()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_DATA_DIR": str(tmp_path / "data")}
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(tmp_path)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env)
    try:
        # The child says SAVED once the autosave went through; it never does if the draft is not saved.
        ready, _, _ = select.select([child.stdout], [], [], 60)
        line = child.stdout.readline() if ready else ""  # type: ignore[union-attr]
        number = line.split()[1] if line.startswith("SAVED ") else ""
    finally:
        child.send_signal(signal.SIGKILL)  # no shutdown, no flush: as if the power went
        child.wait(timeout=10)
    assert number, f"no autosave reported by the client: {child.stderr.read()[-2000:]}"  # type: ignore[union-attr]
    assert child.returncode == -signal.SIGKILL

    # The store has the draft with what was typed …
    store = Store(f"sqlite:///{db}")
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    draft = core.queries.get(number)
    assert draft.state is CaseState.DRAFT
    assert draft.form_values == {"household_type": "family", "loss_reason": "stolen", "applicant_is_head": True,
                                 "contact_phone": "13987654321"}

    # … and the reopened client shows it on Today and continues it with the values in the form.
    desk = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                   DeskOptions(settings=Settings(printer=f"pdf:{tmp_path / 'printed'}", idle_lock_minutes=60),
                               spool_dir=tmp_path / "spool", start_reader=False))
    try:
        desk.start()
        window = desk.window
        qtbot.waitUntil(lambda: desk.context.core_ready, timeout=10_000)
        window.sign_in.edt_username.setText("clerk")
        window.sign_in.edt_password.setText("demo1234")
        window.sign_in.btn_sign_in.click()
        qtbot.waitUntil(lambda: number in [c.number for c in window.today.data.drafts], timeout=10_000)
        window.open_case(number)
        view = window.new_case
        qtbot.waitUntil(lambda: view.page == PAGE_WORK and view.is_ready and view.number == number, timeout=10_000)
        assert view.form.values() == draft.form_values
        assert view.form.editor("contact_phone").focus_widgets()[0].text() == "13987654321"
    finally:
        close_desk(desk)
