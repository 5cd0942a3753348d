"""`desk catalog`: the table, JSON, show, and check with its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desk.cli import main

TRANSACTION = """\
code = "{code}"
name_zh = "{name_zh}"
name_en = "Test transaction"
category = "{category}"
time_limit_days = {days}
approval = "leader"
description_zh = "测试事项。"
description_en = "A test transaction."
conditions_zh = "无。"
legal_basis_zh = "《中华人民共和国户口登记条例》"
source = "测试"

[[fields]]
key = "reason"
type = "text"
label_zh = "理由"
label_en = "Reason"
required = true

[[materials]]
key = "booklet"
name_zh = "居民户口簿"
name_en = "Household booklet"
form = "original"
why_zh = "核对户籍。"
why_en = "Checks the registration."
"""


def write(folder: Path, code: str, name_zh: str = "分户", category: str = "household", days: int = 2,
          extra: str = "") -> Path:
    path = folder / f"{code}.toml"
    text = TRANSACTION.format(code=code, name_zh=name_zh, category=category, days=days) + extra
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write(tmp_path, "household_split")
    write(tmp_path, "birth_registration", name_zh="出生登记", category="settle", days=0)
    return tmp_path


def test_table(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--dir", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["code", "名称", "category", "时限", "approval"]
    # grouped by category: settle before household
    assert out[1].split()[:3] == ["birth_registration", "出生登记", "settle"]
    assert "当场办结" in out[1]
    assert out[2].split()[:3] == ["household_split", "分户", "household"]
    assert "2 个工作日" in out[2] and "leader" in out[2]
    assert "2 transactions" in out[-1]


def test_json_array(folder: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["catalog", "--json", "--dir", str(folder)]) == 0
    raw = capsysbinary.readouterr().out
    assert "出生登记".encode() in raw  # ensure_ascii=False, UTF-8
    data = json.loads(raw.decode("utf-8"))
    assert [item["code"] for item in data] == ["birth_registration", "household_split"]
    assert data[0]["fields"][0]["key"] == "reason" and data[0]["materials"][0]["form"] == "original"


def test_show(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--dir", str(folder), "show", "household_split"]) == 0
    out = capsys.readouterr().out
    assert "分户" in out and "household_split" in out and "居民户口簿" in out and "reason" in out


@pytest.mark.parametrize("argv", [["show", "household_split", "--json"], ["--json", "show", "household_split"]])
def test_show_json_either_place(folder: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(["catalog", "--dir", str(folder), *argv]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "household_split" and data["approval"] == "leader"


def test_show_unknown_code(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "--dir", str(folder), "show", "household_splt"]) == 1
    err = capsys.readouterr().err
    assert "household_splt" in err and "household_split" in err  # suggests the close match


def test_check_ok(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(folder)]) == 0
    assert "2 transactions OK" in capsys.readouterr().out


def test_check_one_file(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["catalog", "check", str(folder / "household_split.toml")]) == 0
    assert "1 transactions OK" in capsys.readouterr().out


def test_check_lists_every_error_one_per_line(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(folder, "bad_one", category="settling")
    write(folder, "bad_two", extra='\n[[rules]]\nkey = "r"\nrequire = "reasn == \\"x\\""\nreason_zh = "不符合"\n'
                                   'reason_en = "No"\nbasis_zh = "《户口登记条例》"\nwhen = "true"\n')
    assert main(["catalog", "check", str(folder)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("bad_one.toml [bad_one] category: ")
    assert "'settling'" in lines[0]
    assert lines[1].startswith("bad_two.toml [bad_two] rules[0].when: ")
    assert lines[2].startswith("bad_two.toml [bad_two] rules[0].require: ") and "reasn" in lines[2]
    assert "3 error(s) in 2 file(s)" in lines[-1]
    assert len(lines) == 4


def test_listing_a_broken_catalog_fails_with_the_errors(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(folder, "bad_one", category="settling")
    assert main(["catalog", "--dir", str(folder)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "bad_one.toml [bad_one] category" in captured.err


def test_the_command_runs_as_a_program(folder: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desk", "catalog", "--json", "--dir", str(folder)],
        capture_output=True, check=False, env={"PYTHONIOENCODING": "ascii", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr.decode()
    assert [t["code"] for t in json.loads(result.stdout.decode("utf-8"))] == ["birth_registration", "household_split"]
