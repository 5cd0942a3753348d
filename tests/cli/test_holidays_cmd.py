"""`desk holidays import FILE`: a checked schedule lands in the writable holiday folder and counts at once;
a bad file is told and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

import desk.cli

SCHEDULE_2027 = """year = 2027
source = "test schedule (not the State Council's)"
holidays = [{ from = 2027-01-01, to = 2027-01-03, name = "元旦" }]
workdays = []
"""


@pytest.fixture
def overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "writable-holidays"
    monkeypatch.setenv("DESK_HOLIDAYS_DIR", str(folder))
    return folder


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = desk.cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_an_imported_year_is_counted(overrides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(["deadline", "2026-12-31", "1"], capsys)
    assert (code, out) == (0, "2027-01-01\n") and "desk holidays import 2027.toml" in err  # weekends only
    notice = tmp_path / "国务院2027年节假日安排.toml"  # any file name: the year inside counts
    notice.write_text(SCHEDULE_2027, encoding="utf-8")
    code, out, err = _run(["holidays", "import", str(notice)], capsys)
    assert code == 0, err
    assert (overrides / "2027.toml").read_text(encoding="utf-8") == SCHEDULE_2027
    assert "imported 2027" in out
    code, out, err = _run(["deadline", "2026-12-31", "1"], capsys)
    assert (code, out, err) == (0, "2027-01-04\n", "")
    code, out, _ = _run(["holidays", "list"], capsys)
    assert "2026\tshipped" in out and "2027\timported" in out
    code, out, _ = _run(["holidays", "import", str(notice)], capsys)
    assert code == 0 and "replaced 2027" in out


@pytest.mark.parametrize(("text", "words"), [
    (SCHEDULE_2027.replace("workdays = []", "workdays = [2027-02-08]"), "2027-02-08"),  # a Monday
    (SCHEDULE_2027.replace("year = 2027", "year = 2027\nyaer = 1"), "yaer"),
    ("year = ", "TOML"),
])
def test_a_bad_file_is_told_and_changes_nothing(overrides: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                text: str, words: str) -> None:
    overrides.mkdir()
    (overrides / "2027.toml").write_text(SCHEDULE_2027, encoding="utf-8")
    bad = tmp_path / "2027.toml"
    bad.write_text(text, encoding="utf-8")
    code, out, err = _run(["holidays", "import", str(bad)], capsys)
    assert code == 1 and out == ""
    assert words in err
    assert (overrides / "2027.toml").read_text(encoding="utf-8") == SCHEDULE_2027
    assert sorted(p.name for p in overrides.iterdir()) == ["2027.toml"]
