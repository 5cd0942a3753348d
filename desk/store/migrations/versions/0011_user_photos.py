"""a photo per user for the citizen-facing evaluator (一次一评: the clerk's name, 工号 and photo)

Revision ID: 0011_user_photos
Revises: 0011_search_prefix_order
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk.store.models import UtcDateTime

revision = "0011_user_photos"
down_revision = "0011_search_prefix_order"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_photos",
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("user_photos")
