"""The take a clip in Live came from, and the settings it was made with.

A clip is a take when the take history holds one written to its track and slot with exactly its
notes (the newest such among the last LOOK_BACK takes); a clip the producer made or changed is not.
Actions that start from a clip keep a take's key, genre and bars (``kept``) and read only a clip
that is not one (issue 47: a variation re-read its source and trusted the reading).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bridge.app import App
from engines.errors import InvalidValue, StoreError
from engines.music import Chord, Key, Note, parse_key

LOOK_BACK = 30  # takes searched for the one a clip came from
SONG_LOOK_BACK = 500  # where a song's takes may lie between (envelopes kept, arrangement clips)
Row = tuple[int, float, float, int]


def _row(pitch: int, start: float, length: float, velocity: int) -> Row:
    return int(pitch), round(float(start), 4), round(float(length), 4), int(velocity)


async def take_behind(
    app: App, track: int, slot: int, notes: Sequence[Note] | None = None, *, look_back: int = LOOK_BACK
) -> Any | None:
    """The stored take the clip at track/slot came from (holding ``notes`` when given), or None;
    among the newest ``look_back`` takes."""
    if app.history is None:
        return None
    want = (
        None
        if notes is None
        else sorted(_row(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in notes)
    )
    try:
        return await app.in_history(_find, app, track, slot, want, None, look_back)
    except StoreError:
        return None


async def take_behind_at(
    app: App, track: int, start_beats: float, notes: Sequence[Note], *, look_back: int = SONG_LOOK_BACK
) -> Any | None:
    """The stored take the arrangement clip starting at ``start_beats`` on ``track`` came from (holding
    ``notes``), or None; among the newest ``look_back`` takes (a song laid along the Arrangement
    makes a take per part and section)."""
    if app.history is None:
        return None
    want = sorted(_row(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in notes)
    try:
        return await app.in_history(_find, app, track, None, want, float(start_beats), look_back)
    except StoreError:
        return None


def _landed(live: dict[str, Any], track: int, slot: int | None, at: float | None) -> bool:
    if live.get("track") != track:
        return False
    if at is None:
        return live.get("slot") == slot
    held = live.get("start_beats")
    return "slot" not in live and isinstance(held, (int, float)) and abs(float(held) - at) < 1e-6


def _find(
    app: App, track: int, slot: int | None, want: list[Row] | None, at: float | None, look_back: int
) -> Any | None:
    for summary in app.history.takes(limit=look_back, set_id=app.set_id):  # a clip is this Set's take
        if not _landed(summary.live, track, slot, at):
            continue  # the list holds where each landed: only a take written here is read whole
        take = app.history.get(summary.take_id)
        if take.notes is None:
            continue
        if want is None or want == sorted(
            _row(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in take.notes
        ):
            return take
    return None


def kept(take: Any) -> dict[str, Any]:
    """What an action starting from ``take`` keeps unless the request changes it: key, genre, bars."""
    genre = take.params.get("genre") or take.context.get("genre")
    values = {
        "key": take.context.get("key"),
        "genre": genre,
        "bars": take.params.get("bars") or take.context.get("bars"),
    }
    return {name: value for name, value in values.items() if value is not None}


def said(take: Any) -> str:
    """The done message's note: what was kept, from which take."""
    return f"kept {take.context.get('key', 'its key')} from take {take.take_id[:6]}"


def harmony(take: Any) -> tuple[Key, tuple[Chord, ...]] | None:
    """The key and chords ``take`` was made over (its stored context), for a part that follows it;
    None when the take does not say (a drum take, or a key the store holds in a form not read)."""
    try:
        key = parse_key(str(take.context["key"]))
        chords = tuple(_chord(c) for c in take.context.get("chords") or ())
    except (KeyError, TypeError, ValueError, InvalidValue):
        return None
    return key, chords


def _chord(stored: dict[str, Any]) -> Chord:
    root, quality = str(stored["label"]).split(":", 1)
    return Chord(
        float(stored["start_beats"]), float(stored["duration_beats"]), parse_key(root).tonic, quality
    )
