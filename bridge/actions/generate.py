"""/roo/generate <part> (name value)*: write a part that fits the song into a Live clip slot.

The song context (tempo, signature, key and scale, selection) comes from Live; analysed chords
from the last /roo/analyze. An existing clip is never overwritten unless ``replace 1`` is given:
the Remote Script then writes into the next empty slot below and the reply says which. The
request's checks and its merge with Live's context are in ``bridge.actions.generate_request``.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import Any

from bridge.actions import multi
from bridge.actions.follow import Follow, checked_source, following, generate_following, source_clip
from bridge.actions.generate_request import (
    MAX_BARS,
    GenerateRequest,
    groove_settings,
    musical_context,
    parse_request,
    refuse_empty,
    target,
)
from bridge.actions.midi_clip import MidiClip
from bridge.actions.takes import midi_take, write_recorded
from bridge.app import App
from bridge.jobs.board import Job
from bridge.live.client import LiveContext, StaleContext, StaleSource
from bridge.prepare import has_prepared_part, take_prepared_part
from engines.errors import InvalidValue, LiveError
from engines.music import MusicalContext, Note

__all__ = [
    "MAX_BARS",
    "GenerateRequest",
    "musical_context",
    "parse_request",
    "part_context",
    "refuse_empty",
    "run",
]

ATTEMPTS = 3  # a write refused for a changed context, then for a changed source, is made a third time


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    live, seq = await app.live.current_context()  # pushed by Live: no round trip once it came
    job.report(0.2, "song context read")
    seed = req.seed if req.seed is not None else job.id
    # a source clip read for an earlier request may serve when the write checks it (write_clip_from)
    checked = seq >= 0 and req.part not in ("all", "song")
    source = await source_clip(app, req, live, cached=checked)
    if req.part in ("all", "song"):
        ctx, follow = await part_context(app, req, live, source)
        slot = live.selected_slot if req.slot == -1 else req.slot
        if slot < 0:
            raise InvalidValue(f"slot {slot} is out of range: expected 0..{live.num_scenes - 1}")
        runner = multi.run_all if req.part == "all" else multi.run_song
        told = await runner(app, job, ctx, slot, req, seed)
        return told + (f", {follow.summary}" if follow is not None else "")
    again = ""  # said in the final message too: progress reports close together are thinned out
    for attempt in range(ATTEMPTS):
        track, slot = target(req, live)
        ctx, follow, notes, prepared = await _part(app, req, live, source, seed)
        job.check_cancelled()
        refuse_empty(req.part, ctx.genre, req.density, notes)
        job.report(0.6, f"{len(notes)} notes generated")
        name = f"{req.part} {ctx.genre} s{seed}"
        # refused when the selection changed meanwhile, if the selection picked the slot; a source
        # clip picked by the selection is the pushed context's (a selection made within the same
        # Live tick as the request is seen by the next request)
        follows = req.track == -1 or req.slot == -1
        params = {k: v for k, v in asdict(req).items() if k not in ("part", "seed")}
        draft = midi_take("generate", req.part, params=params, seed=seed, ctx=ctx, live={}, notes=notes)
        try:
            if seq < 0:  # Live has pushed nothing yet: the context came from a query
                write = app.live.write_clip(track, slot, ctx.length_beats, name, notes, req.replace)
            elif (checks := checked_source(app, req, live, source)) is not None:  # refused if it changed
                write = app.live.write_clip_from(
                    checks, seq, follows, track, slot, ctx.length_beats, name, notes, req.replace
                )
            else:
                write = app.live.write_clip_for(
                    seq, follows, track, slot, ctx.length_beats, name, notes, req.replace
                )
            written = await write_recorded(app, job, draft, write)
            break
        except (StaleContext, StaleSource) as stale:
            if attempt == ATTEMPTS - 1:
                raise LiveError(
                    "the song context or the source clip changed again while the part was made again for "
                    "it: generate again"
                ) from stale
            if isinstance(stale, StaleContext):
                live, seq = stale.context, stale.seq  # regenerate for what Live holds now
            what = "song context" if isinstance(stale, StaleContext) else "source clip"
            again = f" (made again: the {what} changed while it was written)"
            job.report(0.3, f"the {what} changed: generating again for it")
            # the selection may name another source now; a changed source came with the refusal
            source = await source_clip(app, req, live, cached=True)
    wrote_track, wrote_slot, count = written
    draft.live = {
        "track": wrote_track,
        "slot": wrote_slot,
        "length_beats": ctx.length_beats,
        "note_count": count,
    }
    remember(app, req, ctx, (wrote_track, wrote_slot), seed, job.id)
    moved = "" if (wrote_track, wrote_slot) == (track, slot) else f" (slot {slot} was full)"
    told = f"{req.part}: {count} notes, {req.bars} bars in track {wrote_track} slot {wrote_slot}{moved}"
    told += " (prepared)" if prepared else ""
    return told + (f", {follow.summary}" if follow is not None else "") + again


def remember(
    app: App, req: GenerateRequest, ctx: MusicalContext, where: tuple[int, int], seed: int, job_id: int
) -> None:
    """Note the written part in the song's takes and as the part's last settings (Vary, prepare)."""
    track, slot = where
    settings = {"bars": req.bars, "genre": ctx.genre, "density": req.density}
    app.song.takes.append(
        {"part": req.part, "track": track, "slot": slot, "seed": seed, **settings, "job": job_id,
         **groove_settings(req)}
    )  # fmt: skip
    app.song.last_generate[req.part] = {
        "track": track, "slot": slot, **settings, "complexity": req.complexity, "seed": seed,
        **groove_settings(req),
    }  # fmt: skip


async def part_context(
    app: App, req: GenerateRequest, live: LiveContext, source: MidiClip | None
) -> tuple[MusicalContext, Follow | None]:
    """The request merged with Live's context, then with the source clip's chords when one is followed."""
    ctx = musical_context(req, live, app)
    return await app.run_cpu(partial(following, key_given=req.key is not None, part=req.part), ctx, source)


def _make(
    req: GenerateRequest, ctx: MusicalContext, source: MidiClip | None, seed: int
) -> tuple[MusicalContext, Follow | None, list[Note]]:
    """One part made for the context, following the source: one step on the CPU pool."""
    ctx, follow = following(ctx, source, key_given=req.key is not None, part=req.part)
    notes = generate_following(req.part, ctx, req.density, req.complexity, seed, follow)
    return ctx, follow, notes


async def _part(
    app: App, req: GenerateRequest, live: LiveContext, source: MidiClip | None, seed: int
) -> tuple[MusicalContext, Follow | None, list[Note], bool]:
    """The part's context, what it follows, its notes, and whether they were prepared in idle time
    (exactly these, see bridge.prepare); with nothing prepared for the part, one CPU-pool step."""
    if not has_prepared_part(app, req.part):
        ctx, follow, notes = await app.run_cpu(_make, req, musical_context(req, live, app), source, seed)
        return ctx, follow, notes, False
    ctx, follow = await part_context(app, req, live, source)
    ready = take_prepared_part(app, req.part, ctx, (req.density, req.complexity), seed, follow)
    if ready is not None:
        return ctx, follow, ready, True
    notes = await app.run_cpu(generate_following, req.part, ctx, req.density, req.complexity, seed, follow)
    return ctx, follow, notes, False
