"""A simulated ID-card reader on a pseudo-terminal, answering real frames byte for byte.

`ReaderSimulator` opens a pty pair, exposes the client side as a stable symlink (the "port"),
and answers the GA 467 commands from a thread with cards loaded from a TOML/JSON file. Cards
are placed and removed through the API (or the CLI's stdin); fault modes reproduce what real
readers do on a bad day: no card, slow replies, garbage bytes, bad checksums, a card removed in
the middle of a read, an unknown status code, and an unplug — the pty is closed and, after a
pause, a new one appears behind the same symlink, like a USB reader plugged back in.

Thread contract: the simulator's own thread does all pty I/O; every public method may be called
from any thread (they take a lock or post a request to the thread).
"""

from __future__ import annotations

import contextlib
import enum
import errno
import hashlib
import json
import os
import random
import select
import shutil
import tempfile
import termios
import threading
import time
import tomllib
import tty
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desk.devices.nations import nation_code
from desk.devices.protocol import (
    PHOTO_SIZE,
    PREAMBLE,
    CardType,
    Command,
    Frame,
    FrameErrorKind,
    FrameParser,
    StatusCode,
    build_reply,
    encode_extra_address,
    encode_read_data,
    encode_text_block,
)
from desk.paths import resources_dir

_READ_COMMANDS = frozenset({Command.READ_TEXT_PHOTO, Command.READ_TEXT_PHOTO_FINGERPRINT})
_META_KEYS = {"label", "card_type", "extra_address", "photo_seed", "sex", "nation", "fingerprint"}
_SEX_CODES = {"male": "1", "female": "2", "unknown": "0", "unspecified": "9"}


def demo_cards_path() -> Path:
    return resources_dir() / "demo" / "cards.toml"


@dataclass(frozen=True)
class SimCard:
    """A card as its chip holds it: raw text fields, photo bytes, optional extra address."""

    label: str
    card_type: CardType
    fields: dict[str, str]
    photo: bytes
    extra_address: str = ""
    fingerprint: bytes = b""

    def text_block(self) -> bytes:
        return encode_text_block(self.card_type, self.fields)

    @classmethod
    def from_mapping(cls, data: dict[str, Any], index: int = 0) -> SimCard:
        """Build from one [[card]] table; raises ValueError naming the card on bad data."""
        label = str(data.get("label") or f"card-{index + 1}")
        try:
            card_type = CardType.from_key(str(data.get("card_type", "resident")))
            fields = {key: str(value) for key, value in data.items() if key not in _META_KEYS}
            if "sex" in data and "sex_code" not in fields:
                fields["sex_code"] = _SEX_CODES[str(data["sex"])]
            if "nation" in data and "nation_code" not in fields:
                code = nation_code(str(data["nation"]))
                if code is None:
                    raise ValueError(f"unknown nation {data['nation']!r}")
                fields["nation_code"] = code
            seed = str(data.get("photo_seed", label))
            card = cls(label, card_type, fields, _stand_in_bytes(seed, PHOTO_SIZE),
                       str(data.get("extra_address", "")),
                       _stand_in_bytes(seed + "/fp", 1024) if data.get("fingerprint") else b"")
            card.text_block()  # validates field names and lengths now, not at the first read
        except (KeyError, ValueError) as exc:
            raise ValueError(f"card {label!r}: {exc}") from exc
        return card


def _stand_in_bytes(seed: str, size: int) -> bytes:
    out = bytearray()
    block = seed.encode()
    while len(out) < size:
        block = hashlib.sha256(block).digest()
        out.extend(block)
    return bytes(out[:size])


def load_cards(path: str | Path | None = None) -> list[SimCard]:
    """Cards from a TOML file (`[[card]]` tables) or JSON (a list, or {"card": [...]})."""
    path = Path(path) if path else demo_cards_path()
    text = path.read_text(encoding="utf-8")
    data: Any = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    items = data.get("card", []) if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise ValueError(f"{path.name}: no cards (expected [[card]] tables)")
    return [SimCard.from_mapping(item, index) for index, item in enumerate(items)]


class FaultMode(enum.Enum):
    NONE = "none"
    NO_CARD = "no_card"  # the reader never sees a card
    SLOW = "slow"  # every reply is delayed
    GARBAGE = "garbage"  # noise before every reply
    BAD_CHECKSUM = "bad_checksum"  # replies arrive with a wrong CHK
    REMOVED_MID_READ = "removed_mid_read"  # half a read reply, then the card is gone
    STATUS = "status"  # read commands answered with a given SW3 (e.g. 0x32, or an unknown code)
    UNPLUG = "unplug"  # the port disappears at the next command and comes back later
    RANDOM_TEXT = "random_text"  # read replies carry a random text block under a valid checksum
    CANCELLING_FLIPS = "cancelling_flips"  # two bit flips in the name that cancel in the XOR (张伟 → 弡伞)


