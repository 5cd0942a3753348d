"""The ID-card reader's security-module (SAM) protocol, GA 467 family: pure bytes <-> records.

Nothing here touches a port or a clock. It builds command frames, cuts a byte stream into frames
(`FrameParser`, which never raises and resynchronises after garbage), decodes replies and their
SW3 status codes into messages a clerk understands, and converts the 256-byte card text block
to and from its fields for every card type.

Frame layout (both directions)::

    AA AA AA 96 69 | LEN_H LEN_L | CMD PARA [data]        | CHK     (command)
    AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 [data]     | CHK     (reply)

LEN counts every byte after itself, the checksum included; CHK is the XOR of LEN_H .. last data byte.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass, field

# The text block has its own module; its names are part of the protocol's API.
from desk.devices.textblock import (
    EXTRA_ADDRESS_SIZE,
    TEXT_BLOCK_SIZE,
    CardText,
    CardType,
    decode_extra_address,
    decode_text_block,
    decode_ucs2,
    encode_extra_address,
    encode_text_block,
)
from desk.domain import messages
from desk.domain.errors import SpeakingError
from desk.domain.messages import Said

__all__ = [
    "EXTRA_ADDRESS_SIZE",
    "FINGERPRINT_SIZE",
    "MAX_LEN",
    "PHOTO_SIZE",
    "PREAMBLE",
    "TEXT_BLOCK_SIZE",
    "CardPayload",
    "CardText",
    "CardType",
    "Command",
    "Frame",
    "FrameError",
    "FrameErrorKind",
    "FrameParser",
    "ProtocolError",
    "Reply",
    "StatusCode",
    "build_command",
    "build_frame",
    "build_reply",
    "checksum",
    "decode_extra_address",
    "decode_read_data",
    "decode_reply",
    "decode_text_block",
    "decode_ucs2",
    "encode_extra_address",
    "encode_read_data",
    "encode_text_block",
    "status_message",
    "status_said",
]

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_SIZE = len(PREAMBLE) + 2
# The largest legitimate reply (text + photo + fingerprint) has LEN 0x090A; anything far above is
# garbage that would otherwise make the parser wait for megabytes that never come.
MAX_LEN = 4096
# A command carries at least CMD PARA + CHK.
MIN_LEN = 3

PHOTO_SIZE = 1024
FINGERPRINT_SIZE = 1024


class ProtocolError(SpeakingError):
    """A reply that cannot be understood; says the clerk's message by key (`ProtocolError.say`)."""

    code = "protocol"


class Command(enum.Enum):
    """CMD PARA of every command the desk sends."""

    RESET = (0x10, 0xFF)
    MODULE_STATUS = (0x11, 0xFF)
    SAM_ID = (0x12, 0xFF)
    FIND_CARD = (0x20, 0x01)
    SELECT_CARD = (0x20, 0x02)
    READ_TEXT_PHOTO = (0x30, 0x01)
    READ_EXTRA_ADDRESS = (0x30, 0x03)
    READ_MANAGEMENT_NUMBER = (0x30, 0x05)
    READ_TEXT_PHOTO_FINGERPRINT = (0x30, 0x10)

    @property
    def cmd(self) -> int:
        return self.value[0]

    @property
    def para(self) -> int:
        return self.value[1]

    @classmethod
    def lookup(cls, cmd: int, para: int) -> Command | None:
        for command in cls:
            if command.value == (cmd, para):
                return command
        return None


class StatusCode(enum.IntEnum):
    """SW3 result codes of the module."""

    SUCCESS = 0x90
    CARD_FOUND = 0x9F
    NO_CONTENT = 0x91
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    COMMAND_ERROR = 0x21
    NOT_AUTHORISED = 0x23
    UNRECOGNISED_ERROR = 0x24
    CARD_AUTH_MODULE_FAILED = 0x31
    MODULE_AUTH_CARD_FAILED = 0x32
    VERIFICATION_ERROR = 0x33
    UNKNOWN_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    RANDOM_FAILED = 0x47
    SELF_TEST_FAILED = 0x60
    MODULE_NOT_AUTHORISED = 0x66
    NO_CARD = 0x80
    SELECT_FAILED = 0x81


