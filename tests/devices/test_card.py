"""Interpreting a card's text: typed fields, the nation table, and every problem flag."""

from __future__ import annotations

from datetime import date

import pytest

from desk.devices.card import LONG_TERM, card_from_text, describe_problem
from desk.devices.nations import NATIONS, nation_code, nation_full_name, nation_name
from desk.devices.protocol import CardType, decode_text_block, encode_text_block

TODAY = date(2026, 11, 25)
FIELDS = {
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


def read(fields: dict[str, str], card_type: CardType = CardType.RESIDENT, photo: bytes = bytes(1024)):
    return card_from_text(decode_text_block(encode_text_block(card_type, fields)), photo, today=TODAY)


def test_a_good_resident_card_has_typed_fields_and_no_problems() -> None:
    card = read(FIELDS)
    assert card.card_type == "resident"
    assert (card.name, card.sex, card.nation, card.nation_code) == ("张伟", "male", "汉", "01")
    assert card.birth_date == date(1985, 3, 12)
    assert card.valid_from == date(2015, 6, 1) and card.valid_to == date(2035, 6, 1)
    assert card.problems == ()
    data = card.to_json_dict()
    for key in ("name", "sex", "nation", "birth_date", "address", "id_number", "issuing_authority",
                "valid_from", "valid_to", "card_type", "problems"):
        assert key in data
    assert data["birth_date"] == "1985-03-12" and data["valid_to"] == "2035-06-01"
    assert "photo_wlt_base64" in card.to_json_dict(include_photo=True)


def test_long_term_validity() -> None:
    card = read({**FIELDS, "valid_to": LONG_TERM})
    assert card.valid_to is None and card.long_term and card.valid_to_text == "长期"
    assert card.problems == ()
    assert card.to_json_dict()["long_term"] is True


@pytest.mark.parametrize(
    ("change", "flag"),
    [
        ({"id_number": "210102198503121238"}, "id_checksum"),
        ({"id_number": "21010219850312123"}, "id_number_format"),
        ({"birth_date": "19850230"}, "birth_date_invalid"),
        ({"birth_date": "20990101"}, "birth_date_invalid"),
        ({"birth_date": "19850313"}, "id_birth_date_mismatch"),
        ({"sex_code": "2"}, "id_sex_mismatch"),
        ({"sex_code": "7"}, "sex_invalid"),
        ({"nation_code": "77"}, "nation_unknown"),
        ({"valid_to": "20250601"}, "expired"),
        ({"valid_to": "2035年"}, "valid_to_invalid"),
        ({"valid_from": "20270101", "valid_to": "20470101"}, "not_yet_valid"),
        ({"valid_from": "20200101", "valid_to": "20100101"}, "validity_order"),
    ],
)
def test_suspicious_cards_are_flagged(change: dict[str, str], flag: str) -> None:
    card = read({**FIELDS, **change})
    assert flag in card.problems
    zh, en = describe_problem(flag)
    assert zh and en and flag not in zh


def test_a_number_of_the_wrong_kind_is_flagged() -> None:
    # A residence-permit number on a resident card, and a resident number on a permit.
    assert "id_kind_mismatch" in read({**FIELDS, "id_number": "810000198503121232"}).problems
    permit_fields = {key: value for key, value in FIELDS.items() if key != "nation_code"}
    permit = read(permit_fields, CardType.HK_MACAO_TAIWAN)
    assert "id_kind_mismatch" in permit.problems
    assert "id_region_unknown" in read({**FIELDS, "id_number": "000000198503121231"}).problems


def test_photo_of_wrong_size_is_flagged() -> None:
    assert "photo_missing" in read(FIELDS, photo=b"").problems


def test_foreign_2017_number_format_is_checked() -> None:
    fields = {"english_name": "IVANOV, IVAN", "name": "伊万诺夫", "sex_code": "1", "id_number": "RUS210085031210",
              "nationality": "RUS", "birth_date": "19850312", "valid_from": "20180315", "valid_to": "20280315"}
    card = read(fields, CardType.FOREIGN_2017)
    assert card.card_type == "foreign_2017" and card.is_foreign and card.problems == ()
    assert "id_number_format" in read({**fields, "id_number": "RUS21008503"}, CardType.FOREIGN_2017).problems


def test_text_problems_are_described_per_field() -> None:
    zh, en = describe_problem("name_private_use")
    assert zh.startswith("姓名") and "name" in en
    assert describe_problem("something_new")[1] == "card data problem (something_new)"


def test_nation_table_is_complete() -> None:
    assert len(NATIONS) == 58
    assert [f"{i:02d}" for i in range(1, 57)] + ["97", "98"] == list(NATIONS)
    assert nation_name("01") == "汉" and nation_full_name("01") == "汉族"
    assert nation_full_name("97") == "其他" and nation_name("56") == "基诺"
    assert nation_code("满族") == "11" and nation_code("朝鲜") == "10" and nation_code("火星") is None
