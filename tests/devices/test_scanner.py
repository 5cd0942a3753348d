"""Scanned text: the keyboard-wedge detector, the line assembler, and a serial scanner on a pty."""

from __future__ import annotations

import os
import tempfile
import threading
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.devices.reader import ReaderState, ReaderStatus
from desk.devices.scanner import LineAssembler, ScannedText, SerialScanner, WedgeDetector, decode_scan
from desk.devices.transport import Backoff


def type_text(detector: WedgeDetector, text: str, gap: float, start: float = 100.0) -> list[ScannedText]:
    events = []
    for index, char in enumerate(text):
        event = detector.feed(char, start + index * gap)
        if event:
            events.append(event)
    return events


def test_fast_keystrokes_ending_in_enter_are_a_scan() -> None:
    events = type_text(WedgeDetector(), "SD-2026-000123\r", gap=0.008)
    assert [e.text for e in events] == ["SD-2026-000123"]
    assert events[0].source == "keyboard"


def test_slow_typing_is_not_a_scan() -> None:
    assert type_text(WedgeDetector(), "SD-2026-000123\r", gap=0.15) == []


def test_slow_enter_after_a_fast_burst_is_not_a_scan() -> None:
    detector = WedgeDetector()
    assert type_text(detector, "ABCDEF", gap=0.005) == []
    assert detector.feed("\r", 100.0 + 5 * 0.005 + 0.5) is None


def test_typing_then_a_scan_yields_only_the_scanned_part() -> None:
    detector = WedgeDetector()
    type_text(detector, "ab", gap=0.3, start=10.0)
    events = type_text(detector, "QR12345\n", gap=0.01, start=20.0)
    assert [e.text for e in events] == ["QR12345"]


def test_short_bursts_and_shift_keys() -> None:
    detector = WedgeDetector(min_length=4)
    assert type_text(detector, "ab\r", gap=0.001) == []  # too short: a quick "ab" + Enter by a person
    detector.feed("", 50.0)  # Shift has no text and does not break the burst
    events = [detector.feed(c, 50.0 + i * 0.002) for i, c in enumerate("ABCD\r")]
    assert events[-1] is not None and events[-1].text == "ABCD"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=4, max_size=60),
       gap=st.floats(0.0, 0.04))
def test_any_fast_burst_is_recovered_exactly(text: str, gap: float) -> None:
    events = type_text(WedgeDetector(max_gap=0.05), text + "\r", gap=gap)
    assert [e.text for e in events] == [text]


@settings(max_examples=200, deadline=None)
@given(text=st.text(min_size=1, max_size=40), gap=st.floats(0.06, 2.0))
def test_slow_typing_never_scans(text: str, gap: float) -> None:
    assert type_text(WedgeDetector(max_gap=0.05), text + "\r", gap=gap) == []


def test_line_assembler_splits_cr_lf_crlf_and_skips_blank_lines() -> None:
    lines = LineAssembler()
    assert lines.feed(b"ABC\r") == ["ABC"]
    assert lines.feed(b"\nDEF\r\n\r\nGH") == ["DEF"]
    assert lines.feed(b"I\n") == ["GHI"]


def test_line_assembler_decodes_gb18030_and_drops_overlong_lines() -> None:
    lines = LineAssembler(max_length=10)
    assert lines.feed("户籍".encode("gb18030") + b"\r") == ["户籍"]
    assert lines.feed(b"X" * 50 + b"\rOK\r") == ["OK"]
    assert lines.dropped == 1
    assert decode_scan("受理编号".encode()) == "受理编号"
    decode_scan(b"\xff\xfe\xfd")  # never raises


class PtyPort:
    """A pty whose slave side is reachable through a symlink, like a USB scanner's device node."""

    def __init__(self) -> None:
        self.master: int | None
        self.master, self._slave = os.openpty()
        tty.setraw(self._slave)
        self._folder = tempfile.mkdtemp(prefix="desk-scanner-")
        self.link = Path(self._folder) / "scanner"
        self.link.symlink_to(os.ttyname(self._slave))

    def write(self, data: bytes) -> None:
        assert self.master is not None
        os.write(self.master, data)

    def unplug(self) -> None:
        for fd in (self.master, self._slave):
            if fd is not None:
                os.close(fd)
        self.master = self._slave = None  # type: ignore[assignment]
        self.link.unlink(missing_ok=True)

    def cleanup(self) -> None:
        if self.master is not None:
            self.unplug()
        os.rmdir(self._folder)


@pytest.fixture
def pty_port() -> Iterator[PtyPort]:
    port = PtyPort()
    yield port
    port.cleanup()


def test_serial_scanner_on_a_pty(pty_port: PtyPort) -> None:
    scans: list[ScannedText] = []
    statuses: list[ReaderStatus] = []
    got = threading.Condition()

    def on_scan(scan: ScannedText) -> None:
        with got:
            scans.append(scan)
            got.notify_all()

    def on_status(status: ReaderStatus) -> None:
        with got:
            statuses.append(status)
            got.notify_all()

    scanner = SerialScanner(str(pty_port.link), backoff=Backoff(0.05, 0.1), idle_flush=0.2)
    stop = threading.Event()
    thread = threading.Thread(target=scanner.run, args=(stop, on_scan, on_status), daemon=True)
    thread.start()
    try:
        with got:
            assert got.wait_for(lambda: any(s.state is ReaderState.WAITING for s in statuses), 5)
        pty_port.write(b"https://desk.example/r/SD-2026-000123\r\n")
        pty_port.write(b"NO-SUFFIX")
        with got:
            assert got.wait_for(lambda: len(scans) >= 2, 5)
        assert [s.text for s in scans] == ["https://desk.example/r/SD-2026-000123", "NO-SUFFIX"]
        assert {s.source for s in scans} == {"serial"}
        pty_port.unplug()
        with got:
            assert got.wait_for(lambda: statuses[-1].state is ReaderState.DISCONNECTED, 5)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    assert statuses[-1].code == "stopped"
