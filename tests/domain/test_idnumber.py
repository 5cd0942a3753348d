"""Identity numbers: GB 11643 resident numbers, permits and foreigners' cards, and the region lists."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desk.domain import regions
from desk.domain.errors import DeskError
from desk.domain.idnumber import (
    FEMALE,
    MALE,
    IdKind,
    IdNumberInfo,
    InvalidIdNumber,
    compute_check_char,
    compute_foreign_2017_check_digit,
    generate_id_number,
    mask_id_number,
    parse_id_number,
    upgrade_15_to_18,
    validate_id_number,
)

TODAY = date(2026, 11, 25)

# County-level codes in use on the mainland (not provinces, not prefectures, not permit prefixes).
COUNTY_CODES = sorted(
    code
    for code in regions.region_table().current
    if not code.endswith("00") and code[:2] not in {"71", "81", "82"}
)


def _with_check(first17: str) -> str:
    return first17 + compute_check_char(first17)


def _error(text: str, today: date = TODAY) -> InvalidIdNumber:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(text, today=today)
    error = caught.value
    assert error.message_zh and error.message_en
    return error


birth_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
resident_numbers = st.builds(
    lambda region, born, order: _with_check(f"{region}{born:%Y%m%d}{order:03d}"),
    st.sampled_from(COUNTY_CODES),
    birth_dates,
    st.integers(min_value=0, max_value=999),
)


# --- the standard's own example and real-format numbers -------------------------------------


def test_gb11643_example() -> None:
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info == IdNumberInfo(
        number="11010519491231002X",
        kind=IdKind.RESIDENT,
        birth_date=date(1949, 12, 31),
        sex=FEMALE,
        region_code="110105",
        region_name="北京市朝阳区",
    )
    assert info.masked() == "1101**********002X"
    assert info.age_on(TODAY) == 76
    assert compute_check_char("11010519491231002") == "X"


def test_shenyang_districts_are_named() -> None:
    expected = {
        "210102": "和平区", "210103": "沈河区", "210104": "大东区", "210105": "皇姑区",
        "210106": "铁西区", "210111": "苏家屯区", "210112": "浑南区", "210113": "沈北新区",
        "210114": "于洪区", "210115": "辽中区", "210123": "康平县", "210124": "法库县",
        "210181": "新民市",
    }
    for code, name in expected.items():
        assert regions.region_short_name(code) == name
        assert regions.region_name(code) == "辽宁省沈阳市" + name
        info = parse_id_number(generate_id_number(code, date(1990, 1, 1), MALE, 3), today=TODAY)
        assert info.region_name == "辽宁省沈阳市" + name
        assert info.region_known


def test_masked_example_from_the_brief() -> None:
    number = generate_id_number("210102", date(1985, 6, 1), MALE, 61)  # order code 123
    info = parse_id_number(number, today=TODAY)
    assert info.masked() == "2101**********" + number[-4:]
    assert info.masked()[-4:-1] == "123"


def test_municipality_and_county_level_city_names() -> None:
    assert regions.region_name("110101") == "北京市东城区"
    assert regions.region_name("500229") == "重庆市城口县"
    assert regions.region_name("429004") == "湖北省仙桃市"
    assert regions.region_name("210100") == "辽宁省沈阳市"
    assert regions.region_name("210000") == "辽宁省"
    assert regions.region_name("990000") is None
    assert regions.region_name("21010") is None


def test_whitespace_full_width_and_lowercase_are_normalised() -> None:
    for text in (
        "11010519491231002x",
        " 11010519491231002X\n",
        "110105 19491231 002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "１１０１０５１９４９１２３１００２ｘ",
        "\u3000110105194912310 02X\u3000",
    ):
        assert parse_id_number(text, today=TODAY).number == "11010519491231002X"


# --- legacy 15-digit numbers ----------------------------------------------------------------


def test_fifteen_digit_number_is_upgraded() -> None:
    info = parse_id_number("110105491231002", today=TODAY)
    assert info.number == "11010519491231002X"
    assert info.upgraded_from == "110105491231002"
    assert info.birth_date == date(1949, 12, 31)
    assert upgrade_15_to_18("110105491231002") == "11010519491231002X"


@given(
    region=st.sampled_from(COUNTY_CODES),
    born=st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    order=st.integers(min_value=0, max_value=999),
)
def test_fifteen_to_eighteen_property(region: str, born: date, order: int) -> None:
    legacy = f"{region}{born:%y%m%d}{order:03d}"
    info = parse_id_number(legacy, today=TODAY)
    assert info.upgraded_from == legacy
    assert info.number == _with_check(f"{region}{born:%Y%m%d}{order:03d}")
    assert info.birth_date == born
    assert info.sex == (MALE if order % 2 else FEMALE)
    # The upgraded number is itself valid and says the same.
    again = parse_id_number(info.number, today=TODAY)
    assert again.upgraded_from is None
    assert (again.birth_date, again.sex, again.region_code) == (info.birth_date, info.sex, info.region_code)


# --- properties of every valid number -------------------------------------------------------


@settings(max_examples=300)
@given(resident_numbers)
def test_any_valid_number_parses_and_round_trips(number: str) -> None:
    info = parse_id_number(number, today=TODAY)
    assert info.number == number
    assert info.kind is IdKind.RESIDENT
    assert f"{info.birth_date:%Y%m%d}" == number[6:14]
    assert info.sex == (MALE if int(number[16]) % 2 else FEMALE)
    assert info.region_code == number[:6]
    assert info.region_known
    assert info.region_name.endswith(regions.region_short_name(number[:6]) or "?")
    assert parse_id_number(info.number, today=TODAY) == info
    assert validate_id_number(number, today=TODAY) == info
    masked = info.masked()
    assert len(masked) == 18 and masked[:4] == number[:4] and masked[-4:] == number[-4:]
    assert set(masked[4:-4]) == {"*"}


@settings(max_examples=200)
@given(number=resident_numbers, position=st.integers(min_value=0, max_value=17), data=st.data())
def test_changing_any_single_character_is_detected(number: str, position: int, data: st.DataObject) -> None:
    alphabet = "0123456789X" if position == 17 else "0123456789"
    replacement = data.draw(st.sampled_from([c for c in alphabet if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    result = validate_id_number(changed, today=TODAY)
    assert isinstance(result, InvalidIdNumber), f"{changed} (from {number}) was accepted"


# One number in eleven ends in X: the filter is expected to reject most draws.
@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(number=resident_numbers.filter(lambda n: n.endswith("X")))
def test_lowercase_x_is_accepted(number: str) -> None:
    assert parse_id_number(number.lower(), today=TODAY) == parse_id_number(number, today=TODAY)


@given(
    region=st.sampled_from(COUNTY_CODES),
    born=birth_dates,
    sex=st.sampled_from([MALE, FEMALE]),
    sequence=st.integers(min_value=0, max_value=498),
)
def test_generated_numbers_parse_back(region: str, born: date, sex: str, sequence: int) -> None:
    number = generate_id_number(region, born, sex, sequence)
    info = parse_id_number(number, today=TODAY)
    assert (info.region_code, info.birth_date, info.sex) == (region, born, sex)
    assert int(number[14:17]) == 2 * sequence + (1 if sex == MALE else 2)


def test_generate_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        generate_id_number("21010", date(1990, 1, 1), MALE)
    with pytest.raises(ValueError):
        generate_id_number("210102", date(1990, 1, 1), "m")
    with pytest.raises(ValueError):
        generate_id_number("210102", date(1990, 1, 1), FEMALE, 499)
    with pytest.raises(ValueError):
        generate_id_number("210102", date(1990, 1, 1), MALE, -1)
    assert generate_id_number("210102", date(1990, 1, 1), MALE, 499)[14:17] == "999"
    with pytest.raises(ValueError):
        compute_check_char("1101051949123100")
    with pytest.raises(ValueError):
        compute_check_char("1101051949123100X")


# --- what is rejected, and how it is explained ----------------------------------------------


def test_wrong_check_character_names_the_right_one() -> None:
    error = _error("110105194912310021")
    assert error.code == "checksum"
    assert error.position == 18
    assert "第18位应为 X" in error.message_zh
    assert "should be X" in error.message_en


def test_february_30_is_not_a_date() -> None:
    error = _error(_with_check("21010220230230123"))
    assert error.code == "birth_date_invalid"
    assert "2023年02月30日" in error.message_zh
    assert _error(_with_check("21010219900001123")).code == "birth_date_invalid"
    assert _error(_with_check("21010219901301123")).code == "birth_date_invalid"
    # 29 February exists in a leap year only; 1900 was not one.
    assert parse_id_number(_with_check("21010220000229123"), today=TODAY).birth_date == date(2000, 2, 29)
    assert _error(_with_check("21010219000229123")).code == "birth_date_invalid"


def test_birth_date_in_the_future() -> None:
    tomorrow = TODAY + timedelta(days=1)
    error = _error(_with_check(f"210102{tomorrow:%Y%m%d}123"))
    assert error.code == "birth_date_future"
    # Born today is fine (a newborn's registration).
    assert parse_id_number(_with_check(f"210102{TODAY:%Y%m%d}123"), today=TODAY).birth_date == TODAY
    # `today` decides: the same number is valid a day later.
    assert parse_id_number(_with_check(f"210102{tomorrow:%Y%m%d}123"), today=tomorrow).birth_date == tomorrow


def test_birth_date_before_1900() -> None:
    assert _error(_with_check("21010218991231123")).code == "birth_date_too_early"
    assert parse_id_number(_with_check("21010219000101123"), today=TODAY).birth_date == date(1900, 1, 1)


# (A leading 9 is a foreigner's 2023 number, tested below.)
@pytest.mark.parametrize(
    "prefix", ["00", "10", "16", "19", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "80", "84"]
)
def test_unknown_province_is_rejected(prefix: str) -> None:
    error = _error(_with_check(f"{prefix}0102199001011231"[:17]))
    assert error.code == "region_unknown"
    assert prefix in error.message_zh


def test_every_real_province_is_accepted() -> None:
    provinces = regions.province_codes()
    assert provinces == {
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    }


def test_unknown_county_in_known_province_is_accepted_with_a_flag() -> None:
    info = parse_id_number(generate_id_number("210199", date(1990, 1, 1), MALE), today=TODAY)
    assert info.kind is IdKind.RESIDENT
    assert info.region_known is False
    assert info.region_name == "辽宁省沈阳市"
    info = parse_id_number(generate_id_number("219999", date(1990, 1, 1), MALE), today=TODAY)
    assert (info.region_known, info.region_name) == (False, "辽宁省")


def test_retired_codes_are_known_by_their_old_names() -> None:
    # 辽中县 became 辽中区 (210115) in 2016; people registered before still carry 210122.
    info = parse_id_number(generate_id_number("210122", date(1960, 5, 4), FEMALE), today=TODAY)
    assert info.region_known is True
    assert info.region_name == "辽宁省沈阳市辽中县"
    assert not regions.is_current_region("210122")
    assert regions.is_known_region("210122")
    # 崇文区 and 宣武区 were merged into 东城区 / 西城区 in 2010.
    assert regions.region_name("110103") == "北京市崇文区"
    # Changes after 2020 are in the current list: 杭州 临平区, 和田 和康县.
    assert regions.region_name("330113") == "浙江省杭州市临平区"
    assert regions.is_current_region("653228")
    assert not regions.is_current_region("330103")


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("2101021990O101123X", 11, "字母“O”"),
        ("21010219900101123-", 18, "“-”"),
        ("2101021990X101123X", 11, "X 只能是18位号码的最后一位"),
        ("21010219900101号23X", 15, "“号”"),
        ("21010290010112X", 15, "X 只能是18位号码的最后一位"),
    ],
)
def test_characters_that_do_not_belong(text: str, position: int, fragment: str) -> None:
    error = _error(text)
    assert error.code == "characters"
    assert error.position == position
    assert fragment in error.message_zh
    assert f"Character {position}" in error.message_en


@pytest.mark.parametrize("text", ["21010219900101123", "2101021990010112345", "2101", "USA1100901231"])
def test_wrong_length(text: str) -> None:
    error = _error(text)
    assert error.code == "length"
    assert str(len(text)) in error.message_zh


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_input(text: str) -> None:
    assert _error(text).code == "empty"


def test_validate_returns_the_error_instead_of_raising() -> None:
    result = validate_id_number("110105194912310021", today=TODAY)
    assert isinstance(result, InvalidIdNumber)
    assert result.code == "checksum"
    assert isinstance(result, ValueError)
    assert isinstance(result, DeskError)


def test_mask_id_number_works_on_any_text() -> None:
    assert mask_id_number("KAZ110090123105") == "KAZ1*******3105"
    assert mask_id_number("12345678") == "********"
    assert mask_id_number("") == ""


# --- residence permits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "region_name", "label"),
    [
        # Sample numbers published by the Beijing public security bureau with the permit's design.
        ("810000199408230021", "香港特别行政区", "港澳居民居住证"),
        ("830000199201300022", "台湾地区", "台湾居民居住证"),
        (generate_id_number("820000", date(1988, 3, 3), MALE, 7), "澳门特别行政区", "港澳居民居住证"),
    ],
)
def test_residence_permits(number: str, region_name: str, label: str) -> None:
    info = parse_id_number(number, today=TODAY)
    assert info.kind is IdKind.HK_MACAO_TAIWAN_PERMIT
    assert info.region_name == region_name
    assert info.region_code == number[:6]
    assert info.kind_label_zh == label
    assert "residents" in info.kind_label_en


def test_permit_province_with_other_digits_is_rejected() -> None:
    error = _error(generate_id_number("810101", date(1990, 1, 1), MALE))
    assert error.code == "region_unknown"
    assert "810000" in error.message_zh
    # Permits were never issued with 15 digits.
    assert _error("810000940823002").code == "region_unknown"


# --- foreigners' permanent residence ID cards -------------------------------------------------


def test_foreign_permanent_2023() -> None:
    # 9 | 11 Beijing | 398 Kazakhstan | 1990-12-31 | 002 | check 1
    info = parse_id_number("911398199012310021", today=TODAY)
    assert info.kind is IdKind.FOREIGN_PERMANENT_2023
    assert info.nationality == "398"
    assert info.birth_date == date(1990, 12, 31)
    assert info.sex == FEMALE
    assert (info.region_code, info.region_name) == ("110000", "北京市")
    assert info.kind_label_zh == "外国人永久居留身份证（2023版）"
    liaoning_man = _with_check("921840198507150011"[:17])
    info = parse_id_number(liaoning_man, today=TODAY)
    assert (info.region_name, info.nationality, info.sex) == ("辽宁省", "840", MALE)


def test_foreign_permanent_2023_rejections() -> None:
    assert _error("911398199012310022").code == "checksum"
    assert _error(_with_check("98139819901231002")).code == "region_unknown"  # 81 is no accepting province
    assert _error(_with_check("99939819901231002")).code == "region_unknown"
    assert _error(_with_check("91100019901231002")).code == "nationality"
    assert _error(_with_check("91139819900231002")).code == "birth_date_invalid"


def test_foreign_permanent_2017() -> None:
    # KAZ | 1100 Beijing | 901231 | 0 (even: woman) | 5 = 7-3-1 check
    info = parse_id_number("KAZ110090123105", today=TODAY)
    assert info.kind is IdKind.FOREIGN_PERMANENT_2017
    assert info.number == "KAZ110090123105"
    assert (info.nationality, info.birth_date, info.sex) == ("KAZ", date(1990, 12, 31), FEMALE)
    assert (info.region_code, info.region_name) == ("110000", "北京市")
    assert info.masked() == "KAZ1*******3105"
    assert parse_id_number("kaz110090123105", today=TODAY) == info
    # An office code with a prefecture names it.
    body = "USA2101150601" + "1"
    number = body + compute_foreign_2017_check_digit(body)
    info = parse_id_number(number, today=TODAY)
    assert (info.region_code, info.region_name, info.sex) == ("210100", "辽宁省沈阳市", MALE)
    assert info.birth_date == date(2015, 6, 1)  # the two-digit year takes the latest century not in the future


def test_foreign_permanent_2017_rejections() -> None:
    error = _error("KAZ110090123107")
    assert (error.code, error.position) == ("checksum", 15)
    assert "第15位应为 5" in error.message_zh
    body = "KAZ9900901231" + "0"
    assert _error(body + compute_foreign_2017_check_digit(body)).code == "region_unknown"
    body = "KAZ1100900230" + "0"
    assert _error(body + compute_foreign_2017_check_digit(body)).code == "birth_date_invalid"


@given(
    letters=st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=3, max_size=3),
    born=st.dates(min_value=date(1927, 1, 1), max_value=TODAY),
    order=st.integers(min_value=0, max_value=9),
    position=st.integers(min_value=3, max_value=14),
    data=st.data(),
)
def test_foreign_2017_digit_changes_are_detected(
    letters: str, born: date, order: int, position: int, data: st.DataObject
) -> None:
    body = f"{letters}2101{born:%y%m%d}{order}"
    number = body + compute_foreign_2017_check_digit(body)
    assert parse_id_number(number, today=TODAY).birth_date == born
    replacement = data.draw(st.sampled_from([c for c in "0123456789" if c != number[position]]))
    changed = number[:position] + replacement + number[position + 1 :]
    assert isinstance(validate_id_number(changed, today=TODAY), InvalidIdNumber)


# --- the region data itself -------------------------------------------------------------------


def test_region_lists_are_consistent() -> None:
    table = regions.region_table()
    assert len(table.current) > 3000
    assert len(table.historical) > 3000
    assert not set(table.current) & set(table.historical)
    placeholders = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
    assert not placeholders & set(table.current.values())
    for code in table.current:
        assert code[:2] + "0000" in table.current, code
    # Every prefecture of Liaoning.
    liaoning = {code: name for code, name in table.current.items() if code.startswith("21") and code.endswith("00")}
    assert len(liaoning) == 15  # the province and its 14 prefecture-level cities
    assert liaoning["211400"] == "葫芦岛市"


def test_core_imports_without_qt_or_sqlalchemy() -> None:
    code = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"
        "sys.modules['sqlalchemy'] = None\n"
        "import desk.domain.idnumber, desk.domain.regions\n"
        "from desk.paths import resources_dir\n"
        "desk.domain.regions.use_region_folder(resources_dir() / 'regions')\n"
        "print(desk.domain.idnumber.parse_id_number('11010519491231002X').region_name)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "北京市朝阳区"


def test_an_id_number_checked_before_any_root_named_the_region_table_fails_at_once() -> None:
    """The domain reads no install paths: without a folder named, a check refuses loudly rather than
    calling every region unknown."""
    code = (
        "import desk.domain.idnumber\n"
        "desk.domain.idnumber.parse_id_number('11010519491231002X')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode != 0 and "use_shipped_regions" in done.stderr
