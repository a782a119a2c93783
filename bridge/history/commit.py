"""Writing one take in one transaction with SQLAlchemy Core (a take is on the /roo/generate path:
the ORM's unit of work costs milliseconds here, plain INSERTs a fraction of one)."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from bridge.history.files import StoredAudio
from bridge.history.models import BlobRow, OutputRow, TakeRow
from bridge.history.takes import AUTO, AudioOut, TakeDraft

TAKES: Any = TakeRow.__table__
OUTPUTS: Any = OutputRow.__table__
BLOBS: Any = BlobRow.__table__


def insert_ignoring_duplicates(conn: Connection | Any, table: Any, values: dict[str, Any], key: str) -> None:
    """INSERT ... ON CONFLICT (key) DO NOTHING, for SQLite and PostgreSQL."""
    dialect = conn.get_bind().dialect.name if hasattr(conn, "get_bind") else conn.dialect.name
    ins = (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table).values(**values)
    conn.execute(ins.on_conflict_do_nothing(index_elements=[key]))


def write_take(
    conn: Connection,
    take_id: str,
    project_id: int,
    draft: TakeDraft,
    stored: list[tuple[AudioOut, StoredAudio]],
    *,
    pending: bool = False,
) -> None:
    """One take and its outputs; ``pending`` marks a take whose Live write is still in flight."""
    now = time.time()
    parent = draft.parent_id
    if parent == AUTO:
        parent = conn.execute(
            select(TakeRow.take_id)
            .where(TakeRow.project_id == project_id, TakeRow.part == draft.part, TakeRow.pending.is_(False))
            .order_by(TakeRow.id.desc())
            .limit(1)
        ).scalar()
    conn.execute(
        insert(TAKES),
        {
            "take_id": take_id,
            "project_id": project_id,
            "parent_id": parent,
            "action": draft.action,
            "part": draft.part,
            "params": json.dumps(draft.params),
            "seed": draft.seed,
            "context": json.dumps(draft.context),
            "versions": json.dumps(draft.versions),
            "live": json.dumps(draft.live),
            "command": draft.command,
            "message": draft.message,
            "starred": False,
            "created_at": now,
            "pending": pending,
        },
    )
    outputs: list[dict[str, Any]] = []
    if draft.notes is not None:
        outputs.append(_output(take_id, "midi", draft.part, notes=encode_notes(draft.notes)))
    if draft.analysis is not None and not draft.audio:
        outputs.append(_output(take_id, "analysis", "", analysis=json.dumps(draft.analysis)))
    for audio, blob in stored:
        row = {
            "sha256": blob.sha256,
            "suffix": blob.suffix,
            "size_bytes": blob.size_bytes,
            "frames": blob.frames,
            "sample_rate": blob.sample_rate,
            "created_at": now,
        }
        ins = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(BLOBS).values(**row)
        # stored again: it counts as new for `roo history gc` (which keeps anything younger than a week)
        conn.execute(ins.on_conflict_do_update(index_elements=["sha256"], set_={"created_at": now}))
        analysis = json.dumps(audio.analysis) if audio.analysis is not None else None
        outputs.append(_output(take_id, "audio", audio.name, sha256=blob.sha256, analysis=analysis))
    if outputs:
        conn.execute(insert(OUTPUTS), outputs)


def encode_notes(notes: list[dict[str, Any]]) -> str:
    """Compact JSON rows [pitch, start_beats, length_beats, velocity] (a third of the bytes and time
    of objects); decode_notes reads these and the objects the first schema version wrote."""
    rows = [[n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]] for n in notes]
    return json.dumps(rows, separators=(",", ":"))


def decode_notes(text: str) -> tuple[dict[str, Any], ...]:
    out = []
    for n in json.loads(text):
        if isinstance(n, dict):
            out.append(n)
        else:
            out.append({"pitch": n[0], "start_beats": n[1], "length_beats": n[2], "velocity": n[3]})
    return tuple(out)


def _output(take_id: str, kind: str, name: str, **values: Any) -> dict[str, Any]:
    return {
        "take_id": take_id,
        "kind": kind,
        "name": name,
        "notes": None,
        "sha256": None,
        "analysis": None,
    } | values
