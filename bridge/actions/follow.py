"""/roo/generate's source clip: a MIDI clip whose chords a new part follows.

``source_track``/``source_slot`` name it; with neither, the selected clip is the source when it
is a MIDI clip with notes. A pitched source gives the context its chords (a chord per beat,
looped over the new part) and, unless ``key`` is given, its key; a drums part places its kicks
with the source's onsets ("drums that lock to my bassline"). A drum source gives a bass part its
kicks to lock to. The done message says what was followed.

A source's description (``described``) is kept by the clip's digest, which changes with its notes,
name, length and markers: a clip followed again, or one described as Live pushed it (``warm``, from
``bridge.prepare``), is not described again at click time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from bridge import protocol
from bridge.actions.midi_clip import MidiClip, empty_selected, from_reading, midi_clip, selected_midi_clip
from bridge.app import App
from bridge.live.client import LiveContext, Reading
from engines import generators
from engines.errors import InvalidValue
from engines.generators import bass
from engines.music import MusicalContext, Note
from engines.symbolic import ClipContext, describe
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
    desc = described(clip)
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


KEEP_DESCRIBED = 16  # source clips whose description is kept (the oldest goes first)
_described: OrderedDict[tuple[str, bool | None], ClipContext] = OrderedDict()
_described_lock = threading.Lock()


def described(clip: MidiClip) -> ClipContext:
    """``describe`` of the clip's notes, kept by its digest and drum naming (CPU: call off the loop).

    One digest is one name, length, markers and notes, so a kept description is never stale;
    a clip read without a digest is described each time."""
    key = (clip.digest, clip.drums_by_name)
    with _described_lock:
        kept = _described.get(key) if clip.digest else None
    if kept is not None:
        return kept
    desc = describe(clip.notes, clip.length_beats, drums=clip.drums_by_name)
    if clip.digest:
        with _described_lock:
            _described[key] = desc
            while len(_described) > KEEP_DESCRIBED:
                _described.popitem(last=False)
    return desc


def warm(reading: Reading, live: LiveContext) -> ClipContext | None:
    """Describe a MIDI clip Live pushed before anyone asks (CPU: call off the loop); None for an
    audio clip."""
    try:
        return described(from_reading(reading, live, "/roo/generate"))
    except InvalidValue:
        return None


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
