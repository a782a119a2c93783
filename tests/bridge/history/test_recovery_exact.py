"""Start-up reconciliation value by value (issue 36: bridge/history's mutation score): where a
pending take is looked for and in which order, what makes Live's clip the take's, each count, the
recovered take's exact ``live`` and message, what is logged, what is kept for `roo doctor`, and the
daemon lock that tells a daemon whether it is alone.

``reconcile`` and ``at_start`` run here on a real SQLite store with Live's clips given as a table
(test_recovery.py drives the same through a daemon and the simulated Live)."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bridge.history import Store, TakeDraft, note_dict, open_store, recovery
from bridge.history.pending import NoteRow, PendingTake
from bridge.history.recovery import Counts, candidates, same_notes
from bridge.setup import doctor
from engines.errors import LiveUnreachable, RooError

A = [note_dict(36, 0.0, 0.5, 100), note_dict(43, 1.0, 0.5, 90)]
B = [note_dict(48, 0.0, 1.0, 80)]
SAID = "recovered at start-up: its clip was found in Live after the daemon stopped during its write"
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def rows(notes: list[dict[str, Any]]) -> list[NoteRow]:
    return [(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in notes]


def pending(params: dict[str, Any] | None = None, live: dict[str, Any] | None = None) -> PendingTake:
    return PendingTake("abc", "generate", "bass", params or {}, live or {}, "", 0.0, rows(A))


# --- same_notes ---------------------------------------------------------------------------------


def test_the_same_notes_in_another_order_are_the_same_clip() -> None:
    chord = [(60, 0.0, 1.0, 90), (64, 0.0, 1.0, 91), (67, 0.0, 1.0, 92), (48, 1.0, 0.5, 70)]
    assert same_notes(chord, list(reversed(chord)))
    assert same_notes(list(reversed(chord)), chord)
    assert same_notes([], [])


def test_beats_within_the_tolerance_are_the_same_and_beyond_it_are_not() -> None:
    tol = recovery.BEAT_TOLERANCE
    assert tol == 1e-6
    assert same_notes([(60, 0.0, 1e-6, 90)], [(60, 1e-6, 2e-6, 90)])  # both exactly the tolerance off
    assert not same_notes([(60, 0.0, 1.0, 90)], [(60, 3e-6, 1.0, 90)])
    assert not same_notes([(60, 0.0, 1.0, 90)], [(60, 0.0, 1.0 + 3e-6, 90)])


@pytest.mark.parametrize(
    "other",
    [
        [(61, 0.0, 1.0, 90)],  # pitch
        [(60, 0.0, 1.0, 91)],  # velocity
        [(60, 0.5, 1.0, 90)],  # start
        [(60, 0.0, 2.0, 90)],  # length
        [(61, 0.0, 1.0, 91)],  # pitch and velocity, beats the same
        [(60, 0.5, 2.0, 90)],  # both beats, pitch and velocity the same
        [(60, 0.0, 1.0, 90), (60, 0.0, 1.0, 90)],  # one note more
        [],
    ],
)
def test_a_clip_differing_in_any_field_or_count_is_another_clip(other: list[NoteRow]) -> None:
    assert not same_notes([(60, 0.0, 1.0, 90)], other)
    assert not same_notes(other, [(60, 0.0, 1.0, 90)])


# --- candidates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "live", "shape", "expected"),
    [
        # the slot Live answered, then those below it on its track
        ({"track": 0, "slot": 0}, {"track": 2, "slot": 1}, (3, 4), [(2, 1), (2, 2), (2, 3)]),
        # what was asked for when Live never answered
        ({"track": 1, "slot": 2}, {}, (3, 4), [(1, 2), (1, 3)]),
        ({"track": 1}, {}, (3, 2), [(1, 0), (1, 1)]),
        # a transform's: where its source clip is
        ({"source": {"track": 0, "slot": 1}}, {}, (2, 3), [(0, 1), (0, 2)]),
        ({"source": {"track": 1}}, {}, (2, 2), [(1, 0), (1, 1)]),
        # nowhere given (the selection picked it), or out of the session: every slot of every track
        ({}, {}, (2, 2), [(0, 0), (0, 1), (1, 0), (1, 1)]),
        ({"source": "clip"}, {}, (2, 1), [(0, 0), (1, 0)]),
        ({"track": 2, "slot": 2}, {}, (2, 2), [(0, 0), (0, 1), (1, 0), (1, 1)]),
        ({"track": 0, "slot": 5}, {}, (2, 2), [(0, 0), (0, 1)]),
        ({"track": -1, "slot": -1}, {}, (2, 1), [(0, 0), (1, 0)]),
        ({"track": "1", "slot": True}, {}, (2, 2), [(0, 0), (0, 1), (1, 0), (1, 1)]),
        # a replace writes into its slot and nowhere else
        ({"track": 0, "slot": 0, "replace": 1}, {}, (3, 3), [(0, 0)]),
        ({"replace": True}, {"track": 1, "slot": 2}, (3, 3), [(1, 2)]),
        ({"track": 0, "replace": 1}, {}, (1, 2), [(0, 0), (0, 1)]),  # no slot: looked for as usual
        ({"track": 0, "slot": 0, "replace": 0}, {}, (1, 2), [(0, 0), (0, 1)]),
    ],
)
def test_a_pending_take_is_looked_for_where_its_write_could_have_landed_likeliest_first(
    params: dict[str, Any], live: dict[str, Any], shape: tuple[int, int], expected: list[tuple[int, int]]
) -> None:
    assert list(candidates(pending(params, live), *shape)) == expected


# --- reconcile ----------------------------------------------------------------------------------


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'h.db'}", tmp_path)
    yield s
    s.close()


async def in_store(fn: Any, *args: Any) -> Any:
    return fn(*args)


class Live:
    """Live's session clips as a table; every slot read is counted."""

    def __init__(self, clips: dict[tuple[int, int], list[dict[str, Any]]]) -> None:
        self.clips = {where: rows(notes) for where, notes in clips.items()}
        self.asked: list[tuple[int, int]] = []

    async def read(self, track: int, slot: int) -> list[NoteRow] | None:
        self.asked.append((track, slot))
        return self.clips.get((track, slot))


