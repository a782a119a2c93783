"""/roo/generate <part> (name value)*: write a part that fits the song into a Live clip slot.

The song context (tempo, signature, key and scale, selection) comes from Live; analysed chords
from the last /roo/analyze. An existing clip is never overwritten unless ``replace 1`` is given:
the Remote Script then writes into the next empty slot below and the reply says which.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from bridge import protocol
from bridge.actions import multi
from bridge.actions.options import parse_options
from bridge.actions.takes import midi_take
from bridge.app import App
from bridge.jobs import Job
from bridge.live_client import LiveContext
from engines import generators
from engines.errors import InvalidValue
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
    live = await app.live.context()
    job.report(0.2, "song context read")
    ctx = musical_context(req, live, app)
    seed = req.seed if req.seed is not None else job.id
    if req.part in ("all", "song"):
        slot = live.selected_slot if req.slot == -1 else req.slot
        if slot < 0:
            raise InvalidValue(f"slot {slot} is out of range: expected 0..{live.num_scenes - 1}")
        runner = multi.run_all if req.part == "all" else multi.run_song
        return await runner(app, job, ctx, slot, req, seed)
    track, slot = _resolve(req, live)
    notes = await app.run_cpu(_generate, req.part, ctx, req.density, req.complexity, seed)
    job.check_cancelled()
    job.report(0.6, f"{len(notes)} notes generated")
    name = f"{req.part} {ctx.genre} s{seed}"
    wrote_track, wrote_slot, count = await app.live.write_clip(
        track, slot, ctx.length_beats, name, notes, req.replace
    )
    params = {k: v for k, v in asdict(req).items() if k not in ("part", "seed")}
    live_at = {
        "track": wrote_track,
        "slot": wrote_slot,
        "length_beats": ctx.length_beats,
        "note_count": count,
    }
    job.takes.append(
        midi_take("generate", req.part, params=params, seed=seed, ctx=ctx, live=live_at, notes=notes)
    )
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
