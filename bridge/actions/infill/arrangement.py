"""/roo/infill, /roo/continue and /roo/accompany with arrangement 1: MIDI-GPT in the Arrangement.

The source is an arrangement MIDI clip: the one that plays at ``source_at`` on ``source_track`` (or
on the request's track), else the track's arrangement clip of index ``slot``. What MIDI-GPT plays
with is every other track's arrangement MIDI clip that plays at the region's start, its notes
moved to that start. The take is written with ``Track.create_midi_clip`` (Live 12.1.10+, the
Remote Script refuses older Live naming the version, nothing written), one undo step:

- infill: the rewritten clip at the source's start and length, cutting the old one (one undo brings
  it back), every note outside the chosen bars as it was;
- continue: a new clip of the N new bars right after the source's bars, on its track;
- accompany: a new clip of the part on its track (the track rule; a new MIDI track is taken back
  when the write fails) over the source's region (or from ``at``, default the loop brace).

A new clip over an arrangement clip is refused naming it unless ``replace 1``. The take records
its track and start beat.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Awaitable, Callable
from typing import Any

from bridge.actions.clips.audio import describe
from bridge.actions.infill import record as infill_record
from bridge.actions.infill.clips import Clip, as_clip
from bridge.actions.infill.request import InfillRequest
from bridge.actions.place import track as part_track
from bridge.actions.place.made import NewTrack, taken_back_on_failure
from bridge.actions.place.places import bar_at, track_at
from bridge.actions.takes import write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import LiveContext
from engines.errors import InvalidValue, LiveError
from engines.infill.jobs import notes_of
from engines.music import MusicalContext

Generate = Callable[..., Awaitable[dict[str, Any]]]  # infill.job._generate


async def source_clip(app: App, req: InfillRequest, address: str, live: LiveContext) -> tuple[Clip, float]:
    """The source arrangement MIDI clip and its start beat; errors name it as Live shows it."""
    if req.source_at is not None:
        track = req.source_track if req.source_track is not None else req.track
        track, index = await app.live.arrangement_clip_at(track, req.source_at)
    else:
        track, index = (req.source_track if req.source_track is not None else req.track), req.slot
    reading = await app.live.clip_read(track, index, arrangement=True)
    start = float(reading.info.start_time_beats)
    if reading.info.is_audio_clip:
        where = describe(track, index, reading.info, live)
        raise InvalidValue(f"{where} is an audio clip: {address} expected a MIDI clip")
    return as_clip(reading, live), start


async def playing_at(app: App, live: LiveContext, start: float, skip: set[int]) -> list[Clip]:
    """Every other track's arrangement MIDI clip with notes that plays at ``start``, its notes moved
    so that ``start`` is their 0 (what sounds before it is left out)."""
    out = []
    for track in range(live.num_tracks):
        if track in skip:
            continue
        try:
            _, index = await app.live.arrangement_clip_at(track, start)
            reading = await app.live.clip_read(track, index, arrangement=True)
        except LiveError:  # no clip there
            continue
        if reading.info.is_audio_clip:
            continue
        by = start - float(reading.info.start_time_beats)
        notes = [
            dataclasses.replace(n, start_beats=n.start_beats - by)
            for n in reading.notes
            if n.start_beats >= by
        ]
        info = dataclasses.replace(reading.info, length_beats=float(reading.info.length_beats) - by)
        if any(not n.mute for n in notes):
            out.append(as_clip(dataclasses.replace(reading, notes=notes, info=info), live))
    return out


def _ctx(live: LiveContext) -> MusicalContext:
    return MusicalContext(
        tempo_bpm=float(live.tempo_bpm), signature=(live.signature_numerator, live.signature_denominator)
    )


SINCE = (12, 1, 10)  # Track.create_midi_clip


async def _live(app: App, address: str) -> LiveContext:
    """Live's context; Live before 12.1.10 refused naming the version, before anything is made."""
    live = await app.live.context()
    if live.version_tuple < SINCE:
        raise LiveError(
            f"{address} arrangement 1 needs Live 12.1.10 or newer (Track.create_midi_clip); this is Live "
            f"{live.live_version}: nothing was written (leave arrangement out to write a clip slot)"
        )
    return live


