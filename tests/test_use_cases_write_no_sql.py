"""The use cases write no SQL: every query lives in a repository (`desk/store/repositories/`).

A use case may name the unit of work it is handed (`sqlalchemy.orm.Session`) and catch the store's
conflict errors; building a statement (`select`, `insert`, `update`, `func`, `text` …) is the
repositories' job. The check reads each module of `desk/services` and lists the SQLAlchemy names it
imports; the modules still to be moved are named below and the list may only shrink.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVICES = ROOT / "desk" / "services"
# Names a use case may take from SQLAlchemy: its unit of work and the errors a write can end with.
ALLOWED = {"sqlalchemy.orm.Session", "sqlalchemy.exc.IntegrityError", "sqlalchemy.orm.exc.StaleDataError"}
# Modules that still build statements themselves: none left (a new one must not be added).
NOT_YET_MOVED: set[str] = set()


def sql_names(path: Path) -> set[str]:
    """The SQLAlchemy names a module imports, as `module.name` (or the module for `import sqlalchemy`)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "sqlalchemy":
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.split(".")[0] == "sqlalchemy")
    return names


def test_use_cases_build_no_statements() -> None:
    offenders = {}
    for path in sorted(SERVICES.glob("*.py")):
        if path.stem in NOT_YET_MOVED:
            continue
        forbidden = sql_names(path) - ALLOWED
        if forbidden:
            offenders[path.stem] = sorted(forbidden)
    assert not offenders, f"use cases building SQL (move the queries to desk/store/repositories): {offenders}"


def test_the_list_of_modules_still_to_move_only_names_modules_that_build_statements() -> None:
    stale = sorted(name for name in NOT_YET_MOVED
                   if not (SERVICES / f"{name}.py").exists() or not sql_names(SERVICES / f"{name}.py") - ALLOWED)
    assert not stale, f"these use cases no longer build SQL: take them off NOT_YET_MOVED: {stale}"


def test_the_check_sees_a_statement(tmp_path: Path) -> None:
    module = tmp_path / "example.py"
    module.write_text("from sqlalchemy import select, func\nfrom sqlalchemy.orm import Session\n", encoding="utf-8")
    assert sql_names(module) - ALLOWED == {"sqlalchemy.select", "sqlalchemy.func"}
