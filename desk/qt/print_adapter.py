"""Qt adapter for printing: submit PDFs without waiting, hear about jobs and printer state as signals.

Thread contract: `PrintAdapter` is created and used on the GUI thread. The wrapped PrintService prints
on its own worker thread; its callbacks are relayed through a queued signal to this object, so
`job_changed(PrintJob)` and `printer_state_changed(PrinterState)` are always emitted on the GUI thread.
`close()` must be called before the application exits (it lets the current job finish).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desk.services.printer_setup import DEFAULT_PRINTER, build_print_service
from printing.printers import PrinterState
from printing.queue import PrintJob, PrintService


class _Relay(QObject):
    job = Signal(object)
    state = Signal(str, object)


class PrintAdapter(QObject):
    job_changed = Signal(object)  # PrintJob
    printer_state_changed = Signal(object)  # PrinterState

    STATE_POLL_MS = 30_000

    def __init__(self, spec: str, *, spool_dir: Path | None = None, retention_days: int | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._relay = _Relay(self)
        self._relay.job.connect(self._on_job)
        self._relay.state.connect(self._on_state)
        self.service: PrintService = build_print_service(
            spec, spool_dir=spool_dir, on_job_changed=self._relay.job.emit, on_printer_state=self._relay.state.emit,
            retention_days=retention_days,
        )
        self.state: PrinterState | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(self.STATE_POLL_MS)
        self._poll.timeout.connect(self.refresh_state)

    def start(self) -> None:
        self.service.start()
        self.refresh_state()
        self._poll.start()

    @Slot()
    def refresh_state(self) -> None:
        self.service.request_state(DEFAULT_PRINTER)

    def print_pdf(self, pdf: bytes, job_name: str, *, copies: int = 1) -> PrintJob:
        """Queue a document; returns at once. The outcome arrives as `job_changed`."""
        return self.service.submit(pdf, printer=DEFAULT_PRINTER, job_name=job_name, copies=copies)

    def retry(self, job_id: str) -> PrintJob:
        return self.service.retry(job_id)

    def failed_jobs(self) -> list[PrintJob]:
        """Failed jobs "retry all" may print again (interrupted ones wait for the clerk's word)."""
        return self.service.queue.retryable()

    def close(self) -> None:
        self._poll.stop()
        self.service.close()

    @Slot(object)
    def _on_job(self, job: object) -> None:
        self.job_changed.emit(job)

    @Slot(str, object)
    def _on_state(self, _printer: str, state: object) -> None:
        self.state = state  # type: ignore[assignment]
        self.printer_state_changed.emit(state)
