"""Pending takes: written while their Live write is in flight, confirmed once Live answered.

A MIDI take is written (pending) while its Live write is in flight, so the commit overlaps the
Live round trip; what is left before "done" is ``UPDATE takes SET live=?, message=?, pending=0``.
With SQLite both are made on the caller's thread (the event loop: the insert right after the
write went out, while the loop only waits for Live) with plain prepared statements, through a
connection of their own that never waits: ``busy_timeout`` 0, so when another connection or
process holds the write lock it fails at once (``commit_now`` / ``confirm_now`` say so) and the
caller uses the store thread instead; and no automatic checkpoint, so it never syncs the disk
(the store thread's connections checkpoint).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update

from bridge.history.commit import encode_notes
from bridge.history.models import OutputRow, TakeRow
from bridge.history.takes import AUTO, TakeDraft


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


class NowWriter:
    """The non-waiting SQLite connection of ``Store.commit_now`` and ``Store.confirm_now``.

    Each call is one transaction that never waits: None when the write lock is taken."""

    def __init__(self, engine: Engine) -> None:
        url = engine.url
        db = url.database or ""
        self.path = db if url.get_backend_name() == "sqlite" and db and db != ":memory:" else ""
        self._conn: sqlite3.Connection | None = None
        self.commits = 0  # since the last checkpoint: this connection never checkpoints itself

    @property
    def usable(self) -> bool:
        return bool(self.path) and not self.path.startswith("file:")

    def insert_pending(self, take_id: str, project_id: int, draft: TakeDraft) -> bool | None:
        """A MIDI take, pending, as ``commit.write_take`` writes it; None when the lock is busy."""

        def write(conn: sqlite3.Connection) -> bool:
            parent = draft.parent_id
            if parent == AUTO:
                found = conn.execute(
                    "SELECT take_id FROM takes WHERE project_id = ? AND part = ? AND pending = 0"
                    " ORDER BY id DESC LIMIT 1",
                    (project_id, draft.part),
                ).fetchone()
                parent = found[0] if found else None
            conn.execute(
                "INSERT INTO takes (take_id, project_id, parent_id, action, part, params, seed, context,"
                " versions, live, command, message, starred, created_at, pending)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1)",
                (
                    take_id,
                    project_id,
                    parent,
                    draft.action,
                    draft.part,
                    json.dumps(draft.params),
                    draft.seed,
                    json.dumps(draft.context),
                    json.dumps(draft.versions),
                    json.dumps(draft.live),
                    draft.command,
                    draft.message,
                    time.time(),
                ),
            )
            conn.execute(
                "INSERT INTO outputs (take_id, kind, name, notes) VALUES (?, 'midi', ?, ?)",
                (take_id, draft.part, encode_notes(draft.notes or [])),
            )
            return True

        return self._transaction(write)

    def confirm(self, take_id: str, live: dict[str, Any], message: str) -> bool | None:
        """True when confirmed, False when no such pending take, None when the write lock is busy."""

        def update(conn: sqlite3.Connection) -> bool:
            cur = conn.execute(
                "UPDATE takes SET live = ?, message = ?, pending = 0 WHERE take_id = ? AND pending = 1",
                (json.dumps(live), message, take_id),
            )
            return cur.rowcount == 1

        return self._transaction(update)

    def _transaction(self, fn: Callable[[sqlite3.Connection], bool]) -> bool | None:
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return None
            raise
        try:
            done = fn(conn)
            conn.execute("COMMIT")
            self.commits += 1
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return done

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = sqlite3.connect(self.path, timeout=0.0, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=0")
            conn.execute("PRAGMA synchronous=NORMAL")  # per connection; as the store's own (WAL)
            conn.execute("PRAGMA wal_autocheckpoint=0")  # the store thread's connections checkpoint
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text
