"""The ID-card reader driver: find -> select -> read over a serial port, polled, self-healing.

`CardReaderDriver.run()` is the loop the desk and the kiosk use (through the Qt adapter in
`desk/qt/reader_worker.py`): it reports every card once per placement, reports its status on
every change, and never raises and never hangs — an unplugged port becomes the "disconnected"
status and the driver reopens it with growing pauses until the reader is back.

Thread contract: one thread owns a driver and calls `open`, `read_once`, `run` and `close`.
`request_reread()` and setting the `stop_event` given to `run` are safe from any other thread.
"""

from __future__ import annotations

import enum
import logging
import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from desk.devices.card import IdCard, card_from_text
from desk.devices.ports import PortInfo as PortInfo  # re-exported: callers find ports here too
from desk.devices.ports import list_ports as list_ports
from desk.devices.protocol import (
    Command,
    Frame,
    FrameErrorKind,
    FrameParser,
    ProtocolError,
    Reply,
    StatusCode,
    build_command,
    decode_extra_address,
    decode_read_data,
    decode_reply,
    decode_text_block,
)
from desk.devices.transport import Backoff, SerialTransport, Transport, TransportClosed
from desk.domain.errors import DeskError, SpeakingError
from desk.domain.identity import check_name
from desk.domain.messages import Said

log = logging.getLogger(__name__)

DEFAULT_BAUDRATE = 115200
PROBE_BAUDRATES: tuple[int, ...] = (115200, 57600, 38400, 19200, 9600)
# No single wait is longer than this (and never NaN or infinite: a wait must end).
MAX_TIMEOUT = 3600.0
# Reads are cut into slices this long so a stop request is noticed quickly.
_READ_SLICE = 0.05


class ReaderState(enum.Enum):
    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    WAITING = "waiting"  # ready, waiting for a card (or for the read card to be taken away)
    READING = "reading"
    ERROR = "error"


@dataclass(frozen=True)
class ReaderStatus:
    """What the reader is doing, with a message for the clerk; `code` is for programs and tests."""

    state: ReaderState
    message_zh: str
    message_en: str
    code: str = ""
    port: str = ""
    baudrate: int | None = None


class ReaderError(SpeakingError):
    """A read that did not work out; the message (a key, `ReaderError.say`) says what the clerk should do."""

    code = "reader"


class NoCard(ReaderError):
    code = "no_card"

    def __init__(self) -> None:
        self._speak("reader.status.no_card", {})


class CardImplausible(ReaderError):
    """The data passed the frame's XOR but cannot be a real card's text (or changed between two reads)."""

    code = "card_implausible"

    def __init__(self, reason: str) -> None:
        self._speak("reader.card_garbled", {"reason": reason})
        self.reason = reason


def _passed_on(exc: ProtocolError) -> ReaderError:
    """A reply the protocol could not understand, said as the read's failure (same key and code)."""
    return ReaderError.saying(Said(exc.message_key or "reader.short_reply", exc.params), code=exc.code)


# Flags that a real card never carries: only a garbled read produces them. A bad check character
# or an expired card is not among them — those are real cards the clerk must see, flagged.
GARBLED_FLAGS = frozenset({
    "text_length", "card_type_unknown", "id_number_format", "birth_date_invalid", "sex_invalid",
    "nation_unknown", "valid_from_invalid", "valid_to_invalid", "validity_order", "id_birth_date_invalid",
})


def implausible_reason(card: IdCard) -> str:
    """Why `card` cannot be a real card's text, or "" when it can."""
    for flag in card.problems:
        if flag in GARBLED_FLAGS or flag.endswith("_invalid_chars"):
            return flag
    try:
        check_name(card.name)
    except DeskError as exc:
        return f"name: {exc.code}"
    return ""


