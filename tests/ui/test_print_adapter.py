"""Printing from the GUI: jobs queue at once, outcomes and printer state arrive as signals."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desk.qt.print_adapter import PrintAdapter
from printing.queue import JobStatus


def _adapter(tmp_path: Path, spec: str) -> PrintAdapter:
    return PrintAdapter(spec, spool_dir=tmp_path / "spool")


def test_pdf_job_prints_and_state_is_ready(qtbot: QtBot, tmp_path: Path) -> None:
    adapter = _adapter(tmp_path, f"pdf:{tmp_path / 'out'}")
    with qtbot.waitSignal(adapter.printer_state_changed, timeout=5000) as state:
        adapter.start()
    assert state.args[0].ready
    with qtbot.waitSignal(adapter.job_changed, timeout=5000,
                          check_params_cb=lambda job: job.status is JobStatus.DONE):
        adapter.print_pdf(b"%PDF-1.4\n%%EOF\n", "receipt-test")
    assert list((tmp_path / "out").glob("*.pdf"))
    adapter.close()


def test_offline_printer_keeps_the_job_for_retry(qtbot: QtBot, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the output folder should be")
    adapter = _adapter(tmp_path, f"pdf:{blocked}")
    adapter.start()
    with qtbot.waitSignal(adapter.job_changed, timeout=5000,
                          check_params_cb=lambda job: job.status is JobStatus.FAILED):
        adapter.print_pdf(b"%PDF-1.4\n%%EOF\n", "receipt-test")
    [failed] = adapter.failed_jobs()
    blocked.unlink()
    with qtbot.waitSignal(adapter.job_changed, timeout=5000,
                          check_params_cb=lambda job: job.status is JobStatus.DONE):
        adapter.retry(failed.job_id)
    adapter.close()
