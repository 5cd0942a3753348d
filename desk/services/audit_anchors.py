"""Daily audit anchors: each chain's head, tagged with the audit key, written once a day into a folder
outside the database (`daily-anchor-YYYY-MM-DD.json`, the same form as `desk audit anchor`, so
`desk audit verify --anchor FILE` reads it). The city server writes them (desk/server/anchors.py);
`desk report daily` prints the day's anchor, writing it first when it is missing for today.

Why a task in the server process rather than a systemd timer calling `desk audit anchor`: the server
is what must be running for anything to be written, so an anchor that rides on it cannot be forgotten
when a city installs the server without the timer, it uses the server's own key and credentials
(nothing else on the machine needs them), and it is tested with the real server process. Several
worker processes (or machines) may run it: the first to write the day's file wins (an exclusive
link), the others find it there.

Thread contract: `AnchorKeeper` runs one daemon thread (in the server: per process, started and stopped
by the app's lifespan); it opens its own read session per anchor and shares nothing else.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import uuid
from datetime import date, timedelta
from pathlib import Path

from desk.domain.clock import Clock
from desk.services import audit
from desk.store.database import Store
from printing.models import AuditAnchorLine

_log = logging.getLogger(__name__)
CHECK_EVERY = timedelta(minutes=10)  # a new day's anchor is written within this of midnight
DAILY_PREFIX = "daily-anchor-"


def daily_anchor_path(folder: Path, day: date) -> Path:
    return folder / f"{DAILY_PREFIX}{day.isoformat()}.json"


def read_daily_anchor(folder: Path, day: date) -> audit.Anchor | None:
    """The anchor the server wrote for `day`, if there is one (the daily report prints it)."""
    path = daily_anchor_path(folder, day)
    return audit.read_anchor(path) if path.exists() else None


class AnchorKeeper:
    """Writes the day's anchor when it is missing: at start, then every `check_every`."""

    def __init__(self, store: Store, folder: Path, clock: Clock, check_every: timedelta = CHECK_EVERY) -> None:
        self.store, self.folder, self.clock, self.check_every = store, folder, clock, check_every
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def write_due(self) -> Path | None:
        """Write today's anchor unless it exists; return its path when this call wrote it."""
        path = daily_anchor_path(self.folder, self.clock.today())
        if path.exists():
            return None
        with self.store.read() as session:
            mark = audit.anchor(session, self.store.audit_key, self.clock.now())
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        text = json.dumps(mark.as_json(), indent=2) + "\n"
        draft = self.folder / f".{path.name}.{uuid.uuid4().hex[:8]}.tmp"
        try:
            with os.fdopen(os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            try:
                os.link(draft, path)  # exclusive: another worker's anchor of the day stays as it was
            except FileExistsError:
                return None
        finally:
            with contextlib.suppress(FileNotFoundError):
                draft.unlink()
        _log.info("audit anchor of %s written: entry %d", path.name, mark.seq)
        return path

    def _run(self) -> None:
        while True:
            try:
                self.write_due()
            except Exception:  # a full disk or a database hiccup must not end the loop: try again later
                _log.exception("writing the daily audit anchor failed")
            if self._stop.wait(self.check_every.total_seconds()):
                return

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="audit-anchors", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None


def anchor_of_the_day(store: Store, folder: Path, day: date, clock: Clock) -> AuditAnchorLine | None:
    """The day's anchor for the daily report: the file the server wrote; for today, written now when
    missing (an embedded station has no server to write it); None for a past day without one."""
    if day == clock.today():
        AnchorKeeper(store, folder, clock).write_due()
    mark = read_daily_anchor(folder, day)
    if mark is None:
        return None
    return AuditAnchorLine(mark.at, mark.seq, mark.hash, mark.tag, len(mark.heads))
