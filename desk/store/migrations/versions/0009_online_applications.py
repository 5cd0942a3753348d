"""网上办: online applications, their uploads, one-time sign-in codes, citizens' web sessions, SMS outbox

Revision ID: 0009_online_applications
Revises: 0009_bundles_notices
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk.store.models

revision = "0009_online_applications"
down_revision = "0009_bundles_notices"  # chained after the bundles (branches merged)
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "online_codes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("used_at", desk.store.models.UtcDateTime(timezone=True), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_codes")),
    )
    with op.batch_alter_table("online_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_online_codes_id_number"), ["id_number"], unique=False)
    op.create_table(
        "online_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("created_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_online_sessions")),
    )
    op.create_table(
        "sms_outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("sent_at", desk.store.models.UtcDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sms_outbox")),
    )
    with op.batch_alter_table("sms_outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sms_outbox_phone"), ["phone"], unique=False)
    op.create_table(
        "online_applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("station_code", sa.String(length=16), nullable=False),
        sa.Column("transaction_code", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.String(length=18), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("form_values", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("submitted_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.Column("missing_materials", sa.JSON(), nullable=False),
        sa.Column("notice_text", sa.Text(), nullable=False),
        sa.Column("visit_on", sa.Date(), nullable=True),
        sa.Column("reviewed_by", sa.Integer(), nullable=True),
        sa.Column("case_number", sa.String(length=32), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["reviewed_by"], ["users.id"], name=op.f("fk_online_applications_reviewed_by_users")),
        sa.ForeignKeyConstraint(
            ["station_code"], ["stations.code"], name=op.f("fk_online_applications_station_code_stations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_applications")),
        sa.UniqueConstraint("number", name=op.f("uq_online_applications_number")),
    )
    with op.batch_alter_table("online_applications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_online_applications_id_number"), ["id_number"], unique=False)
        batch_op.create_index("ix_online_applications_station_state", ["station_code", "state"], unique=False)
    op.create_table(
        "online_uploads",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("material_key", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("uploaded_at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["online_applications.id"],
            name=op.f("fk_online_uploads_application_id_online_applications"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_online_uploads")),
    )
    with op.batch_alter_table("online_uploads", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_online_uploads_application_id"), ["application_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("online_uploads", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_online_uploads_application_id"))
    op.drop_table("online_uploads")
    with op.batch_alter_table("online_applications", schema=None) as batch_op:
        batch_op.drop_index("ix_online_applications_station_state")
        batch_op.drop_index(batch_op.f("ix_online_applications_id_number"))
    op.drop_table("online_applications")
    with op.batch_alter_table("sms_outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sms_outbox_phone"))
    op.drop_table("sms_outbox")
    op.drop_table("online_sessions")
    with op.batch_alter_table("online_codes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_online_codes_id_number"))
    op.drop_table("online_codes")
