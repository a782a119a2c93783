"""One take schema, checked on write (issue 30: takes have one schema; issue 31: seed 0..2^63-1):
a bad field is refused naming it, on the store thread's commit and on the SQLite fast path alike,
and nothing is written; a text signature stored by the old jam is repaired by migration 0004;
a take's parent is the take it varies (issue 36, blind spot 2); a full disk is reported as such
(issue 31 point 6)."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bridge.history import Store, TakeDraft, note_dict, open_store
from bridge.history.db import make_engine, migrate
from bridge.history.sqlite_now import NowWriter
from engines.errors import InvalidValue, StoreError

NOTES = [note_dict(36, 0.0, 0.25, 100), note_dict(43, 1.5, 0.5, 77)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    s.use_project("set")  # known in this process: commit_now (the fast path) can write
    yield s
    s.close()


def _rows(tmp_path: Path) -> int:
    with sqlite3.connect(tmp_path / "h.db") as con:
        return int(con.execute("SELECT count(*) FROM takes").fetchone()[0])


BAD: list[tuple[str, dict[str, Any]]] = [
    ("context.signature", {"context": {"signature": "4/4"}}),
    ("context.signature", {"context": {"signature": [4, 3]}}),
    ("context.signature", {"context": {"signature": [4.0, 4]}}),
    ("context.tempo_bpm", {"context": {"tempo_bpm": float("nan")}}),
    ("seed", {"seed": 2**63}),
    ("seed", {"seed": -1}),
    ("seed", {"seed": True}),
    ("part", {"part": ""}),
    ("part", {"part": "b\nass"}),
    ("action", {"action": "dance"}),
    ("versions.engine", {"versions": {"engine": "bass"}}),
    ("live.track", {"live": {"track": "1", "slot": 0}}),
    ("live.slot", {"live": {"track": 1, "slot": -2}}),
    ("live.length_beats", {"live": {"length_beats": float("inf")}}),
    ("notes[1].pitch", {"notes": [NOTES[0], note_dict(128, 0.0, 1.0, 90)]}),
    ("notes[0].length_beats", {"notes": [note_dict(60, 0.0, 0.0, 90)]}),
    (
        "notes[0].start_beats",
        {"notes": [{"pitch": 60, "start_beats": -1.0, "length_beats": 1, "velocity": 9}]},
    ),
    ("notes[0].velocity", {"notes": [{"pitch": 60, "start_beats": 0.0, "length_beats": 1, "velocity": 300}]}),
    ("parent_id", {"parent_id": "not hex!"}),
    ("params", {"params": {"bars": object()}}),
]


def _draft(**fields: Any) -> TakeDraft:
    base: dict[str, Any] = {
        "action": "generate",
        "part": "bass",
        "seed": 3,
        "context": {"tempo_bpm": 120.0, "signature": [4, 4], "key": "C major"},
        "versions": {"engine": "engines.generators:bass"},
        "notes": NOTES,
    }
    return TakeDraft(**(base | fields))


@pytest.mark.parametrize(("field", "bad"), BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_a_bad_field_is_refused_naming_it_and_nothing_is_written(
    store: Store, tmp_path: Path, field: str, bad: dict[str, Any]
) -> None:
    said = rf"take field {re.escape(field)} "
    with pytest.raises(InvalidValue, match=said):
        store.commit(_draft(**bad))
    if field == "action":  # the fast path leaves a take it does not know to the store thread
        assert store.commit_now(_draft(**bad)) is None
    else:
        with pytest.raises(InvalidValue, match=said):
            store.commit_now(_draft(**bad))  # the SQLite fast path goes through the same model
    assert _rows(tmp_path) == 0


def test_every_good_field_is_kept_and_the_largest_seed_fits(store: Store) -> None:
    live = {"track": 2, "slot": 0, "length_beats": 8.0, "note_count": 2}
    take_id = store.commit(_draft(seed=2**63 - 1, live=live))
    take = store.get(take_id)
    assert take.seed == 2**63 - 1 and take.context["signature"] == [4, 4] and take.live == live
    now = store.commit_now(_draft(seed=0))
    assert now is not None
    with pytest.raises(InvalidValue, match=r"live\.slot"):  # what Live answered is checked too
        store.confirm_now(now, {"track": 0, "slot": -1}, "")
    with pytest.raises(InvalidValue, match=r"live\.track"):  # on the store thread's way as well
        store.confirm(now, {"track": 1.5, "slot": 0}, "")


def test_a_take_varied_is_the_parent_not_the_newest_take_of_any_part(store: Store) -> None:
    """Blind spot 2 of issue 36, on the store thread's commit and on the SQLite fast path."""
    bass = store.commit(_draft(live={"track": 1, "slot": 0}))
    other_bass = store.commit(_draft(live={"track": 1, "slot": 1}))  # newer, another clip
    drums = store.commit(_draft(part="drums", live={"track": 1, "slot": 0}))  # newest of any part, same place
    vary = store.commit(_draft(varies=(1, 0)))
    assert store.get(vary).parent_id == bass
    fresh = store.commit(_draft())  # a new generate: a root, not a child of whatever came before
    assert store.get(fresh).parent_id is None
    fast = store.commit_now(_draft(varies=(1, 0)))
    assert fast is not None
    store.confirm_now(fast, {"track": 1, "slot": 2}, "")
    assert store.get(fast).parent_id == bass
    fast_fresh = store.commit_now(_draft())
    assert fast_fresh is not None
    store.confirm_now(fast_fresh, {"track": 1, "slot": 3}, "")
    assert store.get(fast_fresh).parent_id is None
    fork = store.commit_now(_draft(parent_id=other_bass))
    assert fork is not None
    store.confirm_now(fork, {"track": 1, "slot": 4}, "")
    assert store.get(fork).parent_id == other_bass
    assert drums not in {store.get(t).parent_id for t in (vary, fresh, fast, fast_fresh, fork)}


