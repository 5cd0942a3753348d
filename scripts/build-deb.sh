#!/usr/bin/env bash
# Build the Debian package: the application in its own virtual environment under /opt/station-desk,
# `desk` and `station-desk` in /usr/bin, the desktop entry, icon and AppStream data, the kiosk and
# server systemd units (installed, not enabled), and a commented /etc/station-desk/settings.toml.
#
#   scripts/build-deb.sh [OUTDIR]        → OUTDIR/station-desk_<version>_<arch>.deb (default: dist/)
#
# DEB_COMPRESSION=gzip|xz|zstd (default xz) and DEB_LEVEL choose dpkg-deb's compression (tests use a
# quick one). The Python that runs this script is the one the package depends on (Debian 12: 3.11).
set -euo pipefail
cd "$(dirname "$0")/.."
root_dir=$(pwd)
out=$(realpath -m "${1:-dist}")
python=${PYTHON:-/usr/bin/python3}
version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desk/__init__.py)
arch=$(dpkg --print-architecture)
pyver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
prefix=/opt/station-desk

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage=$work/root

# 1. The wheel (with its resources and compiled translations), then a virtual environment with it and
#    the extras a station or the city server uses: PostgreSQL (the city database), ESC/POS (thermal
#    receipt printers), the server (FastAPI, uvicorn).
[[ -x .venv/bin/pyside6-lrelease ]] && scripts/build-translations.sh
"$python" -m pip wheel -q --no-deps -w "$work/wheel" "$root_dir" >/dev/null
wheel=$(ls "$work"/wheel/station_desk-*.whl)
"$python" -m venv "$stage$prefix"
"$stage$prefix/bin/python" -m pip install -q --no-compile "${wheel}[postgres,escpos,server]"
"$stage$prefix/bin/python" -m pip uninstall -q -y pip  # the package is updated by apt, not by pip
# The interpreter of the Python version the package depends on, not whatever python3 is later.
ln -sf "/usr/bin/python$pyver" "$stage$prefix/bin/python3"
# The environment was built in the staging folder: point its scripts at where it will live.
grep -rlI --null -- "$stage$prefix" "$stage$prefix/bin" "$stage$prefix/pyvenv.cfg" \
    | xargs -0 -r sed -i "s#$stage$prefix#$prefix#g"
find "$stage$prefix" -name __pycache__ -type d -prune -exec rm -rf {} +

# 2. Commands, desktop integration, units, the machine-wide settings file.
install -d "$stage/usr/bin"
ln -s "$prefix/bin/desk" "$stage/usr/bin/desk"
ln -s "$prefix/bin/station-desk" "$stage/usr/bin/station-desk"
install -D -m 0644 deploy/station-desk.desktop "$stage/usr/share/applications/station-desk.desktop"
install -D -m 0644 resources/icons/station-desk.svg "$stage/usr/share/icons/hicolor/scalable/apps/station-desk.svg"
install -D -m 0644 deploy/station-desk.metainfo.xml "$stage/usr/share/metainfo/org.stationdesk.desk.metainfo.xml"
install -D -m 0644 deploy/kiosk.service "$stage/lib/systemd/system/station-desk-kiosk.service"
install -D -m 0644 deploy/station-desk-server.service "$stage/lib/systemd/system/station-desk-server.service"
install -D -m 0644 deploy/99-station-desk-kiosk.conf "$stage/usr/share/station-desk/99-station-desk-kiosk.conf"
install -D -m 0644 LICENSE "$stage/usr/share/doc/station-desk/copyright"
install -d "$stage/etc/station-desk"
{
    echo "# Station Desk: settings for every user of this machine (docs/install.md)."
    echo "# A user's own settings.toml, DESK_<NAME> variables and desk --set NAME=VALUE come on top."
    "$stage$prefix/bin/python" - <<'PY'
from desk.settings import declared
for spec in declared().values():
    print(f"\n# {spec.label_zh} / {spec.label_en}")
    print(f"# {spec.name} = {spec.default!r}".replace("'", '"'))
PY
} > "$stage/etc/station-desk/settings.toml"

# 3. Package metadata.
install -d "$stage/DEBIAN"
mapfile -t depends < <(sed -n 's/^\([a-z0-9][a-z0-9.+-]*\).*/\1/p' scripts/deb-depends.txt)
size=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
cat > "$stage/DEBIAN/control" <<CONTROL
Package: station-desk
Version: $version
Section: misc
Priority: optional
Architecture: $arch
Maintainer: Station Desk authors <station-desk@localhost>
Installed-Size: $size
Depends: python$pyver, $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Recommends: espeak-ng, fonts-hanazono, fonts-babelstone-han, cage, printer-driver-cups-pdf
Description: household-registration front desk for police stations
 Station Desk is the front-desk client for household-registration (hukou)
 work at police stations: ID-card reader, transaction checklists, cases
 with time limits, printed receipts, notices and signed certificates; the
 self-service kiosk, the hall's calling screen and the city server.
 .
 The application lives in its own Python environment in /opt/station-desk.
CONTROL
echo /etc/station-desk/settings.toml > "$stage/DEBIAN/conffiles"
cat > "$stage/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ] && command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q || true; fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then gtk-update-icon-cache -q /usr/share/icons/hicolor || true; fi
exit 0
POSTINST
cat > "$stage/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then systemctl daemon-reload || true; fi
exit 0
POSTRM
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/postrm"

mkdir -p "$out"
deb="$out/station-desk_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" -z"${DEB_LEVEL:-6}" --build "$stage" "$deb" >/dev/null
echo "$deb"
