"""Kiosk tests: the `desk` fixture (service tests) and the kiosk under test (tests/kiosk/kiosk_fixtures.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from desk_fixtures import desk  # noqa: F401  (registers the fixture)
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent))  # kiosk_fixtures.py beside this file

from kiosk_fixtures import KioskUnderTest, make_kiosk, seeded_database  # noqa: F401


@pytest.fixture
def kiosk(qtbot: QtBot, tmp_path: Path, seeded_database: Path) -> Iterator[KioskUnderTest]:  # noqa: F811
    yield from make_kiosk(qtbot, tmp_path, seeded_database)


@pytest.fixture
def idle_kiosk(qtbot: QtBot, tmp_path: Path, seeded_database: Path) -> Iterator[KioskUnderTest]:  # noqa: F811
    """A kiosk that gives up after 2 idle seconds."""
    yield from make_kiosk(qtbot, tmp_path, seeded_database, idle_seconds=2)


@pytest.fixture
def quick_kiosk(qtbot: QtBot, tmp_path: Path, seeded_database: Path) -> Iterator[KioskUnderTest]:  # noqa: F811
    """Messages return to the previous screen after 1 second, sessions end after 4 idle seconds."""
    yield from make_kiosk(qtbot, tmp_path, seeded_database, idle_seconds=4, message_seconds=1)
