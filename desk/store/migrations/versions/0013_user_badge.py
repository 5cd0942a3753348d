"""an optional police badge number (警号) per user, printed where 工号 shows (the row id when empty)

Revision ID: 0013_user_badge
Revises: 0012_case_lists_by_state
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_user_badge"
down_revision = "0012_case_lists_by_state"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("badge_number", sa.String(20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("badge_number")
