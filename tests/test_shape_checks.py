"""The checks that hold the shape of the house (run by scripts/run-tests.sh before pytest) really fail
on what they are meant to catch: a wrong-way import (import-linter) and a type error (mypy).

Each test copies the packages and pyproject.toml to a temporary folder, breaks one rule there, and
runs the same command as the test script, which must then fail and name the culprit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desk", "kiosk", "printing")
BIN = Path(sys.executable).parent


def _copy_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "tree"
    tree.mkdir()
    for package in PACKAGES:
        shutil.copytree(ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    return tree


def _run(tool: str, tree: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The copy comes first on the path, ahead of the editable install of the checkout.
    env = {**os.environ, "PYTHONPATH": str(tree), "MYPY_CACHE_DIR": str(tree / ".mypy_cache")}
    return subprocess.run([str(BIN / tool), *args], cwd=tree, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


@pytest.mark.slow
def test_import_contract_holds_and_fails_on_a_screen_reaching_the_store(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    clean = _run("lint-imports", tree, "--no-cache")
    assert clean.returncode == 0, clean.stdout + clean.stderr

    _append(tree / "desk" / "ui" / "today_view.py", "\nfrom desk.store.models import Case  # noqa\n")
    broken = _run("lint-imports", tree, "--no-cache")
    assert broken.returncode != 0
    assert "desk.ui.today_view -> desk.store.models" in broken.stdout


@pytest.mark.slow
def test_import_contract_fails_on_qt_in_the_use_cases_and_the_kiosk_importing_desk_screens(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    _append(tree / "desk" / "services" / "queue.py", "\nimport PySide6.QtCore  # noqa\n")
    _append(tree / "kiosk" / "flow.py", "\nimport desk.ui.today_view  # noqa\n")
    broken = _run("lint-imports", tree, "--no-cache")
    assert broken.returncode != 0
    assert "desk.services.queue -> PySide6" in broken.stdout
    assert "kiosk.flow -> desk.ui.today_view" in broken.stdout


@pytest.mark.slow
def test_mypy_fails_on_a_type_error(tmp_path: Path) -> None:
    tree = _copy_tree(tmp_path)
    _append(tree / "desk" / "domain" / "workflow.py", '\n\ndef _broken() -> int:\n    return "not a number"\n')
    broken = _run("mypy", tree)
    assert broken.returncode != 0
    assert "desk/domain/workflow.py" in broken.stdout
    assert "Incompatible return value type" in broken.stdout


def test_no_tracked_file_holds_a_merge_conflict_marker() -> None:
    """A conflict left in a rebase (once in the Debian package list: the setup then asked apt for a
    package named '=======') is caught here, whatever kind of file it is in."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=False, timeout=60)
    if listed.returncode != 0:
        pytest.fail(f"git ls-files failed (tests run from a git checkout): {listed.stderr.decode(errors='replace')}")
    markers = ("<<<<<<< ", ">>>>>>> ")
    found = []
    for name in listed.stdout.decode().split("\0"):
        path = ROOT / name
        if not name or not path.is_file() or path.suffix in (".png", ".pdf", ".qm", ".wav", ".ico"):
            continue
        text = path.read_bytes().decode("utf-8", errors="ignore")
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith(markers) or line == "=======":
                found.append(f"{name}:{number}: {line[:60]}")
    assert not found, "merge conflict markers left:\n" + "\n".join(found)
