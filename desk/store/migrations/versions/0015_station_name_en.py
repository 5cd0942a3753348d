"""an optional English name per station, shown in the kiosk's English header (the Chinese name when empty)

Revision ID: 0015_station_name_en
Revises: 0014_kiosk_account
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_station_name_en"
down_revision = "0014_kiosk_account"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.add_column(sa.Column("name_en", sa.String(120), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("stations") as batch:
        batch.drop_column("name_en")
