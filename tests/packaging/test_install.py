"""Installed like software: the sdist is built, the wheel is built from the sdist, installed into a fresh
virtual environment outside the checkout, and the `desk` command is run from another folder.

Nothing here reads the checkout at run time: the environment carries no DESK_RESOURCES or PYTHONPATH,
and the test checks that the resources the program finds lie inside the new environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@dataclass
class Installed:
    sdist: Path
    wheel: Path
    bin: Path
    workdir: Path
    env: dict[str, str]

    def run(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess[str]:
        proc = subprocess.run([str(self.bin / "desk"), *args], cwd=self.workdir, env=self.env, capture_output=True,
                              text=True, timeout=timeout, check=False)
        assert proc.returncode == 0, f"desk {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Installed]:
    base = tmp_path_factory.mktemp("install")
    dist = base / "dist"
    # The sdist first, then the wheel from the unpacked sdist: what ships in the sdist must be enough.
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], check=True,
                   capture_output=True, timeout=300)
    (sdist,) = dist.glob("station_desk-*.tar.gz")
    (wheel,) = dist.glob("station_desk-*.whl")
    environment = base / "venv"
    venv.create(environment, with_pip=True)
    bin_dir = environment / "bin"
    clean_env = {key: value for key, value in os.environ.items()
                 if not key.startswith(("DESK_", "PYTHON", "VIRTUAL_ENV"))}
    subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True,
                   env=clean_env, capture_output=True, timeout=400)
    workdir = base / "elsewhere"
    workdir.mkdir()
    env = {**clean_env, "QT_QPA_PLATFORM": "offscreen", "DESK_DATA_DIR": str(base / "data"),
           "DESK_CONFIG_DIR": str(base / "config"), "DESK_LOG_DIR": str(base / "logs"),
           "DESK_SYSTEM_SETTINGS": str(base / "etc" / "settings.toml")}
    yield Installed(sdist, wheel, bin_dir, workdir, env)


def test_the_sdist_and_the_wheel_carry_the_resources_and_the_licence(installed: Installed) -> None:
    with tarfile.open(installed.sdist) as sdist:
        names = sdist.getnames()
    top = names[0].split("/")[0]
    for path in ("LICENSE", "resources/catalog/birth_registration.toml", "resources/regions/gb2260.tsv",
                 "resources/i18n/station_desk_en.ts", "resources/i18n/station_desk_en.qm"):
        assert f"{top}/{path}" in names, path
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = wheel.namelist()
        metadata = wheel.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
        entry_points = wheel.read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    for path in ("desk/resources/catalog/birth_registration.toml", "desk/resources/holidays/2026.toml",
                 "desk/resources/regions/gb2260.tsv", "desk/resources/regions/gb2260-history.tsv",
                 "desk/resources/i18n/station_desk_en.qm", "desk/resources/i18n/kiosk_en.qm",
                 "desk/resources/styles/desk.qss", "desk/resources/styles/kiosk.qss",
                 "desk/resources/demo/cards.toml", "desk/store/migrations/versions/0001_initial_schema.py",
                 "desk/resources/online/templates/transaction.html", "desk/resources/online/static/online.js",
                 "desk/resources/online/static/online.css"):
        assert path in names, path
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Programming Language :: Python :: 3.11" in metadata
    # The core install stays small: PostgreSQL, ESC/POS and speech are extras.
    core = [line for line in metadata.splitlines() if line.startswith("Requires-Dist:") and "extra ==" not in line]
    assert not any(name in " ".join(core) for name in ("psycopg", "escpos", "PySide6-Addons")), core
    for extra in ("postgres", "escpos", "speech", "server", "test"):
        assert f"Provides-Extra: {extra}" in metadata
    assert "[gui_scripts]" in entry_points and "station-desk = desk.cli:gui_main" in entry_points
    assert "desk = desk.cli:main" in entry_points


def test_the_installed_program_reads_its_own_resources(installed: Installed) -> None:
    proc = subprocess.run([str(installed.bin / "python"), "-c", "from desk.paths import resources_dir; "
                           "print(resources_dir())"], cwd=installed.workdir, env=installed.env,
                          capture_output=True, text=True, check=True)
    found = Path(proc.stdout.strip())
    assert found.is_relative_to(installed.bin.parent), found
    assert not found.is_relative_to(ROOT)
    version = installed.run("--version").stdout.strip()
    assert version == f"desk {_project_version()}"


def test_catalog_and_id_check_from_another_folder(installed: Installed) -> None:
    catalog = json.loads(installed.run("catalog", "--json").stdout)
    assert len(catalog) >= 30
    assert "birth_registration" in {item["code"] for item in catalog}
    checked = installed.run("id", "check", "--json", "11010519491231002X").stdout
    assert json.loads(checked)["valid"] is True
    assert "北京" in checked  # the region table was found


def test_demo_data_and_a_printed_receipt(installed: Installed) -> None:
    installed.run("demo-data", "--residents", "20", "--cases", "12")
    cases = json.loads(installed.run("case", "list", "--state", "accepted", "--json").stdout)
    assert cases, "the demo data holds no accepted case"
    out = installed.workdir / "receipt.pdf"
    installed.run("print", "receipt", cases[0]["number"], "--out", str(out))
    reader = PdfReader(out)
    assert len(reader.pages) >= 1
    assert cases[0]["number"] in "".join(page.extract_text() for page in reader.pages)


def test_screenshots_in_chinese_and_in_english(installed: Installed) -> None:
    shots: dict[str, Path] = {}
    for language in ("zh_CN", "en"):
        shots[language] = installed.workdir / f"shots-{language}"
        installed.run("screenshots", "--language", language, str(shots[language]), timeout=240)
    zh = sorted(p.name for p in shots["zh_CN"].glob("*.png"))
    en = sorted(p.name for p in shots["en"].glob("*.png"))
    assert zh == en and "today.png" in zh and len(zh) >= 10
    # The English tour really is in English: the compiled translation was found in the install.
    assert (shots["zh_CN"] / "sign-in.png").read_bytes() != (shots["en"] / "sign-in.png").read_bytes()


def test_the_core_install_pulls_no_extra(installed: Installed) -> None:
    """What `pip install station-desk` really installed (dependencies of dependencies too): no database
    driver, no receipt-printer, speech or server packages. (httpx, the city-mode client, is a core
    dependency: pointing a desk at the city server is a setting, not a reinstall — docs/city.md.)"""
    listed = subprocess.run([str(installed.bin / "python"), "-m", "pip", "list", "--format=json"], env=installed.env,
                            capture_output=True, text=True, timeout=120, check=True).stdout
    names = {item["name"].lower().replace("_", "-") for item in json.loads(listed)}
    assert {"station-desk", "pyside6-essentials", "sqlalchemy", "reportlab"} <= names
    extras = {"psycopg", "psycopg-binary", "psycopg2", "python-escpos", "pyside6-addons", "fastapi", "uvicorn",
              "starlette", "jinja2", "python-multipart"}
    assert not names & extras, sorted(names & extras)


def test_a_missing_extra_is_named(installed: Installed) -> None:
    proc = subprocess.run([str(installed.bin / "desk"), "--db", "postgresql://desk@127.0.0.1:1/desk", "case", "list"],
                          cwd=installed.workdir, env=installed.env, capture_output=True, text=True, timeout=60,
                          check=False)
    assert proc.returncode == 1
    assert "pip install 'station-desk[postgres]'" in proc.stderr
    assert "Traceback" not in proc.stderr


def _project_version() -> str:
    text = (ROOT / "desk" / "__init__.py").read_text(encoding="utf-8")
    return text.split('__version__ = "', 1)[1].split('"', 1)[0]
