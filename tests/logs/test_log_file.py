"""The log file: written by real runs of the program, rotating, with no personal data in it; an internal
error in a Qt app is logged and shown in a dialog that points to the log file."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desk import __version__
from desk.logs import LOG_FILE, DeskLogFile, PersonalDataFilter, mask_personal_data, setup_logging


def test_personal_numbers_are_masked() -> None:
    assert mask_personal_data("card 11010519491231002X read") == "card 110105********002X read"
    assert mask_personal_data("old 110105491231002 ok") == "old 110105******002 ok"
    assert mask_personal_data("call 13812345678") == "call 138****5678"
    # Case numbers, receipt serials and dates stay readable.
    for kept in ("HP01-20261202-0004", "HP01HZ202612040001", "2026-12-04 13:00:01"):
        assert mask_personal_data(kept) == kept


def _desk(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desk", *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=120, check=False)


def test_real_runs_log_no_names_and_no_id_numbers(tmp_path: Path) -> None:
    env = {**os.environ, "DESK_DATA_DIR": str(tmp_path / "data"), "DESK_LOG_DIR": str(tmp_path / "logs")}
    assert _desk(["demo-data", "--residents", "15", "--cases", "10"], env, tmp_path).returncode == 0
    cases = json.loads(_desk(["case", "list", "--json"], env, tmp_path).stdout)
    names = {case["applicant_name"] for case in cases}
    numbers = {case["applicant_id_number"] for case in cases}
    someone = sorted(numbers)[0]
    _desk(["print", "certificate", someone, "--out", str(tmp_path / "c.pdf")], env, tmp_path)
    _desk(["id", "check", someone], env, tmp_path)
    failed = _desk(["print", "certificate", "11010519491231002X", "--out", str(tmp_path / "x.pdf")], env, tmp_path)
    assert failed.returncode == 1  # nobody with that number: an expected failure, logged by its code
    # An internal error whose message holds a name and an ID number, in a process with the log set up.
    script = ("import logging; from desk.logs import setup_logging; setup_logging()\n"
              "try:\n    raise ValueError('张丽 11010519491231002X')\n"
              "except ValueError:\n    logging.getLogger('desk.test').exception('reading card 11010519491231002X')\n")
    subprocess.run([sys.executable, "-c", script], env=env, cwd=tmp_path, check=True, timeout=60)
    text = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert f"desk {__version__}: demo-data" in text and "desk print: not_found" in text
    assert "builtins.ValueError (message not logged" in text
    assert "reading card 110105********002X" in text
    for secret in [*names, *numbers, "张丽", "11010519491231002X"]:
        assert secret not in text, secret


def test_the_log_file_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_logging()
    try:
        assert setup_logging() == path  # once per process
        (handler,) = [h for h in root.handlers if h not in before]
        assert isinstance(handler, DeskLogFile)
        assert any(isinstance(f, PersonalDataFilter) for f in handler.filters)
        handler.maxBytes = 2_000
        for index in range(100):
            logging.getLogger("desk.test").warning("line %d of the rotation test", index)
        assert path.exists() and (tmp_path / f"{LOG_FILE}.1").exists()
        assert path.stat().st_size <= 2_000
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()


def test_an_internal_error_shows_a_dialog_that_points_to_the_log(qtbot: QtBot, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox, QWidget

    from desk.qt.error_dialog import install_error_dialog

    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    hook = install_error_dialog(setup_logging())
    try:
        assert sys.excepthook is hook
        try:
            raise RuntimeError("王芳 110105194912310021 went wrong")
        except RuntimeError as error:
            hook(type(error), error, error.__traceback__)
        (box,) = hook.shown
        qtbot.waitUntil(box.isVisible)
        assert box.icon() is QMessageBox.Icon.Critical
        assert str(tmp_path / LOG_FILE) in box.text()
        for handler in root.handlers:
            handler.flush()
        text = (tmp_path / LOG_FILE).read_text(encoding="utf-8")
        assert "internal error: RuntimeError" in text and "test_log_file.py" in text
        assert "王芳" not in text and "110105194912310021" not in text
        box.close()
    finally:
        hook.uninstall()
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    assert sys.excepthook is not hook
