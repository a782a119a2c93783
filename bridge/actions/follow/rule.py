"""Following a source clip: what a new part takes from the MIDI clip it follows.

The clip is found by ``bridge.actions.generate.context.source_clip``. A pitched source gives the
context its chords (a chord per beat, looped over the new part) and, unless ``key`` is given, its
key; a drums part places its kicks with the source's onsets ("drums that lock to my bassline"). A
drum source gives a bass part its kicks to lock to. The done message says what was followed.

A source's description (``described``) is kept by the clip's digest, which changes with its notes,
name, length and markers: a clip followed again, or one described as Live pushed it (``warm``, which
pre-generation runs), is not described again at click time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from bridge.actions.analyze.apply import KEY_CONFIDENCE_MIN
from bridge.actions.clips.midi import MidiClip, from_reading
from bridge.live.client import LiveContext, Reading
from engines.errors import InvalidValue
from engines.music import Chord, Key, MusicalContext
from engines.symbolic import ClipContext, describe
from engines.symbolic.follow import KICKS, looped_onsets
from engines.symbolic.profile import onsets


@dataclass(frozen=True, slots=True)
class Follow:
    summary: str  # for the done message: "following track 1, scene 1 ('Keys'): 4 chords, A minor"
    onsets_beats: tuple[float, ...]  # the source's note starts, looped over the new part
    is_drums: bool  # the source is a drum clip: its kicks lead a bass part


# the roles of a selected clip each part follows (a named or marked clip is followed whatever its role)
FITS = {"drums": (), "bass": ("chords", "bass", "drums")}
HARMONY_ROLES = ("chords", "bass")  # chords, melody, all and song


@dataclass(frozen=True, slots=True)
class Kept:
    """What a source clip that is a take was made over: followed instead of a reading of its notes."""

    take_id: str
    key: Key
    chords: tuple[Chord, ...]  # empty: it followed the genre's progression, and so does the new part


def following(
    ctx: MusicalContext,
    clip: MidiClip | None,
    *,
    key_given: bool,
    part: str = "",
    chords_from: str = "",
    kept: Kept | None = None,
) -> tuple[MusicalContext, Follow]:
    """The context with the source's chords (and key) and what else the part should lock to.

    A selected clip is followed only when its role fits the part (``FITS``); what is followed
    instead (the analysed chords ``chords_from`` names, or the key and the genre's progression)
    is said all the same. A source that is a take (``kept``) gives the key and chords it was made
    over, never a reading of its notes (a bass without its third reads as another key: issue 47)."""
    if clip is None or not clip.notes:
        return ctx, Follow(_song_source(ctx, key_given, part, chords_from), (), False)
    desc = described(clip)
    role = desc.profile.role
    if clip.chosen == "selected" and role not in FITS.get(part, HARMONY_ROLES):
        unfit = f" (the selected {role} clip {clip.where} does not lead {part or 'this part'})"
        return ctx, Follow(_song_source(ctx, key_given, part, chords_from) + unfit, (), False)
    why = {"marked": " (the marked chord source)", "selected": f" (the selected {role} clip)"}.get(
        clip.chosen, ""
    )
    if role == "drums":
        if part != "bass":
            return ctx, Follow(_song_source(ctx, key_given, part, chords_from), (), False)
        kicks = [n.start_beats for n in clip.notes if n.pitch in KICKS]
        looped = looped_onsets(kicks, clip.length_beats, ctx.length_beats)
        harmony = _song_source(ctx, key_given, part, chords_from)
        return ctx, Follow(f"locked to the kick of {clip.where}{why}, {harmony}", tuple(looped), True)
    looped = looped_onsets(onsets(clip.notes), clip.length_beats, ctx.length_beats)
    clip_key = kept.key if kept is not None else desc.key
    if (
        key_given
        and clip_key is not None
        and clip_key.pitch_classes != ctx.key.pitch_classes
        and part != "drums"
    ):
        # the key asked for wins: the clip's chords (in another key: not its relative) are not followed,
        # its rhythm is
        ctx = replace(ctx, chords=())
        summary = (
            f"following the rhythm of {clip.where}{why}, not its chords in {clip_key}: "
            f"the key {ctx.key} was given, with the genre's progression"
        )
        return ctx, Follow(summary, tuple(looped), False)
    if kept is not None:
        ctx = replace(ctx, chords=kept.chords, key=ctx.key if key_given else kept.key)
        chords_said = f"{len(kept.chords)} chords" if kept.chords else "the genre's progression"
        summary = f"following {clip.where}{why}: {chords_said}, kept {kept.key} from take {kept.take_id[:6]}"
        if part == "drums":
            summary = f"kick on the onsets of {clip.where}{why}"
        return ctx, Follow(summary, tuple(looped), False)
    chords = desc.generator_chords()
    if chords:
        ctx = replace(ctx, chords=chords)
    if desc.key is not None and not key_given:
        ctx = replace(ctx, key=desc.key)
    key = f", {ctx.key}" if desc.key is not None else ""
    if desc.key is not None and not key_given and desc.key_confidence < KEY_CONFIDENCE_MIN:
        key = f", read {desc.key_said(KEY_CONFIDENCE_MIN)}"  # a guess: say it and its rival
    summary = f"following {clip.where}{why}: {len(chords)} chords{key}"
    if part == "drums":
        summary = f"kick on the onsets of {clip.where}{why}"
    return ctx, Follow(summary, tuple(looped), False)


def _song_source(ctx: MusicalContext, key_given: bool, part: str, chords_from: str) -> str:
    """What a part that follows no clip follows: the analysed chords, or the key and the genre."""
    if part == "drums":
        return "following: no clip (the genre's groove)"
    key = f"the key {ctx.key} (given)" if key_given else f"Live's key {ctx.key}"
    if ctx.chords:
        return f"following: the analysed chords of {chords_from or 'the last analysis'} in {key}"
    return f"following: {key} and the genre's progression"


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
