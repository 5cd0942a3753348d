"""Alembic migrations run from code (`desk db upgrade`, and on opening the embedded store)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

if TYPE_CHECKING:
    from desk.store.database import Store

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


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
    if current_revision(store) == head_revision(store):
        return
    command.upgrade(alembic_config(store), "heads")
