"""What the conversation remembers across daemon restarts, read from the take history.

"again", "make it busier", "the bass" continue from the last generate take of a part when this
daemon has not generated it yet; "undo that" after a restart (when Live's own undo no longer
reaches the take) puts the newest take's parent (or the take of its part before it on its track)
back where the newest take was written.
"""

from __future__ import annotations

from typing import Any

from bridge import protocol
from bridge.actions.place.places import slot_at
from bridge.app import App
from bridge.live.client import ClipWrite
from engines.errors import StoreError
from engines.music import Note

LOOK_BACK = 50  # takes searched for the newest generate take of a part


async def last_settings(app: App, part: str | None) -> tuple[str, dict[str, Any]] | None:
    """(part, settings) of the store's newest generate take (of ``part`` when given), or None."""
    if app.history is None:
        return None
    try:
        take = await app.in_history(_newest_generate, app, part)
    except StoreError:
        return None  # the conversation then knows only this session, as without a store
    if take is None:
        return None
    params = take.params
    settings = {
        "track": take.live.get("track"),
        "slot": take.live.get("slot"),
        "bars": params.get("bars"),
        "genre": params.get("genre") or take.context.get("genre"),
        "key": params.get("key") or take.context.get("key"),
        "density": params.get("density"),
        "complexity": params.get("complexity"),
        "seed": take.seed,
    }
    if take.live.get("start_beats") is not None:  # made in the Arrangement: remade where it lies
        settings.update(arrangement=1, at=take.live["start_beats"])
    return take.part, {k: v for k, v in settings.items() if v is not None}


def _newest_generate(app: App, part: str | None) -> Any:
    single = tuple(p for p in protocol.PARTS if p not in ("all", "song"))
    for summary in app.history.takes(part=part, limit=LOOK_BACK, set_id=app.set_id):
        if summary.action == "generate" and summary.part in single:
            return app.history.get(summary.take_id)
    return None


async def undo_from_store(app: App) -> str | None:
    """After a restart: write the newest take's parent over the newest take's clip; None when the
    store cannot help (no store, no take, no parent with notes, an arrangement take)."""
    if app.history is None or app.song.takes:
        return None  # this daemon wrote takes: Live's undo still reaches them
    try:
        newest, parent = await app.in_history(_newest_and_parent, app)
    except StoreError:
        return None
    if newest is None or parent is None or parent.notes is None or "slot" not in newest.live:
        return None
    notes = [Note(n["pitch"], n["start_beats"], n["length_beats"], n["velocity"]) for n in parent.notes]
    length = float(parent.live.get("length_beats") or newest.live.get("length_beats") or 4.0)
    name = f"{parent.part} {parent.take_id[:8]}"
    where = int(newest.live["track"]), int(newest.live["slot"])
    track, slot, count = await app.live.write(ClipWrite(*where, length, name, notes, replace=True))
    return (
        f"Live's undo cannot reach take {newest.take_id} (made before the daemon started): put the take before it "
        f"{parent.take_id} back in {slot_at(track, slot)} ({count} notes); take {newest.take_id} stays "
        f"in the history"
    )


def _newest_and_parent(app: App) -> tuple[Any, Any]:
    """The newest take and the take to put back: its parent (the take it varies), else the take of
    the same part written before it on the same track."""
    found = app.history.takes(limit=1, set_id=app.set_id)
    if not found:
        return None, None
    newest = app.history.get(found[0].take_id)
    if newest.parent_id:
        return newest, app.history.get(newest.parent_id)
    track = newest.live.get("track")
    for summary in app.history.takes(part=newest.part, limit=LOOK_BACK, set_id=app.set_id)[1:]:
        before = app.history.get(summary.take_id)
        if before.live.get("track") == track:
            return newest, before
    return newest, None
