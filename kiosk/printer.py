"""Printing for the kiosk on top of the desk's `PrintAdapter`: one outcome callback per document, a time
limit, and nothing of a citizen left in the spool.

The desk keeps a failed job for the clerk to retry; an unattended kiosk must not — a certificate that
did not come out must never appear later in front of the next citizen, and no document may stay on
disk after it printed. So every job is removed from the spool as soon as it has an outcome (done,
failed, or no answer within `timeout_ms`). This wraps the adapter rather than changing it.

Thread contract: GUI thread only (the adapter's signals arrive there).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from desk.qt.print_adapter import PrintAdapter
from kiosk.said import QT_TRANSLATE_NOOP, Data, Said, says
from printing.queue import JobNotFoundError, JobStatus, PrintJob

log = logging.getLogger(__name__)

PrintDone = Callable[[], None]
PrintFailed = Callable[[Said], None]


@dataclass
class _Pending:
    on_done: PrintDone
    on_failed: PrintFailed
    timer: QTimer


class KioskPrinter(QObject):
    busy_changed = Signal(bool)

    def __init__(self, adapter: PrintAdapter, *, timeout_ms: int = 60_000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.adapter = adapter
        self._timeout_ms = timeout_ms
        self._pending: dict[str, _Pending] = {}
        adapter.job_changed.connect(self._on_job)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def print_pdf(self, pdf: bytes, job_name: str, on_done: PrintDone, on_failed: PrintFailed) -> None:
        """Queue a document; exactly one of the callbacks is called later, on the GUI thread."""
        try:
            job = self.adapter.print_pdf(pdf, job_name)
        except OSError as exc:  # the spool folder itself failed (disk full …)
            log.error("kiosk print submit failed: %s", exc)
            on_failed(says(QT_TRANSLATE_NOOP("KioskSays", "打印机暂时不能使用，请到窗口办理。")))
            return
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(self._timeout_ms)
        timer.timeout.connect(lambda job_id=job.job_id: self._on_timeout(job_id))
        was_busy = self.busy
        self._pending[job.job_id] = _Pending(on_done, on_failed, timer)
        timer.start()
        if not was_busy:
            self.busy_changed.emit(True)

    def forget_all(self) -> None:
        """The session ended: its jobs that have not started are cancelled (a paper nobody waits for
        must not come out in front of the next citizen); outcomes no longer concern anyone."""
        for job_id in list(self._pending):
            self._cancel(job_id)

    @Slot(object)
    def _on_job(self, job: PrintJob) -> None:
        if job.status not in (JobStatus.DONE, JobStatus.FAILED):
            return
        pending = self._pop(job.job_id)
        self._remove(job.job_id)
        if pending is None:
            return
        if job.status is JobStatus.DONE:
            pending.on_done()
        else:
            # The print queue reports in both languages: its words are data here.
            pending.on_failed(Data.of(job.last_error_zh, job.last_error_en) if job.last_error_zh
                              else says(QT_TRANSLATE_NOOP("KioskSays", "打印失败")))

    def _on_timeout(self, job_id: str) -> None:
        pending = self._cancel(job_id)
        if pending is not None:
            pending.on_failed(says(QT_TRANSLATE_NOOP("KioskSays", "打印机没有响应")))

    def _cancel(self, job_id: str) -> _Pending | None:
        pending = self._pop(job_id)
        queue = self.adapter.service.queue
        try:
            if queue.get(job_id).status is JobStatus.PENDING:
                # The worker skips a job that is no longer pending; one already printing finishes
                # and is removed when its outcome arrives.
                queue.mark_failed(job_id, "自助机已取消", "cancelled by the kiosk")
                self._remove(job_id)
        except JobNotFoundError:
            pass
        return pending

    def _pop(self, job_id: str) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if pending is not None:
            pending.timer.stop()
            pending.timer.deleteLater()
            if not self._pending:
                self.busy_changed.emit(False)
        return pending

    def _remove(self, job_id: str) -> None:
        self.adapter.service.queue.remove(job_id)

    def purge_spool(self) -> None:
        """Before the adapter starts: remove every job a previous run left behind. Nobody is waiting
        for it any more, and it may hold a citizen's certificate."""
        queue = self.adapter.service.queue
        for job in queue.jobs():
            queue.remove(job.job_id)
