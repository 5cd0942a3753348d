#!/usr/bin/env bash
# Install the station-desk .deb on a clean Debian and start it there.
#
#   scripts/test-deb.sh [DEB [OUTDIR]]
#
# DEB: the package (default: built now with scripts/build-deb.sh). OUTDIR (default: a new temporary
# folder, printed at the end) receives what the installed program printed and the figures:
#   version.txt, catalog.json, id-check.json   desk --version, desk catalog --json, desk id check --json
#   qt-start.txt                               Qt started offscreen: its platform, the Chinese fonts it found
#   qt-libraries.txt                           ldd of Qt's libraries and platform plugins (nothing missing)
#   apt-install.log, figures.txt               the install's log; size, package count, seconds
#
# What it does: a minimal Debian of this machine's release (debootstrap --variant=minbase, with the
# release's updates and security archives) in a new folder; the .deb installed there with apt, so apt
# resolves its Depends from the Debian mirror and nothing else is present (--no-install-recommends: the
# Depends alone must be enough to run); the commands run as an ordinary user from /usr/bin/desk; the
# desktop entry, the AppStream data and the systemd units checked as installed (cage, which the kiosk
# unit runs, is installed as deploy/README.md says); then `apt-get purge` must leave nothing behind.
#
# The minimal Debian and the downloaded packages are kept in the user's cache folder
# ($XDG_CACHE_HOME/station-desk/clean-debian, or STATION_DESK_CACHE/clean-debian): the first run
# downloads them, later runs only what changed. The base is made again after a week.
# DEBIAN_MIRROR (default http://deb.debian.org/debian) and DEBIAN_SUITE (default this machine's) choose
# the Debian. Needs root for debootstrap and chroot (it asks sudo when not run as root); everything it
# mounts lives in a private mount namespace and goes away with it, and it writes nowhere but the cache
# folder, the folder it makes there and OUTDIR.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "test-deb: needs root (debootstrap, chroot) and there is no sudo" >&2; exit 2; }
    exec sudo --preserve-env=XDG_CACHE_HOME,STATION_DESK_CACHE,DEBIAN_MIRROR,DEBIAN_SUITE HOME="$HOME" \
        bash "$0" "$@"
fi
for tool in debootstrap unshare chroot desktop-file-validate appstreamcli systemd-analyze; do
    command -v "$tool" >/dev/null || { echo "test-deb: $tool is missing: run scripts/setup.sh" \
        "(scripts/debian-packages.txt)" >&2; exit 2; }
done

. /etc/os-release
suite=${DEBIAN_SUITE:-$VERSION_CODENAME}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
arch=$(dpkg --print-architecture)
cache=${STATION_DESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/station-desk}/clean-debian
base=$cache/$suite-$arch-minbase.tar
mkdir -p "$cache/archives"
exec 9>"$cache/lock"

if [[ -n ${1:-} ]]; then
    deb=$(realpath "$1")
else
    built=$(mktemp -d)
    deb=$(DEB_COMPRESSION=gzip DEB_LEVEL=1 bash scripts/build-deb.sh "$built" | tail -n1)
fi
out=$(realpath -m "${2:-$(mktemp -d)}")
mkdir -p "$out"
root=$(mktemp -d "$cache/root.XXXXXX")
cleanup() {
    rm -rf --one-file-system "$root"
    [[ -n ${built:-} ]] && rm -rf "$built"
    return 0
}
trap cleanup EXIT

# in_root ROOT [--userspec=USER:GROUP] COMMAND...: run a command inside the folder ROOT. /proc and a
# private /dev/pts are mounted in a mount namespace of its own: they vanish with it, nothing is mounted
# on this machine.
in_root() {
    unshare --mount --pid --fork --kill-child -- /bin/sh -c '
        set -e
        root=$1; shift
        user=
        case $1 in --userspec=*) user=$1; shift ;; esac
        mount --make-rprivate /
        mount -t proc proc "$root/proc"
        mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
        mount --bind "$root/dev/pts/ptmx" "$root/dev/ptmx"
        exec chroot $user "$root" "$@"' in_root "$@"
}
root_env=(/usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
          DEBIAN_FRONTEND=noninteractive)
# A throw-away root: dpkg need not wait for every file to reach the disk (much quicker on a busy machine).
apt=(apt-get -o DPkg::Options::=--force-unsafe-io)
step() { echo "test-deb: $1 (${SECONDS}s)" >&2; }

# 1. The clean Debian: the cached base, or a new one.
flock 9
# Folders a killed run left behind (its trap never ran); nothing was mounted in them outside their namespace.
find "$cache" -mindepth 1 -maxdepth 1 \( -name 'root.*' -o -name 'base.*' \) -mmin +180 \
    -exec rm -rf --one-file-system {} +
