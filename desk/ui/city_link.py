"""A city-mode desk's link to the city server: whether it answers (the status bar says so, and says
when it is back), and the drafts typed while it did not (kept in the desk's outbox file, then sent).

Thread contract: lives on the GUI thread. The connection reports reachability from worker threads;
the report crosses to the GUI thread as a queued signal. Probes, file writes and sends run through the
TaskRunner — the GUI thread never waits on the network or the disk.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desk.domain.errors import DeskError
from desk.remote.connection import Connection
from desk.remote.outbox import DraftOutbox, KeptDraft

if TYPE_CHECKING:
    from desk.ui.context import DeskContext
    from desk.ui.draft_saver import DraftSaver
    from desk.ui.status_bar import DeviceStatusBar

PROBE_MS = 5000


class CityLink(QObject):
    reachable_changed = Signal(bool)
    kept_sent = Signal(str)  # a case number whose kept draft the server has now stored
    message = Signal(str)  # for the window's status line
    session_ended = Signal(str)  # the server ended this desk's current session (its code): the window locks
    _ended = Signal(str, str)  # (code, token) from any thread

    def __init__(self, context: DeskContext, connection: Connection, outbox: DraftOutbox, status: DeviceStatusBar,
                 *, probe_ms: int = PROBE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context, self.connection, self.outbox, self._status = context, connection, outbox, status
        self._savers: list[DraftSaver] = []
        self._probing = False
        self._timer = QTimer(self)
        self._timer.setInterval(probe_ms)
        self._timer.timeout.connect(self._probe)
        self.reachable_changed.connect(self._on_reachable)
        connection.on_reachable = self.reachable_changed.emit  # any thread; delivered queued
        connection.on_session_ended = self._ended.emit
        self._ended.connect(self._on_ended)

    @property
    def reachable(self) -> bool | None:
        return self.connection.reachable

    def watch(self, saver: DraftSaver) -> None:
        """A draft saver to wake when the server is back, or the clerk signed in again."""
        self._savers.append(saver)

    def _on_ended(self, code: str, token: str) -> None:
        # A call still in flight with an older session's token says nothing about the current one.
        if token == self.connection.token:
            self.session_ended.emit(code)

    def end_session(self) -> None:
        """The clerk signed out: the server ends the session too (on a worker; errors only logged)."""
        connection, token = self.connection, self.connection.token

        def end() -> None:
            with contextlib.suppress(DeskError):  # unreachable or expired: it ends on the server anyway
                connection.end_session(token)

        self._context.runner.run(end, None, self._on_error)

    def signed_in(self) -> None:
        """A (new) session: what waited for one is sent now."""
        for saver in self._savers:
            saver.retry()
        self.send_kept()

    # ---- drafts ------------------------------------------------------------------------------

    def keep(self, number: str, version: int, values: dict[str, Any]) -> None:
        outbox = self.outbox
        self._context.runner.run(lambda: outbox.keep(number, version, dict(values)), None, self._on_error)

    def sent(self, number: str) -> None:
        outbox = self.outbox
        self._context.runner.run(lambda: outbox.drop(number), None, self._on_error)

    def send_kept(self) -> None:
        """Send the drafts kept on disk (a previous run's too) that no open form is saving itself."""
        if self._context.session is None or not self._context.core_ready:
            return
        live = {saver.number for saver in self._savers if saver.number is not None}
        outbox, cases, actor = self.outbox, self._context.core.cases, self._context.actor

        def send() -> list[str]:
            stored = []
            for draft in outbox.kept():
                if draft.number not in live:
                    self._send(cases, actor, draft)
                    stored.append(draft.number)
            return stored

        self._context.runner.run(send, self._on_sent, self._on_error)

    def _send(self, cases: Any, actor: Any, draft: KeptDraft) -> None:
        cases.save_draft(actor, draft.number, draft.values, draft.version)
        self.outbox.drop(draft.number)

    def _on_sent(self, numbers: list[str]) -> None:
        for number in numbers:
            self.kept_sent.emit(number)

    def _on_error(self, error: BaseException) -> None:
        # A kept draft the server refuses (the case moved on meanwhile) stays on disk; the clerk is told.
        self.message.emit(self._context.error_text(error))

    # ---- reachability ------------------------------------------------------------------------

    def _on_reachable(self, reachable: bool) -> None:
        self._status.set_server_state(reachable)
        if not reachable:
            self._timer.start()
            return
        self._timer.stop()
        for saver in self._savers:
            saver.retry()
        self.send_kept()

    def _probe(self) -> None:
        if self._probing:
            return
        self._probing = True
        self._context.runner.run(self.connection.probe, self._probed, self._probed)

    def _probed(self, _result: object) -> None:
        self._probing = False

    def stop(self) -> None:
        self._timer.stop()
        self.connection.on_reachable = None
        self.connection.on_session_ended = None
