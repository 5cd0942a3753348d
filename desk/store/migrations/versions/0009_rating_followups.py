"""ratings at the desk (一次一评) bound to the clerk and window, with reasons and a phone number;
the follow-up a bad rating opens (核实 → 整改 → 回访 / 申诉复核) and its steps

Revision ID: 0009_rating_followups
Revises: 0009_online_applications
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import desk.store.models

revision = "0009_rating_followups"
down_revision = "0009_online_applications"  # chained after the bundles and online applications (branches merged)
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_ratings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clerk_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("counter_number", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("reasons", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("phone", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("channel", sa.String(length=16), nullable=False, server_default="kiosk"))
        batch_op.create_foreign_key(op.f("fk_service_ratings_clerk_id_users"), "users", ["clerk_id"], ["id"])
    op.create_table(
        "rating_follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.Column("station_code", sa.String(length=16), nullable=False),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("result", sa.Text(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["rating_id"], ["service_ratings.id"],
                                name=op.f("fk_rating_follow_ups_rating_id_service_ratings")),
        sa.ForeignKeyConstraint(["station_code"], ["stations.code"],
                                name=op.f("fk_rating_follow_ups_station_code_stations")),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], name=op.f("fk_rating_follow_ups_owner_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rating_follow_ups")),
        sa.UniqueConstraint("rating_id", name=op.f("uq_rating_follow_ups_rating_id")),
    )
    op.create_index(op.f("ix_rating_follow_ups_station_code"), "rating_follow_ups", ["station_code"])
    op.create_table(
        "follow_up_steps",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("follow_up_id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=16), nullable=False),
        sa.Column("outcome", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=False),
        sa.Column("at", desk.store.models.UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["follow_up_id"], ["rating_follow_ups.id"],
                                name=op.f("fk_follow_up_steps_follow_up_id_rating_follow_ups")),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_follow_up_steps_actor_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up_steps")),
    )
    op.create_index(op.f("ix_follow_up_steps_follow_up_id"), "follow_up_steps", ["follow_up_id"])
    _carry_open_follow_ups()


def _carry_open_follow_ups() -> None:
    """Bad ratings given before this revision had only a due date and open/done on the rating: each
    becomes a follow-up (open ones at 核实, done ones closed), so none drops out of the manager's list."""
    from desk.domain.clock import local_date

    connection = op.get_bind()
    ratings = sa.table("service_ratings", sa.column("id", sa.Integer()), sa.column("station_code", sa.String()),
                       sa.column("at", desk.store.models.UtcDateTime()), sa.column("follow_up_due", sa.Date()),
                       sa.column("follow_up_state", sa.String()))
    follow_ups = sa.table("rating_follow_ups", sa.column("rating_id", sa.Integer()),
                          sa.column("station_code", sa.String()), sa.column("opened_on", sa.Date()),
                          sa.column("due_date", sa.Date()), sa.column("step", sa.String()),
                          sa.column("closed_on", sa.Date()), sa.column("version", sa.Integer()))
    rows = connection.execute(sa.select(ratings).where(ratings.c.follow_up_due.is_not(None))).all()
    for row in rows:
        done = row.follow_up_state == "done"
        connection.execute(follow_ups.insert().values(
            rating_id=row.id, station_code=row.station_code, opened_on=local_date(row.at),
            due_date=row.follow_up_due, step="closed" if done else "verify",
            closed_on=local_date(row.at) if done else None, version=1))


def downgrade() -> None:
    op.drop_index(op.f("ix_follow_up_steps_follow_up_id"), table_name="follow_up_steps")
    op.drop_table("follow_up_steps")
    op.drop_index(op.f("ix_rating_follow_ups_station_code"), table_name="rating_follow_ups")
    op.drop_table("rating_follow_ups")
    with op.batch_alter_table("service_ratings", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_service_ratings_clerk_id_users"), type_="foreignkey")
        for column in ("channel", "phone", "reasons", "counter_number", "clerk_id"):
            batch_op.drop_column(column)
