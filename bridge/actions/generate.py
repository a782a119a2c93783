"""/roo/generate <part> (name value)*: write a part that fits the song into a Live clip slot.

The song context (tempo, signature, key and scale, selection) comes from Live; analysed chords
from the last /roo/analyze. An existing clip is never overwritten unless ``replace 1`` is given:
the Remote Script then writes into the next empty slot below and the reply says which.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import partial
from typing import Any

from bridge import protocol
from bridge.actions import multi
from bridge.actions.follow import Follow, checked_source, following, generate_following, source_clip
from bridge.actions.midi_clip import MidiClip
from bridge.actions.options import parse_options
from bridge.actions.takes import midi_take, write_recorded
from bridge.app import App
from bridge.jobs import Job
from bridge.live_client import LiveContext, StaleContext, StaleSource
from bridge.prepare import has_prepared_part, take_prepared_part
from engines.errors import InvalidValue, LiveError
from engines.generators.feel import check as check_feel
from engines.genre_names import genre_name
from engines.music import SCALES, Feel, Key, MusicalContext, Note, parse_key, scale_named

MAX_BARS = 256
ATTEMPTS = 3  # a write refused for a changed context, then for a changed source, is made a third time


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
    swing: float | None = None  # groove controls: None keeps the genre's
    humanize: float | None = None
    accent: float | None = None
    intensity: float | None = None
    fills: str | None = None

    @property
    def feel(self) -> Feel:
        return Feel(self.swing, self.humanize, self.accent, self.intensity, self.fills)

    source_track: int | None = None  # a MIDI clip to follow; None (both): the selected MIDI clip
    source_slot: int | None = None


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
    check_feel(req.feel)
    if req.genre is not None:
        req = replace(req, genre=genre_name(req.genre))
    if req.track < -1 or req.slot < -1:
        raise InvalidValue(
            f"track {req.track} / slot {req.slot}: expected an index >= 0, or -1 for the selected one"
        )
    for name in ("source_track", "source_slot"):
        value = getattr(req, name)
        if value is not None and value < -1:
            raise InvalidValue(f"{name} {value}: expected an index >= 0, or -1 for the selected one")
    return req


def musical_context(req: GenerateRequest, live: LiveContext, app: App) -> MusicalContext:
    """Merge the request with Live's context: explicit options win, then Live, then defaults.

    Live's scale is followed by name (every Live 12 scale); one the generators do not know is
    refused with its name, except for drums, which do not depend on the key.
    """
    if req.key is not None:
        key = parse_key(req.key)
    elif scale_named(live.scale_name) is not None:
        key = Key(live.root_note % 12, str(scale_named(live.scale_name)))
    elif req.part == "drums":
        key = Key(live.root_note % 12, "Major")  # drums do not read the key
    else:
        raise InvalidValue(
            f"Live's scale {live.scale_name!r} is not one the generators can follow: expected one of "
            f"Live 12's scales ({', '.join(SCALES)}), or give a key, e.g. key 'E Hirajoshi'"
        )
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
        key=key,
        bars=req.bars,
        chords=app.song.chords,
        feel=req.feel,
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
        track, slot = _resolve(req, live)
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
            **groove_settings(req),
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
        **groove_settings(req),
    }
    moved = "" if (wrote_track, wrote_slot) == (track, slot) else f" (slot {slot} was full)"
    told = f"{req.part}: {count} notes, {req.bars} bars in track {wrote_track} slot {wrote_slot}{moved}"
    told += " (prepared)" if prepared else ""
    return told + (f", {follow.summary}" if follow is not None else "") + again


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


def refuse_empty(part: str, genre: str, density: float, notes: list[Note]) -> None:
    """A part the genre does not play (classical drums) is refused with the reason, not written empty."""
    if not notes:
        raise InvalidValue(
            f"genre {genre!r} has no {part} part at density {density:g}: it writes no notes, so nothing "
            "was written (pick another genre, or a higher density where the genre plays a little)"
        )


def groove_settings(req: GenerateRequest) -> dict[str, Any]:
    """The groove controls a request gave (so Vary keeps them); none when it kept the genre's."""
    names = ("swing", "humanize", "accent", "intensity", "fills")
    return {name: getattr(req, name) for name in names if getattr(req, name) is not None}
