"""Identity numbers a police-station front desk sees: check one, and say what it tells.

Four kinds of number:
- resident ID (公民身份号码, GB 11643-1999): 6-digit region of first registration, 8-digit birth
  date, 3-digit order code (odd for men), a MOD 11-2 check character (0-9 or X). Legacy 15-digit
  numbers (GB 11643-1989: 2-digit year, no check character) are upgraded to 18.
- residence permit for Hong Kong, Macao and Taiwan residents (港澳台居民居住证, 2018): the same
  structure with the region fixed to 810000 / 820000 / 830000.
- foreigner's permanent residence ID card, 2023 version (外国人永久居留身份证): 18 digits, `9`,
  2-digit province of the accepting office, 3-digit numeric nationality code (GB/T 2659, as
  ISO 3166-1 numeric), 8-digit birth date, 3-digit order code (odd for men), MOD 11-2 check.
  Source: the National Immigration Administration's machine-readable rules for the 2023 card
  (首位 "9", the letters of the 2017 number turned into a numeric country code, MOD 11-2 as for
  citizens); the field positions as implemented by public validators (e.g. CredentialKit).
- the 2017 version (15 characters): 3-letter nationality (GB/T 2659 alpha-3), 4-digit code of the
  accepting office (province + prefecture), birth date YYMMDD, one order digit (odd for men), one
  check digit computed with the ICAO 9303 7-3-1 weights (letters A=10 … Z=35).

`parse_id_number` raises `InvalidIdNumber` with a stable `code` and a message in Chinese and
English that tells the clerk what to look at. Nothing here imports Qt or a database.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from desk.domain import regions
from desk.domain.errors import DeskError

MALE = "male"
FEMALE = "female"

EARLIEST_BIRTH_DATE = date(1900, 1, 1)

# GB 11643-1999 / ISO 7064 MOD 11-2: the weight of position i (0-based) is 2^(17-i) mod 11.
_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_CHECK_CHARS = "10X98765432"
_DIGITS = frozenset("0123456789")
_ICAO_WEIGHTS = (7, 3, 1)

# 港澳台居民居住证: the region part is fixed per origin (公安部 2018).
PERMIT_REGIONS: dict[str, tuple[str, str]] = {
    "810000": ("香港特别行政区", "Hong Kong SAR"),
    "820000": ("澳门特别行政区", "Macao SAR"),
    "830000": ("台湾地区", "Taiwan"),
}
# Province codes that never start a resident number: 81/82/83 only appear as the permit prefixes.
_PERMIT_PROVINCES = frozenset(code[:2] for code in PERMIT_REGIONS)
# A foreigner's card is accepted by an exit-entry office of a mainland province.
_NOT_MAINLAND_PROVINCES = _PERMIT_PROVINCES | {"71"}

_FOREIGN_2017_SHAPE = re.compile(r"[A-Z]{3}\d{12}")


class IdKind(StrEnum):
    RESIDENT = "resident"
    HK_MACAO_TAIWAN_PERMIT = "hk_macao_taiwan_permit"
    FOREIGN_PERMANENT_2023 = "foreign_permanent_2023"
    FOREIGN_PERMANENT_2017 = "foreign_permanent_2017"

    @property
    def label_zh(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _KIND_LABELS[self][1]


_KIND_LABELS: dict[IdKind, tuple[str, str]] = {
    IdKind.RESIDENT: ("居民身份证", "resident ID card"),
    IdKind.HK_MACAO_TAIWAN_PERMIT: (
        "港澳台居民居住证",
        "residence permit for Hong Kong, Macao and Taiwan residents",
    ),
    IdKind.FOREIGN_PERMANENT_2023: ("外国人永久居留身份证（2023版）", "foreign permanent resident ID card (2023)"),
    IdKind.FOREIGN_PERMANENT_2017: ("外国人永久居留身份证（2017版）", "foreign permanent resident ID card (2017)"),
}


class InvalidIdNumber(DeskError, ValueError):
    """The text is not a valid identity number (a DeskError, so every UI can show it; a ValueError too).

    `code` is stable for programs: empty, characters, length, checksum, region_unknown,
    birth_date_invalid, birth_date_future, birth_date_too_early, nationality.
    `position` is the 1-based character the clerk should look at, when one can be named.
    """

    def __init__(self, code: str, message_key: str, *, position: int | None = None, **params: object) -> None:
        """Says `message_key` (desk.domain.messages, "id.*") with `params` (and `position`, when given)."""
        self._speak(message_key, params if position is None else {**params, "position": position})
        self.code = code
        self.position = position


def mask_id_number(text: str) -> str:
    """Keep the first and last four characters, star the rest: `2101**********123X`.

    Works on any text (also an invalid number) so it is safe for logs and printed lists.
    """
    if len(text) <= 8:
        return "*" * len(text)
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


@dataclass(frozen=True)
class IdNumberInfo:
    """What a valid identity number says. Dates are real dates; `sex` is "male" or "female"."""

    number: str  # normalised: 18 characters with an upper-case X, or the 15-character 2017 foreign number
    kind: IdKind
    birth_date: date
    sex: str
    region_code: str  # 6 digits: place of first registration, or the accepting office's area
    region_name: str  # e.g. 辽宁省沈阳市和平区; only the known part when the code itself is unknown
    region_known: bool = True  # False: the province is right but this county code is in no list we have
    upgraded_from: str | None = None  # the 15-digit number this one was upgraded from
    nationality: str | None = None  # foreigners only: alpha-3 (2017) or numeric (2023) country code

    def masked(self) -> str:
        return mask_id_number(self.number)

    @property
    def kind_label_zh(self) -> str:
        if self.kind is IdKind.HK_MACAO_TAIWAN_PERMIT:
            return "台湾居民居住证" if self.region_code == "830000" else "港澳居民居住证"
        return self.kind.label_zh

    @property
    def kind_label_en(self) -> str:
        if self.kind is IdKind.HK_MACAO_TAIWAN_PERMIT:
            who = "Taiwan" if self.region_code == "830000" else "Hong Kong and Macao"
            return f"residence permit for {who} residents"
        return self.kind.label_en

    def age_on(self, today: date) -> int:
        """Completed years of life on `today`."""
        before_birthday = (today.month, today.day) < (self.birth_date.month, self.birth_date.day)
        return today.year - self.birth_date.year - int(before_birthday)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready facts (ISO date, enum value)."""
        return {
            "number": self.number,
            "kind": self.kind.value,
            "kind_label_zh": self.kind_label_zh,
            "birth_date": self.birth_date.isoformat(),
            "sex": self.sex,
            "region_code": self.region_code,
            "region_name": self.region_name,
            "region_known": self.region_known,
            "upgraded_from": self.upgraded_from,
            "nationality": self.nationality,
            "masked": self.masked(),
        }


