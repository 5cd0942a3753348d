"""The PySide6 guard, proven where it matters: pip resolves the project's requirements (the core and every
extra a machine may install, as pyproject.toml declares them) against PyPI for Python 3.11, 3.12 and 3.13,
as binary wheels only (what a desk PC installs; nothing is built).

PySide6 6.12.0 aborts Python 3.11 (tests/ui/test_pyside_version.py; docs/install.md); the project pins
the one Qt release it is tested and screenshotted with. What this shows:
- allowed: on every supported Python the pinned PySide6 resolves, with wheels for everything else;
- excluded: asking for PySide6 6.12.0 beside the project cannot be resolved on 3.11, where it aborts (the
  pin is exact, one Qt version everywhere, so the same holds on 3.12 and 3.13; that is not asked here);
- needed: without the pin, pip would take 6.12.0 or newer on 3.11 today.

It needs PyPI (pip runs with --isolated: this machine's pip settings, local indexes and constraints do
not take part). When PyPI cannot be reached the test fails and says so; it is never skipped.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
PYTHONS = ("3.11", "3.12", "3.13")
BAD = Version("6.12.0")
NETWORK_TROUBLE = re.compile(r"NewConnectionError|Max retries exceeded|Temporary failure in name resolution|"
                             r"Could not fetch URL|Network is unreachable|timed out", re.IGNORECASE)

Resolved = dict[str, tuple[subprocess.CompletedProcess[str], Path]]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def _requirements() -> list[str]:
    """The core requirements and every extra but `test` (an extra naming the project itself is covered)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for extra, items in project["optional-dependencies"].items():
        if extra != "test":
            wanted += [item for item in items if Requirement(item).name != project["name"]]
    return wanted


def _resolve(python: str, requirements: list[str], report: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pip", "--isolated", "install", "--dry-run", "--ignore-installed",
                           "--quiet", "--only-binary=:all:", "--python-version", python, "--report", str(report),
                           *requirements], capture_output=True, text=True, timeout=500, check=False)


def _installed(report: Path) -> dict[str, Version]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return {item["metadata"]["name"].lower().replace("_", "-"): Version(item["metadata"]["version"])
            for item in data["install"]}


@pytest.fixture(scope="module")
def resolved(tmp_path_factory: pytest.TempPathFactory) -> Resolved:
    base = tmp_path_factory.mktemp("pins")
    jobs = {f"pinned-{python}": (python, _requirements()) for python in PYTHONS}
    jobs["with-6.12.0-3.11"] = ("3.11", [*_requirements(), f"PySide6-Essentials=={BAD}"])
    # Without the guard: Essentials unpinned, and the speech extra's Addons (pinned alike) left out.
    unguarded = [item for item in _requirements() if Requirement(item).name not in ("PySide6-Essentials",
                                                                                    "PySide6-Addons")]
    jobs["unpinned-3.11"] = ("3.11", [*unguarded, "PySide6-Essentials"])
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = {name: pool.submit(_resolve, python, requirements, base / f"{name}.json")
                   for name, (python, requirements) in jobs.items()}
        results = {name: (future.result(), base / f"{name}.json") for name, future in futures.items()}
    for name, (proc, _) in results.items():
        if proc.returncode != 0 and NETWORK_TROUBLE.search(proc.stderr):
            pytest.fail(f"PyPI could not be reached ({name}); this test resolves the pins against PyPI and needs "
                        f"the network:\n{proc.stderr[-2000:]}")
    return results


def _pin(name: str) -> Version:
    (item,) = [Requirement(text) for text in _requirements() if Requirement(text).name == name]
    (spec,) = item.specifier
    assert spec.operator == "==", f"{name} is pinned to one release: {item}"
    return Version(spec.version)


def test_the_pinned_pyside_resolves_on_every_supported_python(resolved: Resolved) -> None:
    essentials, addons = _pin("PySide6-Essentials"), _pin("PySide6-Addons")
    assert essentials == addons, "Essentials and Addons (the speech extra) must be the same Qt release"
    assert essentials != BAD
    for python in PYTHONS:
        proc, report = resolved[f"pinned-{python}"]
        assert proc.returncode == 0, f"Python {python}: the project's requirements do not resolve:\n{proc.stderr}"
        installed = _installed(report)
        assert installed["pyside6-essentials"] == essentials, python
        assert installed["pyside6-addons"] == essentials, python
        assert installed["shiboken6"] == essentials, python
        # Every extra's packages came along (the resolve really covered them).
        for name in ("psycopg", "python-escpos", "fastapi", "uvicorn", "sqlalchemy", "reportlab"):
            assert name in installed, (python, name)


def test_pyside_6_12_0_cannot_be_installed_beside_the_project_on_3_11(resolved: Resolved) -> None:
    proc, _ = resolved["with-6.12.0-3.11"]
    assert proc.returncode != 0
    assert "ResolutionImpossible" in proc.stderr, proc.stderr
    assert f"PySide6-Essentials=={_pin('PySide6-Essentials')} and PySide6-Essentials=={BAD}" in proc.stderr, proc.stderr


def test_without_the_pin_pip_would_take_the_release_that_aborts_3_11(resolved: Resolved) -> None:
    proc, report = resolved["unpinned-3.11"]
    assert proc.returncode == 0, proc.stderr
    assert _installed(report)["pyside6-essentials"] >= BAD
