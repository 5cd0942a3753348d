#!/usr/bin/env bash
# Set everything up and open Station Desk on its embedded defaults: SQLite in the user's data
# directory (filled with demo data on first start), the simulated ID-card reader, the PDF printer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
    echo "run-app: no display found; starting a virtual one (Xvfb). Set DISPLAY to use your screen." >&2
    exec xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/desk --demo "$@"
fi
exec .venv/bin/desk --demo "$@"
