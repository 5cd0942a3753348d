"""city scale: one audit chain per station; indexes for the day's work (cases by station and date) and search that scales —
pinyin initials, name and ID-number prefixes, trigram search of names and addresses (pg_trgm GIN on
PostgreSQL, an FTS5 trigram table on SQLite)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk.domain.names import pinyin_initials

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_BATCH = 5_000

# SQLite: an external-content FTS5 table over citizens(name, address), kept in step by triggers.
_SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE citizens_search USING fts5(name, address, content='citizens', content_rowid='id', "
    "tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER citizens_search_insert AFTER INSERT ON citizens BEGIN "
    "INSERT INTO citizens_search(rowid, name, address) VALUES (new.id, new.name, new.address); END",
    "CREATE TRIGGER citizens_search_delete AFTER DELETE ON citizens BEGIN "
    "INSERT INTO citizens_search(citizens_search, rowid, name, address) "
    "VALUES ('delete', old.id, old.name, old.address); END",
    "CREATE TRIGGER citizens_search_update AFTER UPDATE OF name, address ON citizens BEGIN "
    "INSERT INTO citizens_search(citizens_search, rowid, name, address) "
    "VALUES ('delete', old.id, old.name, old.address); "
    "INSERT INTO citizens_search(rowid, name, address) VALUES (new.id, new.name, new.address); END",
    "INSERT INTO citizens_search(citizens_search) VALUES ('rebuild')",
)
_SQLITE_SEARCH_DROP = (
    "DROP TRIGGER IF EXISTS citizens_search_update",
    "DROP TRIGGER IF EXISTS citizens_search_delete",
    "DROP TRIGGER IF EXISTS citizens_search_insert",
    "DROP TABLE IF EXISTS citizens_search",
)
# PostgreSQL: trigram GIN indexes for substrings, pattern-ops B-trees for prefixes in any collation.
_POSTGRES_SEARCH = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ix_citizens_search_name_trgm ON citizens USING gin (name gin_trgm_ops)",
    "CREATE INDEX ix_citizens_search_address_trgm ON citizens USING gin (address gin_trgm_ops)",
    "CREATE INDEX ix_citizens_search_id_prefix ON citizens (id_number varchar_pattern_ops)",
    "CREATE INDEX ix_citizens_search_name_prefix ON citizens (name varchar_pattern_ops)",
    "CREATE INDEX ix_citizens_search_initials_prefix ON citizens (name_initials varchar_pattern_ops)",
)
_POSTGRES_SEARCH_DROP = tuple(
    f"DROP INDEX IF EXISTS ix_citizens_search_{name}"
    for name in ("name_trgm", "address_trgm", "id_prefix", "name_prefix", "initials_prefix")
)


def upgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("name_initials", sa.String(length=20), nullable=False, server_default=""))
    _fill_initials()
    op.create_index("ix_citizens_name", "citizens", ["name"], unique=False)
    op.create_index("ix_citizens_name_initials", "citizens", ["name_initials", "name"], unique=False)
    op.create_index("ix_cases_station_code", "cases", ["station_code", "state", "due_date"], unique=False)
    op.create_index("ix_cases_created_at", "cases", ["created_at"], unique=False)
    op.create_index("ix_cases_station_created_at", "cases", ["station_code", "created_at"], unique=False)
    op.create_index("ix_cases_station_accepted_on", "cases", ["station_code", "accepted_on"], unique=False)
    op.create_index("ix_cases_station_completed_on", "cases", ["station_code", "completed_on"], unique=False)
    for statement in _SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else _POSTGRES_SEARCH:
        op.execute(statement)
    _audit_chains()


def _audit_chains() -> None:
    """One audit chain per station: a head row per chain, each entry's chain and position. Entries
    before this revision stay as they are (chain "", position = seq); ADD COLUMN leaves the log's
    append-only triggers in place."""
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chain", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("last_entry_seq", sa.BigInteger(), nullable=False, server_default="0"))
    op.execute("UPDATE audit_head SET last_entry_seq = last_seq")
    op.create_index("ix_audit_head_chain", "audit_head", ["chain"], unique=True)
    op.add_column("audit_log", sa.Column("chain", sa.String(length=16), nullable=False, server_default=""))
    op.add_column("audit_log", sa.Column("chain_seq", sa.BigInteger(), nullable=True))
    op.create_index("ix_audit_log_chain", "audit_log", ["chain", "chain_seq"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # Global entry numbers without a global lock; the head ids continue after the first head.
        op.execute("CREATE SEQUENCE audit_log_global_seq")
        op.execute("SELECT setval('audit_log_global_seq', COALESCE((SELECT MAX(seq) FROM audit_log), 0) + 1, false)")
        op.execute("SELECT setval(pg_get_serial_sequence('audit_head', 'id'), "
                   "COALESCE((SELECT MAX(id) FROM audit_head), 0) + 1, false)")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if not sqlite:
        op.execute("DROP SEQUENCE IF EXISTS audit_log_global_seq")
    op.drop_index("ix_audit_log_chain", table_name="audit_log")
    op.drop_column("audit_log", "chain_seq")
    op.drop_column("audit_log", "chain")
    op.drop_index("ix_audit_head_chain", table_name="audit_head")
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("last_entry_seq")
        batch_op.drop_column("chain")
    for statement in _SQLITE_SEARCH_DROP if sqlite else _POSTGRES_SEARCH_DROP:
        op.execute(statement)
    for index, table in (("ix_cases_station_completed_on", "cases"), ("ix_cases_station_accepted_on", "cases"),
                         ("ix_cases_station_created_at", "cases"), ("ix_cases_created_at", "cases"), ("ix_cases_station_code", "cases"),
                         ("ix_citizens_name_initials", "citizens"), ("ix_citizens_name", "citizens")):
        op.drop_index(index, table_name=table)
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.drop_column("name_initials")


def _fill_initials() -> None:
    """The initials of every name already stored, a batch at a time (keyset on id)."""
    bind = op.get_bind()
    citizens = sa.table("citizens", sa.column("id", sa.Integer), sa.column("name", sa.String),
                        sa.column("name_initials", sa.String))
    last = 0
    while True:
        rows = bind.execute(sa.select(citizens.c.id, citizens.c.name).where(citizens.c.id > last)
                            .order_by(citizens.c.id).limit(_BATCH)).all()
        if not rows:
            return
        bind.execute(citizens.update().where(citizens.c.id == sa.bindparam("row_id"))
                     .values(name_initials=sa.bindparam("initials")),
                     [{"row_id": row_id, "initials": pinyin_initials(name)} for row_id, name in rows])
        last = rows[-1][0]
