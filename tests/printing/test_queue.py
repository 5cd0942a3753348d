"""The persistent print queue: failed jobs are kept with their error and can be retried."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from printing import samples
from printing.cups_testserver import CupsTestServer
from printing.documents import receipt
from printing.documents.common import Paper
from printing.printers import CupsPrinter, JobResult, PdfFilePrinter, PrinterState, PrinterStatus
from printing.queue import JobNotFoundError, JobStatus, PrintJob, PrintQueue, PrintService


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return receipt.build_pdf(samples.receipt(), Paper.ROLL_80)


class GatePrinter:
    """A printer that holds every job until released (to show the caller never waits)."""

    name = "gate"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def state(self) -> PrinterState:
        return PrinterState.of(PrinterStatus.READY)

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        self.started.set()
        self.release.wait(10)
        return JobResult(True, self.state(), "ok", "ok", "gate")


def test_failed_job_is_kept_on_disk_and_retried(tmp_path: Path, pdf: bytes) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")  # the output folder cannot be created: the printer is 'offline'
    spool = tmp_path / "spool"
    events: list[PrintJob] = []
    states: list[tuple[str, PrinterState]] = []
    service = PrintService(PrintQueue(spool), {"pdf": PdfFilePrinter(blocker / "out")},
                           on_job_changed=events.append, on_printer_state=lambda n, s: states.append((n, s)))
    service.start()
    try:
        job = service.submit(pdf, printer="pdf", job_name="受理回执 HJ1")
        assert service.wait_idle(10)
        failed = service.queue.get(job.job_id)
        assert failed.status is JobStatus.FAILED and failed.attempts == 1
        assert failed.last_error_zh and failed.last_error_en
        assert [e.status for e in events] == [JobStatus.PRINTING, JobStatus.FAILED]
        assert states and states[-1][1].status is PrinterStatus.OFFLINE

        # Nothing is lost: another process (a new queue object) sees the job, its PDF and error.
        reopened = PrintQueue(spool)
        assert [j.job_id for j in reopened.pending()] == [job.job_id]
        assert reopened.pdf(job.job_id) == pdf

        blocker.unlink()  # the printer comes back
        service.retry(job.job_id)
        assert service.wait_idle(10)
        done = service.queue.get(job.job_id)
        assert done.status is JobStatus.DONE and done.attempts == 2 and done.last_error_zh == ""
        assert done.reference is not None and Path(done.reference).read_bytes() == pdf
        assert service.queue.pending() == []
        with pytest.raises(ValueError):
            service.retry(job.job_id)  # a finished job is not printed twice by accident
    finally:
        service.close()
    assert not list(spool.glob("*.tmp")) and not list(spool.glob(".*.tmp"))


def test_cups_offline_job_waits_and_prints_after_retry(cups_server: CupsTestServer, tmp_path: Path,
                                                       pdf: bytes) -> None:
    cups_server.clear_output()
    cups_server.set_enabled(False)
    service = PrintService(PrintQueue(tmp_path / "spool"),
                           {"counter": CupsPrinter(cups_server.printer_name, server=cups_server.server)})
    service.start()
    try:
        job = service.submit(pdf, printer="counter", job_name="receipt")
        assert service.wait_idle(20)
        assert service.queue.get(job.job_id).status is JobStatus.FAILED
        assert "离线" in service.queue.get(job.job_id).last_error_zh
        cups_server.set_enabled(True)
        service.retry(job.job_id)
        assert service.wait_idle(20)
        assert service.queue.get(job.job_id).status is JobStatus.DONE
        assert len(cups_server.wait_for_output(1)) == 1
    finally:
        cups_server.set_enabled(True)
        service.close()


def test_submit_returns_while_the_printer_is_busy(tmp_path: Path, pdf: bytes) -> None:
    printer = GatePrinter()
    service = PrintService(PrintQueue(tmp_path / "spool"), {"gate": printer})
    service.start()
    try:
        started = time.monotonic()
        first = service.submit(pdf, printer="gate", job_name="1")
        second = service.submit(pdf, printer="gate", job_name="2")
        assert time.monotonic() - started < 1.0
        assert printer.started.wait(5)
        assert not service.wait_idle(0.05)
        assert service.queue.get(second.job_id).status is JobStatus.PENDING
        printer.release.set()
        assert service.wait_idle(10)
        assert {service.queue.get(j.job_id).status for j in (first, second)} == {JobStatus.DONE}
    finally:
        printer.release.set()
        service.close()


def test_interrupted_job_becomes_failed_not_reprinted(tmp_path: Path, pdf: bytes) -> None:
    queue = PrintQueue(tmp_path / "spool")
    job = queue.submit(pdf, printer="pdf", job_name="certificate")
    queue.mark_printing(job.job_id)  # … and the process dies here
    out = tmp_path / "out"
    service = PrintService(PrintQueue(tmp_path / "spool"), {"pdf": PdfFilePrinter(out)})
    service.start()
    try:
        assert service.wait_idle(5)
        recovered = service.queue.get(job.job_id)
        assert recovered.status is JobStatus.FAILED and "中断" in recovered.last_error_zh
        assert not out.exists() or not list(out.iterdir())  # the clerk decides, not the machine
    finally:
        service.close()


def test_pending_jobs_left_from_last_run_are_printed_on_start(tmp_path: Path, pdf: bytes) -> None:
    PrintQueue(tmp_path / "spool").submit(pdf, printer="pdf", job_name="left over")
    service = PrintService(PrintQueue(tmp_path / "spool"), {"pdf": PdfFilePrinter(tmp_path / "out")})
    service.start()
    try:
        assert service.wait_idle(10)
        assert [j.status for j in service.queue.jobs()] == [JobStatus.DONE]
    finally:
        service.close()


def test_unknown_printer_and_state_requests(tmp_path: Path, pdf: bytes) -> None:
    states: list[tuple[str, PrinterState]] = []
    service = PrintService(PrintQueue(tmp_path / "spool"), {"pdf": PdfFilePrinter(tmp_path / "out")},
                           on_printer_state=lambda n, s: states.append((n, s)))
    service.start()
    try:
        job = service.submit(pdf, printer="nowhere", job_name="x")
        service.request_state("pdf")
        assert service.wait_idle(10)
        assert service.queue.get(job.job_id).status is JobStatus.FAILED
        assert ("pdf", PrinterStatus.READY) in [(n, s.status) for n, s in states]
    finally:
        service.close()


def test_records_are_json_and_a_bad_record_hides_nothing(tmp_path: Path, pdf: bytes) -> None:
    queue = PrintQueue(tmp_path / "spool")
    job = queue.submit(pdf, printer="pdf", job_name="受理回执", copies=2, media="Custom.80x150mm")
    record = json.loads((tmp_path / "spool" / f"{job.job_id}.json").read_text(encoding="utf-8"))
    assert record["status"] == "pending" and record["copies"] == 2 and record["job_name"] == "受理回执"
    (tmp_path / "spool" / "broken.json").write_text("{not json")
    listed = {j.job_id: j.status for j in queue.jobs()}  # the broken record is listed as such, not dropped
    assert listed == {job.job_id: JobStatus.PENDING, "broken": JobStatus.UNREADABLE}
    with pytest.raises(JobNotFoundError):
        queue.get("nope")
    queue.remove(job.job_id)
    queue.remove("broken")
    assert queue.jobs() == []
