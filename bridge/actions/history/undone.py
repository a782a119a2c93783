"""Takes marked undone: a slot Live pushes empty had its take taken back (Live's undo); a slot that
fills again with that take's very notes (Live's redo) clears the mark.

Live pushes each slot that filled or emptied (``LiveClient.on_slot``). The take of an emptied slot
is the newest take written there that is not marked yet; a filled slot is read once and the newest
marked take written there with exactly its notes is cleared. Only session slots: an arrangement
take is left as it is. A take whose clip was deleted by hand is marked the same way (its clip left
its slot); a store or Live that does not answer leaves the marks as they were and is logged.
"""

from __future__ import annotations

import logging
from typing import Any

from bridge.actions.clips.take import LOOK_BACK, Row
from bridge.app import App
from engines.errors import RooError

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


def _written_here(app: App, track: int, slot: int) -> list[Any]:
    return [
        t
        for t in app.history.takes(limit=LOOK_BACK)
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
        notes = app.history.get(take_id).notes or ()
        if rows == sorted(
            _row(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in notes
        ):
            app.history.mark_undone(take_id, False)
            return take_id
    return None
