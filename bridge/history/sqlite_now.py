"""The non-waiting SQLite connection the daemon writes pending takes through on its event loop.

``busy_timeout`` 0: when another connection or process holds the write lock a call fails at once
(None) and the caller uses the store thread instead; no automatic checkpoint, so a call never
syncs the disk (``Store.checkpoint`` runs one on the store thread every CHECKPOINT_EVERY commits).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine

from bridge.history.commit import encode_notes, take_at
from bridge.history.schema import TakeFields, check_live
from bridge.history.takes import VARIES_LOOK_BACK, TakeDraft


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

        fields = TakeFields.of(draft)  # before the transaction: a bad field writes nothing

        def write(conn: sqlite3.Connection) -> bool:
            parent = fields.parent_id
            if parent is None and draft.varies is not None:
                recent = conn.execute(
                    "SELECT take_id, live FROM takes WHERE project_id = ? AND part = ? AND pending = 0"
                    " ORDER BY id DESC LIMIT ?",
                    (project_id, fields.part, VARIES_LOOK_BACK),
                ).fetchall()
                parent = take_at(recent, draft.varies)
            conn.execute(
                "INSERT INTO takes (take_id, project_id, parent_id, action, part, params, seed, context,"
                " versions, live, command, message, starred, created_at, pending, set_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 1, ?)",
                (
                    take_id,
                    project_id,
                    parent,
                    fields.action,
                    fields.part,
                    fields.params,
                    fields.seed,
                    fields.context,
                    fields.versions,
                    fields.live,
                    fields.command,
                    fields.message,
                    time.time(),
                    fields.set_id,
                ),
            )
            conn.execute(
                "INSERT INTO outputs (take_id, kind, name, notes) VALUES (?, 'midi', ?, ?)",
                (take_id, fields.part, encode_notes(fields.notes or ())),
            )
            return True

        return self._transaction(write)

    def confirm(self, take_id: str, live: dict[str, Any], message: str) -> bool | None:
        """True when confirmed, False when no such pending take, None when the write lock is busy."""

        check_live(live)

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
            rollback(conn)  # the cause (a full disk: SQLITE_FULL) is what is raised, never the rollback's
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


def rollback(conn: sqlite3.Connection) -> None:
    """Roll back what is still open. SQLite ends the transaction itself on some errors (SQLITE_FULL,
    SQLITE_IOERR): a ROLLBACK then fails with "no transaction is active", which must not replace
    the error that ended it."""
    if not conn.in_transaction:
        return
    try:
        conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # the caller raises the error that ended the transaction


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text
