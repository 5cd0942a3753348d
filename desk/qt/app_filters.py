"""The desk app's application-wide event filters, installed through one object so they can be taken
off while a screen builds many widgets at once.

Why: every event of every object in the app passes an application-wide event filter, and one
written in Python costs a call into Python per event — the first time a class of object passes,
the bindings also set up a wrapper type for it. Building a transaction's form sends thousands of
events (ChildAdded, Polish, Resize …), none of them input: input is only delivered between turns of
the event loop, never in the middle of a synchronous build. So `paused()` around such a build
changes nothing the filters would see and halves its time.

Thread contract: GUI thread only.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from PySide6.QtCore import QObject


class AppEventFilters:
    """Event filters installed on `app` (the QApplication), in the order they were installed."""

    def __init__(self, app: QObject) -> None:
        self._app = app
        self._filters: list[QObject] = []
        self._paused = 0

    def install(self, event_filter: QObject) -> None:
        if event_filter in self._filters:
            return
        self._filters.append(event_filter)
        if not self._paused:
            self._app.installEventFilter(event_filter)

    def remove(self, event_filter: QObject) -> None:
        if event_filter not in self._filters:
            return
        self._filters.remove(event_filter)
        if not self._paused:
            self._app.removeEventFilter(event_filter)

    def is_installed(self, event_filter: QObject) -> bool:
        return event_filter in self._filters

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Take every filter off for a synchronous build (no input can arrive meanwhile), then put
        back the ones still installed, in their order (Qt asks the last installed first)."""
        if not self._paused:
            for event_filter in self._filters:
                self._app.removeEventFilter(event_filter)
        self._paused += 1
        try:
            yield
        finally:
            self._paused -= 1
            if not self._paused:
                for event_filter in self._filters:
                    self._app.installEventFilter(event_filter)


def paused(filters: AppEventFilters | None) -> AbstractContextManager[None]:
    """`filters.paused()`, or nothing to pause (screens built without an app, as in tests)."""
    return filters.paused() if filters is not None else nullcontext()
