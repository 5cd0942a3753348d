"""Print-queue faults: a full spool disk (no .tmp left, nothing half-saved), damaged job records listed
as such, interrupted jobs never retried without the clerk's word, CUPS jobs followed to their end."""

from __future__ import annotations

import errno
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from printing import samples
from printing.cups_testserver import CupsTestServer
from printing.documents import receipt
from printing.documents.common import DocumentTooLong, Paper
from printing.printers import CupsPrinter, JobResult, PrinterState, PrinterStatus
from printing.queue import JobStatus, PrintQueue, PrintService, RetryNeedsConfirmation, SpoolError


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return receipt.build_pdf(samples.receipt(), Paper.ROLL_80)


@pytest.fixture
def small_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A real 64 kB file system (tmpfs) when this machine lets us mount one; otherwise the same
    ENOSPC injected into the queue's writes (the fallback is printed, not skipped)."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                             capture_output=True, check=False).returncode == 0
    if not mounted:
        print("tmpfs cannot be mounted here: ENOSPC is injected into the spool's writes instead")
        real_open = open

        def full_open(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
            if "w" in mode and str(file).endswith(".tmp") and os.path.getsize(mount_point) >= 0:
                handle = real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]
                handle.close()
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr("builtins.open", full_open)
    try:
        yield mount_point
    finally:
        if mounted:
            subprocess.run(["umount", str(mount_point)], check=False)


def test_a_full_spool_disk_says_so_and_leaves_no_tmp(small_disk: Path, pdf: bytes) -> None:
    queue = PrintQueue(small_disk / "spool")
    big = pdf + b"%" + os.urandom(200_000)  # larger than the whole disk
    with pytest.raises(SpoolError) as caught:
        queue.submit(big, printer="pdf", job_name="受理回执")
    assert caught.value.code == "spool_disk_full" and "磁盘空间已满" in caught.value.message_zh
    assert sorted(p.name for p in (small_disk / "spool").iterdir()) == []  # no .tmp, no PDF without a record
    assert queue.jobs() == []


def test_a_damaged_job_record_is_listed_as_unreadable(tmp_path: Path, pdf: bytes) -> None:
    queue = PrintQueue(tmp_path / "spool")
    good = queue.submit(pdf, printer="pdf", job_name="1")
    bad = queue.submit(pdf, printer="pdf", job_name="2")
    record = tmp_path / "spool" / f"{bad.job_id}.json"
    record.write_bytes(record.read_bytes()[:40])  # truncated by a crash or a full disk
    jobs = {job.job_id: job for job in queue.jobs()}
    assert jobs[good.job_id].status is JobStatus.PENDING
    assert jobs[bad.job_id].status is JobStatus.UNREADABLE
    assert "已损坏" in jobs[bad.job_id].last_error_zh
    assert queue.get(bad.job_id).status is JobStatus.UNREADABLE
    with pytest.raises(ValueError, match="损坏"):
        queue.retry(bad.job_id)
    assert queue.pdf(bad.job_id) == pdf  # the document itself is kept


def test_an_interrupted_job_is_retried_only_when_the_clerk_confirms(tmp_path: Path, pdf: bytes) -> None:
    spool = tmp_path / "spool"
    queue = PrintQueue(spool)
    interrupted = queue.submit(pdf, printer="pdf", job_name="户籍证明")
    plain_failure = queue.submit(pdf, printer="pdf", job_name="回执")
    queue.mark_printing(interrupted.job_id)  # ... and the process dies here
    queue.mark_failed(plain_failure.job_id, "缺纸", "paper out")
    reopened = PrintQueue(spool)
    [recovered] = reopened.recover()
    assert recovered.job_id == interrupted.job_id and recovered.interrupted
    assert [job.job_id for job in reopened.retryable()] == [plain_failure.job_id]  # "retry all failed"
    with pytest.raises(RetryNeedsConfirmation) as caught:
        reopened.retry(interrupted.job_id)
    assert "可能已经打印" in caught.value.message_zh
    assert reopened.get(interrupted.job_id).status is JobStatus.FAILED
    again = reopened.retry(interrupted.job_id, confirmed=True)
    assert again.status is JobStatus.PENDING and not again.interrupted


