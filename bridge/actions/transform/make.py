"""A clip transformed and its take: the notes (on the CPU thread), the take draft with what it
keeps of its source (the source take's key, genre and bars, or the key the clip reads as).

The key the take records and the message says is the key of the notes written: the source's key
moved by the interval every note moved (a transpose -2 of a C major clip: Bb major), the source's
key where the pitches stayed (swing, half time, hats out) or moved note by note (a vary keeps it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from bridge.actions.analyze.apply import KEY_CONFIDENCE_MIN
from bridge.actions.clips.midi import MidiClip
from bridge.actions.clips.take import kept, said, take_behind, take_behind_at
from bridge.actions.follow.rule import described
from bridge.actions.takes import midi_take, transform_part
from bridge.actions.transform.request import TransformRequest
from bridge.app import App
from bridge.history import TakeDraft
from bridge.jobs.board import Job
from engines import transforms
from engines.music import Key, MusicalContext, Note, parse_key
from engines.symbolic.profile import profile


async def transformed(
    app: App,
    req: TransformRequest,
    clip: MidiClip,
    job: Job,
    *,
    parent: bool = True,
    at_beats: float | None = None,
) -> tuple[TakeDraft, transforms.Transformed, str, str]:
    """The clip transformed (on the CPU thread), its take draft, the new clip's name and what the
    take keeps of its source: the source take's key, genre and bars, or the clip's key as read.
    ``parent``: the take is filed under the take at the clip's track and slot (a session clip);
    ``at_beats``: the clip is the arrangement clip starting there, the take is filed under the take
    written there with the clip's notes (none: a root)."""
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
    source = (
        await take_behind(app, clip.track, clip.slot, clip.notes)
        if at_beats is None
        else await take_behind_at(app, clip.track, at_beats, clip.notes)
    )
    ctx, note, known_genre = await _source_settings(app, clip, ctx, source)
    if note:  # the key the source had: now the key of what is written
        ctx, note = await app.run_cpu(_written_key, ctx, note, clip, result.notes)
    # filed as the source clip's part (a drum transform's: drums), made by the transform, a child of
    # the take the source clip is
    part = transform_part(req.kind, profile(clip.notes, clip.length_beats).role)
    params = {"kind": req.kind, "source": {"track": clip.track, "slot": clip.slot}, **req.options}
    draft = midi_take(
        "transform", part, params=params, seed=seed, ctx=ctx, live={}, notes=result.notes,
        engine=f"engines.transforms:{req.kind}", parent=(clip.track, clip.slot) if parent else None,
    )  # fmt: skip
    if at_beats is not None and source is not None:
        draft.parent_id = source.take_id  # the take that was there, as the session transform's
    if not known_genre:  # a clip that is not a take: its genre is not known, never the default's
        draft.context.pop("genre", None)
    return draft, result, f"{clip.info.name or 'clip'} {req.kind}"[:64], note


def pitch_move(before: Sequence[Note], after: Sequence[Note]) -> int | None:
    """The one interval (semitones) every note moved by: 0 when the pitches stayed or notes were only
    taken out; None when the pitches changed otherwise."""
    was, now = sorted(n.pitch for n in before), sorted(n.pitch for n in after)
    if len(was) == len(now) and len(moves := {b - a for a, b in zip(was, now, strict=True)}) == 1:
        return moves.pop()
    return 0 if set(now) <= set(was) else None


def _written_key(
    ctx: MusicalContext, note: str, clip: MidiClip, written: Sequence[Note]
) -> tuple[MusicalContext, str]:
    """The context and message with the key of the notes written (CPU: off the loop)."""
    moved = pitch_move(clip.notes, written)
    if not moved:  # the pitches stayed, or moved note by note (a vary): the key stays
        return ctx, note
    key = Key((ctx.key.tonic + moved) % 12, ctx.key.scale)
    return replace(ctx, key=key), f"; now {key} (the clip's {ctx.key} moved {moved:+d} semitones)"


async def _source_settings(
    app: App, clip: MidiClip, ctx: MusicalContext, source: Any | None
) -> tuple[MusicalContext, str, bool]:
    """The context a transform's take records: its source take's key, genre and bars when the clip
    is a take; else the key the clip reads as (with its confidence). Also what the message says and
    whether the genre is known."""
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
    return replace(ctx, key=desc.key), f"; read {desc.key_said(KEY_CONFIDENCE_MIN)}", False
