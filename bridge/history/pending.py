"""Pending takes: written while their Live write is in flight, confirmed once Live answered.

A MIDI take is written (pending) while its Live write is in flight, so the commit overlaps the
Live round trip; what is left before "done" is ``UPDATE takes SET live=?, message=?, pending=0``.
With SQLite both are made on the caller's thread (the event loop: the insert right after the
write went out, while the loop only waits for Live) with plain prepared statements, through a
connection of their own that never waits: ``busy_timeout`` 0, so when another connection or
process holds the write lock it fails at once (``commit_now`` / ``confirm_now`` say so) and the
caller uses the store thread instead; and no automatic checkpoint, so it never syncs the disk
(``checkpoint`` runs one on the store thread every CHECKPOINT_EVERY of its commits).

A daemon killed between its write and Live's answer leaves its take pending; when a daemon starts
it reconciles them with Live (``bridge.history.recovery``) through ``pending_takes``, ``placed``,
``midi_notes`` and ``recover`` here.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, true, update
from sqlalchemy.orm import Session

from bridge.history.commit import decode_notes
from bridge.history.models import OutputRow, Project, TakeRow
from bridge.history.sqlite_now import NowWriter
from bridge.history.takes import ACTIONS, TakeDraft
from engines.errors import StoreError

CHECKPOINT_EVERY = 100  # commits on the non-waiting SQLite connection between WAL checkpoints
BEFORE_WRITE_WAIT_S = 0.05  # how long a pending take waits for the store thread's lock before its write
NoteRow = tuple[int, float, float, int]  # pitch, start_beats, length_beats, velocity


@dataclass(frozen=True, slots=True)
class PendingTake:
    """A pending take as start-up reconciliation sees it (``notes`` None: it has no MIDI output)."""

    take_id: str
    action: str
    part: str
    params: dict[str, Any]
    live: dict[str, Any]
    message: str
    created_at: float
    notes: list[NoteRow] | None


def confirm(conn: Connection, take_id: str, live: dict[str, Any], message: str) -> bool:
    """Make a pending take a take with what Live answered (and its message, which may have changed
    meanwhile: a cancelled job's); False when there is no such pending take."""
    done = conn.execute(
        update(TakeRow)
        .where(TakeRow.take_id == take_id, TakeRow.pending.is_(True))
        .values(live=json.dumps(live), message=message, pending=False)
    )
    return bool(done.rowcount)


def discard(conn: Connection, take_id: str) -> None:
    """Remove a pending take (its Live write failed); a confirmed take is never removed here."""
    found = conn.execute(
        select(TakeRow.id).where(TakeRow.take_id == take_id, TakeRow.pending.is_(True))
    ).first()
    if found is not None:  # outputs first: they refer to the take
        conn.execute(delete(OutputRow).where(OutputRow.take_id == take_id))
        conn.execute(delete(TakeRow).where(TakeRow.id == found[0]))


class PendingTakes:
    """The Store's side of pending takes (bridge.history.store.Store mixes it in)."""

    engine: Engine
    project: str
    _now: NowWriter
    _project_ids: dict[str, int]

    def _session(self, *, read: bool = False) -> AbstractContextManager[Session]:
        raise NotImplementedError  # Store's

    def _project_id(self, s: Session | Connection, name: str) -> int:
        raise NotImplementedError  # Store's

    def ready_now(self) -> None:
        """Learn (or make) the current project's row id, so ``commit_now`` writes the first take of
        this process too (the daemon calls it at start, on the store thread)."""
        with self._session() as s:
            self._project_id(s, self.project)

    def confirm(self, take_id: str, live: dict[str, Any], message: str = "") -> None:
        """A pending take becomes a take, with ``live`` (what Live answered it holds)."""
        with self._session() as s:
            if not confirm(s.connection(), take_id, live, message):
                raise StoreError(f"take {take_id} is not pending in the take store: it was not confirmed")

    def commit_now(self, draft: TakeDraft) -> str | None:
        """``commit(draft, pending=True)`` of a MIDI take on the calling thread, never waiting for a lock.

        None when it cannot: a take with audio or analysis, a project not used yet in this
        process, another writer holding the lock, or not a SQLite file; the caller then uses
        ``commit`` (on the store thread)."""
        project_id = self._project_ids.get(self.project)
        if draft.notes is None or draft.audio or draft.analysis is not None or project_id is None:
            return None
        if draft.action not in ACTIONS or not self._now.usable:
            return None
        take_id = secrets.token_hex(6)
        try:
            return take_id if self._now.insert_pending(take_id, project_id, draft) else None
        except sqlite3.Error as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc

    def commit_before_write(self, draft: TakeDraft, wait_s: float = BEFORE_WRITE_WAIT_S) -> str | None:
        """``commit_now``, but while another connection holds the write lock (the store thread's
        short transactions) tried again for up to ``wait_s``: a pending take written before its
        write leaves means no kill leaves a clip in Live without its take. None as ``commit_now``."""
        end = time.monotonic() + wait_s
        while True:
            take_id = self.commit_now(draft)
            if take_id is not None or time.monotonic() >= end or not self._now_possible(draft):
                return take_id
            time.sleep(0.001)

    def _now_possible(self, draft: TakeDraft) -> bool:
        """Whether ``commit_now`` can write ``draft`` at all (its None then only means a busy lock)."""
        return (
            draft.notes is not None
            and not draft.audio
            and draft.analysis is None
            and self.project in self._project_ids
            and draft.action in ACTIONS
            and self._now.usable
        )

    def confirm_now(self, take_id: str, live: dict[str, Any], message: str = "") -> bool:
        """``confirm`` on the calling thread without ever waiting for a lock (SQLite files only).

        False when it cannot: another writer holds the lock, or the database is not a SQLite file;
        the caller then uses ``confirm`` (on the store thread)."""
        if not self._now.usable:
            return False
        try:
            done = self._now.confirm(take_id, live, message)
        except sqlite3.Error as exc:
            raise StoreError(f"take store {self.engine.url!r}: {type(exc).__name__}: {exc}") from exc
        if done is False:
            raise StoreError(f"take {take_id} is not pending in the take store: it was not confirmed")
        return bool(done)

    def needs_checkpoint(self) -> bool:
        """True once the non-waiting connection has committed CHECKPOINT_EVERY times since the last
        ``checkpoint``: it never checkpoints itself, so without one the WAL file would only grow."""
        return self._now.commits >= CHECKPOINT_EVERY

    def checkpoint(self) -> tuple[int, int]:
        """Copy the WAL into the database file (PASSIVE: never waits for, nor blocks, a writer);
        returns (frames in the WAL, frames copied)."""
        self._now.commits = 0
        raw = self.engine.raw_connection()  # outside any transaction (the engine's begin IMMEDIATE)
        try:
            _, logged, copied = raw.cursor().execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"take store {self.engine.url!r}: WAL checkpoint: {exc}") from exc
        finally:
            raw.close()
        return int(logged), int(copied)

    def discard(self, take_id: str) -> None:
        """Remove a pending take whose Live write failed (a confirmed take stays)."""
        with self._session() as s:
            discard(s.connection(), take_id)

    # --- reconciliation at start-up (bridge.history.recovery) --------------------------------
    def pending_takes(self, before: float, set_id: str | None = None) -> list[PendingTake]:
        """The current project's pending takes created before ``before`` (Unix s), oldest first;
        ``set_id`` (not None): only those made in that Set, or in no Set known (made before Sets had ids)."""
        with self._session(read=True) as s:
            project_id = s.execute(select(Project.id).where(Project.name == self.project)).scalar()
            if project_id is None:
                return []
            rows = s.execute(
                select(TakeRow.take_id, TakeRow.action, TakeRow.part, TakeRow.params, TakeRow.live)
                .add_columns(TakeRow.message, TakeRow.created_at)
                .where(TakeRow.project_id == project_id, TakeRow.pending.is_(True))
                .where(TakeRow.created_at < before)
                .where(TakeRow.set_id.in_((set_id, "")) if set_id is not None else true())
                .order_by(TakeRow.id)
            ).all()
            notes = self._midi(s, [r[0] for r in rows])
        return [
            PendingTake(r[0], r[1], r[2], json.loads(r[3]), json.loads(r[4]), r[5], r[6], notes.get(r[0]))
            for r in rows
        ]

    def placed(self, set_id: str | None = None) -> dict[tuple[int, int], str]:
        """(track, slot) -> the newest take of the current project that landed in that session slot
        (``set_id`` not None: of that Set, or of no Set known)."""
        out: dict[tuple[int, int], str] = {}
        with self._session(read=True) as s:
            rows = s.execute(
                select(TakeRow.take_id, TakeRow.live)
                .join(Project, Project.id == TakeRow.project_id)
                .where(Project.name == self.project, TakeRow.pending.is_(False))
                .where(TakeRow.set_id.in_((set_id, "")) if set_id is not None else true())
                .order_by(TakeRow.id.desc())
            ).all()
        for take_id, live in rows:
            where = json.loads(live or "{}")
            if isinstance(where.get("track"), int) and isinstance(where.get("slot"), int):
                out.setdefault((where["track"], where["slot"]), take_id)
        return out

    def midi_notes(self, take_id: str) -> list[NoteRow] | None:
        """A take's MIDI notes as rows (None: it has none), pending or not."""
        with self._session(read=True) as s:
            return self._midi(s, [take_id]).get(take_id)

    def recover(self, take_id: str, live: dict[str, Any], message: str) -> bool:
        """A pending take whose clip Live holds becomes a take (``live``: where it was found);
        False when it is no longer pending (its own daemon confirmed it meanwhile)."""
        with self._session() as s:
            return confirm(s.connection(), take_id, live, message)

    @staticmethod
    def _midi(s: Session, take_ids: list[str]) -> dict[str, list[NoteRow]]:
        found: dict[str, list[NoteRow]] = {}
        for chunk in range(0, len(take_ids), 500):
            rows = s.execute(
                select(OutputRow.take_id, OutputRow.notes).where(
                    OutputRow.take_id.in_(take_ids[chunk : chunk + 500]), OutputRow.kind == "midi"
                )
            ).all()
            for take_id, text in rows:
                found[take_id] = [
                    (int(n["pitch"]), float(n["start_beats"]), float(n["length_beats"]), int(n["velocity"]))
                    for n in decode_notes(text or "[]")
                ]
        return found
