"""Byte transport to a device: a small interface, and its pyserial implementation.

The reader driver talks to a `Transport`, never to pyserial directly, so a board that wraps the
SAM module in another vendor framing can be supported by a different transport. Every failure of
the port (unplugged, vanished, permission denied) surfaces as one exception type,
`TransportClosed`, which the driver turns into the "disconnected" status.
"""

from __future__ import annotations

import contextlib
import os
import select
from dataclasses import dataclass, field
from typing import Protocol

import serial

from desk.domain.errors import SpeakingError

try:  # termios errors (tcflush on a vanished pty or USB port) are not OSErrors
    from termios import error as _TermiosError
except ImportError:  # Windows
    _TermiosError = OSError  # type: ignore[misc,assignment]

# Everything a port that went away can raise from pyserial's calls.
_PORT_ERRORS = (serial.SerialException, OSError, TypeError, _TermiosError)


class TransportClosed(SpeakingError):
    """The port is gone or cannot be opened; says the clerk's message by key (`TransportClosed.say`)."""

    code = "disconnected"


class Transport(Protocol):
    """What a device driver needs from a port. Not thread-safe: one thread uses it."""

    port: str
    baudrate: int

    @property
    def is_open(self) -> bool: ...

    def open(self) -> None:
        """Open at `baudrate`; raises TransportClosed."""

    def close(self) -> None:
        """Close; never raises."""

    def write(self, data: bytes) -> None:
        """Write all bytes; raises TransportClosed."""

    def read(self, timeout: float) -> bytes:
        """Whatever arrives within `timeout` seconds (at least one byte, or b"" when quiet)."""

    def discard_input(self) -> None:
        """Drop bytes already received (stale replies, noise) before a new command."""


@dataclass
class SerialTransport:
    """A serial port through pyserial, 8N1, opened exclusively so no second program steals replies."""

    port: str
    baudrate: int = 115200
    exclusive: bool = True
    bytes_written: int = 0
    bytes_read: int = 0
    _serial: serial.Serial | None = field(default=None, repr=False)

    @property
    def is_open(self) -> bool:
        return self._serial is not None and self._serial.is_open

    def open(self) -> None:
        self.close()
        try:
            self._serial = serial.Serial(
                self.port, self.baudrate, timeout=0, write_timeout=2.0, exclusive=self.exclusive
            )
        except (serial.SerialException, OSError, ValueError) as exc:
            self._serial = None
            raise _closed(self.port, exc) from exc

    def close(self) -> None:
        port, self._serial = self._serial, None
        if port is not None:
            # The device may already be gone; closing is best effort.
            with contextlib.suppress(*_PORT_ERRORS):
                port.close()

    def _require(self) -> serial.Serial:
        if self._serial is None:
            raise TransportClosed.say("serial.not_open", port=self.port)
        return self._serial

    def write(self, data: bytes) -> None:
        port = self._require()
        try:
            port.write(data)
            port.flush()
        except _PORT_ERRORS as exc:
            raise _closed(self.port, exc) from exc
        self.bytes_written += len(data)

    def read(self, timeout: float) -> bytes:
        port = self._require()
        try:
            first = b""
            if not port.in_waiting:
                waited = self._wait_first(port, timeout)
                if waited is None:
                    return b""
                first = waited
            # The port's own timeout is 0: take what has arrived without waiting for more.
            # When select reported readiness but nothing is queued, read(1) surfaces the hangup.
            data = first + port.read(port.in_waiting or (0 if first else 1))
        except _PORT_ERRORS as exc:
            # pyserial raises TypeError from inside read() when the fd vanished under it.
            raise _closed(self.port, exc) from exc
        self.bytes_read += len(data)
        return data

    @staticmethod
    def _wait_first(port: serial.Serial, timeout: float) -> bytes | None:
        """Wait for input: b"" when readable (POSIX, nothing consumed), the first byte (elsewhere),
        None when the time ran out."""
        if os.name == "posix":
            # select, because changing pyserial's timeout re-applies termios and the port lock.
            ready, _, _ = select.select([port.fileno()], [], [], max(timeout, 0.0))
            return b"" if ready else None
        port.timeout = max(timeout, 0.0)
        try:
            first = port.read(1)
        finally:
            port.timeout = 0
        return first or None

    def discard_input(self) -> None:
        port = self._require()
        try:
            port.reset_input_buffer()
        except _PORT_ERRORS as exc:
            raise _closed(self.port, exc) from exc


def _closed(port: str, exc: BaseException) -> TransportClosed:
    text = str(exc)
    if isinstance(exc, PermissionError) or "Permission denied" in text:
        return TransportClosed.say("serial.permission", port=port)
    if isinstance(exc, FileNotFoundError) or "No such file" in text or "could not open port" in text:
        return TransportClosed.say("serial.not_found", port=port)
    return TransportClosed.say("serial.disconnected", port=port, reason=text)


@dataclass
class Backoff:
    """Growing waits between reconnection attempts, so an unplugged port costs no CPU."""

    initial: float = 0.2
    maximum: float = 5.0
    factor: float = 2.0
    _next: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self._next = self.initial

    def next_delay(self) -> float:
        delay = self._next
        self._next = min(self._next * self.factor, self.maximum)
        return delay

    def reset(self) -> None:
        self._next = self.initial
