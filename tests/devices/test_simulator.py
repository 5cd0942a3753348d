"""The simulator answers raw frames byte-exactly (a plain pyserial client), loads card files, and the
photo decoder plug-in point works."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial

from desk.devices.photo import PhotoDecoderError, decode_photo, load_photo_decoder
from desk.devices.protocol import Command, build_command
from desk.devices.simulator import ReaderSimulator, SimCard, load_cards


@pytest.fixture
def client() -> Iterator[tuple[ReaderSimulator, serial.Serial]]:
    with ReaderSimulator(load_cards()) as sim:
        port = serial.Serial(sim.port, 115200, timeout=1)
        try:
            yield sim, port
        finally:
            port.close()


def exchange(port: serial.Serial, request: bytes, expected_length: int) -> bytes:
    port.write(request)
    return port.read(expected_length)


# (request, reply) transcripts as the protocol reference gives them.
TRANSCRIPT_NO_CARD = [
    ("AA AA AA 96 69 00 03 11 FF ED", "AA AA AA 96 69 00 04 00 00 90 94"),
    ("AA AA AA 96 69 00 03 20 01 22", "AA AA AA 96 69 00 04 00 00 80 84"),
    ("AA AA AA 96 69 00 03 20 02 21", "AA AA AA 96 69 00 04 00 00 81 85"),
    ("AA AA AA 96 69 00 03 30 01 32", "AA AA AA 96 69 00 04 00 00 41 45"),
]
TRANSCRIPT_CARD = [
    ("AA AA AA 96 69 00 03 20 01 22", "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"),
    ("AA AA AA 96 69 00 03 20 02 21", "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"),
]


def test_replies_are_byte_exact(client: tuple[ReaderSimulator, serial.Serial]) -> None:
    sim, port = client
    for request, reply in TRANSCRIPT_NO_CARD:
        expected = bytes.fromhex(reply)
        assert exchange(port, bytes.fromhex(request), len(expected)) == expected
    sim.place(0)
    for request, reply in TRANSCRIPT_CARD:
        expected = bytes.fromhex(reply)
        assert exchange(port, bytes.fromhex(request), len(expected)) == expected
    read = exchange(port, build_command(Command.READ_TEXT_PHOTO), 1295)
    assert len(read) == 1295 and read[5:10] == b"\x05\x08\x00\x00\x90"
    assert read[14:270] == sim.card(0).text_block()
    assert read[270:1294] == sim.card(0).photo


def test_bad_commands_get_the_modules_error_codes(client: tuple[ReaderSimulator, serial.Serial]) -> None:
    _sim, port = client
    # Unknown command -> 21; wrong checksum -> 10.
    assert exchange(port, bytes.fromhex("AA AA AA 96 69 00 03 99 99 03"), 11)[9] == 0x21
    assert exchange(port, bytes.fromhex("AA AA AA 96 69 00 03 20 01 23"), 11)[9] == 0x10


def test_unplug_removes_the_link_and_replug_restores_it(client: tuple[ReaderSimulator, serial.Serial]) -> None:
    sim, port = client
    sim.unplug(duration=None)
    deadline = time.monotonic() + 5
    while sim.plugged.is_set():
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert not Path(sim.port).exists()
    with pytest.raises(serial.SerialException):
        port.read(1)
    sim.replug()
    assert sim.plugged.wait(5)
    again = serial.Serial(sim.port, 115200, timeout=1)
    try:
        assert exchange(again, build_command(Command.MODULE_STATUS), 11)[9] == 0x90
    finally:
        again.close()


def test_cards_load_from_json_and_bad_cards_are_named(tmp_path: Path) -> None:
    path = tmp_path / "cards.json"
    path.write_text(json.dumps([{"label": "a", "name": "甲", "nation": "汉", "sex": "female"}]), encoding="utf-8")
    (card,) = load_cards(path)
    assert isinstance(card, SimCard) and card.fields["nation_code"] == "01" and card.fields["sex_code"] == "2"
    with pytest.raises(ValueError, match="'b'"):
        SimCard.from_mapping({"label": "b", "nation": "火星"})
    with pytest.raises(ValueError, match="'c'"):
        SimCard.from_mapping({"label": "c", "card_type": "passport"})
    with pytest.raises(ValueError, match="no cards"):
        (tmp_path / "empty.toml").write_text("", encoding="utf-8")
        load_cards(tmp_path / "empty.toml")


def test_demo_cards_cover_every_card_type() -> None:
    types = {card.card_type.key for card in load_cards()}
    assert types == {"resident", "hk_macao_taiwan", "foreign_2017", "foreign_2023"}


def fake_decoder(wlt: bytes) -> bytes:
    return b"BM" + wlt[:10]


def broken_decoder(wlt: bytes) -> bytes:
    raise OSError("licence expired")


def test_photo_decoder_plug_in() -> None:
    decoder = load_photo_decoder(f"{__name__}:fake_decoder")
    assert decode_photo(bytes(range(20)), decoder) == b"BM" + bytes(range(10))
    assert decode_photo(bytes(20), None) is None
    assert decode_photo(bytes(20), broken_decoder) is None
    for spec in ("nocolon", "no_such_module_xyz:f", f"{__name__}:missing"):
        with pytest.raises(PhotoDecoderError) as info:
            load_photo_decoder(spec)
        assert info.value.message_zh and info.value.message_en
