"""A take's Set: the id of the Live Set it was made in ("" for takes made before Sets had ids).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a plain ADD COLUMN, as 0006's (SQLite copies no table for it: outputs keep referring to takes);
    # older takes belong to no known Set: every Set may follow and recall them as before
    op.add_column("takes", sa.Column("set_id", sa.String(64), nullable=False, server_default=""))


def downgrade() -> None:
    # the older schema has one history for every Set: the ids go, the takes stay
    op.drop_column("takes", "set_id")
