"""The first schema: projects, takes as a tree, MIDI outputs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(512), nullable=False, unique=True),
        sa.Column("created_at", sa.Float, nullable=False),
        sa.Column("used_at", sa.Float, nullable=False),
    )
    op.create_table(
        "takes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("take_id", sa.String(16), nullable=False, unique=True),
        sa.Column("project_id", sa.Integer, sa.ForeignKey("projects.id"), nullable=False),
        sa.Column("parent_id", sa.String(16), nullable=True),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("part", sa.String(64), nullable=False),
        sa.Column("params", sa.Text, nullable=False),
        sa.Column("seed", sa.Integer, nullable=True),
        sa.Column("context", sa.Text, nullable=False),
        sa.Column("versions", sa.Text, nullable=False),
        sa.Column("live", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("starred", sa.Boolean, nullable=False),
        sa.Column("created_at", sa.Float, nullable=False),
    )
    op.create_index("ix_takes_project_id_id", "takes", ["project_id", "id"])
    op.create_table(
        "outputs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("take_id", sa.String(16), sa.ForeignKey("takes.take_id"), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("name", sa.String(128), nullable=False),
        sa.Column("notes", sa.Text, nullable=True),
    )
    op.create_index("ix_outputs_take_id", "outputs", ["take_id"])


def downgrade() -> None:
    op.drop_table("outputs")
    op.drop_table("takes")
    op.drop_table("projects")
