"""a kiosk's account signs in only as a kiosk: its password lies in a file on a public machine

Revision ID: 0014_kiosk_account
Revises: 0013_user_badge
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_kiosk_account"
down_revision = "0013_user_badge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("kiosk_only", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_column("kiosk_only")
