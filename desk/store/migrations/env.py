"""Alembic environment: the engine comes from the Store (config.attributes), never from an ini file."""

from __future__ import annotations

from alembic import context

from desk.store.models import Base, managed_by_models

config = context.config
engine = config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=managed_by_models,  # the backend's own search indexes are made by hand (0004)
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