def _pending(store: Store, notes: list[dict[str, Any]] | None, message: str = "", **params: Any) -> str:
    return store.commit(
        TakeDraft("generate", "bass", params=params, notes=notes, message=message), pending=True
    )


def _reconcile(store: Store, live: Live, shape: tuple[int, int] = (2, 3)) -> Counts:
    return asyncio.run(recovery.reconcile(in_store, store, live.read, shape, time.time() + 1))


def test_nothing_pending_is_counted_as_nothing_and_live_is_not_asked(sqlite_store: Store) -> None:
    live = Live({(0, 0): A})
    start = recovery.iso(time.time())
    counts = _reconcile(sqlite_store, live)
    assert (counts.recovered, counts.dropped, counts.left) == (0, 0, 0)
    assert ISO.match(counts.at) and start <= counts.at <= recovery.iso(time.time())
    assert live.asked == []


def test_a_recovered_take_says_where_live_holds_it_and_why_it_is_a_take(sqlite_store: Store) -> None:
    said_before = _pending(sqlite_store, A, "bass, 2 bars", track=1, slot=0)
    said_nothing = _pending(sqlite_store, B, track=1, slot=0)
    start = recovery.iso(time.time())
    counts = _reconcile(sqlite_store, Live({(1, 0): A, (1, 2): B}))
    assert (counts.recovered, counts.dropped, counts.left) == (2, 0, 0)
    assert ISO.match(counts.at) and start <= counts.at <= recovery.iso(time.time())
    first, second = sqlite_store.get(said_before), sqlite_store.get(said_nothing)
    assert first.live == {"track": 1, "slot": 0, "note_count": 2, "recovered": True}
    assert first.message == f"bass, 2 bars; {SAID}"
    assert second.live == {"track": 1, "slot": 2, "note_count": 1, "recovered": True}
    assert second.message == SAID
    assert {t.take_id for t in sqlite_store.takes()} == {said_nothing, said_before}


def test_every_pending_take_is_counted_once_whatever_came_before_it(sqlite_store: Store) -> None:
    """Left pending (no notes; an arrangement clip), dropped and recovered, in every order: each
    take is reconciled, not only those before the first of a kind."""
    no_notes = _pending(sqlite_store, None, track=0, slot=0)
    lost = _pending(sqlite_store, B, track=0, slot=0)
    found = _pending(sqlite_store, A, track=0, slot=0)
    arrangement = _pending(sqlite_store, A, track=0, arrangement=True)
    lost_too = _pending(sqlite_store, B, track=1, slot=0)
    found_too = _pending(sqlite_store, A, track=0, slot=1)
    live = Live({(0, 0): A, (0, 1): A})
    counts = _reconcile(sqlite_store, live)
    assert (counts.recovered, counts.dropped, counts.left) == (2, 2, 2)
    assert counts.summary() == "2 recovered, 2 dropped, 2 left pending (no notes to compare)"
    assert {t.take_id for t in sqlite_store.takes()} == {found, found_too}
    assert sqlite_store.get(found).live["slot"] == 0 and sqlite_store.get(found_too).live["slot"] == 1
    still = {t.take_id for t in sqlite_store.pending_takes(time.time() + 1)}
    assert still == {no_notes, arrangement}  # kept for `roo history gc`
    assert lost not in still and lost_too not in still
    assert sorted(set(live.asked)) == sorted(live.asked)  # each slot read once


