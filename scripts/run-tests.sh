#!/usr/bin/env bash
# Set everything up (system packages, .venv, translations) and run the whole test suite:
# lint, types and the import contract, then pytest on SQLite and on a real PostgreSQL server that the run starts itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
.venv/bin/mypy                    # type errors fail the run ([tool.mypy] in pyproject.toml)
.venv/bin/lint-imports --no-cache  # wrong-way imports fail the run ([tool.importlinter], docs/architecture.md)
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
