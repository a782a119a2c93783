"""A take's undone flag: its clip left the slot it was written to (Live's undo), set back on redo.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN, as 0003's pending (SQLite copies no table for it: outputs keep referring to takes)
    op.add_column("takes", sa.Column("undone", sa.Boolean, nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # the older schema lists every take as there: the mark goes, the takes stay (a plain DROP COLUMN,
    # as 0003's: a batch copy of takes would drop the table outputs refer to)
    op.drop_column("takes", "undone")
