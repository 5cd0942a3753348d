"""Scanned text (receipt QR codes, bar codes) from either kind of scanner, as one event type.

A scanner is either a serial device sending lines ending in CR and/or LF (`SerialScanner`), or a
USB keyboard wedge that "types" the code very fast and presses Enter (`WedgeDetector`, pure
logic fed with key characters and their times; the Qt event filter in `desk/qt/scanner_input.py`
feeds it). Both produce `ScannedText`. Slow typing by a person is never taken for a scan.

Thread contract: `WedgeDetector` and `LineAssembler` are plain objects for one thread.
`SerialScanner.run` is a loop like the card reader's: one thread runs it, another sets the
stop event; it never raises and reopens the port when it comes back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desk.devices.reader import ReaderState, ReaderStatus, TransportFactory
from desk.devices.transport import Backoff, SerialTransport, Transport, TransportClosed

log = logging.getLogger(__name__)

MAX_SCAN_LENGTH = 4096  # a QR code holds at most ~3 KB; anything longer is a stuck line


@dataclass(frozen=True)
class ScannedText:
    text: str
    source: str  # "serial" or "keyboard"
    timestamp: float


@dataclass
class WedgeDetector:
    """Tells a keyboard-wedge scan from typing: fast keystrokes ending in Enter.

    Every gap between keys (and before the Enter) must be at most `max_gap` seconds, and at
    least `min_length` characters must come before the Enter. Keys without text (Shift, which
    scanners press for capitals) are ignored rather than breaking the burst. With `shaped`, a fast
    burst is a scan only if its text is shaped like one (`desk.domain.scan_shape.looks_like_scan`):
    fast typing ("csdj⏎" after a stall) stays typing, its Enter included.

    Timestamps are the key events' own (when the key was pressed), not when they were processed:
    keys queued during a stall of the GUI keep their real gaps.
    """

    max_gap: float = 0.05
    min_length: int = 4
    terminators: str = "\r\n"
    shaped: Callable[[str], bool] | None = None
    _buffer: list[str] = field(default_factory=list)
    _last: float = 0.0

    def feed(self, char: str, timestamp: float) -> ScannedText | None:
        if not char:
            return None
        if char in self.terminators:
            fast = bool(self._buffer) and timestamp - self._last <= self.max_gap
            text = "".join(self._buffer)
            self.reset()
            if fast and len(text) >= self.min_length and (self.shaped is None or self.shaped(text)):
                return ScannedText(text, "keyboard", timestamp)
            return None
        if len(char) != 1 or not char.isprintable():
            self.reset()
            return None
        if self._buffer and (timestamp - self._last > self.max_gap or len(self._buffer) >= MAX_SCAN_LENGTH):
            self._buffer.clear()
        self._buffer.append(char)
        self._last = timestamp
        return None

    @property
    def burst_length(self) -> int:
        """Characters in the burst under way (1 right after a key that may start a scan)."""
        return len(self._buffer)

    def in_burst(self, now: float) -> bool:
        """True while a fast burst is under way (the Enter that ends it should be swallowed)."""
        return len(self._buffer) >= self.min_length and now - self._last <= self.max_gap

    def reset(self) -> None:
        self._buffer.clear()
        self._last = 0.0


def decode_scan(raw: bytes) -> str:
    """Scanners send UTF-8 or, set up for Chinese, GB 18030; never raises."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


@dataclass
class LineAssembler:
    """Cuts a serial scanner's bytes into scans at CR, LF or CR LF; overlong lines are dropped."""

    max_length: int = MAX_SCAN_LENGTH
    _buffer: bytearray = field(default_factory=bytearray)
    _overflow: bool = False
    dropped: int = 0

    def feed(self, data: bytes) -> list[str]:
        lines: list[str] = []
        for byte in data:
            if byte in (0x0D, 0x0A):
                if self._buffer and not self._overflow:
                    lines.append(decode_scan(bytes(self._buffer)).strip())
                self._buffer.clear()
                self._overflow = False
            elif len(self._buffer) >= self.max_length:
                if not self._overflow:
                    self.dropped += 1
                self._overflow = True
            elif not self._overflow:
                self._buffer.append(byte)
        return [line for line in lines if line]

    def flush(self) -> str | None:
        """The unterminated rest (for scanners set up without a suffix), after the line went quiet."""
        text = decode_scan(bytes(self._buffer)).strip() if self._buffer and not self._overflow else ""
        self._buffer.clear()
        self._overflow = False
        return text or None


def _serial_factory(port: str, baudrate: int) -> Transport:
    return SerialTransport(port, baudrate)


@dataclass
class SerialScanner:
    """A scanner on a serial port. `idle_flush` emits an unterminated scan after that much quiet."""

    port: str
    baudrate: int = 9600
    transport_factory: TransportFactory = _serial_factory
    backoff: Backoff = field(default_factory=Backoff)
    idle_flush: float | None = None

    def run(
        self,
        stop_event: threading.Event,
        on_scan: Callable[[ScannedText], None],
        on_status: Callable[[ReaderStatus], None],
    ) -> None:
        """Read scans until `stop_event` is set; never raises."""
        last_status: list[ReaderStatus] = []

        def status(state: ReaderState, zh: str, en: str, code: str) -> None:
            new = ReaderStatus(state, zh, en, code, self.port, self.baudrate)
            if last_status and last_status[-1] == new:
                return
            last_status[:] = [new]
            try:
                on_status(new)
            except Exception:
                log.exception("scanner status callback")

        transport: Transport | None = None
        lines = LineAssembler()
        last_data = time.monotonic()
        while not stop_event.is_set():
            try:
                if transport is None:
                    transport = self.transport_factory(self.port, self.baudrate)
                    transport.open()
                    self.backoff.reset()
                    lines = LineAssembler()
                    status(ReaderState.WAITING, "扫码枪已就绪", "scanner ready", "ready")
                data = transport.read(0.05)
                texts = lines.feed(data) if data else []
                now = time.monotonic()
                if data:
                    last_data = now
                elif self.idle_flush is not None and now - last_data >= self.idle_flush:
                    rest = lines.flush()
                    texts = [rest] if rest else []
                for text in texts:
                    try:
                        on_scan(ScannedText(text, "serial", time.monotonic()))
                    except Exception:
                        log.exception("scan callback")
            except TransportClosed as exc:
                if transport is not None:
                    transport.close()
                transport = None
                status(ReaderState.DISCONNECTED, exc.message_zh, exc.message_en, "disconnected")
                stop_event.wait(self.backoff.next_delay())
        if transport is not None:
            transport.close()
        status(ReaderState.DISCONNECTED, "扫码枪已停止", "scanner stopped", "stopped")
