"""Takes marked undone: a slot Live pushes empty had its take taken back (Live's undo); a slot that
fills again with that take's very notes (Live's redo) clears the mark.

Live pushes each slot that filled or emptied (``LiveClient.on_slot``). The take of an emptied slot
is the newest take written there that is not marked yet; a filled slot is read once and the newest
marked take written there with exactly its notes is cleared. A take whose clip was deleted by hand
is marked the same way (its clip left its slot); a store or Live that does not answer leaves the
marks as they were and is logged. Only the open Set's takes are read: another Set's slot of the same
number is another clip (those takes are listed "in another Set", never marked).

Arrangement takes (track and start beat): Live pushes a track whose arrangement clips changed (slot
-1). Its clips are read; for each start beat where takes were written, the newest take whose notes
the clip there holds is current and every newer one there is marked undone (an undone change over a
section brings the clip before it back at the same start); no clip there marks every take there
(an undone Arrangement generate, or a clip deleted or cut from its start by hand). A clip whose notes no take holds (changed by hand)
leaves the marks as they were.
"""

from __future__ import annotations

import logging
from typing import Any

from bridge.actions.clips.take import LOOK_BACK, Row
from bridge.app import App
from engines.errors import LiveError, RooError

log = logging.getLogger(__name__)


def _row(pitch: int, start: float, length: float, velocity: int) -> Row:
    return int(pitch), round(float(start), 4), round(float(length), 4), int(velocity)


async def slot_changed(app: App, track: int, slot: int, filled: bool) -> str | None:
    """Mark or clear the take at track/slot after Live pushed that it ``filled`` or emptied; the id of
    the take marked or cleared, None when none was. A filled slot is read only when a take written
    there is marked (a write that lands in a new slot costs no round trip)."""
    if app.history is None:
        return None
    try:
        if slot < 0:  # the track's arrangement clips changed
            return await _arranged(app, track)
        if not filled:
            return await app.in_history(_mark, app, track, slot)
        marked = await app.in_history(_marked, app, track, slot)
        if not marked:
            return None
        reading = await app.live.clip_read(track, slot)
        rows = sorted(_row(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in reading.notes)
        return await app.in_history(_clear, app, marked, rows)
    except RooError as exc:
        log.warning("undone mark of track %d slot %d not updated: %s", track, slot, exc)
        return None


MAX_CLIPS = 512  # arrangement clips read on one track


async def _arranged(app: App, track: int) -> str | None:
    takes = await app.in_history(_arrangement_takes, app, track)
    if not takes:
        return None
    clips: dict[float, list[Row]] = {}  # start beat -> the notes of the clip there
    for index in range(MAX_CLIPS):
        try:
            reading = await app.live.clip_read(track, index, arrangement=True)
        except LiveError as exc:
            if "out of range" in str(exc):  # past the track's last clip
                break
            raise
        rows = sorted(_row(n.pitch, n.start_beats, n.duration_beats, n.velocity) for n in reading.notes)
        clips[round(float(reading.info.start_time_beats), 4)] = rows
    return await app.in_history(_settle, app, takes, clips)


def _arrangement_takes(app: App, track: int) -> list[tuple[str, float, bool]]:
    """(take id, start beat, undone) of the arrangement takes written on the track, newest first."""
    return [
        (str(t.take_id), round(float(t.live["start_beats"]), 4), bool(t.undone))
        for t in app.history.takes(limit=LOOK_BACK, set_id=app.set_id)
        if t.live.get("track") == track and "start_beats" in t.live
    ]


def _settle(app: App, takes: list[tuple[str, float, bool]], clips: dict[float, list[Row]]) -> str | None:
    """Mark or clear the takes at each start beat by the clip there now; the last take changed."""
    changed = None
    for start in dict.fromkeys(at for _, at, _ in takes):
        here = [(take_id, undone) for take_id, at, undone in takes if at == start]  # newest first
        rows = clips.get(start)
        if rows is None:  # the clip there went (Live's undo of the take that made it): none there sounds
            for take_id in (take_id for take_id, undone in here if not undone):
                app.history.mark_undone(take_id, True)
                changed = take_id
            continue
        match = next((k for k, (take_id, _) in enumerate(here) if _notes(app, take_id) == rows), -1)
        for k, (take_id, undone) in enumerate(here[: match + 1]):  # none matched (by hand): none
            if undone != (k < match):  # newer than the one there: taken back; the one there: current
                app.history.mark_undone(take_id, k < match)
                changed = take_id
    return changed


def _notes(app: App, take_id: str) -> list[Row]:
    notes = app.history.get(take_id).notes or ()
    return sorted(_row(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in notes)


def _written_here(app: App, track: int, slot: int) -> list[Any]:
    return [
        t
        for t in app.history.takes(limit=LOOK_BACK, set_id=app.set_id)
        if t.live.get("track") == track and t.live.get("slot") == slot
    ]


def _mark(app: App, track: int, slot: int) -> str | None:
    here = [t for t in _written_here(app, track, slot) if not t.undone]
    if not here:
        return None
    app.history.mark_undone(here[0].take_id, True)
    return str(here[0].take_id)


def _marked(app: App, track: int, slot: int) -> list[str]:
    """The marked takes written at track/slot that are newer than any take not marked, newest first."""
    out = []
    for summary in _written_here(app, track, slot):
        if not summary.undone:
            break  # a take not taken back is the slot's: nothing older was brought back by a redo
        out.append(str(summary.take_id))
    return out


def _clear(app: App, marked: list[str], rows: list[Row]) -> str | None:
    for take_id in marked:
        if rows == _notes(app, take_id):
            app.history.mark_undone(take_id, False)
            return take_id
    return None