class _TookItButNoAnswer:
    name = "silent"

    def state(self) -> PrinterState:
        return PrinterState.of(PrinterStatus.READY)

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        return JobResult(False, self.state(), "结果未知", "outcome unknown", "silent-1", uncertain=True)


def test_a_job_with_an_unknown_outcome_becomes_interrupted(tmp_path: Path, pdf: bytes) -> None:
    service = PrintService(PrintQueue(tmp_path / "spool"), {"silent": _TookItButNoAnswer()})
    service.start()
    try:
        job = service.submit(pdf, printer="silent", job_name="证明")
        assert service.wait_idle(10)
        stored = service.queue.get(job.job_id)
        assert stored.status is JobStatus.FAILED and stored.interrupted
        assert service.queue.retryable() == []
    finally:
        service.close()


@pytest.fixture
def cups(cups_server: CupsTestServer) -> CupsTestServer:
    cups_server.set_enabled(True)
    cups_server.clear_output()
    return cups_server


def test_cups_done_means_completed_by_cups(cups: CupsTestServer, pdf: bytes) -> None:
    printer = CupsPrinter(cups.printer_name, server=cups.server)
    result = printer.print_pdf(pdf, "受理回执")
    assert result.ok and "打印完成" in result.message_zh, result.message_en
    job_id = (result.reference or "").rsplit("-", 1)[-1]
    state, _reasons, pages = printer.job_state(job_id)
    assert state == "completed" and pages >= 1
    assert len(cups.wait_for_output(1)) == 1


@pytest.mark.parametrize("data", [b"", b"\n", b"%PDF-1.4 truncated"])
def test_cups_an_empty_or_broken_document_is_never_done(cups: CupsTestServer, data: bytes) -> None:
    printer = CupsPrinter(cups.printer_name, server=cups.server)
    result = printer.print_pdf(data, f"broken-{uuid.uuid4().hex[:4]}")
    assert not result.ok and "不是完整的PDF" in result.message_zh


def test_cups_a_job_that_never_finishes_is_canceled_and_uncertain(cups: CupsTestServer, pdf: bytes) -> None:
    """The queue accepts jobs but does not print them (cupsdisable -r leaves jobs waiting)."""
    printer = CupsPrinter(cups.printer_name, server=cups.server, follow_timeout=1.5)
    subprocess.run(["cupsdisable", "-h", cups.server, cups.printer_name], check=True, capture_output=True)
    try:
        submitted = printer._run(["lp", "-d", cups.printer_name, "-t", "held", "-"], stdin=pdf)
        request = submitted.stdout.decode().split("request id is ")[1].split()[0]
        result = printer.follow(request, PrinterState.of(PrinterStatus.READY))
    finally:
        cups.set_enabled(True)
    assert not result.ok and result.uncertain and "请检查" in result.message_zh
    state, _reasons, _pages = printer.job_state(request.rsplit("-", 1)[-1])
    assert state == "canceled"  # it will not come out later behind the clerk's back


def _said(error: DocumentTooLong, *, english: bool = False) -> str:
    """What the screens say for printing's refusal: its key, and parameters in the wire form."""
    from desk.domain import messages

    key, params = error.message_key, messages.params_from_wire(error.params)
    return messages.english(key, params) if english else messages.render(key, params)


@pytest.mark.parametrize("paper", [Paper.ROLL_80, Paper.A4])
def test_a_10000_character_name_on_a_receipt_is_refused_before_layout(paper: Paper) -> None:
    from dataclasses import replace

    data = replace(samples.receipt(), applicant_name="张" * 10_000)
    with pytest.raises(DocumentTooLong) as caught:
        receipt.build_pdf(data, paper)
    assert "申请人姓名" in _said(caught.value) and "10000" in _said(caught.value)
    assert _said(caught.value, english=True).startswith("the applicant's name (10000 characters, at most 60)")
    assert caught.value.code == "document_too_long"


def test_a_layout_that_cannot_fit_is_a_clear_error_not_a_raw_layout_error() -> None:
    from reportlab.platypus import Spacer

    from printing.documents.common import build_a4
    from printing.fonts import default_fonts

    with pytest.raises(DocumentTooLong) as caught:
        build_a4([Spacer(10, 5000)], title="t", author="a", fonts=default_fonts())
    assert "过长" in _said(caught.value)
