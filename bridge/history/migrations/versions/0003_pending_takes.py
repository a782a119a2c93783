"""A take's pending flag: written while its Live write is in flight, cleared when Live answered.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN (SQLite copies no table for it: outputs keep referring to takes)
    op.add_column("takes", sa.Column("pending", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # A pending take is no take (never listed, never a parent) and the older schema cannot tell one
    # from a take: pending takes and their outputs go (their audio stays for gc), the takes stay.
    takes = sa.table("takes", sa.column("take_id", sa.String), sa.column("pending", sa.Boolean))
    outputs = sa.table("outputs", sa.column("take_id", sa.String))
    pending = sa.select(takes.c.take_id).where(takes.c.pending.is_(True))
    op.execute(outputs.delete().where(outputs.c.take_id.in_(pending)))
    op.execute(takes.delete().where(takes.c.pending.is_(True)))
    # a plain DROP COLUMN (SQLite 3.35+ drops it in place): a batch copy of takes would drop the table
    # outputs refer to, which SQLite refuses with foreign keys on
    op.drop_column("takes", "pending")