def compute_check_char(first17: str) -> str:
    """The MOD 11-2 check character (0-9 or X) for the first 17 digits of an 18-character number."""
    if len(first17) != 17 or not set(first17) <= _DIGITS:
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def compute_foreign_2017_check_digit(first14: str) -> str:
    """The 7-3-1 check digit of a 2017 foreign permanent-residence number (3 letters + 11 digits)."""
    if len(first14) != 14 or not _FOREIGN_2017_SHAPE.fullmatch(first14 + "0"):
        raise ValueError(f"expected 3 letters and 11 digits, got {first14!r}")
    values = [ord(ch) - ord("A") + 10 if ch.isalpha() else int(ch) for ch in first14]
    return str(sum(v * _ICAO_WEIGHTS[i % 3] for i, v in enumerate(values)) % 10)


def upgrade_15_to_18(number15: str) -> str:
    """GB 11643-1999 upgrade of a legacy number: insert the century 19 and append the check character."""
    if len(number15) != 15 or not set(number15) <= _DIGITS:
        raise ValueError(f"expected 15 digits, got {number15!r}")
    body = number15[:6] + "19" + number15[6:]
    return body + compute_check_char(body)


def generate_id_number(region_code: str, birth_date: date, sex: str, sequence: int = 0) -> str:
    """A well-formed 18-character number, for demo data and tests (never a real person's on purpose).

    `sequence` counts the people of that sex born that day in that region (0 …498 for women,
    0 … 499 for men): the order code is 2·sequence+1 for a man and 2·sequence+2 for a woman, so the
    17th digit has the parity GB 11643 gives each sex and the order code is never 000.
    """
    if len(region_code) != 6 or not set(region_code) <= _DIGITS:
        raise ValueError(f"region_code must be 6 digits, got {region_code!r}")
    if sex not in (MALE, FEMALE):
        raise ValueError(f"sex must be {MALE!r} or {FEMALE!r}, got {sex!r}")
    order = 2 * sequence + (1 if sex == MALE else 2)
    if sequence < 0 or order > 999:
        raise ValueError(f"sequence out of range for {sex}: {sequence}")
    if not 1000 <= birth_date.year <= 9999:
        raise ValueError(f"birth year must have four digits, got {birth_date.year}")
    body = f"{region_code}{birth_date:%Y%m%d}{order:03d}"
    return body + compute_check_char(body)