# What the clerk reads on the screen: what happened and what to do about it (the texts are the
# "reader.status.*" messages of desk.domain.messages, said in the screen's language).
STATUS_KEYS: dict[StatusCode, str] = {code: f"reader.status.{code.name.lower()}" for code in StatusCode}


def status_said(sw3: int) -> Said:
    """The clerk's message for any SW3 byte, including codes the reference does not list."""
    try:
        return Said(STATUS_KEYS[StatusCode(sw3)])
    except ValueError:
        return Said("reader.status_unknown", {"status": f"0x{sw3 & 0xFF:02X}"})


def status_message(sw3: int) -> tuple[str, str]:
    """The (zh, en) clerk message for any SW3 byte: what the reader's status line shows."""
    said = status_said(sw3)
    return messages.render(said.key, said.params), messages.english(said.key, said.params)


def checksum(data: bytes) -> int:
    """XOR of all bytes: the frame's CHK over LEN_H .. last data byte."""
    result = 0
    for byte in data:
        result ^= byte
    return result


def build_frame(body: bytes) -> bytes:
    """A whole frame around `body` (CMD PARA data, or SW1 SW2 SW3 data)."""
    length = len(body) + 1
    if length > 0xFFFF:
        raise ValueError("frame body too long")
    head = struct.pack(">H", length) + body
    return PREAMBLE + head + bytes([checksum(head)])


def build_command(command: Command, data: bytes = b"") -> bytes:
    """The command frame, e.g. FIND_CARD -> AA AA AA 96 69 00 03 20 01 22."""
    return build_frame(bytes([command.cmd, command.para]) + data)


