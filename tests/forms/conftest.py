"""Fixtures for the form-engine tests: the real catalog, and a small catalog using every field type."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The tests share data through form_samples.py next to this file (import mode importlib: no packages).
sys.path.insert(0, str(Path(__file__).resolve().parent))

from form_samples import SAMPLER_TOML

from desk.domain.catalog import Catalog, Transaction
from desk.domain.catalog_loader import load_catalog
from desk.shipped import shipped_catalog


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return shipped_catalog()


@pytest.fixture
def sampler(tmp_path: Path) -> Transaction:
    (tmp_path / "sampler.toml").write_text(SAMPLER_TOML, encoding="utf-8")
    return load_catalog(tmp_path)["sampler"]
