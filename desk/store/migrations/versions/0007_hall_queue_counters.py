"""queue: service windows (counters), calls to a window, recall, no-show, transfer, priority, the case

Revision ID: 0007
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=16), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name_zh", sa.String(length=40), nullable=False),
        sa.Column("letters", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"], name=op.f("fk_counters_station_code_stations")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counters")),
        sa.UniqueConstraint("station_code", "number", name=op.f("uq_counters_station_code")),
    )
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("counter_number", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("for_counter", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("priority", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("recalls", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("case_number", sa.String(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("queue_tickets", schema=None) as batch_op:
        for column in ("case_number", "finished_at", "recalls", "priority", "for_counter", "counter_number"):
            batch_op.drop_column(column)
    op.drop_table("counters")
