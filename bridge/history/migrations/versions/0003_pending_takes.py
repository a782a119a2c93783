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
    with op.batch_alter_table("takes") as batch:
        batch.drop_column("pending")
