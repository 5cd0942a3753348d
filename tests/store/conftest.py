"""Store tests also use the `desk` fixture (a core with users and citizens) on SQLite and PostgreSQL."""

from desk_fixtures import desk  # noqa: F401  (registers the fixture)
