"""The 256-byte text block of the ID cards: field layouts per card type, decoding and encoding.

The block is UTF-16 little endian padded with spaces; the character at bytes 248-249 tells the
card type. Decoding never raises: invalid code units become U+FFFD plus a problem flag. Rare
characters outside the BMP arrive as surrogate pairs and decode to the real character; a lone
surrogate is flagged, and private-use code points (how police systems carry characters Unicode
lacks) are flagged for a check against the register.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

TEXT_BLOCK_SIZE = 256
EXTRA_ADDRESS_SIZE = 70


class CardType(enum.Enum):
    """The card kinds sharing the reader; the value is the type character at bytes 248-249."""

    RESIDENT = " "
    HK_MACAO_TAIWAN = "J"
    FOREIGN_2017 = "I"
    FOREIGN_2023 = "Y"

    @property
    def key(self) -> str:
        return _CARD_TYPE_KEYS[self]

    @classmethod
    def from_key(cls, key: str) -> CardType:
        for card_type, name in _CARD_TYPE_KEYS.items():
            if name == key:
                return card_type
        raise ValueError(f"unknown card type {key!r}")


_CARD_TYPE_KEYS = {
    CardType.RESIDENT: "resident",
    CardType.HK_MACAO_TAIWAN: "hk_macao_taiwan",
    CardType.FOREIGN_2017: "foreign_2017",
    CardType.FOREIGN_2023: "foreign_2023",
}

# (field, first byte, end byte) per card type; fields absent from a layout are reserved bytes.
_COMMON_HEAD = (
    ("name", 0, 30),
    ("sex_code", 30, 32),
    ("nation_code", 32, 36),
    ("birth_date", 36, 52),
    ("address", 52, 122),
    ("id_number", 122, 158),
    ("issuing_authority", 158, 188),
    ("valid_from", 188, 204),
    ("valid_to", 204, 220),
)
LAYOUTS: dict[CardType, tuple[tuple[str, int, int], ...]] = {
    CardType.RESIDENT: _COMMON_HEAD,
    CardType.HK_MACAO_TAIWAN: (
        *(f for f in _COMMON_HEAD if f[0] != "nation_code"),
        ("pass_number", 220, 238),
        ("issue_count", 238, 242),
    ),
    CardType.FOREIGN_2017: (
        ("english_name", 0, 120),
        ("sex_code", 120, 122),
        ("id_number", 122, 152),
        ("nationality", 152, 158),
        ("name", 158, 188),
        ("valid_from", 188, 204),
        ("valid_to", 204, 220),
        ("birth_date", 220, 236),
        ("card_version", 236, 240),
        ("issuing_authority", 240, 248),
    ),
    CardType.FOREIGN_2023: (
        ("name", 0, 30),
        ("sex_code", 30, 32),
        ("issue_count", 32, 36),
        ("birth_date", 36, 52),
        ("english_name_1", 52, 122),
        ("id_number", 122, 158),
        ("valid_from", 188, 204),
        ("valid_to", 204, 220),
        ("english_name_2", 220, 242),
        ("nationality", 242, 248),
        ("previous_number_link", 250, 256),
    ),
}
_TYPE_SLICE = slice(248, 250)
# The 2023 card splits the English name; the halves are joined unstripped so no space is lost.
_SPLIT_FIELDS = {"english_name": ("english_name_1", "english_name_2")}
_STRIP = " \x00"


@dataclass(frozen=True)
class CardText:
    """The text block's fields as stripped strings, before any interpretation.

    `problems` holds flags such as "name_invalid_chars" (a lone surrogate or a control character
    was replaced by U+FFFD), "name_private_use" (a private-use code point, which police systems
    use for rare characters — check the name against the register), "card_type_unknown".
    """

    card_type: CardType
    fields: dict[str, str]
    problems: tuple[str, ...] = ()

    def get(self, key: str) -> str:
        return self.fields.get(key, "")


def decode_ucs2(raw: bytes) -> tuple[str, list[str]]:
    """Decode UTF-16LE (UCS-2 plus surrogate pairs for rare characters); never raises.

    Returns the stripped text and the problems found: "invalid_chars" when a lone surrogate, a
    control character or a non-character had to be replaced by U+FFFD, "private_use" when the
    text holds private-use code points.
    """
    problems: list[str] = []
    if len(raw) % 2:
        raw = raw[:-1]
        problems.append("invalid_chars")
    text = raw.decode("utf-16-le", errors="surrogatepass").strip(_STRIP)
    cleaned: list[str] = []
    for char in text:
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF or (code < 0x20 and char != "\x00") or code in (0xFFFE, 0xFFFF):
            cleaned.append("\ufffd")
            if "invalid_chars" not in problems:
                problems.append("invalid_chars")
        elif char == "\x00":
            # NUL padding inside a field: not text, and it would cut strings in C-based consumers.
            if "invalid_chars" not in problems:
                problems.append("invalid_chars")
        else:
            if (0xE000 <= code <= 0xF8FF or code >= 0xF0000) and "private_use" not in problems:
                problems.append("private_use")
            cleaned.append(char)
    return "".join(cleaned), problems


def decode_text_block(block: bytes) -> CardText:
    """Split a 256-byte text block into fields for whatever card type it declares; never raises."""
    problems: list[str] = []
    if len(block) != TEXT_BLOCK_SIZE:
        problems.append("text_length")
        block = (block + b"\x20\x00" * TEXT_BLOCK_SIZE)[:TEXT_BLOCK_SIZE]
    type_char = block[_TYPE_SLICE].decode("utf-16-le", errors="replace")
    try:
        card_type = CardType(" " if type_char == "\x00" else type_char)
    except ValueError:
        card_type = CardType.RESIDENT
        problems.append("card_type_unknown")
    fields: dict[str, str] = {}
    raw_parts: dict[str, bytes] = {}
    for key, start, end in LAYOUTS[card_type]:
        raw_parts[key] = block[start:end]
    for joined, parts in _SPLIT_FIELDS.items():
        if all(part in raw_parts for part in parts):
            raw_parts[joined] = b"".join(raw_parts.pop(part) for part in parts)
    for key, raw in raw_parts.items():
        text, field_problems = decode_ucs2(raw)
        fields[key] = text
        problems.extend(f"{key}_{problem}" for problem in field_problems)
    return CardText(card_type, fields, tuple(problems))


def _encode_field(text: str, size: int) -> bytes:
    raw = text.encode("utf-16-le", errors="surrogatepass")
    if len(raw) > size:
        raise ValueError(f"{text!r} does not fit in {size // 2} UCS-2 code units")
    return raw + b"\x20\x00" * ((size - len(raw)) // 2)


def encode_text_block(card_type: CardType, fields: dict[str, str]) -> bytes:
    """Build the 256-byte block the card would hold (space-padded UTF-16LE); for the simulator.

    Raises ValueError for an unknown field or a value too long for its slot.
    """
    layout = LAYOUTS[card_type]
    known = {key for key, _, _ in layout}
    values = dict(fields)
    for joined, parts in _SPLIT_FIELDS.items():
        if parts[0] in known and joined in values:
            text = values.pop(joined)
            first_size = next(end - start for key, start, end in layout if key == parts[0]) // 2
            values[parts[0]], values[parts[1]] = text[:first_size], text[first_size:]
    unknown = set(values) - known
    if unknown:
        raise ValueError(f"fields not on a {card_type.key} card: {sorted(unknown)}")
    block = bytearray(b"\x20\x00" * (TEXT_BLOCK_SIZE // 2))
    for key, start, end in layout:
        block[start:end] = _encode_field(values.get(key, ""), end - start)
    block[_TYPE_SLICE] = card_type.value.encode("utf-16-le")
    return bytes(block)


def decode_extra_address(data: bytes) -> tuple[str, list[str]]:
    """The 70-byte extra ("new") address block of reply 30 03."""
    return decode_ucs2(data[:EXTRA_ADDRESS_SIZE])


def encode_extra_address(text: str) -> bytes:
    return _encode_field(text, EXTRA_ADDRESS_SIZE)