def normalise_id_text(text: str) -> str:
    """Full-width digits and letters to ASCII (NFKC), all whitespace removed, upper case.

    NFKC is safe here because an ID number has only digits and Latin letters (personal names are
    never normalised this way).
    """
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def validate_id_number(text: str, *, today: date | None = None) -> IdNumberInfo | InvalidIdNumber:
    """Like `parse_id_number`, but returns the error instead of raising it."""
    try:
        return parse_id_number(text, today=today)
    except InvalidIdNumber as error:
        return error


def parse_id_number(text: str, *, today: date | None = None) -> IdNumberInfo:
    """Check `text` and return what it says; raise InvalidIdNumber with the reason otherwise.

    `today` bounds the birth date (default: the computer's date).
    """
    today = today or date.today()
    number = normalise_id_text(text)
    if not number:
        raise InvalidIdNumber("empty", "id.empty")
    if _FOREIGN_2017_SHAPE.fullmatch(number):
        return _parse_foreign_2017(number, today)
    _check_characters(number)
    if len(number) == 15:
        if number[:2] in _PERMIT_PROVINCES or number[0] == "9":
            # Permits and foreigners' numbers were never issued with 15 digits.
            _raise_province(number[:2])
        return _parse_18(upgrade_15_to_18(number), today, upgraded_from=number)
    if len(number) != 18:
        raise InvalidIdNumber("length", "id.length_resident", length=len(number))
    expected = compute_check_char(number[:17])
    if number[17] != expected:
        raise InvalidIdNumber("checksum", "id.checksum_18", position=18, expected=expected)
    return _parse_18(number, today, upgraded_from=None)


def _check_characters(number: str) -> None:
    """Only digits, and X only as the 18th character; name the first character that is neither."""
    if number[:3].isascii() and number[:3].isalpha() and set(number[3:]) <= _DIGITS:
        raise InvalidIdNumber("length", "id.length_foreign_2017", length=len(number))
    for index, char in enumerate(number):
        if char in _DIGITS or (char == "X" and index == 17 and len(number) == 18):
            continue
        position = index + 1
        key = "id.x_not_last" if char == "X" else "id.letter_for_digit" if char in ("O", "I", "L") else "id.not_a_digit"
        raise InvalidIdNumber("characters", key, position=position, char=char)


def _raise_province(prefix: str) -> None:
    raise InvalidIdNumber("region_unknown", "id.province_unknown", position=1, prefix=prefix)


def _birth_date(digits: str, today: date, position: int) -> date:
    """A real calendar date, not before 1900 and not after today."""
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise InvalidIdNumber("birth_date_invalid", "id.birth_date_invalid", position=position, year=digits[:4],
                              month=digits[4:6], day=digits[6:8], first=position, last=position + 7) from None
    written = {"year": f"{born.year:04d}", "month": f"{born.month:02d}", "day": f"{born.day:02d}", "first": position}
    if born > today:
        raise InvalidIdNumber("birth_date_future", "id.birth_date_future", position=position, **written,
                              last=position + 7)
    if born < EARLIEST_BIRTH_DATE:
        raise InvalidIdNumber("birth_date_too_early", "id.birth_date_too_early", position=position, **written,
                              last=position + 3)
    return born