def test_a_full_disk_is_reported_as_such_not_as_a_failed_rollback(tmp_path: Path) -> None:
    """Issue 31 point 6: SQLite ends the transaction itself on SQLITE_FULL; the ROLLBACK after it
    failed with 'no transaction is active', which was what every message then said."""
    url = f"sqlite:///{tmp_path / 'h.db'}"
    store = open_store(url, tmp_path)
    store.use_project("set")
    store.commit(_draft())
    writer = NowWriter(make_engine(url))
    conn = writer._connection()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")  # this connection's disk is full
    big = [note_dict(40 + i % 40, i * 0.25, 0.25, 90) for i in range(4000)]
    for _ in range(2):  # the first failure and every one after it
        with pytest.raises(sqlite3.OperationalError, match="full"):
            writer.insert_pending("abcdef123456", 1, _draft(notes=big))
    writer.close()
    store._now._connection().execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(StoreError, match="full") as said:
        for _ in range(2):
            store.commit_now(_draft(notes=big))
    assert "rollback" not in str(said.value)
    event.listen(
        store.engine, "connect", lambda conn, _record: conn.execute(f"PRAGMA max_page_count={pages}")
    )
    store.engine.dispose()  # the store thread's connections: the same full disk
    for _ in range(2):
        with pytest.raises(StoreError, match="database or disk is full") as said:
            store.commit(_draft(notes=big))
        assert "rollback" not in str(said.value)
    store.close()


