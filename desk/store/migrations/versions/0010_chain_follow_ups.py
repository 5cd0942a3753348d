"""the records that must follow a change of basic facts (公民信息连锁变更), each tracked to done

Revision ID: 0010_chain_follow_ups
Revises: 0009_search_name_order
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk.store.models import UtcDateTime

revision = "0010_chain_follow_ups"
down_revision = "0009_search_name_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chain_follow_ups",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("cases.id"), nullable=False, index=True),
        sa.Column("record_key", sa.String(64), nullable=False),
        sa.Column("state", sa.String(16), nullable=False, server_default="open"),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.Integer(), sa.ForeignKey("users.id"), nullable=True),
        sa.UniqueConstraint("case_id", "record_key", name="uq_chain_follow_ups_case_record"),
        sa.CheckConstraint("state IN ('open', 'referred', 'done')", name="ck_chain_follow_ups_state"),
    )


def downgrade() -> None:
    op.drop_table("chain_follow_ups")
