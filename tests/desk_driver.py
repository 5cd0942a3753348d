"""Driving a real desk app in a test as a clerk would: sign in, swipe a card, read what was printed.

Shared by the embedded desk's flows (tests/ui/test_desk_flows.py) and the city desk's
(tests/city_desk.py); each adds what its own set-up knows (the in-process core, the server).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from desk.services.demo import DEMO_PASSWORD
from desk.ui.bootstrap import DeskApp
from desk.ui.main_window import MainWindow
from desk.ui.new_case import NewCaseView


@dataclass
class DeskDriver:
    app: DeskApp
    answers: Any  # the test's Asker stand-in
    printed: Path  # the PDF printer's folder
    qtbot: QtBot
    timeout_ms: int = 10_000

    @property
    def window(self) -> MainWindow:
        return self.app.window

    @property
    def new_case(self) -> NewCaseView:
        return self.app.window.new_case

    def wait(self, predicate: Callable[[], object], timeout: int | None = None) -> None:
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=timeout or self.timeout_ms)

    def sign_in(self, username: str, password: str = DEMO_PASSWORD) -> None:
        view = self.window.sign_in
        view.edt_username.setText(username)
        view.edt_password.setText(password)
        view.btn_sign_in.click()
        self.wait(lambda: self.app.context.session is not None and self.app.context.session.username == username
                  and not self.window.is_locked)

    def swipe(self, label: str) -> None:
        """A citizen lays their card on the (simulated) reader and takes it away once it was read."""
        simulator = self.app.simulator
        assert simulator is not None
        with self.qtbot.waitSignal(self.app.reader.card_read, timeout=10_000):
            simulator.place(label)
        simulator.remove()
        # The reader tells a new card only after it saw the reader empty (请放置证件 again: code "ready",
        # whatever the screen's language).
        self.wait(lambda: (status := self.window.status.reader_status) is not None and status.code == "ready")

    def paper_text(self, serial: str) -> str:
        """The text of the printed PDF with this serial, once the PDF printer has written it."""
        self.wait(lambda: list(self.printed.glob(f"*{serial}*.pdf")))
        [path] = self.printed.glob(f"*{serial}*.pdf")
        reader = PdfReader(io.BytesIO(path.read_bytes()))
        return "".join(page.extract_text() for page in reader.pages)
