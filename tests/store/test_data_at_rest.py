"""Personal data at rest: the data folder, the database file (with its -wal and -shm), the spool and the
printed papers are readable by their owner only; database errors and the engine's own log carry no
name and no ID number (SQLAlchemy `hide_parameters`)."""

from __future__ import annotations

import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from desk.paths import data_dir
from desk.store.database import Store
from desk.store.models import Citizen
from printing.printers import PdfFilePrinter
from printing.queue import PrintQueue

NUMBER, NAME = "210102195301150038", "王𠮷"


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_data_folder_is_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = os.umask(0o022)
    try:
        monkeypatch.setenv("DESK_DATA_DIR", str(tmp_path / "new" / "data"))
        assert mode(data_dir()) == 0o700
        loose = tmp_path / "loose"
        loose.mkdir(mode=0o755)
        loose.chmod(0o755)
        monkeypatch.setenv("DESK_DATA_DIR", str(loose))
        assert mode(data_dir()) == 0o700  # an older install's folder is tightened
    finally:
        os.umask(old)


def test_the_sqlite_file_and_its_journal_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "fresh" / "desk.sqlite3"
        store = Store(f"sqlite:///{path}")
        with store.write() as session:
            session.add(Citizen(id_number=NUMBER, name=NAME, updated_at=datetime.now(UTC)))
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        for suffix in ("-wal", "-shm"):
            journal = Path(f"{path}{suffix}")
            assert journal.exists() and mode(journal) == 0o600, suffix
        store.dispose()
        loose = tmp_path / "old.sqlite3"
        Store(f"sqlite:///{loose}").dispose()
        loose.chmod(0o644)
        Store(f"sqlite:///{loose}").dispose()
        assert mode(loose) == 0o600  # an older desk's file is tightened
    finally:
        os.umask(old)


def test_spooled_and_printed_pdfs_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        spool = PrintQueue(tmp_path / "spool")
        job = spool.submit(b"%PDF-1.4 paper", printer="station", job_name="receipt")
        assert mode(tmp_path / "spool") == 0o700
        assert mode(tmp_path / "spool" / f"{job.job_id}.pdf") == 0o600
        assert mode(tmp_path / "spool" / f"{job.job_id}.json") == 0o600
        printer = PdfFilePrinter(tmp_path / "printed")
        result = printer.print_pdf(b"%PDF-1.4 paper", "receipt")
        assert result.ok and result.reference
        assert mode(tmp_path / "printed") == 0o700
        assert mode(Path(result.reference)) == 0o600
    finally:
        os.umask(old)


def test_database_errors_and_the_engine_log_carry_no_personal_data(
        database_url: str, caplog: pytest.LogCaptureFixture) -> None:
    """A duplicate ID number: neither the error's message nor any log record (the engine's own SQL log
    at INFO, where parameters would appear, and the program's error record) holds the number or the name."""
    store = Store(database_url)
    now = datetime.now(UTC)
    with store.write() as session:
        session.add(Citizen(id_number=NUMBER, name=NAME, updated_at=now))
    with caplog.at_level(logging.INFO, logger="sqlalchemy.engine"):
        with pytest.raises(IntegrityError) as raised, store.write() as session:
            session.add(Citizen(id_number=NUMBER, name=NAME, updated_at=now))
        logging.getLogger("desk.test").error("registering a card failed: %s", raised.value, exc_info=raised.value)
    message = str(raised.value)
    assert NUMBER not in message and NAME not in message
    assert "hidden" in message
    assert "INSERT INTO citizens" in caplog.text  # the engine did log the statement …
    assert NUMBER not in caplog.text and NAME not in caplog.text  # … without its values
    store.dispose()


def test_every_engine_the_program_makes_hides_parameters() -> None:
    """Every `create_engine` call of the product passes `hide_parameters=True` (one place today: keep it so)."""
    import ast

    root = Path(__file__).resolve().parents[2]
    calls = []
    for package in ("desk", "kiosk", "printing"):
        for source in (root / package).rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call):
                    continue
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
                if name == "create_engine":
                    hidden = any(k.arg == "hide_parameters" and isinstance(k.value, ast.Constant)
                                 and k.value.value is True for k in node.keywords)
                    calls.append((f"{source.relative_to(root)}:{node.lineno}", hidden))
    assert calls and all(hidden for _, hidden in calls), calls
