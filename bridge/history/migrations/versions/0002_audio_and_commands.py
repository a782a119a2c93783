"""Audio outputs stored by SHA-256 (blobs), analysis attached to audio, the command text of a take.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("suffix", sa.String(16), nullable=False),
        sa.Column("size_bytes", sa.Integer, nullable=False),
        sa.Column("frames", sa.Integer, nullable=False),
        sa.Column("sample_rate", sa.Integer, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    with op.batch_alter_table("outputs") as batch:
        batch.add_column(sa.Column("sha256", sa.String(64), nullable=True))
        batch.add_column(sa.Column("analysis", sa.Text, nullable=True))
        batch.create_index("ix_outputs_sha256", ["sha256"])
    with op.batch_alter_table("takes") as batch:
        batch.add_column(sa.Column("command", sa.Text, nullable=False, server_default=""))


def downgrade() -> None:
    # plain DROP COLUMNs (SQLite 3.35+ drops them in place): a batch copy of takes would drop the table
    # outputs refer to, which SQLite refuses with foreign keys on
    op.drop_column("takes", "command")
    op.drop_index("ix_outputs_sha256", table_name="outputs")
    op.drop_column("outputs", "analysis")
    op.drop_column("outputs", "sha256")
    op.drop_table("blobs")
