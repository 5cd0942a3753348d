"""The catalog loader's checks, and what a transaction decides about one application."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.applicant import ApplicantFacts, id_checksum_ok
from desk.domain.catalog import (
    Approval,
    Catalog,
    CatalogError,
    CatalogIssue,
    Category,
    FieldSpec,
    FieldType,
    IssuedDocument,
    MaterialForm,
    MaterialVerify,
    Transaction,
)
from desk.domain.catalog_loader import load_catalog
from desk.domain.errors import InvalidInput
from desk.shipped import shipped_catalog

TODAY = date(2025, 6, 15)
def _valid_id(body: str) -> str:
    return next(body + c for c in "0123456789X" if id_checksum_ok(body + c))


MOTHER_ID = _valid_id("11010519900307002")  # born 1990-03-07, female
FATHER_ID = _valid_id("11010519880101001")  # born 1988-01-01, male

HEADER = """\
code = "{code}"
name_zh = "出生登记"
name_en = "Birth registration"
category = "settle"
time_limit_days = 0
approval = "clerk"
kiosk_startable = true
description_zh = "为新生儿办理出生户口登记。"
description_en = "Registers a newborn child in a household."
conditions_zh = "婴儿出生后一个月内申报。"
legal_basis_zh = "《中华人民共和国户口登记条例》第七条"
issues_document = "booklet"
hands_over_zh = "居民户口簿（已登记新生儿户口页）"
source = "测试用办事指南"
"""

BODY = """
[[fields]]
key = "child_name"
type = "text"
label_zh = "新生儿姓名"
label_en = "Child's name"
required = true
max_length = 4

[[fields]]
key = "child_birth_date"
type = "date"
label_zh = "出生日期"
label_en = "Date of birth"
required = true

[[fields]]
key = "parents_married"
type = "bool"
label_zh = "父母已登记结婚"
label_en = "Parents are married"
required = true

[[fields]]
key = "married_on"
type = "date"
label_zh = "结婚日期"
label_en = "Date of marriage"
required = true
when = "parents_married == true"

[[fields]]
key = "settle_with"
type = "enum"
label_zh = "随父或随母落户"
label_en = "Registered with"
required = true
options = [
  { value = "father", label_zh = "随父", label_en = "Father" },
  { value = "mother", label_zh = "随母", label_en = "Mother" },
]

[[fields]]
key = "mother"
type = "person"
label_zh = "母亲"
label_en = "Mother"

[[fields]]
key = "phone"
type = "phone"
label_zh = "联系电话"
label_en = "Phone"

[[fields]]
key = "children"
type = "number"
label_zh = "子女数"
label_en = "Children"
min = 0
max = 20

[[fields]]
key = "child_id"
type = "id_number"
label_zh = "身份证号码"
label_en = "ID number"

[[materials]]
key = "birth_medical_certificate"
name_zh = "出生医学证明"
name_en = "Medical birth certificate"
form = "original"
why_zh = "证明出生。"
why_en = "Proves the birth."

[[materials]]
key = "marriage_certificate"
name_zh = "父母结婚证"
name_en = "Parents' marriage certificate"
form = "original_and_copy"
copies = 2
when = "parents_married == true"
why_zh = "确认父母婚姻关系。"
why_en = "Confirms the parents' marriage."

[[materials]]
key = "paternity_report"
name_zh = "亲子鉴定证明"
name_en = "Paternity report"
form = "original"
when = "parents_married == false and settle_with == \\"father\\""
why_zh = "证明父子关系。"
why_en = "Proves paternity."

[[rules]]
key = "born_not_in_future"
require = "days_since(\\"child_birth_date\\") >= 0"
reason_zh = "出生日期不能晚于今天。"
reason_en = "The date of birth cannot be in the future."
basis_zh = "《中华人民共和国户口登记条例》第七条"

[[rules]]
key = "married_before_birth"
require = "parents_married == false or married_on <= child_birth_date"
reason_zh = "结婚日期应早于出生日期。"
reason_en = "The marriage must precede the birth."
basis_zh = "《中华人民共和国户口登记条例》第七条"

