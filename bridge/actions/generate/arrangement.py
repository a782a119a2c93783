"""/roo/generate <part> arrangement 1 [at BEAT] [bars N]: one part into the Arrangement.

The region is the loop brace (``Song.loop_start``, ``loop_length``) unless ``at`` (its start, in
Live's beats) or ``bars`` (its length) say otherwise. The part goes to its track by the track rule
(``place.track``), as into a slot; the clip is written with ``Track.create_midi_clip(start,
length)`` in one undo step. A region over an arrangement clip on that track is refused naming it,
unless ``replace 1``: the new clip then cuts what lies under it (Live's own rule). Live older than
12.1.10 cannot create arrangement clips: refused naming the version, nothing written. The take
records where it landed: ``{"track", "start_beats", "length_beats", "note_count"}``.
"""

from __future__ import annotations

import dataclasses

from bridge.actions.generate.context import song_context
from bridge.actions.generate.part import make_part, take_draft
from bridge.actions.generate.record import remember
from bridge.actions.generate.request import MAX_BARS, GenerateRequest
from bridge.actions.place.places import bar_at, track_at
from bridge.actions.place.track import Placed
from bridge.actions.takes import write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import LiveContext
from engines.errors import InvalidValue, LiveError

SINCE = (12, 1, 10)  # Track.create_midi_clip


async def region(app: App, req: GenerateRequest, bar_beats: float) -> tuple[float, float]:
    """(start, length) in beats: ``at`` and ``bars`` where given, else the loop brace's."""
    start, length = (req.at, 0.0) if req.at is not None else (0.0, 0.0)
    if req.at is None or not req.bars_given:
        loop_start, loop_length = await app.live.loop_brace()
        start = loop_start if req.at is None else start
        length = loop_length
    if req.bars_given:
        length = req.bars * bar_beats
    return start, length


async def checked_region(
    app: App, req: GenerateRequest, live: LiveContext, instead: str
) -> tuple[float, float, int]:
    """The region's start and length in beats and its whole bars, after Live's version (12.1.10+)
    and the bars (1..MAX_BARS) are checked; ``instead`` names what leaving arrangement out writes."""
    if live.version_tuple < SINCE:
        raise LiveError(
            f"arrangement 1 needs Live 12.1.10 or newer (Track.create_midi_clip); this is Live "
            f"{live.live_version}: nothing was written (leave arrangement out to write {instead})"
        )
    bar_beats = live.signature_numerator * 4.0 / live.signature_denominator
    start, length = await region(app, req, bar_beats)
    bars = max(1, round(length / bar_beats))
    if bars > MAX_BARS:
        raise InvalidValue(
            f"the loop brace is {bars} bars long: expected 1..{MAX_BARS} (set bars or the brace)"
        )
    return start, length, bars


async def one_part(
    app: App, job: Job, req: GenerateRequest, live: LiveContext, seq: int, seed: int, made: list[Placed]
) -> str:
    start, length, bars = await checked_region(app, req, live, "a clip slot")
    req = dataclasses.replace(req, bars=bars)
    if req.slot == -1 and live.selected_slot < 0:  # no scene selected: the slot plays no part here
        req = dataclasses.replace(req, slot=0)
    song = await song_context(app, req, live, seq, made, job)
    part = await make_part(app, job, req, song, seed)
    notes = [n for n in part.notes if n.start_beats < length]
    take = take_draft(req, dataclasses.replace(part, notes=notes), seed)
    track = song.where[0]
    name = f"{req.part} {part.ctx.genre} s{seed}"
    write = app.live.write_arrangement_clip(track, start, length, name, notes, req.replace)
    track, at_beats, count = await write_recorded(app, job, take, write)
    take.live = {"track": track, "start_beats": at_beats, "length_beats": length, "note_count": count}
    remember(app, req, part.ctx, (track, -1), seed, job.id, at_beats=at_beats)
    told = f"{req.part}: {count} notes, {length:g} beats in the Arrangement on {track_at(track)} at {bar_at(at_beats, live)}"
    return told + (f", {part.follow.summary}" if part.follow is not None else "")