def test_twins_are_found_in_two_clips_not_both_in_the_first(sqlite_store: Store) -> None:
    """Two pending takes with the same notes (the same seed twice): the first claims the slot it
    aimed at, the second, which landed below it, is looked for past that claimed slot."""
    first = _pending(sqlite_store, A, track=0, slot=0)
    second = _pending(sqlite_store, A, track=0, slot=0)
    counts = _reconcile(sqlite_store, Live({(0, 0): A, (0, 1): A}))
    assert (counts.recovered, counts.dropped) == (2, 0)
    assert sqlite_store.get(first).live["slot"] == 0 and sqlite_store.get(second).live["slot"] == 1


def test_twins_and_one_clip_make_one_take(sqlite_store: Store) -> None:
    first = _pending(sqlite_store, A, track=0, slot=0)
    second = _pending(sqlite_store, A, track=0, slot=0)
    counts = _reconcile(sqlite_store, Live({(0, 0): A}))
    assert (counts.recovered, counts.dropped) == (1, 1)
    assert [t.take_id for t in sqlite_store.takes()] == [first] and second not in {
        t.take_id for t in sqlite_store.pending_takes(time.time() + 1)
    }


def test_a_clip_a_confirmed_take_holds_is_passed_over_for_the_next_one(sqlite_store: Store) -> None:
    """The confirmed take at (0, 0) explains Live's clip there; the pending twin's write landed in
    the slot below (Live puts a clip there when the slot is full)."""
    confirmed = sqlite_store.commit(TakeDraft("generate", "bass", live={"track": 0, "slot": 0}, notes=A))
    twin = _pending(sqlite_store, A, track=0, slot=0)
    counts = _reconcile(sqlite_store, Live({(0, 0): A, (0, 1): A}))
    assert (counts.recovered, counts.dropped) == (1, 0)
    assert sqlite_store.get(twin).live == {"track": 0, "slot": 1, "note_count": 2, "recovered": True}
    assert sqlite_store.get(confirmed).live == {"track": 0, "slot": 0}


def test_a_slot_whose_taken_clip_was_replaced_is_the_pending_takes(sqlite_store: Store) -> None:
    """The confirmed take at (0, 0) holds other notes than Live's clip there now: the pending
    replace that wrote those notes is found in that slot."""
    sqlite_store.commit(TakeDraft("generate", "bass", live={"track": 0, "slot": 0}, notes=B))
    replace = _pending(sqlite_store, A, track=0, slot=0, replace=1)
    counts = _reconcile(sqlite_store, Live({(0, 0): A}))
    assert (counts.recovered, counts.dropped) == (1, 0)
    assert sqlite_store.get(replace).live == {"track": 0, "slot": 0, "note_count": 2, "recovered": True}


# --- at_start: the wait, the log and the counts kept for `roo doctor` ----------------------------


class Slept:
    def __init__(self) -> None:
        self.asked: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.asked.append(delay)


