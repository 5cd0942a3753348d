"""ESC/POS printer against a pty: the raster bytes arrive, and silence is 'unknown', never 'OK'."""

from __future__ import annotations

import os
import select
import threading
from collections.abc import Iterator

import pytest

from printing import samples
from printing.documents import queue_ticket, receipt
from printing.documents.common import Paper
from printing.escpos_printer import DLE_EOT, EscPosPrinter, decode_status, rasterize_pdf
from printing.printers import PrinterStatus

READY = {1: 0x12, 2: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1A, 2: 0x32, 4: 0x72}
COVER_OPEN = {1: 0x1A, 2: 0x16, 4: 0x12}
PAPER_LOW = {1: 0x12, 2: 0x12, 4: 0x1E}


class FakePrinterEnd:
    """The printer side of a pty: records every byte, answers DLE EOT n from `replies` (or not)."""

    def __init__(self) -> None:
        self.master, slave = os.openpty()
        self.port = os.ttyname(slave)
        os.close(slave)  # the printer code opens the port by name, like a real serial device
        self.replies: dict[int, int] = {}
        self.received = bytearray()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        pending = b""
        while not self._stop.is_set():
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # no process has the port open right now
                self._stop.wait(0.01)
                continue
            self.received += chunk
            pending += chunk
            while (index := pending.find(DLE_EOT)) >= 0 and len(pending) > index + 2:
                n = pending[index + 2]
                pending = pending[index + 3:]
                if n in self.replies:
                    os.write(self.master, bytes([self.replies[n]]))
            pending = pending[-2:]

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        os.close(self.master)


@pytest.fixture
def end() -> Iterator[FakePrinterEnd]:
    printer_end = FakePrinterEnd()
    yield printer_end
    printer_end.close()


@pytest.fixture(scope="module")
def ticket_pdf() -> bytes:
    return queue_ticket.build_pdf(samples.queue_ticket(), Paper.ROLL_58)


def test_status_bytes_decode() -> None:
    assert decode_status(None, None, None).status is PrinterStatus.UNKNOWN
    assert decode_status(0xFF, None, None).status is PrinterStatus.UNKNOWN  # not a status byte
    assert decode_status(*READY.values()).status is PrinterStatus.READY
    assert decode_status(*PAPER_OUT.values()).status is PrinterStatus.PAPER_OUT
    assert decode_status(*COVER_OPEN.values()).status is PrinterStatus.COVER_OPEN
    assert decode_status(0x1A, 0x12, 0x12).status is PrinterStatus.OFFLINE
    low = decode_status(*PAPER_LOW.values())
    assert low.status is PrinterStatus.READY and "纸将用完" in low.message_zh


def test_silence_is_unknown_and_nothing_is_printed(end: FakePrinterEnd, ticket_pdf: bytes) -> None:
    printer = EscPosPrinter(end.port, status_timeout=0.15)
    state = printer.state()
    assert state.status is PrinterStatus.UNKNOWN
    result = printer.print_pdf(ticket_pdf, "A023")
    assert not result.ok and result.state.status is PrinterStatus.UNKNOWN
    assert b"\x1dv0" not in end.received  # no raster data sent to a printer that does not answer


def test_ready_printer_receives_the_raster_and_a_cut(end: FakePrinterEnd, ticket_pdf: bytes) -> None:
    end.replies = READY
    printer = EscPosPrinter(end.port, status_timeout=0.3)
    assert printer.state().status is PrinterStatus.READY
    result = printer.print_pdf(ticket_pdf, "A023")
    assert result.ok, result.message_en
    data = bytes(end.received)
    assert b"\x1b@" in data  # ESC @ initialise
    raster = data.index(b"\x1dv0")  # GS v 0 raster image
    width_bytes = data[raster + 4] | data[raster + 5] << 8
    assert width_bytes == 384 // 8  # a 58 mm head: 384 dots
    assert data[raster:].find(b"\x1dVB\x00") > 0  # GS V 66 0: feed and cut after the image


@pytest.mark.parametrize(("replies", "status"), [(PAPER_OUT, PrinterStatus.PAPER_OUT),
                                                 (COVER_OPEN, PrinterStatus.COVER_OPEN)])
def test_paper_out_and_cover_open_refuse_the_job(end: FakePrinterEnd, ticket_pdf: bytes,
                                                 replies: dict[int, int], status: PrinterStatus) -> None:
    end.replies = replies
    printer = EscPosPrinter(end.port, status_timeout=0.3)
    assert printer.state().status is status
    result = printer.print_pdf(ticket_pdf, "A023")
    assert not result.ok and result.state.status is status
    assert b"\x1dv0" not in end.received


def test_missing_port_is_offline(tmp_path: object, ticket_pdf: bytes) -> None:
    printer = EscPosPrinter("/dev/no-such-port", status_timeout=0.1)
    assert printer.state().status is PrinterStatus.OFFLINE
    assert not printer.print_pdf(ticket_pdf, "A023").ok


def test_raster_keeps_rare_names_and_fits_the_head() -> None:
    pdf = receipt.build_pdf(samples.receipt(), Paper.ROLL_80)
    [page] = rasterize_pdf(pdf, 576)
    assert page.mode == "1" and page.width == 576
    assert page.height > 1000  # the whole receipt, not a scaled-down thumbnail
    assert 0.03 < page.convert("L").histogram()[0] / (page.width * page.height) < 0.4  # ink, not blank
