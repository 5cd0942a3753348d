"""Optional parts of the install (pyproject.toml's extras): a clear error instead of an ImportError."""

from __future__ import annotations

import importlib.util

from desk.domain.errors import MissingExtra


def require_extra(module: str, extra: str, feature: str) -> None:
    """Raise MissingExtra unless `module` can be imported; `feature` is the message key naming what needs it."""
    if importlib.util.find_spec(module) is None:
        raise MissingExtra(extra, feature)