if [[ ! -s $base ]] || [[ -n $(find "$base" -mtime +7) ]]; then
    echo "test-deb: making a minimal Debian $suite ($arch) from $mirror (once a week)" >&2
    fresh=$(mktemp -d "$cache/base.XXXXXX")
    chmod 0755 "$fresh"  # mktemp made it private: apt's _apt user and the test's user must get in
    debootstrap --variant=minbase "$suite" "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 \
        || { tail -n 20 "$cache/debootstrap.log" >&2; rm -rf --one-file-system "$fresh"; exit 1; }
    security=${mirror%/debian}/debian-security
    printf 'deb %s %s main\ndeb %s %s-updates main\ndeb %s %s-security main\n' \
        "$mirror" "$suite" "$mirror" "$suite" "$security" "$suite" >"$fresh/etc/apt/sources.list"
    in_root "$fresh" "${root_env[@]}" apt-get update -qq  # later runs fetch only the differences
    rm -f "$fresh"/var/cache/apt/archives/*.deb
    tar -C "$fresh" -cf "$base.new" .
    mv "$base.new" "$base"
    rm -rf --one-file-system "$fresh"
fi
tar -C "$root" -xf "$base"
chmod 0755 "$root"
# The packages earlier runs downloaded (hard links: the cache and the new root share one file system).
find "$cache/archives" -maxdepth 1 -name '*.deb' -exec cp -l -t "$root/var/cache/apt/archives/" {} +
flock -u 9
rm -f "$root/etc/resolv.conf" && cp /etc/resolv.conf "$root/etc/resolv.conf"
package=$(basename "$deb")
cp "$deb" "$root/tmp/$package"

# 2. Install with apt: the package's Depends come from the mirror.
in_root "$root" "${root_env[@]}" "${apt[@]}" update -qq
before=$(du -sk --one-file-system --exclude=var/cache/apt/archives "$root" | cut -f1)
step "installing $package"
started=$(date +%s.%N)
in_root "$root" "${root_env[@]}" "${apt[@]}" install -y -q --no-install-recommends "/tmp/$package" \
    >"$out/apt-install.log" 2>&1 || { tail -n 30 "$out/apt-install.log" >&2; exit 1; }
finished=$(date +%s.%N)
rm -f "$root/tmp/$package"
after=$(du -sk --one-file-system --exclude=var/cache/apt/archives "$root" | cut -f1)
{
    echo "deb_bytes=$(stat -c %s "$deb")"
    echo "installed_size_kib=$(dpkg-deb -f "$deb" Installed-Size)"
    echo "packages_set_up=$(grep -c '^Setting up ' "$out/apt-install.log")"
    echo "disk_used_kib=$((after - before))"
    echo "apt_install_seconds=$(awk "BEGIN { printf \"%.0f\", $finished - $started }")"
} >"$out/figures.txt"

step "installed"

# 3. Run it as an ordinary user, from /usr/bin/desk, in the user's home.
in_root "$root" "${root_env[@]}" useradd --create-home clerk
as_clerk() {
    in_root "$root" --userspec=clerk:clerk "${root_env[@]}" HOME=/home/clerk QT_QPA_PLATFORM=offscreen \
        /bin/sh -c 'cd "$HOME" && exec "$@"' as_clerk "$@"
}
as_clerk /usr/bin/desk --version >"$out/version.txt"
as_clerk /usr/bin/desk catalog --json >"$out/catalog.json"
as_clerk /usr/bin/desk id check --json 11010519491231002X >"$out/id-check.json"
# Qt starts (offscreen) and draws Chinese text with the fonts the package depends on.
as_clerk /opt/station-desk/bin/python -c '
import sys
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
label = QLabel("户籍窗口 Station Desk")
label.adjustSize()
image = label.grab().toImage()
families = [family for family in QFontDatabase.families() if QFontDatabase.writingSystems(family).count(
    QFontDatabase.WritingSystem.SimplifiedChinese)]
assert not image.isNull() and families, families
print("Qt", app.platformName(), "Chinese fonts:", ", ".join(sorted(families)))
' >"$out/qt-start.txt"
# Every Qt library and the platform plugins the desk (xcb), the kiosk (wayland) and the tests (offscreen)
# use find all their libraries among the package's Depends.
in_root "$root" "${root_env[@]}" /bin/sh -c '
    qt=$(echo /opt/station-desk/lib/python3*/site-packages/PySide6/Qt)
    for lib in "$qt"/lib/libQt6*.so.6 "$qt"/plugins/platforms/libqxcb.so "$qt"/plugins/platforms/libqwayland*.so \
               "$qt"/plugins/platforms/libqoffscreen.so "$qt"/plugins/wayland-*/*.so; do
        [ -e "$lib" ] || continue
        echo "== $lib"
        ldd "$lib"
    done' >"$out/qt-libraries.txt"
if grep -n "not found" "$out/qt-libraries.txt" >&2; then
    echo "test-deb: Qt libraries the package does not depend on (above)" >&2
    exit 1
fi

step "the installed program ran"

# 4. The desktop entry, the AppStream data and the units, as installed.
desktop-file-validate "$root/usr/share/applications/station-desk.desktop"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.stationdesk.desk.metainfo.xml" >/dev/null
in_root "$root" "${root_env[@]}" "${apt[@]}" install -y -qq --no-install-recommends cage systemd >>"$out/apt-install.log" 2>&1
systemd-analyze verify --root="$root" station-desk-server.service station-desk-kiosk.service

# Keep what apt downloaded for the next run (only this run's files: old versions drop out).
flock 9
rm -rf "$cache/archives.new" && mkdir "$cache/archives.new"
find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -l -t "$cache/archives.new/" {} +
rm -rf "$cache/archives" && mv "$cache/archives.new" "$cache/archives"
flock -u 9

step "desktop entry, AppStream data and units checked"

# 5. Purged, nothing of it is left.
in_root "$root" "${root_env[@]}" "${apt[@]}" purge -y -qq station-desk >>"$out/apt-install.log" 2>&1
for path in opt/station-desk etc/station-desk usr/bin/desk usr/bin/station-desk \
            usr/share/applications/station-desk.desktop lib/systemd/system/station-desk-kiosk.service; do
    if [[ -e $root/$path || -L $root/$path ]]; then
        echo "test-deb: /$path is still there after apt-get purge" >&2
        exit 1
    fi
done

step "purged"
cat "$out/figures.txt" >&2
echo "$out"
