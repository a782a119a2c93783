"""/roo/generate's source clip: a MIDI clip whose chords a new part follows.

``source_track``/``source_slot`` name it; with neither, the selected clip is the source when it
is a MIDI clip with notes. A pitched source gives the context its chords (a chord per beat,
looped over the new part) and, unless ``key`` is given, its key; a drums part places its kicks
with the source's onsets ("drums that lock to my bassline"). A drum source gives a bass part its
kicks to lock to. The done message says what was followed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from bridge import protocol
from bridge.actions.midi_clip import MidiClip, empty_selected, midi_clip, selected_midi_clip
from bridge.app import App
from bridge.live_client import LiveContext
from engines import generators
from engines.generators import bass
from engines.music import MusicalContext, Note
from engines.symbolic import describe
from engines.symbolic.follow import KICKS, lock_kicks, looped_onsets
from engines.symbolic.profile import onsets


@dataclass(frozen=True, slots=True)
class Follow:
    summary: str  # for the done message: "following track 0 slot 0 ('Keys'): 4 chords, A minor"
    onsets_beats: tuple[float, ...]  # the source's note starts, looped over the new part
    is_drums: bool  # the source is a drum clip: its kicks lead a bass part


async def source_clip(app: App, req: object, live: LiveContext, *, cached: bool = False) -> MidiClip | None:
    """The named source clip (errors name it), or the selected MIDI clip, or None.

    cached: a reading kept from an earlier request may answer, for a write that checks it in Live
    (``LiveClient.write_clip_from``)."""
    track = getattr(req, "source_track", None)
    slot = getattr(req, "source_slot", None)
    if track is None and slot is None:
        return await selected_midi_clip(app, live, cached=cached)
    return await midi_clip(app, -1 if track is None else track, -1 if slot is None else slot,
                           address=protocol.GENERATE, live=live, cached=cached)  # fmt: skip


def checked_source(
    app: App, req: object, live: LiveContext, source: MidiClip | None
) -> tuple[int, int, str] | None:
    """What a write made from ``source`` checks in Live: the source clip read (its digest), or the
    selected slot the pushed fill state says is empty (digest ""): a clip put there meanwhile is
    then followed. None: nothing to check (a named source is always read)."""
    if source is not None:
        return source.source
    named = getattr(req, "source_track", None) is not None or getattr(req, "source_slot", None) is not None
    empty = None if named else empty_selected(app, live)
    return (*empty, "") if empty is not None else None


def following(
    ctx: MusicalContext, clip: MidiClip | None, *, key_given: bool, part: str = ""
) -> tuple[MusicalContext, Follow | None]:
    """The context with the source's chords (and key) and what else the part should lock to."""
    if clip is None or not clip.notes:
        return ctx, None
    desc = describe(clip.notes, clip.length_beats, drums=clip.drums_by_name)
    if desc.profile.role == "drums":
        if part != "bass":
            return ctx, None  # a drum clip has no chords: other parts follow the song's
        kicks = [n.start_beats for n in clip.notes if n.pitch in KICKS]
        looped = looped_onsets(kicks, clip.length_beats, ctx.length_beats)
        return ctx, Follow(f"locked to the kick of {clip.where}", tuple(looped), True)
    chords = desc.generator_chords()
    if chords:
        ctx = replace(ctx, chords=chords)
    if desc.key is not None and not key_given:
        ctx = replace(ctx, key=desc.key)
    looped = looped_onsets(onsets(clip.notes), clip.length_beats, ctx.length_beats)
    key = f", {ctx.key}" if desc.key is not None else ""
    summary = f"following {clip.where}: {len(chords)} chords{key}"
    if part == "drums":
        summary = f"kick on the onsets of {clip.where}"
    return ctx, Follow(summary, tuple(looped), False)


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
