"""Printer backends: a PDF folder, and CUPS against a real private cupsd with the cups-pdf printer."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from pdfcheck import page_sizes_mm

from printing import samples
from printing.cups_testserver import CupsTestServer
from printing.documents import receipt
from printing.documents.common import Paper
from printing.printers import (
    CupsPrinter,
    PdfFilePrinter,
    Printer,
    PrinterStatus,
    media_for_pdf,
    parse_lpstat,
)


@pytest.fixture(scope="module")
def receipt_pdf() -> bytes:
    return receipt.build_pdf(samples.receipt(), Paper.ROLL_80)


@pytest.fixture
def cups(cups_server: CupsTestServer) -> CupsTestServer:
    cups_server.set_enabled(True)
    cups_server.clear_output()
    return cups_server


def test_pdf_file_printer_writes_the_document(tmp_path: Path, receipt_pdf: bytes) -> None:
    printer = PdfFilePrinter(tmp_path / "out")
    assert isinstance(printer, Printer)
    assert printer.state().status is PrinterStatus.READY
    result = printer.print_pdf(receipt_pdf, "受理回执 HJ1/../x", copies=2)
    assert result.ok and result.reference is not None
    written = Path(result.reference)
    assert written.parent == tmp_path / "out" and written.read_bytes() == receipt_pdf
    assert not list((tmp_path / "out").glob("*.part"))


def test_pdf_file_printer_offline_when_folder_unusable(tmp_path: Path, receipt_pdf: bytes) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    printer = PdfFilePrinter(blocker / "out")
    assert printer.state().status is PrinterStatus.OFFLINE
    result = printer.print_pdf(receipt_pdf, "x")
    assert not result.ok and result.message_zh and result.message_en


def test_media_names() -> None:
    a4 = receipt.build_pdf(samples.receipt(), Paper.A4)
    assert media_for_pdf(a4) == "A4"
    roll = receipt.build_pdf(samples.receipt(), Paper.ROLL_58)
    _, height = page_sizes_mm(roll)[0]
    assert media_for_pdf(roll) == f"Custom.58x{round(height + 0.49)}mm"
    assert media_for_pdf(b"not a pdf") is None


@pytest.mark.parametrize(("stdout", "status"), [
    ("printer p is idle.  enabled since Mon\n\tAlerts: none\n", PrinterStatus.READY),
    ("printer p now printing p-3.  enabled since Mon\n\tAlerts: none\n", PrinterStatus.READY),
    ("printer p is idle.  enabled since Mon\n\tAlerts: media-empty-error\n", PrinterStatus.PAPER_OUT),
    ("printer p is idle.  enabled since Mon\n\tAlerts: cover-open-warning\n", PrinterStatus.COVER_OPEN),
    ("printer p disabled since Mon -\n\tPaused\n\tAlerts: paused\n", PrinterStatus.OFFLINE),
])
def test_lpstat_states(stdout: str, status: PrinterStatus) -> None:
    assert parse_lpstat("p", 0, stdout, "").status is status


def test_lpstat_unknown_printer_and_no_server() -> None:
    assert parse_lpstat("p", 1, "", 'lpstat: Invalid destination name in list "p".').status is PrinterStatus.OFFLINE
    state = parse_lpstat("p", 1, "", "lpstat: Unable to connect to server")
    assert state.status is PrinterStatus.OFFLINE and "CUPS" in state.message_zh


def test_cups_prints_to_the_real_test_server(cups: CupsTestServer, receipt_pdf: bytes) -> None:
    printer = CupsPrinter(cups.printer_name, server=cups.server)
    assert printer.state().status is PrinterStatus.READY
    result = printer.print_pdf(receipt_pdf, "受理回执 HJ2101022026112500017")
    assert result.ok, result.message_en
    assert result.reference and result.reference.startswith(f"{cups.printer_name}-")
    [output] = cups.wait_for_output(1)
    pages = page_sizes_mm(output.read_bytes())
    # cups-pdf re-renders through Ghostscript (its CJK text is not extractable): check the page.
    expected = page_sizes_mm(receipt_pdf)[0]
    assert len(pages) == 1
    assert abs(pages[0][0] - expected[0]) < 1.5 and abs(pages[0][1] - expected[1]) < 1.5


def test_cups_a4_and_copies_through_the_environment(cups: CupsTestServer) -> None:
    pdf = receipt.build_pdf(samples.receipt(), Paper.A4)
    printer = CupsPrinter(cups.printer_name, env=cups.env)  # CUPS_SERVER instead of -h
    assert printer.print_pdf(pdf, "receipt-a4", copies=2).ok
    outputs = cups.wait_for_output(1)
    sizes = page_sizes_mm(outputs[0].read_bytes())
    assert all(abs(w - 210) < 1 and abs(h - 297) < 1 for w, h in sizes)


def test_cups_disabled_printer_is_offline_and_refuses(cups: CupsTestServer, receipt_pdf: bytes) -> None:
    printer = CupsPrinter(cups.printer_name, server=cups.server)
    cups.set_enabled(False)
    try:
        assert printer.state().status is PrinterStatus.OFFLINE
        result = printer.print_pdf(receipt_pdf, "x")
        assert not result.ok and result.state.status is PrinterStatus.OFFLINE
    finally:
        cups.set_enabled(True)


def test_cups_unknown_queue_is_offline(cups: CupsTestServer) -> None:
    state = CupsPrinter("no-such-printer", server=cups.server).state()
    assert state.status is PrinterStatus.OFFLINE and "no-such-printer" in state.message_en


class _ServerWithABadLine(CupsTestServer):
    """A configuration this cupsd refuses, as a new cups-daemon release might refuse ours."""

    def _write_config(self) -> None:
        super()._write_config()
        with (self._conf / "cups-files.conf").open("a", encoding="utf-8") as conf:
            conf.write("NoSuchDirective yes\nPrintcap\n")


def test_cups_config_refused_by_cupsd_names_the_line(cups_server: CupsTestServer) -> None:
    """`cupsd -t` runs before the server starts: the error names the file and line, nothing is left behind."""
    base = Path(tempfile.mkdtemp(prefix="desk-cups-bad-"))
    try:
        server = _ServerWithABadLine(base)
        with pytest.raises(RuntimeError, match=r"refuses the test server's configuration.*cups-files\.conf"):
            server.start()
        assert not server._cups_pdf_conf.exists()
    finally:
        shutil.rmtree(base, ignore_errors=True)
