"""/roo/generate all arrangement 1 [at BEAT] [bars N]: every part into the Arrangement at once.

The region is the one ``generate.arrangement`` reads (the loop brace unless ``at``/``bars`` say
otherwise). Each part goes to its own track by the track rule (new MIDI tracks named for the parts
that have none), and all the clips are written by one Remote Script request
(/roo/live/write_arrangement_clips) in one undo step: a region over an arrangement clip on any of
the tracks is refused naming it unless ``replace 1``, and then nothing is written. The tracks made
are taken back when the job fails (``place.made``). Each part's take records its track and start
beat, as a single part's does.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Sequence
from typing import TypeVar

from bridge.actions.generate.arrangement import checked_region
from bridge.actions.generate.context import song_context
from bridge.actions.generate.multi import PART_ORDER, _all_parts, _params, placed_parts, said
from bridge.actions.generate.part import followed
from bridge.actions.generate.record import remember
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.place.made import taken_back_on_failure
from bridge.actions.place.places import bar_at, track_at
from bridge.actions.place.track import Placed
from bridge.actions.takes import midi_take
from bridge.app import App
from bridge.history import TakeDraft
from bridge.history.schema import TakeFields
from bridge.jobs.board import Job
from bridge.live.client import LiveContext
from engines.errors import InvalidValue

T = TypeVar("T")


async def all_recorded(app: App, job: Job, drafts: Sequence[TakeDraft], write: Awaitable[T]) -> T:
    """``takes.write_recorded`` for one write that lands several takes: all pending while it runs,
    all dropped when it fails, all the job's once Live answered."""
    try:
        for draft in drafts:
            TakeFields.of(draft)
    except InvalidValue:
        if hasattr(write, "close"):
            write.close()  # never started: Live is not touched
        raise
    for draft in drafts:
        app.begin_take(job, draft)
    try:
        answer = await write
    except BaseException:
        for draft in drafts:
            app.drop_take(draft)
        raise
    job.takes.extend(drafts)
    return answer


async def all_parts(app: App, job: Job, req: GenerateRequest, live: LiveContext, seq: int, seed: int) -> str:
    start, length, bars = await checked_region(app, req, live, "clip slots")
    req = dataclasses.replace(
        req, bars=bars, slot=0 if req.slot == -1 and live.selected_slot < 0 else req.slot
    )
    ctx, follow = await followed(app, req, await song_context(app, req, live, seq))
    made: list[Placed] = []  # the tracks made for parts that had none: taken back if the job fails
    async with taken_back_on_failure(app, made, f"job {job.id} (generate all arrangement 1)"):
        placed = await placed_parts(app, made)
        tracks = {p.part: p.track for p in placed}
        parts = await app.run_cpu(_all_parts, ctx, req.density, req.complexity, seed)
        job.report(0.4, "parts generated")
        written = [(p, [n for n in parts.get(p, []) if n.start_beats < length]) for p in PART_ORDER]
        written = [(p, notes) for p, notes in written if notes]
        drafts = [
            midi_take("generate", p, params=_params(req), seed=seed, ctx=ctx, live={}, notes=notes)
            for p, notes in written
        ]
        clips = [(tracks[p], f"{p} {ctx.genre} s{seed}", notes) for p, notes in written]
        write = app.live.write_arrangement_clips(start, length, clips, req.replace)
        landed = await all_recorded(app, job, drafts, write)
    told = []
    for (part, _notes), draft, (track, count) in zip(written, drafts, landed, strict=True):
        draft.live = {"track": track, "start_beats": start, "length_beats": length, "note_count": count}
        remember(app, dataclasses.replace(req, part=part), ctx, (track, -1), seed, job.id, at_beats=start)
        told.append(f"{part} {count} notes -> {track_at(track)}")
    where = f"{length:g} beats in the Arrangement at {bar_at(start, live)}"
    return f"all: {where}: {'; '.join(told)}; {said(placed)}" + (f"; {follow.summary}" if follow else "")
