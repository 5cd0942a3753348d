"""A whole desk app on a core the test built itself (its own demo store and clock): started with the PDF
printer in the test's folder and no card reader, signed in through the sign-in screen as a clerk would.
Each screen test's fixture builds its own core (how many residents, which users, which counters) and
leaves the app to these helpers; `close_desk` stops it at the end of the fixture."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core import Core
from desk.services.demo import DEMO_PASSWORD
from desk.settings import Settings
from desk.ui.bootstrap import DeskApp, DeskOptions


class NoFileDialogs:
    """The file dialogs a screen may open, answered "cancelled" (a test that saves a file brings its own)."""

    def save_path(self, *_args: object) -> Path | None:
        return None


def start_desk(qtbot: QtBot, tmp_path: Path, core: Core, asker: object | None = None) -> DeskApp:
    app = DeskApp(QApplication.instance(), lambda: core,  # type: ignore[arg-type]
                  DeskOptions(settings=Settings(printer=f"pdf:{tmp_path / 'printed'}", idle_lock_minutes=60),
                              spool_dir=tmp_path / "spool", start_reader=False),
                  asker=asker or NoFileDialogs())  # type: ignore[arg-type]
    app.start()
    qtbot.waitUntil(lambda: app.context.core_ready, timeout=10_000)
    return app


def sign_in(qtbot: QtBot, app: DeskApp, username: str, password: str = DEMO_PASSWORD) -> None:
    app.window.sign_in.edt_username.setText(username)
    app.window.sign_in.edt_password.setText(password)
    app.window.sign_in.btn_sign_in.click()
    qtbot.waitUntil(lambda: app.context.session is not None, timeout=10_000)