_DEFAULT_TARGETS: dict[FaultMode, frozenset[Command] | None] = {
    FaultMode.NO_CARD: frozenset({Command.FIND_CARD, Command.SELECT_CARD, *_READ_COMMANDS}),
    FaultMode.REMOVED_MID_READ: _READ_COMMANDS,
    FaultMode.STATUS: _READ_COMMANDS,
    FaultMode.RANDOM_TEXT: _READ_COMMANDS,
    FaultMode.CANCELLING_FLIPS: _READ_COMMANDS,
}


@dataclass
class Fault:
    mode: FaultMode = FaultMode.NONE
    remaining: int | None = None  # replies still to spoil; None = until cleared
    commands: frozenset[Command] | None = None  # None = every command
    delay: float = 0.05  # SLOW
    status: int = StatusCode.MODULE_AUTH_CARD_FAILED  # STATUS
    unplug_duration: float = 0.5  # UNPLUG; the port is back after this many seconds

    def applies(self, command: Command) -> bool:
        if self.mode is FaultMode.NONE or self.remaining == 0:
            return False
        return self.commands is None or command in self.commands


_SPEEDS = {getattr(termios, f"B{rate}"): rate for rate in (9600, 19200, 38400, 57600, 115200)
           if hasattr(termios, f"B{rate}")}


