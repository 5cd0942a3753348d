"""The layering rules of ARCHITECTURE.md, checked by importing the code with forbidden packages blocked.

Nothing outside desk/ui, desk/forms, desk/qt and kiosk may import Qt; desk/domain may import neither Qt nor
SQLAlchemy. Each check runs in a fresh interpreter where the forbidden packages are set to None in
`sys.modules` (so any import of them fails) and imports every module found by pkgutil, so a new
module is covered without touching this file. desk.cli is included: a command that needs Qt must
import it inside its handler, not at the top of the module.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child interpreter: argv = [blocked packages (comma-separated), root packages...].
CHECKER = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback

    blocked = [name for name in sys.argv[1].split(",") if name]
    for name in blocked:
        sys.modules[name] = None  # "import name" and "import name.sub" now raise ImportError
    EXCLUDED = ("desk.ui", "desk.forms", "desk.qt", "kiosk")

    def excluded(name):
        return name.endswith("__main__") or any(name == e or name.startswith(e + ".") for e in EXCLUDED)

    imported, failures = [], {}

    def visit(name):
        try:
            module = importlib.import_module(name)
        except BaseException as exc:  # a module may also fail with SystemExit or a blocked-import ImportError
            failures[name] = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            return
        imported.append(name)
        for info in pkgutil.iter_modules(getattr(module, "__path__", None) or [], name + "."):
            if not excluded(info.name):
                visit(info.name)

    for root in sys.argv[2:]:
        visit(root)
    print(json.dumps({"imported": imported, "failures": failures}))
    """
)


def run_checker(
    blocked: list[str], roots: list[str], extra_path: Path | None = None
) -> tuple[list[str], dict[str, str]]:
    """Import `roots` and everything under them with `blocked` packages unavailable."""
    env = dict(os.environ)
    paths = [str(ROOT), *([str(extra_path)] if extra_path else [])]
    env["PYTHONPATH"] = os.pathsep.join([*paths, env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", CHECKER, ",".join(blocked), *roots],
        capture_output=True, text=True, check=False, env=env, cwd=ROOT, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    return report["imported"], report["failures"]


def test_core_imports_without_qt() -> None:
    imported, failures = run_checker(["PySide6", "shiboken6"], ["desk", "printing"])
    assert failures == {}, "modules that need Qt outside desk/ui, desk/forms and kiosk:\n" + "\n".join(
        f"{name}: {error}" for name, error in failures.items()
    )
    # the walk really reached the layers it is meant to guard
    for name in ("desk.domain.catalog", "desk.domain.conditions", "desk.cli.catalog_cmd", "desk.services"):
        assert name in imported
    assert not any(name.startswith(("desk.ui", "desk.forms")) for name in imported)


def test_domain_imports_neither_qt_nor_sqlalchemy() -> None:
    imported, failures = run_checker(["PySide6", "shiboken6", "sqlalchemy", "alembic"], ["desk.domain"])
    assert failures == {}, "desk.domain must stay plain Python:\n" + "\n".join(
        f"{name}: {error}" for name, error in failures.items()
    )
    assert "desk.domain.catalog" in imported and "desk.domain.applicant" in imported


def test_the_checker_catches_a_violation(tmp_path: Path) -> None:
    package = tmp_path / "layered_probe"
    (package / "inner").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "clean.py").write_text("import json\n")
    (package / "inner" / "__init__.py").write_text("")
    (package / "inner" / "uses_qt.py").write_text("from PySide6 import QtCore\n")
    imported, failures = run_checker(["PySide6"], ["layered_probe"], extra_path=tmp_path)
    assert "layered_probe.clean" in imported
    assert list(failures) == ["layered_probe.inner.uses_qt"]
    assert "PySide6" in failures["layered_probe.inner.uses_qt"]


def test_screens_never_touch_the_store_through_the_core() -> None:
    """import-linter sees imports, not attributes: `core.store` in a screen would reach past the use cases."""
    import ast

    offenders = []
    for package in ("desk/ui", "desk/qt", "desk/forms", "kiosk"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
                          if isinstance(node, ast.Attribute) and node.attr == "store"]
    assert offenders == []
