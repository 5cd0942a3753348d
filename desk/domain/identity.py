"""The one check of a person's identity facts before they are stored (card read, typed form, kiosk).

Every way a citizen reaches the register passes through `check_person` (called by
`desk.services.citizens`); the database's CHECK constraints (migration 0006) stand behind it.

Names keep their exact code points: nothing here Unicode-normalises a name (NFC/NFKC change some
CJK code points). Allowed in a name are Han characters of every CJK block — Extensions A to I
included (Python 3.11's `unicodedata` only knows Unicode 14, so Extensions H and I are matched by
range, not by category) — compatibility ideographs, private-use code points (police systems
encode rare characters there; the card read flags them for the clerk), the middle dots of
minority names, and Latin letters with space, hyphen, apostrophe and full stop for foreigners.
Control, format (bidi, zero-width) and surrogate characters, non-characters and U+FFFD are refused
in every text field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk.domain.errors import DeskError, InvalidInput
from desk.domain.idnumber import InvalidIdNumber, parse_id_number
from desk.domain.messages import Term

NAME_MAX = 60
ADDRESS_MAX = 200
AUTHORITY_MAX = 60
NATION_MAX = 20
PHONE_MAX = 32
EARLIEST_BIRTH = date(1890, 1, 1)
SEXES = frozenset({"", "male", "female", "unknown", "unspecified"})
CARD_TYPES = frozenset({"resident", "hk_macao_taiwan", "foreign_2017", "foreign_2023", "typed"})

# Han ideographs, by block (start, end inclusive).
_HAN_RANGES = (
    (0x3400, 0x4DBF),  # Extension A
    (0x4E00, 0x9FFF),  # URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2B73F),  # Extension C
    (0x2B740, 0x2B81F),  # Extension D
    (0x2B820, 0x2CEAF),  # Extension E
    (0x2CEB0, 0x2EBEF),  # Extension F
    (0x2EBF0, 0x2EE5F),  # Extension I (Unicode 15.1, GB 18030-2022 register characters)
    (0x2F800, 0x2FA1F),  # compatibility supplement
    (0x30000, 0x3134F),  # Extension G
    (0x31350, 0x323AF),  # Extension H
    (0x3007, 0x3007),  # 〇
)
_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))
_NAME_MARKS = frozenset("·・•．.-' ")  # middle dots of minority names; Latin names' punctuation


class InvalidIdentity(InvalidInput):
    """A person's facts cannot be stored as given; the message names the field and what is wrong.
    Bad input like any other (the city server answers it 422, not as a server fault)."""

    code = "identity_invalid"
    field: str = ""

    @classmethod
    def about(cls, field: str, key: str, *, code: str, **params: object) -> InvalidIdentity:
        """The error that says message `key` about `field`."""
        error = cls.say(key, code=code, **params)
        error.field = field
        return error


class CardImplausible(DeskError):
    """A card's text block passed the reader's XOR check but cannot be a real card (or changed between reads)."""

    code = "card_implausible"


@dataclass(frozen=True)
class PersonFacts:
    """The checked facts, ready to store (the ID number normalised; text exactly as given, trimmed)."""

    id_number: str
    name: str
    sex: str
    nation: str
    birth_date: date | None
    address: str
    issuing_authority: str
    valid_from: date | None
    valid_to: date | None
    card_type: str
    phone: str


def _in(code: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(start <= code <= end for start, end in ranges)


def is_han(char: str) -> bool:
    return _in(ord(char), _HAN_RANGES)


def bad_character(text: str) -> str | None:
    """The first character no stored text may hold (control, format/bidi, surrogate, U+FFFD, non-character)."""
    for char in text:
        code = ord(char)
        if (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF or code == 0xFFFD
                or 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE):
            return char
        # Format characters: soft hyphen, Arabic/Syriac marks, zero-width and bidi controls, BOM, tags.
        if (code in (0x00AD, 0x061C, 0x070F, 0x180E, 0xFEFF) or 0x200B <= code <= 0x200F
                or 0x202A <= code <= 0x202E or 0x2060 <= code <= 0x206F or 0xFFF9 <= code <= 0xFFFB
                or 0xE0000 <= code <= 0xE007F):
            return char
    return None


def _name_char_ok(char: str) -> bool:
    code = ord(char)
    return (is_han(char) or _in(code, _PRIVATE_USE) or char in _NAME_MARKS
            or ("A" <= char <= "Z") or ("a" <= char <= "z"))


def _describe(char: str) -> str:
    return f"U+{ord(char):04X}"


def check_text(value: str, *, field: str, label: str, max_length: int, required: bool = False) -> str:
    """Trimmed `value` if it is storable text of at most `max_length` characters; InvalidIdentity otherwise.
    `label` is the field's word in the messages' table ("word.person.address"), said in either language."""
    if not isinstance(value, str):
        raise InvalidIdentity.about(field, "identity.not_text", code="identity_invalid", label=Term(label))
    bad = bad_character(value)
    if bad is not None:
        raise InvalidIdentity.about(field, "identity.control_character", code="identity_control_character",
                                    label=Term(label), character=_describe(bad))
    value = value.strip(" \u3000")
    if required and not value:
        raise InvalidIdentity.about(field, "identity.missing", code="identity_missing", label=Term(label))
    if len(value) > max_length:
        raise InvalidIdentity.about(field, "identity.too_long", code="identity_too_long", label=Term(label),
                                    length=len(value), most=max_length)
    return value


def check_name(value: str, *, field: str = "name", label: str = "word.person.name", required: bool = True) -> str:
    """A person's name: Han characters (any extension), minority-name dots, Latin letters for foreigners."""
    name = check_text(value, field=field, label=label, max_length=NAME_MAX, required=required)
    for char in name:
        if not _name_char_ok(char):
            raise InvalidIdentity.about(field, "identity.name_character", code="identity_name_character",
                                        label=Term(label), character=char, code_point=_describe(char))
    if name and all(char in _NAME_MARKS for char in name):
        raise InvalidIdentity.about(field, "identity.punctuation_only", code="identity_name_character",
                                    label=Term(label))
    return name


