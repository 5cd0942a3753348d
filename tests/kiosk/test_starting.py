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

