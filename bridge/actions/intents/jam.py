"""Typed and spoken jam commands: the ``jam`` intent, and the dials ("busier") while a jam plays.

They drive the daemon's one jam (``app.jam``, a bridge.jam.remote.RemoteJam) exactly as
/roo/jam/start, /roo/jam/set and /roo/jam/stop do, so the devices hear the same /roo/jam/state.
A dial moves the jam's own control from the value in effect now, by the step an ``adjust`` of a
clip uses; it applies from the next bar.
"""

from __future__ import annotations

from typing import Any

from bridge.actions.generate import multi
from bridge.actions.place.made import taken_back_on_failure
from bridge.actions.place.places import slot_at
from bridge.actions.place.track import Placed, place_parts
from bridge.app import App
from bridge.commands import Intent
from bridge.commands.heard import heard_as  # the sentence as the readers read it (heard is as typed)
from bridge.commands.jam_words import keeps_going
from bridge.jobs.board import Job
from bridge.live.client import ClipWrite
from engines.errors import InvalidValue, ModelUnavailable, RooError

DIALS = {"density": "density", "complexity": "complexity", "energy": "intensity"}  # adjust -> jam control


def _remote(app: App) -> Any:
    if app.jam is None:
        raise ModelUnavailable("jam mode is not available in this daemon")
    return app.jam


def playing(app: App) -> bool:
    """Whether a jam plays now (then the dials of ``adjust`` go to it, not to a clip)."""
    return app.jam is not None and bool(app.jam.playing())


def stop_playing(app: App) -> bool:
    """Stop the playing (or still starting) jam now (a plain "stop" stops it with Live's transport);
    False if none plays."""
    if app.jam is None or not app.jam.active():
        return False
    try:
        app.jam.stop(["now"])
    except RooError:  # it ended by itself in between
        return False
    return True


async def jam(app: App, job: Job, intent: Intent) -> str:
    remote = _remote(app)
    do = intent.params["do"]
    if (
        do == "start"
        and set(intent.params) == {"do"}
        and playing(app)
        and keeps_going(heard_as(intent.heard)[0])
    ):
        return "the jam keeps playing"
    if do == "start":
        args: list[Any] = []
        for name, field in (("genre", "genre"), ("key", "key"), ("tempo", "tempo_bpm"), ("parts", "parts")):
            if field in intent.params:
                value = intent.params[field]
                args += [name, float(value) if name == "tempo" else str(value)]
        remote.start(args)
        said = ", ".join(f"{n} {v}" for n, v in zip(args[::2], args[1::2], strict=True))
        return "jam starting on the next bar" + (f" ({said})" if said else "")
    if do == "stop":
        if intent.params.get("at") == "phrase":
            bar = remote.stop(["phrase"])
            if bar is None:  # still starting: nothing played, so the phrase's end is now
                return "jam stopped before it started"
            return f"jam stops at the end of the phrase (bar {bar})"
        remote.stop(["now"])
        return "jam stopped"
    if do == "clips":
        return await _clips(app, remote, int(intent.params["bars"]))
    name, value = str(intent.params["name"]), str(intent.params["value"])
    bar = remote.set([name, value])
    return f"jam {_cue(name, value)} from bar {bar}"


async def _clips(app: App, remote: Any, bars: int) -> str:
    """The last ``bars`` bars of each part into a new clip on the part's track, from the selected
    scene (a full slot moves down to the next free one, as generate does)."""
    notes, bar_beats = remote.last_bars(bars)
    parts = tuple(part for part in multi.PART_ORDER if notes.get(part))
    if not parts:
        raise InvalidValue(f"the jam played no notes in its last {bars} bars: nothing to write")
    made: list[Placed] = []  # tracks made for parts that had none: taken back if a write fails
    async with taken_back_on_failure(app, made, f"jam's last {bars} bars"):
        live = (await app.live.current_context())[0]
        tracks = {p.part: p.track for p in await place_parts(app, parts, live.selected_track, made)}
        slot = max((await app.live.context()).selected_slot, 0)
        written = []
        for part in parts:  # only the parts that played: no empty track for one that did not
            clip = ClipWrite(
                tracks[part], slot, bars * bar_beats, f"{part} jam last {bars} bars", notes[part]
            )
            track, at, count = await app.live.write(clip)
            written.append(f"{part} {count} notes -> {slot_at(track, at)}")
    return f"jam's last {bars} bars: " + "; ".join(written)


def _cue(name: str, value: str) -> str:
    if name in ("fill", "break", "drop"):
        return name
    if value in ("0", "1"):
        return f"{name} {'in' if value == '1' else 'out'}"
    return f"{name} {value}"


async def adjust(app: App, job: Job, intent: Intent, step: float) -> str:
    """A dial of the playing jam up or down by ``step`` (from the value in effect now)."""
    remote = _remote(app)
    what, sign = intent.params["what"], 1.0 if intent.params["direction"] == "up" else -1.0
    control = DIALS[what]
    now = float(getattr(remote.controls_now(), control))
    value = round(min(1.0, max(0.0, now + sign * step)), 3)
    bar = remote.set([control, str(value)])
    return f"jam {control} {intent.params['direction']} to {value} (from {now}) from bar {bar}"
