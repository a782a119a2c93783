"""Chords and strong-beat tones inside any Live 12 scale: stacked thirds, else sus or quartal chords.

A seven-note scale stacks every other degree, so the modes read as in harmony books; a degree
whose stacked thirds are not a third and a fifth (the augmented seconds of Bhairav or Hungarian
Minor) and every degree of the other scales take the third and fifth the scale holds above the
root (major or minor third with a perfect fifth first, then diminished, then augmented). A root
with no such third takes sus4, sus2 or two stacked fourths (quartal) where the scale holds them;
a root that holds none of these carries no chord. Major and Minor also take the genre's listed
chromatic tones; every other scale is followed strictly.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from engines.errors import InvalidValue
from engines.music import SCALES, Key

TRIADS = {(4, 7): "maj", (3, 7): "min", (3, 6): "dim", (4, 8): "aug"}
OPEN_CHORDS = {(5, 7): "sus4", (2, 7): "sus2", (5, 10): "quartal"}  # where no third fits
SEVENTHS = {
    ("maj", 11): "maj7",
    ("maj", 10): "7",
    ("min", 10): "min7",
    ("min", 11): "minmaj7",
    ("dim", 10): "hdim7",
    ("dim", 9): "dim7",
}
CHROMATIC_SCALES = ("Major", "Minor")  # the scales that take a genre's listed chromatic tones


def intervals_of(key: Key) -> tuple[int, ...]:
    """The key's scale intervals; raises InvalidValue naming the scale when Live 12 has no such scale."""
    if key.scale not in SCALES:
        raise InvalidValue(
            f"scale {key.scale!r} is not one of Live 12's scales, so no part can follow it: "
            f"expected one of {', '.join(SCALES)}"
        )
    return SCALES[key.scale]


@lru_cache(maxsize=1024)
def scale_chord(intervals: tuple[int, ...], degree: int, seventh: bool) -> str | None:
    """The quality of the chord built in the scale on ``degree`` (semitones above the tonic), or None.

    ``seventh`` adds the scale's own seventh where it makes a known quality (cached: pure).
    """
    held = {(i - degree) % 12 for i in intervals}
    triad = None
    if len(intervals) == 7 and degree in intervals:
        idx = intervals.index(degree)
        third, fifth, svn = ((intervals[(idx + k) % 7] - degree) % 12 for k in (2, 4, 6))
        triad = TRIADS.get((third, fifth))
        if triad is not None:
            return SEVENTHS.get((triad, svn), triad) if seventh else triad
    for (third, fifth), name in TRIADS.items():
        if third in held and fifth in held:
            triad = name
            break
    if triad is None:
        return next((name for (a, b), name in OPEN_CHORDS.items() if a in held and b in held), None)
    if seventh:
        return next((q for (t, svn), q in SEVENTHS.items() if t == triad and svn in held), triad)
    return triad


@lru_cache(maxsize=256)
def chord_roots(intervals: tuple[int, ...]) -> tuple[int, ...]:
    """The degrees (semitones above the tonic) of a scale that carry a chord, ascending."""
    return tuple(d for d in intervals if scale_chord(intervals, d, False) is not None)


def mode_family(key: Key) -> str:
    """ "major" or "minor": the third of the chord on the tonic (sus and quartal tonics read minor)."""
    return "major" if scale_chord(intervals_of(key), 0, False) in ("maj", "aug") else "minor"


def snap_root(key: Key, root: int) -> int:
    """The chord root of the key's scale nearest at or above ``root`` (a pitch class)."""
    roots = [(key.tonic + d) % 12 for d in chord_roots(intervals_of(key))]
    return min(roots, key=lambda pc: ((pc - root) % 12, pc))


def check_scale(key: Key) -> None:
    """Raise InvalidValue naming the scale and why when it cannot carry bass, chords or melody."""
    intervals = intervals_of(key)
    if not chord_roots(intervals):
        raise InvalidValue(
            f"scale {key.scale!r} ({', '.join(map(str, intervals))}) holds no triad, sus or quartal "
            "chord on any degree, so bass, chords and melody cannot follow it"
        )


@lru_cache(maxsize=4096)
def strong_tone(pc: int, chord_pcs: tuple[int, ...], scale_pcs: frozenset[int]) -> int:
    """A strong beat's pitch class: ``pc`` when the scale holds it, else the first chord tone the
    scale holds (an inversion under an out-of-scale root), else the scale tone nearest ``pc``."""
    if pc in scale_pcs:
        return pc
    for tone in chord_pcs:
        if tone in scale_pcs:
            return tone
    return min(scale_pcs, key=lambda s: (min((s - pc) % 12, (pc - s) % 12), s))


def near_strong(beat: float, bar_beats: float, strong: Sequence[float], tol: float = 0.07) -> bool:
    """Whether ``beat`` (from the clip start) lies within ``tol`` beats of a strong beat of its bar
    or of the next downbeat: a kick-locked note played a hair early still counts as on the beat."""
    pos = beat % bar_beats
    return any(abs(pos - b) < tol for b in strong) or bar_beats - pos < tol


def in_scale(tones: Sequence[int], scale_pcs: frozenset[int]) -> tuple[int, ...]:
    """The tones the scale holds, in order; the whole scale when it holds none of them."""
    kept = tuple(t for t in tones if t in scale_pcs)
    return kept or tuple(sorted(scale_pcs))