def check_date(value: date | None, *, field: str, label: str, today: date,
               not_after_today: bool = False) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise InvalidIdentity.about(field, "identity.not_a_date", code="identity_date", label=Term(label))
    if value < EARLIEST_BIRTH or value.year > today.year + 100 or (not_after_today and value > today):
        raise InvalidIdentity.about(field, "identity.impossible_date", code="identity_date", label=Term(label),
                                    date=value.isoformat())
    return value


def check_person(*, id_number: str, name: str, today: date, sex: str = "", nation: str = "",
                 birth_date: date | None = None, address: str = "", issuing_authority: str = "",
                 valid_from: date | None = None, valid_to: date | None = None, card_type: str = "resident",
                 phone: str = "") -> PersonFacts:
    """Check every fact of a person before it is stored; raise InvalidIdentity naming the first bad one."""
    if not isinstance(id_number, str) or bad_character(id_number) is not None or len(id_number) > 40:
        raise InvalidIdentity.about("id_number", "identity.id_number_illegal", code="identity_id_number")
    try:
        info = parse_id_number(id_number, today=today)
    except InvalidIdNumber as exc:
        # The number's own problem, said as the ID-number check says it (its key and parameters).
        raise InvalidIdentity.about("id_number", exc.message_key or "identity.id_number_illegal",
                                    code="identity_id_number", **exc.params) from exc
    checked_name = check_name(name)
    if sex not in SEXES:
        raise InvalidIdentity.about("sex", "identity.bad_sex", code="identity_sex", sex=sex[:20])
    if sex in ("male", "female") and info.sex != sex:
        raise InvalidIdentity.about("sex", "identity.sex_mismatch", code="identity_sex")
    birth = check_date(birth_date, field="birth_date", label="word.person.birth_date", today=today,
                       not_after_today=True)
    if birth is not None and birth != info.birth_date:
        raise InvalidIdentity.about("birth_date", "identity.birth_date_mismatch", code="identity_date")
    start = check_date(valid_from, field="valid_from", label="word.person.valid_from", today=today,
                       not_after_today=True)
    end = check_date(valid_to, field="valid_to", label="word.person.valid_to", today=today)
    if start is not None and end is not None and end < start:
        raise InvalidIdentity.about("valid_to", "identity.validity_order", code="identity_date")
    if card_type not in CARD_TYPES:
        raise InvalidIdentity.about("card_type", "identity.bad_card_type", code="identity_card_type",
                                    card_type=str(card_type)[:20])
    checked_phone = check_text(phone, field="phone", label="word.person.phone", max_length=PHONE_MAX)
    if checked_phone and not all(c.isascii() and (c.isdigit() or c in "+- ()") for c in checked_phone):
        raise InvalidIdentity.about("phone", "identity.phone_characters", code="identity_phone")
    return PersonFacts(
        id_number=info.number,
        name=checked_name,
        sex=sex,
        nation=check_text(nation, field="nation", label="word.person.nation", max_length=NATION_MAX),
        birth_date=birth,
        address=check_text(address, field="address", label="word.person.address", max_length=ADDRESS_MAX),
        issuing_authority=check_text(issuing_authority, field="issuing_authority",
                                     label="word.person.issuing_authority", max_length=AUTHORITY_MAX),
        valid_from=start,
        valid_to=end,
        card_type=card_type,
        phone=checked_phone,
    )