[[rules]]
key = "mother_adult"
require = "mother.age >= 18"
reason_zh = "母亲应已成年。"
reason_en = "The mother must be an adult."
basis_zh = "《中华人民共和国户口登记条例》第七条"
"""


def write(folder: Path, code: str, text: str | None = None, header: str = HEADER, body: str = BODY) -> Path:
    path = folder / f"{code}.toml"
    path.write_text(text if text is not None else header.format(code=code) + body, encoding="utf-8")
    return path


def errors_of(folder: Path) -> list[CatalogIssue]:
    with pytest.raises(CatalogError) as caught:
        load_catalog(folder)
    assert caught.value.errors
    return caught.value.errors


def only_error(folder: Path) -> CatalogIssue:
    errors = errors_of(folder)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


@pytest.fixture
def birth(tmp_path: Path) -> Transaction:
    write(tmp_path, "birth")
    return load_catalog(tmp_path)["birth"]


GOOD = {
    "child_name": "王小明",
    "child_birth_date": "2025-06-01",
    "parents_married": True,
    "married_on": "2020-05-01",
    "settle_with": "mother",
    "mother": {"name": "李华", "id_number": MOTHER_ID, "relationship": "母亲"},
}


# ---- loading ------------------------------------------------------------------------------------------


def test_a_good_file_loads_into_the_model(birth: Transaction) -> None:
    assert birth.code == "birth" and birth.name_zh == "出生登记"
    assert birth.category is Category.SETTLE and birth.approval is Approval.CLERK
    assert birth.issues_document is IssuedDocument.BOOKLET
    assert birth.fee_yuan == Decimal(0) and birth.kiosk_startable
    assert [f.key for f in birth.fields][:3] == ["child_name", "child_birth_date", "parents_married"]
    assert birth.field("settle_with") is not None and birth.field("settle_with").type is FieldType.ENUM
    marriage = birth.material("marriage_certificate")
    assert marriage is not None and marriage.form is MaterialForm.ORIGINAL_AND_COPY and marriage.copies == 2
    assert marriage.when is not None and marriage.when.source == "parents_married == true"
    assert [r.key for r in birth.rules] == ["born_not_in_future", "married_before_birth", "mother_adult"]


def test_catalog_is_an_ordered_mapping_grouped_by_category(tmp_path: Path) -> None:
    write(tmp_path, "zeta")
    write(tmp_path, "alpha", header=HEADER.replace('category = "settle"', 'category = "document"'))
    write(tmp_path, "mid")
    catalog = load_catalog(tmp_path)
    assert isinstance(catalog, Catalog) and len(catalog) == 3
    assert list(catalog) == ["alpha", "mid", "zeta"]
    assert catalog.get("nope") is None and catalog.get("mid") is catalog["mid"]
    groups = catalog.by_category()
    assert list(groups) == [Category.SETTLE, Category.DOCUMENT]
    assert [t.code for t in groups[Category.SETTLE]] == ["mid", "zeta"]


def test_to_json_dict_has_the_promised_keys(birth: Transaction) -> None:
    data = birth.to_json_dict()
    for key in ("code", "name_zh", "name_en", "category", "time_limit_days", "approval", "fee_yuan",
                "kiosk_startable", "fields", "materials", "rules"):
        assert key in data
    assert data["category"] == "settle" and data["fee_yuan"] == 0
    settle = next(f for f in data["fields"] if f["key"] == "settle_with")
    assert settle["options"][0] == {"value": "father", "label_zh": "随父", "label_en": "Father"}
    assert {"key", "type", "required", "label_zh", "label_en", "when"} <= set(data["fields"][0])
    material = data["materials"][1]
    assert {"key", "name_zh", "name_en", "form", "copies", "when", "why_zh"} <= set(material)
    assert material["when"] == "parents_married == true" and material["copies"] == 2
    assert data["rules"][0]["reason_zh"] == "出生日期不能晚于今天。"


# ---- loader errors: each class, each naming file, code and path ---------------------------------------


def test_unknown_keys_are_errors_with_a_hint(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('label_zh = "出生日期"', 'lable_zh = "出生日期"\nlabel_zh = "x"'))
    error = only_error(tmp_path)
    assert (error.file, error.code, error.path) == ("birth.toml", "birth", "fields[1].lable_zh")
    assert "unknown key 'lable_zh'" in error.message_en and "label_zh" in error.message_en
    assert str(error).startswith("birth.toml [birth] fields[1].lable_zh: ")


def test_unknown_top_level_key(tmp_path: Path) -> None:
    write(tmp_path, "birth", header=HEADER + 'time_limit = 3\n')
    error = only_error(tmp_path)
    assert error.path == "time_limit" and "time_limit_days" in error.message_en


def test_missing_required_keys(tmp_path: Path) -> None:
    write(tmp_path, "birth", header=HEADER.replace('name_en = "Birth registration"\n', ""),
          body=BODY.replace('form = "original_and_copy"\n', ""))
    paths = {e.path for e in errors_of(tmp_path)}
    assert paths == {"name_en", "materials[1].form"}


def test_wrong_types(tmp_path: Path) -> None:
    header = HEADER.replace("time_limit_days = 0", 'time_limit_days = "0"').replace(
        "kiosk_startable = true", 'kiosk_startable = "yes"')
    body = BODY.replace("copies = 2", "copies = 0").replace("required = true\nmax_length = 4",
                                                              "required = 1\nmax_length = 4")
    write(tmp_path, "birth", header=header, body=body)
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "must be an integer" in by_path["time_limit_days"]
    assert "true or false" in by_path["kiosk_startable"]
    assert "at least 1" in by_path["materials[1].copies"]
    assert "true or false" in by_path["fields[0].required"]


def test_bad_enum_values(tmp_path: Path) -> None:
    write(tmp_path, "birth", header=HEADER.replace('"clerk"', '"boss"'),
          body=BODY.replace('type = "date"', 'type = "datum"', 1).replace('form = "original"', 'form = "scan"', 1))
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "'boss'" in by_path["approval"] and "clerk, leader, branch" in by_path["approval"]
    assert "unknown type 'datum'" in by_path["fields[1].type"]
    assert "'scan'" in by_path["materials[0].form"]


def test_a_material_the_police_check_themselves(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('form = "original"', 'form = "original"\nverify = "system"', 1))
    birth = load_catalog(tmp_path)["birth"]
    assert birth.materials[0].verify is MaterialVerify.SYSTEM and birth.materials[1].verify is None
    assert birth.to_json_dict()["materials"][0]["verify"] == "system"
    assert MaterialVerify.CARD.label_zh == "读卡核验" and MaterialVerify.SYSTEM.label_zh == "系统核验"


def test_a_bad_verify_value_or_type_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('form = "original"', 'form = "original"\nverify = "phone"', 1))
    error = only_error(tmp_path)
    assert error.path == "materials[0].verify" and "'phone'" in error.message_en and "card, system" in error.message_en
    write(tmp_path, "birth", body=BODY.replace('form = "original"', 'form = "original"\nverify = true', 1))
    assert only_error(tmp_path).path == "materials[0].verify"


def test_shipped_materials_exempt_when_checkable_say_so_in_data() -> None:
    catalog = shipped_catalog()
    for transaction in catalog.values():
        for material in transaction.materials:
            if material.note_zh and "信息系统核验" in material.note_zh:
                assert material.verify is not None, (transaction.code, material.key)


def test_duplicate_keys_in_a_transaction(tmp_path: Path) -> None:
    body = BODY.replace('key = "married_on"', 'key = "child_name"').replace(
        'key = "paternity_report"', 'key = "marriage_certificate"')
    write(tmp_path, "birth", body=body)
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "duplicate key 'child_name'" in by_path["fields[3].key"]
    assert "duplicate key 'marriage_certificate'" in by_path["materials[2].key"]


def test_a_toml_key_given_twice_is_a_syntax_error_naming_the_file(tmp_path: Path) -> None:
    write(tmp_path, "birth", header=HEADER + 'name_zh = "again"\n')
    error = only_error(tmp_path)
    assert error.file == "birth.toml" and "TOML" in error.message_en and "line" in error.message_en


def test_code_must_equal_the_file_name(tmp_path: Path) -> None:
    write(tmp_path, "birth", text=HEADER.format(code="birth_registration") + BODY)
    error = only_error(tmp_path)
    assert (error.file, error.code, error.path) == ("birth.toml", "birth_registration", "code")
    assert "differs from the file name" in error.message_en


def test_enum_without_options_and_options_on_other_types(tmp_path: Path) -> None:
    body = BODY.replace("""options = [
  { value = "father", label_zh = "随父", label_en = "Father" },
  { value = "mother", label_zh = "随母", label_en = "Mother" },
]""", "").replace('max_length = 4', 'max_length = 4\noptions = [{ value = "a", label_zh = "甲", label_en = "A" }]')
    write(tmp_path, "birth", body=body)
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "needs options" in by_path["fields[4].options"]
    assert "only for enum fields" in by_path["fields[0].options"]


def test_bad_option_values(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('value = "mother"', 'value = "Father"'))
    assert "must match" in only_error(tmp_path).message_en
    write(tmp_path, "birth", body=BODY.replace('value = "mother"', 'value = "father"'))
    error = only_error(tmp_path)
    assert error.path == "fields[4].options[1].value" and "duplicate option value" in error.message_en


def test_conditions_naming_unknown_fields_or_forbidden_syntax(tmp_path: Path) -> None:
    body = BODY.replace('when = "parents_married == true"\nwhy_zh', 'when = "parent_married == true"\nwhy_zh').replace(
        'require = "mother.age >= 18"', 'require = "__import__(\\"os\\")"').replace(
        'when = "parents_married == true"\n\n[[fields]]', 'when = "settle_with == \\"fathr\\""\n\n[[fields]]')
    write(tmp_path, "birth", body=body)
    by_path = {e.path: e for e in errors_of(tmp_path)}
    assert set(by_path) == {"fields[3].when", "materials[1].when", "rules[2].require"}
    assert "unknown field 'parent_married'" in by_path["materials[1].when"].message_en
    assert "'fathr' is not one of its options" in by_path["fields[3].when"].message_en
    assert "'__import__' not allowed" in by_path["rules[2].require"].message_en
    assert all(e.file == "birth.toml" and e.code == "birth" for e in by_path.values())
    assert "未知字段" in by_path["materials[1].when"].message_zh


def test_field_specific_keys_on_the_wrong_type(tmp_path: Path) -> None:
    body = BODY.replace('type = "date"\nlabel_zh = "出生日期"', 'type = "date"\nmax_length = 3\nlabel_zh = "出生日期"')
    body = body.replace("min = 0\nmax = 20", "min = 30\nmax = 20")
    write(tmp_path, "birth", body=body)
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "only for text and address" in by_path["fields[1].max_length"]
    assert "greater than max" in by_path["fields[7].min"]


def test_reserved_and_malformed_keys(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('key = "phone"', 'key = "today"').replace(
        'key = "children"', 'key = "Children"'))
    by_path = {e.path: e.message_en for e in errors_of(tmp_path)}
    assert "reserved" in by_path["fields[6].key"]
    assert "must match" in by_path["fields[7].key"]


def test_a_field_when_may_not_name_itself(tmp_path: Path) -> None:
    write(tmp_path, "birth", body=BODY.replace('when = "parents_married == true"\n\n[[fields]]',
                                               'when = "filled(\\"married_on\\")"\n\n[[fields]]'))
    assert "itself" in only_error(tmp_path).message_en


def test_empty_sections_and_empty_folders(tmp_path: Path) -> None:
    write(tmp_path, "birth", text=HEADER.format(code="birth") + "fields = []\nmaterials = []\n")
    paths = {e.path for e in errors_of(tmp_path)}
    assert paths == {"fields", "materials"}
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no .toml" in only_error(empty).message_en
    assert "no such" in only_error(tmp_path / "missing").message_en


def test_every_error_of_every_file_is_collected(tmp_path: Path) -> None:
    write(tmp_path, "good")
    write(tmp_path, "bad_one", header=HEADER.replace('"settle"', '"settling"'))
    write(tmp_path, "bad_two", text="code = \n")
    write(tmp_path, "bad_three", header=HEADER.replace('"clerk"', '"nobody"') + "extra = 1\n")
    errors = errors_of(tmp_path)
    assert {e.file for e in errors} == {"bad_one.toml", "bad_two.toml", "bad_three.toml"}
    assert len(errors) == 4


def test_duplicate_codes_across_files(tmp_path: Path) -> None:
    write(tmp_path, "a")
    # b.toml says it is "a": the code/file mismatch is reported, not silently replacing a.toml
    write(tmp_path, "b", text=HEADER.format(code="a") + BODY)
    error = only_error(tmp_path)
    assert error.file == "b.toml" and error.path == "code"


# ---- what a transaction decides -----------------------------------------------------------------------


def test_visible_fields_follow_when(birth: Transaction) -> None:
    keys = [f.key for f in birth.visible_fields({}, None, TODAY)]
    assert "married_on" not in keys
    keys = [f.key for f in birth.visible_fields({"parents_married": True}, None, TODAY)]
    assert "married_on" in keys


def test_validate_values_accepts_a_good_application(birth: Transaction) -> None:
    assert birth.validate_values(GOOD, None, TODAY) == []


def test_validate_values_required_only_when_shown(birth: Transaction) -> None:
    problems = birth.validate_values({}, None, TODAY)
    assert [p.key for p in problems] == ["child_name", "child_birth_date", "parents_married", "settle_with"]
    assert problems[0].message_zh == "请填写“新生儿姓名”。" and problems[0].message_en == "Child's name is required."
    values = {**GOOD, "married_on": "  "}
    assert [p.key for p in birth.validate_values(values, None, TODAY)] == ["married_on"]
    values = {**GOOD, "parents_married": False, "married_on": None}
    assert birth.validate_values(values, None, TODAY) == []


@pytest.mark.parametrize(
    ("key", "value", "fragment"),
    [
        ("child_name", "王小明明明", "at most 4"),
        ("child_name", 5, "must be text"),
        ("child_birth_date", "2025-02-30", "not a real date"),
        ("child_birth_date", "20250201", "YYYY-MM-DD"),
        ("child_birth_date", "2025-W05-1", "YYYY-MM-DD"),
        ("parents_married", "yes", "yes or no"),
        ("settle_with", "grandma", "not one of the choices"),
        ("phone", "12345678901", "11-digit mobile"),
        ("phone", "1381234567", "11-digit mobile"),
        ("phone", "024-123456", "11-digit mobile"),
        ("children", 21, "at most 20"),
        ("children", -1, "at least 0"),
        ("children", "three", "must be a number"),
        ("children", True, "must be a number"),
        ("child_id", "11010519900307005", "18 characters"),
        ("child_id", "1101051990030700AX", "17 digits"),
        ("child_id", "110105199002300050", "birth date"),
        ("child_id", MOTHER_ID[:17] + ("0" if MOTHER_ID[17] != "0" else "1"), "check digit"),
        ("mother", {"name": "李华"}, "ID number is missing"),
        ("mother", {"id_number": MOTHER_ID}, "name is missing"),
        ("mother", {"name": "李华", "id_number": "123"}, "18 characters"),
        ("mother", "李华", "needs a name and an ID number"),
    ],
)
def test_validate_values_per_type(birth: Transaction, key: str, value: object, fragment: str) -> None:
    problems = birth.validate_values({**GOOD, key: value}, None, TODAY)
    assert len(problems) == 1 and problems[0].key == key
    assert fragment in problems[0].message_en
    assert problems[0].message_zh


@pytest.mark.parametrize(
    ("key", "value"),
    [("phone", "13812345678"), ("phone", "024-12345678"), ("phone", "0755-1234567"), ("phone", "01012345678"),
     ("children", 3), ("children", 2.0), ("children", "4"), ("child_birth_date", date(2025, 6, 1)),
     ("child_id", MOTHER_ID), ("child_id", _valid_id("11010519900307005").lower())],
)
def test_validate_values_accepts_good_forms(birth: Transaction, key: str, value: object) -> None:
    assert birth.validate_values({**GOOD, key: value}, None, TODAY) == []


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_is_accepted(number: str) -> None:
    spec = FieldSpec(key="phone", type=FieldType.PHONE, label_zh="联系电话", label_en="Phone")
    assert spec.check_value(number) is None


def test_required_materials_change_with_values(birth: Transaction) -> None:
    def keys(values: dict[str, object]) -> list[str]:
        return [m.key for m in birth.required_materials(values, None, TODAY)]

    assert keys({}) == ["birth_medical_certificate"]  # undecided answers require nothing extra
    assert keys({"parents_married": True}) == ["birth_medical_certificate", "marriage_certificate"]
    assert keys({"parents_married": False, "settle_with": "mother"}) == ["birth_medical_certificate"]
    assert keys({"parents_married": False, "settle_with": "father"}) == ["birth_medical_certificate",
                                                                          "paternity_report"]


def test_missing_materials_for_the_one_time_notice(birth: Transaction) -> None:
    values = {"parents_married": True}
    missing = birth.missing_materials(values, ["birth_medical_certificate"], None, TODAY)
    assert [m.key for m in missing] == ["marriage_certificate"]
    assert birth.missing_materials(values, {"birth_medical_certificate", "marriage_certificate"}, None, TODAY) == []


def test_hidden_fields_do_not_count(birth: Transaction) -> None:
    # married_on was filled, then the answer changed: its stale value must not decide a rule
    values = {**GOOD, "parents_married": False, "married_on": "2030-01-01"}
    result = birth.check_eligibility(values, None, TODAY)
    assert result.eligible and not result.failed and not result.pending
    context = birth.context(values, None, TODAY)
    assert context.values["married_on"] is None and context.values["parents_married"] is False
    # ...nor is a hidden field's bad value a problem of the form
    assert birth.validate_values({**values, "married_on": "not a date"}, None, TODAY) == []


def test_eligibility_pending_then_failed_then_eligible(birth: Transaction) -> None:
    result = birth.check_eligibility({}, None, TODAY)
    assert not result.eligible and not result.failed
    assert [r.key for r in result.pending] == ["born_not_in_future", "married_before_birth", "mother_adult"]

    values = {**GOOD, "child_birth_date": "2025-06-20", "married_on": "2025-06-25",
              "mother": {"name": "李华", "id_number": _valid_id("11010520100101002")}}
    result = birth.check_eligibility(values, None, TODAY)
    assert not result.eligible and not result.pending
    assert [r.key for r in result.failed] == ["born_not_in_future", "married_before_birth", "mother_adult"]
    assert result.failed[0].reason_zh == "出生日期不能晚于今天。"

    result = birth.check_eligibility(GOOD, ApplicantFacts.from_id_number(MOTHER_ID), TODAY)
    assert result.eligible and result.failed == [] and result.pending == []


def test_a_guarded_rule_is_decided_without_the_guarded_field(birth: Transaction) -> None:
    values = {**GOOD, "parents_married": False}
    del values["married_on"]
    result = birth.check_eligibility(values, None, TODAY)
    assert "married_before_birth" not in [r.key for r in result.pending + result.failed]


# ---- the real catalog ---------------------------------------------------------------------------------


def test_the_shipped_catalog_is_complete() -> None:
    catalog = shipped_catalog()  # raises CatalogError listing every problem
    # The 36 delegated items — 34 in use, 2 retired into the grounds' items (准予迁入证明, 跨省通办) — and the
    # kinds the catalog grew by (迁往省外, 补发迁移证件, 无户口人员登记, 国（境）外出生登记).
    assert len(catalog) == 38 and sum(t.delegated for t in catalog.values()) == 34
    assert sorted(t.code for t in catalog.retired() if t.delegated) == ["move_cross_province", "move_in_permit"]
    for transaction in catalog.values():
        assert transaction.fields, transaction.code
        assert transaction.materials, transaction.code
    assert set(catalog.by_category()) == set(Category)


def test_how_far_online_is_a_checked_choice(tmp_path: Path, birth: Transaction) -> None:
    from desk.domain.catalog import OnlineMode

    assert birth.online is OnlineMode.VISIT  # the default: pre-reviewed online, one visit
    write(tmp_path, "birth", header=HEADER + 'online = "full"\n')
    assert load_catalog(tmp_path)["birth"].online is OnlineMode.FULL
    write(tmp_path, "birth", header=HEADER + 'online = "half"\n')
    error = only_error(tmp_path)
    assert error.file == "birth.toml" and error.path == "online" and "visit, full" in error.message_en
    assert shipped_catalog()["household_certificate"].online is OnlineMode.FULL


def test_a_retired_item_names_items_in_use(tmp_path: Path) -> None:
    write(tmp_path, "birth")
    write(tmp_path, "old", header=HEADER + 'replaced_by = ["birth"]\n')
    catalog = load_catalog(tmp_path)
    assert list(catalog) == ["birth"] and catalog["old"].retired and "old" in catalog
    assert [t.code for t in catalog.retired()] == ["old"] and len(catalog) == 1
    assert catalog.for_new_case(catalog["birth"]) is catalog["birth"]
    with pytest.raises(InvalidInput) as refused:  # the window and the online form alike
        catalog.for_new_case(catalog["old"])
    assert "已合并停用" in refused.value.message_zh and "出生登记" in refused.value.message_zh
    assert "merged" in refused.value.message_en
    write(tmp_path, "old", header=HEADER + 'replaced_by = ["brith"]\n')
    error = only_error(tmp_path)
    assert (error.file, error.path) == ("old.toml", "replaced_by[0]") and "brith" in error.message_en
    write(tmp_path, "older", header=HEADER + 'replaced_by = ["old"]\n')
    write(tmp_path, "old", header=HEADER + 'replaced_by = ["birth"]\n')
    error = only_error(tmp_path)
    assert (error.file, error.path) == ("older.toml", "replaced_by[0]") and "retired" in error.message_en


def test_the_paper_route_condition_and_the_applicant_as_mover_are_checked(tmp_path: Path) -> None:
    write(tmp_path, "birth", header=HEADER + 'permit_when = "nonsense == 1"\n')
    assert only_error(tmp_path).path == "permit_when"
    write(tmp_path, "birth", header=HEADER + 'movers = ["applicant", "nobody"]\n')
    error = only_error(tmp_path)
    assert error.path == "movers[1]"


def test_a_booklet_item_says_what_it_hands_over_and_only_a_booklet_item_does(tmp_path: Path) -> None:
    """The completion notice's 已当场交付 / 请领取 words are the item's own (data over code): a booklet item
    without them, or a certificate item with them, is an error naming the file and the key."""
    write(tmp_path, "silent", header=HEADER.replace('hands_over_zh = "居民户口簿（已登记新生儿户口页）"\n', ""))
    error = only_error(tmp_path)
    assert (error.file, error.path) == ("silent.toml", "hands_over_zh") and "hands_over_zh" in str(error)
    (tmp_path / "silent.toml").unlink()
    write(tmp_path, "certificate", header=HEADER.replace('issues_document = "booklet"',
                                                         'issues_document = "household_certificate"'))
    error = only_error(tmp_path)
    assert (error.file, error.path) == ("certificate.toml", "hands_over_zh")


def test_the_handed_over_words_follow_the_paper_issued(birth: Transaction) -> None:
    assert birth.handed_over_zh(IssuedDocument.BOOKLET) == "居民户口簿（已登记新生儿户口页）"
    assert birth.handed_over_zh(IssuedDocument.MOVE_IN_PERMIT) == "准予迁入证明"  # a move's paper route
    assert birth.handed_over_zh(IssuedDocument.RECEIPT_ONLY) == ""
    assert birth.to_json_dict()["hands_over_zh"] == "居民户口簿（已登记新生儿户口页）"


def test_a_reissue_names_an_enum_of_reissuable_papers_and_a_text_field(tmp_path: Path) -> None:
    """`[reissues]` (补发): the kind field must offer only papers the station can print again from its record,
    the number field must be text; anything else is an error naming the file and the key."""
    write(tmp_path, "birth", header=HEADER + '[reissues]\nkind_field = "settle_with"\nnumber_field = "child_name"\n')
    error = only_error(tmp_path)
    assert (error.file, error.path) == ("birth.toml", "reissues.kind_field") and "settle_with" in error.message_en
    write(tmp_path, "birth", header=HEADER + '[reissues]\nkind_field = "nobody"\nnumber_field = "child_name"\n')
    assert only_error(tmp_path).path == "reissues.kind_field"
    write(tmp_path, "birth", header=HEADER + '[reissues]\nkind_field = "settle_with"\n')
    assert any(e.path.startswith("reissues") for e in errors_of(tmp_path))
    write(tmp_path, "birth", header=HEADER + 'reissues = "settle_with"\n')
    assert only_error(tmp_path).path == "reissues"


def test_the_shipped_reissue_prints_the_paper_chosen_on_its_form() -> None:
    from desk.domain.catalog import IssuedDocument
    from desk.shipped import shipped_catalog

    item = shipped_catalog()["move_document_reissue"]
    assert item.issued_document({"document_kind": "move_in_permit"}) is IssuedDocument.MOVE_IN_PERMIT
    assert item.issued_document({"document_kind": "migration_certificate"}) is IssuedDocument.MIGRATION_CERTIFICATE
    assert item.issued_document({}) is IssuedDocument.RECEIPT_ONLY  # nothing chosen yet: nothing to print
    assert item.handed_over_zh(IssuedDocument.MIGRATION_CERTIFICATE) == "补发的户口迁移证"
