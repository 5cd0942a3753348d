"""scripts/build-deb.sh: the .deb is built, its metadata and contents checked, the application it carries
run from the unpacked package, and then the package installed with apt on a clean Debian and started there
(scripts/test-deb.sh).

What this proves: the package holds a complete, relocated environment (every script points at
/opt/station-desk, nothing at the build folder), the desktop entry and AppStream data validate, the
units are there; on a minimal Debian of this machine's release with nothing but what apt pulls in for the
package's Depends, `desk --version`, `desk catalog --json` and `desk id check` run as an ordinary user,
every Qt library finds its libraries, the installed desktop entry, AppStream data and systemd units
validate, and `apt-get purge` leaves nothing behind. The clean Debian is made in a folder under the
user's cache folder (debootstrap, chroot in a private mount namespace): this machine's own system is not
touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "opt/station-desk"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="module")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    base = tmp_path_factory.mktemp("deb")
    env = {**os.environ, "DEB_COMPRESSION": "gzip", "DEB_LEVEL": "1"}
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "build-deb.sh"), str(base / "out")], env=env,
                          capture_output=True, text=True, timeout=800, check=False)
    assert proc.returncode == 0, proc.stderr
    package = Path(proc.stdout.strip().splitlines()[-1])
    unpacked = base / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(unpacked)], check=True, timeout=300)
    yield package, unpacked
    shutil.rmtree(base, ignore_errors=True)


def _field(package: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(package), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_metadata_and_dependencies(deb: tuple[Path, Path]) -> None:
    package, _ = deb
    assert _field(package, "Package") == "station-desk"
    from desk import __version__

    assert _field(package, "Version") == __version__
    depends = {item.strip() for item in _field(package, "Depends").split(",")}
    for needed in ("python3.11", "fonts-noto-cjk", "fonts-wqy-zenhei", "fontconfig", "cups-client", "poppler-utils",
                   "libgl1", "libegl1", "libxkbcommon0", "libxcb-cursor0"):
        assert needed in depends, needed
    conffiles = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(package)], capture_output=True, check=True).stdout
    assert b"conffiles" in conffiles


def test_contents(deb: tuple[Path, Path]) -> None:
    _, root = deb
    for path in ("usr/share/applications/station-desk.desktop",
                 "usr/share/icons/hicolor/scalable/apps/station-desk.svg",
                 "usr/share/metainfo/org.stationdesk.desk.metainfo.xml",
                 "lib/systemd/system/station-desk-kiosk.service", "lib/systemd/system/station-desk-server.service",
                 "etc/station-desk/settings.toml", "usr/share/doc/station-desk/copyright",
                 f"{PREFIX}/bin/desk", f"{PREFIX}/bin/station-desk"):
        assert (root / path).is_file(), path
    assert os.readlink(root / "usr/bin/desk") == f"/{PREFIX}/bin/desk"
    assert os.readlink(root / "usr/bin/station-desk") == f"/{PREFIX}/bin/station-desk"
    assert (root / f"{PREFIX}/bin/desk").read_text(encoding="utf-8").startswith(f"#!/{PREFIX}/bin/python\n")
    leftovers = subprocess.run(["grep", "-rlI", "/tmp/", str(root / PREFIX / "bin"), str(root / PREFIX / "pyvenv.cfg")],
                               capture_output=True, text=True, check=False).stdout
    assert leftovers == ""
    assert "ExecStart=/usr/bin/cage -d -- /opt/station-desk/bin/desk kiosk" in (
        root / "lib/systemd/system/station-desk-kiosk.service").read_text(encoding="utf-8")
    assert "ExecStart=/opt/station-desk/bin/desk server --host" in (
        root / "lib/systemd/system/station-desk-server.service").read_text(encoding="utf-8")
    subprocess.run(["desktop-file-validate", str(root / "usr/share/applications/station-desk.desktop")], check=True)
    subprocess.run(["appstreamcli", "validate", "--no-net",
                    str(root / "usr/share/metainfo/org.stationdesk.desk.metainfo.xml")], check=True,
                   capture_output=True)


def test_the_shipped_settings_file_is_all_comments_and_valid_when_uncommented(deb: tuple[Path, Path],
                                                                               tmp_path: Path) -> None:
    from desk.settings import Settings, load_settings

    _, root = deb
    text = (root / "etc/station-desk/settings.toml").read_text(encoding="utf-8")
    assert all(not line.strip() or line.startswith("#") for line in text.splitlines())
    uncommented = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# ") and " = " in line)
    (tmp_path / "settings.toml").write_text(uncommented, encoding="utf-8")
    assert load_settings(tmp_path / "settings.toml", environ={}) == Settings()


def test_the_packaged_application_runs(deb: tuple[Path, Path], tmp_path: Path) -> None:
    _, root = deb
    python = root / PREFIX / "bin" / "python"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DESK_", "PYTHON", "VIRTUAL_ENV"))}
    env.update(DESK_DATA_DIR=str(tmp_path / "data"), DESK_LOG_DIR=str(tmp_path / "logs"),
               DESK_CONFIG_DIR=str(tmp_path / "config"),
               DESK_SYSTEM_SETTINGS=str(root / "etc/station-desk/settings.toml"))

    def desk(*args: str) -> str:
        proc = subprocess.run([str(python), "-m", "desk", *args], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120, check=False)
        assert proc.returncode == 0, proc.stderr
        return proc.stdout

    assert desk("--version").startswith("desk ")
    where = subprocess.run([str(python), "-c", "from desk.paths import resources_dir; print(resources_dir())"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, check=True).stdout.strip()
    assert Path(where).is_relative_to(root / PREFIX)
    assert len(json.loads(desk("catalog", "--json"))) >= 30
    assert json.loads(desk("id", "check", "--json", "11010519491231002X"))["valid"] is True
    # The extras a station needs are in the package's environment.
    subprocess.run([str(python), "-c", "import psycopg, escpos, fastapi, uvicorn"], env=env, check=True, timeout=60)
    assert "--tls-cert" in desk("server", "--help")


@pytest.mark.timeout(1800)  # the first run on a machine makes the minimal Debian (debootstrap): minutes
def test_installed_with_apt_on_a_clean_debian_it_runs(deb: tuple[Path, Path], tmp_path: Path) -> None:
    package, _ = deb
    out = tmp_path / "clean-debian"
    proc = subprocess.run(["bash", str(ROOT / "scripts" / "test-deb.sh"), str(package), str(out)],
                          capture_output=True, text=True, timeout=1700, check=False)
    assert proc.returncode == 0, f"scripts/test-deb.sh failed ({proc.returncode}):\n{proc.stderr[-4000:]}"
    from desk import __version__

    assert (out / "version.txt").read_text(encoding="utf-8").strip() == f"desk {__version__}"
    catalog = json.loads((out / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog) >= 30 and "birth_registration" in {item["code"] for item in catalog}
    checked = json.loads((out / "id-check.json").read_text(encoding="utf-8"))
    assert checked["valid"] is True and checked["region_name"] == "北京市朝阳区"
    started = (out / "qt-start.txt").read_text(encoding="utf-8")
    assert started.startswith("Qt offscreen Chinese fonts: ") and "Noto Sans CJK SC" in started, started
    libraries = (out / "qt-libraries.txt").read_text(encoding="utf-8")
    assert "libqxcb.so" in libraries and "libqwayland" in libraries and "libQt6Widgets.so.6" in libraries
    assert "not found" not in libraries
    log = (out / "apt-install.log").read_text(encoding="utf-8")
    assert f"Setting up station-desk ({__version__})" in log
    assert f"Purging configuration files for station-desk ({__version__})" in log
    figures = dict(line.split("=", 1) for line in (out / "figures.txt").read_text(encoding="utf-8").split())
    assert int(figures["packages_set_up"]) > 20  # the Depends really came from the mirror
