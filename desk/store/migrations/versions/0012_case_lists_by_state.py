"""a station's cases in one state, newest first, served by an index (the Today screen's drafts,
supplements and review lists)

`WHERE station_code = ? AND state = ? ORDER BY created_at DESC, id DESC LIMIT n` walked the station's
creation-time index through its whole history filtering the state (a station's drafts: every case it
ever opened read to find none). By station, state and creation time the list reads only the cases in
that state — bounded by the day's work, not by history.

Revision ID: 0012_case_lists_by_state
Revises: 0011_user_photos
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0012_case_lists_by_state"
down_revision = "0011_user_photos"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_cases_station_state_created_at", "cases", ["station_code", "state", "created_at"],
                    unique=False)


def downgrade() -> None:
    op.drop_index("ix_cases_station_state_created_at", table_name="cases")
