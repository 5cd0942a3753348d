"""ESC/POS thermal printer on a serial port (kiosks): raster pages, real status, no false "OK".

Pages are rasterised (poppler's `pdftoppm`) at the head's 203 dpi and sent as a `GS v 0`
raster image built by python-escpos, so a rare character in a name prints exactly as in the
PDF — the printer's own fonts know no Extension B. Status comes from the real-time `DLE EOT n`
queries; a printer that does not answer is UNKNOWN (python-escpos' `paper_status()` would say
"paper adequate" on silence), and by default nothing is printed on an unknown printer.

Thread contract: one instance per port; methods may block up to a few timeouts and are
serialised by a lock — call them from the print worker thread.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
from collections.abc import Callable

import serial
from escpos.printer import Dummy
from PIL import Image

from printing.printers import JobResult, PrinterState, PrinterStatus, pdf_page_size_mm

DLE_EOT = b"\x10\x04"
PRINTER_STATUS, OFFLINE_CAUSE, PAPER_SENSOR = 1, 2, 4
ROLL_PRINTABLE_MM = {58: 48.0, 80: 72.0}
_PROFILE_BY_DOTS = {384: "POS-5890", 576: "TM-T20II"}  # python-escpos profiles with that head width


def _valid_status(byte: int) -> bool:
    """Real-time status bytes have bits 1 and 4 set and bits 0 and 7 clear."""
    return byte & 0x93 == 0x12


def decode_status(printer: int | None, cause: int | None, paper: int | None) -> PrinterState:
    """Interpret the replies to DLE EOT 1, 2 and 4 (None = no reply)."""
    raw = " ".join("--" if b is None else f"{b:02x}" for b in (printer, cause, paper))
    if printer is None or not _valid_status(printer):
        return PrinterState.of(PrinterStatus.UNKNOWN, raw, zh="打印机无应答（未开机、未连接或不支持状态查询）",
                               en="no answer from the printer (off, unplugged, or no status support)")
    if cause is not None and _valid_status(cause):
        if cause & 0x04:
            return PrinterState.of(PrinterStatus.COVER_OPEN, raw)
        if cause & 0x20:
            return PrinterState.of(PrinterStatus.PAPER_OUT, raw)
    if paper is not None and _valid_status(paper) and paper & 0x60:
        return PrinterState.of(PrinterStatus.PAPER_OUT, raw)
    if printer & 0x08:
        return PrinterState.of(PrinterStatus.OFFLINE, raw)
    if paper is not None and _valid_status(paper) and paper & 0x0C:
        return PrinterState.of(PrinterStatus.READY, raw, zh="打印机就绪（纸将用完）", en="printer ready (paper low)")
    return PrinterState.of(PrinterStatus.READY, raw)


def rasterize_pdf(pdf: bytes, dots: int, dpi: int = 203) -> list[Image.Image]:
    """1-bit page images `dots` wide: roll pages cropped to the printable width, others scaled."""
    if shutil.which("pdftoppm") is None:
        raise RuntimeError("pdftoppm (poppler-utils) is needed to print on a thermal printer")
    size = pdf_page_size_mm(pdf)
    args = ["pdftoppm", "-gray", "-png"]
    roll = None
    if size is not None:
        roll = next((w for w in ROLL_PRINTABLE_MM if abs(size[0] - w) < 1.0), None)
    if roll is not None and size is not None:
        # Render so that the printable width is exactly `dots`, then crop the side margins.
        scale_dpi = dots / (ROLL_PRINTABLE_MM[roll] / 25.4)
        full = round(size[0] / 25.4 * scale_dpi)
        args += ["-r", f"{scale_dpi:.3f}", "-x", str((full - dots) // 2), "-y", "0", "-W", str(dots),
                 "-H", str(round(size[1] / 25.4 * scale_dpi))]
    else:
        args += ["-scale-to-x", str(dots), "-scale-to-y", "-1"]
    # Input "-" is stdin; without an output root pdftoppm writes the PNGs to stdout.
    with_pages = subprocess.run([*args, "-"], input=pdf, capture_output=True, check=True, timeout=60)
    images = []
    data = with_pages.stdout
    # pdftoppm writes the PNGs one after another on stdout; split at each PNG signature.
    signature = b"\x89PNG\r\n\x1a\n"
    starts: list[int] = []
    position = data.find(signature)
    while position >= 0:
        starts.append(position)
        position = data.find(signature, position + 1)
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(data)
        page = Image.open(io.BytesIO(data[start:end])).convert("L")
        images.append(page.point(lambda v: 0 if v < 160 else 255, mode="1"))
    return images


class EscPosPrinter:
    """A thermal receipt printer on a serial port (python-escpos builds the command bytes)."""

    def __init__(
        self,
        port: str,
        *,
        name: str = "thermal",
        baudrate: int = 19200,
        dots: int = 384,
        status_timeout: float = 0.4,
        require_status: bool = True,
        cutter: bool = True,
        rasterize: Callable[[bytes, int], list[Image.Image]] = rasterize_pdf,
    ) -> None:
        self.port = port
        self.name = name
        self.baudrate = baudrate
        self.dots = dots
        self.status_timeout = status_timeout
        self.require_status = require_status  # False only for printers known to lack DLE EOT
        self.cutter = cutter
        self._rasterize = rasterize
        self._lock = threading.Lock()

    def _open(self) -> serial.Serial:
        return serial.Serial(self.port, self.baudrate, timeout=self.status_timeout,
                             write_timeout=10, exclusive=True)

    def _query(self, port: serial.Serial, n: int) -> int | None:
        port.reset_input_buffer()
        port.write(DLE_EOT + bytes([n]))
        port.flush()
        reply = port.read(1)
        return reply[0] if reply else None

    def _state(self, port: serial.Serial) -> PrinterState:
        printer = self._query(port, PRINTER_STATUS)
        if printer is None:
            return decode_status(None, None, None)
        return decode_status(printer, self._query(port, OFFLINE_CAUSE), self._query(port, PAPER_SENSOR))

    def state(self) -> PrinterState:
        with self._lock:
            try:
                with self._open() as port:
                    return self._state(port)
            except (serial.SerialException, OSError) as exc:
                return PrinterState.of(PrinterStatus.OFFLINE, str(exc), zh=f"无法打开打印机串口 {self.port}",
                                       en=f"cannot open the printer port {self.port}")

    def job_bytes(self, pdf: bytes, copies: int = 1) -> bytes:
        """The ESC/POS byte stream for the PDF: init, raster image per page, then cut (or feed)."""
        pages = self._rasterize(pdf, self.dots)
        builder = Dummy(profile=_PROFILE_BY_DOTS.get(self.dots))
        for _ in range(max(1, copies)):
            builder.hw("INIT")
            for page in pages:
                builder.image(page, impl="bitImageRaster", center=False)
            if self.cutter:
                # GS V 66 0: feed to the cutter and cut. (`cut(feed=True)` silently omits the
                # cut when python-escpos' profile for the head width lists no cutter.)
                builder.cut(feed=False)
            else:
                builder.print_and_feed(6)  # tear-off printers: feed past the tear bar
        return builder.output

    def print_pdf(self, pdf: bytes, job_name: str, copies: int = 1, media: str | None = None) -> JobResult:
        try:
            data = self.job_bytes(pdf, copies)
        except (RuntimeError, subprocess.SubprocessError, OSError) as exc:
            state = PrinterState.of(PrinterStatus.UNKNOWN, str(exc))
            return JobResult(False, state, f"无法生成打印数据：{exc}", f"cannot render the job: {exc}")
        with self._lock:
            try:
                with self._open() as port:
                    before = self._state(port)
                    if not before.ready and (self.require_status or before.status is not PrinterStatus.UNKNOWN):
                        return JobResult(False, before, f"未打印：{before.message_zh}",
                                         f"not printed: {before.message_en}")
                    port.write(data)
                    port.flush()
                    after = self._state(port)
            except (serial.SerialException, OSError) as exc:
                state = PrinterState.of(PrinterStatus.OFFLINE, str(exc))
                return JobResult(False, state, f"打印中断（串口错误）：{exc}",
                                 f"printing interrupted (port error): {exc}")
        if after.status in (PrinterStatus.PAPER_OUT, PrinterStatus.COVER_OPEN, PrinterStatus.OFFLINE):
            # The data went out but the printer stopped: the paper is probably incomplete.
            return JobResult(False, after, f"打印可能不完整：{after.message_zh}",
                             f"print may be incomplete: {after.message_en}")
        return JobResult(True, after, f"已打印：{job_name}", f"printed: {job_name}", f"{len(data)} bytes")
