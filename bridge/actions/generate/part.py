"""/roo/generate's third step: make the part for the song context (or take it prepared in idle time).

The source clip is followed (its chords and key, or the kick of a drum clip; ``bridge.actions.follow.rule``)
and the notes made in one step on the CPU pool. When pre-generation (``bridge.prepare``) holds this
part, it serves its notes if they are exactly what this request would make (same part, context,
dials, seed and source). A part the genre does not play is refused, not written empty.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from functools import partial

from bridge.actions.clips.midi import MidiClip
from bridge.actions.clips.take import harmony
from bridge.actions.follow.rule import Follow, Kept, following
from bridge.actions.generate.context import SongContext
from bridge.actions.generate.request import GenerateRequest
from bridge.actions.takes import midi_take
from bridge.app import App
from bridge.history import TakeDraft
from bridge.jobs.board import Job
from bridge.prepare import has_prepared_part, take_prepared_part
from engines import generators
from engines.errors import InvalidValue
from engines.generators import bass
from engines.music import MusicalContext, Note
from engines.symbolic.follow import lock_kicks


@dataclass(frozen=True, slots=True)
class Part:
    """The part made: its context (with the source's chords and key), what it followed, its notes."""

    ctx: MusicalContext
    follow: Follow | None
    notes: list[Note]
    prepared: bool  # taken from what pre-generation made in idle time


async def make_part(app: App, job: Job, req: GenerateRequest, song: SongContext, seed: int) -> Part:
    """The part's notes for ``song`` (refused when empty); the job then reports how many."""
    part = await _part(app, req, song, seed)
    job.check_cancelled()
    refuse_empty(req.part, part.ctx.genre, req.density, part.notes)
    job.report(0.6, f"{len(part.notes)} notes generated")
    if song.unfollowed and part.follow is not None:  # analysed chords there that no longer hold: said
        part = replace(part, follow=replace(part.follow, summary=part.follow.summary + song.unfollowed))
    if song.placed and part.follow is not None:  # the done message says the track and why, then the source
        part = replace(part, follow=replace(part.follow, summary=f"{song.placed}, {part.follow.summary}"))
    return part


async def _part(app: App, req: GenerateRequest, song: SongContext, seed: int) -> Part:
    """Prepared notes when they are exactly these; with nothing prepared for the part, one CPU-pool step."""
    if not has_prepared_part(app, req.part):
        ctx, follow, notes = await app.run_cpu(
            _make, req, song.ctx, song.source, seed, app.song.chords_source, kept_of(song)
        )
        return Part(ctx, follow, notes, False)
    ctx, follow = await followed(app, req, song)
    ready = take_prepared_part(app, req.part, ctx, (req.density, req.complexity), seed, follow)
    if ready is not None:
        return Part(ctx, follow, ready, True)
    notes = await app.run_cpu(generate_following, req.part, ctx, req.density, req.complexity, seed, follow)
    return Part(ctx, follow, notes, False)


async def followed(app: App, req: GenerateRequest, song: SongContext) -> tuple[MusicalContext, Follow | None]:
    """The song context with the source clip's chords (and key), and what else the part locks to."""
    follow = partial(
        following,
        key_given=req.key is not None,
        part=req.part,
        chords_from=app.song.chords_source,
        kept=kept_of(song),
    )
    return await app.run_cpu(follow, song.ctx, song.source)


def kept_of(song: SongContext) -> Kept | None:
    """What the source clip was made over, when it is a take the history holds."""
    if song.source_take is None:
        return None
    made_over = harmony(song.source_take)
    return None if made_over is None else Kept(song.source_take.take_id, *made_over)


def _make(
    req: GenerateRequest,
    ctx: MusicalContext,
    source: MidiClip | None,
    seed: int,
    chords_from: str,
    kept: Kept | None,
) -> tuple[MusicalContext, Follow | None, list[Note]]:
    """One part made for the context, following the source: one step on the CPU pool."""
    ctx, follow = following(
        ctx, source, key_given=req.key is not None, part=req.part, chords_from=chords_from, kept=kept
    )
    notes = generate_following(req.part, ctx, req.density, req.complexity, seed, follow)
    return ctx, follow, notes


def generate_following(
    part: str, ctx: MusicalContext, density: float, complexity: float, seed: int, follow: Follow | None
) -> list[Note]:
    """One part; drums put their kicks on a pitched source's onsets, bass locks to a drum source's kick."""
    if follow is not None and follow.is_drums and part == "bass":
        generators.check(ctx, density, complexity)
        return bass.generate(
            ctx, density=density, complexity=complexity, seed=seed, kick_beats=follow.onsets_beats
        )
    notes = generators.generate(part, ctx, density=density, complexity=complexity, seed=seed)
    if follow is not None and not follow.is_drums and part == "drums" and follow.onsets_beats:
        return lock_kicks(
            notes, follow.onsets_beats, length_beats=ctx.length_beats, bar_beats=ctx.beats_per_bar
        )
    return notes


def take_draft(req: GenerateRequest, part: Part, seed: int) -> TakeDraft:
    """The take of ``part`` as the history will record it, drafted before it goes to Live (the
    record step fills in where it landed)."""
    params = {k: v for k, v in asdict(req).items() if k not in ("part", "seed", "bars_given")}
    if not req.arrangement:  # a slot's take: the Arrangement's options are not part of it
        params = {k: v for k, v in params.items() if k not in ("arrangement", "at")}
    return midi_take("generate", req.part, params=params, seed=seed, ctx=part.ctx, live={}, notes=part.notes)


def refuse_empty(part: str, genre: str, density: float, notes: list[Note]) -> None:
    """A part the genre does not play (classical drums) is refused with the reason, not written empty."""
    if not notes:
        raise InvalidValue(
            f"genre {genre!r} has no {part} part at density {density:g}: it writes no notes, so nothing "
            "was written (pick another genre, or a higher density where the genre plays a little)"
        )
