"""`desk bundle …`: the shipped bundles listed; a bundle folder with a broken file refused (exit 1)
with the file and the key named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main


def test_bundle_list_names_the_shipped_bundles(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["bundle", "list", "--json"]) == 0
    listed = {b["code"]: b for b in json.loads(capsys.readouterr().out)}
    assert listed["newborn"]["members"] == ["birth_registration"]
    assert "vaccination" in listed["newborn"]["follow_ups"]
    assert listed["after_death"]["optional"] == ["deregistration_certificate", "head_of_household_change"]


def test_bundle_check_names_file_and_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "broken.toml").write_text(
        'code = "broken"\nname_zh = "坏"\nname_en = "Bad"\ndescription_zh = "坏"\ndescription_en = "Bad"\n'
        'source = "测试"\n[[members]]\ntransaction = "birth_registraton"\n', encoding="utf-8")
    assert main(["bundle", "check", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "broken.toml" in out and "members[0].transaction" in out and "birth_registraton" in out
