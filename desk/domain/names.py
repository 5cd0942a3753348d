"""Pinyin initials of a Chinese name (张丽 → ZL), the key the desk's search by initials uses."""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Surnames read differently from the same character in ordinary words (单 is Shàn as a surname).
_SURNAME_INITIALS = {"单": "S", "曾": "Z", "解": "X", "仇": "Q", "区": "O", "查": "Z", "朴": "P", "盖": "G",
                     "乐": "Y", "缪": "M", "翟": "Z", "尉": "Y", "覃": "Q", "召": "S", "种": "C", "秘": "B"}
MAX_INITIALS = 20


@lru_cache(maxsize=65_536)
def pinyin_initials(name: str) -> str:
    """Upper-case initials of every character pinyin knows; characters it does not know are left out."""
    name = name.strip()
    if not name:
        return ""
    first = _SURNAME_INITIALS.get(name[0])
    rest = name[1:] if first else name
    letters = lazy_pinyin(rest, style=Style.FIRST_LETTER, errors="ignore")
    initials = (first or "") + "".join(letter for letter in letters if letter.isascii() and letter.isalpha())
    return initials.upper()[:MAX_INITIALS]
