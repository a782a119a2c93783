"""Repair takes stored with a text time signature ("4/4", as `roo jam` wrote them) into the one
schema's two integers ([4, 4]); a signature that cannot be read is dropped from the context (export
then uses 4/4 and says so nowhere else: the take's notes are untouched).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import json
import re

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

TEXT_SIGNATURE = re.compile(r"^\s*(\d{1,2})\s*/\s*(\d{1,2})\s*$")
BATCH = 500


def repaired(context: str) -> str | None:
    """The context JSON with its signature as two integers; None when nothing needs repair."""
    try:
        value = json.loads(context or "{}")
    except ValueError:
        return None
    if not isinstance(value, dict) or "signature" not in value:
        return None
    signature = value["signature"]
    if isinstance(signature, list) and len(signature) == 2 and all(type(v) is int for v in signature):
        return None
    found = TEXT_SIGNATURE.match(signature) if isinstance(signature, str) else None
    if found:
        value["signature"] = [int(found[1]), int(found[2])]
    elif isinstance(signature, list) and len(signature) == 2 and all(str(v).isdigit() for v in signature):
        value["signature"] = [int(v) for v in signature]
    else:
        del value["signature"]
    return json.dumps(value)


def upgrade() -> None:
    takes = sa.table("takes", sa.column("id", sa.Integer), sa.column("context", sa.Text))
    conn = op.get_bind()
    last = 0
    while True:
        rows = conn.execute(
            sa.select(takes.c.id, takes.c.context).where(takes.c.id > last).order_by(takes.c.id).limit(BATCH)
        ).all()
        if not rows:
            break
        for row_id, context in rows:
            fixed = repaired(context) if context and "signature" in context else None
            if fixed is not None:
                conn.execute(takes.update().where(takes.c.id == row_id).values(context=fixed))
        last = rows[-1][0]


def downgrade() -> None:
    pass  # [4, 4] is what every older revision reads too: nothing to undo
