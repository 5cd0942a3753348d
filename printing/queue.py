"""The persistent print queue and the service that prints it on a worker thread.

Each job is two files in the spool folder (in the data dir): `<id>.pdf` and `<id>.json`
(status, attempts, last error), each written to a temporary file, fsynced and renamed, so a
power cut leaves either the old or the new version. A job that fails (printer offline, out of
paper) stays `failed` with its error until `retry`; a job found `printing` at start-up (the
process died mid-job) becomes `failed` too — it may or may not have come out, so the clerk
decides rather than the machine printing a certificate twice.

`PrintService` owns one worker thread (plain `threading`; the Qt adapter lives in desk/ui).
Thread contract: every public method may be called from any thread and never waits for a
printer; callbacks run on the worker thread and must not touch widgets directly.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import queue as _queue
import threading
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path

from printing.printers import PdfFilePrinter, Printer, PrinterState, PrinterStatus
from printing.retention import OWNER_ONLY_FILE, private_folder, purge_printed

_log = logging.getLogger(__name__)
PURGE_EVERY = timedelta(days=1)


class JobStatus(StrEnum):
    PENDING = "pending"
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"
    UNREADABLE = "unreadable"  # the job's record is damaged: listed so that it does not vanish


@dataclass(frozen=True)
class PrintJob:
    job_id: str
    printer: str
    job_name: str
    copies: int
    media: str | None
    status: JobStatus
    created_at: str
    updated_at: str
    attempts: int = 0
    last_error_zh: str = ""
    last_error_en: str = ""
    reference: str | None = None  # what the printer returned (CUPS request id, file path)
    # Stopped mid-print (crash, or the printer's outcome unknown): it may have come out, so it is
    # printed again only when the clerk says so, never by "retry all failed".
    interrupted: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data["status"] = self.status.value
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> PrintJob:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a job record must be a JSON object")
        data["status"] = JobStatus(data["status"])
        return cls(**data)

    @classmethod
    def unreadable(cls, job_id: str, modified: str, reason: str) -> PrintJob:
        return cls(job_id, "", "", 1, None, JobStatus.UNREADABLE, modified, modified,
                   last_error_zh=f"打印任务记录已损坏，无法读取（{reason}）；请检查后删除或重新打印",
                   last_error_en=f"the job's record is damaged and cannot be read ({reason}); check it, "
                                 "then remove it or print again")


class SpoolError(OSError):
    """The spool folder cannot take the job (full disk, no permission); nothing half-written is left."""

    def __init__(self, exc: OSError) -> None:
        super().__init__(exc.errno, exc.strerror)
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        self.code = "spool_disk_full" if full else "spool_unwritable"
        self.message_zh = ("磁盘空间已满，打印任务未能保存，请清理磁盘后重新打印" if full
                           else f"无法保存打印任务：{exc.strerror}")
        self.message_en = ("the disk is full: the print job was not saved; free space and print again" if full
                           else f"cannot save the print job: {exc.strerror}")


class RetryNeedsConfirmation(ValueError):
    """An interrupted job may already have printed: it is retried only when the clerk confirms."""

    code = "print_retry_needs_confirmation"

    def __init__(self, job_id: str) -> None:
        super().__init__(job_id)
        self.message_zh = "该任务在打印中途中断，可能已经打印出来；请先检查打印机出纸，确认后再重试"
        self.message_en = ("the job was interrupted while printing and may have come out: check the printer's "
                           "output, then confirm the retry")


class JobNotFoundError(KeyError):
    def __init__(self, job_id: str) -> None:
        super().__init__(job_id)
        self.message_zh = f"找不到打印任务 {job_id}"
        self.message_en = f"print job {job_id} not found"


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _atomic_write(path: Path, data: bytes) -> None:
    """Write-fsync-rename; on any OSError the temporary file is removed and SpoolError raised."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:6]}.tmp")
    try:
        # Owner-only from the first byte: a job is a citizen's paper.
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY_FILE), "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SpoolError(exc) from exc
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # make the rename itself durable
    finally:
        os.close(dir_fd)


