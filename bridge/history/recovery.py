"""Pending takes reconciled with Live when the daemon starts: every clip that landed is a take.

A take is written pending while its Live write is in flight and confirmed once Live answered
(``bridge.history.pending``). A daemon killed in between leaves it pending: its clip may be in
Live or not. Once Live first answers after a start, each pending take of the current project made
before the start in the Set open in Live (issue 57: another Set's slots are other clips) is looked
for in Live, note for note, where its write could have put it (the slot
it aimed at and those below it, where Live puts a clip when the slot is full; every slot when the
selection picked it): found, it becomes a take marked recovered (its ``live`` says where, with
``"recovered": true``, and its message says so); not found, it is dropped. A slot another take
already explains (the newest take there holds the same notes) is not claimed twice. The counts are
logged and kept in ``<data folder>/recovery.json`` for `roo doctor`.

When another daemon uses the same data folder (its lock, ``Presence``, is held) or the database is
not a SQLite file, its writes may still be in flight: reconciliation then waits ``GRACE_S``.
A pending take with no notes (an arrangement clip, audio) cannot be compared: it is left pending
(`roo history gc` removes it after a day) and counted as such.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from bridge.history.pending import NoteRow, PendingTake
from bridge.history.takes import iso
from engines.errors import LiveUnreachable, RooError

log = logging.getLogger(__name__)
T = TypeVar("T")
STATE_FILE = "recovery.json"
LOCK_FILE = "daemons.lock"
GRACE_S = 30.0  # another daemon's write in flight is answered (or given up) well within this
BEAT_TOLERANCE = 1e-6  # Live stores beats as doubles: the notes come back as they were written

ReadClip = Callable[[int, int], Awaitable[list[NoteRow] | None]]  # a slot's MIDI notes; None: no MIDI clip
InStore = Callable[..., Awaitable[Any]]  # runs a blocking store call off the loop: (fn, *args)


@dataclass(frozen=True, slots=True)
class Counts:
    """One reconciliation: takes recovered, dropped, and left pending (nothing to compare)."""

    at: str  # ISO 8601 UTC
    recovered: int = 0
    dropped: int = 0
    left: int = 0

    def summary(self) -> str:
        left = f", {self.left} left pending (no notes to compare)" if self.left else ""
        return f"{self.recovered} recovered, {self.dropped} dropped{left}"


def same_notes(held: list[NoteRow], wrote: list[NoteRow]) -> bool:
    """Note for note (both by start, then pitch), beats within BEAT_TOLERANCE."""
    if len(held) != len(wrote):
        return False
    order = sorted(held, key=lambda n: (n[1], n[0])), sorted(wrote, key=lambda n: (n[1], n[0]))
    return all(
        a[0] == b[0]
        and a[3] == b[3]
        and abs(a[1] - b[1]) <= BEAT_TOLERANCE
        and abs(a[2] - b[2]) <= BEAT_TOLERANCE
        for a, b in zip(*order, strict=True)
    )


def _index(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def candidates(take: PendingTake, tracks: int, scenes: int) -> Iterator[tuple[int, int]]:
    """Where the take's write could have landed, the likeliest first: its aimed slot and those below
    it on its track (a transform's: its source clip's), or every slot of every track when the
    selection picked them."""
    given = take.params.get("source")
    source: dict[str, Any] = given if isinstance(given, dict) else {}
    track = _index(take.live.get("track", take.params.get("track", source.get("track", -1))))
    slot = _index(take.live.get("slot", take.params.get("slot", source.get("slot", -1))))
    if bool(take.params.get("replace")) and track >= 0 and slot >= 0:
        yield track, slot
        return
    for t in [track] if 0 <= track < tracks else range(tracks):
        for s in range(slot if 0 <= slot < scenes else 0, scenes):
            yield t, s


async def reconcile(
    in_store: InStore,
    store: Any,
    read: ReadClip,
    shape: tuple[int, int],
    before: float,
    set_id: str | None = None,
) -> Counts:
    """Reconcile ``store``'s pending takes made before ``before`` (Unix s) with Live (``read``),
    whose session has ``shape`` (tracks, scenes). ``set_id``: the Set open in Live (not None: only its
    pending takes are looked for there; another Set's wait for theirs). A Live that stops answering
    raises (LiveError): nothing is dropped then, and what was recovered stays recovered."""
    pending: list[PendingTake] = await in_store(store.pending_takes, before, set_id)
    if not pending:
        return Counts(iso(time.time()))
    placed: dict[tuple[int, int], str] = await in_store(store.placed, set_id)
    held: dict[tuple[int, int], list[NoteRow] | None] = {}  # each slot read once
    claimed: set[tuple[int, int]] = set()
    recovered = dropped = left = 0
    for take in pending:
        if take.notes is None or take.params.get("arrangement"):
            left += 1
            continue
        found = None
        for where in candidates(take, *shape):
            if where in claimed:
                continue
            if where not in held:
                held[where] = await read(*where)
            notes = held[where]
            if notes is None or not same_notes(notes, take.notes):
                continue
            holder = placed.get(where)
            if holder is not None and same_notes(await in_store(store.midi_notes, holder) or [], take.notes):
                continue  # that clip is already another take's
            found = where
            break
        if found is None:
            await in_store(store.discard, take.take_id)
            dropped += 1
            continue
        claimed.add(found)
        live = {"track": found[0], "slot": found[1], "note_count": len(take.notes), "recovered": True}
        said = "recovered at start-up: its clip was found in Live after the daemon stopped during its write"
        message = f"{take.message}; {said}" if take.message else said
        if await in_store(store.recover, take.take_id, live, message):
            recovered += 1
    return Counts(iso(time.time()), recovered, dropped, left)


def save(root: Path, counts: Counts) -> None:
    """Keep the counts for `roo doctor` (written whole, then renamed into place)."""
    path = root / STATE_FILE
    try:
        root.mkdir(parents=True, exist_ok=True)
        part = path.with_suffix(".tmp")
        part.write_text(json.dumps(asdict(counts)), encoding="utf-8")
        os.replace(part, path)
    except OSError as exc:
        log.warning("could not keep the recovery counts in %s: %s", path, exc)


def load(root: Path) -> Counts | None:
    """The counts the last start kept; None when none were (or the file is unreadable)."""
    try:
        raw = json.loads((root / STATE_FILE).read_text(encoding="utf-8"))
        return Counts(str(raw["at"]), int(raw["recovered"]), int(raw["dropped"]), int(raw.get("left", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def clip_reader(live: Any) -> ReadClip:
    """``ReadClip`` over a ``bridge.live.LiveClient``: a slot Live pushed empty is not asked about;
    an empty slot, an audio clip or no such slot is None; LiveUnreachable goes through (nothing is
    dropped while Live does not answer)."""

    async def read(track: int, slot: int) -> list[NoteRow] | None:
        fill = live.slots.get(track, "")
        if slot < len(fill) and fill[slot] == "0":
            return None
        try:
            reading = await live.clip_read(track, slot)
        except LiveUnreachable:
            raise
        except RooError:  # an empty slot (Live answers that as an error), or none there
            return None
        if reading.info.is_audio_clip:
            return None
        return [(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in reading.notes]

    return read


class Presence:
    """A daemon's shared lock on its data folder, so the next one to start knows whether it is alone
    (a daemon killed with -9 lets go of it with its process)."""

    def __init__(self, root: Path) -> None:
        self.alone = False
        self._file: Any = None
        try:
            import fcntl
        except ImportError:  # no flock (Windows): assume another daemon may be writing
            return
        try:
            root.mkdir(parents=True, exist_ok=True)
            self._file = open(root / LOCK_FILE, "a+b")
        except OSError as exc:
            log.warning("no daemon lock in %s: %s", root, exc)
            return
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            self.alone = True
        except OSError:
            self.alone = False  # another daemon holds it
        fcntl.flock(self._file, fcntl.LOCK_SH)  # held while this daemon runs

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


async def at_start(
    in_store: InStore,
    store: Any,
    read: ReadClip,
    shape: tuple[int, int],
    before: float,
    alone: bool,
    set_id: str | None = None,
) -> Counts:
    """Wait when another daemon may be writing, reconcile, then log and keep the counts."""
    import asyncio

    sqlite = store.engine.dialect.name == "sqlite"
    if not (alone and sqlite):
        await asyncio.sleep(max(0.0, before + GRACE_S - time.time()))
    counts = await reconcile(in_store, store, read, shape, before, set_id)
    log.info("pending takes reconciled with Live: %s", counts.summary())
    save(store.root, counts)
    return counts
