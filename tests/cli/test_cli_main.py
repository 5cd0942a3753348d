"""The `desk` entry point imports only what the command being run needs (the GUI starts fast)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desk.cli import COMMANDS, _command_in, main


def test_command_word_is_found_after_global_options() -> None:
    assert _command_in(["--db", "sqlite:///x", "case", "list"]) == "case"
    assert _command_in(["--demo"]) is None
    assert _command_in([]) is None


def test_gui_path_imports_no_command_module() -> None:
    code = ("import sys, desk.cli as c; c.build_parser([]);"
            "print(sorted(m for m in sys.modules if m.startswith('desk.cli.') and m.endswith('_cmd')),"
            " 'sqlalchemy' in sys.modules, 'reportlab' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[] False False"


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)
