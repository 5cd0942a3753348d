"""The applicant's card facts as the catalog's conditions see them, and the few ID-number facts they need.

Conditions ask `applicant.age`, `.sex`, `.nation`, `.region`, and the same of a related person
filled in a `person` field. Those facts come from the 18-digit citizen ID number (GB 11643-1999):
digits 1-6 the region of first registration, 7-14 the birth date, 17 odd for a man, 18 a
MOD 11-2 check character. This module holds just enough of that to stay self-contained; the full
ID-number module (`desk.domain.idnumber`) is the place for everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MALE = "male"
FEMALE = "female"

_ID_SHAPE = re.compile(r"^\d{17}[\dX]$")
# GB 11643-1999: weight of position i is 2^(17-i) mod 11; the check character indexes this table.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"


def normalise_id_text(text: str) -> str:
    """Strip blanks and upper-case a trailing 'x', the two ways a typed ID number usually differs."""
    return text.strip().upper()


def id_checksum_ok(text: str) -> bool:
    """True when `text` has the 18-character shape and its MOD 11-2 check character is right."""
    text = normalise_id_text(text)
    if not _ID_SHAPE.match(text):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11] == text[17]


def birth_date_from_id(text: str) -> date | None:
    """The birth date in digits 7-14, or None when the text is not shaped like an ID or the date is not real."""
    text = normalise_id_text(text)
    if not _ID_SHAPE.match(text):
        return None
    try:
        return date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        return None


def sex_from_id(text: str) -> str | None:
    """'male' when digit 17 is odd, 'female' when even; None when the text is not shaped like an ID."""
    text = normalise_id_text(text)
    if not _ID_SHAPE.match(text):
        return None
    return MALE if int(text[16]) % 2 else FEMALE


def whole_years(birth: date, today: date) -> int:
    """Completed years of life on `today` (negative if `birth` lies in the future)."""
    before_birthday = (today.month, today.day) < (birth.month, birth.day)
    return today.year - birth.year - int(before_birthday)


@dataclass(frozen=True)
class ApplicantFacts:
    """What the desk knows about the applicant from their card; any fact may be unknown (None)."""

    birth_date: date | None = None
    sex: str | None = None  # "male" / "female"
    nation: str | None = None  # as printed on the card, e.g. "汉"
    region: str | None = None  # 6-digit administrative code, the ID number's first digits

    def age_on(self, today: date) -> int | None:
        """Whole years on `today`, or None when the birth date is unknown."""
        if self.birth_date is None:
            return None
        return whole_years(self.birth_date, today)

    @classmethod
    def from_id_number(cls, id_number: str, nation: str | None = None) -> ApplicantFacts:
        """Facts derived from an ID number alone (the nation is not in it, so it is passed along)."""
        text = normalise_id_text(id_number)
        region = text[:6] if _ID_SHAPE.match(text) else None
        return cls(birth_date=birth_date_from_id(text), sex=sex_from_id(text), nation=nation, region=region)


UNKNOWN_APPLICANT = ApplicantFacts()
