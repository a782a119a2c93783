"""Chords from notes: one Harte label per step (a beat or half a bar), merged where it repeats.

Each step weighs the pitch classes sounding in it by how long they sound (the lowest note is the
bass), then scores every root against chord templates: tones of the chord that sound count for
it, sounding tones outside it count against it, a missing tone costs a fixed amount. The chord
sequence is then smoothed (Viterbi): changing chord costs ``CHANGE_COST``. Inversions
come out as Harte slash chords ("C:maj/3"). A silence shorter than ``hold_beats`` between chords
(stabs, a comping rhythm) keeps the chord before it; a longer one is "N". Times are beats.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from engines.errors import InvalidValue
from engines.generators.theory import QUALITIES
from engines.music import NOTE_NAMES, Chord, Note

NO_CHORD = "N"
# Harte shorthands recognised (intervals: the one table in engines.generators.theory); sixths are
# read as inverted sevenths. The order is the order candidates are tried in.
RECOGNISED = ("maj", "min", "dim", "aug", "sus4", "sus2", "7", "maj7", "min7", "hdim7", "dim7", "minmaj7")
TEMPLATES: dict[str, tuple[int, ...]] = {name: QUALITIES[name] for name in RECOGNISED}
# A small preference among equal fits: plain triads first, then sevenths, suspensions last.
PRIOR = {"maj": 0.03, "min": 0.03, "7": 0.02, "min7": 0.015, "maj7": 0.01, "dim": 0.0, "hdim7": 0.0,
         "aug": -0.05, "sus4": -0.03, "sus2": -0.03}  # fmt: skip
MISSING_TONE_COST = 0.3
PRESENT = 0.06  # share of a step's sounding time a tone needs to count as present
BASS_IS_ROOT_BONUS = 0.06
# Harte degree names of the bass above the root, for slash chords.
DEGREES = ("1", "b2", "2", "b3", "3", "4", "b5", "5", "#5", "6", "b7", "7")
SILENT = 1e-6
# Score a new chord must gain over holding the last one (see ``smooth``): 0.35 is best of 0 ... 0.5
# on our songs read whole (bass, chords and melody) and costs nothing on the Roman-numeral set
# (docs/benchmarks/generators.md, "MIDI clips as context and transforms").
CHANGE_COST = 0.35
CANDIDATES = tuple((root, quality) for root in range(12) for quality in TEMPLATES)
_TONES = tuple(tuple((root + i) % 12 for i in TEMPLATES[quality]) for root, quality in CANDIDATES)
_PRIORS = tuple(PRIOR.get(quality, -0.01) for _, quality in CANDIDATES)


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


def weights(
    notes: Sequence[Note], start: float, end: float, note_weights: Sequence[float] | None = None
) -> tuple[list[float], int | None]:
    """Pitch-class sounding time within [start, end) (each note's times its weight, default 1) and
    the lowest sounding pitch class."""
    w = [0.0] * 12
    lowest: int | None = None
    for k, n in enumerate(notes):
        overlap = min(end, n.start_beats + n.duration_beats) - max(start, n.start_beats)
        if overlap <= 0 or n.mute:
            continue
        w[n.pitch % 12] += overlap * (note_weights[k] if note_weights is not None else 1.0)
        if overlap >= 0.25 * (end - start) and (lowest is None or n.pitch < lowest):
            lowest = n.pitch
    return w, None if lowest is None else lowest % 12


def candidate_scores(w: Sequence[float], bass: int | None) -> list[float] | None:
    """How well each of CANDIDATES explains the pitch-class weights; None when nothing sounds."""
    total = sum(w)
    if total <= SILENT:
        return None
    share = [x / total for x in w]
    absent = [x < PRESENT for x in share]
    out = []
    for (root, _quality), tones, prior in zip(CANDIDATES, _TONES, _PRIORS, strict=True):
        inside = 0.0
        missing = 0
        for t in tones:
            inside += share[t]
            missing += absent[t]
        score = 2 * inside - 1 - MISSING_TONE_COST * missing + prior
        out.append(score + BASS_IS_ROOT_BONUS if bass == root else score)
    return out


def smooth(rows: Sequence[Sequence[float]], change_cost: float) -> list[int]:
    """The candidate per step that maximises the summed scores less ``change_cost`` per change (Viterbi)."""
    if not rows:
        return []
    best = list(rows[0])
    back: list[list[int]] = []
    for row in rows[1:]:
        top = max(range(len(best)), key=lambda k: (best[k], -k))
        stay_or_move = []
        new = []
        for k, score in enumerate(row):
            moved = best[top] - change_cost
            if best[k] >= moved:
                stay_or_move.append(k)
                new.append(best[k] + score)
            else:
                stay_or_move.append(top)
                new.append(moved + score)
        back.append(stay_or_move)
        best = new
    path = [max(range(len(best)), key=lambda k: (best[k], -k))]
    for pointers in reversed(back):
        path.append(pointers[path[-1]])
    return path[::-1]


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
    notes: Sequence[Note],
    length_beats: float,
    *,
    step_beats: float = 1.0,
    hold_beats: float = 4.0,
    change_cost: float = CHANGE_COST,
    note_weights: Sequence[float] | None = None,
) -> list[ChordSpan]:
    """Chords over [0, length_beats) in steps of ``step_beats``, equal neighbours merged.

    ``note_weights`` (parallel to ``notes``) lets some notes count less: a melody over the chords.

    Each step is scored alone, then the sequence is smoothed: a change of chord must gain at
    least ``change_cost`` (a walking bass or a melody's passing tone does not make a new chord).
    """
    if step_beats <= 0 or not math.isfinite(step_beats):
        raise InvalidValue(f"chord step {step_beats} beats is not valid: expected a positive number")
    if length_beats <= 0:
        raise InvalidValue(f"clip length {length_beats} beats is not valid: expected more than 0")
    if note_weights is not None and len(note_weights) != len(notes):
        raise InvalidValue(f"{len(note_weights)} note weights for {len(notes)} notes: expected one per note")
    keep = [k for k, n in enumerate(notes) if not n.mute]
    pitched = [notes[k] for k in keep]
    pitched_weights = None if note_weights is None else [note_weights[k] for k in keep]
    steps = math.ceil(length_beats / step_beats - 1e-9)
    bounds = [(i * step_beats, min(length_beats, (i + 1) * step_beats)) for i in range(steps)]
    rows: list[list[float] | None] = []
    basses: list[int | None] = []
    sounded = False
    for start, end in bounds:
        w, bass = weights(pitched, start, end, pitched_weights)
        scores = candidate_scores(w, bass)
        if scores is None and sounded and _silent_until(pitched, start) < hold_beats:
            scores = [0.0] * len(CANDIDATES)  # a short rest inside the harmony: the chord rings on
            bass = basses[-1]
        sounded = scores is not None
        rows.append(scores)
        basses.append(bass)
    chosen: list[int | None] = [None] * steps
    i = 0
    while i < steps:  # smooth each run of sounding steps on its own
        if rows[i] is None:
            i += 1
            continue
        j = i
        while j < steps and rows[j] is not None:
            j += 1
        run = [r for r in rows[i:j] if r is not None]
        chosen[i:j] = smooth(run, change_cost)
        i = j
    spans: list[ChordSpan] = []
    for (start, end), pick, bass in zip(bounds, chosen, basses, strict=True):
        root, quality = CANDIDATES[pick] if pick is not None else (None, "")
        label = label_of(root, quality, bass)
        if spans and spans[-1].label == label:
            last = spans[-1]
            spans[-1] = ChordSpan(last.start_beats, end - last.start_beats, label, root, quality, last.bass)
        else:
            spans.append(
                ChordSpan(start, end - start, label, root, quality, bass if root is not None else None)
            )
    return spans
