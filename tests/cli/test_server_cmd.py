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
