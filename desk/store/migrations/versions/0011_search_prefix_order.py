"""search by ID-number prefix and by pinyin initials served in order on PostgreSQL; a day's case steps by state

`WHERE id_number LIKE '2101061984%' ORDER BY id_number LIMIT 50` and `WHERE name_initials LIKE 'ZL%'
ORDER BY name_initials, name, id LIMIT 50` had the same two half-fitting indexes migration 0009 fixed
for names: the pattern-ops B-trees of 0004 find the matches but not in order, the plain B-trees are in
order but cannot take the LIKE in the database's collation, and the planner walked the whole ordered
index filtering rows (46 s for one ID prefix at 5 M residents). B-trees in the "C" collation do both:
the prefix is a range and the order is code-point order, SQLite's BINARY (the same rows in the same
order on both backends). They replace 0004's two pattern-ops indexes.

Both backends: case events by state and time — the daily report counts the steps into a state taken
on one day, which was a sequential scan of every event of the city (≈ 320 ms a count at 3 M events).

Revision ID: 0011_search_prefix_order
Revises: 0010_chain_follow_ups
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0011_search_prefix_order"
down_revision = "0010_chain_follow_ups"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_case_events_state_at", "case_events", ["to_state", "at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute('CREATE INDEX ix_citizens_search_id_ordered ON citizens ((id_number COLLATE "C"))')
        op.execute('CREATE INDEX ix_citizens_search_initials_ordered ON citizens '
                   '((name_initials COLLATE "C"), (name COLLATE "C"), id)')
        op.execute("DROP INDEX IF EXISTS ix_citizens_search_id_prefix")
        op.execute("DROP INDEX IF EXISTS ix_citizens_search_initials_prefix")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_citizens_search_id_prefix ON citizens (id_number varchar_pattern_ops)")
        op.execute("CREATE INDEX ix_citizens_search_initials_prefix ON citizens (name_initials varchar_pattern_ops)")
        op.execute("DROP INDEX IF EXISTS ix_citizens_search_initials_ordered")
        op.execute("DROP INDEX IF EXISTS ix_citizens_search_id_ordered")
    op.drop_index("ix_case_events_state_at", table_name="case_events")
