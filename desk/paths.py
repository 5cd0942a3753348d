"""Where Station Desk finds its shipped resources and keeps its data, settings and logs.

Resources (catalog, holidays, region table, translations, style sheets) are the package
`desk.resources`: the repository's top-level `resources/` folder, installed into the wheel under that
name (setup.py) and read through `importlib.resources`. `DESK_RESOURCES` points elsewhere (a test).
User data lives in the platform's data directory (platformdirs) unless `DESK_DATA_DIR` says
otherwise; settings and logs likewise (`DESK_CONFIG_DIR`, `DESK_LOG_DIR`), and the machine-wide
settings file is `/etc/station-desk/settings.toml` unless `DESK_SYSTEM_SETTINGS` names another.
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_log_path

APP_NAME = "station-desk"
SYSTEM_SETTINGS = Path("/etc/station-desk/settings.toml")


@functools.cache
def _packaged_resources() -> Path:
    # Installed from a wheel (or editable): a real folder, so paths can be handed to Qt and reportlab.
    return Path(str(resources.files("desk.resources")))


def resources_dir() -> Path:
    override = os.environ.get("DESK_RESOURCES")
    if override:
        return Path(override)
    return _packaged_resources()


def catalog_dir() -> Path:
    return resources_dir() / "catalog"


def holidays_dir() -> Path:
    """The holiday tables shipped with this release (read-only in an install)."""
    return resources_dir() / "holidays"


def _folder(env: str, default: Path) -> Path:
    override = os.environ.get(env)
    path = Path(override) if override else default
    path.mkdir(parents=True, exist_ok=True)
    return path


def owner_only(path: Path, mode: int) -> None:
    """Take group and other access away from a file or folder of ours holding personal data (made
    before this rule, or under a loose umask); one owned by someone else is the administrator's."""
    try:
        status = path.stat()
        if status.st_uid == os.getuid() and status.st_mode & 0o077:
            path.chmod(mode)
    except OSError:
        pass  # missing, or not ours to change: opening it will say what is wrong


def private_data_dir(path: Path) -> Path:
    """Make the folder readable by its owner only (0700), creating it so."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    owner_only(path, 0o700)
    return path


def data_dir() -> Path:
    """The data folder: database, keys, spool, printed papers — personal data, so owner-only (0700)."""
    override = os.environ.get("DESK_DATA_DIR")
    return private_data_dir(Path(override) if override else user_data_path(APP_NAME, appauthor=False))


def holiday_overrides_dir() -> Path:
    """Holiday tables an administrator added (`desk holidays import`): they win over the shipped ones.
    Not created here: reading finds no folder as no overrides."""
    override = os.environ.get("DESK_HOLIDAYS_DIR")
    return Path(override) if override else data_dir() / "holidays"


def config_dir() -> Path:
    """The user's settings folder (not created here: reading settings must not write)."""
    override = os.environ.get("DESK_CONFIG_DIR")
    return Path(override) if override else user_config_path(APP_NAME, appauthor=False)


def system_settings_path() -> Path:
    override = os.environ.get("DESK_SYSTEM_SETTINGS")
    return Path(override) if override else SYSTEM_SETTINGS


def log_dir() -> Path:
    return _folder("DESK_LOG_DIR", user_log_path(APP_NAME, appauthor=False))
