"""What every desk screen needs, handed to its constructor by the composition root (`bootstrap.py`).

`DeskContext` carries the core (services), the background task runner, the print adapter, the
signed-in user, the UI language and the app's event filters (to pause them while building many
widgets at once, see app_filters.py). It is one plain object owned by the bootstrap — not a global:
tests build their own. Screens read `session` at the moment they act, so a sign-out or a lock
takes effect everywhere at once.

The core may arrive after the window is shown (the bootstrap builds it on a worker thread so the
sign-in screen appears at once): `core_ready` says whether it has; screens touch `core` only when
acting for a signed-in user, which needs the core anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk.domain import messages
from desk.domain.errors import DeskError

if TYPE_CHECKING:
    from datetime import date  # annotations only: datetime's import is not on the sign-in screen's path

    from desk.core import Core
    from desk.domain.workflow import Actor, CaseState, Role
    from desk.qt.app_filters import AppEventFilters
    from desk.qt.print_adapter import PrintAdapter
    from desk.qt.tasks import TaskRunner
    from desk.services.documents import IssuedPaper
    from desk.services.users import SignedIn
    from desk.ui.city_link import CityLink


@dataclass
class DeskContext:
    runner: TaskRunner
    core_or_none: Core | None = None
    printer: PrintAdapter | None = None
    language: str = "zh_CN"
    session: SignedIn | None = None
    demo: bool = False
    app_filters: AppEventFilters | None = None
    # City mode: the link to the city server (reachability, drafts kept while it is away); None embedded.
    city: CityLink | None = None
    # Serials of the papers this window printed, newest last (for tests and the status line).
    printed: list[str] = field(default_factory=list)

    @property
    def city_mode(self) -> bool:
        """The core is the city server's (desk.remote.core.RemoteCore), not in-process."""
        return bool(getattr(self.core_or_none, "remote", False))

    @property
    def core(self) -> Core:
        if self.core_or_none is None:
            raise DeskError.say("desk.starting", code="starting")
        return self.core_or_none

    @property
    def core_ready(self) -> bool:
        return self.core_or_none is not None

    @property
    def actor(self) -> Actor:
        if self.session is None:
            raise DeskError.say("desk.sign_in_first", code="not_signed_in")
        return self.session.actor

    @property
    def role(self) -> Role | None:
        return self.session.actor.role if self.session is not None else None

    @property
    def is_chinese(self) -> bool:
        return self.language.startswith("zh")

    def today(self) -> date:
        return self.core.clock.today()

    def state_text(self, state: CaseState) -> str:
        """A case's state in the screen's language, in the messages' words (待补正 / waiting for
        materials) — not the code (supplement_requested). It stands alone (a table cell, a label), so in
        English it starts with a capital: “Draft”, not the code-like “draft”."""
        text = self.word(f"state.{state.value}")
        return text if self.is_chinese else text[:1].upper() + text[1:]

    def pick(self, zh: str | None, en: str | None) -> str:
        """Catalog and service texts come in both languages: the one for the UI language."""
        if self.is_chinese or not en:
            return zh or ""
        return en

    def word(self, key: str) -> str:
        """A word of the messages' table (`role.leader`, `rating.satisfied`, `followup.step.verify` …) in
        the screen's language — for enums the screens show, instead of their `label_zh` or their code."""
        return messages.render(key, {}, _translate_message)

    def print_papers(self, papers: Iterable[IssuedPaper]) -> None:
        """Send the papers a use case issued to the printer, in order (the print adapter queues them)."""
        for paper in papers:
            self.printed.append(paper.serial)
            if self.printer is not None:
                self.printer.print_pdf(paper.pdf, f"{paper.title_zh} {paper.serial}")

    def error_text(self, error: BaseException) -> str:
        """What the clerk reads for a failure: the error's message, never a traceback. An error that says
        a message key — a DeskError, a device's fault, printing's refusal (its parameters in the wire
        form: printing imports nothing of desk) — is translated here."""
        key = getattr(error, "message_key", None)
        if isinstance(key, str) and key in messages.TEMPLATES:
            try:
                params = messages.params_from_wire(getattr(error, "params", None) or {})
            except messages.UnknownParameter:
                params = None  # its own texts below
            if params is not None:
                return messages.render(key, params, _translate_message)
        if isinstance(error, DeskError) or (hasattr(error, "message_zh") and hasattr(error, "message_en")):
            return self.pick(error.message_zh, error.message_en)  # type: ignore[attr-defined]
        return messages.render("desk.unexpected", {"kind": type(error).__name__}, _translate_message)


def _translate_message(source: str) -> str:
    # Imported here: this module stays importable without Qt (the window imports it before anything else).
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(messages.CONTEXT, source)
