"""Where Station Desk finds its shipped resources and keeps its data.

Resources (catalog, holidays, translations) live in the repository's `resources/` folder;
`DESK_RESOURCES` points elsewhere (a packaged install, a test). User data lives in the
platform's data directory (platformdirs) unless `DESK_DATA_DIR` says otherwise.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "station-desk"


def resources_dir() -> Path:
    override = os.environ.get("DESK_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def holidays_dir() -> Path:
    return resources_dir() / "holidays"


def data_dir() -> Path:
    override = os.environ.get("DESK_DATA_DIR")
    path = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    path.mkdir(parents=True, exist_ok=True)
    return path
