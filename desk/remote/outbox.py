"""Drafts typed while the city server could not be reached, kept on this desk until it is back.

One small JSON file in the user's data folder (`city-drafts.json`), readable by this OS user only
(0600, written to a temporary file and renamed, so a crash leaves the old or the new file, never half).
It holds what the clerk typed and nothing more: per case number, the form's values, the case version
they were typed against, and when. Sent (`CaseService.save_draft` over the server) when it answers
again; an entry goes once the server has stored it.

Thread contract: any thread; one lock per outbox serialises the read-modify-write.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

OUTBOX_FILE = "city-drafts.json"


@dataclass(frozen=True)
class KeptDraft:
    number: str
    version: int
    values: dict[str, Any]
    kept_at: str


@dataclass
class DraftOutbox:
    path: Path
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def in_folder(cls, folder: Path) -> DraftOutbox:
        return cls(folder / OUTBOX_FILE)

    def keep(self, number: str, version: int, values: dict[str, Any]) -> None:
        with self._lock:
            entries = self._read()
            entries[number] = {"version": version, "values": values, "kept_at": datetime.now().isoformat()}
            self._write(entries)

    def drop(self, number: str) -> None:
        with self._lock:
            entries = self._read()
            if entries.pop(number, None) is not None:
                self._write(entries)

    def kept(self) -> list[KeptDraft]:
        with self._lock:
            return [KeptDraft(number, int(entry["version"]), dict(entry["values"]), str(entry["kept_at"]))
                    for number, entry in self._read().items()]

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            # Never lose it silently: set the unreadable file aside and start a new one.
            self.path.replace(self.path.with_suffix(".unreadable"))
            return {}
        return data if isinstance(data, dict) else {}

    def _write(self, entries: dict[str, Any]) -> None:
        if not entries:
            self.path.unlink(missing_ok=True)
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_suffix(".tmp")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(entries, handle, ensure_ascii=False, default=str)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        temporary.replace(self.path)
