"""Catalog v2 at load: tiers, roles, sources, movers and rule bases are checked, every error naming
the file and the key; tiers resolve first-match, with the base tier when none holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desk.domain.applicant import ApplicantFacts
from desk.domain.catalog import BASE_TIER, Approval, PowerType
from desk.domain.catalog_loader import read_transaction_file
from desk.shipped import shipped_catalog

BASE = """\
code = "item"
name_zh = "测试事项"
name_en = "Test item"
category = "settle"
time_limit_days = 0
approval = "clerk"
description_zh = "测试。"
description_en = "Test."
conditions_zh = "无。"
legal_basis_zh = "《中华人民共和国户口登记条例》第七条"
source = "测试"
{top}
[[fields]]
key = "area"
type = "enum"
label_zh = "地区"
label_en = "Area"
options = [
  {{ value = "urban", label_zh = "城镇", label_en = "Urban" }},
  {{ value = "rural", label_zh = "农村", label_en = "Rural" }},
]

[[fields]]
key = "child"
type = "person"
label_zh = "子女"
label_en = "Child"

[[materials]]
key = "booklet"
name_zh = "户口簿"
name_en = "Booklet"
form = "original"
why_zh = "核对。"
why_en = "Check."
{tail}
"""

TIER = """
[[tiers]]
key = "{key}"
when = '{when}'
approval = "{approval}"
time_limit_days = {days}
label_zh = "说明"
label_en = "why"
"""


def _read(tmp_path: Path, top: str = "", tail: str = ""):
    file = tmp_path / "item.toml"
    file.write_text(BASE.format(top=top, tail=tail), encoding="utf-8")
    return read_transaction_file(file)


def test_tiers_resolve_first_match_then_base(tmp_path: Path) -> None:
    item, issues = _read(tmp_path, tail=TIER.format(key="rural", when='area == "rural"', approval="branch", days=5)
                         + TIER.format(key="teen", when="child.age >= 14", approval="city", days=10))
    assert issues == [] and item is not None
    assert item.resolve_tier({"area": "rural"}).key == "rural"
    assert item.resolve_tier({"area": "urban"}).key == BASE_TIER
    teen = item.resolve_tier({"area": "urban", "child": {"name": "甲", "id_number": "110101201001010019"}},
                             today=date(2026, 3, 2))
    assert (teen.key, teen.approval, teen.time_limit_days) == ("teen", Approval.CITY, 10)
    pending = item.resolve_tier({})
    assert pending.key == BASE_TIER and pending.pending  # unfilled: the base tier, provisionally


@pytest.mark.parametrize("tail, path, words", [
    (TIER.format(key="x", when='area == "rual"', approval="branch", days=5), "tiers[0].when", "rual"),
    (TIER.format(key="x", when='area == "rural"', approval="county", days=5), "tiers[0].approval", "county"),
    (TIER.format(key="x", when='area == "rural"', approval="branch", days=0), "tiers[0].time_limit_days", "approval"),
    (TIER.format(key="x", when='area == "rural"', approval="clerk", days=3), "tiers[0].time_limit_days", "clerk"),
    (TIER.format(key="base", when='area == "rural"', approval="branch", days=5), "tiers[0].key", "base"),
    ('\n[[rules]]\nkey = "r"\nrequire = "true"\nreason_zh = "否"\nreason_en = "No"\n', "rules[0].basis_zh",
     "missing"),
    ('\n[[rules]]\nkey = "r"\nrequire = "true"\nreason_zh = "否"\nreason_en = "No"\nbasis_zh = "第七条"\n',
     "rules[0].basis_zh", "law"),
    ('\n[[sources]]\ntitle_zh = "指南"\nissuer_zh = "沈阳市公安局"\naddress = "x"\ndate = "2025/01"\n',
     "sources[0].date", "YYYY"),
    ('\n[[sources]]\ntitle_zh = "指南"\naddress = "x"\n', "sources[0].issuer_zh", "missing"),
])
def test_bad_v2_entries_are_named_by_file_and_key(tmp_path: Path, tail: str, path: str, words: str) -> None:
    item, issues = _read(tmp_path, tail=tail)
    assert item is None
    assert any(issue.path == path and issue.file == "item.toml" and words in issue.message for issue in issues), \
        [str(i) for i in issues]


@pytest.mark.parametrize("top, path", [
    ('movers = ["area"]\n', "movers[0]"),
    ('[roles]\nguardian = "area"\n', "roles.guardian"),
    ('[roles]\nsubject = "nobody"\n', "roles.subject"),
    ('power_type = "permit"\n', "power_type"),
])
def test_roles_movers_and_power_type_name_real_fields(tmp_path: Path, top: str, path: str) -> None:
    item, issues = _read(tmp_path, top=top if not top.startswith("[roles]") else "",
                         tail=top if top.startswith("[roles]") else "")
    assert item is None and [issue.path for issue in issues] == [path]


def test_roles_name_the_persons_of_a_case(tmp_path: Path) -> None:
    item, issues = _read(tmp_path, tail='\n[roles]\nsubject = "child"\n')
    assert issues == [] and item is not None
    roles = item.roles({"child": {"name": "赵小明", "id_number": "110101201001010019"}})
    assert roles.subject is not None and roles.subject.name == "赵小明" and roles.guardian is None
    assert roles.labelled_zh() == [("当事人", "赵小明")]


def test_the_shipped_catalog_states_power_types_and_bases() -> None:
    catalog = shipped_catalog()
    assert catalog["birth_registration"].power_type is PowerType.CONFIRMATION
    assert catalog["move_in_permit"].power_type is PowerType.LICENSING  # retired, still found by its code
    assert catalog["birth_abroad_registration"].power_type is PowerType.CONFIRMATION
    assert all("《" in rule.basis_zh for t in catalog.values() for rule in t.rules)
    assert sum(t.delegated for t in catalog.values()) == 34  # and the two retired into the grounds' items
    assert all(t.sources for t in catalog.values() if t.tiers)
    names = catalog["name_change"]
    minor = ApplicantFacts(birth_date=date(2012, 1, 1), sex="female")
    assert names.resolve_tier({}, minor, date(2026, 3, 2)).key == "minor"


# ---- 国（境）外出生登记 ------------------------------------------------------------------------------


ABROAD = {"child_name": "王小溪", "child_birth_date": "2025-11-02", "birth_place": "加拿大多伦多",
          "birth_document": "foreign_certificate", "entry_document": "travel_document",
          "parent_settled_abroad": False, "foreign_nationality_at_birth": True, "parents_married": True}


def test_a_child_born_abroad_is_registered_when_chinese_by_article_five() -> None:
    item = shipped_catalog()["birth_abroad_registration"]
    result = item.check_eligibility(ABROAD, today=date(2026, 3, 2))
    assert result.eligible, [r.reason_zh for r in result.failed + result.pending]
    tier = item.resolve_tier(ABROAD, today=date(2026, 3, 2))
    assert (tier.approval, tier.time_limit_days) == (Approval.BRANCH, 7)
    needed = {m.key for m in item.required_materials(ABROAD)}
    assert {"foreign_birth_certificate", "certificate_translation", "parents_id_cards", "household_booklet",
            "child_travel_document", "declaration", "marriage_certificate"} <= needed
    assert "medical_birth_certificate" not in needed
    assert item.roles(ABROAD).subject is not None and item.roles(ABROAD).subject.name == "王小溪"


def test_a_parent_settled_abroad_and_a_foreign_nationality_at_birth_mean_no_chinese_nationality() -> None:
    item = shipped_catalog()["birth_abroad_registration"]
    settled = {**ABROAD, "parent_settled_abroad": True}
    [rule] = item.check_eligibility(settled, today=date(2026, 3, 2)).failed
    assert rule.key == "chinese_nationality" and rule.basis_zh == "《中华人民共和国国籍法》第五条"
    # Settled abroad, but the child got no foreign nationality at birth: Chinese.
    assert item.check_eligibility({**settled, "foreign_nationality_at_birth": False}, today=date(2026, 3, 2)).eligible
    foreign_passport = {**ABROAD, "entry_document": "foreign_passport"}
    assert [r.key for r in item.check_eligibility(foreign_passport, today=date(2026, 3, 2)).failed] == [
        "entered_as_chinese"]
