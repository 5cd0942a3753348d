"""Packaging glue that pyproject.toml cannot say alone.

`resources/` (catalog, holidays, region table, translations, style sheets, demo cards) is the
top-level folder of the design; in the wheel it becomes the package `desk.resources`, read at run
time through `importlib.resources` (desk/paths.py). The Qt translations are compiled (.ts -> .qm)
while the wheel is built, so an installed copy speaks English too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
I18N = ROOT / "resources" / "i18n"


def _lrelease() -> str | None:
    """`pyside6-lrelease` (PySide6) or Qt's own `lrelease`, if this build environment has one."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    for candidate in (str(beside) if beside.exists() else None, shutil.which("pyside6-lrelease"),
                      shutil.which("lrelease")):
        if candidate:
            return candidate
    return None


def compile_translations() -> None:
    """Every resources/i18n/*.ts compiled to .qm; a .qm already newer than its .ts is kept.

    Fails the build when a translation is out of date and no lrelease is at hand: a wheel without
    its English would silently speak only Chinese."""
    for ts in sorted(I18N.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = _lrelease()
        if tool is None:
            raise SystemExit(f"{qm.relative_to(ROOT)} is missing or older than its .ts and no lrelease was found: "
                             "run scripts/build-translations.sh (or install PySide6-Essentials) before building.")
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)


class BuildPyWithTranslations(build_py):
    def run(self) -> None:
        # An editable install (scripts/setup.sh) reads resources/ from the checkout, whose
        # translations the setup compiles right after with the venv's own lrelease; a fresh clone
        # has no .qm yet and its isolated build environment no PySide6 to make them.
        if not getattr(self, "editable_mode", False):
            compile_translations()
        super().run()


class SdistWithTranslations(sdist):
    def run(self) -> None:
        compile_translations()
        super().run()


# The data folders are packages without __init__.py (namespace packages), like the migrations.
DATA_PACKAGES = ["desk.resources", *(f"desk.resources.{name}" for name in find_namespace_packages(where="resources"))]

setup(
    packages=[*find_packages(include=["desk*", "kiosk*", "printing*"]),
              *find_namespace_packages(include=["desk.store.migrations*"]), *DATA_PACKAGES],
    package_dir={"desk.resources": "resources"},
    package_data={
        "": ["*.ini", "*.mako"],
        # *.html, *.css, *.js: the citizen web page's templates and static files (resources/online).
        **{name: ["*.toml", "*.qm", "*.ts", "*.tsv", "*.qss", "*.md", "*.svg", "*.png", "*.html", "*.css", "*.js"]
           for name in DATA_PACKAGES},
    },
    cmdclass={"build_py": BuildPyWithTranslations, "sdist": SdistWithTranslations},
)
