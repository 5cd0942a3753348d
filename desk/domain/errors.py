"""The one error shape the user interfaces and the CLI know how to show.

An error has a `code` (what kind of refusal, for programs: the server's answers, tests) and says what
happened in one of two ways:
- a message key and parameters (`DeskError.say("case.not_found", number=…)`, keys and Chinese templates
  in `desk.domain.messages`): each interface translates it with Qt's translation system or the
  English catalog — the way every error a window or the kiosk shows is built;
- two finished texts (`DeskError("…", "…")`): the old form, left only for a city server's answer a
  desk cannot say again (a key or a parameter shape it does not know: it shows the server's texts);
  tests/test_one_way_of_speaking.py keeps it out of the modules.
`message_zh` / `message_en` give the text either way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Self

from desk.domain import messages


class SpeakingError(Exception):
    """An error that says a message key with parameters (`desk.domain.messages`): the shape `DeskError`
    has, for the faults that are not one — the reader's and the serial port's, which the card reader's
    driver turns into its status line and the CLI prints — so they speak the same way."""

    code: str = "error"
    message_key: str | None = None
    params: Mapping[str, object] = {}
    _zh: str = ""
    _en: str = ""

    @classmethod
    def say(cls, key: str, *, code: str | None = None, **params: object) -> Self:
        """The error that says message `key` (desk.domain.messages.TEMPLATES) with these parameters."""
        error = cls.__new__(cls)
        error._speak(key, params)
        if code is not None:
            error.code = code
        return error

    @classmethod
    def saying(cls, said: messages.Said, *, code: str | None = None) -> Self:
        """The error that says `said` — a message a check returned as a value (`id_number_problem`)."""
        error = cls.__new__(cls)
        error._speak(said.key, said.params)
        if code is not None:
            error.code = code
        return error

    def _speak(self, key: str, params: Mapping[str, object]) -> None:
        """Say message `key`: for a subclass whose own `__init__` takes other arguments (a report's
        problems) and then says its summary."""
        if key not in messages.TEMPLATES:
            raise KeyError(f"no message {key!r} in desk.domain.messages.TEMPLATES")
        Exception.__init__(self, f"{messages.render(key, params)} [{key}]")
        self.message_key, self.params = key, dict(params)

    @property
    def message_zh(self) -> str:
        if self.message_key is not None:
            return messages.render(self.message_key, self.params)
        return self._zh

    @property
    def message_en(self) -> str:
        if self.message_key is not None:
            return messages.english(self.message_key, self.params)
        return self._en


class DeskError(SpeakingError):
    """Something the user must be told."""

    def __init__(self, message_zh: str, message_en: str, *, code: str | None = None) -> None:
        super().__init__(f"{message_zh} ({message_en})")
        self._zh = message_zh
        self._en = message_en
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

    def __init__(self, extra: str, feature: str) -> None:
        """`feature` is the key of the words naming what needs it ("feature.postgres")."""
        self._speak("extra.missing", {"feature": messages.Term(feature), "extra": extra,
                                      "command": f"pip install 'station-desk[{extra}]'"})
        self.extra = extra
