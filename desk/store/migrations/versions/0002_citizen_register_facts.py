"""citizen register facts for household certificates: household head, relationship, registration date

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("household_head", sa.String(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("relationship_to_head", sa.String(length=20), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("registered_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("former_names", sa.String(length=120), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.drop_column("former_names")
        batch_op.drop_column("registered_on")
        batch_op.drop_column("relationship_to_head")
        batch_op.drop_column("household_head")
