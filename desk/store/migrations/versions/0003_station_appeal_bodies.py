"""stations: the reconsideration body and court printed on refusals

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reconsideration_body", sa.String(length=80), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("court", sa.String(length=80), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("stations", schema=None) as batch_op:
        batch_op.drop_column("court")
        batch_op.drop_column("reconsideration_body")
