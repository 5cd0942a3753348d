"""The data shipped with this release, read from the install's resources folder (or `DESK_RESOURCES`):
composition roots and tools call these; the domain is handed the result and never looks for files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desk.domain import regions
from desk.paths import catalog_dir, resources_dir

if TYPE_CHECKING:
    from desk.domain.bundles import Bundles
    from desk.domain.catalog import Catalog
    from desk.domain.refusals import RefusalRules

# The catalog, bundle and refusal modules are imported where they are read, not here: the desk's
# start-up names the region table before its window shows, and must not pay for the catalog's code.


def use_shipped_regions() -> None:
    """Name the shipped region table (resources/regions) for ID-number checks; read on first use."""
    regions.use_region_folder(resources_dir() / "regions")


def shipped_catalog() -> Catalog:
    """The shipped transaction catalog, validated (CatalogError names every problem). The shipped
    region table goes with it: the catalog's ID-number fields are checked against it."""
    from desk.domain.catalog_loader import load_catalog

    use_shipped_regions()
    return load_catalog(catalog_dir())


def shipped_refusal_rules() -> RefusalRules:
    """The procedural grounds of 不予受理 and the deciding organs per level (resources/refusals.toml)."""
    from desk.domain.refusals import RefusalRules

    return RefusalRules.load(resources_dir() / "refusals.toml")


def shipped_bundles(catalog: Catalog) -> Bundles:
    """The shipped “一件事” bundles, checked against `catalog` (BundleError names every problem with file
    and key); a bundle naming a transaction `catalog` lacks is left out (a station's smaller catalog)."""
    from desk.domain.bundles import load_bundles

    return load_bundles(resources_dir() / "bundles", catalog, skip_foreign=True)