class _Stopped(Exception):
    """The owner asked the loop to stop in the middle of a transaction."""


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for each reply (values seen in public drivers; tests shorten them)."""

    find: float = 0.1
    select: float = 0.1
    status: float = 0.3
    sam_id: float = 0.3
    extra_address: float = 1.5
    read: float = 2.0
    read_fingerprint: float = 3.0

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not (isinstance(value, int | float) and math.isfinite(value) and 0 < value <= MAX_TIMEOUT):
                raise ValueError(f"timeout {name} must be a finite number of seconds in (0, {MAX_TIMEOUT}]")

    def for_command(self, command: Command) -> float:
        return {
            Command.FIND_CARD: self.find,
            Command.SELECT_CARD: self.select,
            Command.MODULE_STATUS: self.status,
            Command.RESET: self.status,
            Command.SAM_ID: self.sam_id,
            Command.READ_EXTRA_ADDRESS: self.extra_address,
            Command.READ_MANAGEMENT_NUMBER: self.extra_address,
            Command.READ_TEXT_PHOTO: self.read,
            Command.READ_TEXT_PHOTO_FINGERPRINT: self.read_fingerprint,
        }[command]


TransportFactory = Callable[[str, int], Transport]


def _serial_factory(port: str, baudrate: int) -> Transport:
    return SerialTransport(port, baudrate)


@dataclass
class CardReaderDriver:
    """Driver of a GA 467 SAM reader on `port`. See the module docstring for the thread contract."""

    port: str
    baudrate: int = DEFAULT_BAUDRATE
    probe: bool = True  # try the other usual rates when `baudrate` gets no answer
    baudrates: Sequence[int] = PROBE_BAUDRATES
    timeouts: Timeouts = field(default_factory=Timeouts)
    transport_factory: TransportFactory = _serial_factory
    poll_interval: float = 0.25
    backoff: Backoff = field(default_factory=Backoff)
    read_extra_address: bool = True
    read_fingerprint: bool = False
    checksum_retries: int = 2
    # Read the card's data twice and require the same bytes: errors that cancel in the frame's XOR
    # (two flips of one bit position) differ between reads. Costs one more read reply per card.
    confirm_reads: bool = True
    removal_polls: int = 2  # consecutive "no card" answers before a card counts as taken away
    max_read_attempts: int = 3  # failed reads of one placement before asking to place it again
    today: Callable[[], date] = date.today
    sam_id: str = ""

    def __post_init__(self) -> None:
        self._transport: Transport | None = None
        self._parser = FrameParser()
        self._stop = threading.Event()
        self._reread = threading.Event()
        self._last_status: ReaderStatus | None = None
        self._card_done = False
        self._verify_card = False
        self._last_id_number = ""
        self._no_card_polls = 0
        self._attempts = 0

    # --- connection --------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self._transport is not None and self._transport.is_open

    def open(self) -> None:
        """Open the port and find the rate the reader answers at; raises TransportClosed/ReaderError."""
        self.close()
        rates = [self.baudrate]
        if self.probe:
            rates += [rate for rate in self.baudrates if rate != self.baudrate]
        corrupted = False
        for rate in rates:
            transport = self.transport_factory(self.port, rate)
            transport.open()
            self._transport = transport
            try:
                status = self._command(Command.MODULE_STATUS)
            except ReaderError as exc:
                corrupted = corrupted or exc.code == "checksum"
                self.close()
                continue
            self.baudrate = rate
            if status.sw3 != StatusCode.SUCCESS:
                self.close()
                raise ReaderError.saying(status.said(), code=f"sw3_{status.sw3:02x}")
            self.sam_id = self._read_sam_id()
            return
        tried = "/".join(str(rate) for rate in rates)
        if corrupted:
            raise ReaderError.say("reader.port_corrupted", code="checksum", port=self.port, tried=tried)
        raise ReaderError.say("reader.no_answer", code="no_answer", port=self.port, tried=tried)

    def close(self) -> None:
        transport, self._transport = self._transport, None
        if transport is not None:
            transport.close()
        self._parser.reset()

    def _read_sam_id(self) -> str:
        try:
            reply = self._transact(Command.SAM_ID)
        except ReaderError:
            return ""
        return reply.data.hex().upper() if reply.sw3 == StatusCode.SUCCESS else ""

    # --- one transaction -----------------------------------------------------------------------

    def _transact(self, command: Command) -> Reply:
        """Send one command and wait for its reply frame; raises ReaderError, TransportClosed, _Stopped."""
        transport = self._transport
        if transport is None:
            raise TransportClosed.say("serial.not_open", port=self.port)
        # Stale bytes (a reply that came too late, noise) must not be taken for this reply.
        transport.discard_input()
        self._parser.reset()
        transport.write(build_command(command))
        deadline = time.monotonic() + self.timeouts.for_command(command)
        while True:
            if self._stop.is_set():
                raise _Stopped
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if self._parser.pending:
                    self._parser.abandon()
                    raise ReaderError.say("reader.truncated", code="truncated")
                raise ReaderError.say("reader.timeout", code="timeout")
            data = transport.read(min(remaining, _READ_SLICE))
            if not data:
                continue
            for event in self._parser.feed(data):
                if isinstance(event, Frame):
                    try:
                        return decode_reply(event)
                    except ProtocolError as exc:
                        raise _passed_on(exc) from exc
                if event.kind is FrameErrorKind.CHECKSUM:
                    raise ReaderError.say("reader.checksum_retrying", code="checksum")
                # Garbage and implausible lengths were skipped; the parser has resynchronised.

    def _command(self, command: Command) -> Reply:
        """`_transact` with retries after a corrupted reply, or a reply that belongs to another command."""
        for attempt in range(self.checksum_retries + 1):
            try:
                reply = self._transact(command)
            except ReaderError as exc:
                if exc.code != "checksum" or attempt == self.checksum_retries:
                    raise
                continue
            if reply.sw3 == StatusCode.CARD_FOUND and command is not Command.FIND_CARD:
                # "Card found" answers only FIND: here it is a late reply to an earlier find, not an error.
                if attempt == self.checksum_retries:
                    raise ReaderError.say("reader.unexpected_reply", code="unexpected_reply")
                continue
            return reply
        raise AssertionError("unreachable")

    # --- reading -------------------------------------------------------------------------------

    def read_once(self) -> IdCard:
        """Find, select and read the card on the reader now; raises NoCard, ReaderError, TransportClosed."""
        if not self.is_open:
            self.open()
        try:
            find = self._command(Command.FIND_CARD)
            if find.sw3 == StatusCode.NO_CARD:
                raise NoCard
            if find.sw3 != StatusCode.CARD_FOUND:
                raise _status_error(find)
            return self._select_and_read()
        except _Stopped as exc:
            raise ReaderError.say("reader.stopped", code="stopped") from exc

    def _select_and_read(self) -> IdCard:
        select = self._command(Command.SELECT_CARD)
        if select.sw3 != StatusCode.SUCCESS:
            raise _status_error(select)
        command = Command.READ_TEXT_PHOTO_FINGERPRINT if self.read_fingerprint else Command.READ_TEXT_PHOTO
        reply = self._command(command)
        if reply.sw3 != StatusCode.SUCCESS:
            raise _status_error(reply)
        try:
            payload = decode_read_data(reply.data, with_fingerprint=self.read_fingerprint)
        except ProtocolError as exc:
            raise _passed_on(exc) from exc
        if self.confirm_reads:
            again = self._command(command)
            if again.sw3 != StatusCode.SUCCESS:
                raise _status_error(again)
            if again.data != reply.data:
                raise CardImplausible("two reads of the card gave different data")
        text = decode_text_block(payload.text)
        extra_address = ""
        extra_problems: list[str] = []
        if self.read_extra_address:
            try:
                extra = self._command(Command.READ_EXTRA_ADDRESS)
                if extra.sw3 == StatusCode.SUCCESS:
                    extra_address, flags = decode_extra_address(extra.data)
                    extra_problems += [f"extra_address_{flag}" for flag in flags]
                elif extra.sw3 != StatusCode.NO_CONTENT:
                    extra_problems.append("extra_address_unread")
            except ReaderError:
                extra_problems.append("extra_address_unread")
        card = card_from_text(
            text,
            payload.photo,
            today=self.today(),
            extra_address=extra_address,
            fingerprint=payload.fingerprint,
            extra_problems=tuple(extra_problems),
        )
        reason = implausible_reason(card)
        if reason:
            raise CardImplausible(reason)
        return card

    # --- the polling loop ----------------------------------------------------------------------

    def request_reread(self) -> None:
        """Report the card on the reader again at the next poll (F2); safe from any thread."""
        self._reread.set()

    def run(
        self,
        stop_event: threading.Event,
        on_card: Callable[[IdCard], None],
        on_status: Callable[[ReaderStatus], None],
    ) -> None:
        """Poll until `stop_event` is set; report cards and status changes through the callbacks.

        Never raises: every failure becomes a status, and the loop goes on.
        """
        self._stop = stop_event
        self._last_status = None
        try:
            while not stop_event.is_set():
                try:
                    if not self.is_open:
                        self._connect(on_status)
                    else:
                        self._poll(on_card, on_status)
                        stop_event.wait(self.poll_interval)
                except _Stopped:
                    break
                except TransportClosed as exc:
                    self.close()
                    self._status(on_status, ReaderState.DISCONNECTED, exc.message_zh, exc.message_en,
                                 "disconnected")
                    stop_event.wait(self.backoff.next_delay())
                except Exception as exc:  # a bug must not silence the reader for the rest of the day
                    log.exception("card reader loop")
                    self.close()
                    self._status(on_status, ReaderState.ERROR, f"读卡器程序错误：{exc}",
                                 f"reader software error: {exc}", "internal")
                    stop_event.wait(self.backoff.next_delay())
        finally:
            self.close()
            self._stop = threading.Event()  # a later read_once must not see this loop's stop
            self._status(on_status, ReaderState.DISCONNECTED, "读卡器已停止", "reader stopped", "stopped")

    def _connect(self, on_status: Callable[[ReaderStatus], None]) -> None:
        last = self._last_status
        if last is None or last.state not in (ReaderState.DISCONNECTED, ReaderState.ERROR):
            # Retries stay quiet: the clerk keeps seeing why the reader is not there.
            self._status(on_status, ReaderState.CONNECTING, f"正在连接读卡器 {self.port}",
                         f"connecting to the reader on {self.port}", "connecting")
        try:
            self.open()
        except ReaderError as exc:
            self.close()
            self._status(on_status, ReaderState.ERROR, exc.message_zh, exc.message_en, exc.code)
            self._stop.wait(self.backoff.next_delay())
            return
        self.backoff.reset()
        # A card reported before a reconnect is not reported again if it is still there (the
        # clerk may be editing the form it filled); it is re-read once to check it is the same.
        self._verify_card = self._card_done
        self._no_card_polls = 0
        self._attempts = 0
        self._waiting(on_status)

    def _waiting(self, on_status: Callable[[ReaderStatus], None]) -> None:
        if self._card_done:
            self._status(on_status, ReaderState.WAITING, "已读取证件，请取走", "card read — take it away",
                         "card_read")
        else:
            self._status(on_status, ReaderState.WAITING, "请放置证件", "place a card on the reader", "ready")

    def _poll(self, on_card: Callable[[IdCard], None], on_status: Callable[[ReaderStatus], None]) -> None:
        try:
            find = self._command(Command.FIND_CARD)
        except ReaderError as exc:
            self._status(on_status, ReaderState.ERROR, exc.message_zh, exc.message_en, exc.code)
            return
        if find.sw3 != StatusCode.CARD_FOUND:
            if find.sw3 != StatusCode.NO_CARD:
                self._status(on_status, ReaderState.ERROR, *find.message(), f"sw3_{find.sw3:02x}")
                return
            self._no_card_polls += 1
            if self._no_card_polls >= self.removal_polls:
                self._card_done = False
                self._verify_card = False
                self._attempts = 0
            if self._card_done or self._no_card_polls >= self.removal_polls or self._attempts == 0:
                self._waiting(on_status)
            return
        self._no_card_polls = 0
        reread = self._reread.is_set()
        verify = self._verify_card and self._card_done and not reread
        if not reread and not verify and (self._card_done or self._attempts >= self.max_read_attempts):
            return
        self._reread.clear()
        self._status(on_status, ReaderState.READING, "正在读卡，请勿移动证件", "reading — keep the card still",
                     "reading")
        self._attempts += 1
        try:
            card = self._select_and_read()
        except ReaderError as exc:
            zh, en = exc.message_zh, exc.message_en
            if self._attempts >= self.max_read_attempts:
                zh, en = f"{zh}；请取下证件后重新放置", f"{en}; take the card away and place it again"
            self._status(on_status, ReaderState.ERROR, zh, en, exc.code)
            return
        self._card_done = True
        self._attempts = 0
        self._verify_card = False
        if verify and card.id_number == self._last_id_number:
            self._waiting(on_status)
            return
        self._last_id_number = card.id_number
        try:
            on_card(card)
        except Exception:  # the receiver's bug must not stop the reader
            log.exception("card callback")
        self._waiting(on_status)

    def _status(
        self, on_status: Callable[[ReaderStatus], None], state: ReaderState, zh: str, en: str, code: str
    ) -> None:
        status = ReaderStatus(state, zh, en, code, self.port, self.baudrate if self.is_open else None)
        if status == self._last_status:
            return
        self._last_status = status
        try:
            on_status(status)
        except Exception:  # the receiver's bug must not stop the reader
            log.exception("status callback")


def _status_error(reply: Reply) -> ReaderError:
    if reply.sw3 == StatusCode.NO_CARD:
        return NoCard()
    return ReaderError.saying(reply.said(), code=f"sw3_{reply.sw3:02x}")
