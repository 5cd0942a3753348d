"""The data shipped with this release, read from the install's resources folder (or `DESK_RESOURCES`):
composition roots and tools call these; the domain is handed the result and never looks for files."""

from __future__ import annotations

from desk.domain.catalog import Catalog
from desk.domain.catalog_loader import load_catalog
from desk.paths import catalog_dir


def shipped_catalog() -> Catalog:
    """The shipped transaction catalog, validated (CatalogError names every problem)."""
    return load_catalog(catalog_dir())