def _sex(order_digit: str) -> str:
    return MALE if int(order_digit) % 2 else FEMALE


def _parse_18(number: str, today: date, *, upgraded_from: str | None) -> IdNumberInfo:
    """An 18-character number whose check character is right: decide the kind, check region and date."""
    if number[0] == "9":
        return _parse_foreign_2023(number, today)
    region_code = number[:6]
    permit = PERMIT_REGIONS.get(region_code)
    if permit is not None:
        return IdNumberInfo(
            number=number,
            kind=IdKind.HK_MACAO_TAIWAN_PERMIT,
            birth_date=_birth_date(number[6:14], today, 7),
            sex=_sex(number[16]),
            region_code=region_code,
            region_name=permit[0],
        )
    province = number[:2]
    if province in _PERMIT_PROVINCES:
        raise InvalidIdNumber("region_unknown", "id.permit_only", position=1, province=province)
    if province not in regions.province_codes():
        _raise_province(province)
    # The county part is checked against the code lists but an unknown one is not an error: a
    # number keeps the code of the place of first registration for life, codes have been retired
    # and reused since 1980 (and a few were used on cards outside the standard), and no list we
    # can ship is complete. Rejecting a genuine card at the window is worse than a warning, so
    # the number is accepted with region_known=False and the clerk sees the province part.
    region_known = regions.is_known_region(region_code)
    region_name = regions.region_name(region_code) or ""
    return IdNumberInfo(
        number=number,
        kind=IdKind.RESIDENT,
        birth_date=_birth_date(number[6:14], today, 7),
        sex=_sex(number[16]),
        region_code=region_code,
        region_name=region_name,
        region_known=region_known,
        upgraded_from=upgraded_from,
    )


def _accepting_province(province: str, position: int) -> str:
    if province in _NOT_MAINLAND_PROVINCES or province not in regions.province_codes():
        raise InvalidIdNumber("region_unknown", "id.accepting_province", position=position, province=province,
                              first=position, last=position + 1)
    return province + "0000"


def _parse_foreign_2023(number: str, today: date) -> IdNumberInfo:
    region_code = _accepting_province(number[1:3], 2)
    nationality = number[3:6]
    if nationality == "000":
        raise InvalidIdNumber("nationality", "id.nationality", position=4)
    return IdNumberInfo(
        number=number,
        kind=IdKind.FOREIGN_PERMANENT_2023,
        birth_date=_birth_date(number[6:14], today, 7),
        sex=_sex(number[16]),
        region_code=region_code,
        region_name=regions.region_name(region_code) or "",
        nationality=nationality,
    )


def _parse_foreign_2017(number: str, today: date) -> IdNumberInfo:
    expected = compute_foreign_2017_check_digit(number[:14])
    if number[14] != expected:
        raise InvalidIdNumber("checksum", "id.checksum_15", position=15, expected=expected)
    region_code = _accepting_province(number[3:5], 4)
    office_code = number[3:7] + "00"
    # The year has two digits: take the latest century that does not put the birthday after today.
    # A holder over a hundred would be read a century too young; the card prints the full date.
    yymmdd = number[7:13]
    century = "20" if f"20{yymmdd}" <= f"{today:%Y%m%d}" else "19"
    born = _birth_date(century + yymmdd, today, 8)
    known = regions.is_known_region(office_code)
    return IdNumberInfo(
        number=number,
        kind=IdKind.FOREIGN_PERMANENT_2017,
        birth_date=born,
        sex=_sex(number[13]),
        region_code=office_code if known else region_code,
        region_name=regions.region_name(office_code if known else region_code) or "",
        region_known=known,
        nationality=number[:3],
    )
