"""A user's police badge number (警号): what the papers, the reports and the evaluator print as 工号.

Optional: a user without one is shown by the row id, as before the number was kept.
"""

from __future__ import annotations

import re

from desk.domain.errors import InvalidInput

MAX_LENGTH = 20
_SHAPE = re.compile(r"[0-9A-Za-z]{1,20}")


def checked_badge(text: str) -> str:
    """The badge number as stored: trimmed, digits and Latin letters only; empty clears it."""
    badge = text.strip().upper()
    if badge and _SHAPE.fullmatch(badge) is None:
        raise InvalidInput.say("user.bad_badge", badge=text, most=MAX_LENGTH)
    return badge


def shown_badge(badge: str | None, user_id: int | None) -> str:
    """工号 as printed: the badge number, or the user's row id when none is recorded."""
    if badge:
        return badge
    return str(user_id) if user_id is not None else ""
