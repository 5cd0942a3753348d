"""Tearing down a whole app (desk or kiosk) at the end of a fixture.

pytest-qt closes and deletes the widgets registered with `qtbot.addWidget` *before* the fixtures are
torn down. An app root whose window was registered would then shut down with its window already
gone: its event filters stay on the QApplication pointing at deleted widgets and its pending
callbacks fire into them, so a later test fails in a way that depends on timing. App windows are
therefore not registered with qtbot; these helpers stop the app first, then close and delete its
window.
"""

from __future__ import annotations

import time

from PySide6.QtWidgets import QApplication

from desk.qt.tasks import TaskRunner
from desk.ui.bootstrap import DeskApp
from kiosk.bootstrap import KioskApp


def settle(runner: TaskRunner, seconds: float = 10.0) -> None:
    """Let the runner's pending jobs deliver their results while the screens still exist."""
    deadline = time.monotonic() + seconds
    while runner.pending and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    QApplication.processEvents()


def close_desk(app: DeskApp) -> None:
    settle(app.runner)
    app.window.close()
    app.shutdown()
    app.window.deleteLater()
    QApplication.processEvents()


def close_kiosk(kiosk: KioskApp) -> None:
    settle(kiosk.ctx.runner)
    kiosk.languages.uninstall()  # no translator may outlive the test (zh_CN installs Qt's own)
    kiosk.close()
    kiosk.window.deleteLater()
    QApplication.processEvents()
