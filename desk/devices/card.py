"""What a card read yields: the `IdCard` record, interpreted from the raw text block.

`card_from_text` turns the decoded fields (`protocol.CardText`) into typed values — dates, the
ethnic group's name, sex — and checks them. Nothing a card says is trusted: a bad ID-number
check character, an impossible date, an expired card or undecodable text becomes a flag in
`IdCard.problems` that the clerk sees, never a silent acceptance and never an exception.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.devices.nations import nation_name
from desk.devices.protocol import PHOTO_SIZE, CardText, CardType

LONG_TERM = "长期"

SEX_BY_CODE = {"1": "male", "2": "female", "0": "unknown", "9": "unspecified"}
SEX_LABELS = {"male": ("男", "male"), "female": ("女", "female"), "unknown": ("未知", "unknown"),
              "unspecified": ("未说明", "unspecified"), "invalid": ("无效", "invalid")}

_ID18 = re.compile(r"^\d{17}[\dX]$")
_FOREIGN15 = re.compile(r"^[A-Z]{3}\d{12}$")
# GB 11643-1999 MOD 11-2: weight of position i is 2^(17-i) mod 11.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECK_CHARS = "10X98765432"


@dataclass(frozen=True)
class IdCard:
    """One card as read. Text is as printed; dates are None when absent or unparseable.

    `valid_to` None with `valid_to_text == "长期"` means no expiry; `problems` lists flags
    (see `PROBLEM_MESSAGES`) the clerk must see before relying on the card.
    """

    card_type: str
    name: str
    sex: str
    sex_code: str
    nation: str
    nation_code: str
    birth_date: date | None
    address: str
    id_number: str
    issuing_authority: str
    valid_from: date | None
    valid_to: date | None
    valid_to_text: str
    photo_wlt: bytes
    birth_date_text: str = ""
    valid_from_text: str = ""
    extra_address: str = ""
    english_name: str = ""
    nationality: str = ""
    pass_number: str = ""
    issue_count: str = ""
    card_version: str = ""
    fingerprint: bytes | None = None
    problems: tuple[str, ...] = ()

    @property
    def long_term(self) -> bool:
        return self.valid_to_text == LONG_TERM

    @property
    def is_foreign(self) -> bool:
        return self.card_type in ("foreign_2017", "foreign_2023")

    @property
    def sex_label(self) -> tuple[str, str]:
        return SEX_LABELS.get(self.sex, SEX_LABELS["invalid"])

    def problem_messages(self) -> list[tuple[str, str]]:
        return [describe_problem(flag) for flag in self.problems]

    def to_json_dict(self, *, include_photo: bool = False) -> dict[str, Any]:
        """Plain JSON-ready data; dates as ISO strings (None when absent), 长期 as long_term."""
        data: dict[str, Any] = {
            "card_type": self.card_type,
            "name": self.name,
            "sex": self.sex,
            "sex_code": self.sex_code,
            "nation": self.nation,
            "nation_code": self.nation_code,
            "birth_date": _iso(self.birth_date),
            "birth_date_text": self.birth_date_text,
            "address": self.address,
            "extra_address": self.extra_address,
            "id_number": self.id_number,
            "issuing_authority": self.issuing_authority,
            "valid_from": _iso(self.valid_from),
            "valid_to": _iso(self.valid_to),
            "valid_to_text": self.valid_to_text,
            "long_term": self.long_term,
            "english_name": self.english_name,
            "nationality": self.nationality,
            "pass_number": self.pass_number,
            "issue_count": self.issue_count,
            "problems": list(self.problems),
        }
        if include_photo:
            data["photo_wlt_base64"] = base64.b64encode(self.photo_wlt).decode("ascii")
        return data


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def parse_card_date(text: str) -> date | None:
    """YYYYMMDD -> date, or None when the text is not a real date."""
    if len(text) != 8 or not text.isascii() or not text.isdigit():
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def id_check_character(first17: str) -> str:
    """The MOD 11-2 check character for 17 digits."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def id_number_problems(id_number: str, *, birth_date: date | None, sex: str) -> list[str]:
    """Flags for an 18-character number (resident, residence permit, 2023 foreigner card).

    The domain's ID-number module is the authority when present; this is the same GB 11643
    arithmetic so the device layer flags a forged or damaged number on its own.
    """
    if not _ID18.match(id_number):
        return ["id_number_format"]
    problems: list[str] = []
    if id_check_character(id_number[:17]) != id_number[17]:
        problems.append("id_checksum")
    embedded = parse_card_date(id_number[6:14])
    if embedded is None:
        problems.append("id_birth_date_invalid")
    elif birth_date is not None and embedded != birth_date:
        problems.append("id_birth_date_mismatch")
    if sex in ("male", "female"):
        odd = int(id_number[16]) % 2 == 1
        if odd != (sex == "male"):
            problems.append("id_sex_mismatch")
    return problems


