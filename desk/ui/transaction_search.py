"""Finding a transaction as a clerk types: by Chinese name, keyword, pinyin initials or code,
most used first. Pure Python (no Qt) so the ranking is tested on its own.

pypinyin is imported on first use (it loads large dictionaries): the picker builds its index
on a worker thread, so neither start-up nor the GUI thread pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desk.domain.catalog import Transaction


@dataclass(frozen=True)
class SearchEntry:
    transaction: Transaction
    initials: str  # "csdj" for 出生登记
    pinyin: str  # "chushengdengji"
    keyword_initials: tuple[str, ...] = ()


def build_index(transactions: Iterable[Transaction]) -> list[SearchEntry]:
    from pypinyin import Style, lazy_pinyin

    def initials(text: str) -> str:
        return "".join(p[0] for p in lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore") if p).lower()

    entries = []
    for transaction in transactions:
        entries.append(SearchEntry(
            transaction,
            initials(transaction.name_zh),
            "".join(lazy_pinyin(transaction.name_zh, errors="ignore")).lower(),
            tuple(initials(k) for k in transaction.keywords),
        ))
    return entries


def match_score(entry: SearchEntry, query: str) -> int:
    """How well `query` names this transaction: 0 = not at all; higher is better."""
    text = query.strip().lower()
    if not text:
        return 1
    t = entry.transaction
    if t.code.lower() == text:
        return 100
    if t.name_zh.startswith(query.strip()):
        return 90
    if query.strip() in t.name_zh:
        return 80
    if entry.initials.startswith(text):
        return 70
    if t.code.lower().startswith(text):
        return 65
    if any(query.strip() in k for k in t.keywords):
        return 60
    if text in entry.initials or any(k.startswith(text) for k in entry.keyword_initials):
        return 50
    if entry.pinyin.startswith(text) or text in t.code.lower():
        return 40
    if len(text) >= 2 and text in entry.pinyin:
        return 30
    if text in t.name_en.lower():
        return 20
    return 0


def rank(entries: Iterable[SearchEntry], query: str, usage: Mapping[str, int] | None = None) -> list[Transaction]:
    """Matching transactions, best match first; among equal matches the most used, then by name."""
    usage = usage or {}
    scored = [(match_score(e, query), e) for e in entries]
    hits = [(score, e) for score, e in scored if score > 0]
    hits.sort(key=lambda pair: (-pair[0], -usage.get(pair[1].transaction.code, 0), pair[1].initials))
    return [e.transaction for _, e in hits]
