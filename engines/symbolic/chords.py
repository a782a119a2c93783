"""Chords from notes: one Harte label per step (a beat or half a bar), merged where it repeats.

Each step weighs the pitch classes sounding in it by how long they sound (the lowest note is the
bass), then scores every root against chord templates: tones of the chord that sound count for
it, sounding tones outside it count against it, a missing tone costs a fixed amount. Inversions
come out as Harte slash chords ("C:maj/3"). A silence shorter than ``hold_beats`` between chords
(stabs, a comping rhythm) keeps the chord before it; a longer one is "N". Times are beats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from engines.errors import InvalidValue
from engines.music import NOTE_NAMES, Chord, Note

NO_CHORD = "N"
# Harte shorthands recognised, with their intervals; sixths are read as inverted sevenths.
TEMPLATES: dict[str, tuple[int, ...]] = {
    "maj": (0, 4, 7),
    "min": (0, 3, 7),
    "dim": (0, 3, 6),
    "aug": (0, 4, 8),
    "sus4": (0, 5, 7),
    "sus2": (0, 2, 7),
    "7": (0, 4, 7, 10),
    "maj7": (0, 4, 7, 11),
    "min7": (0, 3, 7, 10),
    "hdim7": (0, 3, 6, 10),
    "dim7": (0, 3, 6, 9),
    "minmaj7": (0, 3, 7, 11),
}
# A small preference among equal fits: plain triads first, then sevenths, suspensions last.
PRIOR = {"maj": 0.03, "min": 0.03, "7": 0.02, "min7": 0.015, "maj7": 0.01, "dim": 0.0, "hdim7": 0.0,
         "aug": -0.05, "sus4": -0.03, "sus2": -0.03}  # fmt: skip
MISSING_TONE_COST = 0.3
PRESENT = 0.06  # share of a step's sounding time a tone needs to count as present
BASS_IS_ROOT_BONUS = 0.06
# Harte degree names of the bass above the root, for slash chords.
DEGREES = ("1", "b2", "2", "b3", "3", "4", "b5", "5", "#5", "6", "b7", "7")
SILENT = 1e-6


@dataclass(frozen=True, slots=True)
class ChordSpan:
    """A recognised chord: beats from the clip start, Harte label, root and bass pitch classes."""

    start_beats: float
    duration_beats: float
    label: str  # "A:min7", "C:maj/3", "N"
    root: int | None  # pitch class; None for "N"
    quality: str  # a TEMPLATES key; "" for "N"
    bass: int | None  # the lowest sounding pitch class

    def as_chord(self) -> Chord | None:
        """The span as the generators' Chord (inversion dropped); None for "N"."""
        if self.root is None:
            return None
        return Chord(self.start_beats, self.duration_beats, self.root, self.quality)


def weights(notes: Sequence[Note], start: float, end: float) -> tuple[list[float], int | None]:
    """Pitch-class sounding time within [start, end) and the lowest sounding pitch class."""
    w = [0.0] * 12
    lowest: int | None = None
    for n in notes:
        overlap = min(end, n.start_beats + n.duration_beats) - max(start, n.start_beats)
        if overlap <= 0 or n.mute:
            continue
        w[n.pitch % 12] += overlap
        if overlap >= 0.25 * (end - start) and (lowest is None or n.pitch < lowest):
            lowest = n.pitch
    return w, None if lowest is None else lowest % 12


def best_chord(w: Sequence[float], bass: int | None) -> tuple[int, str] | None:
    """(root, quality) that best explains the pitch-class weights; None when nothing sounds."""
    total = sum(w)
    if total <= SILENT:
        return None
    share = [x / total for x in w]
    best: tuple[float, int, str] | None = None
    for root in range(12):
        for quality, intervals in TEMPLATES.items():
            tones = [(root + i) % 12 for i in intervals]
            inside = sum(share[t] for t in tones)
            missing = sum(1 for t in tones if share[t] < PRESENT)
            score = 2 * inside - 1 - MISSING_TONE_COST * missing + PRIOR.get(quality, -0.01)
            if bass == root:
                score += BASS_IS_ROOT_BONUS
            if best is None or score > best[0] + 1e-9:
                best = (score, root, quality)
    assert best is not None
    return best[1], best[2]


def label_of(root: int | None, quality: str, bass: int | None) -> str:
    """Harte label: "C:maj", "C:maj/3" (E in the bass), "N"."""
    if root is None:
        return NO_CHORD
    text = f"{NOTE_NAMES[root]}:{quality}"
    if bass is not None and bass != root and (bass - root) % 12 in TEMPLATES[quality]:
        text += "/" + DEGREES[(bass - root) % 12]
    return text


def _silent_until(notes: Sequence[Note], start: float) -> float:
    """Beats from ``start`` to the next note start (infinite when none follows)."""
    later = [n.start_beats for n in notes if n.start_beats >= start]
    return (min(later) - start) if later else math.inf


def recognise(
    notes: Sequence[Note], length_beats: float, *, step_beats: float = 1.0, hold_beats: float = 4.0
) -> list[ChordSpan]:
    """Chords over [0, length_beats) in steps of ``step_beats``, equal neighbours merged."""
    if step_beats <= 0 or not math.isfinite(step_beats):
        raise InvalidValue(f"chord step {step_beats} beats is not valid: expected a positive number")
    if length_beats <= 0:
        raise InvalidValue(f"clip length {length_beats} beats is not valid: expected more than 0")
    pitched = [n for n in notes if not n.mute]
    spans: list[ChordSpan] = []
    steps = math.ceil(length_beats / step_beats - 1e-9)
    for i in range(steps):
        start = i * step_beats
        end = min(length_beats, start + step_beats)
        w, bass = weights(pitched, start, end)
        found = best_chord(w, bass)
        root, quality = found if found is not None else (None, "")
        label = label_of(root, quality, bass)
        if (
            found is None
            and spans
            and spans[-1].root is not None
            and _silent_until(pitched, start) < hold_beats
        ):
            last = spans[-1]  # a short rest inside the harmony: the chord rings on
            root, quality, label, bass = last.root, last.quality, last.label, last.bass
        if spans and spans[-1].label == label:
            last = spans[-1]
            spans[-1] = ChordSpan(last.start_beats, end - last.start_beats, label, root, quality, last.bass)
        else:
            spans.append(
                ChordSpan(start, end - start, label, root, quality, bass if root is not None else None)
            )
    return spans
