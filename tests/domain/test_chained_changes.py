"""公民信息连锁变更 as data: the shipped rules agree with the shipped catalog, bad rule files are refused
with the file and the key named, and a new ID number follows the changed facts (GB 11643)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desk.domain.chained_changes import (
    ChainRulesError,
    follow_ups_for,
    load_chain_rules,
    new_id_number,
    next_free_id_number,
)
from desk.domain.idnumber import parse_id_number
from desk.paths import resources_dir
from desk.shipped import shipped_catalog

RULES = resources_dir() / "chains" / "identity_changes.toml"
PERSON = "210102195301150038"  # born 1953-01-15, male (order 003)


def test_shipped_rules_agree_with_the_shipped_catalog() -> None:
    rules = load_chain_rules(RULES, shipped_catalog())
    assert set(rules.changes) == {"name_change", "birth_date_correction", "sex_change", "nation_change",
                                  "id_number_correction"}
    birth = rules.for_transaction("birth_date_correction")
    assert birth is not None and birth.new_id_number and birth.field == "correct_birth_date"
    assert [r.key for r in birth.records][:2] == ["id_card", "booklet_page"]
    assert rules.for_transaction("name_change").new_id_number is False  # type: ignore[union-attr]


def test_a_birth_date_change_gives_a_valid_number_with_the_new_date() -> None:
    number = new_id_number(PERSON, birth_date=date(1953, 11, 5))
    info = parse_id_number(number, today=date(2026, 12, 4))
    assert number[:6] == PERSON[:6] and info.birth_date == date(1953, 11, 5) and info.sex == "male"


def test_a_sex_change_flips_the_order_codes_parity() -> None:
    number = new_id_number(PERSON, sex="female")
    info = parse_id_number(number, today=date(2026, 12, 4))
    assert info.sex == "female" and number[6:14] == PERSON[6:14] and number[14:17] == "004"
    assert new_id_number(PERSON, sex="male") == PERSON  # already right: unchanged


def test_next_free_number_skips_numbers_held_by_others_keeping_the_parity() -> None:
    candidate = new_id_number(PERSON, sex="female")  # …004
    taken = {candidate, next_free_id_number(candidate, {candidate})}
    free = next_free_id_number(candidate, taken)
    assert free[14:17] == "008" and parse_id_number(free, today=date(2026, 12, 4)).sex == "female"


def test_follow_ups_name_old_and_new_values() -> None:
    rule = load_chain_rules(RULES).for_transaction("name_change")
    assert rule is not None
    follow = follow_ups_for(rule, {"new_name": "李建华"}, {"name": "李建国", "id_number": PERSON})
    assert (follow.old_value, follow.new_value, follow.new_id_number) == ("李建国", "李建华", None)
    assert any(r.key == "bank" for r in follow.records)


@pytest.mark.parametrize(("text", "named"), [
    ('[[change]]\ntransaction = "name_change"\nfact = "hair"\nfield = "new_name"\nnew_id_number = false\n'
     'records = []\n', "fact 'hair'"),
    ('[[change]]\ntransaction = "nope"\nfact = "name"\nfield = ""\nnew_id_number = false\nrecords = []\n',
     "transaction 'nope' is not in the catalog"),
    ('[[change]]\ntransaction = "name_change"\nfact = "name"\nfield = "no_such_field"\nnew_id_number = false\n'
     'records = []\n', "has no field 'no_such_field'"),
    ('[[change]]\ntransaction = "name_change"\nfact = "name"\nfield = "new_name"\nnew_id_number = false\n'
     'records = ["bank"]\n', "record 'bank' is not defined"),
    ('[[record]]\nkey = "bank"\nname_zh = "银行"\nagency_zh = "银行"\nhow_zh = "去"\ncolour = "red"\n',
     "record[0]: unknown key 'colour'"),
    ("[[change]]\ntransaction = \"x\"\n", "change[0]: missing 'fact'"),
    ("not toml at all [", "无法读取"),
])
def test_bad_rule_files_are_refused_naming_file_and_key(tmp_path: Path, text: str, named: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ChainRulesError) as raised:
        load_chain_rules(path, shipped_catalog())
    assert named in str(raised.value) and "broken.toml" in str(raised.value)