def card_from_text(
    text: CardText,
    photo: bytes,
    *,
    today: date,
    extra_address: str = "",
    fingerprint: bytes | None = None,
    extra_problems: tuple[str, ...] = (),
) -> IdCard:
    """Interpret decoded fields as an `IdCard`, flagging everything suspicious; never raises."""
    problems: list[str] = list(text.problems)
    get = text.get

    sex_code = get("sex_code")
    sex = SEX_BY_CODE.get(sex_code, "invalid")
    if sex == "invalid":
        problems.append("sex_invalid")

    nation_code = get("nation_code") if text.card_type is CardType.RESIDENT else ""
    nation = ""
    if text.card_type is CardType.RESIDENT:
        nation = nation_name(nation_code) or ""
        if not nation:
            problems.append("nation_unknown")

    birth_text = get("birth_date")
    birth = parse_card_date(birth_text)
    if birth is None or birth > today:
        problems.append("birth_date_invalid")
        birth = None

    from_text = get("valid_from")
    valid_from = parse_card_date(from_text)
    if valid_from is None:
        problems.append("valid_from_invalid")
    to_text = get("valid_to")
    valid_to: date | None = None
    if to_text != LONG_TERM:
        valid_to = parse_card_date(to_text)
        if valid_to is None:
            problems.append("valid_to_invalid")
    if valid_from and valid_to and valid_to < valid_from:
        problems.append("validity_order")
    if valid_to is not None and valid_to < today:
        problems.append("expired")
    if valid_from is not None and valid_from > today:
        problems.append("not_yet_valid")

    id_number = get("id_number").upper()
    if text.card_type is CardType.FOREIGN_2017:
        if not _FOREIGN15.match(id_number):
            problems.append("id_number_format")
    else:
        problems.extend(id_number_problems(id_number, birth_date=birth, sex=sex))

    if len(photo) != PHOTO_SIZE:
        problems.append("photo_missing")
    problems.extend(extra_problems)

    return IdCard(
        card_type=text.card_type.key,
        name=get("name"),
        sex=sex,
        sex_code=sex_code,
        nation=nation,
        nation_code=nation_code,
        birth_date=birth,
        birth_date_text=birth_text,
        address=get("address"),
        id_number=id_number,
        issuing_authority=get("issuing_authority"),
        valid_from=valid_from,
        valid_from_text=from_text,
        valid_to=valid_to,
        valid_to_text=to_text,
        photo_wlt=bytes(photo),
        extra_address=extra_address,
        english_name=get("english_name"),
        nationality=get("nationality"),
        pass_number=get("pass_number"),
        issue_count=get("issue_count"),
        card_version=get("card_version"),
        fingerprint=fingerprint,
        problems=tuple(dict.fromkeys(problems)),
    )


PROBLEM_MESSAGES: dict[str, tuple[str, str]] = {
    "id_number_format": ("证件号码格式不正确", "the ID number is malformed"),
    "id_checksum": ("证件号码校验位错误，证件可能损坏或伪造，请人工核查",
                    "the ID number's check character is wrong — the card may be damaged or forged"),
    "id_birth_date_invalid": ("证件号码中的出生日期无效", "the birth date inside the ID number is invalid"),
    "id_birth_date_mismatch": ("证件号码与出生日期不一致", "the ID number does not match the birth date"),
    "id_sex_mismatch": ("证件号码与性别不一致", "the ID number does not match the sex"),
    "birth_date_invalid": ("出生日期无效", "the birth date is invalid"),
    "valid_from_invalid": ("有效期起始日期无效", "the validity start date is invalid"),
    "valid_to_invalid": ("有效期截止日期无效", "the validity end date is invalid"),
    "validity_order": ("有效期截止早于起始", "the validity ends before it starts"),
    "expired": ("证件已过有效期", "the card has expired"),
    "not_yet_valid": ("证件尚未生效", "the card is not valid yet"),
    "sex_invalid": ("性别代码无效", "the sex code is invalid"),
    "nation_unknown": ("民族代码无法识别", "the ethnic-group code is not recognised"),
    "photo_missing": ("证件照片数据不完整", "the photo data is incomplete"),
    "text_length": ("证件文字信息长度异常", "the card's text block has the wrong length"),
    "card_type_unknown": ("无法识别的证件类型，按居民身份证解读",
                          "unknown card type, read as a resident ID card"),
    "extra_address_unread": ("未能读取追加住址", "the extra address could not be read"),
}
_FIELD_LABELS = {
    "name": ("姓名", "name"), "address": ("住址", "address"), "english_name": ("英文姓名", "English name"),
    "issuing_authority": ("签发机关", "issuing authority"), "id_number": ("证件号码", "ID number"),
}


def describe_problem(flag: str) -> tuple[str, str]:
    """The (zh, en) message for a problem flag, including per-field text flags."""
    if flag in PROBLEM_MESSAGES:
        return PROBLEM_MESSAGES[flag]
    for suffix, (zh, en) in {
        "_invalid_chars": ("含无法识别的字符", "holds characters that could not be decoded"),
        "_private_use": ("含生僻字（私有编码），请与户籍信息核对",
                         "holds a rare character in a private encoding — check against the register"),
    }.items():
        if flag.endswith(suffix):
            key = flag[: -len(suffix)]
            label_zh, label_en = _FIELD_LABELS.get(key, (key, key))
            return f"{label_zh}{zh}", f"the {label_en} {en}"
    return f"证件数据异常（{flag}）", f"card data problem ({flag})"
