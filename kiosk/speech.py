"""Spoken prompts, where the platform offers text-to-speech (optional, off by default).

Qt's text-to-speech module (`PySide6.QtTextToSpeech`) ships with PySide6-Addons, not with the
PySide6-Essentials wheel this project depends on; without it `Speaker.available` is False, the
kiosk hides the switch and simply stays silent. With the Addons wheel and a speech engine
(e.g. speech-dispatcher) installed, the switch appears in the top bar.

Thread contract: GUI thread only.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

log = logging.getLogger(__name__)


def _engine_class() -> Any | None:
    try:
        module = importlib.import_module("PySide6.QtTextToSpeech")
    except ImportError:
        return None
    return getattr(module, "QTextToSpeech", None)


class Speaker:
    def __init__(self, *, enabled: bool = False, engine_class: Any | None = None) -> None:
        engine_type = engine_class if engine_class is not None else _engine_class()
        self._engine: Any | None = None
        if engine_type is not None:
            try:
                self._engine = engine_type()
            except Exception as exc:  # no speech engine behind the module: stay silent
                log.info("text-to-speech unavailable: %s", exc)
                self._engine = None
        self.enabled = enabled and self._engine is not None
        self.spoken: list[str] = []  # the last few prompts (what a test or the log can check)

    @property
    def available(self) -> bool:
        return self._engine is not None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled and self.available
        if not self.enabled and self._engine is not None:
            self._engine.stop()

    def say(self, text: str) -> None:
        if not self.enabled or self._engine is None or not text:
            return
        self.spoken = [*self.spoken[-9:], text]
        self._engine.stop()
        self._engine.say(text)
