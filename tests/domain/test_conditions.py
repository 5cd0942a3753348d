"""The condition language: what it allows, what it rejects, and how unfilled values behave."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain.applicant import ApplicantFacts, birth_date_from_id, id_checksum_ok, sex_from_id, whole_years
from desk.domain.conditions import (
    Condition,
    ConditionContext,
    ConditionError,
    FieldSignature,
    compile_condition,
    is_filled,
    names_used,
)

TODAY = date(2025, 6, 15)
# A valid ID number (check character computed by GB 11643 MOD 11-2): born 1990-03-07, male.
MAN_1990 = "11010519900307005X"
# Born 2015-06-16, female (digit 17 even): not yet 10 on TODAY.
GIRL_2015 = "110105201506160022"

FIELDS = {
    "marital_status": FieldSignature("enum", frozenset({"married", "single", "divorced"})),
    "married_on": FieldSignature("date"),
    "child_birth_date": FieldSignature("date"),
    "parents_married": FieldSignature("bool"),
    "children": FieldSignature("number"),
    "name": FieldSignature("text"),
    "mother": FieldSignature("person"),
    "child_id": FieldSignature("id_number"),
}


def holds(source: str, values: dict[str, object] | None = None, applicant: ApplicantFacts | None = None) -> bool:
    return compile_condition(source, FIELDS).evaluate(values or {}, applicant, TODAY)


def decide(source: str, values: dict[str, object] | None = None) -> bool | None:
    return compile_condition(source, FIELDS).decide(ConditionContext.build(values or {}, None, TODAY))


# ---- the ID-number facts the language relies on -------------------------------------------------------


def test_id_facts_from_a_known_number() -> None:
    assert id_checksum_ok(MAN_1990)
    assert id_checksum_ok(MAN_1990.lower())  # a typed lower-case x is the same number
    assert not id_checksum_ok("110105199003070050")  # one check character off
    assert birth_date_from_id(MAN_1990) == date(1990, 3, 7)
    assert sex_from_id(MAN_1990) == "male"
    assert sex_from_id(GIRL_2015) == "female"
    assert birth_date_from_id("110105199002300012") is None  # 30 February


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 999))
def test_every_computed_check_character_validates(birth: date, serial: int) -> None:
    body = f"110105{birth:%Y%m%d}{serial:03d}"
    valid = [c for c in "0123456789X" if id_checksum_ok(body + c)]
    assert len(valid) == 1  # exactly one check character fits each body
    assert birth_date_from_id(body + valid[0]) == birth


def test_whole_years_counts_the_birthday_itself() -> None:
    assert whole_years(date(2007, 6, 15), TODAY) == 18
    assert whole_years(date(2007, 6, 16), TODAY) == 17


# ---- evaluation ---------------------------------------------------------------------------------------


def test_literals_and_operators() -> None:
    assert holds('marital_status == "married"', {"marital_status": "married"})
    assert holds('marital_status in ["married", "divorced"]', {"marital_status": "divorced"})
    assert holds('marital_status not in ["married"]', {"marital_status": "single"})
    assert holds("parents_married == true", {"parents_married": True})
    assert holds("parents_married == True", {"parents_married": True})
    assert holds("parents_married", {"parents_married": True})
    assert holds("not parents_married", {"parents_married": False})
    assert holds("children >= 2 and children < 5", {"children": 3})
    assert holds("1 <= children <= 3", {"children": 3})
    assert not holds("1 <= children < 3", {"children": 3})
    assert holds("children > -1.5", {"children": 0})
    assert holds('(children == 0 or name == "王") and not parents_married',
                 {"children": 1, "name": "王", "parents_married": False})
    assert holds('married_on >= "2020-01-01"', {"married_on": "2021-05-01"})
    assert holds('married_on >= "2020-01-01"', {"married_on": date(2021, 5, 1)})  # a widget's date object


def test_functions_use_the_context_today() -> None:
    values = {"child_birth_date": "2025-06-01", "married_on": "2005-06-16"}
    assert holds('days_since("child_birth_date") == 14', values)
    assert holds('age("married_on") == 19', values)
    assert holds('filled("child_birth_date") and not filled("name")', values)
    assert holds('age("child_id") == 9', {"child_id": GIRL_2015})
    future = compile_condition('days_since("child_birth_date") >= 0', FIELDS)
    assert future.evaluate({"child_birth_date": "2025-06-15"}, None, TODAY)
    assert not future.evaluate({"child_birth_date": "2025-06-16"}, None, TODAY)


def test_applicant_and_person_attributes() -> None:
    man = ApplicantFacts.from_id_number(MAN_1990, nation="汉")
    assert holds('applicant.age == 35 and applicant.sex == "male"', applicant=man)
    assert holds('applicant.nation == "汉" and applicant.region == "110105"', applicant=man)
    assert not holds("applicant.age >= 18")  # no facts: unknown, so not true
    mother = {"name": "李华", "id_number": GIRL_2015, "relationship": "母亲"}
    assert holds('mother.sex == "female" and mother.age < 10', {"mother": mother})
    assert holds('mother.name == "李华"', {"mother": mother})
    assert holds(f'mother.id_number == "{GIRL_2015}"', {"mother": mother})
    assert not holds("mother.age < 10", {"mother": {"name": "李华"}})  # no ID number: age unknown


@pytest.mark.parametrize(
    "source",
    [
        'marital_status == "married"',
        'marital_status != "married"',
        'marital_status in ["married"]',
        'marital_status not in ["married"]',
        "children < 1",
        "children >= 1",
        "not (children < 1)",
        "not parents_married",
        'age("married_on") < 200',
        'days_since("child_birth_date") > -1',
        "mother.age >= 0",
        "applicant.age >= 0",
    ],
)
def test_unfilled_values_never_make_a_condition_true(source: str) -> None:
    for empty in ({}, {"marital_status": None, "children": None, "name": "  ", "mother": {"name": ""}}):
        condition = compile_condition(source, FIELDS)
        assert condition.evaluate(empty, None, TODAY) is False
        assert condition.decide(ConditionContext.build(empty, None, TODAY)) is None


def test_kleene_logic_decides_what_it_can() -> None:
    assert decide('parents_married == false and marital_status == "married"', {"parents_married": True}) is False
    assert decide('parents_married == true or marital_status == "married"', {"parents_married": True}) is True
    assert decide('parents_married == false or marital_status == "married"', {"parents_married": True}) is None
    assert decide('not filled("name")') is True  # filled() itself is always decided


_COMPARISONS = ["==", "!=", "<", "<=", ">", ">="]


@given(op=st.sampled_from(_COMPARISONS), number=st.integers(-1000, 1000), swap=st.booleans())
def test_any_comparison_with_an_unfilled_number_is_false(op: str, number: int, swap: bool) -> None:
    source = f"{number} {op} children" if swap else f"children {op} {number}"
    condition = compile_condition(source, FIELDS)
    assert condition.evaluate({"children": None}, None, TODAY) is False
    assert condition.evaluate({"children": number}, None, TODAY) is (op in ("==", "<=", ">="))


@given(st.one_of(st.none(), st.booleans(), st.integers(), st.text(), st.dates(), st.lists(st.integers()),
                 st.dictionaries(st.sampled_from(["name", "id_number"]), st.text())))
def test_evaluation_never_raises(value: object) -> None:
    sources = ['children > 3', 'name == "x"', 'mother.age > 3', 'age("married_on") > 1', '"a" in name',
               'married_on < "2020-01-01"', 'days_since("child_birth_date") > 0', "parents_married"]
    for source in sources:
        condition = compile_condition(source, FIELDS)
        key = next(iter(condition.names))
        assert condition.evaluate({key: value}, None, TODAY) in (True, False)


def test_is_filled() -> None:
    assert not is_filled(None)
    assert not is_filled("  ")
    assert not is_filled({"name": "", "id_number": None})
    assert not is_filled([])
    assert is_filled(False)
    assert is_filled(0)
    assert is_filled({"name": "张三"})


# ---- names_used -------------------------------------------------------------------------------------


def test_names_used_lists_fields_not_applicant() -> None:
    source = 'applicant.age >= 18 and marital_status == "married" and filled("married_on") and mother.age > 20'
    assert names_used(source) == {"marital_status", "married_on", "mother"}
    condition = compile_condition(source, FIELDS)
    assert names_used(condition) == condition.names == {"marital_status", "married_on", "mother"}
    assert names_used("true") == frozenset()


# ---- what is rejected ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "fragment"),
    [
        ('__import__("os").system("true")', "not allowed"),
        ("lambda: 1", "Lambda"),
        ('open("/etc/passwd")', "'open' not allowed"),
        ('name.upper() == "X"', "not allowed"),
        ("().__class__", "attributes"),
        ("name.__class__", "only person fields"),
        ("applicant.__dict__", "applicant has no attribute '__dict__'"),
        ("applicant.birth_date", "applicant has no attribute"),
        ("mother.address", "person field has no attribute 'address'"),
        ("children + 1 > 2", "BinOp"),
        ("name[0]", "Subscript"),
        ("[x for x in name]", "ListComp"),
        ("name if children else name", "IfExp"),
        ('f"{name}"', "JoinedStr"),
        ("(x := 1)", "NamedExpr"),
        ("children == None", "filled"),
        ("name is none", "Is"),
        ("applicant", "must be followed"),
        ("unknown_field == 1", "unknown field 'unknown_field'"),
        ('filled(name)', "takes one field key as a string"),
        ('filled("nope")', "unknown field 'nope'"),
        ('age("name") > 1', "needs a date field"),
        ('days_since("child_id") > 1', "needs a date field"),
        ('marital_status == "maried"', "'maried' is not one of its options"),
        ('marital_status in ["married", "widowed"]', "'widowed' is not one of its options"),
        ('parents_married == "yes"', "cannot be compared"),
        ('children > "3"', "cannot be compared"),
        ('married_on > "2020-02-30"', "cannot be compared"),
        ('applicant.sex == "M"', "cannot be compared"),
        ('mother == "李华"', "compare a part of person"),
        ("marital_status < \"single\"", "cannot be ordered"),
        ("children ==", "syntax error"),
        ("children == 1; import os", "syntax error"),
    ],
)
def test_forbidden_forms_are_rejected(source: str, fragment: str) -> None:
    with pytest.raises(ConditionError) as caught:
        compile_condition(source, FIELDS)
    assert fragment in caught.value.message_en
    assert caught.value.message_zh  # every problem is also said in Chinese


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(ConditionError) as caught:
        compile_condition('nope == 1 and marital_status == "x" and open("f")', FIELDS)
    assert len(caught.value.problems) == 3


def test_without_fields_only_the_shape_is_checked() -> None:
    condition = compile_condition('anything == "x" and other.age > 3')
    assert isinstance(condition, Condition)
    with pytest.raises(ConditionError):
        compile_condition("_private == 1")  # names must look like field keys
    # A name that happens to be a builtin is only ever a field's value, never the builtin.
    assert compile_condition('eval == "x"').evaluate({"eval": "x"}, None, TODAY)


def test_a_condition_is_a_value_object() -> None:
    a = compile_condition('name == "x"', FIELDS)
    b = compile_condition('name == "x"', FIELDS)
    assert a == b and hash(a) == hash(b)
