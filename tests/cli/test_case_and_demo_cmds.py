"""`desk demo-data`, `desk case list/show`, `desk db` against a real store through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.cli import main


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    assert main(["--db", url, "demo-data", "--residents", "30", "--cases", "40", "--seed", "7"]) == 0
    return url


def test_demo_data_has_every_state_and_a_clean_audit_chain(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--db", demo_db, "case", "list", "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert len(cases) == 40
    for case in cases:
        assert {"number", "transaction_code", "state", "applicant_id_number", "accepted_at", "due_date"} <= set(case)
    states = {c["state"] for c in cases}
    assert {"draft", "accepted", "not_accepted", "supplement_requested", "under_review", "approved", "denied",
            "completed", "withdrawn"} <= states
    assert main(["--db", demo_db, "audit", "verify"]) == 0


def test_demo_data_is_deterministic(tmp_path: Path, demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    other = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    main(["--db", other, "demo-data", "--residents", "30", "--cases", "40", "--seed", "7"])
    capsys.readouterr()
    main(["--db", demo_db, "case", "list", "--json"])
    first = [(c["number"], c["transaction_code"], c["state"], c["applicant_id_number"])
             for c in json.loads(capsys.readouterr().out)]
    main(["--db", other, "case", "list", "--json"])
    second = [(c["number"], c["transaction_code"], c["state"], c["applicant_id_number"])
              for c in json.loads(capsys.readouterr().out)]
    assert first == second


def test_case_list_filters_and_show(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    main(["--db", demo_db, "case", "list", "--state", "completed", "--json"])
    completed = json.loads(capsys.readouterr().out)
    assert completed and all(c["state"] == "completed" for c in completed)
    number = completed[0]["number"]
    day = number.split("-")[1]
    main(["--db", demo_db, "case", "list", "--date", f"{day[:4]}-{day[4:6]}-{day[6:]}", "--json"])
    assert number in {c["number"] for c in json.loads(capsys.readouterr().out)}
    assert main(["--db", demo_db, "case", "show", number, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["number"] == number and shown["history"][0]["action"] == "open"
    assert main(["--db", demo_db, "case", "show", number]) == 0
    assert number in capsys.readouterr().out


def test_case_show_unknown_number(demo_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", demo_db, "case", "show", "XX-1"]) == 1
    assert "找不到申请" in capsys.readouterr().err


def test_db_upgrade_and_info(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert main(["--db", url, "db", "info"]) == 3  # not migrated yet
    assert main(["--db", url, "db", "upgrade"]) == 0
    assert "最新" in capsys.readouterr().out
    assert main(["--db", url, "db", "info"]) == 0


def test_unreachable_database_gives_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    assert main(["--db", f"sqlite:///{tmp_path / 'a-file' / 'x.sqlite3'}", "case", "list"]) != 0
    err = capsys.readouterr().err
    assert "数据库" in err and "Traceback" not in err


def test_postgres_server_down_gives_a_clear_message(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", "postgresql://desk@127.0.0.1:9/desk", "case", "list"]) == 1
    err = capsys.readouterr().err
    assert "无法打开数据库" in err and "Traceback" not in err