async def on_clip(app: App, job: Job, req: InfillRequest, address: str, generate: Generate) -> str:
    live = await _live(app, address)
    clip, start = await source_clip(app, req, address, live)
    track = clip.reading.track
    context = await playing_at(app, live, start, {track})
    job.report(0.05, f"{clip.where} and {len(context)} clip(s) playing with it read")
    bar = live.signature_numerator * 4.0 / live.signature_denominator
    own_bars = max(1, math.ceil(clip.length_beats / bar - 1e-6))
    first, last = req.first_bar, req.last_bar
    if req.kind == "infill" and first is None:
        first, last = own_bars // 2 + 1, own_bars
    if req.kind == "infill" and last is not None and last > own_bars:
        raise InvalidValue(
            f"bars {first}-{last} are out of range: {clip.where} has {own_bars} bars "
            f"(expected 1 <= from <= to <= {own_bars})"
        )
    result = await generate(app, job, req, live, [c.part for c in context], clip=clip.part,
                            first_bar=first or 0, last_bar=last or 0, bars=req.bars)  # fmt: skip
    parent = await infill_record.parent_of(app, track, -1, clip.reading.notes)
    source = clip.reading.info
    name = source.name or f"{clip.role} clip"
    if req.kind == "infill":
        at, length, shift, replace = start, float(result["length_beats"]), 0.0, True  # cuts the old clip
    else:
        shift = (int(result["first_bar"]) - 1) * bar
        at, length, replace, name = start + shift, req.bars * bar, req.replace, f"{name} cont."
    landed = await _write(app, job, req, live, result, clip.role, parent, (track, clip.reading.slot),
                          (track, at, length, name, shift, replace))  # fmt: skip
    bars = f"bars {result['first_bar']}-{result['last_bar']}"
    what = "rewritten in place, one undo step" if req.kind == "infill" else "as a new clip after it"
    return (
        f"{req.kind} of {clip.where}: {bars} {what} "
        f"({landed[2]} notes at {bar_at(landed[1], live)}, seed {result['seeds'][0]})"
    )


async def accompany(app: App, job: Job, req: InfillRequest, generate: Generate) -> str:
    live = await _live(app, "/roo/accompany")
    if req.source_at is not None or req.source_track is not None:
        source, start = await source_clip(app, req, "/roo/accompany", live)
        length = source.length_beats
    else:
        loop_start, length = await app.live.loop_brace()
        start = loop_start if req.at is None else req.at
    tracks = await app.live.tracks()
    chosen = part_track.choose(req.part, tracks, await part_track.homes(app), selected=-1)
    context = await playing_at(app, live, start, set() if chosen is None else {chosen.track})
    if not context:
        raise InvalidValue(
            f"/roo/accompany {req.part}: no other track's arrangement MIDI clip plays at {bar_at(start, live)}: "
            "expected at least one to play with"
        )
    result = await generate(app, job, req, live, [c.part for c in context], part=req.part)
    made: list[NewTrack] = []
    async with taken_back_on_failure(app, made, f"job {job.id} (accompany {req.part} arrangement 1)"):
        track = chosen.track if chosen is not None else -1
        if chosen is None:
            name = part_track.TRACK_NAMES[req.part]
            track = await app.live.create_tracks("midi", len(tracks) - 1, [name])
            made.append(NewTrack(track, name))
        landed = await _write(app, job, req, live, result, req.part, None, None,
                              (track, start, length, f"{req.part} (MIDI-GPT)", 0.0, req.replace))  # fmt: skip
    heard = "; ".join(c.where for c in context)
    return (
        f"accompany: a {req.part} clip of {landed[2]} notes in the Arrangement on {track_at(landed[0])} at "
        f"{bar_at(landed[1], live)}, {length:g} beats, from {heard} (seed {result['seeds'][0]})"
    )


async def _write(
    app: App,
    job: Job,
    req: InfillRequest,
    live: LiveContext,
    result: dict[str, Any],
    part: str,
    parent: str | None,
    source: tuple[int, int] | None,
    place: tuple[int, float, float, str, float, bool],
) -> tuple[int, float, int]:
    """The one take as an arrangement clip: (track, start beat, note count)."""
    track, at, length, name, shift, replace = place
    notes = [dataclasses.replace(n, start_beats=round(n.start_beats - shift, 6))
             for n in notes_of(result["takes"][0]) if n.start_beats >= shift - 1e-6]  # fmt: skip
    notes = [n for n in notes if n.start_beats < length]
    seed = int(result["seeds"][0])
    bars = (int(result["first_bar"]), int(result["last_bar"]))
    take = infill_record.draft(
        req, part, notes, seed=seed, ctx=_ctx(live), parent=parent, source=source, bars=bars
    )
    write = app.live.write_arrangement_clip(track, at, length, name, notes, replace)
    landed = await write_recorded(app, job, take, write)
    take.live = {
        "track": landed[0],
        "start_beats": landed[1],
        "length_beats": length,
        "note_count": landed[2],
    }
    app.song.takes.append(
        {"part": part, "track": landed[0], "start_beats": landed[1], "seed": seed, "job": job.id}
    )
    where = {"track": landed[0], "slot": -1, "start_beats": landed[1]}  # slot -1: in the Arrangement
    app.result(job.client, job.id, req.kind, {
        **where, "first_bar": bars[0], "last_bar": bars[1], "length_beats": length, "note_count": landed[2],
        "seed": seed, "model": req.model, "device": result["device"], "quantize": result.get("quantize"),
        "parent_id": parent, "takes": [{**where, "note_count": landed[2], "seed": seed}],
    })  # fmt: skip
    return landed
