"""Signing in to the desk client: wrong passwords and the lock-out the service imposes, the idle
warning and lock (and unlocking), and what each role is offered."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
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
from desk.ui.idle import IdleWatcher
from desk.ui.permissions import Screen
from tests.app_teardown import close_desk

NOW = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)


@pytest.fixture
def open_desk(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[..., DeskApp]]:
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    calendar = WorkingCalendar.from_folder(holidays_dir())
    build_demo(store, shipped_catalog(), calendar, residents=0, cases=0, today=NOW.date())
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    opened: list[DeskApp] = []

    def factory(idle_minutes: float = 10, idle_warning_seconds: float = 30) -> DeskApp:
        settings = Settings(printer=f"pdf:{tmp_path / 'printed'}", idle_lock_minutes=idle_minutes)
        app = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                      DeskOptions(settings=settings, spool_dir=tmp_path / "spool", start_reader=False,
                                  idle_warning_seconds=idle_warning_seconds))
        app.start()
        qtbot.waitUntil(lambda: app.context.core_ready and app.printer is not None, timeout=10_000)
        opened.append(app)
        return app

    yield factory
    for app in opened:
        close_desk(app)


def sign_in(qtbot: QtBot, app: DeskApp, username: str, password: str = DEMO_PASSWORD) -> None:
    view = app.window.sign_in
    if not view.edt_username.isReadOnly():
        view.edt_username.setText(username)
    view.edt_password.setText(password)
    view.btn_sign_in.click()


def signed_in_as(app: DeskApp, username: str) -> bool:
    session = app.context.session
    return session is not None and session.username == username and not app.window.is_locked


def test_wrong_passwords_then_the_lock_out_message_from_the_service(qtbot: QtBot,
                                                                   open_desk: Callable[..., DeskApp]) -> None:
    app = open_desk()
    view = app.window.sign_in
    for attempt in range(1, 6):
        sign_in(qtbot, app, "clerk", "wrong-password")
        qtbot.waitUntil(lambda: view.btn_sign_in.isEnabled() and view.lbl_message.isVisibleTo(view), timeout=5000)
        if attempt < 5:
            assert f"再错 {5 - attempt} 次" in view.lbl_message.text()
        view.lbl_message.hide()
    assert "锁定 15 分钟" in view.lbl_message.text()
    # Locked: even the right password is refused, and the message says until when.
    sign_in(qtbot, app, "clerk", DEMO_PASSWORD)
    qtbot.waitUntil(lambda: "锁定至" in view.lbl_message.text(), timeout=5000)
    assert app.context.session is None and app.window.is_locked
    assert view.edt_password.text() == ""


def test_empty_fields_are_told_without_asking_the_service(qtbot: QtBot, open_desk: Callable[..., DeskApp]) -> None:
    app = open_desk()
    view = app.window.sign_in
    view.btn_sign_in.click()
    assert "请输入用户名和密码" in view.lbl_message.text()
    assert app.runner.pending == 0


def test_idle_warning_then_lock_then_unlock_back_where_the_clerk_was(qtbot: QtBot,
                                                                      open_desk: Callable[..., DeskApp]) -> None:
    app = open_desk(idle_minutes=1.6 / 60, idle_warning_seconds=1.0)
    sign_in(qtbot, app, "clerk")
    qtbot.waitUntil(lambda: signed_in_as(app, "clerk"), timeout=5000)
    window = app.window
    window.show_screen(Screen.SEARCH)
    window.search.edt_query.setText("张伟")
    with qtbot.waitSignal(app.idle.warning_changed, timeout=5000, check_params_cb=lambda s: s > 0):
        pass
    assert "秒后锁屏" in window.statusBar().currentMessage()
    # …and the clerk sees it: Qt paints a passing message left of the permanent widgets, where the
    # device bar (stretched over the whole bar) left it no room — the countdown never showed.
    shown = window.status.lbl_message
    assert "秒后锁屏" in shown.text() and shown.isVisibleTo(window)
    assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text())
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.is_locked and window.sign_in.locked_user == "clerk"
    assert window.sign_in.edt_username.isReadOnly()
    # A wrong password does not unlock.
    sign_in(qtbot, app, "clerk", "wrong-password")
    qtbot.waitUntil(lambda: window.sign_in.lbl_message.isVisibleTo(window.sign_in), timeout=5000)
    assert window.is_locked
    sign_in(qtbot, app, "clerk")
    qtbot.waitUntil(lambda: not window.is_locked, timeout=5000)
    assert window.current_screen() is window.search and window.search.edt_query.text() == "张伟"
    assert app.idle.active


def test_activity_puts_the_warning_away() -> None:
    watcher = IdleWatcher(idle_ms=60_000, warning_ms=60_000)
    seen: list[int] = []
    watcher.warning_changed.connect(seen.append)
    watcher.start()
    watcher._check()  # inside the warning period at once
    assert seen and seen[-1] > 0
    watcher.touch()
    assert seen[-1] == 0
    watcher.stop()


@pytest.mark.parametrize(("username", "screens", "desk_work"), [
    ("clerk", [Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH], True),
    ("leader", [Screen.TODAY, Screen.NEW_CASE, Screen.SEARCH, Screen.MANAGER], True),
    ("manager", [Screen.TODAY, Screen.SEARCH, Screen.MANAGER], False),
    ("admin", [Screen.SEARCH, Screen.MANAGER], False),
])
def test_each_role_is_offered_only_what_it_may_do(qtbot: QtBot, open_desk: Callable[..., DeskApp], username: str,
                                                   screens: list[Screen], desk_work: bool) -> None:
    app = open_desk()
    sign_in(qtbot, app, username)
    qtbot.waitUntil(lambda: signed_in_as(app, username), timeout=5000)
    window = app.window
    nav = [window.lst_nav.item(row).data(0x0100) for row in range(window.lst_nav.count())]
    assert nav == [s.value for s in screens]
    for screen, action in window.act_screens.items():
        assert action.isVisible() == (screen in screens)
    for action in (window.act_accept, window.act_call_next, window.act_reread):
        assert action.isVisible() == desk_work
    # A screen not offered cannot be reached by its shortcut either.
    window.act_screens[Screen.NEW_CASE].trigger()
    assert (window.current_screen() is window.new_case) == (Screen.NEW_CASE in screens)
    if Screen.TODAY in screens:
        window.show_screen(Screen.TODAY)
        assert window.today.btn_call_next.isVisibleTo(window) == desk_work


def _compiled_translation() -> None:
    """The .qm is built by the setup script; build it here when a developer has not run it."""
    import subprocess
    import sys

    from desk.paths import resources_dir

    ts = resources_dir() / "i18n" / "station_desk_en.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        lrelease = Path(sys.executable).parent / "pyside6-lrelease"
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True, timeout=60)


def test_the_language_switch_retranslates_every_screen(qtbot: QtBot, open_desk: Callable[..., DeskApp]) -> None:
    _compiled_translation()
    app = open_desk()
    window = app.window
    assert window.sign_in.btn_sign_in.text() == "登录"
    window.act_languages["en"].trigger()
    assert app.context.language == "en"
    # Widgets retranslate on the LanguageChange event Qt posts to each of them.
    qtbot.waitUntil(lambda: window.sign_in.btn_sign_in.text() == "Sign in", timeout=5000)
    sign_in(qtbot, app, "leader")
    qtbot.waitUntil(lambda: signed_in_as(app, "leader"), timeout=5000)
    nav = [window.lst_nav.item(row).text() for row in range(window.lst_nav.count())]
    assert nav == ["Today", "New case", "Search", "Daily report"]
    assert window.today.btn_call_next.text() == "Call next (F3)"
    assert window.new_case.btn_accept.text().startswith("Accept and print")
    assert "station leader" in window.status.lbl_user.text()
    # No badge number recorded for the leader: the status bar gives their number in this system.
    session = app.context.session
    assert session is not None and f"staff no. {session.actor.user_id}" in window.status.lbl_user.text()
    window.act_languages["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.new_case.btn_accept.text().startswith("受理并打印回执"), timeout=5000)
    assert window.lst_nav.item(0).text() == "今日工作"


def test_a_sign_in_typed_while_the_data_opens_says_it_waits_then_signs_in(qtbot: QtBot, tmp_path: Path) -> None:
    """A first demo start builds its data (tens of seconds on a busy machine): the clerk who signs in
    meanwhile is told the desk is opening and will sign in by itself, not left before a grey button."""
    store = Store(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    calendar = WorkingCalendar.from_folder(holidays_dir())
    build_demo(store, shipped_catalog(), calendar, residents=0, cases=0, today=NOW.date())
    core = Core(store, shipped_catalog(), calendar, FixedClock(NOW), Settings(station_code="HP01"))
    opened = threading.Event()

    def slow_core() -> Core:
        assert opened.wait(30)
        return core

    app = DeskApp(QApplication.instance(), slow_core,  # type: ignore[arg-type]
                  DeskOptions(settings=Settings(printer=f"pdf:{tmp_path / 'printed'}"), spool_dir=tmp_path / "spool",
                              start_reader=False))
    try:
        app.start()
        view = app.window.sign_in
        qtbot.waitUntil(view.isVisible, timeout=10_000)
        sign_in(qtbot, app, "clerk")
        assert view.lbl_waiting.isVisible() and "完成后自动登录" in view.lbl_waiting.text()
        assert not view.btn_sign_in.isEnabled() and not view.lbl_message.isVisible()
        opened.set()
        qtbot.waitUntil(lambda: app.context.session is not None, timeout=15_000)
        assert view.lbl_waiting.isHidden()  # not waiting on the lock screen later
    finally:
        opened.set()
        close_desk(app)
