"""`desk deadline`: due dates on stdout, warnings on stderr, JSON, --check-year, exit codes."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

import desk.cli
from desk.cli import deadline_cmd

SHIPPED = Path(__file__).resolve().parents[2] / "resources" / "holidays"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    # Only this command group's parser, dispatched the way desk.cli.main does, so the test does
    # not depend on every other command module being importable.
    parser = argparse.ArgumentParser(prog="desk")
    deadline_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["deadline", *argv])
    code = args.func(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_registered_with_the_desk_command() -> None:
    assert "desk.cli.deadline_cmd" in desk.cli.COMMAND_MODULES


def test_due_date_across_the_spring_festival(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["2026-02-13", "2", "--holidays-dir", str(SHIPPED)], capsys)
    assert (code, out, err) == (0, "2026-02-24\n", "")


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["2025-09-26", "4", "--json", "--holidays-dir", str(SHIPPED)], capsys)
    assert code == 0
    assert json.loads(out) == {
        "start": "2025-09-26",
        "days": 4,
        "due_date": "2025-10-09",
        "coverage": {"2025": "chinesecalendar"},
        "warnings": [],
    }


def test_year_without_data_warns_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # An empty folder and a year chinesecalendar will not know for a long time.
    code, out, err = run(["2099-12-30", "3", "--holidays-dir", str(tmp_path)], capsys)
    assert code == 0
    assert out == "2100-01-04\n"
    assert "2099 年没有官方节假日数据" in err and "2100 年没有官方节假日数据" in err
    assert "No official holiday data for 2099" in err
    code, out, err = run(["2099-12-30", "3", "--json", "--holidays-dir", str(tmp_path)], capsys)
    report = json.loads(out)
    assert report["coverage"] == {"2099": "weekend_fallback", "2100": "weekend_fallback"}
    assert [w["year"] for w in report["warnings"]] == [2099, 2100]
    assert report["warnings"][0]["message_en"].startswith("No official holiday data for 2099")


def test_a_data_file_removes_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "2099.toml").write_text(
        'year = 2099\nsource = "测试"\nholidays = [{ from = 2099-12-30, to = 2099-12-31, name = "x" }]\n',
        encoding="utf-8",
    )
    code, out, err = run(["2099-12-29", "1", "--holidays-dir", str(tmp_path)], capsys)
    assert (code, out, err) == (
        0,
        "2100-01-01\n",
        "警告：2100 年没有官方节假日数据，按周末推算，可能不准确；"
        "请管理员导入 2100 年的节假日安排（desk holidays import 2100.toml）\n"
        "Warning: No official holiday data for 2100: counted with weekends only, "
        "the date may be wrong; an administrator should import the 2100 schedule "
        "(desk holidays import 2100.toml)\n",
    )


def test_check_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--check-year", "2026", "--holidays-dir", str(SHIPPED)], capsys)
    assert code == 0
    assert out.startswith("2026: official_file")
    assert "国务院办公厅关于2026年部分节假日安排的通知" in out
    code, out, _ = run(["--check-year", "2025", "--holidays-dir", str(tmp_path)], capsys)
    assert out.startswith("2025: chinesecalendar")
    code, out, _ = run(["--check-year", "2099", "--json", "--holidays-dir", str(tmp_path)], capsys)
    report = json.loads(out)
    assert (report["year"], report["coverage"], report["source"]) == (2099, "weekend_fallback", None)
    assert report["warning"]["message_zh"].startswith("2099 年没有官方节假日数据")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["2026-02-30", "3"], "invalid date: '2026-02-30'"),
        (["26-2-3", "3"], "invalid date"),
        (["2026-02-13", "-1"], "invalid number of working days"),
        (["2026-02-13", "three"], "invalid number of working days"),
        (["2026-02-13"], "expected START DAYS"),
        ([], "expected START DAYS"),
        (["--check-year", "27"], "invalid year"),
        (["2026-02-13", "2", "--check-year", "2026"], "--check-year takes no START DAYS"),
        (["9999-12-30", "5"], "beyond the last representable date"),
    ],
)
def test_bad_arguments_exit_2(argv: list[str], needle: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([*argv, "--holidays-dir", str(SHIPPED)], capsys)
    assert code == 2
    assert out == ""
    assert needle in err
    assert "desk deadline: " in err


def test_invalid_data_file_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "2027.toml").write_text(
        'year = 2027\nsource = "s"\nholidays = [{ date = 2027-01-01, name = "元旦" }]\nworkdays = [2027-01-04]\n',
        encoding="utf-8",
    )
    code, out, err = run(["2026-11-25", "10", "--holidays-dir", str(tmp_path)], capsys)
    assert code == 1
    assert out == ""
    assert "2027.toml workdays[0]" in err and "not a weekend day" in err
