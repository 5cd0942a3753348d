"""What every kiosk screen is given: the backend, the runner, the devices, the session, the navigator,
and the current language and text size. Built once by the composition root (kiosk/bootstrap.py)
and passed to each screen's constructor — no globals.

`KioskContext.call` is how a screen does work: the function runs on a worker thread; its result
comes back on the GUI thread only if the session that asked is still the current one (a late
answer must never show one citizen's data to the next). Failures become calm messages.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from desk.domain.catalog import Catalog
from desk.domain.errors import DeskError
from desk.qt.tasks import TaskRunner
from kiosk.backend import KioskBackend
from kiosk.health import DeviceHealth
from kiosk.printer import KioskPrinter
from kiosk.said import Said, Voice, error_said
from kiosk.session import SessionController
from kiosk.speech import Speaker
from kiosk.style import NORMAL, Metrics

log = logging.getLogger(__name__)


class Navigator(Protocol):
    """Moving between screens; implemented by the kiosk's flow (kiosk/flow.py)."""

    def show_screen(self, name: str) -> None: ...

    def go_home(self) -> None: ...

    def show_busy(self, words: Said) -> None: ...

    def show_message(self, words: Said, *, title: Said | None = None, big_text: str = "",
                     kind: str = "info", end_session: bool = False, back_to: str | None = None) -> None: ...

    def show_fault(self, error: BaseException) -> None: ...

    def finish_session(self) -> None: ...


@dataclass
class KioskContext:
    backend: KioskBackend
    runner: TaskRunner
    printer: KioskPrinter
    health: DeviceHealth
    sessions: SessionController
    catalog: Catalog
    speaker: Speaker
    nav: Navigator | None = None
    language: str = "zh_CN"
    metrics: Metrics = field(default_factory=lambda: NORMAL)

    @property
    def english(self) -> bool:
        return self.language == "en"

    @property
    def voice(self) -> Voice:
        """The kiosk's language now, translating through the installed Qt translators."""
        return Voice(self.language, QCoreApplication.translate)

    def say(self, said: Said) -> str:
        """The text of `said` in the current language (sentences and errors through Qt's translation)."""
        return said.text(self.voice)

    def pick_pair(self, zh: str, en: str) -> str:
        """A data text that comes as two fields (a catalog name and its English)."""
        return en if self.english and en else zh

    def error_said(self, error: BaseException) -> Said:
        return error_said(error)

    def navigator(self) -> Navigator:
        if self.nav is None:
            raise RuntimeError("the kiosk's navigator is set by the composition root before any screen is used")
        return self.nav

    def call(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[DeskError], None] | None = None) -> None:
        """Run `fn` off the GUI thread. `on_done(result)` / `on_error(DeskError)` only while the same
        session is current; any other failure resets the kiosk with a calm message."""
        generation = self.sessions.generation

        def done(result: Any) -> None:
            if self.sessions.generation == generation:
                on_done(result)

        def failed(error: BaseException) -> None:
            if self.sessions.generation != generation:
                return
            if isinstance(error, DeskError) and on_error is not None:
                on_error(error)
                return
            if not isinstance(error, DeskError):
                # Only the kind and place: the message of a database error may quote a citizen's data.
                tb = error.__traceback__
                while tb is not None and tb.tb_next is not None:
                    tb = tb.tb_next
                where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb is not None else "?"
                log.error("kiosk task failed: %s at %s", type(error).__name__, where)
            self.navigator().show_fault(error)

        self.runner.run(fn, done, failed)
