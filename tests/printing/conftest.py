"""Fixtures for the printing tests: fonts, a station key, sample documents, a real private CUPS server."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # pdfcheck.py beside this file

from desk_fixtures import desk  # noqa: F401  (a core with users and citizens: papers issued by the use cases)

from printing.cups_testserver import CupsTestServer, unavailable_reason
from printing.fonts import FontSet, default_fonts
from printing.signing import Keyring, StationSigner

STATION_CODE = "210102001"
KEY_VALID_FROM = date(2026, 1, 1)  # the test key signs from then on (documents are dated 2026)

# As for PostgreSQL: set DESK_TEST_CUPS=0 on a machine that cannot run cupsd as root. Otherwise a
# CUPS server that cannot start is a test failure with its reason, never a silent skip.
_CUPS_WANTED = os.environ.get("DESK_TEST_CUPS", "1") != "0" or os.environ.get("CI") == "true"


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return default_fonts()


@pytest.fixture
def keys_dir(tmp_path: Path) -> Path:
    return tmp_path / "keys"


@pytest.fixture
def signer(keys_dir: Path) -> StationSigner:
    return StationSigner.generate(keys_dir, STATION_CODE, valid_from=KEY_VALID_FROM)


@pytest.fixture
def keyring(signer: StationSigner, keys_dir: Path) -> Keyring:
    return Keyring.load(keys_dir)


@pytest.fixture(scope="session")
def cups_server() -> Iterator[CupsTestServer]:
    if not _CUPS_WANTED:
        pytest.skip("CUPS tests switched off by DESK_TEST_CUPS=0")
    reason = unavailable_reason()
    if reason:
        pytest.fail(f"cannot start the private CUPS test server: {reason}")
    # Not in pytest's tmp_path: that tree is private (0700) and CUPS filters run as user lp.
    base = Path(tempfile.mkdtemp(prefix="desk-cups-"))
    server = CupsTestServer(base)
    server.start()
    yield server
    server.stop()
    shutil.rmtree(base, ignore_errors=True)
