"""A MIDI take is written (pending) while its Live write is in flight and confirmed once Live answered.

A pending take is no take: never listed, resolved, counted or a parent; a failed write removes it;
a cancelled job records what it had already written into Live.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bridge import protocol
from bridge.history import Store, TakeDraft, note_dict, open_store
from engines.errors import StoreError, TakeNotFound
from livesim.host import LiveHost
from tests.bridge.harness import Client, running_daemon
from tests.bridge.history.test_recording import _take_ids

NOTES = [note_dict(36, 0.0, 0.5, 100), note_dict(38, 1.0, 0.5, 90)]


@pytest.fixture
def live() -> Iterator[LiveHost]:
    host = LiveHost(port=0).start_in_thread()
    yield host
    host.stop()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    yield opened
    opened.close()


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as con:
        return con.execute("SELECT take_id, pending, live, message FROM takes ORDER BY id").fetchall()


def test_a_pending_take_is_no_take_until_confirmed(store: Store, tmp_path: Path) -> None:
    at = {"track": 0, "slot": 3}
    first = store.commit(TakeDraft("generate", "drums", notes=NOTES, live=at))
    pending = store.commit(TakeDraft("generate", "drums", notes=NOTES, live=at), pending=True)
    assert [t.take_id for t in store.takes()] == [first] and store.count() == 1
    with pytest.raises(TakeNotFound):
        store.get(pending)
    third = store.commit(TakeDraft("generate", "drums", notes=NOTES, varies=(0, 3)))
    assert store.get(third).parent_id == first  # a pending take is nobody's parent
    assert store.confirm_now(pending, {"track": 0, "slot": 3, "note_count": 2}, "said")
    take = store.get(pending)
    assert take.live == {"track": 0, "slot": 3, "note_count": 2} and take.message == "said"
    assert take.notes == tuple(NOTES) and store.count() == 3
    with pytest.raises(StoreError, match="not pending"):
        store.confirm(pending, {}, "")  # confirmed once only


def test_confirm_now_never_waits_for_another_writer(store: Store, tmp_path: Path) -> None:
    pending = store.commit(TakeDraft("generate", "bass", notes=NOTES), pending=True)
    other = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        assert store.confirm_now(pending, {"track": 1, "slot": 0}) is False
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.confirm(pending, {"track": 1, "slot": 0})  # what the daemon then does on the store thread
    assert store.get(pending).live == {"track": 1, "slot": 0}


def test_discard_removes_only_a_pending_take(store: Store, tmp_path: Path) -> None:
    kept = store.commit(TakeDraft("generate", "drums", notes=NOTES))
    gone = store.commit(TakeDraft("generate", "drums", notes=NOTES), pending=True)
    store.discard(gone)
    store.discard(kept)  # a confirmed take is never removed this way
    assert [r[0] for r in _rows(tmp_path / "h.db")] == [kept] and store.get(kept).notes == tuple(NOTES)
    with sqlite3.connect(tmp_path / "h.db") as con:
        assert con.execute("SELECT count(*) FROM outputs WHERE take_id = ?", (gone,)).fetchone() == (0,)


def test_a_write_live_refuses_leaves_no_take_and_no_pending_row(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 99, "bars", 1, "seed", 5)
        _, state, _, message = client.wait_final()
        assert state == "failed", message
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 1, "seed", 6)
        _, state, _, message = client.wait_final()
        assert state == "done", message
        (take_id,) = _take_ids(message)
        client.close()
        assert [t.take_id for t in store.takes()] == [take_id]
        # the failed write's pending row is removed in the background (never listed meanwhile)
        end = time.monotonic() + 10.0
        while len(_rows(tmp_path / "h.db")) > 1 and time.monotonic() < end:
            time.sleep(0.05)
    assert [(r[0], r[1]) for r in _rows(tmp_path / "h.db")] == [(take_id, 0)]
    assert store.get(take_id).live["slot"] == 0 and store.get(take_id).parent_id is None
    store.close()


def test_a_cancelled_job_records_the_parts_it_wrote(live: LiveHost, tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    with running_daemon(live_port=live.port, history=store) as daemon:
        app = daemon.app
        write_clip = app.live.write_clip

        async def cancel_once_the_first_part_is_written(*args: Any) -> Any:
            answer = await write_clip(*args)  # the real write into the in-memory Live
            app.jobs.cancel(max(app.jobs.jobs))  # as /roo/cancel would, right after Live answered
            return answer

        app.live.write_clip = cancel_once_the_first_part_is_written
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "all", "slot", 2, "bars", 1, "seed", 11)
        _, state, _, message = client.wait_final()
        client.close()
    assert state == "cancelled", message
    assert "1 take(s) written before the cancel kept in the history" in message, message
    (take_id,) = _take_ids(message)
    take = store.get(take_id)
    assert take.part == "drums" and "cancelled" in take.message
    held = [n[:4] for n in live.clip_notes(take.live["track"], take.live["slot"])]
    assert take.notes is not None and [tuple(n.values()) for n in take.notes] == held
    assert [r[0] for r in _rows(tmp_path / "h.db")] == [take_id]  # nothing pending left behind
    store.close()


def test_commit_now_writes_the_same_pending_take_or_says_it_cannot(store: Store, tmp_path: Path) -> None:
    draft = TakeDraft(
        "generate", "bass", params={"bars": 2}, seed=4, context={"key": "A minor"}, notes=NOTES, varies=(1, 0)
    )
    assert store.commit_now(draft) is None  # the project has no row id in this process yet
    first = store.commit(TakeDraft("generate", "bass", notes=NOTES, live={"track": 1, "slot": 0}))
    now = store.commit_now(draft)
    assert now is not None and [t.take_id for t in store.takes()] == [first]  # pending: no take yet
    other = sqlite3.connect(tmp_path / "h.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock: it never waits
    try:
        assert store.commit_now(draft) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    store.confirm_now(now, {"track": 1, "slot": 0}, "")
    take = store.get(now)
    assert take.parent_id == first and take.notes == tuple(NOTES) and take.live == {"track": 1, "slot": 0}
    assert (take.params, take.seed, take.context, take.part) == ({"bars": 2}, 4, {"key": "A minor"}, "bass")
    assert store.commit_now(TakeDraft("analyze", "", analysis={"tempo_bpm": 120.0})) is None  # not MIDI
    assert store.check() == []


def test_the_wal_is_checkpointed_after_many_takes_written_now(store: Store, tmp_path: Path) -> None:
    from bridge.history.pending import CHECKPOINT_EVERY

    store.commit(TakeDraft("generate", "drums", notes=NOTES))  # the project's row id is known from here
    wal = tmp_path / "h.db-wal"

    def many() -> None:
        for _ in range(CHECKPOINT_EVERY // 2):  # a commit and a confirm each
            take_id = store.commit_now(TakeDraft("generate", "drums", notes=NOTES))
            assert take_id is not None and store.confirm_now(take_id, {"track": 0, "slot": 0})

    many()
    assert store.needs_checkpoint()  # the non-waiting connection never checkpoints by itself
    logged, copied = store.checkpoint()
    assert logged > 0 and copied == logged and not store.needs_checkpoint()
    size = wal.stat().st_size
    many()
    store.checkpoint()
    assert wal.stat().st_size <= size  # the WAL started over after the checkpoint: it did not grow
    assert store.count() == 1 + CHECKPOINT_EVERY


def test_gc_removes_pending_takes_a_crash_left_behind(store: Store, tmp_path: Path) -> None:
    kept = store.commit(TakeDraft("generate", "drums", notes=NOTES))
    left = store.commit(TakeDraft("generate", "drums", notes=NOTES), pending=True)
    assert store.gc() == (0, 0) and [r[0] for r in _rows(tmp_path / "h.db")] == [kept, left]  # too young
    store.gc(now=time.time() + 2 * 24 * 3600)
    assert [r[0] for r in _rows(tmp_path / "h.db")] == [kept] and store.get(kept).notes == tuple(NOTES)
    with sqlite3.connect(tmp_path / "h.db") as con:
        assert con.execute("SELECT count(*) FROM outputs WHERE take_id = ?", (left,)).fetchone() == (0,)


def test_a_take_that_fails_to_record_after_its_write_still_ends_done_saying_so(
    live: LiveHost, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Any failure of the recording (here not a StoreError: the OverflowError a seed past SQLite's
    INTEGER once raised) ends the job done, NOT recorded with the reason: the clip is in Live."""
    import gc

    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)

    def overflow(*args: Any, **kwargs: Any) -> Any:
        raise OverflowError("Python int too large to convert to SQLite INTEGER")

    store.commit_now = overflow  # type: ignore[method-assign]
    store.commit = overflow  # type: ignore[method-assign]
    with running_daemon(live_port=live.port, history=store) as daemon:
        client = Client(daemon.port)
        client.send(protocol.GENERATE, "bass", "track", 1, "slot", 0, "bars", 1, "seed", 6)
        _, state, _, message = client.wait_final()
        client.close()
        gc.collect()  # a task whose exception nobody retrieved would be reported now
    assert state == "done", message
    assert "in track 2, scene 1" in message
    assert "NOT recorded in the take history: OverflowError: Python int too large" in message, message
    assert live.clip_notes(1, 0)
    assert "never retrieved" not in caplog.text
    store.close()