class PrintQueue:
    """Jobs on disk. Thread-safe (one lock around every read-modify-write)."""

    def __init__(self, spool_dir: Path) -> None:
        self.spool_dir = private_folder(spool_dir)
        self._lock = threading.RLock()

    def _json_path(self, job_id: str) -> Path:
        return self.spool_dir / f"{job_id}.json"

    def _write(self, job: PrintJob) -> PrintJob:
        _atomic_write(self._json_path(job.job_id), job.to_json().encode("utf-8"))
        return job

    def submit(self, pdf: bytes, *, printer: str, job_name: str, copies: int = 1, media: str | None = None) -> PrintJob:
        job_id = f"{datetime.now():%Y%m%d-%H%M%S-%f}-{uuid.uuid4().hex[:6]}"
        now = _now()
        job = PrintJob(job_id, printer, job_name, max(1, copies), media, JobStatus.PENDING, now, now)
        with self._lock:
            _atomic_write(self.spool_dir / f"{job_id}.pdf", pdf)  # the PDF first: metadata never points at nothing
            try:
                return self._write(job)
            except SpoolError:
                (self.spool_dir / f"{job_id}.pdf").unlink(missing_ok=True)  # no PDF without its record
                raise

    def get(self, job_id: str) -> PrintJob:
        """The job's record; a damaged record comes back as an UNREADABLE job, never as a raw error."""
        path = self._json_path(job_id)
        try:
            return PrintJob.from_json(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise JobNotFoundError(job_id) from exc
        except (ValueError, TypeError, KeyError) as exc:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            try:
                modified = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
            except OSError:
                modified = ""
            return PrintJob.unreadable(job_id, modified, type(exc).__name__)

    def pdf(self, job_id: str) -> bytes:
        try:
            return (self.spool_dir / f"{job_id}.pdf").read_bytes()
        except FileNotFoundError as exc:
            raise JobNotFoundError(job_id) from exc

    def jobs(self) -> list[PrintJob]:
        result = []
        for path in sorted(self.spool_dir.glob("*.json")):
            with contextlib.suppress(JobNotFoundError):  # removed meanwhile
                result.append(self.get(path.stem))  # an unreadable record is listed as such, never dropped
        return result

    def pending(self) -> list[PrintJob]:
        """Jobs not yet printed: waiting, or failed and waiting for a retry."""
        return [j for j in self.jobs() if j.status in (JobStatus.PENDING, JobStatus.FAILED)]

    def _update(self, job_id: str, **changes: object) -> PrintJob:
        with self._lock:
            job = replace(self.get(job_id), updated_at=_now(), **changes)  # type: ignore[arg-type]
            return self._write(job)

    def mark_printing(self, job_id: str) -> PrintJob:
        with self._lock:
            job = self.get(job_id)
            return self._update(job_id, status=JobStatus.PRINTING, attempts=job.attempts + 1)

    def mark_done(self, job_id: str, reference: str | None = None) -> PrintJob:
        return self._update(job_id, status=JobStatus.DONE, reference=reference, last_error_zh="", last_error_en="")

    def mark_failed(self, job_id: str, error_zh: str, error_en: str) -> PrintJob:
        return self._update(job_id, status=JobStatus.FAILED, last_error_zh=error_zh, last_error_en=error_en)

    def retry(self, job_id: str, *, confirmed: bool = False) -> PrintJob:
        """Put a failed (or still pending) job back in line; a done job is not printed again, and an
        interrupted one only with `confirmed` (the clerk checked the printer's output)."""
        with self._lock:
            job = self.get(job_id)
            if job.status is JobStatus.DONE:
                raise ValueError("打印任务已完成，不能重试 / the job is done; print it again as a new job")
            if job.status is JobStatus.UNREADABLE:
                raise ValueError("打印任务记录已损坏，不能重试 / the job's record is damaged; print it again")
            if job.interrupted and not confirmed:
                raise RetryNeedsConfirmation(job_id)
            return self._update(job_id, status=JobStatus.PENDING, interrupted=False)

    def retryable(self) -> list[PrintJob]:
        """Failed jobs that "retry all failed" may print again: not the interrupted ones."""
        return [job for job in self.jobs() if job.status is JobStatus.FAILED and not job.interrupted]

    def recover(self) -> list[PrintJob]:
        """At start-up: jobs left `printing` by a crash become failed (they may have printed)."""
        recovered = []
        for job in self.jobs():
            if job.status is JobStatus.PRINTING:
                recovered.append(self._update(
                    job.job_id, status=JobStatus.FAILED, interrupted=True,
                    last_error_zh="上次打印时程序中断，请确认纸张后再重试",
                    last_error_en="interrupted while printing; check the paper before retrying"))
        return recovered

    def remove(self, job_id: str) -> None:
        with self._lock:
            self._json_path(job_id).unlink(missing_ok=True)
            (self.spool_dir / f"{job_id}.pdf").unlink(missing_ok=True)


JobCallback = Callable[[PrintJob], None]
StateCallback = Callable[[str, PrinterState], None]


class PrintService:
    """Prints queued jobs on one worker thread; the caller never waits for a printer."""

    def __init__(
        self,
        print_queue: PrintQueue,
        printers: Mapping[str, Printer],
        *,
        on_job_changed: JobCallback | None = None,
        on_printer_state: StateCallback | None = None,
        retention: timedelta | None = None,
    ) -> None:
        """`retention`: printed jobs and printed PDF files older than this are deleted at `start()` and
        once a day after (on the worker thread, between jobs); None keeps them."""
        self.queue = print_queue
        self.printers = dict(printers)
        self._on_job_changed = on_job_changed
        self._on_printer_state = on_printer_state
        self._work: _queue.Queue[tuple[str, str] | None] = _queue.Queue()
        self._thread: threading.Thread | None = None
        self._busy = threading.Condition()
        self._outstanding = 0
        self._retention = retention
        self._next_purge: float | None = None  # time.monotonic() of the next daily purge

    def start(self) -> None:
        """Start the worker; jobs interrupted last time become failed, pending ones are printed."""
        if self._thread is not None:
            return
        for job in self.queue.recover():
            self._emit_job(job)
        self._thread = threading.Thread(target=self._run, name="print-worker", daemon=True)
        self._thread.start()
        if self._retention is not None:
            self._put(("purge", ""))
        for job in self.queue.jobs():
            if job.status is JobStatus.PENDING:
                self._put(("job", job.job_id))

    def submit(self, pdf: bytes, *, printer: str, job_name: str, copies: int = 1, media: str | None = None) -> PrintJob:
        job = self.queue.submit(pdf, printer=printer, job_name=job_name, copies=copies, media=media)
        self._put(("job", job.job_id))
        return job

    def retry(self, job_id: str, *, confirmed: bool = False) -> PrintJob:
        job = self.queue.retry(job_id, confirmed=confirmed)
        self._put(("job", job_id))
        return job

    def request_state(self, printer: str) -> None:
        """Ask for a printer's state; the answer arrives through `on_printer_state`."""
        self._put(("state", printer))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until all work handed over so far is finished (for the CLI and tests)."""
        with self._busy:
            return self._busy.wait_for(lambda: self._outstanding == 0, timeout)

    def close(self, timeout: float = 10.0) -> None:
        if self._thread is None:
            return
        self._work.put(None)
        self._thread.join(timeout)
        self._thread = None

    def _put(self, item: tuple[str, str]) -> None:
        with self._busy:
            self._outstanding += 1
        self._work.put(item)

    def purge_printed(self) -> int:
        """Delete printed papers older than the retention period now (the worker does it daily)."""
        if self._retention is None:
            return 0
        folders = [p.folder for p in self.printers.values() if isinstance(p, PdfFilePrinter)]
        return purge_printed(self.queue, folders, self._retention, datetime.now())

    def _next_item(self) -> tuple[str, str] | None:
        """The next piece of work; with a retention period, the daily purge when its time has come."""
        if self._retention is None:
            return self._work.get()
        if self._next_purge is None:
            self._next_purge = time.monotonic() + PURGE_EVERY.total_seconds()
        try:
            return self._work.get(timeout=max(0.0, self._next_purge - time.monotonic()))
        except _queue.Empty:
            self._next_purge = None
            with self._busy:
                self._outstanding += 1
            return ("purge", "")

    def _run(self) -> None:
        while True:
            item = self._next_item()
            if item is None:
                return
            kind, key = item
            try:
                if kind == "job":
                    self._print(key)
                elif kind == "purge":
                    self.purge_printed()
                else:
                    self._report_state(key)
            except Exception as exc:  # the worker must survive anything a printer or a callback does
                _log.exception("print worker: %s %s failed", kind, key)
                if kind == "job":
                    with contextlib.suppress(Exception):
                        self._fail(key, f"打印出错：{exc}", f"printing error: {exc}")
            finally:
                with self._busy:
                    self._outstanding -= 1
                    self._busy.notify_all()

    def _print(self, job_id: str) -> None:
        job = self.queue.get(job_id)
        if job.status is not JobStatus.PENDING:
            return  # already printed or failed meanwhile (e.g. a duplicate retry)
        printer = self.printers.get(job.printer)
        if printer is None:
            self._fail(job_id, f"未配置打印机 {job.printer}", f"no printer named {job.printer}")
            return
        self._emit_job(self.queue.mark_printing(job_id))
        try:
            result = printer.print_pdf(self.queue.pdf(job_id), job.job_name, job.copies, job.media)
        except Exception as exc:
            self._fail(job_id, f"打印出错：{exc}", f"printing error: {exc}")
            self._emit_state(job.printer, PrinterState.of(PrinterStatus.UNKNOWN, str(exc)))
            return
        self._emit_state(job.printer, result.state)
        if result.ok:
            self._emit_job(self.queue.mark_done(job_id, result.reference))
        elif result.uncertain:  # the printer took the job but its outcome is unknown: may have printed
            self._emit_job(self.queue._update(job_id, status=JobStatus.FAILED, interrupted=True,
                                              reference=result.reference, last_error_zh=result.message_zh,
                                              last_error_en=result.message_en))
        else:
            self._fail(job_id, result.message_zh, result.message_en)

    def _fail(self, job_id: str, zh: str, en: str) -> None:
        self._emit_job(self.queue.mark_failed(job_id, zh, en))

    def _report_state(self, name: str) -> None:
        printer = self.printers.get(name)
        state = (printer.state() if printer is not None
                 else PrinterState.of(PrinterStatus.OFFLINE, zh=f"未配置打印机 {name}", en=f"no printer named {name}"))
        self._emit_state(name, state)

    def _emit_job(self, job: PrintJob) -> None:
        if self._on_job_changed is not None:
            self._on_job_changed(job)

    def _emit_state(self, name: str, state: PrinterState) -> None:
        if self._on_printer_state is not None:
            self._on_printer_state(name, state)
