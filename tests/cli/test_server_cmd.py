"""`desk server` refuses to start without TLS (except plain HTTP on loopback) and names what is missing.
Starting it for real is tested in tests/server (a subprocess over TLS in front of PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.cli import main


def test_no_certificate_no_server(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "server"]) == 1
    assert "--tls-cert" in capsys.readouterr().err
    assert main(["--db", url, "server", "--tls-cert", str(tmp_path / "none.pem"),
                 "--tls-key", str(tmp_path / "none.key")]) == 1
    assert "none.pem" in capsys.readouterr().err


def test_plain_http_only_on_loopback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    assert main(["--db", url, "server", "--no-tls", "--host", "0.0.0.0"]) == 1
    assert "loopback" in capsys.readouterr().err
    assert not (tmp_path / "desk.sqlite3").exists()  # refused before touching the database


def test_no_database_url_no_server(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --db or DESK_DATABASE_URL the server used to start on an empty SQLite in its data folder —
    an empty city behind a healthy /health: every clerk's password then read as wrong."""
    import uvicorn

    started: list[object] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: started.append(args))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("DESK_SYSTEM_SETTINGS", str(tmp_path / "none.toml"))
    assert main(["server", "--no-tls", "--host", "127.0.0.1"]) == 1
    assert "DESK_DATABASE_URL" in capsys.readouterr().err
    assert started == [] and not list((tmp_path / "data").glob("*.sqlite3"))
