"""Writing one take in one transaction with SQLAlchemy Core (a take is on the /roo/generate path:
the ORM's unit of work costs milliseconds here, plain INSERTs a fraction of one)."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from bridge.history.files import StoredAudio
from bridge.history.models import BlobRow, OutputRow, TakeRow
from bridge.history.schema import TakeFields
from bridge.history.takes import VARIES_LOOK_BACK, AudioOut, TakeDraft

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
    fields: TakeFields | None = None,
) -> None:
    """One take and its outputs; ``pending`` marks a take whose Live write is still in flight.

    Every field goes through ``TakeFields.of`` (InvalidValue naming a bad one; ``fields``: the
    caller's, already checked) before any row."""
    fields = fields or TakeFields.of(draft)
    now = time.time()
    parent = fields.parent_id
    if parent is None and draft.varies is not None:
        recent = conn.execute(
            select(TakeRow.take_id, TakeRow.live)
            .where(TakeRow.project_id == project_id, TakeRow.part == fields.part, TakeRow.pending.is_(False))
            .order_by(TakeRow.id.desc())
            .limit(VARIES_LOOK_BACK)
        ).all()
        parent = take_at(recent, draft.varies)
    conn.execute(
        insert(TAKES),
        {
            "take_id": take_id,
            "project_id": project_id,
            "parent_id": parent,
            "action": fields.action,
            "part": fields.part,
            "params": fields.params,
            "seed": fields.seed,
            "context": fields.context,
            "versions": fields.versions,
            "live": fields.live,
            "command": fields.command,
            "message": fields.message,
            "starred": False,
            "created_at": now,
            "pending": pending,
            "set_id": fields.set_id,
        },
    )
    outputs: list[dict[str, Any]] = []
    if fields.notes is not None:
        outputs.append(_output(take_id, "midi", fields.part, notes=encode_notes(fields.notes)))
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


def take_at(recent: Any, where: tuple[int, int]) -> str | None:
    """The first of ``recent`` (take_id, live JSON) rows, newest first, written at (track, slot)."""
    for take_id, live in recent:
        held = json.loads(live or "{}")
        if (held.get("track"), held.get("slot")) == tuple(where):
            return str(take_id)
    return None


def encode_notes(notes: Sequence[dict[str, Any]]) -> str:
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
