"""The `desk` entry point imports only what the command being run needs (the GUI starts fast)."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

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


def test_the_demo_desk_is_a_window_unless_told(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """`desk --demo` is window 1 (its calls and its citizens' ratings name it; with no window the demo
    desk's ratings were ranked as the kiosk's); a window number set for the machine is kept."""
    import desk.ui.bootstrap as bootstrap
    from desk.cli.gui_cmd import open_desk_client

    seen: list[int] = []
    monkeypatch.setattr(bootstrap, "run_desk_app", lambda _factory, options: seen.append(
        options.settings.counter_number) or 0)
    monkeypatch.setenv("DESK_CONFIG_DIR", str(tmp_path))
    monkeypatch.setenv("DESK_SYSTEM_SETTINGS", str(tmp_path / "none.toml"))
    open_desk_client(argparse.Namespace(demo=True, db=None))
    monkeypatch.setenv("DESK_COUNTER_NUMBER", "7")
    open_desk_client(argparse.Namespace(demo=True, db=None))
    assert seen == [1, 7]