class OtherDatabase:
    """The store as seen through a database that is no SQLite file (another daemon may write)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.engine = SimpleNamespace(dialect=SimpleNamespace(name="postgresql"))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def _at_start(
    store: Any, before: float, alone: bool, monkeypatch: pytest.MonkeyPatch
) -> tuple[Counts, Slept]:
    slept = Slept()
    with monkeypatch.context() as patched:
        patched.setattr(asyncio, "sleep", slept)
        counts = asyncio.run(recovery.at_start(in_store, store, Live({}).read, (1, 1), before, alone))
    return counts, slept


def test_alone_on_a_sqlite_file_it_reconciles_at_once(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, slept = _at_start(sqlite_store, time.time(), True, monkeypatch)
    assert slept.asked == []


@pytest.mark.parametrize("shared", ["another-daemon", "no-sqlite-file", "both"])
def test_when_another_daemon_may_be_writing_it_waits_the_grace_after_its_start(
    sqlite_store: Store, monkeypatch: pytest.MonkeyPatch, shared: str
) -> None:
    store = sqlite_store if shared == "another-daemon" else OtherDatabase(sqlite_store)
    alone = shared == "no-sqlite-file"
    before = time.time()
    _, slept = _at_start(store, before, alone, monkeypatch)
    (delay,) = slept.asked
    assert recovery.GRACE_S == 30.0
    assert before + 30.0 - time.time() <= delay <= 30.0  # until the grace after its start is over


def test_a_grace_already_over_is_no_wait(sqlite_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    _, slept = _at_start(sqlite_store, time.time() - 31.0, False, monkeypatch)
    assert slept.asked == [0.0]


def test_the_counts_are_logged_and_kept_for_roo_doctor(
    sqlite_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    _pending(sqlite_store, None, track=0, slot=0)
    _pending(sqlite_store, B, track=0, slot=0)
    caplog.set_level(logging.INFO, logger="bridge.history.recovery")
    counts, _ = _at_start(sqlite_store, time.time() + 1, True, monkeypatch)
    assert (counts.recovered, counts.dropped, counts.left) == (0, 1, 1)
    logged = [r.getMessage() for r in caplog.records if r.name == "bridge.history.recovery"]
    assert logged == [
        "pending takes reconciled with Live: 0 recovered, 1 dropped, 1 left pending (no notes to compare)"
    ]
    kept = json.loads((tmp_path / "recovery.json").read_text(encoding="utf-8"))
    assert kept == {"at": counts.at, "recovered": 0, "dropped": 1, "left": 1}
    monkeypatch.setenv("MUSEAROO_DATA_DIR", str(tmp_path))
    check = doctor.recovery_check()
    assert (check.name, check.ok) == ("pending takes at start", True)
    assert check.detail == (
        f"last reconciled with Live {counts.at}: 0 recovered, 1 dropped, 1 left pending (no notes to compare)"
    )


def test_a_start_with_nothing_left_pending_says_only_what_was_recovered_and_dropped() -> None:
    assert Counts("2026-11-23T17:00:00.000Z", 3, 1).summary() == "3 recovered, 1 dropped"
    assert Counts("2026-11-23T17:00:00.000Z").summary() == "0 recovered, 0 dropped"
    assert Counts("t", 0, 0, 1).summary() == "0 recovered, 0 dropped, 1 left pending (no notes to compare)"


def test_the_counts_are_kept_whole_in_a_folder_made_for_them(tmp_path: Path) -> None:
    root = tmp_path / "data" / "roo"  # neither exists yet
    recovery.save(root, Counts("2026-11-23T17:00:00.000Z", 98, 2, 5))
    assert sorted(p.name for p in root.iterdir()) == ["recovery.json"]  # no part file left behind
    assert json.loads((root / "recovery.json").read_text(encoding="utf-8")) == {
        "at": "2026-11-23T17:00:00.000Z",
        "recovered": 98,
        "dropped": 2,
        "left": 5,
    }
    assert recovery.load(root) == Counts("2026-11-23T17:00:00.000Z", 98, 2, 5)


def test_counts_that_cannot_be_kept_are_a_warning_naming_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "a file"
    root.write_text("not a folder")
    caplog.set_level(logging.WARNING, logger="bridge.history.recovery")
    recovery.save(root, Counts("t", 1, 0))  # no exception: the start goes on
    (record,) = [r for r in caplog.records if r.name == "bridge.history.recovery"]
    said = record.getMessage()
    assert said.startswith(f"could not keep the recovery counts in {root / 'recovery.json'}: ")
    assert "File exists" in said or "Not a directory" in said, said


def test_counts_kept_before_left_pending_was_counted_read_as_none_left(tmp_path: Path) -> None:
    (tmp_path / "recovery.json").write_text(
        '{"at": "2026-11-01T09:00:00.000Z", "recovered": 4, "dropped": 1}'
    )
    assert recovery.load(tmp_path) == Counts("2026-11-01T09:00:00.000Z", 4, 1, 0)


@pytest.mark.parametrize(
    "text",
    [None, "", "{", '{"at": "x", "recovered": 1}', '{"at": "x", "recovered": "one", "dropped": 0}', "[]"],
    ids=["no-file", "empty", "cut-short", "no-dropped", "not-a-count", "a-list"],
)
def test_no_counts_or_unreadable_counts_are_none(tmp_path: Path, text: str | None) -> None:
    if text is not None:
        (tmp_path / "recovery.json").write_text(text)
    assert recovery.load(tmp_path) is None


# --- clip_reader --------------------------------------------------------------------------------


class FakeLive:
    """What clip_reader uses of a LiveClient: the slots Live pushed ('1' full, '0' empty per slot)
    and clip_read."""

    def __init__(self, slots: dict[int, str], answers: dict[tuple[int, int], Any]) -> None:
        self.slots = slots
        self.answers = answers
        self.asked: list[tuple[int, int]] = []

    async def clip_read(self, track: int, slot: int) -> Any:
        self.asked.append((track, slot))
        answer = self.answers[(track, slot)]
        if isinstance(answer, Exception):
            raise answer
        return answer


def _reading(notes: list[tuple[int, float, float, int]], audio: int = 0) -> Any:
    return SimpleNamespace(
        info=SimpleNamespace(is_audio_clip=audio),
        notes=[SimpleNamespace(pitch=p, start_beats=s, duration_beats=d, velocity=v) for p, s, d, v in notes],
    )


def test_the_clip_reader_gives_a_midi_clips_notes_as_rows_and_none_for_anything_else() -> None:
    live = FakeLive(
        {0: "101", 1: "1"},
        {
            (0, 0): _reading([(60, 0.0, 0.5, 90), (62, 0.5, 0.25, 80)]),
            (0, 2): _reading([(1, 0.0, 1.0, 1)], audio=1),
            (1, 1): RooError("no clip in slot 1"),  # past what Live pushed: asked all the same
            (2, 0): _reading([(40, 1.0, 1.0, 100)]),  # a track Live pushed nothing for
        },
    )
    read = recovery.clip_reader(live)

    async def all_of_them() -> list[Any]:
        return [await read(0, 0), await read(0, 1), await read(0, 2), await read(1, 1), await read(2, 0)]

    got = asyncio.run(all_of_them())
    assert got == [[(60, 0.0, 0.5, 90), (62, 0.5, 0.25, 80)], None, None, None, [(40, 1.0, 1.0, 100)]]
    assert live.asked == [(0, 0), (0, 2), (1, 1), (2, 0)]  # the slot pushed empty is not asked about


def test_the_clip_reader_lets_an_unreachable_live_through() -> None:
    read = recovery.clip_reader(FakeLive({}, {(0, 0): LiveUnreachable("Live did not answer")}))

    async def once() -> Any:
        return await read(0, 0)

    with pytest.raises(LiveUnreachable, match="Live did not answer"):
        asyncio.run(once())


# --- Presence -----------------------------------------------------------------------------------


def test_the_first_daemon_on_a_data_folder_is_alone_the_next_is_not(tmp_path: Path) -> None:
    root = tmp_path / "new" / "data"  # made for the lock
    first = recovery.Presence(root)
    assert first.alone is True and (root / recovery.LOCK_FILE).exists()
    second = recovery.Presence(root)
    assert second.alone is False
    first.close()
    second.close()
    third = recovery.Presence(root)
    assert third.alone is True  # the others let go
    third.close()
    third.close()  # twice is harmless (the daemon closes on every stop)


def test_no_lock_is_a_warning_and_not_alone(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    root = blocker / "data"  # cannot be made: its parent is a file
    caplog.set_level(logging.WARNING, logger="bridge.history.recovery")
    presence = recovery.Presence(root)
    assert presence.alone is False
    (record,) = [r for r in caplog.records if r.name == "bridge.history.recovery"]
    said = record.getMessage()
    assert said.startswith(f"no daemon lock in {root}: ") and "Not a directory" in said, said
    presence.close()  # nothing to let go of


def test_only_the_open_sets_pending_takes_are_looked_for_in_it(sqlite_store: Store) -> None:
    """Issue 57: a pending take of another Set is not dropped for a slot of this Set that lacks its
    clip, nor claims a clip here; it waits for its own Set."""
    elsewhere = sqlite_store.commit(
        TakeDraft("generate", "bass", params={"track": 1, "slot": 0}, notes=A, set_id="morning"), pending=True
    )
    here = sqlite_store.commit(
        TakeDraft("generate", "bass", params={"track": 1, "slot": 0}, notes=B, set_id="evening"), pending=True
    )
    live = Live({(1, 0): B})  # the evening Set is open: its clip is there, the morning's is not
    counts = asyncio.run(
        recovery.reconcile(in_store, sqlite_store, live.read, (2, 3), time.time() + 1, "evening")
    )
    assert (counts.recovered, counts.dropped, counts.left) == (1, 0, 0)
    assert sqlite_store.get(here).live["recovered"] is True
    assert [t.take_id for t in sqlite_store.pending_takes(time.time() + 1)] == [elsewhere]  # still pending
    counts = asyncio.run(
        recovery.reconcile(in_store, sqlite_store, Live({}).read, (2, 3), time.time() + 1, "morning")
    )
    assert (counts.recovered, counts.dropped) == (0, 1)  # in its own Set, without its clip: dropped
