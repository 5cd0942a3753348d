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


class MissingExtra(DeskError):
    """A feature whose optional dependencies are not installed: names the extra that brings them."""

    code = "missing_extra"

    def __init__(self, extra: str, feature_zh: str, feature_en: str) -> None:
        command = f"pip install 'station-desk[{extra}]'"
        super().__init__(f"{feature_zh}需要附加组件 “{extra}”，当前安装中没有。请安装：{command}",
                         f"{feature_en} needs the '{extra}' extra, which is not installed: {command}")
        self.extra = extra
