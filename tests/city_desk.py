"""A desk in city mode for tests: the real desk app (DeskApp, MainWindow) whose settings name only a
city server's URL and the CA to trust, in data and config folders of its own; dialogs answered by
`Answers`, printing into PDF files read back with pypdf."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from city_server import CityServer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk.core import build_core
from desk.domain.workflow import CaseState
from desk.paths import config_dir
from desk.settings import load_settings
from desk.ui.bootstrap import DeskApp, DeskOptions
from tests.app_teardown import close_desk
from tests.desk_driver import DeskDriver


@dataclass
class Answers:
    reasons: list[str] = field(default_factory=list)
    passwords: list[str] = field(default_factory=list)

    def reason(self, *_args: object) -> str | None:
        return self.reasons.pop(0) if self.reasons else None

    def password(self, *_args: object) -> str | None:
        return self.passwords.pop(0) if self.passwords else None

    def confirm(self, *_args: object) -> bool:
        return True

    def save_path(self, *_args: object) -> None:
        return None

    def inform(self, *_args: object) -> None:
        return None


class CityDesk(DeskDriver):
    """A desk in city mode under test: its core is the server's (desk/remote)."""

    def state(self, number: str) -> CaseState:
        return self.app.context.core.queries.get(number).state


def write_city_settings(server: CityServer) -> None:
    """What IT writes on a city-mode desk: the server's URL and the CA to trust; no database."""
    config_dir().mkdir(parents=True, exist_ok=True)
    (config_dir() / "settings.toml").write_text(
        f'server_url = "{server.base_url.removesuffix("/api/v1")}"\n'
        f'server_ca = "{server.tls.ca_cert}"\nidle_lock_minutes = 60\n', encoding="utf-8")


def watch_gui_thread(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every server call a screen (desk/ui, desk/forms, kiosk) makes on the GUI thread: there
    must be none — network calls go through the TaskRunner. (The tests' own look-ups are not counted.)"""
    from desk.remote.connection import Connection

    made_on_gui_thread: list[str] = []
    call = Connection.call

    def watched(self: Connection, method: str, path: str, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is threading.main_thread():
            screens = [f"{frame.filename}:{frame.lineno}" for frame in traceback.extract_stack()
                       if any(part in frame.filename for part in ("desk/ui/", "desk/forms/", "/kiosk/"))]
            if screens:
                made_on_gui_thread.append(f"{method} {path} from {screens[-1]}")
        return call(self, method, path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Connection, "call", watched)
    return made_on_gui_thread


def city_desks(qtbot: QtBot, tmp_path: Path, server: CityServer,
               monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], CityDesk]]:
    """A factory of city-mode desks (closed at the end); the generator behind the tests' fixtures.
    At the end it checks that no screen called the server on the GUI thread."""
    on_gui_thread = watch_gui_thread(monkeypatch)
    # This desk's own data and config folders (the disk test reads them whole).
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path / "config"))
    write_city_settings(server)
    opened: list[CityDesk] = []

    def factory(name: str = "a") -> CityDesk:
        printed = tmp_path / f"printed-{name}"
        settings = load_settings(overrides={"device_id": f"pc-{name}", "printer": f"pdf:{printed}"})
        assert settings.server_url and not settings.database_url
        options = DeskOptions(settings=settings, spool_dir=tmp_path / f"spool-{name}")
        answers = Answers()
        app = DeskApp(QApplication.instance(), lambda: build_core(settings=settings), options,  # type: ignore[arg-type]
                      asker=answers)
        app.start()
        desk = CityDesk(app, answers, printed, qtbot, timeout_ms=20_000)
        desk.wait(lambda: app.context.core_ready and app.printer is not None and app.window.workspace_ready)
        desk.wait(lambda: "请放置" in app.window.status.reader_text())
        opened.append(desk)
        return desk

    yield factory
    for desk in opened:
        close_desk(desk.app)
    assert not on_gui_thread, on_gui_thread
