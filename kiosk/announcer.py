"""The hall's spoken calls ("请 A零零一 号，到 1号窗口 办理。") through espeak-ng, Debian's speech engine.

Speaking takes a second or two and must never hold up a screen: calls are queued and spoken one
after another on a daemon thread, each by an `espeak-ng` process (Mandarin voice `cmn`). Where
espeak-ng is missing the announcer says so (`available` False) and the screen plays a chime instead.
`to_wav` records a call to a file (for the docs and the tests). No Qt here.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from pathlib import Path

log = logging.getLogger(__name__)

ESPEAK = "espeak-ng"
VOICE = "cmn"  # Mandarin
WORDS_PER_MINUTE = 150  # a little slower than espeak's 175: halls are noisy
SPEAK_TIMEOUT_S = 30


class Announcer:
    """Speaks queued texts one at a time. Thread contract: `say` from any thread; speaking on its own."""

    def __init__(self, program: str | None = None) -> None:
        self.program = program or shutil.which(ESPEAK)
        self.spoken: list[str] = []  # what was sent to the engine, newest last (for the log and tests)
        self._texts: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    @property
    def available(self) -> bool:
        return self.program is not None

    def say(self, text: str) -> bool:
        """Queue `text`; False (nothing queued) where no speech engine is installed."""
        if not self.available or not text:
            return False
        if self._thread is None:
            self._thread = threading.Thread(target=self._speak_queued, name="hall-announcer", daemon=True)
            self._thread.start()
        self._texts.put(text)
        return True

    def close(self) -> None:
        if self._thread is not None:
            self._texts.put(None)
            self._thread.join(timeout=SPEAK_TIMEOUT_S)
            self._thread = None

    def to_wav(self, text: str, path: Path) -> Path:
        """Record `text` as spoken to a WAV file (raises RuntimeError where espeak-ng is missing)."""
        if self.program is None:
            raise RuntimeError(f"{ESPEAK} is not installed (Debian package espeak-ng)")
        subprocess.run([self.program, "-v", VOICE, "-s", str(WORDS_PER_MINUTE), "-w", str(path), text],
                       check=True, capture_output=True, timeout=SPEAK_TIMEOUT_S)
        return path

    def _speak_queued(self) -> None:
        while (text := self._texts.get()) is not None:
            self.spoken = [*self.spoken[-19:], text]
            try:
                subprocess.run([str(self.program), "-v", VOICE, "-s", str(WORDS_PER_MINUTE), text],
                               capture_output=True, timeout=SPEAK_TIMEOUT_S, check=False)
            except (OSError, subprocess.TimeoutExpired) as exc:  # a stuck sound device must not stop the calls
                log.warning("announcer: %s", exc)
