"""Printed papers do not stay on disk for ever: the PDFs of printed jobs (the spool's done jobs and
the files a `pdf` printer wrote) are deleted once they are older than the retention period
(setting `print_retention_days`). Jobs not yet printed (pending, failed) are kept whatever their age:
the clerk still has to print or remove them.

Files holding personal data are created readable by their owner only (`OWNER_ONLY_FILE`, in folders
`OWNER_ONLY_FOLDER`); `private_folder` makes such a folder.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from printing.queue import PrintQueue

_log = logging.getLogger(__name__)

OWNER_ONLY_FILE = 0o600
OWNER_ONLY_FOLDER = 0o700


def private_folder(path: Path) -> Path:
    """Make the folder (readable by its owner only) if it is missing; an existing one is left as it is
    (an administrator's own choice of folder)."""
    if not path.exists():
        path.mkdir(mode=OWNER_ONLY_FOLDER, parents=True, exist_ok=True)
        path.chmod(OWNER_ONLY_FOLDER)  # mkdir's mode is filtered by the umask
    return path


def purge_printed(print_queue: PrintQueue, folders: Iterable[Path], keep: timedelta, now: datetime) -> int:
    """Delete printed jobs and printed PDF files older than `keep`; return how many were deleted."""
    from printing.queue import JobStatus

    cutoff = now - keep
    removed = 0
    for job in print_queue.jobs():
        if job.status is not JobStatus.DONE:
            continue
        try:
            printed_at = datetime.fromisoformat(job.updated_at)
        except ValueError:
            continue
        if printed_at < cutoff:
            print_queue.remove(job.job_id)
            removed += 1
    for folder in folders:
        for path in folder.glob("*.pdf"):
            with contextlib.suppress(FileNotFoundError):
                if datetime.fromtimestamp(path.stat().st_mtime) < cutoff:
                    path.unlink()
                    removed += 1
    if removed:
        _log.info("retention: %d printed papers older than %d days deleted", removed, keep.days)
    return removed
