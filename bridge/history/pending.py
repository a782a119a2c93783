"""Confirming a pending take: the one-row UPDATE that turns it into a take once Live answered.

A MIDI take is written (pending) while its Live write is in flight, so the bulk of the commit
overlaps the Live round trip; what is left before "done" is ``UPDATE takes SET live=?, pending=0``
(and the message).
With SQLite that update is made on the caller's thread (the event loop) through its own
connection that never waits: ``busy_timeout`` 0, so when another connection or process holds the
write lock it fails at once (``confirm_now`` returns False) and the caller confirms on the store
thread instead; and no automatic checkpoint, so it never syncs the disk (the store thread's
connections checkpoint).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from sqlalchemy import Connection, Engine, delete, select, update

from bridge.history.models import OutputRow, TakeRow


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


class NowConfirmer:
    """The non-waiting SQLite connection of ``Store.confirm_now`` (None for other databases)."""

    def __init__(self, engine: Engine) -> None:
        url = engine.url
        db = url.database or ""
        self.path = db if url.get_backend_name() == "sqlite" and db and db != ":memory:" else ""
        self._conn: sqlite3.Connection | None = None

    @property
    def usable(self) -> bool:
        return bool(self.path) and not self.path.startswith("file:")

    def confirm(self, take_id: str, live: dict[str, Any], message: str) -> bool | None:
        """True when confirmed, False when no such pending take, None when the write lock is busy."""
        conn = self._connection()
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc):
                return None
            raise
        try:
            cur = conn.execute(
                "UPDATE takes SET live = ?, message = ?, pending = 0 WHERE take_id = ? AND pending = 1",
                (json.dumps(live), message, take_id),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return cur.rowcount == 1

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
