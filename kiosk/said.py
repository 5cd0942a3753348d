"""What the kiosk says to a citizen, kept as what it means until a screen shows it — then said in the
kiosk's current language, so a message already on screen follows the 中文 / English button.

Three kinds of text, one way each (the desk's screens speak the same way):
- the kiosk's own sentences: `says(QT_TRANSLATE_NOOP("KioskSays", "…{n}…"), n=…)` — Chinese source,
  English in `resources/i18n/kiosk_en.ts` (collected by `pyside6-lupdate`), translated with Qt's
  translation system when shown;
- an error: `error_said(error)` — the `DeskError`'s message key and parameters, translated in the
  "Messages" context (`desk.domain.messages`, `messages_en.ts`) exactly as the desk's windows do;
- data that arrives in both languages: `Data(Words(name_zh, name_en))` — catalog names, descriptions,
  a state's label — picked by language, never translated.

A parameter of a sentence may itself be a `Said` (a transaction's name inside "请到窗口领取{name}"); it is
said in the same language. Nothing here imports Qt: the screens hand a `Voice` built on
`QCoreApplication.translate` (`KioskContext.voice`), plain-Python callers (tests, the backend) may use
`CHINESE`, which says every source text as written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol, runtime_checkable

from desk.domain import messages
from desk.domain.catalog_words import Words
from desk.domain.errors import DeskError

CONTEXT = "KioskSays"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks `source` for `pyside6-lupdate` (context "KioskSays"); returns it unchanged."""
    return source


@dataclass(frozen=True)
class Voice:
    """The language a text is said in and how a source text is translated (context, source -> text)."""

    language: str
    translate: Callable[[str, str], str]

    @property
    def english(self) -> bool:
        return self.language == "en"


CHINESE = Voice("zh_CN", lambda context, source: source)


@runtime_checkable
class Said(Protocol):
    def text(self, voice: Voice) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """One of the kiosk's own sentences with its parameters (a `Said` parameter is said in the same voice)."""

    source: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, voice: Voice) -> str:
        template = voice.translate(CONTEXT, self.source)
        values = {name: _said(value, voice) for name, value in self.params.items()}
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):
            return template  # a translation that lost a placeholder still shows (the tests keep them equal)


def says(source: str, /, **params: object) -> Phrase:
    """The kiosk's sentence `source` (mark it with QT_TRANSLATE_NOOP("KioskSays", …) where it is written)."""
    return Phrase(source, params)


@dataclass(frozen=True)
class Data:
    """A text that comes in both languages as data (the catalog, a label, another layer's report)."""

    words: Words

    def text(self, voice: Voice) -> str:
        return self.words.pick(voice.language) or self.words.zh

    @classmethod
    def of(cls, zh: str, en: str | None) -> Data:
        """Two fields of data; an English left empty shows the Chinese."""
        return cls(Words(zh, en or zh))


@dataclass(frozen=True)
class Day:
    """A date as the citizen reads it: 2026年3月2日, or 02 Mar 2026."""

    day: date

    def text(self, voice: Voice) -> str:
        if voice.english:
            return f"{self.day:%d %b %Y}"
        return f"{self.day.year}年{self.day.month}月{self.day.day}日"


@dataclass(frozen=True)
class Joined:
    """Several texts in a row, `separator` (itself said: "；" or "; ") between them."""

    parts: Sequence[Said]
    separator: Said

    def text(self, voice: Voice) -> str:
        return self.separator.text(voice).join(part.text(voice) for part in self.parts)


@dataclass(frozen=True)
class ChineseOnly:
    """A text written in Chinese only (a clerk's notice to the citizen): said as written in Chinese;
    in another language `elsewhere` says where to read it."""

    chinese: str
    elsewhere: Said

    def text(self, voice: Voice) -> str:
        return self.elsewhere.text(voice) if voice.english else self.chinese


@dataclass(frozen=True)
class ErrorSaid:
    """What an error says: its message key and parameters translated in the "Messages" context."""

    error: DeskError

    def text(self, voice: Voice) -> str:
        error = self.error
        if error.message_key is not None:
            return messages.render(error.message_key, error.params,
                                   lambda source: voice.translate(messages.CONTEXT, source))
        # An error that still carries two finished texts (from code outside the kiosk's reach).
        return error.message_en if voice.english else error.message_zh


FAULT = says(QT_TRANSLATE_NOOP("KioskSays", "系统暂时出了点问题，您的信息已清除。请稍后再试，或到窗口办理。"))
NOTHING = Data(Words("", ""))
NEW_LINE = Data(Words("\n", "\n"))


def error_said(error: BaseException) -> Said:
    """What the citizen is told for a failure: the error's own message, or the calm fault for anything else."""
    return ErrorSaid(error) if isinstance(error, DeskError) else FAULT


def _said(value: object, voice: Voice) -> object:
    return value.text(voice) if isinstance(value, Said) else value