def build_reply(sw3: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A reply frame as the module sends it (used by the simulator and the tests)."""
    return build_frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True)
class Frame:
    """One complete frame with a good checksum; `body` is everything between LEN and CHK."""

    body: bytes

    @property
    def raw(self) -> bytes:
        return build_frame(self.body)


class FrameErrorKind(enum.Enum):
    GARBAGE = "garbage"  # bytes before a preamble were skipped
    LENGTH = "length"  # LEN below the minimum or above MAX_LEN
    CHECKSUM = "checksum"  # a complete frame whose CHK does not match
    TRUNCATED = "truncated"  # a started frame abandoned because the line went quiet


@dataclass(frozen=True)
class FrameError:
    """Something the parser skipped; it has already resynchronised when this is reported."""

    kind: FrameErrorKind
    skipped: int  # bytes dropped

    def message(self) -> tuple[str, str]:
        return {
            FrameErrorKind.GARBAGE: ("读卡器数据有干扰，已重新同步", "noise on the reader line, resynchronised"),
            FrameErrorKind.LENGTH: ("读卡器数据长度异常，已丢弃", "implausible frame length, dropped"),
            FrameErrorKind.CHECKSUM: ("读卡器数据校验错误", "reader data failed its checksum"),
            FrameErrorKind.TRUNCATED: ("读卡器数据不完整", "incomplete data from the reader"),
        }[self.kind]


ParseEvent = Frame | FrameError


@dataclass
class FrameParser:
    """Streaming frame cutter: `feed(bytes)` returns the frames (and errors) completed so far.

    Never raises. After garbage, a bad length or a bad checksum it restarts the search one byte
    after the rejected preamble, so a valid frame hidden behind a corrupt one is still found.
    The buffer never holds more than one maximal frame. When the line goes quiet in the middle
    of a frame (a truncated reply), the caller calls `abandon()` to drop the partial frame.
    """

    max_len: int = MAX_LEN
    _buffer: bytearray = field(default_factory=bytearray)
    garbage_bytes: int = 0  # statistics for diagnostics
    checksum_errors: int = 0

    def reset(self) -> None:
        self._buffer.clear()

    @property
    def pending(self) -> int:
        """Bytes held while waiting for the rest of a frame."""
        return len(self._buffer)

    def feed(self, data: bytes) -> list[ParseEvent]:
        if data:
            self._buffer.extend(data)
        return self._drain()

    def abandon(self) -> list[ParseEvent]:
        """Give up the partial frame at the head of the buffer and look for frames behind it."""
        events: list[ParseEvent] = []
        # With the line quiet, every incomplete frame left is truncated: keep cutting until empty.
        while self._buffer:
            if self._buffer.startswith(PREAMBLE):
                del self._buffer[:1]
                events.append(FrameError(FrameErrorKind.TRUNCATED, 1))
                events.extend(self._drain())
            else:
                # Only a possible preamble fragment remains; it is noise too.
                self.garbage_bytes += len(self._buffer)
                events.append(FrameError(FrameErrorKind.GARBAGE, len(self._buffer)))
                self._buffer.clear()
        return events

    def _drain(self) -> list[ParseEvent]:
        events: list[ParseEvent] = []
        buf = self._buffer
        while True:
            start = buf.find(PREAMBLE)
            if start < 0:
                # Keep a tail that could be the beginning of a preamble split across reads.
                keep = self._preamble_prefix_len(buf)
                dropped = len(buf) - keep
                if dropped:
                    self.garbage_bytes += dropped
                    events.append(FrameError(FrameErrorKind.GARBAGE, dropped))
                    del buf[:dropped]
                return events
            if start:
                self.garbage_bytes += start
                events.append(FrameError(FrameErrorKind.GARBAGE, start))
                del buf[:start]
            if len(buf) < HEADER_SIZE:
                return events
            length = (buf[5] << 8) | buf[6]
            if length < MIN_LEN or length > self.max_len:
                del buf[:1]
                events.append(FrameError(FrameErrorKind.LENGTH, 1))
                continue
            total = HEADER_SIZE + length
            if len(buf) < total:
                return events
            head = bytes(buf[5 : total - 1])
            if checksum(head) != buf[total - 1]:
                self.checksum_errors += 1
                del buf[:1]
                events.append(FrameError(FrameErrorKind.CHECKSUM, 1))
                continue
            events.append(Frame(bytes(buf[HEADER_SIZE : total - 1])))
            del buf[:total]

    @staticmethod
    def _preamble_prefix_len(buf: bytearray) -> int:
        for keep in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
            if buf.endswith(PREAMBLE[:keep]):
                return keep
        return 0


@dataclass(frozen=True)
class Reply:
    """A decoded reply frame: the status bytes and the data after them."""

    sw1: int
    sw2: int
    sw3: int
    data: bytes

    @property
    def status(self) -> StatusCode | None:
        try:
            return StatusCode(self.sw3)
        except ValueError:
            return None

    @property
    def ok(self) -> bool:
        return self.sw3 in (StatusCode.SUCCESS, StatusCode.CARD_FOUND)

    def message(self) -> tuple[str, str]:
        return status_message(self.sw3)

    def said(self) -> Said:
        return status_said(self.sw3)


def decode_reply(frame: Frame) -> Reply:
    """Split a reply frame into SW1 SW2 SW3 and data; raises ProtocolError if too short."""
    body = frame.body
    if len(body) < 3:
        raise ProtocolError.say("reader.short_reply", code="short_reply")
    return Reply(body[0], body[1], body[2], body[3:])


@dataclass(frozen=True)
class CardPayload:
    """The blocks of a read reply (30 01 / 30 10), still raw."""

    text: bytes
    photo: bytes
    fingerprint: bytes | None = None


def decode_read_data(data: bytes, *, with_fingerprint: bool = False) -> CardPayload:
    """Cut the data of a successful read reply into text, photo (and fingerprint) blocks."""
    count = 3 if with_fingerprint else 2
    if len(data) < 2 * count:
        raise ProtocolError.say("reader.short_read", code="short_read")
    lengths = struct.unpack(f">{count}H", data[: 2 * count])
    if 2 * count + sum(lengths) != len(data):
        raise ProtocolError.say("reader.read_length", code="read_length")
    offset = 2 * count
    blocks: list[bytes] = []
    for length in lengths:
        blocks.append(data[offset : offset + length])
        offset += length
    return CardPayload(blocks[0], blocks[1], blocks[2] if with_fingerprint else None)


def encode_read_data(text: bytes, photo: bytes, fingerprint: bytes | None = None) -> bytes:
    """The inverse of `decode_read_data` (for the simulator)."""
    blocks = [text, photo] + ([fingerprint] if fingerprint is not None else [])
    head = b"".join(struct.pack(">H", len(block)) for block in blocks)
    return head + b"".join(blocks)
