"""identity: CHECK constraints on citizens behind the one identity check; the kiosk's difference flag

Revision ID: 0006
Revises: 0003 (for now: 0004, 0005 and 0007 also follow 0003 on parallel branches; they are chained at merge)
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None

CHECKS = (
    ("id_number_shape", "length(id_number) IN (15, 18) AND id_number = upper(id_number)"),
    ("name_length", "length(name) BETWEEN 1 AND 60"),
    ("address_length", "length(address) <= 200"),
    ("sex_known", "sex IN ('', 'male', 'female', 'unknown', 'unspecified')"),
    ("birth_date_range", "birth_date IS NULL OR birth_date >= '1890-01-01'"),
    ("validity_order", "valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to"),
)


def upgrade() -> None:
    bind = op.get_bind()
    # Rows stored before the check existed would make the constraint (or SQLite's table copy) fail
    # half-way with a raw error: count them first and say what to do, changing nothing.
    where = " OR ".join(f"NOT ({sql})" for _name, sql in CHECKS)
    bad = bind.execute(sa.text(f"SELECT id_number FROM citizens WHERE {where}")).scalars().all()
    if bad:
        shown = ", ".join(repr(number[:20]) for number in bad[:10])
        raise RuntimeError(
            f"{len(bad)} citizen record(s) break the identity rules (ID numbers {shown}); correct them "
            "(desk db) before upgrading to revision 0006 — nothing was changed."
        )
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("card_difference", sa.JSON(), nullable=True))
        for name, sql in CHECKS:
            batch_op.create_check_constraint(name, sql)


def downgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        for name, _sql in reversed(CHECKS):
            batch_op.drop_constraint(op.f(f"ck_citizens_{name}"), type_="check")
        batch_op.drop_column("card_difference")
