"""The server writes the daily audit anchors (desk/services/audit_anchors.py) while it serves."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from desk.services.audit_anchors import AnchorKeeper


def lifespan_with_anchors(keeper: AnchorKeeper | None) -> Callable[[Any], Any]:
    """The app's lifespan: the anchor keeper runs while the server serves."""

    @asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[None]:
        if keeper is not None:
            keeper.start()
        try:
            yield
        finally:
            if keeper is not None:
                keeper.stop()

    return lifespan
