"""Catalog files checked at load: cyclic `when` conditions, numbers out of any sane range, NaN/inf."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.domain.catalog_loader import read_catalog

SOURCE = Path(__file__).resolve().parents[2] / "resources" / "catalog" / "adoption_registration.toml"


def _with(tmp_path: Path, old: str, new: str) -> Path:
    text = SOURCE.read_text(encoding="utf-8")
    assert old in text
    file = tmp_path / SOURCE.name
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return file


def test_the_source_file_is_clean(tmp_path: Path) -> None:
    transactions, issues = read_catalog(_with(tmp_path, "", ""))
    assert issues == [] and len(transactions) == 1


def test_cyclic_when_conditions_are_refused(tmp_path: Path) -> None:
    file = _with(tmp_path, 'key = "child_name"\n', 'key = "child_name"\nwhen = "child_sex == \'male\'"\n')
    file.write_text(file.read_text(encoding="utf-8").replace(
        'key = "child_sex"\n', 'key = "child_sex"\nwhen = "child_name != \'\'"\n', 1), encoding="utf-8")
    transactions, issues = read_catalog(file)
    assert transactions == []
    messages = [issue.message_en for issue in issues]
    assert any("cycle" in m and "child_name" in m and "child_sex" in m for m in messages), messages
    assert any("循环" in issue.message_zh for issue in issues)


def test_a_chain_without_a_cycle_is_fine(tmp_path: Path) -> None:
    file = _with(tmp_path, 'key = "child_name"\n', 'key = "child_name"\nwhen = "child_sex == \'male\'"\n')
    transactions, issues = read_catalog(file)
    assert issues == [] and len(transactions) == 1


@pytest.mark.parametrize(("old", "new", "words"), [
    ("time_limit_days = 0", "time_limit_days = 99999999999", "at most 366"),
    ("max_length = 20", "max_length = 100000000", "at most 2000"),
])
def test_absurd_numbers_are_refused(tmp_path: Path, old: str, new: str, words: str) -> None:
    transactions, issues = read_catalog(_with(tmp_path, old, new))
    assert transactions == []
    assert any(words in issue.message_en for issue in issues), [i.message_en for i in issues]


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_non_finite_numbers_are_refused(tmp_path: Path, value: str) -> None:
    file = _with(tmp_path, "fee_yuan = 0", f"fee_yuan = {value}")
    transactions, issues = read_catalog(file)
    assert transactions == []
    assert any("finite" in issue.message_en for issue in issues)
