"""Pending takes: written while their Live write is in flight, confirmed once Live answered.

A MIDI take is written (pending) while its Live write is in flight, so the commit overlaps the
Live round trip; what is left before "done" is ``UPDATE takes SET live=?, message=?, pending=0``.
With SQLite both are made on the caller's thread (the event loop: the insert right after the
write went out, while the loop only waits for Live) with plain prepared statements, through a
connection of their own that never waits: ``busy_timeout`` 0, so when another connection or
process holds the write lock it fails at once (``commit_now`` / ``confirm_now`` say so) and the
caller uses the store thread instead; and no automatic checkpoint, so it never syncs the disk
(``checkpoint`` runs one on the store thread every CHECKPOINT_EVERY of its commits).
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.orm import Session

from bridge.history.models import OutputRow, TakeRow
from bridge.history.sqlite_now import NowWriter
from bridge.history.takes import ACTIONS, TakeDraft
from engines.errors import StoreError

CHECKPOINT_EVERY = 100  # commits on the non-waiting SQLite connection between WAL checkpoints


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
