"""search by a name's leading characters served in order on PostgreSQL

`WHERE name LIKE '王伟%' ORDER BY name, id LIMIT 50` had two half-fitting indexes: the pattern-ops
B-tree finds the matches but not in order, the name's B-tree is in order but cannot take the LIKE, and
the planner walked the whole name index filtering rows (68 s at 5 M residents). A B-tree on the name in
the "C" collation does both: the prefix is a range of it and it is in the order the search returns
(code-point order, SQLite's BINARY — the same rows in the same order on both backends). SQLite's own
name index already serves its GLOB prefix in order; nothing changes there.

Revision ID: 0009_search_name_order
Revises: 0009_rating_followups
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0009_search_name_order"
down_revision = "0009_rating_followups"  # chained after the newest head when the branches were merged
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('CREATE INDEX ix_citizens_search_name_ordered ON citizens ((name COLLATE "C"), id)')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_citizens_search_name_ordered")
