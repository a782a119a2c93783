"""/roo/transform <kind> track T slot S [name value]...: a new clip made from an existing one.

The clip's notes are read through the Remote Script (or taken as Live pushed them, for the selected
clip), transformed by ``engines.transforms`` (on the CPU thread) and written to the next empty slot
of the same track, or over the clip with ``replace 1``. The song context is the one Live pushed:
the write carries its version and the clip's digest, and Live refuses it when the clip, the time
signature or (for a clip picked by the selection) the selection changed meanwhile; it is then
transformed again for what Live holds now. The clip's key for diatonic moves is ``key`` if given, else the one its notes
suggest; the seed is the job id unless given, so a repeat gives a new variation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from bridge import protocol
from bridge.actions.clips.midi import MidiClip, midi_clip
from bridge.actions.clips.take import kept, said, take_behind
from bridge.actions.follow.rule import described
from bridge.actions.options import leading_choice, parse_options
from bridge.actions.takes import midi_take, transform_part, write_recorded
from bridge.app import App
from bridge.history import TakeDraft
from bridge.jobs.board import Job
from bridge.live.client import ClipWrite, Expect, StaleContext, StaleSource
from engines import transforms
from engines.errors import InvalidValue, LiveError
from engines.music import MusicalContext, parse_key
from engines.symbolic.profile import profile
from engines.transforms.drum_voices import pitches_of

OWN = ("track", "slot", "replace", "seed")  # the options that are not the transform's
ATTEMPTS = 3  # a write refused for a changed context, then for a changed clip, is made a third time


@dataclass(frozen=True, slots=True)
class TransformRequest:
    kind: str
    track: int
    slot: int
    replace: bool = False
    seed: int | None = None
    options: dict[str, Any] = field(default_factory=dict)


def parse_request(args: list[Any]) -> TransformRequest:
    """Validate the kind and options (their values are checked again with the clip's length)."""
    kind = leading_choice(
        args, protocol.TRANSFORM_KINDS, needs="/roo/transform needs a kind", unknown="transform"
    )
    opts = parse_options(args[1:], protocol.TRANSFORM_OPTIONS, what="/roo/transform")
    for name in ("track", "slot"):
        if name not in opts:
            raise InvalidValue(
                f"/roo/transform {kind} needs {name}: expected track T slot S (-1: the selected one)"
            )
        if opts[name] < -1:
            raise InvalidValue(f"{name} {opts[name]}: expected an index >= 0, or -1 for the selected one")
    if opts.get("replace", 0) not in (0, 1):
        raise InvalidValue(
            f"/roo/transform option replace = {opts['replace']!r} is not valid: expected 0 or 1"
        )
    if kind.startswith("drums_") and "voices" not in opts:
        raise InvalidValue(
            f"/roo/transform {kind} needs voices: expected e.g. voices hats or voices kick,snare"
        )
    rest = {k: v for k, v in opts.items() if k not in OWN}
    checked = transforms.make_options(4.0, **rest)  # bad values fail here, before Live is asked anything
    if checked.voices:
        pitches_of(checked.voices)
    return TransformRequest(
        kind, opts["track"], opts["slot"], bool(opts.get("replace", 0)), opts.get("seed"), rest
    )


async def run(app: App, job: Job, args: list[Any]) -> str:
    req = parse_request(args)
    live, seq = await app.live.current_context()  # pushed by Live: no round trip once it came
    follows = req.track == -1 or req.slot == -1  # the selection picked the clip
    for attempt in range(ATTEMPTS):
        # the clip Live pushed (the selected one) or read earlier may serve: the write checks it
        clip = await midi_clip(
            app, req.track, req.slot, address=protocol.TRANSFORM, live=live, cached=seq >= 0
        )
        job.report(0.3, f"{len(clip.notes)} notes read from {clip.where}")
        draft, result, name, note = await _transformed(app, req, clip, job)
        # refused when the clip, the signature or (if it picked the clip) the selection changed;
        # nothing is checked while Live has pushed no context (it came from a query)
        clip_write = ClipWrite(clip.track, clip.slot, result.length_beats, name, result.notes, req.replace)
        write = app.live.write(clip_write, expect=Expect(seq, follows, clip.source))
        try:
            track, slot, count = await write_recorded(app, job, draft, write)
            break
        except (StaleContext, StaleSource) as stale:
            if attempt == ATTEMPTS - 1:
                raise LiveError(
                    "the clip or the song context changed again while it was transformed: transform again"
                ) from stale
            if isinstance(stale, StaleContext):
                live, seq = stale.context, stale.seq  # transform again in what Live holds now
            job.report(0.3, "the clip or the song context changed: transforming again")
    draft.live = {"track": track, "slot": slot, "length_beats": result.length_beats, "note_count": count}
    where = f"track {track} slot {slot}"
    return f"{req.kind} of {clip.where}: {count} notes, {result.length_beats:g} beats in {where}{note}"


async def _transformed(
    app: App, req: TransformRequest, clip: MidiClip, job: Job
) -> tuple[TakeDraft, transforms.Transformed, str, str]:
    """The clip transformed (on the CPU thread), its take draft, the new clip's name and what the
    take keeps of its source: the source take's key, genre and bars, or the clip's key as read."""
    live = clip.context
    bar = live.signature_numerator * 4.0 / live.signature_denominator
    options = transforms.make_options(clip.length_beats, bar, **req.options)
    seed = req.seed if req.seed is not None else job.id
    result = await app.run_cpu(transforms.transform, req.kind, clip.notes, options, seed)
    job.check_cancelled()
    job.report(0.6, f"{req.kind}: {len(result.notes)} notes")
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
        bars=max(1, round(clip.length_beats / bar)),
    )
    ctx, note, known_genre = await _source_settings(app, clip, ctx)
    # filed as the source clip's part (a drum transform's: drums), made by the transform, a child of
    # the take the source clip is
    part = transform_part(req.kind, profile(clip.notes, clip.length_beats).role)
    params = {"kind": req.kind, "source": {"track": clip.track, "slot": clip.slot}, **req.options}
    draft = midi_take(
        "transform", part, params=params, seed=seed, ctx=ctx, live={}, notes=result.notes,
        engine=f"engines.transforms:{req.kind}", parent=(clip.track, clip.slot),
    )  # fmt: skip
    if not known_genre:  # a clip that is not a take: its genre is not known, never the default's
        draft.context.pop("genre", None)
    return draft, result, f"{clip.info.name or 'clip'} {req.kind}"[:64], note


async def _source_settings(app: App, clip: MidiClip, ctx: MusicalContext) -> tuple[MusicalContext, str, bool]:
    """The context a transform's take records: its source take's key, genre and bars when the clip
    is a take; else the key the clip reads as (with its confidence). Also what the message says and
    whether the genre is known."""
    source = await take_behind(app, clip.track, clip.slot, clip.notes)
    if source is not None:
        keep = kept(source)
        key = parse_key(keep["key"]) if "key" in keep else ctx.key
        ctx = replace(
            ctx, key=key, genre=str(keep.get("genre", ctx.genre)), bars=int(keep.get("bars", ctx.bars))
        )
        return ctx, f"; {said(source)}", "genre" in keep
    desc = await app.run_cpu(described, clip)
    if desc.key is None:
        return ctx, "", False
    return replace(ctx, key=desc.key), f"; read {desc.key} ({desc.key_confidence:.2f})", False