def test_migration_0004_repairs_text_signatures(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    engine = make_engine(f"sqlite:///{db}")
    migrate(engine, "0003")
    engine.dispose()
    con = sqlite3.connect(db)
    con.execute("INSERT INTO projects VALUES (1, 'jam set', 1.0, 1.0)")
    contexts = [
        '{"tempo_bpm": 100.0, "key": "A minor", "signature": "4/4"}',  # what `roo jam` wrote
        '{"signature": " 7 / 8 "}',
        '{"signature": "waltz"}',  # unreadable: dropped (export then says 4/4)
        '{"signature": [3, 4]}',  # already right: untouched
        "{}",
    ]
    for i, context in enumerate(contexts):
        con.execute(
            "INSERT INTO takes (take_id, project_id, action, part, params, context, versions, live, command,"
            " message, starred, created_at, pending) VALUES (?, 1, 'jam', 'bass', '{}', ?, '{}', '{}', '',"
            " '', 0, ?, 0)",
            (f"bbbbbb00000{i}", context, 10.0 + i),
        )
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{db}", tmp_path)
    got = [store.get(f"bbbbbb00000{i}").context for i in range(len(contexts))]
    assert got[0] == {"tempo_bpm": 100.0, "key": "A minor", "signature": [4, 4]}
    assert got[1] == {"signature": [7, 8]} and got[2] == {} and got[3] == {"signature": [3, 4]}
    assert got[4] == {}
    store.close()


def test_a_take_the_schema_refuses_is_refused_before_its_live_write_starts() -> None:
    """Issue 31 point 2: a seed of 2^64 wrote 17 notes into Live, then failed to record."""
    import asyncio

    from bridge.actions.takes import write_recorded

    started, begun = [], []

    class App:
        def begin_take(self, job: object, draft: TakeDraft) -> None:
            begun.append(draft)

    async def write() -> tuple[int, int, int]:
        started.append(True)
        return 0, 0, 2

    async def run() -> None:
        with pytest.raises(InvalidValue, match="take field seed 18446744073709551616"):
            await write_recorded(App(), object(), _draft(seed=2**64), write())  # type: ignore[arg-type]

    asyncio.run(run())
    assert started == [] and begun == []


def test_migration_0005_clears_the_staircase_parents_of_takes_stored_before_the_fix(tmp_path: Path) -> None:
    """Takes stored before parents meant relations (issue 30) keep only a variation's parent."""
    db = tmp_path / "h.db"
    engine = make_engine(f"sqlite:///{db}")
    migrate(engine, "0004")
    engine.dispose()
    before, after = 1795000000.0, 1796000000.0  # either side of the fix (2026-11-23 17:12 UTC)
    rows = [  # take_id, parent, part, command, created_at
        ("aaaa00000001", None, "drums", "", before),
        ("aaaa00000002", "aaaa00000001", "bass", "", before),  # staircase across parts: cleared
        ("aaaa00000003", "aaaa00000002", "bass", "", before),  # the part's newest take, no relation: cleared
        ("aaaa00000004", "aaaa00000003", "bass", "vary the bass", before),  # a variation of its part: kept
        ("aaaa00000005", "aaaa00000001", "bass", "make it busier", before),  # 'varies' another part: cleared
        ("aaaa00000006", "aaaa00000003", "bass", "", after),  # stored since the fix (a fork): kept
        ("aaaa00000007", "gone00000000", "bass", "", before),  # a parent no longer stored: cleared
        ("aaaa00000008", None, "bass", "", before),  # a jam's first phrase ...
        ("aaaa00000009", "aaaa00000008", "bass", "", before),  # ... and its next, filed under it: kept
    ]
    con = sqlite3.connect(db)
    con.execute("INSERT INTO projects VALUES (1, 'old set', 1.0, 1.0)")
    for take_id, parent, part, command, created in rows:
        con.execute(
            "INSERT INTO takes (take_id, project_id, parent_id, action, part, params, context, versions, live,"
            " command, message, starred, created_at, pending) VALUES (?, 1, ?, ?, ?, '{}', '{}', '{}',"
            " '{}', ?, '', 0, ?, 0)",
            (take_id, parent, "jam" if take_id >= "aaaa00000008" else "generate", part, command, created),
        )
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{db}", tmp_path)
    got = {take_id: store.get(take_id).parent_id for take_id, *_ in rows}
    store.close()
    assert got == {
        "aaaa00000001": None,
        "aaaa00000002": None,
        "aaaa00000003": None,
        "aaaa00000004": "aaaa00000003",
        "aaaa00000005": None,
        "aaaa00000006": "aaaa00000003",
        "aaaa00000007": None,
        "aaaa00000008": None,
        "aaaa00000009": "aaaa00000008",
    }
