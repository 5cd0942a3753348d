"""Storage: SQLAlchemy 2.x models, engine and unit of work, Alembic migrations. No Qt."""
