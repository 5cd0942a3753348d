"""Finding citizens by what a clerk types, on indexes whatever the size of the city:

- digits (an ID number or its leading digits; a foreigner's card's letters and digits) → ID-number prefix,
- latin letters only → pinyin initials prefix (张丽 → ZL),
- one or two other characters → name prefix (a surname, or surname and first given character),
- three or more → the text anywhere in the name or the address (trigram indexes: FTS5 on SQLite,
  pg_trgm GIN on PostgreSQL) — except a whole name common enough to fill the page (`limit` residents
  or more): those residents, by id, from the name's B-tree.

Both backends give the same rows in the same order (ordered by the key searched, then id). LIKE and
GLOB wildcards in the text are matched literally.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Integer, Row, Select, bindparam, column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from desk.store.models import Citizen
from desk.store.repositories.citizen_lookup import VIEW_COLUMNS

_ID_PREFIX = re.compile(r"^(\d[\dX]{0,17}|[A-Z]{3}\d{1,12})$")
_INITIALS = re.compile(r"^[A-Z]{1,20}$")
TRIGRAM = 3
# A text search sorts at most this many matches (see _text_hits): type more to narrow a common text.
TEXT_CANDIDATES = 200


class SearchKind(StrEnum):
    ID_PREFIX = "id_prefix"
    INITIALS = "initials"
    NAME_PREFIX = "name_prefix"
    TEXT = "text"


@dataclass(frozen=True)
class CitizenQuery:
    kind: SearchKind
    text: str

    @classmethod
    def parse(cls, typed: str) -> CitizenQuery | None:
        typed = typed.strip()
        if not typed:
            return None
        upper = typed.upper()
        if _ID_PREFIX.match(upper):
            return cls(SearchKind.ID_PREFIX, upper)
        if _INITIALS.match(upper):
            return cls(SearchKind.INITIALS, upper)
        if len(typed) < TRIGRAM:
            return cls(SearchKind.NAME_PREFIX, typed)
        return cls(SearchKind.TEXT, typed)


def search_citizens(session: Session, query: CitizenQuery, limit: int) -> list[Row[Any]]:
    """The matches as rows of the columns a result shows (`VIEW_COLUMNS`: no card photo), read as
    Core rows — no ORM objects are built for a result list."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    statement: Select[Any]
    shown = [getattr(Citizen, name) for name in VIEW_COLUMNS]
    if query.kind is SearchKind.ID_PREFIX and not sqlite:
        # Code-point order in the "C" collation (migration 0011's index): the prefix is a range of it,
        # read in order, so LIMIT stops early — as the name prefix below and migration 0009.
        ordered_number = Citizen.id_number.collate("C")
        statement = select(*shown).where(ordered_number.like(_literal_prefix(query.text), escape="/")).order_by(
            ordered_number)
    elif query.kind is SearchKind.ID_PREFIX:
        statement = select(*shown).where(_prefix(Citizen.id_number, query.text)).order_by(Citizen.id_number)
    elif query.kind is SearchKind.INITIALS and not sqlite:
        ordered_initials, ordered_name = Citizen.name_initials.collate("C"), Citizen.name.collate("C")
        statement = select(*shown).where(ordered_initials.like(_literal_prefix(query.text), escape="/")).order_by(
            ordered_initials, ordered_name, Citizen.id)
    elif query.kind is SearchKind.INITIALS:
        statement = select(*shown).where(_prefix(Citizen.name_initials, query.text)).order_by(
            Citizen.name_initials, Citizen.name, Citizen.id)
    elif query.kind is SearchKind.NAME_PREFIX and not sqlite:
        # The name in code-point order (migration 0009's index): the prefix is a range of it, read in
        # order, so LIMIT stops early — the same order as SQLite's BINARY name index.
        ordered_name = Citizen.name.collate("C")
        statement = select(*shown).where(ordered_name.like(_literal_prefix(query.text), escape="/")).order_by(
            ordered_name, Citizen.id)
    elif query.kind is SearchKind.NAME_PREFIX:
        statement = select(*shown).where(_prefix(Citizen.name, query.text)).order_by(Citizen.name, Citizen.id)
    else:
        whole_name = _whole_name(session, shown, query.text, limit, sqlite)
        if len(whole_name) == limit:
            return whole_name
        statement = select(*shown).where(Citizen.id.in_(_text_hits(query.text, sqlite))).order_by(
            Citizen.name, Citizen.id)
    return list(session.connection().execute(statement.limit(limit)).all())


def _whole_name(session: Session, shown: list[Any], typed: str, limit: int, sqlite: bool) -> list[Row[Any]]:
    """The residents whose whole name is the text, by id, read from the name's B-tree (on PostgreSQL the
    `"C"`-collation index, an ordered range, so LIMIT stops after `limit` entries). A name common
    enough to fill the page (王宏伟: 16,387 residents of the 5 M demo city) is served from here: its
    trigram search would gather every holder into a bitmap first (33 ms at 5 M, against 0.1)."""
    name = Citizen.name if sqlite else Citizen.name.collate("C")
    statement = select(*shown).where(name == typed).order_by(name, Citizen.id).limit(limit)
    return list(session.connection().execute(statement).all())


def _text_hits(typed: str, sqlite: bool) -> Select[Any]:
    """The ids of at most `TEXT_CANDIDATES` residents whose name or address holds the text, found
    through the trigram indexes alone and in no order, so the scan stops early however common the text
    (沈阳市 is in every address). Sorting by name happens over these few. Without the cap, PostgreSQL
    either sorted every match or, for a rare text, walked the whole name index in order looking for 50
    matches (15–60 s at 5 M residents)."""
    if sqlite:
        phrase = '"' + typed.replace('"', '""') + '"'
        return select(column("rowid", Integer)).select_from(text("citizens_search")).where(
            text("citizens_search MATCH :phrase").bindparams(phrase=phrase)).limit(TEXT_CANDIDATES)
    # The pattern as a literal: a generic plan of a prepared statement cannot see it and may prefer a
    # sequential scan that stops after `TEXT_CANDIDATES` matches (never, for a rare text).
    escaped = "%" + re.sub(r"([/%_])", r"/\1", typed) + "%"
    pattern: BindParameter[str] = bindparam("pattern", escaped, literal_execute=True)
    hits = select(Citizen.id).where(Citizen.name.like(pattern, escape="/") | Citizen.address.like(pattern, escape="/"))
    # MATERIALIZED: the planner must find the matches first, not walk the name index for them.
    materialized = hits.limit(TEXT_CANDIDATES).cte("text_hits").prefix_with("MATERIALIZED", dialect="postgresql")
    return select(materialized.c.id)


def _literal_prefix(prefix: str) -> BindParameter[str]:
    """`prefix%` for LIKE … ESCAPE '/', as a literal in the SQL: a generic plan of a prepared statement
    cannot see the prefix, and only a known prefix is a range of an index."""
    escaped = re.sub(r"([/%_])", r"/\1", prefix)
    return bindparam("prefix", escaped + "%", literal_execute=True)


def _prefix(column: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """A prefix match SQLite's B-trees serve: GLOB (its LIKE ignores ASCII case and so its B-trees)."""
    escaped = re.sub(r"([*?\[])", r"[\1]", prefix)
    return column.op("GLOB")(escaped + "*")
