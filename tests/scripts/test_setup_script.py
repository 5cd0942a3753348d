"""scripts/setup.sh on a machine that is already set up: quick, silent, and no apt-get call.

The test run itself starts with setup.sh, so by the time this runs every Debian package is
installed; a second run must then touch neither the package lists nor the package manager.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian machine (no dpkg-query)")
def test_second_setup_run_calls_no_apt_get_and_prints_nothing(tmp_path: Path) -> None:
    calls = tmp_path / "calls"
    shims = tmp_path / "bin"
    shims.mkdir()
    for tool in ("apt-get", "sudo"):
        shim = shims / tool
        shim.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{calls}"\nexit 1\n', encoding="utf-8")
        shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{shims}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "setup.sh")], capture_output=True, text=True,
                          env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    assert not calls.exists(), calls.read_text()
    assert proc.stdout == ""
    assert proc.stderr == ""