@dataclass
class ReaderSimulator:
    """See the module docstring. Use as a context manager or call start()/stop()."""

    cards: Sequence[SimCard] = ()
    link_path: str | Path | None = None
    baudrate: int | None = None  # answer only a client set to this speed (None: any speed)
    pace_baudrate: int | None = None  # emulate the wire time of replies at this speed
    sam_id: bytes = bytes.fromhex("0501000000000000123456780000abcd")
    seed: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    commands: deque[Command | None] = field(default_factory=lambda: deque(maxlen=1000))  # the latest ones

    def __post_init__(self) -> None:
        self.cards = list(self.cards) or load_cards()
        self._lock = threading.Lock()
        self._fault = Fault()
        self._placed: SimCard | None = None
        self._rng = random.Random(self.seed)
        self._master: int | None = None
        self._slave: int | None = None
        self._replug_at: float | None = None
        self._pending_unplug: tuple[float | None] | None = None
        self._counts: Counter[Command | None] = Counter()
        self._wake_r, self._wake_w = -1, -1
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        self._tempdir: str | None = None
        self._parser = FrameParser()
        self.plugged = threading.Event()

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def port(self) -> str:
        """The path a client opens; stays the same across unplug/replug."""
        return str(self.link_path)

    def start(self) -> str:
        if self.link_path is None:
            self._tempdir = tempfile.mkdtemp(prefix="desk-reader-")
            self.link_path = Path(self._tempdir) / "reader"
        self._wake_r, self._wake_w = os.pipe()
        self._open_pty()
        self._thread = threading.Thread(target=self._serve, name="reader-simulator", daemon=True)
        self._thread.start()
        return self.port

    def stop(self) -> None:
        self._stopping.set()
        self._wake()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._close_pty()
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                os.close(fd)
        self._wake_r = self._wake_w = -1
        if self._tempdir:
            shutil.rmtree(self._tempdir, ignore_errors=True)

    def __enter__(self) -> ReaderSimulator:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- control -----------------------------------------------------------------------------

    def card(self, which: int | str | SimCard) -> SimCard:
        if isinstance(which, SimCard):
            return which
        if isinstance(which, int):
            return self.cards[which]
        for card in self.cards:
            if which in (card.label, card.fields.get("id_number")):
                return card
        raise KeyError(f"no card {which!r}")

    def place(self, which: int | str | SimCard = 0) -> SimCard:
        card = self.card(which)
        with self._lock:
            self._placed = card
        return card

    def remove(self) -> None:
        with self._lock:
            self._placed = None

    def count(self, command: Command | None) -> int:
        """How many times `command` was received since start (None: unknown commands)."""
        with self._lock:
            return self._counts[command]

    @property
    def placed(self) -> SimCard | None:
        with self._lock:
            return self._placed

    def set_fault(
        self,
        mode: FaultMode | str,
        *,
        count: int | None = None,
        commands: Iterable[Command] | None = None,
        delay: float = 0.05,
        status: int = StatusCode.MODULE_AUTH_CARD_FAILED,
        unplug_duration: float = 0.5,
    ) -> None:
        mode = FaultMode(mode)
        targets = frozenset(commands) if commands is not None else _DEFAULT_TARGETS.get(mode)
        with self._lock:
            self._fault = Fault(mode, count, targets, delay, status, unplug_duration)

    def clear_fault(self) -> None:
        self.set_fault(FaultMode.NONE)

    @property
    def fault(self) -> Fault:
        with self._lock:
            return self._fault

    def unplug(self, duration: float | None = 0.5) -> None:
        """Pull the plug now; plug back in after `duration` seconds (None: wait for replug())."""
        self._request_unplug(duration)
        self._wake()

    def replug(self) -> None:
        with self._lock:
            self._replug_at = time.monotonic()
        self._wake()

    # --- the serving thread ------------------------------------------------------------------

    def _wake(self) -> None:
        if self._wake_w >= 0:
            with contextlib.suppress(OSError):
                os.write(self._wake_w, b"x")

    def _request_unplug(self, duration: float | None) -> None:
        with self._lock:
            self._pending_unplug = (duration,)

    def _serve(self) -> None:
        while not self._stopping.is_set():
            with self._lock:
                pending, self._pending_unplug = self._pending_unplug, None
                replug_at = self._replug_at
            if pending is not None:
                self._unplug_now(pending[0])
                continue
            if self._master is None:
                if replug_at is not None and time.monotonic() >= replug_at:
                    self._open_pty()
                    continue
                timeout = 0.5 if replug_at is None else max(0.0, replug_at - time.monotonic())
                self._wait([self._wake_r], timeout)
                continue
            ready = self._wait([self._master, self._wake_r], 0.5)
            if self._master in ready:
                try:
                    data = os.read(self._master, 4096)
                except OSError:
                    data = b""  # no client has the port open: nothing to answer
                if data:
                    self.bytes_in += len(data)
                    self._handle_bytes(data)
                else:
                    self._stopping.wait(0.01)

    def _wait(self, fds: list[int], timeout: float) -> list[int]:
        ready, _, _ = select.select(fds, [], [], timeout)
        if self._wake_r in ready:
            with contextlib.suppress(OSError):
                os.read(self._wake_r, 1024)
        return ready

    def _open_pty(self) -> None:
        master, slave = os.openpty()
        tty.setraw(slave)  # no echo, no line editing: bytes pass untouched, as on a real UART
        os.set_blocking(master, False)
        link = Path(str(self.link_path))
        temp = link.with_name(link.name + ".new")
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        temp.symlink_to(os.ttyname(slave))
        os.replace(temp, link)  # atomic: a client never sees a half-made link
        with self._lock:
            self._master, self._slave, self._replug_at = master, slave, None
        self._parser.reset()
        self.plugged.set()

    def _close_pty(self) -> None:
        with self._lock:
            fds, self._master, self._slave = (self._master, self._slave), None, None
        self.plugged.clear()
        for fd in fds:
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        if self.link_path is not None:
            with contextlib.suppress(FileNotFoundError):
                Path(str(self.link_path)).unlink()

    def _unplug_now(self, duration: float | None) -> None:
        self._close_pty()
        with self._lock:
            self._replug_at = None if duration is None else time.monotonic() + duration

    def _handle_bytes(self, data: bytes) -> None:
        for event in self._parser.feed(data):
            if isinstance(event, Frame):
                self._answer(event.body)
            elif event.kind is FrameErrorKind.CHECKSUM:
                self._send(build_reply(StatusCode.CHECKSUM_ERROR))
            elif event.kind is FrameErrorKind.LENGTH:
                self._send(build_reply(StatusCode.LENGTH_ERROR))
            if self._master is None:
                return

    def _answer(self, body: bytes) -> None:
        command = Command.lookup(body[0], body[1]) if len(body) >= 2 else None
        self.commands.append(command)
        with self._lock:
            self._counts[command] += 1
        if command is None:
            self._send(build_reply(StatusCode.COMMAND_ERROR))
            return
        if self.baudrate is not None and self._client_speed() not in (None, self.baudrate):
            # A real module at another speed sees framing errors: the host gets noise back.
            self._send(bytes(self._rng.randrange(256) for _ in range(len(body) + 8)))
            return
        with self._lock:
            fault = self._fault
            fires = fault.applies(command)
            if fires and fault.remaining is not None:
                fault.remaining -= 1
            placed = self._placed
        mode = fault.mode if fires else FaultMode.NONE
        if mode is FaultMode.UNPLUG:
            self._unplug_now(fault.unplug_duration)
            return
        if mode is FaultMode.NO_CARD:
            placed = None
        reply = self._reply(command, placed)
        if mode is FaultMode.STATUS:
            reply = build_reply(fault.status)
        elif mode is FaultMode.REMOVED_MID_READ and placed is not None:
            self.remove()
            reply = reply[: len(reply) // 2]
        elif mode is FaultMode.BAD_CHECKSUM:
            reply = reply[:-1] + bytes([reply[-1] ^ 0x5A])
        elif mode is FaultMode.RANDOM_TEXT and placed is not None and command in _READ_COMMANDS:
            noise = bytes(self._rng.randrange(256) for _ in range(len(placed.text_block())))
            reply = build_reply(StatusCode.SUCCESS, encode_read_data(noise, placed.photo))
        elif mode is FaultMode.CANCELLING_FLIPS and placed is not None and command in _READ_COMMANDS:
            # The text block starts after the 7-byte header, SW1-3 and two 2-byte lengths; bit 0 of the
            # low bytes of the name's first two characters flips: the XOR of the frame is unchanged.
            start = len(PREAMBLE) + 2 + 3 + 4
            spoilt = bytearray(reply)
            spoilt[start] ^= 0x01
            spoilt[start + 2] ^= 0x01
            reply = bytes(spoilt)
        elif mode is FaultMode.GARBAGE:
            reply = self._garbage() + reply
        elif mode is FaultMode.SLOW:
            self._stopping.wait(fault.delay)
        self._send(reply)

    def _reply(self, command: Command, card: SimCard | None) -> bytes:
        if command in (Command.RESET, Command.MODULE_STATUS):
            return build_reply(StatusCode.SUCCESS)
        if command is Command.SAM_ID:
            return build_reply(StatusCode.SUCCESS, self.sam_id)
        if command is Command.FIND_CARD:
            return build_reply(StatusCode.CARD_FOUND, bytes(4)) if card else build_reply(StatusCode.NO_CARD)
        if command is Command.SELECT_CARD:
            return build_reply(StatusCode.SUCCESS, bytes(8)) if card else build_reply(StatusCode.SELECT_FAILED)
        if card is None:
            return build_reply(StatusCode.READ_FAILED)
        if command is Command.READ_TEXT_PHOTO:
            return build_reply(StatusCode.SUCCESS, encode_read_data(card.text_block(), card.photo))
        if command is Command.READ_TEXT_PHOTO_FINGERPRINT:
            data = encode_read_data(card.text_block(), card.photo, card.fingerprint)
            return build_reply(StatusCode.SUCCESS, data)
        if command is Command.READ_EXTRA_ADDRESS:
            if not card.extra_address:
                return build_reply(StatusCode.NO_CONTENT)
            return build_reply(StatusCode.SUCCESS, encode_extra_address(card.extra_address))
        # READ_MANAGEMENT_NUMBER: a stable per-card number stands in for the chip's.
        return build_reply(StatusCode.SUCCESS, _stand_in_bytes(card.label + "/mgmt", 8))

    def _garbage(self) -> bytes:
        """Noise a line picks up: random bytes, preamble fragments, a header with an absurd length.

        Noise bytes stay below 0x96 so they can never complete a preamble by chance."""
        noise = bytes(self._rng.randrange(0x96) for _ in range(self._rng.randrange(1, 24)))
        return noise + PREAMBLE[:3] + noise[:5] + PREAMBLE + b"\xff\xf0" + noise[:3]

    def _client_speed(self) -> int | None:
        master = self._master
        if master is None:
            return None
        try:
            return _SPEEDS.get(termios.tcgetattr(master)[5])
        except termios.error:
            return None

    def _send(self, data: bytes) -> None:
        chunk = 64 if self.pace_baudrate else len(data) or 1
        start = time.monotonic()
        for offset in range(0, len(data), chunk):
            part = data[offset : offset + chunk]
            if self.pace_baudrate:
                # Bytes leave no faster than the wire would carry them (10 bits per byte, 8N1).
                due = start + (offset + len(part)) * 10 / self.pace_baudrate
                self._stopping.wait(max(0.0, due - time.monotonic()))
            if not self._write_all(part):
                return
        self.bytes_out += len(data)

    def _write_all(self, data: bytes) -> bool:
        view = memoryview(data)
        deadline = time.monotonic() + 1.0
        while view:
            master = self._master
            if master is None:
                return False
            try:
                written = os.write(master, view)
                view = view[written:]
            except BlockingIOError:
                # The client is not reading; give it a moment, then drop the reply like a UART would.
                if time.monotonic() > deadline:
                    return False
                select.select([], [master], [], 0.05)
            except OSError as exc:
                if exc.errno in (errno.EIO, errno.EBADF):
                    return False
                raise
        return True
