"""The desk client's quick start: the sign-in screen is built and shown without the parts that make
Python slow to start (the enums of `Qt`, QIcon and the item views, the dialogs, the workspace, the
store), the few values written around them are right, the idle watcher filters events only while it
runs (and only until it hears activity, until its next tick), and the app's filters can be paused.

bench/bench_desk.py measures the start itself; these tests keep its shape from quietly coming back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget
from pytestqt.qtbot import QtBot

from desk.qt.app_filters import AppEventFilters, paused
from desk.ui.idle import IdleWatcher
from desk.ui.sign_in import ALIGN_CENTER, ALIGN_RIGHT_VCENTER, SignInView

ROOT = Path(__file__).resolve().parents[2]

# The client as `desk --demo` opens it, stopped at the first event-loop turn after the window shows
# (the core, built on a worker thread 20 ms later, is never asked for).
FIRST_TURN = textwrap.dedent("""
    import json, sys
    import PySide6.QtCore, PySide6.QtGui, PySide6.QtWidgets
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from desk.ui.bootstrap import DeskApp, DeskOptions

    def no_core():
        raise RuntimeError("not needed for the first screen")

    app = QApplication([])
    desk = DeskApp(app, no_core, DeskOptions(demo=True, start_reader=False))
    desk.start()

    def first_turn():
        window = desk.window
        print(json.dumps({
            "bindings": [name for name, module in (("Qt", PySide6.QtCore), ("QIcon", PySide6.QtGui),
                                                   ("QFileDialog", PySide6.QtWidgets),
                                                   ("QListWidget", PySide6.QtWidgets))
                         if name in vars(module)],
            "modules": [name for name in ("desk.ui.preparation", "desk.ui.nav", "desk.ui.new_case",
                                          "desk.forms.form_view",
                                          "desk.store.database", "sqlalchemy")
                        if name in sys.modules],
            "shown": window.isVisible() and window.is_locked and window.sign_in.isVisible(),
            "menus": [menu.title() for menu in (window.mnu_desk, window.mnu_language)],
            "shortcuts": [window.act_quit.shortcut().toString(), window.act_lock.shortcut().toString()],
            "languages": [(action.text(), action.isChecked()) for action in window.act_languages.values()],
        }), flush=True)
        app.quit()

    QTimer.singleShot(0, first_turn)
    app.exec()
    desk.shutdown()
""")


def test_the_sign_in_screen_shows_before_the_slow_parts_are_loaded(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_DATA_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", FIRST_TURN], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=60, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["shown"]
    assert seen["bindings"] == [], "the Qt namespace, icons, dialogs or lists were set up before the first screen"
    assert seen["modules"] == [], "work screens, forms or the store were imported before the first screen"
    assert seen["menus"] == ["系统", "语言 Language"]
    assert seen["shortcuts"] == ["Ctrl+Q", "Ctrl+L"]
    assert seen["languages"] == [["中文", True], ["English", False]]


def test_the_sign_in_screen_is_aligned_as_the_qt_flags_say(qtbot: QtBot) -> None:
    assert Qt.AlignmentFlag.AlignCenter.value == ALIGN_CENTER
    assert (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value == ALIGN_RIGHT_VCENTER
    view = SignInView("和平分局太原街派出所")
    qtbot.addWidget(view)
    for label in (view.lbl_title, view.lbl_station, view.lbl_hint):
        assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    form = view.frm_card.findChild(QFormLayout)
    assert form is not None
    assert form.labelAlignment() == Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _press_key(target: QObject) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(target, event)


def test_the_idle_watcher_listens_for_activity_only_while_it_runs(qtbot: QtBot) -> None:
    desk = QWidget()
    qtbot.addWidget(desk)
    filters = AppEventFilters(desk)
    watcher = IdleWatcher(idle_ms=60_000, warning_ms=60_000, filters=filters)
    seen: list[int] = []
    watcher.warning_changed.connect(seen.append)
    assert not filters.is_installed(watcher)
    watcher.start()
    assert filters.is_installed(watcher)
    watcher._check()  # inside the warning period at once
    assert seen[-1] > 0
    _press_key(desk)
    assert seen[-1] == 0, "a key press while running puts the warning away"
    # Heard: quiet until the next tick, which counts the time since as active and listens again.
    assert not filters.is_installed(watcher)
    watcher._check()
    assert filters.is_installed(watcher) and seen[-1] > 0
    _press_key(desk)
    assert seen[-1] == 0
    watcher.stop()
    seen.clear()
    _press_key(desk)
    assert seen == [] and not watcher.active and not filters.is_installed(watcher)


class _Recorder(QObject):
    def __init__(self, name: str, log: list[str]) -> None:
        super().__init__()
        self.name, self.log = name, log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            self.log.append(self.name)
        return False


def test_app_filters_are_off_while_paused_and_back_in_their_order(qtbot: QtBot) -> None:
    desk = QWidget()
    qtbot.addWidget(desk)
    log: list[str] = []
    filters = AppEventFilters(desk)
    first, second = _Recorder("first", log), _Recorder("second", log)
    filters.install(first)
    filters.install(second)
    _press_key(desk)
    assert log == ["second", "first"]  # Qt asks the last installed first
    log.clear()
    with filters.paused():
        _press_key(desk)
        with filters.paused():
            _press_key(desk)
        _press_key(desk)
        filters.remove(first)
    assert log == []
    _press_key(desk)
    assert log == ["second"]
    filters.install(first)
    log.clear()
    _press_key(desk)
    assert log == ["first", "second"]
    with paused(None):  # screens built without an app pause nothing
        pass
