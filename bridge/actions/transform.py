"""/roo/transform <kind> track T slot S [name value]...: a new clip made from an existing one.

The clip's notes are read through the Remote Script, transformed by ``engines.transforms`` (on the
CPU thread) and written to the next empty slot of the same track, or over the clip with
``replace 1``. The clip's key for diatonic moves is ``key`` if given, else the one its notes
suggest; the seed is the job id unless given, so a repeat gives a new variation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bridge import protocol
from bridge.actions.midi_clip import midi_clip
from bridge.actions.options import parse_options
from bridge.actions.takes import midi_take, write_recorded
from bridge.app import App
from bridge.jobs import Job
from engines import transforms
from engines.errors import InvalidValue
from engines.music import MusicalContext
from engines.symbolic.profile import profile
from engines.transforms.drum_voices import pitches_of

OWN = ("track", "slot", "replace", "seed")  # the options that are not the transform's


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
    kinds = ", ".join(protocol.TRANSFORM_KINDS)
    if not args or not isinstance(args[0], str):
        raise InvalidValue(f"/roo/transform needs a kind first: expected one of {kinds}")
    kind = args[0]
    if kind not in protocol.TRANSFORM_KINDS:
        raise InvalidValue(f"transform {kind!r} is not known: expected one of {kinds}")
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
    clip = await midi_clip(app, req.track, req.slot, address=protocol.TRANSFORM)
    live = clip.context
    job.report(0.3, f"{len(clip.notes)} notes read from {clip.where}")
    bar = live.signature_numerator * 4.0 / live.signature_denominator
    options = transforms.make_options(clip.length_beats, bar, **req.options)
    seed = req.seed if req.seed is not None else job.id
    result = await app.run_cpu(transforms.transform, req.kind, clip.notes, options, seed)
    job.check_cancelled()
    job.report(0.6, f"{req.kind}: {len(result.notes)} notes")
    name = f"{clip.info.name or 'clip'} {req.kind}"[:64]
    ctx = MusicalContext(
        tempo_bpm=float(live.tempo_bpm),
        signature=(int(live.signature_numerator), int(live.signature_denominator)),
    )
    role = profile(result.notes, result.length_beats).role
    params = {"kind": req.kind, "source": {"track": clip.track, "slot": clip.slot}, **req.options}
    draft = midi_take("transform", role, params=params, seed=seed, ctx=ctx, live={}, notes=result.notes)
    write = app.live.write_clip(clip.track, clip.slot, result.length_beats, name, result.notes, req.replace)
    track, slot, count = await write_recorded(app, job, draft, write)
    draft.live = {"track": track, "slot": slot, "length_beats": result.length_beats, "note_count": count}
    where = f"track {track} slot {slot}"
    return f"{req.kind} of {clip.where}: {count} notes, {result.length_beats:g} beats in {where}"
