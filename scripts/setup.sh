#!/usr/bin/env bash
# Set up everything Station Desk needs on a Debian machine: system packages, a virtual
# environment in .venv with the project and its test tools, compiled translations.
# Safe to run again; each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_packages() {
    local missing=()
    while read -r pkg; do
        [[ -z "$pkg" || "$pkg" == \#* ]] && continue
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done < scripts/debian-packages.txt
    # An empty array must print nothing: printf with no arguments would still print one empty line.
    ((${#missing[@]})) && printf '%s\n' "${missing[@]}"
    return 0
}

if command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t missing < <(need_packages)
    if ((${#missing[@]})); then
        echo "setup: installing Debian packages: ${missing[*]}"
        sudo_cmd=()
        [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
        "${sudo_cmd[@]}" apt-get update -qq
        DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
fi

PYTHON=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
    "$PYTHON" -m venv .venv
fi
stamp=.venv/.station-desk-installed
if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    touch "$stamp"
fi
if [[ -x scripts/build-translations.sh ]]; then
    scripts/build-translations.sh
fi
