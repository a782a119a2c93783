"""/roo/generate <part> (name value)*: write a part that fits the song into a Live clip slot.

The song context (tempo, signature, key and scale, selection) is the one Live pushed last (one
query when none came yet); the write carries that context's version, and Live refuses a write
made for an older context, so the part is generated once more for the new one. Analysed chords
from the last /roo/analyze. An existing clip is never overwritten unless ``replace 1`` is given:
the Remote Script then writes into the next empty slot below and the reply says which.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from bridge import protocol
from bridge.actions import multi
from bridge.actions.options import parse_options
from bridge.app import App
from bridge.jobs import Job
from bridge.live_client import LiveContext, StaleContext
from engines import generators
from engines.errors import InvalidValue, LiveError
from engines.music import SCALES, Key, MusicalContext, Note, parse_key

MAX_BARS = 256


@dataclass(frozen=True, slots=True)
class GenerateRequest:
    part: str
    track: int = -1  # -1: the selected track
    slot: int = -1  # -1: the selected slot
    bars: int = 8
    genre: str | None = None
    density: float = 0.5
    complexity: float = 0.5
    seed: int | None = None
    key: str | None = None
    replace: bool = False


def parse_request(args: list[Any]) -> GenerateRequest:
    """Validate /roo/generate arguments; every error names the value and what is valid."""
    if not args or not isinstance(args[0], str):
        raise InvalidValue(f"/roo/generate needs a part first: expected one of {', '.join(protocol.PARTS)}")
    part = args[0]
    if part not in protocol.PARTS:
        raise InvalidValue(f"part {part!r} is not known: expected one of {', '.join(protocol.PARTS)}")
    opts = parse_options(args[1:], protocol.GENERATE_OPTIONS, what="/roo/generate")
    req = GenerateRequest(
        part=part, **{k: v for k, v in opts.items() if k != "replace"}, replace=bool(opts.get("replace", 0))
    )
    if not 1 <= req.bars <= MAX_BARS:
        raise InvalidValue(f"bars {req.bars} is out of range: expected 1..{MAX_BARS}")
    for name in ("density", "complexity"):
        value = getattr(req, name)
        if not 0.0 <= value <= 1.0:
            raise InvalidValue(f"{name} {value} is out of range: expected 0..1")
    if req.track < -1 or req.slot < -1:
        raise InvalidValue(
            f"track {req.track} / slot {req.slot}: expected an index >= 0, or -1 for the selected one"
        )
    return req


def musical_context(req: GenerateRequest, live: LiveContext, app: App) -> MusicalContext:
    """Merge the request with Live's context: explicit options win, then Live, then defaults."""
    if req.key is not None:
        key = parse_key(req.key)
    elif live.scale_name in SCALES:
        key = Key(live.root_note % 12, live.scale_name)
    else:  # Live scales we do not write in (e.g. Chromatic): keep the root, use major
        key = Key(live.root_note % 12, "Major")
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
        key=key,
        bars=req.bars,
        chords=app.song.chords,
    )
    return replace(ctx, genre=req.genre) if req.genre is not None else ctx


def _resolve(req: GenerateRequest, live: LiveContext) -> tuple[int, int]:
    track = live.selected_track if req.track == -1 else req.track
    slot = live.selected_slot if req.slot == -1 else req.slot
    if not 0 <= track < live.num_tracks:
        raise InvalidValue(
            f"track {track} is out of range: the Set has {live.num_tracks} tracks (0..{live.num_tracks - 1})"
        )
    if slot < 0:
        raise InvalidValue(
            f"slot {slot} is out of range: expected 0..{live.num_scenes - 1} (no slot is selected)"
        )
    return track, slot


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    live, seq = await app.live.current_context()  # pushed by Live: no round trip once it came
    job.report(0.2, "song context read")
    seed = req.seed if req.seed is not None else job.id
    if req.part in ("all", "song"):
        ctx = musical_context(req, live, app)
        slot = live.selected_slot if req.slot == -1 else req.slot
        if slot < 0:
            raise InvalidValue(f"slot {slot} is out of range: expected 0..{live.num_scenes - 1}")
        runner = multi.run_all if req.part == "all" else multi.run_song
        return await runner(app, job, ctx, slot, req, seed)
    for attempt in range(2):
        ctx = musical_context(req, live, app)
        track, slot = _resolve(req, live)
        notes = await app.run_cpu(_generate, req.part, ctx, req.density, req.complexity, seed)
        job.check_cancelled()
        job.report(0.6, f"{len(notes)} notes generated")
        name = f"{req.part} {ctx.genre} s{seed}"
        follows = req.track == -1 or req.slot == -1
        try:
            if seq < 0:  # Live has pushed nothing yet: the context came from a query
                written = await app.live.write_clip(track, slot, ctx.length_beats, name, notes, req.replace)
            else:
                written = await app.live.write_clip_for(
                    seq, follows, track, slot, ctx.length_beats, name, notes, req.replace
                )
            break
        except StaleContext as stale:
            if attempt:
                raise LiveError(
                    "the song context changed again while the part was regenerated for it: generate again"
                ) from stale
            live, seq = stale.context, stale.seq  # regenerate once for what Live holds now
            job.report(0.3, "the song context changed: generating again for it")
    wrote_track, wrote_slot, count = written
    app.song.takes.append(
        {
            "part": req.part,
            "track": wrote_track,
            "slot": wrote_slot,
            "seed": seed,
            "bars": req.bars,
            "genre": ctx.genre,
            "density": req.density,
            "job": job.id,
        }
    )
    app.song.last_generate[req.part] = {
        "track": wrote_track,
        "slot": wrote_slot,
        "bars": req.bars,
        "genre": ctx.genre,
        "density": req.density,
        "complexity": req.complexity,
        "seed": seed,
    }
    moved = "" if (wrote_track, wrote_slot) == (track, slot) else f" (slot {slot} was full)"
    return f"{req.part}: {count} notes, {req.bars} bars in track {wrote_track} slot {wrote_slot}{moved}"


def _generate(part: str, ctx: MusicalContext, density: float, complexity: float, seed: int) -> list[Note]:
    return generators.generate(part, ctx, density=density, complexity=complexity, seed=seed)
