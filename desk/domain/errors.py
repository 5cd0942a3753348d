"""The one error shape the user interfaces and the CLI know how to show: a code and two messages."""

from __future__ import annotations


class DeskError(Exception):
    """Something the user must be told: `message_zh` for the screen, `message_en` for the English UI and logs."""

    code: str = "error"

    def __init__(self, message_zh: str, message_en: str, *, code: str | None = None) -> None:
        super().__init__(f"{message_zh} ({message_en})")
        self.message_zh = message_zh
        self.message_en = message_en
        if code is not None:
            self.code = code


class NotFound(DeskError):
    code = "not_found"


class ConcurrentChange(DeskError):
    """Someone else changed the record since it was loaded: reload, never overwrite."""

    code = "conflict"


class InvalidInput(DeskError):
    code = "invalid_input"


class PermissionDenied(DeskError):
    code = "permission_denied"
