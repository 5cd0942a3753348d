"""What the desk's sign-in screen imports before it shows: the start-up bench (bench/bench_desk.py) holds
its time within 1.5× a bare PySide6 window; this test, which does not time anything, keeps the modules
that bench found costly off that path, so a new module-level import cannot bring them back unnoticed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Each was measured on the sign-in path once and moved to where it is used (commit message of the move).
KEPT_OFF_THE_START = (
    "desk.domain.catalog",  # the catalog's code: read by the core, on the worker
    "desk.domain.bundles",
    "desk.domain.refusals",
    "desk.core",
    "sqlalchemy",
    "reportlab",
    "tomllib",  # only when a settings file exists
    "logging.handlers",  # the log file's handler is made at the first record
    "xml.etree.ElementTree",  # the English messages are read at the first English message
)

# `desk --demo` as a user starts it, stopped the moment its window is shown (before the core is built).
PROBE = """
import json, os, sys
import desk.ui.bootstrap as bootstrap
shown = bootstrap.DeskApp.start
def start(self):
    shown(self)
    print(json.dumps(sorted(sys.modules)), flush=True)
    os._exit(0)
bootstrap.DeskApp.start = start
from desk.cli import main
main(["--demo"])
"""


def test_the_sign_in_screen_does_not_import_what_the_core_needs(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESK_DATA_DIR": str(tmp_path),
           "DESK_LOG_DIR": str(tmp_path / "logs"), "DESK_CONFIG_DIR": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120, check=True)
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "desk.ui.main_window" in loaded  # the probe did build the window's code
    assert [name for name in KEPT_OFF_THE_START if name in loaded] == []
