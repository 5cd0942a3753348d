"""Setting up a station and its users from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desk.cli import main


def test_station_and_users(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                           monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "station", "add", "HP02", "沈阳市公安局和平分局南市场派出所",
                 "--branch", "沈阳市公安局和平分局", "--court", "沈阳市和平区人民法院"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("long-enough-pw\n"))
    assert main(["--db", url, "user", "add", "wangjg", "--name", "王建国", "--role", "leader",
                 "--station", "HP02"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--db", url, "user", "add", "x", "--name", "X", "--role", "clerk", "--station", "HP02"]) == 1
    assert "至少 8 位" in capsys.readouterr().err
    assert main(["--db", url, "user", "list"]) == 0
    assert "王建国" in capsys.readouterr().out
    from desk.core import build_core

    core = build_core(url)
    assert core.users.sign_in("wangjg", "long-enough-pw").display_name == "王建国"
    monkeypatch.setattr("sys.stdin", io.StringIO("another-password\n"))
    assert main(["--db", url, "user", "password", "wangjg"]) == 0
    assert core.users.sign_in("wangjg", "another-password").username == "wangjg"
