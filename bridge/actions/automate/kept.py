"""The envelopes /roo/automate draws, kept with the take the clip came from (``live["envelopes"]``).

The clip is a take when the history holds one written at its track and slot (or arrangement start
beat) with exactly its notes (``bridge.actions.clips.take``); a clip the producer made is no take and
nothing is kept. An envelope of the same parameter at the same place replaces the one kept (one
over the whole clip: every one kept of that parameter);
clearing removes what was kept of that parameter (or all of them).
"""

from __future__ import annotations

from typing import Any

from bridge.actions.clips.take import SONG_LOOK_BACK, take_behind, take_behind_at
from bridge.app import App
from bridge.live.envelopes import EnvelopeTarget
from engines.automation import Drawn
from engines.errors import StoreError


def name_of(target: EnvelopeTarget, requested: str) -> str:
    """The parameter's name as kept: Live's, but the mixer's as /roo/automate names them ("volume",
    "pan", "send A"), which is how a recall finds it again."""
    return requested.strip().lower() if target.device == "Mixer" else target.parameter


async def _take(app: App, target: EnvelopeTarget, arranged: bool) -> Any | None:
    if app.history is None:
        return None
    reading = await app.live.clip_read(target.track, target.slot, arrangement=arranged)
    if reading.info.is_audio_clip:
        return None
    length = float(reading.info.length_beats)
    notes = [n for n in reading.notes if n.start_beats < length and not getattr(n, "mute", False)]
    if arranged:
        return await take_behind_at(app, target.track, target.clip_start_beats, notes)
    return await take_behind(app, target.track, target.slot, notes, look_back=SONG_LOOK_BACK)


async def keep(app: App, target: EnvelopeTarget, arranged: bool, drawn: Drawn | None) -> str:
    """Keep ``drawn`` with the clip's take (None: clear what was kept of ``target``'s parameter, or
    every envelope when its names are ""); what the done message says."""
    take = await _take(app, target, arranged)
    if take is None:
        return ""
    held = [Drawn.from_json(e) for e in take.live.get("envelopes", ())]
    if drawn is not None:
        whole = drawn.offset_beats == 0 and abs(drawn.length_beats - target.clip_length_beats) < 1e-6
        name = (drawn.device.lower(), drawn.parameter.lower())
        replaced = (
            [e for e in held if (e.device.lower(), e.parameter.lower()) == name]
            if whole
            else [e for e in held if e.same_place == drawn.same_place]
        )  # a whole clip's envelope replaces the parameter's envelope there, as in Live
        envelopes = [e for e in held if e not in replaced] + [drawn]
    elif target.device == target.parameter == "":
        envelopes = []
    else:
        name = (target.device.lower(), target.parameter.lower())
        envelopes = [e for e in held if (e.device.lower(), e.parameter.lower()) != name]
    if envelopes == held:
        return ""
    try:
        await app.in_history(app.history.keep_envelopes, take.take_id, [e.as_json() for e in envelopes])
    except StoreError as exc:
        return f"; NOT kept with take {take.take_id[:6]}: {exc}"
    return (
        f"; kept with take {take.take_id[:6]}" if drawn is not None else f"; take {take.take_id[:6]} updated"
    )
