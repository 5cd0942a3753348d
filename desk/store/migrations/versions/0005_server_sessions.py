"""city server: sessions bound to user and device, sign-in throttling per user name and device

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk.store.models

revision = "0005"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "server_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("last_seen", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", desk.store.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("revoked_reason", sa.String(length=40), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_server_sessions_user_id_users")),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_server_sessions")),
    )
    with op.batch_alter_table("server_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_server_sessions_user_id"), ["user_id"], unique=False)
    op.create_table(
        "sign_in_throttle",
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("locked_until", desk.store.models.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", "device_id", name=op.f("pk_sign_in_throttle")),
    )


def downgrade() -> None:
    op.drop_table("sign_in_throttle")
    with op.batch_alter_table("server_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_server_sessions_user_id"))
    op.drop_table("server_sessions")
