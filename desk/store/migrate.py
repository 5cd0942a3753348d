"""Alembic migrations run from code: `desk db upgrade` (PostgreSQL, by the owner role), and the
embedded SQLite store on opening.

PostgreSQL is never migrated by a program starting up (desk, kiosk, server): a shared schema changes
only when an administrator says so, as the role that owns it, and a program finding the schema
behind its code stops with an error naming the command (`require_current_schema`). Upgrades take a
PostgreSQL advisory lock, so two administrators (or two machines) upgrading at once run one after
the other instead of racing on the same tables.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import text

from desk.domain.messages import Term
from desk.store.errors import SchemaMismatch

if TYPE_CHECKING:
    # For the annotations only: this module works on anything with an `engine`; the store imports
    # this module (it migrates an embedded database on opening), never the other way round.
    from desk.store.database import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The advisory lock every `desk db upgrade` of a PostgreSQL database takes (any 64-bit number, fixed:
# "desk-mig" in ASCII, so it cannot collide with a lock taken for something else by this program).
MIGRATION_LOCK_KEY = int.from_bytes(b"desk-mig", "big") & 0x7FFF_FFFF_FFFF_FFFF
UPGRADE_COMMAND = "desk db upgrade"


def alembic_config(store: Store) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = store.engine
    return config


# Work on parallel branches may leave the history with more than one head for a while (each adds a
# migration after the same parent until they are chained); a revision is then shown as "0005+0007".


def current_revision(store: Store) -> str | None:
    with store.engine.connect() as connection:
        heads = MigrationContext.configure(connection).get_current_heads()
    return "+".join(sorted(heads)) or None


def head_revision(store: Store) -> str | None:
    return "+".join(sorted(ScriptDirectory.from_config(alembic_config(store)).get_heads())) or None


def upgrade_to_head(store: Store) -> None:
    """Migrate to the newest schema; on PostgreSQL one upgrader at a time (advisory lock)."""
    if current_revision(store) == head_revision(store):
        return
    if store.engine.dialect.name != "postgresql":
        command.upgrade(alembic_config(store), "heads")
        return
    # A session-level lock on a connection of its own, held across the migration's own transaction;
    # released explicitly, or by PostgreSQL when this process dies.
    with store.engine.connect() as lock:
        lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
        lock.commit()
        try:
            if current_revision(store) != head_revision(store):  # the one before us may have done it
                command.upgrade(alembic_config(store), "heads")
        finally:
            lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY})
            lock.commit()


def require_current_schema(store: Store) -> None:
    """Refuse to work on a schema other than this program's (PostgreSQL: nobody migrates on start)."""
    current, head = current_revision(store), head_revision(store)
    if current == head:
        return
    script = ScriptDirectory.from_config(alembic_config(store))
    try:
        known = all(script.get_revision(rev) is not None for rev in (current or "").split("+") if rev)
    except CommandError:
        known = False
    if not known:
        raise SchemaMismatch.say("store.schema_newer", code="store_schema_newer", current=current, head=head)
    raise SchemaMismatch.say("store.schema_behind", code="store_schema_behind",
                             current=current or Term("word.no_schema"), head=head, command=UPGRADE_COMMAND)
