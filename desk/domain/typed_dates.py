"""Dates as clerks type them: 2026-11-28, 2026.11.28, 2026/11/28, 2026年11月28日, 2026 11 28, 20261128,
and with one-digit months and days (2026-1-5).

`read_typed_date` returns the date, None while the text is still incomplete (the clerk is typing),
or raises `UnreadableDate` for text that can never be a date ("2026-13-45", "2026-11-28-3").
"""

from __future__ import annotations

import re
from datetime import date

from desk.domain.errors import DeskError

SEPARATORS = "-./年月日 "
_PARTS = re.compile(r"[-./年月日 ]+")


class UnreadableDate(DeskError):
    """Typed text that is not a date; the field says so instead of guessing."""

    code = "unreadable_date"


def _unreadable(text: str) -> UnreadableDate:
    return UnreadableDate.say("date.unreadable", text=text)


def read_typed_date(text: str) -> date | None:
    """The date `text` names, None if it is not complete yet, UnreadableDate if it cannot be one."""
    text = text.strip()
    if not text:
        return None
    if any(not (char.isdigit() or char in SEPARATORS) for char in text):
        raise _unreadable(text)
    if text.isdigit():  # 20261128
        if len(text) < 8:
            return None
        if len(text) > 8:
            raise _unreadable(text)
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:])
        return _make(year, month, day, text)
    parts = [p for p in _PARTS.split(text) if p]
    ended = text[-1] in SEPARATORS and text[-1] != "日"
    if len(parts) > 3 or any(len(p) > 4 for p in parts) or (len(parts[0]) != 4 and (len(parts) > 1 or ended)):
        raise _unreadable(text)
    if (len(parts) > 1 and len(parts[1]) > 2) or (len(parts) > 2 and len(parts[2]) > 2):
        raise _unreadable(text)
    if len(parts) > 1 and not 1 <= int(parts[1]) <= 12 and (len(parts[1]) == 2 or len(parts) > 2 or ended):
        raise _unreadable(text)
    if len(parts) < 3 or (len(parts[2]) < 2 and not text.endswith("日") and int(parts[2]) <= 3):
        # "2026-11-2" may become "2026-11-28": wait, unless the day cannot grow (4–9) or ended.
        if len(parts) == 3 and (ended or text.endswith("日")):
            return _make(int(parts[0]), int(parts[1]), int(parts[2]), text)
        return None
    return _make(int(parts[0]), int(parts[1]), int(parts[2]), text)


def finish_typed_date(text: str) -> date | None:
    """The date once the clerk leaves the field: incomplete text is unreadable then, "2026-11-2" is 2 Nov."""
    text = text.strip()
    if not text:
        return None
    found = read_typed_date(text)
    if found is not None:
        return found
    parts = [p for p in _PARTS.split(text) if p]
    if len(parts) == 3 and len(parts[0]) == 4:
        return _make(int(parts[0]), int(parts[1]), int(parts[2]), text)
    raise _unreadable(text)


def _make(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise _unreadable(text) from None
