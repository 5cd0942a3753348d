"""The log file: `desk.log` in the user's log folder (platformdirs; `DESK_LOG_DIR` overrides), rotated at
1 MB with five old files kept. What goes in is for the IT department: no personal data — every record
passes `PersonalDataFilter`, which masks ID numbers and mobile numbers in the message and keeps only the
frames and types of an exception (its message may hold a name); the program logs codes and case
numbers, never names.
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

from desk.paths import log_dir

LOG_FILE = "desk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"

# 18-digit resident ID numbers (last character X for ten), the 15-digit old ones, mainland mobile numbers.
_ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])|(?<!\d)(\d{6})\d{6}(\d{3})(?!\d)")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")


def mask_personal_data(text: str) -> str:
    """ID numbers keep their region code and last four characters, mobile numbers their first three and last four."""

    def id_number(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return f"{match.group(1)}********{match.group(2)}"
        return f"{match.group(3)}******{match.group(4)}"

    return _MOBILE.sub(r"\1****\2", _ID_NUMBER.sub(id_number, text))


def describe_exception(error: BaseException) -> str:
    """Where an exception came from — the frames and the exception types, also of its causes — without
    the messages: a message may hold a name or a card's contents."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        # File, line and function only: the source lines are left out (a test's or a script's may hold data).
        frames = "".join(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}\n'
                         for frame in traceback.extract_tb(current.__traceback__))
        kind = type(current)
        parts.append(f"Traceback (most recent call last):\n{frames}{kind.__module__}.{kind.__qualname__} "
                     "(message not logged: it may hold personal data)")
        current = current.__cause__ or current.__context__
    return "\n\nwhile handling or caused by:\n".join(reversed(parts))


class PersonalDataFilter(logging.Filter):
    """Masks personal numbers in a record's message and logs an exception's frames and type, not its message."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = mask_personal_data(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = describe_exception(record.exc_info[1])
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = mask_personal_data(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_personal_data(record.stack_info)
        return True


class DeskLogFile(logging.Handler):
    """The rotating log file (`logging.handlers.RotatingFileHandler`), made at the first record:
    importing `logging.handlers` (sockets, pickle, queues) cost the desk's sign-in screen ~7 ms of its
    start, before anything was logged. Filters and formatter are this handler's; the file's size limit
    is read at each record (`maxBytes`, as on the standard handler)."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__()
        self.baseFilename = str(path)
        self.maxBytes = max_bytes
        self.backupCount = backups
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            import logging.handlers

            self._file = logging.handlers.RotatingFileHandler(
                self.baseFilename, maxBytes=self.maxBytes, backupCount=self.backupCount, encoding="utf-8",
                delay=True)
            self._file.setFormatter(self.formatter)
        self._file.maxBytes = self.maxBytes  # type: ignore[attr-defined]
        self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def log_file() -> Path:
    return log_dir() / LOG_FILE


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the program's log records to the rotating log file (once per process); returns the file's path."""
    path = log_file()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, DeskLogFile) and Path(handler.baseFilename) == path:
            return path
    handler = DeskLogFile(path)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(PersonalDataFilter())
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    return path
