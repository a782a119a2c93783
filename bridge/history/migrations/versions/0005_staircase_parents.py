"""Clear the staircase parents of takes stored before a parent meant a relation.

Until commit 0ec894b (2026-11-23 17:12 UTC, issue 30) the store filed every new take as the child
of the newest take of its part (before that, of any part), so `roo history --tree` and the page
showed a staircase. Since then a take's parent is the take it varies, forks or recalls, and a new
take is a root. For takes created before that time the stored parent is not such a relation, with
two exceptions kept: a jam's later phrases filed under its first (a jam take under a jam take, as
the jam still files them), and a take made by a typed or spoken variation ("vary the bass", "make
it busier") of a take of its own part, whose newest take of the part was the one varied. Every other pre-fix
parent is cleared (the take becomes a root); nothing else changes. Takes created since are
untouched. The downgrade keeps the cleared parents cleared (the old code reads a root fine).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FIXED_AT_S = 1795453920.0  # commit 0ec894b's time: from here on a parent is a relation
VARIES = re.compile(
    r"\b(vary|variation|another (one|take|version)|busier|simpler|sparser|denser|again)\b", re.I
)
BATCH = 500


def keeps(action: str, command: str, part: str, parent_action: str | None, parent_part: str | None) -> bool:
    """Whether a pre-fix parent is a relation after all: a jam's phrase under the jam's first, or
    a variation of a take of the same part."""
    if action == "jam" and parent_action == "jam":
        return True
    return bool(command) and VARIES.search(command) is not None and parent_part == part


def upgrade() -> None:
    takes = sa.table(
        "takes",
        sa.column("id", sa.Integer),
        sa.column("take_id", sa.String),
        sa.column("parent_id", sa.String),
        sa.column("action", sa.String),
        sa.column("part", sa.String),
        sa.column("command", sa.Text),
        sa.column("created_at", sa.Float),
    )
    parents = takes.alias("parents")
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(
                takes.c.id, takes.c.action, takes.c.command, takes.c.part, parents.c.action, parents.c.part
            )
            .select_from(takes.outerjoin(parents, parents.c.take_id == takes.c.parent_id))
            .where(takes.c.id > last, takes.c.parent_id.is_not(None), takes.c.created_at < FIXED_AT_S)
            .order_by(takes.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        cleared = [
            row_id
            for row_id, action, command, part, parent_action, parent_part in rows
            if not keeps(action, command or "", part, parent_action, parent_part)
        ]
        if cleared:
            conn.execute(takes.update().where(takes.c.id.in_(cleared)).values(parent_id=None))
        last = rows[-1][0]


def downgrade() -> None:
    pass  # a cleared parent stays cleared: the older code reads a root take as it is
