#!/usr/bin/env bash
# Refresh the Qt Linguist sources (.ts) from the UI code and compile them to .qm.
# `--update` also re-scans the code (pyside6-lupdate); the setup script only compiles.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
update() {  # catalog name, then the folders whose code it covers
    local name=$1; shift
    mapfile -t sources < <(find "$@" -name '*.py' | sort)
    "$bin/pyside6-lupdate" -source-language zh_CN -target-language en "${sources[@]}" \
        -ts "resources/i18n/${name}_en.ts" -no-obsolete
}
if [[ "${1:-}" == "--update" ]]; then
    update station_desk desk/ui desk/forms desk/qt
    update messages desk/domain/messages.py   # what errors say (desk.domain.messages), for every app
    [[ -d kiosk ]] && update kiosk kiosk
fi
for ts in resources/i18n/*.ts; do
    [[ -e "$ts" ]] || continue
    [[ "${ts%.ts}.qm" -nt "$ts" ]] && continue  # up to date: a second setup run stays quick and silent
    "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
