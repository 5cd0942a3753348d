"""Optional parts of the install (pyproject.toml's extras): a clear error instead of an ImportError."""

from __future__ import annotations

import importlib.util

from desk.domain.errors import MissingExtra


def require_extra(module: str, extra: str, feature_zh: str, feature_en: str) -> None:
    """Raise MissingExtra unless `module` can be imported."""
    if importlib.util.find_spec(module) is None:
        raise MissingExtra(extra, feature_zh, feature_en)
