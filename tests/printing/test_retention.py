"""Printed papers are purged after the retention period (setting `print_retention_days`): at start and
daily, the spool's printed jobs and a `pdf` printer's files older than the period go; jobs not yet
printed stay whatever their age, and so does everything younger."""

from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

import printing.queue as queue_module
from desk.services.printer_setup import build_print_service
from desk.settings import declared
from printing.printers import JobResult, PdfFilePrinter, PrinterState, PrinterStatus
from printing.queue import JobStatus, PrintQueue, PrintService
from printing.retention import purge_printed

DAY = timedelta(days=1)


def age_job(spool: Path, job_id: str, when: datetime) -> None:
    record = spool / f"{job_id}.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    data["updated_at"] = when.isoformat(timespec="seconds")
    record.write_text(json.dumps(data), encoding="utf-8")


def age_file(path: Path, when: datetime) -> None:
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_purge_removes_printed_papers_past_retention_only(tmp_path: Path) -> None:
    now = datetime(2026, 3, 31, 9, 0)
    spool = PrintQueue(tmp_path / "spool")
    old_done, new_done, old_failed, old_pending = (
        spool.submit(b"%PDF", printer="station", job_name=name) for name in ("a", "b", "c", "d"))
    spool.mark_done(old_done.job_id)
    spool.mark_done(new_done.job_id)
    spool.mark_failed(old_failed.job_id, "缺纸", "out of paper")
    for job, when in ((old_done, now - 31 * DAY), (new_done, now - 29 * DAY), (old_failed, now - 90 * DAY),
                      (old_pending, now - 90 * DAY)):
        age_job(tmp_path / "spool", job.job_id, when)
    printed = tmp_path / "printed"
    printed.mkdir()
    old_file, new_file = printed / "old-receipt.pdf", printed / "new-receipt.pdf"
    for path, when in ((old_file, now - 40 * DAY), (new_file, now - DAY)):
        path.write_bytes(b"%PDF")
        age_file(path, when)

    assert purge_printed(spool, [printed], 30 * DAY, now) == 2
    left = {job.job_id: job.status for job in spool.jobs()}
    assert left == {new_done.job_id: JobStatus.DONE, old_failed.job_id: JobStatus.FAILED,
                    old_pending.job_id: JobStatus.PENDING}
    assert not (tmp_path / "spool" / f"{old_done.job_id}.pdf").exists()
    assert not old_file.exists() and new_file.exists()


class Refusing:
    """A printer that never prints (so a job stays pending only while the test wants it)."""

    name = "station"

    def state(self) -> PrinterState:
        return PrinterState.of(PrinterStatus.READY)

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        return JobResult(False, self.state(), "不打印", "not printing")


def test_the_print_service_purges_at_start(tmp_path: Path) -> None:
    spool = PrintQueue(tmp_path / "spool")
    job = spool.submit(b"%PDF", printer="station", job_name="old")
    spool.mark_done(job.job_id)
    age_job(tmp_path / "spool", job.job_id, datetime.now() - 8 * DAY)
    printed = tmp_path / "printed"
    printed.mkdir()
    (printed / "old.pdf").write_bytes(b"%PDF")
    age_file(printed / "old.pdf", datetime.now() - 8 * DAY)
    service = PrintService(spool, {"station": PdfFilePrinter(printed)}, retention=7 * DAY)
    service.start()
    try:
        assert service.wait_idle(30)
        assert spool.jobs() == [] and list(printed.iterdir()) == []
    finally:
        service.close()


def test_the_print_service_purges_daily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's purge comes round again without a restart (the day shortened to a moment here)."""
    spool = PrintQueue(tmp_path / "spool")
    service = PrintService(spool, {"station": Refusing()}, retention=7 * DAY)
    monkeypatch.setattr(queue_module, "PURGE_EVERY", timedelta(seconds=0.2))
    service.start()
    try:
        assert service.wait_idle(30)
        job = spool.submit(b"%PDF", printer="station", job_name="later")  # printed after the start's purge
        spool.mark_done(job.job_id)
        age_job(tmp_path / "spool", job.job_id, datetime.now() - 8 * DAY)
        for _ in range(600):  # wait for the next round (not a timing assertion: up to a minute)
            if not spool.jobs():
                break
            time.sleep(0.1)
        assert spool.jobs() == []
    finally:
        service.close()


def test_retention_is_a_declared_setting_used_by_the_desk_service(tmp_path: Path) -> None:
    spec = declared()["print_retention_days"]
    assert spec.type is int and spec.default == 30 and spec.minimum == 1
    service = build_print_service(f"pdf:{tmp_path / 'printed'}", spool_dir=tmp_path / "spool", retention_days=30)
    assert service._retention == 30 * DAY
