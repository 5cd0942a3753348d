"""`desk kiosk` shows its starting screen before it loads the store and the screens: a (re)start was
a black screen for 3–6 s (17 s with the demo's first data) — systemd restarts the kiosk after a fault
or the staff exit, with a citizen perhaps in front of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from kiosk.starting import STARTING_EN, STARTING_ZH, show_starting


def test_the_starting_screen_fills_the_screen_and_says_so_in_both_languages(qtbot: QtBot) -> None:
    screen = show_starting()
    qtbot.addWidget(screen)
    assert screen.isVisible() and screen.geometry() == QGuiApplication.primaryScreen().geometry()
    assert (screen.lbl_zh.text(), screen.lbl_en.text()) == (STARTING_ZH, STARTING_EN)


def test_the_starting_screen_comes_before_the_heavy_imports(tmp_path: Path) -> None:
    probe = ("import sys, kiosk.starting; "
             "print(sorted(m for m in ('sqlalchemy', 'desk.core', 'kiosk.bootstrap') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"



def test_the_starting_screen_keeps_moving_while_the_work_runs_on_a_worker(qtbot: QtBot) -> None:
    """The store, the catalog and the demo data loaded on the GUI thread: the starting screen froze
    for seconds. The work runs on a worker now; here it waits until the screen's dots have moved."""
    import threading

    from kiosk.launch import run_in_background

    screen = show_starting(windowed=True)
    qtbot.addWidget(screen)
    ticks = screen.ticks
    threads: list[str] = []

    def work() -> str:
        threads.append(threading.current_thread().name)
        deadline = threading.Event()
        for _ in range(200):  # up to 20 s: only a GUI thread that runs moves the dots
            if screen.ticks >= ticks + 3:
                return "ready"
            deadline.wait(0.1)
        return "the screen froze"

    assert run_in_background(work) == "ready"
    assert threads == ["kiosk-start"] and threading.current_thread() is threading.main_thread()
    assert screen.lbl_progress.text().count("●") == 1


def test_an_error_while_loading_is_raised_on_the_gui_thread(qtbot: QtBot) -> None:
    from desk.domain.errors import NotFound
    from kiosk.launch import run_in_background

    def work() -> None:
        raise NotFound.say("kiosk.receipt_not_found")

    try:
        run_in_background(work)
    except NotFound as error:
        assert error.message_key == "kiosk.receipt_not_found"
    else:
        raise AssertionError("the worker's error was lost")


def test_the_launcher_leaves_the_heavy_imports_to_its_worker(tmp_path: Path) -> None:
    probe = ("import sys, kiosk.launch; "
             "print(sorted(m for m in ('sqlalchemy', 'desk.core', 'kiosk.bootstrap', 'pypinyin') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_desk_kiosk_answers_while_it_loads_and_then_runs(tmp_path: Path) -> None:
    """`desk kiosk --demo` end to end: the starting screen's dots move while the demo store is built
    behind it (on the GUI thread they stood still until the window came), then the kiosk's window."""
    import os

    script = """
import sys
import kiosk.lockdown as lockdown
import kiosk.starting as starting
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
screens = []
shown = starting.show_starting
def show_starting(*args, **kwargs):
    screens.append(shown(*args, **kwargs))
    return screens[-1]
starting.show_starting = show_starting
locked = lockdown.lock_window
def lock_window(window, **kwargs):
    locked(window, **kwargs)
    if not isinstance(window, starting.StartingScreen):
        print("TICKS", screens[0].ticks, type(window).__name__, flush=True)
        QTimer.singleShot(0, lambda: QApplication.instance().exit(0))
lockdown.lock_window = lock_window
from desk.cli import main
sys.exit(main(["kiosk", "--demo", "--windowed"]))
"""
    env = {**os.environ, "DESK_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=240, cwd=tmp_path,
                          env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    [line] = [line for line in done.stdout.splitlines() if line.startswith("TICKS")]
    _word, ticks, window = line.split()
    assert window == "KioskWindow"
    assert int(ticks) >= 3  # the first demo start builds its store for seconds: the dots moved meanwhile
