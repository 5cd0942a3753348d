"""Secondary indexes built once after a bulk load instead of row by row during it.

Loading millions of rows into tables with trigram GIN and B-tree indexes spends most of its time
maintaining the indexes one row at a time (5 M residents on PostgreSQL: ≈ 28 min, the loader's own
CPU 12 % of it). One `CREATE INDEX` over the loaded table sorts once. `indexes_built_after` drops the
named tables' non-unique secondary indexes, yields, and creates the very same indexes again from their
saved definitions — also when the load fails half-way, so the schema is whole whichever way the block
ends. On SQLite the FTS5 trigram table's insert trigger is dropped too and the table rebuilt from
`citizens` afterwards.

On PostgreSQL the unique constraints (ID number, case number, lookup code) are dropped and added
again the same way: kept during the load, their B-trees with random keys outgrew the server's buffers
and each row's insertion read and wrote pages at random (the 5 M load's last hours). Adding a unique
constraint back sorts the rows once and *is* the validation: a duplicate the load wrote stops it
with `DuplicateKeys`, naming the constraint and the key — after the other indexes are built, so only
that constraint is missing, as the error says. Primary keys stay (ids come in order) and so do
constraints another table's foreign key depends on. SQLite's unique constraints are part of the table
and stay.

Only worth it when the load is large against what the tables already hold (`worth_it`): rebuilding
the indexes of a city of 5 M to add a few thousand rows would cost more than it saves.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from desk.store.database import Store

# Memory for sorting one index build (a session setting, for this connection only; the server's own
# default of 64 MB spills a 5 M-row trigram build to disk many times over).
BUILD_MEMORY = "512MB"
MIN_ROWS = 50_000  # below this the row-by-row maintenance costs seconds: not worth a rebuild


def worth_it(store: Store, table: str, rows_to_load: int) -> bool:
    if rows_to_load < MIN_ROWS:
        return False
    with store.read() as session:
        present = session.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
    return bool(present < rows_to_load)


def _secondary_indexes(store: Store, tables: Sequence[str]) -> list[tuple[str, str]]:
    """(name, CREATE statement) of each non-unique, non-primary index of the tables."""
    with store.read() as session:
        if store.is_sqlite:
            found = session.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN (SELECT value FROM json_each(:tables)) ORDER BY name"),
                {"tables": _json_list(tables)}).all()
            return [(name, sql) for name, sql in found if not sql.upper().startswith("CREATE UNIQUE")]
        found = session.execute(text(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
            "JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid "
            "JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = current_schema() AND t.relname = ANY(:tables) "
            "AND NOT x.indisunique AND NOT x.indisprimary ORDER BY i.relname"), {"tables": list(tables)}).all()
        return [(name, sql) for name, sql in found]


class DuplicateKeys(RuntimeError):
    """A unique constraint could not be added back after a bulk load: the rows hold a duplicate key."""

    def __init__(self, failures: Sequence[tuple[str, str]]) -> None:
        self.failures = list(failures)
        named = "; ".join(f"{name}: {detail}" for name, detail in self.failures)
        super().__init__(f"批量导入后重建唯一约束失败，存在重复键，这些约束暂缺，删除重复行后重新添加。/ "
                         f"Unique constraints could not be added back after the bulk load — the rows hold "
                         f"duplicate keys; these constraints are missing until the duplicates are removed: {named}")


def _unique_constraints(store: Store, tables: Sequence[str]) -> list[tuple[str, str, str]]:
    """(table, name, definition) of each unique constraint of the tables that no foreign key depends
    on (PostgreSQL; SQLite's are part of their table)."""
    if store.is_sqlite:
        return []
    with store.read() as session:
        found = session.execute(text(
            "SELECT t.relname, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
            "WHERE n.nspname = current_schema() AND t.relname = ANY(:tables) AND c.contype = 'u' "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid) "
            "ORDER BY t.relname, c.conname"), {"tables": list(tables)}).all()
    return [(table, name, definition) for table, name, definition in found]


def _json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values))


_FTS_INSERT_TRIGGER = "citizens_search_insert"


@contextmanager
def indexes_built_after(store: Store, tables: Sequence[str], progress: TextIO | None = None) -> Iterator[None]:
    """Drop the tables' secondary indexes, run the block, create them again (see the module's text)."""
    out = progress if progress is not None else sys.stderr
    indexes = _secondary_indexes(store, tables)
    uniques = _unique_constraints(store, tables)
    trigger = _fts_insert_trigger(store) if store.is_sqlite and "citizens" in tables else None
    with store.write() as session:
        for name, _ in indexes:
            session.execute(text(f'DROP INDEX "{name}"'))
        for table, name, _ in uniques:
            session.execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
        if trigger is not None:
            session.execute(text(f"DROP TRIGGER {_FTS_INSERT_TRIGGER}"))
    try:
        yield
    finally:
        start = time.perf_counter()
        out.write(f"索引 indexes: building {len(indexes) + len(uniques)} …\n")
        out.flush()
        duplicates = []
        for table, name, definition in uniques:
            try:
                with store.write() as session:
                    session.execute(text(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'"))
                    session.execute(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
            except IntegrityError:
                duplicates.append((name, _duplicated_rows(store, table, definition)))
        for _name, definition in indexes:
            with store.write() as session:
                if not store.is_sqlite:
                    session.execute(text(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'"))
                session.execute(text(definition))
        if trigger is not None:
            with store.write() as session:
                session.execute(text(trigger))
                session.execute(text("INSERT INTO citizens_search(citizens_search) VALUES ('rebuild')"))
        with store.write() as session:  # fresh statistics for the planner (5 M rows it has never seen)
            for table in tables:
                session.execute(text(f"ANALYZE {table}"))
        out.write(f"索引 indexes: built in {time.perf_counter() - start:.0f} s\n")
        out.flush()
        if duplicates:
            raise DuplicateKeys(duplicates)


def _duplicated_rows(store: Store, table: str, definition: str) -> str:
    """Which rows share a key, by their ids (the server's message withholds the values, and so does this:
    they are personal data)."""
    columns = definition[definition.index("(") + 1:definition.rindex(")")]
    with store.read() as session:
        groups = session.execute(text(
            f"SELECT array_agg(id ORDER BY id), count(*) FROM {table} GROUP BY {columns} HAVING count(*) > 1 "
            f"ORDER BY min(id) LIMIT 3")).all()
    shown = "; ".join(f"{table} ids {', '.join(str(i) for i in ids[:5])}" for ids, _ in groups)
    return f"duplicate ({columns}) in {len(groups)}{'+' if len(groups) == 3 else ''} key(s): {shown}"


def _fts_insert_trigger(store: Store) -> str | None:
    with store.read() as session:
        return session.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
                               {"name": _FTS_INSERT_TRIGGER}).scalar()
