"""Drawn automation said in words ("fade the pad in over 8 bars", "duck the bass on every beat"):
the clip of the part named (the one this daemon wrote last for it, else the selected one) or of the
track named, then /roo/automate with the words' device, parameter, shape and ends; a span said
("over the last 8 bars": ``scope`` ``{"last_bars": 8}``) places the envelope at the clip's end (or
start, ``first_bars``), or at the end (start) of the region of the Arrangement said. The whole song
("fade everything out": part ``all``) is every track's clip in the selected scene (else each part's
newest clip), each drawn alike; never the selected track alone."""

from __future__ import annotations

from typing import Any

from bridge.actions.automate import job as automate_job
from bridge.actions.intents import clip as command_clip
from bridge.actions.intents import region as command_region
from bridge.app import App
from bridge.commands import Intent
from bridge.commands.region_words import describe
from bridge.jobs.board import Job
from engines.errors import InvalidValue

SAID = ("from", "to", "bars", "rate")  # the options the words may give
SPANS = ("first_bars", "last_bars")  # the places in the clip they may say (``scope``)
INTO_BARS = 4  # "a filter sweep up into the chorus": over the 4 bars before it, unless bars are said


async def automate(app: App, job: Job, intent: Intent) -> str:
    p = intent.params
    if intent.part == "all" and "region" in p:
        raise InvalidValue(
            "every track over a section of the Arrangement is not drawn: name one track or part "
            "(e.g. 'fade the pad out in the outro'), or select the scene and say it without the section"
        )
    if "region" in p:  # "filter sweep up into the chorus": the arrangement clip there
        track, beat, bars = await _in_arrangement(app, intent)
        args: list[Any] = [track, p["device"], p["parameter"], p["shape"], "at", beat, "bars", bars]
        for name in SAID:
            if name in p and name != "bars":
                args += [name, p[name]]
        return await automate_job.run(app, job, args)
    if intent.part == "all":  # "fade the whole band out": every track playing, each its own envelope
        places = await _every_clip(app)
    elif "track_name" in p:
        places = [await command_clip.named_track_clip(app, str(p["track_name"]))]
    else:
        places = [await command_clip.target_clip(app, intent.part)]
    span = _span(p)
    said = []
    for track, slot in places:
        args = [track, p["device"], p["parameter"], p["shape"], "slot", slot]
        for name in SAID:
            if name in p and not (span and name == "bars"):  # the span's bars are the envelope's
                args += [name, p[name]]
        said.append(await automate_job.run(app, job, args + [item for pair in span.items() for item in pair]))
    return "; ".join(said)


async def _every_clip(app: App) -> list[tuple[int, int]]:
    """Track and slot of each clip in the selected scene, else of each part's newest clip; raises
    naming what to select when there is none."""
    scene = (await app.live.context()).selected_slot
    tracks = app.live.track_list if app.live.track_list is not None else await app.live.tracks()
    places = [(t, scene) for t in range(len(tracks)) if app.live.slots.get(t, "")[scene : scene + 1] == "1"]
    if not places:
        parts = ("drums", *command_clip.PITCHED)
        places = [where for part in parts if (where := command_clip.last_written(app, part)) is not None]
    if not places:
        raise InvalidValue(
            "no clip to draw on in the selected scene: select a scene with clips, or name a track"
        )
    return places


def _span(p: dict[str, Any]) -> dict[str, int]:
    """The /roo/automate option of the span said (``first_bars`` or ``last_bars``), or {}."""
    scope = p.get("scope") or {}
    if not isinstance(scope, dict) or not set(scope) <= set(SPANS):
        raise InvalidValue(f"scope {scope!r}: expected {{'first_bars': N}} or {{'last_bars': N}}")
    return {name: scope[name] for name in SPANS if name in scope}


async def _in_arrangement(app: App, intent: Intent) -> tuple[int, float, int]:
    """The track (named, else the part's newest take's, else the selected one), the beat the envelope
    starts at and its bars: the region's own (its cue point to the next, or the bars said), or for
    "into the chorus" the bars said (default INTO_BARS) that end where the section starts."""
    p = intent.params
    settings: dict[str, Any] = {}
    await command_region.place(app, dict(p["region"]), settings)
    live = await app.live.context()
    bar_beats = 4.0 * live.signature_numerator / live.signature_denominator
    start = float(settings["at"])
    bars = int(p.get("bars", INTO_BARS if p["region"].get("into") else settings.get("bars", INTO_BARS)))
    span = _span(p)
    if span and not p["region"].get("into"):  # "over the last 4 bars of the chorus": its end
        whole, bars = bars, int(next(iter(span.values())))
        if bars > whole:
            raise InvalidValue(
                f"{describe(dict(p['region']))}: {bars} bar(s) said of its {whole}: expected at most {whole}"
            )
        start += (whole - bars) * bar_beats if "last_bars" in span else 0.0
    if p["region"].get("into"):
        start -= bars * bar_beats
        if start < 0:
            raise InvalidValue(
                f"{describe(dict(p['region']))}: {bars} bar(s) before it would start at beat {start:g}: "
                "expected a section with that many bars before it (say fewer bars)"
            )
    if "track_name" in p:
        return (await command_clip.named_track_clip(app, str(p["track_name"])))[0], start, bars
    for take in reversed(app.song.takes):
        if intent.part is not None and take.get("part") == intent.part and "track" in take:
            return int(take["track"]), start, bars
    return max(live.selected_track, 0), start, bars
