#!/usr/bin/env bash
# Set everything up (system packages, .venv, translations) and run the whole test suite:
# lint, then pytest on SQLite and on a real PostgreSQL server that the run starts itself.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -p no:cacheprovider "$@"
