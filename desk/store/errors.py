"""What goes wrong with the database, said to the user (kept apart from `database` and `migrate`,
which both raise them, so neither imports the other to say so)."""

from __future__ import annotations

from desk.domain.errors import DeskError


class StoreError(DeskError):
    """The database cannot be used; the message says what is wrong and what to do."""

    code = "store_unavailable"


class SchemaMismatch(StoreError):
    """The database's schema is not this program's: an administrator must upgrade it (or the program)."""

    code = "store_schema_behind"


class DiskFull(StoreError):
    """The disk (or the database's quota) is full: nothing was written."""

    code = "store_disk_full"


class StoreCorrupt(StoreError):
    """The database file is damaged or is not a database at all."""

    code = "store_corrupt"
