"""Reading one take back whole (its row, outputs and audio blobs) with SQLAlchemy Core.

Recall reads a take on its way into Live: plain column SELECTs on one connection cost a fraction
of the ORM's session, identity map and objects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select

from bridge.history import files
from bridge.history.commit import decode_notes
from bridge.history.models import BlobRow, OutputRow, Project, TakeRow
from bridge.history.takes import Take

TK: Any = TakeRow.__table__.c  # plain table columns: no ORM annotations to adapt on every result
PJ: Any = Project.__table__.c
OUT: Any = OutputRow.__table__.c
BL: Any = BlobRow.__table__.c
TAKE_QUERY = (
    select(
        TK.take_id,
        TK.parent_id,
        TK.action,
        TK.part,
        TK.created_at,
        TK.message,
        TK.starred,
        TK.undone,
        TK.set_id,
        TK.params,
        TK.seed,
        TK.context,
        TK.versions,
        TK.live,
        TK.command,
        PJ.name.label("project"),
    )
    .join_from(TakeRow.__table__, Project.__table__, PJ.id == TK.project_id)
    .where(TK.take_id == bindparam("take_id"))
)
OUTPUT_QUERY = (
    select(
        OUT.kind,
        OUT.name,
        OUT.notes,
        OUT.analysis,
        BL.sha256,
        BL.suffix,
        BL.frames,
        BL.sample_rate,
        BL.size_bytes,
    )
    .select_from(OutputRow.__table__.outerjoin(BlobRow.__table__, BL.sha256 == OUT.sha256))
    .where(OUT.take_id == bindparam("take_id"))
    .order_by(OUT.id)
)


def read_take(conn: Connection, take_id: str, root: Path) -> Take:
    """The take ``take_id`` (a whole id, known to exist) with its outputs, notes and audio paths."""
    row = conn.execute(TAKE_QUERY, {"take_id": take_id}).one()
    outs = conn.execute(OUTPUT_QUERY, {"take_id": take_id}).all()
    outputs: list[dict[str, Any]] = []
    notes = None
    for out in outs:
        item: dict[str, Any] = {"kind": out.kind, "name": out.name}
        if out.notes is not None:
            notes = decode_notes(out.notes)
            item["note_count"] = len(notes)
        if out.suffix is not None:  # a stored audio blob
            item |= {
                "sha256": out.sha256,
                "path": str(files.blob_path(root, out.sha256, out.suffix)),
                "frames": out.frames,
                "sample_rate": out.sample_rate,
                "size_bytes": out.size_bytes,
            }
        if out.analysis is not None:
            item["analysis"] = json.loads(out.analysis)
        outputs.append(item)
    return Take(
        take_id=row.take_id,
        parent_id=row.parent_id,
        project=row.project,
        action=row.action,
        part=row.part,
        created_at=row.created_at,
        message=row.message,
        starred=bool(row.starred),
        params=json.loads(row.params),
        seed=row.seed,
        context=json.loads(row.context),
        versions=json.loads(row.versions),
        live=json.loads(row.live),
        command=row.command,
        outputs=tuple(outputs),
        notes=notes,
        undone=bool(row.undone),
        set_id=str(row.set_id or ""),
    )
