"""`desk id check`: exit codes, the printed facts and the JSON shape."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desk.cli import main
from desk.domain.idnumber import MALE, generate_id_number


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["id", "check", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_valid_number_prints_the_facts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "11010519491231002X")
    assert code == 0
    assert "1949年12月31日" in out and "1949-12-31" in out
    assert "女 / female" in out
    assert "北京市朝阳区 (110105)" in out
    assert "居民身份证" in out
    assert "注意" not in out


def test_valid_number_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "11010519491231002x", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["valid"] is True
    assert data["number"] == "11010519491231002X"
    assert data["kind"] == "resident"
    assert data["birth_date"] == "1949-12-31"
    assert data["sex"] == "female"
    assert data["region_code"] == "110105"
    assert data["region_name"] == "北京市朝阳区"
    assert data["upgraded_from"] is None
    assert data["masked"] == "1101**********002X"
    assert data["warnings"] == []


def test_fifteen_digit_number_shows_the_upgrade(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "110105491231002", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["number"], data["upgraded_from"]) == ("11010519491231002X", "110105491231002")
    code, out, _ = _run(capsys, "110105491231002")
    assert code == 0
    assert "110105491231002" in out and "升级" in out


def test_invalid_number_exits_1_with_the_reason(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "110105194912310021")
    assert code == 1
    assert "第18位应为 X" in out
    assert "should be X" in out


def test_invalid_number_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "21010220230230123X", "--json", "--today", "2026-11-25")
    assert code == 1
    data = json.loads(out)
    assert data["valid"] is False
    assert (data["error"], data["position"]) == ("checksum", 18)
    assert "第18位应为 2" in data["message_zh"]
    assert "should be 2" in data["message_en"]


def test_birth_date_error_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "210102202302301232", "--json")
    assert code == 1
    data = json.loads(out)
    assert data["error"] == "birth_date_invalid"
    assert "2023年02月30日" in data["message_zh"]


def test_today_option_decides_future_dates(capsys: pytest.CaptureFixture[str]) -> None:
    number = generate_id_number("210102", date(2026, 11, 26), MALE, 4)
    code, out, _ = _run(capsys, number, "--today", "2026-11-25", "--json")
    assert (code, json.loads(out)["error"]) == (1, "birth_date_future")
    code, _, _ = _run(capsys, number, "--today", "2026-11-26")
    assert code == 0


def test_unknown_county_is_valid_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "210199199001011236", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["region_known"] is False
    assert data["region_name"] == "辽宁省沈阳市"
    assert [w["code"] for w in data["warnings"]] == ["region_not_in_list"]
    code, out, _ = _run(capsys, "210199199001011236")
    assert code == 0
    assert "注意" in out and "210199" in out


def test_permit_and_foreign_cards(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "830000199201300022")
    assert code == 0
    assert "台湾居民居住证" in out and "台湾地区" in out
    code, out, _ = _run(capsys, "911398199012310021", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["kind"], data["nationality"]) == ("foreign_permanent_2023", "398")
    code, out, _ = _run(capsys, "KAZ110090123105")
    assert code == 0
    assert "外国人永久居留身份证（2017版）" in out and "KAZ" in out and "受理地" in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "   ")
    assert code == 2
    assert "请输入证件号码" in err
    code, _, err = _run(capsys, "11010519491231002X", "--today", "2026-02-30")
    assert code == 2
    assert "2026-02-30" in err
    with pytest.raises(SystemExit) as exited:
        main(["id", "check"])
    assert exited.value.code == 2
    with pytest.raises(SystemExit) as exited:
        main(["id"])
    assert exited.value.code == 2
