"""One bar of each style of the meter set (waltz, 3/4 in triplets, 6/8, 12/8 shuffle, 2/4 polka,
4/4, 5/4, 7/8), written note by note for piano or band; ``tools/eval/meters.py`` plans and renders them.
"""

from __future__ import annotations

from collections.abc import Callable

from engines.music import Note

KICK, SNARE, HAT, RIDE = 36, 38, 42, 51


Bar = Callable[[float, list[int], int, bool], dict[str, list[Note]]]


def _chord(at: float, tones: list[int], length: float, velocity: int) -> list[Note]:
    return [Note(p, at, length, velocity) for p in tones]


def _hits(drum: int, times: list[float], velocity: int) -> list[Note]:
    return [Note(drum, t, 0.25, velocity) for t in times]


def waltz(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """Oom-pah-pah: the bass on one, the chord on two and three, a melody of a half and a quarter."""
    parts = {
        "bass": [Note(bass, at, 0.95, 100)],
        "chords": _chord(at + 1, tones, 0.9, 64) + _chord(at + 2, tones, 0.9, 60),
        "melody": [Note(tones[2] + 12, at, 2.0, 84), Note(tones[1] + 12, at + 2, 1.0, 76)],
    }
    if band:
        parts["drums"] = _hits(KICK, [at], 100) + _hits(HAT, [at + 1, at + 2], 60)
    return parts


def triplets34(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """3/4 over a running triplet-eighth arpeggio (nine a bar), bass on one, melody in quarters."""
    arpeggio = [tones[i % 3] + (12 if i % 6 >= 3 else 0) for i in range(9)]
    parts = {
        "bass": [Note(bass, at, 2.9, 100)],
        "chords": [Note(p, at + i / 3, 1 / 3, 72 if i % 3 == 0 else 56) for i, p in enumerate(arpeggio)],
        "melody": [Note(tones[(2 - i) % 3] + 24, at + i, 0.95, 84) for i in range(3)],
    }
    if band:
        parts["drums"] = _hits(KICK, [at], 100) + _hits(RIDE, [at + i for i in range(3)], 70)
    return parts


def compound68(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """6/8: bass on the two dotted quarters, eighths in threes (accent on each group), melody in
    dotted quarters; the band adds kick on one, snare on four, hats on every eighth."""
    eighths = [tones[0], tones[1], tones[2], tones[0] + 12, tones[2], tones[1]]
    parts = {
        "bass": [Note(bass, at, 1.4, 100), Note(bass + 7, at + 1.5, 1.4, 92)],
        "chords": [Note(p, at + i / 2, 0.5, 80 if i % 3 == 0 else 54) for i, p in enumerate(eighths)],
        "melody": [Note(tones[2] + 12, at, 1.5, 84), Note(tones[1] + 12, at + 1.5, 1.5, 80)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at], 100)
            + _hits(SNARE, [at + 1.5], 92)
            + _hits(HAT, [at + i / 2 for i in range(6)], 56)
        )
    return parts


def shuffle128(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """12/8 shuffle: bass on the four dotted quarters, chord stabs on every triplet eighth (the
    beats louder), melody in dotted halves; the band: kick on 1 and 3, snare on 2 and 4, ride eighths."""
    parts = {
        "bass": [Note(bass + (7 if b % 2 else 0), at + 1.5 * b, 1.4, 100) for b in range(4)],
        "chords": [n for i in range(12) for n in _chord(at + i / 2, tones, 0.45, 78 if i % 3 == 0 else 48)],
        "melody": [Note(tones[2] + 12, at, 3.0, 84), Note(tones[1] + 12, at + 3, 3.0, 80)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 3], 100)
            + _hits(SNARE, [at + 1.5, at + 4.5], 96)
            + _hits(RIDE, [at + i / 2 for i in range(12)], 60)
        )
    return parts


def polka24(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """2/4: bass on one, the chord on two, a melody in eighths."""
    parts = {
        "bass": [Note(bass, at, 0.95, 100)],
        "chords": _chord(at + 1, tones, 0.9, 66),
        "melody": [Note(tones[i % 3] + 12, at + i / 2, 0.45, 80) for i in range(4)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at], 100)
            + _hits(SNARE, [at + 1], 90)
            + _hits(HAT, [at, at + 0.5, at + 1, at + 1.5], 56)
        )
    return parts


def common44(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """4/4: bass on one and three, the chord on every beat, melody in quarters and a half."""
    parts = {
        "bass": [Note(bass, at, 1.9, 100), Note(bass + 7, at + 2, 1.9, 92)],
        "chords": [n for b in range(4) for n in _chord(at + b, tones, 0.9, 66 if b else 74)],
        "melody": [
            Note(tones[2] + 12, at, 1.0, 84),
            Note(tones[1] + 12, at + 1, 1.0, 78),
            Note(tones[0] + 12, at + 2, 2.0, 80),
        ],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 2], 100)
            + _hits(SNARE, [at + 1, at + 3], 92)
            + _hits(HAT, [at + i / 2 for i in range(8)], 56)
        )
    return parts


def odd54(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """5/4 as 3 + 2: bass on one and four, the chord on the other beats, melody in quarters."""
    parts = {
        "bass": [Note(bass, at, 2.9, 100), Note(bass + 7, at + 3, 1.9, 92)],
        "chords": [n for b in (1, 2, 4) for n in _chord(at + b, tones, 0.9, 64)],
        "melody": [Note(tones[(b * 2) % 3] + 12, at + b, 0.95, 80) for b in range(5)],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 3], 100)
            + _hits(SNARE, [at + 2, at + 4], 90)
            + _hits(HAT, [at + b for b in range(5)], 56)
        )
    return parts


def odd78(at: float, tones: list[int], bass: int, band: bool) -> dict[str, list[Note]]:
    """7/8 as 2 + 2 + 3 eighths: bass on each group, the chord on every eighth (group starts louder)."""
    starts = (0, 2, 4)
    parts = {
        "bass": [
            Note(bass + (7 if g == 1 else 0), at + s / 2, 0.9 if g < 2 else 1.4, 100)
            for g, s in enumerate(starts)
        ],
        "chords": [n for i in range(7) for n in _chord(at + i / 2, tones, 0.45, 76 if i in starts else 50)],
        "melody": [
            Note(tones[g] + 12, at + s / 2, 0.95 if g < 2 else 1.45, 80) for g, s in enumerate(starts)
        ],
    }
    if band:
        parts["drums"] = (
            _hits(KICK, [at, at + 2], 100)
            + _hits(SNARE, [at + 1], 92)
            + _hits(HAT, [at + i / 2 for i in range(7)], 56)
        )
    return parts


BARS: dict[str, Bar] = {
    "waltz": waltz,
    "triplets34": triplets34,
    "compound68": compound68,
    "shuffle128": shuffle128,
    "polka24": polka24,
    "common44": common44,
    "odd54": odd54,
    "odd78": odd78,
}
