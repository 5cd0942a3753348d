"""The SAM protocol layer: frames byte-exact from the reference, a fuzzed parser, the text block."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desk.devices.protocol import (
    MAX_LEN,
    PREAMBLE,
    TEXT_BLOCK_SIZE,
    CardType,
    Command,
    Frame,
    FrameError,
    FrameErrorKind,
    FrameParser,
    ProtocolError,
    StatusCode,
    build_command,
    build_frame,
    build_reply,
    decode_read_data,
    decode_reply,
    decode_text_block,
    decode_ucs2,
    encode_read_data,
    encode_text_block,
    status_message,
)

# Whole command frames exactly as the protocol reference lists them.
KNOWN_COMMANDS = {
    Command.RESET: "AA AA AA 96 69 00 03 10 FF EC",
    Command.MODULE_STATUS: "AA AA AA 96 69 00 03 11 FF ED",
    Command.SAM_ID: "AA AA AA 96 69 00 03 12 FF EE",
    Command.FIND_CARD: "AA AA AA 96 69 00 03 20 01 22",
    Command.SELECT_CARD: "AA AA AA 96 69 00 03 20 02 21",
    Command.READ_TEXT_PHOTO: "AA AA AA 96 69 00 03 30 01 32",
    Command.READ_EXTRA_ADDRESS: "AA AA AA 96 69 00 03 30 03 30",
    Command.READ_MANAGEMENT_NUMBER: "AA AA AA 96 69 00 03 30 05 36",
    Command.READ_TEXT_PHOTO_FINGERPRINT: "AA AA AA 96 69 00 03 30 10 23",
}
FIND_OK = "AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97"
NO_CARD = "AA AA AA 96 69 00 04 00 00 80 84"
SELECT_OK = "AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C"
SELECT_FAILED = "AA AA AA 96 69 00 04 00 00 81 85"
READ_FAILED = "AA AA AA 96 69 00 04 00 00 41 45"


@pytest.mark.parametrize(("command", "frame"), KNOWN_COMMANDS.items())
def test_command_frames_are_byte_exact(command: Command, frame: str) -> None:
    assert build_command(command) == bytes.fromhex(frame)


@pytest.mark.parametrize(
    ("sw3", "data", "frame"),
    [
        (0x9F, bytes(4), FIND_OK),
        (0x80, b"", NO_CARD),
        (0x90, bytes(8), SELECT_OK),
        (0x81, b"", SELECT_FAILED),
        (0x41, b"", READ_FAILED),
    ],
)
def test_known_replies_are_byte_exact_and_decode(sw3: int, data: bytes, frame: str) -> None:
    raw = bytes.fromhex(frame)
    assert build_reply(sw3, data) == raw
    events = FrameParser().feed(raw)
    assert len(events) == 1 and isinstance(events[0], Frame)
    reply = decode_reply(events[0])
    assert (reply.sw1, reply.sw2, reply.sw3, reply.data) == (0, 0, sw3, data)


def test_read_reply_is_1295_bytes_with_len_0508() -> None:
    text = encode_text_block(CardType.RESIDENT, {"name": "张伟"})
    frame = build_reply(0x90, encode_read_data(text, bytes(1024)))
    assert len(frame) == 1295
    assert frame[5:7] == b"\x05\x08"
    assert frame[10:14] == b"\x01\x00\x04\x00"
    assert frame[14:270] == text
    payload = decode_read_data(decode_reply(FrameParser().feed(frame)[0]).data)  # type: ignore[arg-type]
    assert payload.text == text and payload.photo == bytes(1024) and payload.fingerprint is None


def test_read_data_with_inconsistent_lengths_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError) as info:
        decode_read_data(b"\x01\x00\x04\x00" + bytes(100))
    assert info.value.message_zh and info.value.message_en
    with pytest.raises(ProtocolError):
        decode_read_data(b"\x01")


def test_every_status_code_has_a_clerk_message_and_unknown_codes_too() -> None:
    for code in StatusCode:
        zh, en = status_message(code)
        assert zh and en
    assert status_message(0x80) == ("读卡器上没有证件", "no card on the reader")
    zh, en = status_message(0x77)
    assert "0x77" in zh and "0x77" in en


def test_parser_handles_split_and_concatenated_frames() -> None:
    stream = bytes.fromhex(FIND_OK + NO_CARD + SELECT_OK)
    parser = FrameParser()
    frames = [e for i in range(len(stream)) for e in parser.feed(stream[i : i + 1]) if isinstance(e, Frame)]
    assert [decode_reply(f).sw3 for f in frames] == [0x9F, 0x80, 0x90]


def test_parser_resyncs_after_garbage_bad_checksum_and_absurd_length() -> None:
    bad_checksum = bytes.fromhex(NO_CARD)[:-1] + b"\x00"
    absurd = PREAMBLE + b"\xff\xff" + b"\x01\x02"
    stream = b"\x01\x02\xaa\xaa" + bad_checksum + absurd + bytes.fromhex(FIND_OK)
    events = FrameParser().feed(stream)
    kinds = {e.kind for e in events if isinstance(e, FrameError)}
    assert {FrameErrorKind.GARBAGE, FrameErrorKind.CHECKSUM, FrameErrorKind.LENGTH} <= kinds
    frames = [e for e in events if isinstance(e, Frame)]
    assert [decode_reply(f).sw3 for f in frames] == [0x9F]


def test_truncated_frame_is_dropped_by_abandon_and_the_next_frame_is_found() -> None:
    parser = FrameParser()
    truncated = build_reply(0x90, bytes(1290))[:600]
    assert parser.feed(truncated) == []
    assert parser.pending == 600
    events = parser.abandon()
    assert any(isinstance(e, FrameError) and e.kind is FrameErrorKind.TRUNCATED for e in events)
    assert parser.pending == 0
    assert [type(e) for e in parser.feed(bytes.fromhex(NO_CARD))] == [Frame]


def test_parser_never_waits_for_more_than_max_len() -> None:
    parser = FrameParser()
    parser.feed(PREAMBLE + (MAX_LEN + 1).to_bytes(2, "big") + bytes(10))
    assert parser.pending < len(PREAMBLE)


frames_strategy = st.lists(
    st.binary(min_size=3, max_size=300).filter(lambda body: PREAMBLE not in body), min_size=1, max_size=5
)


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=3000), cuts=st.lists(st.integers(0, 3000), max_size=10))
def test_fuzz_parser_never_raises_and_stays_bounded(data: bytes, cuts: list[int]) -> None:
    parser = FrameParser()
    points = sorted({0, len(data), *[c % (len(data) + 1) for c in cuts]})
    for start, end in itertools.pairwise(points):
        for event in parser.feed(data[start:end]):
            assert isinstance(event, Frame | FrameError)
        assert parser.pending <= 7 + MAX_LEN
    parser.abandon()
    assert parser.pending == 0


@settings(max_examples=300, deadline=None)
@given(
    garbage=st.lists(st.binary(max_size=200).filter(lambda g: PREAMBLE not in g), min_size=1, max_size=6),
    bodies=frames_strategy,
    chunk=st.integers(1, 512),
)
def test_fuzz_valid_frames_behind_garbage_are_always_found(
    garbage: list[bytes], bodies: list[bytes], chunk: int
) -> None:
    stream = b"".join(g + build_frame(body) for g, body in zip(garbage, bodies, strict=False))
    stream += b"".join(build_frame(body) for body in bodies[len(garbage) :])
    parser = FrameParser()
    found: list[bytes] = []
    for offset in range(0, len(stream), chunk):
        found += [e.body for e in parser.feed(stream[offset : offset + chunk]) if isinstance(e, Frame)]
    found += [e.body for e in parser.abandon() if isinstance(e, Frame)]
    assert found == bodies


@settings(max_examples=200, deadline=None)
@given(bodies=frames_strategy, spoil=st.data())
def test_fuzz_truncated_and_corrupt_frames_never_hide_the_good_ones(bodies: list[bytes], spoil: st.DataObject) -> None:
    parser = FrameParser()
    found: list[bytes] = []
    for body in bodies:
        frame = build_frame(body)
        damage = spoil.draw(st.sampled_from(["none", "truncate", "checksum"]))
        if damage == "truncate":
            # A reply cut off, then the line goes quiet: the driver's timeout calls abandon().
            cut = spoil.draw(st.integers(1, len(frame) - 1))
            found += [e.body for e in parser.feed(frame[:cut]) if isinstance(e, Frame)]
            found += [e.body for e in parser.abandon() if isinstance(e, Frame)]
        elif damage == "checksum":
            events = parser.feed(frame[:-1] + bytes([frame[-1] ^ 0xFF]))
            assert any(isinstance(e, FrameError) and e.kind is FrameErrorKind.CHECKSUM for e in events)
        found += [e.body for e in parser.feed(frame) if isinstance(e, Frame)]
    assert found == bodies


# --- text block ---------------------------------------------------------------------------------

RESIDENT_FIELDS = {
    "name": "张伟",
    "sex_code": "1",
    "nation_code": "01",
    "birth_date": "19850312",
    "address": "辽宁省沈阳市和平区南京北街123号",
    "id_number": "210102198503121239",
    "issuing_authority": "沈阳市公安局和平分局",
    "valid_from": "20150601",
    "valid_to": "20350601",
}


def test_resident_block_layout_is_the_reference_one() -> None:
    block = encode_text_block(CardType.RESIDENT, RESIDENT_FIELDS)
    assert len(block) == TEXT_BLOCK_SIZE
    assert block[0:4] == "张伟".encode("utf-16-le") and block[4:6] == b"\x20\x00"
    assert block[30:32] == "1".encode("utf-16-le")
    assert block[36:52] == "19850312".encode("utf-16-le")
    assert block[122:158] == "210102198503121239".encode("utf-16-le")
    assert block[204:220] == "20350601".encode("utf-16-le")
    assert block[248:250] == b"\x20\x00"
    decoded = decode_text_block(block)
    assert decoded.card_type is CardType.RESIDENT
    assert decoded.fields == RESIDENT_FIELDS
    assert decoded.problems == ()


@pytest.mark.parametrize(
    ("card_type", "fields", "type_bytes"),
    [
        (CardType.HK_MACAO_TAIWAN,
         {"name": "陈嘉欣", "pass_number": "H60123456", "issue_count": "01", "id_number": "810000199203154520"},
         b"J\x00"),
        (CardType.FOREIGN_2017,
         {"english_name": "IVANOV, IVAN", "name": "伊万诺夫", "id_number": "RUS210085031210",
          "nationality": "RUS", "birth_date": "19850312"}, b"I\x00"),
        (CardType.FOREIGN_2023,
         {"name": "安娜", "english_name": "WOLFESCHLEGELSTEINHAUSENBERGER, HUBERT BLAINE",
          "nationality": "DEU", "id_number": "921276199005210027"}, b"Y\x00"),
    ],
)
def test_other_card_types_round_trip(card_type: CardType, fields: dict[str, str], type_bytes: bytes) -> None:
    block = encode_text_block(card_type, fields)
    assert block[248:250] == type_bytes
    decoded = decode_text_block(block)
    assert decoded.card_type is card_type
    for key, value in fields.items():
        assert decoded.get(key) == value


def test_2023_english_name_is_split_across_two_slots() -> None:
    name = "WOLFESCHLEGELSTEINHAUSENBERGER, HUBERT BLAINE"  # 45 characters: 35 + 10
    block = encode_text_block(CardType.FOREIGN_2023, {"english_name": name})
    assert block[52:122].decode("utf-16-le") == name[:35]
    assert block[220:242].decode("utf-16-le").rstrip() == name[35:]


def test_rare_character_outside_the_bmp_is_a_surrogate_pair_and_decodes() -> None:
    block = encode_text_block(CardType.RESIDENT, {**RESIDENT_FIELDS, "name": "王𠮷"})
    assert block[2:6] == b"\x42\xd8\xb7\xdf"  # U+20BB7 as UTF-16LE surrogates
    decoded = decode_text_block(block)
    assert decoded.get("name") == "王𠮷"
    assert decoded.problems == ()


def test_lone_surrogate_and_control_characters_are_flagged_not_fatal() -> None:
    block = bytearray(encode_text_block(CardType.RESIDENT, RESIDENT_FIELDS))
    block[2:4] = b"\x42\xd8"  # high surrogate with no partner
    block[60:62] = b"\x07\x00"  # BEL inside the address
    decoded = decode_text_block(bytes(block))
    assert decoded.get("name") == "张\ufffd"
    assert "name_invalid_chars" in decoded.problems
    assert "address_invalid_chars" in decoded.problems
    decoded.get("name").encode("utf-8")  # safe to print, store and send to Qt


def test_private_use_characters_are_flagged_for_a_register_check() -> None:
    text, problems = decode_ucs2("李\ue000".encode("utf-16-le"))
    assert text == "李\ue000" and problems == ["private_use"]


def test_unknown_type_wrong_length_and_nul_padding_never_crash() -> None:
    block = bytearray(encode_text_block(CardType.RESIDENT, RESIDENT_FIELDS))
    block[248:250] = b"Q\x00"
    assert "card_type_unknown" in decode_text_block(bytes(block)).problems
    short = decode_text_block(bytes(block[:100]))
    assert "text_length" in short.problems
    nul = bytearray(block)
    nul[4:30] = bytes(26)
    assert decode_text_block(bytes(nul)).get("name") == "张伟"


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=0, max_size=300))
def test_fuzz_text_block_decoding_never_raises(block: bytes) -> None:
    decoded = decode_text_block(block)
    for value in decoded.fields.values():
        value.encode("utf-8")  # no lone surrogates escape


def test_encode_rejects_fields_that_do_not_fit_or_do_not_exist() -> None:
    with pytest.raises(ValueError):
        encode_text_block(CardType.RESIDENT, {"name": "名" * 16})
    with pytest.raises(ValueError):
        encode_text_block(CardType.RESIDENT, {"pass_number": "H1"})
