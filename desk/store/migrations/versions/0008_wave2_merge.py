"""merge the four schema changes of the second wave into one line again

0004 (city-scale indexes), 0005 (server sessions), 0006 (identity checks) and 0007 (hall queue)
were written side by side on 0003; this revision joins them, so the schema has one head again and
the next change has one place to start from. Nothing changes in the database.

Revision ID: 0008
Revises: 0004, 0005, 0006, 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

revision = "0008"
down_revision = ("0004", "0005", "0006", "0007")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
