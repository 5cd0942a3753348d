"""Fuzz (hypothesis, bounded): random and mutated reader frames through the real driver and decoder,
random identity facts and form values through the services. Only the application's own errors may
come out; never a raw exception, never a hang."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from datetime import date

import pytest
from desk_fixtures import CATALOG, OLD_MAN, START, Desk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.devices.card import card_from_text
from desk.devices.protocol import (
    Command,
    FrameParser,
    ProtocolError,
    StatusCode,
    build_reply,
    decode_read_data,
    decode_reply,
    decode_text_block,
    encode_read_data,
)
from desk.devices.reader import CardReaderDriver, ReaderError, Timeouts, implausible_reason
from desk.devices.simulator import load_cards
from desk.domain.catalog import Catalog
from desk.domain.catalog_loader import load_catalog
from desk.domain.errors import DeskError
from desk.domain.identity import check_person
from desk.services.citizens import CardFacts
from desk.shipped import shipped_catalog


@pytest.fixture(scope="module")
def sqlite_desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    from desk.core import Core
    from desk.domain.clock import FixedClock
    from desk.domain.workdays import WorkingCalendar
    from desk.domain.workflow import Actor, Role
    from desk.settings import Settings
    from desk.store.database import Store

    clock = FixedClock(START)
    url = f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'desk.sqlite3'}"
    core = Core(Store(url), load_catalog(CATALOG), WorkingCalendar(), clock, Settings(station_code="HP01"))
    core.users.ensure_station("HP01", "太原街派出所", "和平分局")
    clerk = Actor(core.users.create_user("clerk", "张丽", Role.CLERK, "HP01", "secret-pass"), Role.CLERK, "张丽")
    core.citizens.register_card(clerk, CardFacts(OLD_MAN, "李建国", "male", "汉", date(1953, 1, 15)))
    yield Desk(core, clock, clerk, clerk, clerk, clerk, clerk)
    core.store.dispose()


FUZZ = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow],
                derandomize=True)
TODAY = date(2026, 11, 25)
CARDS = load_cards()


def _good_read_reply(index: int) -> bytes:
    card = CARDS[index % len(CARDS)]
    return build_reply(StatusCode.SUCCESS, encode_read_data(card.text_block(), card.photo))


@st.composite
def mutated_frames(draw: st.DrawFn) -> bytes:
    frame = bytearray(_good_read_reply(draw(st.integers(0, 50))))
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["flip", "set", "cut", "insert"]))
        if not frame:
            break
        at = draw(st.integers(0, len(frame) - 1))
        if kind == "flip":
            frame[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            frame[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del frame[at:]
        else:
            frame[at:at] = draw(st.binary(max_size=16))
    return bytes(frame)


class ScriptedTransport:
    """Answers each command with the next scripted byte string (then silence), like a pty would."""

    def __init__(self, replies: list[bytes]) -> None:
        self.replies = deque(replies)
        self.pending = b""
        self._open = False

    @property
    def is_open(self) -> bool:
        return self._open

    def open(self) -> None:
        self._open = True

    def close(self) -> None:
        self._open = False

    def write(self, data: bytes) -> None:
        self.pending = self.replies.popleft() if self.replies else b""

    def read(self, timeout: float) -> bytes:
        data, self.pending = self.pending, b""
        return data

    def discard_input(self) -> None:
        self.pending = b""


def _pipeline(data: bytes) -> None:
    """What the driver does with bytes from the line, step by step; only ProtocolError may come out."""
    parser = FrameParser()
    for event in parser.feed(data):
        if not hasattr(event, "body"):
            continue
        try:
            reply = decode_reply(event)  # type: ignore[arg-type]
            payload = decode_read_data(reply.data)
        except ProtocolError:
            continue
        text = decode_text_block(payload.text)
        card = card_from_text(text, payload.photo, today=TODAY)
        implausible_reason(card)


@FUZZ
@given(st.binary(max_size=2048))
def test_random_bytes_through_the_decoder(data: bytes) -> None:
    _pipeline(data)


@FUZZ
@given(mutated_frames())
def test_mutated_frames_through_the_decoder(data: bytes) -> None:
    _pipeline(data)


@FUZZ
@given(st.lists(mutated_frames(), min_size=1, max_size=6), st.booleans())
def test_mutated_frames_through_the_driver(replies: list[bytes], random_order: bool) -> None:
    """The real driver over a scripted line: module status, SAM id, find, select, then spoilt reads."""
    head = [build_reply(StatusCode.SUCCESS), build_reply(StatusCode.SUCCESS, bytes(16)),
            build_reply(StatusCode.CARD_FOUND, bytes(4)), build_reply(StatusCode.SUCCESS, bytes(8))]
    transport = ScriptedTransport(head + (replies[::-1] if random_order else replies))
    driver = CardReaderDriver("fuzz", probe=False, read_extra_address=False, today=lambda: TODAY,
                              timeouts=Timeouts(find=0.01, select=0.01, status=0.01, sam_id=0.01, read=0.01,
                                                extra_address=0.01, read_fingerprint=0.01),
                              transport_factory=lambda port, rate: transport)  # type: ignore[arg-type,return-value]
    try:
        card = driver.read_once()
    except ReaderError:
        return  # refused with the application's own message: fine
    assert implausible_reason(card) == ""  # a card that came out looks like a real one
    assert card.name and "\ufffd" not in card.name


def test_the_scripted_driver_reads_an_unspoilt_card() -> None:
    """The harness itself works: with good replies the driver reads the card (and its confirming read)."""
    head = [build_reply(StatusCode.SUCCESS), build_reply(StatusCode.SUCCESS, bytes(16)),
            build_reply(StatusCode.CARD_FOUND, bytes(4)), build_reply(StatusCode.SUCCESS, bytes(8))]
    transport = ScriptedTransport([*head, _good_read_reply(0), _good_read_reply(0)])
    driver = CardReaderDriver("fuzz", probe=False, read_extra_address=False, today=lambda: TODAY,
                              transport_factory=lambda port, rate: transport)  # type: ignore[arg-type,return-value]
    assert driver.read_once().name == CARDS[0].fields["name"]
    assert Command.READ_TEXT_PHOTO  # the command the script answered


_TEXT = st.text(st.characters(codec="utf-8"), max_size=80) | st.sampled_from(
    ["张伟", "王𠮷", "阿依古丽·买买提", "张\u202e伟", "\x00", "", " ", "张" * 61, "\ufffd"])


@FUZZ
@given(id_number=st.text(max_size=30) | st.sampled_from(["210102198503121239", "21010219850312123X"]),
       name=_TEXT, sex=st.sampled_from(["", "male", "female", "x"]), address=_TEXT, phone=_TEXT,
       birth=st.none() | st.dates(), valid_from=st.none() | st.dates(), valid_to=st.none() | st.dates())
def test_random_identity_facts_give_facts_or_a_desk_error(id_number: str, name: str, sex: str, address: str,
                                                          phone: str, birth: date | None, valid_from: date | None,
                                                          valid_to: date | None) -> None:
    try:
        facts = check_person(id_number=id_number, name=name, today=TODAY, sex=sex, address=address, phone=phone,
                             birth_date=birth, valid_from=valid_from, valid_to=valid_to)
    except DeskError as exc:
        assert exc.message_zh and exc.message_en and exc.code
        return
    assert len(facts.id_number) in (15, 18) and 1 <= len(facts.name) <= 60


_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return shipped_catalog()


@FUZZ
@given(data=st.data())
def test_random_form_values_give_problems_not_exceptions(catalog: Catalog, data: st.DataObject) -> None:
    transaction = data.draw(st.sampled_from(list(catalog.values())))
    keys = [spec.key for spec in transaction.fields]
    values = data.draw(st.dictionaries(st.sampled_from(keys) if keys else st.text(max_size=4), _VALUE, max_size=8))
    problems = transaction.validate_values(values, today=TODAY)
    for problem in problems:
        assert problem.message_zh and problem.message_en
    transaction.required_materials(values, today=TODAY)


SERVICE_FUZZ = settings(max_examples=40, deadline=20000, derandomize=True,
                        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@SERVICE_FUZZ
@given(name=_TEXT, address=_TEXT, values=st.dictionaries(st.text(max_size=8), _VALUE, max_size=5))
def test_random_input_through_the_services(sqlite_desk: Desk, name: str, address: str,
                                           values: dict[str, object]) -> None:
    """The real services on SQLite: a citizen from random facts, a draft from random form values."""
    citizens = sqlite_desk.core.citizens
    try:
        citizens.register_card(sqlite_desk.clerk, CardFacts(OLD_MAN, name, address=address), source="typed")
    except DeskError as exc:
        assert exc.message_zh and exc.message_en
    try:
        sqlite_desk.core.cases.open_draft(sqlite_desk.clerk, OLD_MAN, "spot_item", values)
    except DeskError as exc:
        assert exc.message_zh and exc.message_en
    assert citizens.view(sqlite_desk.clerk, OLD_MAN).name  # the stored record is still whole
