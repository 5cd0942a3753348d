"""`desk catalog evaluate | show | guide` on the shipped catalog: a case's values in, eligibility,
tier, time limit and materials out (JSON keys as named in the issue); the 办事指南 page and the whole
guide as a PDF read back."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from desk_fixtures import make_id

from desk.cli import main

FATHER = make_id("21010219900315001")  # a man born 1990
MINOR = make_id("21010220120101001")  # a boy born 2012


def _evaluate(capsys: pytest.CaptureFixture[str], code: str, fields: dict[str, object], *extra: str) -> dict:
    assert main(["catalog", "evaluate", code, "--fields", json.dumps(fields, ensure_ascii=False), "--json",
                 *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_evaluate_prints_exactly_the_named_keys(capsys: pytest.CaptureFixture[str]) -> None:
    result = _evaluate(capsys, "birth_registration", {"child_birth_date": "2019-05-01", "parents_married": True})
    assert list(result) == ["eligible", "reasons", "approval", "time_limit_days", "materials"]
    assert result["eligible"] is True and result["reasons"] == []
    assert (result["approval"], result["time_limit_days"]) == ("branch", 5)  # five or older: the branch
    assert all(list(m) == ["name_zh", "required"] for m in result["materials"])
    required = {m["name_zh"] for m in result["materials"] if m["required"]}
    assert "未按时申报出生登记的情况说明" in required and "父母《结婚证》" in required
    assert "非婚生育说明" not in required


def test_evaluate_a_newborn_is_on_the_spot(capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import date, timedelta

    yesterday = (date.today() - timedelta(days=1)).isoformat()
    result = _evaluate(capsys, "birth_registration", {"child_birth_date": yesterday, "parents_married": False})
    assert (result["approval"], result["time_limit_days"]) == ("clerk", 0)
    assert {m["name_zh"] for m in result["materials"] if m["required"]} >= {"非婚生育说明"}


def test_evaluate_says_why_not_eligible(capsys: pytest.CaptureFixture[str]) -> None:
    result = _evaluate(capsys, "move_in_permit", {"move_reason": "parents_join_child",
                                                  "mover": {"name": "李四", "id_number": FATHER}})
    assert result["eligible"] is False
    assert any("男性年满60周岁" in reason for reason in result["reasons"])


def test_evaluate_uses_the_applicant_for_applicant_rules(capsys: pytest.CaptureFixture[str]) -> None:
    minor = _evaluate(capsys, "name_change", {}, "--applicant", MINOR)
    adult = _evaluate(capsys, "name_change", {}, "--applicant", FATHER)
    assert (minor["approval"], minor["time_limit_days"]) == ("leader", 2)
    assert adult["approval"] == "branch"


@pytest.mark.parametrize("fields, message", [
    ("{not json", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"child_birth_date": "2019-13-45"}', "child_birth_date"),
    ('{"no_such_field": 1}', "no_such_field"),
])
def test_evaluate_refuses_bad_input_clearly(capsys: pytest.CaptureFixture[str], fields: str, message: str) -> None:
    assert main(["catalog", "evaluate", "birth_registration", "--fields", fields]) == 2
    assert message in capsys.readouterr().err


def test_evaluate_reads_fields_from_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "fields.json"
    file.write_text(json.dumps({"child_birth_date": "2019-05-01"}), encoding="utf-8")
    assert main(["catalog", "evaluate", "birth_registration", "--fields", f"@{file}"]) == 0
    out = capsys.readouterr().out
    assert "审批 approval: branch" in out and "5 个工作日" in out


def test_show_prints_the_six_elements(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "birth_registration"]) == 0
    out = capsys.readouterr().out
    for heading in ("受理部门", "办理条件", "办理流程", "申请材料", "办理时限", "收费标准", "设定依据", "信息来源"):
        assert heading in out
    assert "年满5周岁以上申报出生登记，由分局调查审批：分局审批，5个工作日" in out


def test_show_json_carries_the_guide_and_the_tiers(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "show", "birth_registration", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["key"] for t in data["tiers"]] == ["over_five", "rural"]
    assert data["power_type"] == "confirmation"
    assert data["guide"]["department_zh"] and data["guide"]["procedure_zh"]
    assert all("basis_zh" in rule for rule in data["rules"])


def test_guide_writes_the_whole_guide_as_a_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "guide.pdf"
    assert main(["catalog", "guide", "--out", str(out)]) == 0
    raw = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, check=True, text=True).stdout
    text = "".join(raw.split())  # long names wrap: compare without the line breaks
    assert "户籍业务办事指南" in text
    from desk.shipped import shipped_catalog

    for transaction in shipped_catalog().values():
        assert transaction.name_zh in text
    assert "年满5周岁以上申报出生登记" in text and "受理部门" in text


def test_guide_to_an_unwritable_place_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "guide", "--out", str(tmp_path / "missing" / "guide.pdf")]) == 1
    assert "cannot write" in capsys.readouterr().err


@pytest.mark.parametrize("cancelled, eligible", [("2001-05-01", True), ("2005-01-01", False)])
def test_the_2003_rule_for_released_prisoners_is_a_rule_now(capsys: pytest.CaptureFixture[str], cancelled: str,
                                                           eligible: bool) -> None:
    values = {"deregistered_on": cancelled, "release_date": "2010-01-01"}
    result = _evaluate(capsys, "released_prisoner_restore", values)
    assert result["eligible"] is eligible
    assert any("2003年8月7日" in reason for reason in result["reasons"]) is not eligible


def test_an_unregistered_person_brings_the_proof_of_their_situation(capsys: pytest.CaptureFixture[str]) -> None:
    adult = {"name": "无名", "id_number": FATHER}
    adoption = _evaluate(capsys, "unregistered_person_registration", {"situation": "de_facto_adoption",
                                                                       "person": adult})
    required = {m["name_zh"] for m in adoption["materials"] if m["required"]}
    assert any("事实收养" in name for name in required) and not any("亲子鉴定" in name for name in required)
    assert (adoption["approval"], adoption["time_limit_days"]) == ("branch", 7)
