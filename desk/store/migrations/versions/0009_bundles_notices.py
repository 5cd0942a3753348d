"""bundles (“一件事”: member cases, follow-ups at other agencies) and the 30-day 注销公告

Revision ID: 0009_bundles_notices
Revises: 0008
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from desk.store.models import UtcDateTime

revision = "0009_bundles_notices"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bundles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("bundle_code", sa.String(length=64), nullable=False),
        sa.Column("station_code", sa.String(length=16), nullable=False),
        sa.Column("applicant_id", sa.Integer(), nullable=False),
        sa.Column("shared_values", sa.JSON(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"], name=op.f("fk_bundles_station_code_stations")),
        sa.ForeignKeyConstraint(["applicant_id"], ["citizens.id"], name=op.f("fk_bundles_applicant_id_citizens")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_bundles_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundles")),
        sa.UniqueConstraint("number", name=op.f("uq_bundles_number")),
    )
    op.create_index(op.f("ix_bundles_applicant_id"), "bundles", ["applicant_id"])
    op.create_table(
        "bundle_cases",
        sa.Column("bundle_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["bundle_id"], ["bundles.id"], name=op.f("fk_bundle_cases_bundle_id_bundles")),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_bundle_cases_case_id_cases")),
        sa.PrimaryKeyConstraint("bundle_id", "case_id", name=op.f("pk_bundle_cases")),
        sa.UniqueConstraint("case_id", name=op.f("uq_bundle_cases_case_id")),
    )
    op.create_table(
        "bundle_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bundle_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name_zh", sa.String(length=120), nullable=False),
        sa.Column("agency_zh", sa.String(length=120), nullable=False),
        sa.Column("how_zh", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=True),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["bundle_id"], ["bundles.id"], name=op.f("fk_bundle_follow_ups_bundle_id_bundles")),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_bundle_follow_ups_updated_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bundle_follow_ups")),
        sa.UniqueConstraint("bundle_id", "key", name=op.f("uq_bundle_follow_ups_bundle_id")),
    )
    op.create_index(op.f("ix_bundle_follow_ups_bundle_id"), "bundle_follow_ups", ["bundle_id"])
    op.create_table(
        "public_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("serial", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=16), nullable=False),
        sa.Column("person_name", sa.String(length=60), nullable=False),
        sa.Column("person_id_number", sa.String(length=18), nullable=False),
        sa.Column("text_zh", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("objection", sa.Text(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decided_by", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_public_notices_case_id_cases")),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"],
                                name=op.f("fk_public_notices_station_code_stations")),
        sa.ForeignKeyConstraint(["decided_by"], ["users.id"], name=op.f("fk_public_notices_decided_by_users")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_public_notices_created_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_public_notices")),
        sa.UniqueConstraint("serial", name=op.f("uq_public_notices_serial")),
    )
    op.create_index(op.f("ix_public_notices_case_id"), "public_notices", ["case_id"])
    op.create_index(op.f("ix_public_notices_ends_on"), "public_notices", ["ends_on"])


def downgrade() -> None:
    op.drop_table("public_notices")
    op.drop_table("bundle_follow_ups")
    op.drop_table("bundle_cases")
    op.drop_table("bundles")
