"""The register extract's format file (checked at load, errors naming file and key), relationships by
name or GB/T 4761 code, and the fast paths for common cells agreeing with the full identity checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk.domain import register_rows
from desk.domain.identity import InvalidIdentity, check_name, check_text
from desk.domain.register_rows import ExtractFormat
from desk.paths import resources_dir

SHIPPED = resources_dir() / "register" / "extract.toml"


def test_the_shipped_format_loads_with_the_gb_t_4761_relationships() -> None:
    fmt = ExtractFormat.load(SHIPPED)
    assert fmt.relationship("户主") == "户主" and fmt.relationship("02") == "户主"
    assert fmt.relationship("2") == "户主" and fmt.relationship("孙子") == "孙子" and fmt.relationship("41") == "孙子"
    assert fmt.relationship("表叔") is None and fmt.relationship("00") is None
    assert {"配偶", "子", "女", "父亲", "母亲", "孙子"} <= fmt.relationship_names
    assert fmt.required == {"id_number", "name", "household_head", "relationship_to_head", "registered_on"}


@pytest.mark.parametrize(("change", "named"), [
    (("[columns.name]\nnames = [\"姓名\", \"name\"]\nrequired = true", "[columns.name]\nnames = []\nrequired = true"),
     "columns.name.names"),
    (("\"41\" = \"孙子\"", "\"41\" = \"子\""), "relationships: a name appears twice"),
    (("\"02\" = \"户主\"", "\"02\" = \"一家之主\""), "户主 is missing"),
    (("names = [\"住址\"", "names = [\"姓名\""), "is also a name of name"),
    (("[columns.nation]", "[columns.hobby]\nnames = [\"爱好\"]\nrequired = false\n[columns.nation]"),
     "unknown keys ['hobby']"),
    (("formats = [", "formats = [\"%d.%m\", "), "dates.formats"),
])
def test_a_bad_format_file_is_refused_naming_file_and_key(tmp_path: Path, change: tuple[str, str],
                                                          named: str) -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert change[0] in text
    broken = tmp_path / "extract.toml"
    broken.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"extract\.toml") as refused:
        ExtractFormat.load(broken)
    assert named in str(refused.value)


NAME_CHARS = st.sampled_from([*"王李䶮𠮷·• \u3000\u200bAaz-'1", "\ue000", "\x00", "〇"])


@given(st.text(NAME_CHARS, min_size=0, max_size=70))
def test_the_names_fast_path_accepts_only_what_the_full_check_accepts_unchanged(value: str) -> None:
    if register_rows._PLAIN_NAME.fullmatch(value):
        assert check_name(value) == value
    try:
        expected: str | None = check_name(value, field="name", label="word.person.name")
    except InvalidIdentity:
        expected = None
    try:
        got: str | None = register_rows._name(value, "name")
    except InvalidIdentity:
        got = None
    assert got == expected


ADDRESS_CHARS = st.sampled_from([*"辽宁省沈阳市1号-#、，（）() \u3000\u200b\u202e\t", "\ufffd"])


@given(st.text(ADDRESS_CHARS, min_size=0, max_size=210))
def test_the_address_fast_path_accepts_only_what_the_full_check_accepts_unchanged(value: str) -> None:
    try:
        expected: str | None = check_text(value, field="address", label="word.person.address", max_length=200)
    except InvalidIdentity:
        expected = None
    try:
        got: str | None = register_rows._address(value, "address")
    except InvalidIdentity:
        got = None
    assert got == expected


def test_dates_in_every_shape_and_none_that_is_not_one() -> None:
    formats = ExtractFormat.load(SHIPPED).date_formats
    for text in ("2001-03-15", "20010315", "2001/03/15", "2001.03.15"):
        assert register_rows._date(text, formats) == date(2001, 3, 15)
    for text in ("2001-02-30", "15/03/2001", "二〇〇一年", "2001-3-15x", ""):
        assert register_rows._date(text, formats) is None


def test_a_permit_number_is_no_register_entry_and_is_said_in_both_languages() -> None:
    from desk_fixtures import make_id

    fmt = ExtractFormat.load(SHIPPED)
    header = register_rows.keyed_header({"id_number": "公民身份号码"})
    cells = [make_id("81000019900101001"), "陈大文", "陈大文", "户主", "2020-01-01", "", "", ""]
    [problem] = register_rows.check_row(7, cells, header, fmt, date(2026, 3, 2))  # type: ignore[misc]
    assert (problem.line, problem.column, problem.message_key) == (7, "公民身份号码", "register.not_resident_number")
    assert "不是居民身份证号码" in problem.message_zh and "Not a resident ID number" in problem.message_en
