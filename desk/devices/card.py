"""What a card read yields: the `IdCard` record, interpreted from the raw text block.

`card_from_text` turns the decoded fields (`protocol.CardText`) into typed values — dates, the
ethnic group's name, sex — and checks them; the number is checked by the domain's ID-number
rules (`desk.domain.idnumber`), which know every card's numbering scheme.

Nothing a card says is trusted: a bad ID-number check character, an impossible date, an expired
card or undecodable text becomes a flag in `IdCard.problems` that the clerk sees, never a silent
acceptance and never an exception.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any

from desk.devices.nations import nation_name
from desk.devices.protocol import PHOTO_SIZE, CardText, CardType
from desk.domain.idnumber import IdKind, InvalidIdNumber, parse_id_number

LONG_TERM = "长期"

SEX_BY_CODE = {"1": "male", "2": "female", "0": "unknown", "9": "unspecified"}
SEX_LABELS = {"male": ("男", "male"), "female": ("女", "female"), "unknown": ("未知", "unknown"),
              "unspecified": ("未说明", "unspecified"), "invalid": ("无效", "invalid")}



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


_KIND_BY_CARD = {
    CardType.RESIDENT: IdKind.RESIDENT,
    CardType.HK_MACAO_TAIWAN: IdKind.HK_MACAO_TAIWAN_PERMIT,
    CardType.FOREIGN_2017: IdKind.FOREIGN_PERMANENT_2017,
    CardType.FOREIGN_2023: IdKind.FOREIGN_PERMANENT_2023,
}
# InvalidIdNumber.code -> the card's problem flag.
_ID_ERROR_FLAGS = {
    "checksum": "id_checksum",
    "empty": "id_number_format",
    "length": "id_number_format",
    "characters": "id_number_format",
    "region_unknown": "id_region_unknown",
    "birth_date_invalid": "id_birth_date_invalid",
    "birth_date_future": "id_birth_date_invalid",
    "birth_date_too_early": "id_birth_date_invalid",
    "nationality": "id_nationality_unknown",
}


def id_number_problems(
    id_number: str, *, card_type: CardType, birth_date: date | None, sex: str, today: date
) -> list[str]:
    """Flags for the card's number, checked by the domain's ID-number rules (GB 11643 & co.).

    A number that is valid on its own must also be the right kind for the card and agree with
    the birth date and sex printed beside it.
    """
    try:
        info = parse_id_number(id_number, today=today)
    except InvalidIdNumber as error:
        return [_ID_ERROR_FLAGS.get(error.code, f"id_{error.code}")]
    problems: list[str] = []
    if info.upgraded_from is not None or info.kind is not _KIND_BY_CARD[card_type]:
        problems.append("id_kind_mismatch")
    if birth_date is not None and info.birth_date != birth_date:
        problems.append("id_birth_date_mismatch")
    if sex in ("male", "female") and info.sex != sex:
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
    problems.extend(
        id_number_problems(id_number, card_type=text.card_type, birth_date=birth, sex=sex, today=today)
    )

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
    "id_region_unknown": ("证件号码的地区代码不存在", "the ID number's region code does not exist"),
    "id_nationality_unknown": ("证件号码的国籍代码无法识别", "the ID number's nationality code is unknown"),
    "id_kind_mismatch": ("证件号码与证件类型不符", "the ID number does not fit this kind of card"),
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
